package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	uv "github.com/charmbracelet/ultraviolet"
)

// Update handles a message: the window's size, the terminal's background,
// what commands bring back (an index built, an issue opened or counted, the
// Memory told), and keys, pastes and the mouse, which go to the screen
// that is up. Keys typed before the start are taken first: after the
// window's size, before anything else.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmds []tea.Cmd
	_, size := msg.(tea.WindowSizeMsg)
	if !size {
		cmds = m.takeTyped()
	}
	cmds = append(cmds, m.update(msg))
	if size {
		cmds = append(cmds, m.takeTyped()...)
	}
	m.refresh()
	m.handOver()
	cmds = append(cmds, m.picture())
	cmds = append(m.pending, cmds...)
	m.pending = nil
	return m, tea.Batch(cmds...)
}

// takeTyped handles the keys typed before the start, once.
func (m *Model) takeTyped() []tea.Cmd {
	var cmds []tea.Cmd
	for len(m.typed) > 0 {
		k := m.typed[0]
		m.typed = m.typed[1:]
		cmds = append(cmds, m.update(k))
	}
	return cmds
}

// update handles one message, for Update.
func (m *Model) update(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.resize(msg.Width, msg.Height)
		if m.onShelf() {
			m.pending = append(m.pending, m.shelf.countNext(m.mem))
		}
	case tea.BackgroundColorMsg:
		m.background(msg.IsDark())
	case searchDueMsg:
		m.searchDue() // see promptUpdate
	case indexMsg:
		if msg.is == m.issue && m.search.ix == nil {
			m.search.ix = msg.ix
		}
	case openedMsg:
		m.opened(msg)
	case shelfFoundMsg:
		m.shelfFound(msg)
	case countedMsg:
		m.shelf.counted(msg)
		if m.onShelf() || m.screen == shelfFindScreen {
			m.shelfWords()
		}
		if msg.warning != nil {
			m.warn(msg.warning)
		}
		m.pending = append(m.pending, m.shelf.countNext(m.mem))
	case savedMsg:
		if msg.err != nil {
			m.warn(msg.err)
		}
	case stopMsg:
		cmd = m.quit()
	case uv.KittyGraphicsEvent, uv.PrimaryDeviceAttributesEvent:
		m.graphicsAnswer(msg)
	case pictureMsg:
		cmd = m.pictureArrived(msg)
	case tea.KeyPressMsg:
		cmd = m.key(msg)
	case tea.PasteMsg:
		m.dismiss()
		switch {
		case m.screen == searchScreen:
			m.promptUpdate(msg)
		case m.screen == shelfFindScreen && m.find.prompting:
			m.find.prompt.update(msg, m.c.keys.Prompt)
		case m.screen == issueScreen && !m.c.geo.TooSmall:
			m.openSearch(msg.Content) // a paste is something to look for
		}
	case tea.MouseWheelMsg:
		m.wheel(msg.Mouse())
	case tea.MouseClickMsg:
		if m.screen != searchScreen {
			m.click(msg.Mouse())
		}
	}
	return cmd
}

// key gives a key to the screen that is up. q quits from every screen but
// the prompt, which takes every key as text but ctrl+c.
func (m *Model) key(msg tea.KeyPressMsg) tea.Cmd {
	k := &m.c.keys
	m.dismiss()
	if m.screen == searchScreen {
		if msg.String() == "ctrl+c" {
			return m.quit()
		}
		m.promptUpdate(msg)
		return nil
	}
	if m.screen == shelfFindScreen && m.find.prompting && msg.String() != "ctrl+c" {
		m.shelfFindKey(msg) // the prompt takes q as text
		return nil
	}
	if key.Matches(msg, k.Quit) {
		return m.quit()
	}
	if key.Matches(msg, k.Suspend) {
		return tea.Suspend
	}
	switch m.screen {
	case shelfFindScreen:
		m.shelfFindKey(msg)
	case helpScreen:
		if m.help.update(msg, k) == toBack {
			m.closeOverlay()
		}
	case shelfScreen:
		m.shelfKey(msg)
	case issueScreen:
		return m.issueKeys(msg)
	case mapScreen:
		m.mapKey(msg)
	}
	return nil
}

// openHelp puts the help up, over the screen that is.
func (m *Model) openHelp() {
	m.help.top = 0
	m.show(helpScreen)
}

// shelfKey handles a key on the shelf: the keys of every screen, then the
// shelf pane's own.
func (m *Model) shelfKey(msg tea.KeyPressMsg) {
	k := &m.c.keys
	switch {
	case key.Matches(msg, k.Help):
		m.openHelp()
	case key.Matches(msg, k.Theme):
		m.cycleTheme()
	case key.Matches(msg, k.NextUnread):
		m.openUnread(m.shelf.unreadFrom(m.shelf.cur, "")) // from the day selected on
	case key.Matches(msg, k.Search):
		m.openShelfFind()
	default:
		if m.shelf.update(msg, k) == toOpen {
			m.openFromShelf()
		}
	}
	m.pending = append(m.pending, m.shelf.countNext(m.mem))
}

// issueKeys handles a key on an issue: the keys that reach across the
// panes — the help, the shelf, the search, stories and pages, what is read,
// the clipboard, the theme and the indent — then the focused pane's own.
func (m *Model) issueKeys(msg tea.KeyPressMsg) tea.Cmd {
	k := &m.c.keys
	switch {
	case key.Matches(msg, k.Help):
		m.openHelp()
	case key.Matches(msg, k.Shelf):
		m.toShelf()
	case key.Matches(msg, k.Map) && !m.c.geo.TooSmall:
		m.openMap()
	case key.Matches(msg, k.Search) && !m.c.geo.TooSmall:
		m.openSearch("")
	case key.Matches(msg, k.NextMatch):
		m.nextMatch(1)
	case key.Matches(msg, k.PrevMatch):
		m.nextMatch(-1)
	case key.Matches(msg, k.Narrow):
		m.toggleNarrow()
	case key.Matches(msg, k.Theme):
		m.cycleTheme()
	case key.Matches(msg, k.Indent):
		m.toggleIndent()
	case key.Matches(msg, k.NextUnread):
		m.nextUnread()
	case key.Matches(msg, k.ToggleRead):
		m.toggleRead()
	case key.Matches(msg, k.AllRead):
		m.allRead()
	case key.Matches(msg, k.Copy):
		return m.copyStory()
	case key.Matches(msg, k.Switch):
		if m.focus == focusList {
			m.focus = focusBody
		} else {
			m.focus = focusList
		}
	case key.Matches(msg, k.NextArticle, k.PrevArticle):
		m.nextStory(key.Matches(msg, k.NextArticle))
	case key.Matches(msg, k.NextPage, k.PrevPage):
		m.nextPage(key.Matches(msg, k.NextPage))
	case m.focus == focusList:
		switch m.list.update(msg, k) {
		case toOpen:
			m.read()
		case toBack:
			m.toShelf() // or says there is no shelf
			return nil
		}
		m.sync()
	default:
		if m.body.update(msg, k) == toBack {
			m.focus = focusList
		}
	}
	return nil
}

// toggleIndent turns the first-line indent on or off, and says which.
func (m *Model) toggleIndent() {
	m.c.indent = !m.c.indent
	m.body.reflow()
	if m.c.indent {
		m.say("首行缩进：开")
	} else {
		m.say("首行缩进：关")
	}
}

// nextStory reads the next story (or the previous one), and says so at
// either end.
func (m *Model) nextStory(next bool) {
	before := m.list.cur
	if next {
		m.list.move(1)
	} else {
		m.list.move(-1)
	}
	m.sync()
	m.read()
	if m.list.cur == before {
		m.edge(next, "篇")
	}
}

// nextPage selects the first story of the next page (or the previous
// one), reading it when the body has the keys; it says so at either end.
func (m *Model) nextPage(next bool) {
	before := m.list.cur
	if next {
		m.list.movePage(1)
	} else {
		m.list.movePage(-1)
	}
	m.sync()
	if m.focus == focusBody {
		m.read()
	}
	if m.list.cur == before {
		m.edge(next, "版")
	}
}

// paneAt returns the pane under cell (x, y), and false for none.
func (m *Model) paneAt(x, y int) (focus, bool) {
	g := m.c.geo
	switch {
	case g.TooSmall:
		return 0, false
	case g.Single:
		return m.focus, g.Body.Contains(x, y)
	case g.List.Contains(x, y):
		return focusList, true
	case g.Body.Contains(x, y):
		return focusBody, true
	}
	return 0, false
}

// wheelStep is how many lines a turn of the mouse wheel scrolls.
const wheelStep = 3

func (m *Model) wheel(ms tea.Mouse) {
	d := 0
	switch ms.Button {
	case tea.MouseWheelDown:
		d = wheelStep
	case tea.MouseWheelUp:
		d = -wheelStep
	default:
		return
	}
	switch m.screen {
	case helpScreen:
		m.help.scroll(d)
		return
	case shelfFindScreen:
		return
	case shelfScreen:
		if !m.c.geo.TooSmall && m.c.geo.Shelf.Contains(ms.X, ms.Y) {
			m.shelf.scroll(d)
			m.pending = append(m.pending, m.shelf.countNext(m.mem))
		}
		return
	case mapScreen:
		return
	}
	switch p, ok := m.paneAt(ms.X, ms.Y); {
	case !ok:
	case p == focusList:
		m.list.scroll(d)
	default:
		m.body.scroll(d)
	}
}

// click selects the headline clicked, or opens it when it is selected;
// a click in the body gives it the keys.
func (m *Model) click(ms tea.Mouse) {
	if ms.Button != tea.MouseLeft || m.screen == helpScreen || m.screen == shelfFindScreen {
		return
	}
	if m.screen == shelfScreen {
		m.clickShelf(ms)
		return
	}
	if m.screen == mapScreen {
		m.mapClick(ms)
		return
	}
	p, ok := m.paneAt(ms.X, ms.Y)
	if !ok {
		return
	}
	m.dismiss()
	if p == focusBody {
		m.focus = focusBody
		return
	}
	inner := m.c.geo.Inner(m.c.geo.List)
	i, ok := m.list.rowAt(ms.Y - inner.Y)
	if !ok || !m.list.rows[i].isStory() {
		return
	}
	if i == m.list.cur {
		m.read()
		return
	}
	m.list.cur = i
	m.list.follow()
	m.focus = focusList
	m.sync()
}

// clickShelf selects the issue clicked, or opens it when it is selected.
func (m *Model) clickShelf(ms tea.Mouse) {
	g := m.c.geo
	if g.TooSmall {
		return
	}
	i, ok := m.shelf.rowAt(ms.Y - g.Inner(g.Shelf).Y)
	if !ok || !g.Shelf.Contains(ms.X, ms.Y) {
		return
	}
	m.dismiss()
	if i == m.shelf.cur {
		m.openFromShelf()
		return
	}
	m.shelf.moveTo(i)
}
