package tui

import (
	"strconv"
	"strings"
	"sync"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/dubaoreader/dubao/model"
	"github.com/dubaoreader/dubao/themes"
	"github.com/dubaoreader/dubao/tui/layout"
)

// Options configure the reader. The zero value is a reader in Narrow mode
// with the default measure and theme.
type Options struct {
	Measure      layout.Measure // how wide text is; see AgreeWidth
	MeasureChars int            // the reading measure in CJK characters; DefaultMeasure when 0
	NoIndent     bool           // start without the first-line indent

	ThemeName  string         // --theme; "" to choose by NO_COLOR and the background
	NoColor    string         // the value of $NO_COLOR
	UserThemes []themes.Theme // from themes.LoadDir
	Warnings   []string       // shown in the status bar at start, such as a bad theme file

	// Key is the issue's key in Memory: its date, or where it was read
	// from; "" remembers nothing of it. Memory is what is remembered from
	// one run to the next, nil for nothing.
	Key    string
	Memory Memory

	// Library is the shelf of days: New with no issue opens on it, and s
	// goes back to it from an issue — one of its days when it is given one
	// (dubao --date), Key being the day's date. nil for none.
	Library Library

	// Width and Height are the window's size until bubbletea says: for
	// tests and benchmarks. Zero draws nothing until then.
	Width, Height int
}

// focus is which pane keys go to.
type focus int

const (
	focusList focus = iota
	focusBody
)

// Model is the reader: it routes messages to the shelf, the list, the
// body and the help, and draws them with a header and a status bar.
type Model struct {
	c     common
	issue *model.Issue // the open issue, its stories in the reader's order
	st    stories
	list  list
	body  body
	help  help
	focus focus

	// The shelf, and whether it is on the screen; the date of the issue
	// open from it ("" for one not from the shelf).
	shelf   shelfPane
	onShelf bool
	date    string

	// What is remembered between runs: the open issue's key in mem, and
	// whether a story has been read in it since it was opened (until then
	// its position is not saved over).
	mem      Memory
	issueKey string
	reading  bool

	// Commands to run after this Update: the Memory told of a story read,
	// an issue opened or counted. quitErr is what saving the position on
	// quitting came to, for Run.
	pending []tea.Cmd
	quitErr error
	tells   []func() error  // what the Memory is to be told, not handed over yet
	telling *sync.WaitGroup // what it is being told, handed over

	themeChosen bool // the theme was named, by --theme or t: keep it
	noColor     string
	user        []themes.Theme

	message message // a passing message or warning in the status bar

	// The search, and its prompt while it is open: where the reader was
	// when it opened (to go back to on esc, and to search from), and
	// whether the first match shown came round from the start.
	search    search
	prompt    prompt
	prompting bool
	before    place
	origin    spot
	wrapped   bool

	// Ready to print, rebuilt by refresh after each change.
	header, status string
	tooSmall       string
	cursorX        int // the prompt's cursor cell on the status bar
}

// New returns the reader on issue, or on the shelf of o.Library when issue
// is nil.
func New(is *model.Issue, o Options) *Model {
	m := &Model{noColor: o.NoColor, user: o.UserThemes, search: search{cur: -1}, mem: o.Memory, telling: &sync.WaitGroup{}}
	m.c = common{m: o.Measure, measure: o.MeasureChars, indent: !o.NoIndent, keys: DefaultKeyMap()}
	if m.c.measure < 1 {
		m.c.measure = DefaultMeasure
	}
	t, err := themes.Resolve(themes.Options{Name: o.ThemeName, NoColor: o.NoColor, DarkBackground: true, User: o.UserThemes})
	m.themeChosen = o.ThemeName != "" && err == nil
	warnings := o.Warnings
	if err != nil {
		warnings = append([]string{err.Error()}, warnings...)
	}
	m.body = newBody(&m.c)
	m.help = help{c: &m.c}
	m.c.st = newStyles(t)
	m.shelf = newShelfPane(&m.c, o.Library)
	m.c.geo = NewGeometry(o.Width, o.Height, m.c.measure, m.c.m)
	if is == nil && o.Library != nil {
		m.issue, m.st = readIssue(&model.Issue{})
		m.list = newList(&m.c, m.issue, &m.st, &ReadMarks{})
		m.onShelf = true
	} else {
		var r Recall
		if o.Memory != nil && o.Key != "" {
			var err error
			if r, err = o.Memory.Load(o.Key); err != nil {
				warnings = append(warnings, err.Error())
			}
		}
		m.open(Opened{Issue: is, Key: o.Key}, r)
		if o.Library != nil {
			m.date = o.Key
		}
	}
	m.warn(warnings)
	m.resize(o.Width, o.Height)
	m.refresh()
	return m
}

// warn shows the first of warnings in the status bar, and how many more
// there are.
func (m *Model) warn(warnings []string) {
	if len(warnings) == 0 {
		return
	}
	text := warnings[0]
	if len(warnings) > 1 {
		text += "（另有 " + strconv.Itoa(len(warnings)-1) + " 条）"
	}
	m.message = message{text: text, warn: true}
}

// open puts the issue op in the reader, as read so far (r): the list at
// its first story, or where the reading stopped when r says.
func (m *Model) open(op Opened, r Recall) {
	is := op.Issue
	if is == nil {
		is = &model.Issue{}
	}
	m.issue, m.st = readIssue(is)
	m.issueKey, m.reading = op.Key, false
	m.search, m.prompting, m.focus = search{cur: -1}, false, focusList
	m.list = newList(&m.c, m.issue, &m.st, NewReadMarks(r.Read))
	m.body = newBody(&m.c)
	m.onShelf = false
	m.resize(m.c.geo.Width, m.c.geo.Height)
	m.sync()
	if r.Position != nil {
		m.restore(*r.Position)
	}
}

// Init asks the terminal for its background, to choose between the light
// and the dark theme, unless the choice is made; builds the open issue's
// search index off the UI goroutine, or on the shelf starts counting the
// issues in view.
func (m *Model) Init() tea.Cmd {
	var cmds []tea.Cmd
	if m.onShelf {
		cmds = append(cmds, m.shelf.countNext(m.mem))
	} else {
		cmds = append(cmds, buildIndex(m.issue))
	}
	if !m.themeChosen && m.noColor == "" {
		cmds = append(cmds, tea.RequestBackgroundColor)
	}
	m.handOver() // a story opened where the reading had stopped
	cmds = append(cmds, m.pending...)
	m.pending = nil
	return tea.Batch(cmds...)
}

// Update handles a message.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.resize(msg.Width, msg.Height)
		if m.onShelf {
			m.pending = append(m.pending, m.shelf.countNext(m.mem))
		}
	case tea.BackgroundColorMsg:
		if !m.themeChosen {
			t, _ := themes.Resolve(themes.Options{NoColor: m.noColor, DarkBackground: msg.IsDark(), User: m.user})
			m.setTheme(t)
		}
	case indexMsg:
		if msg.is == m.issue && m.search.ix == nil {
			m.search.ix = msg.ix
		}
	case openedMsg:
		m.opened(msg)
	case countedMsg:
		m.shelf.counted(msg)
		if msg.warning != nil {
			m.message = message{text: msg.warning.Error(), warn: true}
		}
		m.pending = append(m.pending, m.shelf.countNext(m.mem))
	case savedMsg:
		if msg.err != nil {
			m.message = message{text: msg.err.Error(), warn: true}
		}
	case tea.KeyPressMsg:
		cmd = m.key(msg)
	case tea.PasteMsg:
		m.message = message{}
		switch {
		case m.prompting:
			m.promptUpdate(msg)
		case !m.help.open && !m.c.geo.TooSmall && !m.onShelf:
			m.openSearch(msg.Content) // a paste is something to look for
		}
	case tea.MouseWheelMsg:
		m.wheel(msg.Mouse())
	case tea.MouseClickMsg:
		if !m.prompting {
			m.click(msg.Mouse())
		}
	}
	m.refresh()
	m.handOver()
	if len(m.pending) > 0 {
		cmd = tea.Batch(append(m.pending, cmd)...)
		m.pending = nil
	}
	return m, cmd
}

// openFromShelf opens the selected issue of the shelf, off the UI
// goroutine; openedMsg brings it.
func (m *Model) openFromShelf() {
	date := m.shelf.selected()
	if date == "" || m.shelf.opening != "" {
		return
	}
	m.shelf.opening = date
	m.say("正在打开 " + issueTitle(date) + " …")
	m.pending = append(m.pending, openCmd(m.shelf.lib, m.mem, date))
}

// opened takes in an issue opened from the shelf: the reader goes to it,
// unless the shelf was left meanwhile or it could not be read.
func (m *Model) opened(msg openedMsg) {
	if msg.date != m.shelf.opening {
		return
	}
	m.shelf.opening = ""
	if !m.onShelf {
		return
	}
	if msg.err != nil {
		m.shelf.set(msg.date, 0, 0, false, msg.err)
		m.message = message{text: msg.err.Error(), warn: true}
		return
	}
	m.message = message{}
	m.open(msg.op, msg.recall)
	m.date = msg.date
	var warnings []string
	if msg.warning != nil {
		warnings = append(warnings, msg.warning.Error())
	}
	m.warn(append(warnings, msg.op.Warnings...))
	m.pending = append(m.pending, buildIndex(m.issue))
}

// toShelf leaves the issue for the shelf, remembering where the reading
// stopped and counting what is unread in it.
func (m *Model) toShelf() {
	if m.shelf.lib == nil {
		m.say("没有书架")
		return
	}
	if p, ok := m.position(); ok {
		m.remember(func(mem Memory, issue string) error { return mem.SetPosition(issue, p) })
	}
	if m.date != "" {
		m.shelf.set(m.date, len(m.st.all), m.list.unread(), true, nil)
		for i, e := range m.shelf.entries {
			if e.date == m.date {
				m.shelf.moveTo(i)
			}
		}
	}
	m.onShelf, m.help.open = true, false
	m.pending = append(m.pending, m.shelf.countNext(m.mem))
}

// quit saves where the reading stopped, there and then, waits for what
// else the Memory is being told, and quits; Run reports a failure to save
// the place.
func (m *Model) quit() tea.Cmd {
	if p, ok := m.position(); ok && !m.onShelf && m.mem != nil && m.issueKey != "" {
		m.quitErr = m.mem.SetPosition(m.issueKey, p)
	}
	m.settle()
	return tea.Quit
}

// resize lays the reader out for a window of w×h and sets everything
// that depends on widths again.
func (m *Model) resize(w, h int) {
	m.c.geo = NewGeometry(w, h, m.c.measure, m.c.m)
	if m.c.geo.TooSmall {
		m.tooSmall = m.tooSmallScreen()
		return
	}
	m.list.refit()
	m.body.reflow()
	m.shelf.follow()
	m.help.rebuild()
}

func (m *Model) setTheme(t themes.Theme) {
	m.c.st = newStyles(t)
	m.help.rebuild()
	if m.c.geo.TooSmall {
		m.tooSmall = m.tooSmallScreen()
	}
}

// sync shows the selected story in the body, with the search's hits in
// it.
func (m *Model) sync() {
	r, ok := m.list.selected()
	if !ok {
		m.body.show(nil)
		m.body.setHits(nil, nil, 0, -1)
		return
	}
	m.body.show(&m.st.all[r.story])
	s := &m.search
	lo, hi := storyRange(s.spots, r.story)
	m.body.setHits(s.hits[lo:hi], s.spots[lo:hi], lo, s.cur)
}

// read opens the selected story: the body takes the keys, and the story
// is marked read, here and in the Memory.
func (m *Model) read() {
	r, ok := m.list.selected()
	if !ok {
		return
	}
	m.focus = focusBody
	m.reading = true
	if m.list.read.IsRead(r.key) {
		return
	}
	m.list.read.MarkRead(r.key)
	m.list.refit() // the unread counts
	m.remember(func(mem Memory, issue string) error { return mem.MarkRead(issue, r.key) })
}

// message is a line for the status bar until the next key: news of what a
// key did, or a warning.
type message struct {
	text string
	warn bool
}

func (m *Model) say(text string) { m.message = message{text: text} }

func (m *Model) key(msg tea.KeyPressMsg) tea.Cmd {
	k := &m.c.keys
	m.message = message{}
	if m.prompting {
		// The prompt takes every key as text but ctrl+c, which still quits.
		if msg.String() == "ctrl+c" {
			return m.quit()
		}
		m.promptUpdate(msg)
		return nil
	}
	if key.Matches(msg, k.Quit) {
		return m.quit()
	}
	if m.help.open {
		switch {
		case key.Matches(msg, k.Help, k.Back):
			m.help.open = false
		case key.Matches(msg, k.Down):
			m.help.scroll(1)
		case key.Matches(msg, k.Up):
			m.help.scroll(-1)
		case key.Matches(msg, k.PageDown, k.HalfDown):
			m.help.scroll(m.help.height() / 2)
		case key.Matches(msg, k.PageUp, k.HalfUp):
			m.help.scroll(-m.help.height() / 2)
		}
		return nil
	}
	if m.onShelf {
		m.shelfKey(msg)
		return nil
	}
	switch {
	case key.Matches(msg, k.Help):
		m.help.open, m.help.top = true, 0
	case key.Matches(msg, k.Shelf):
		m.toShelf()
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
		m.c.indent = !m.c.indent
		m.body.reflow()
		if m.c.indent {
			m.say("首行缩进：开")
		} else {
			m.say("首行缩进：关")
		}
	case key.Matches(msg, k.Switch):
		if m.focus == focusList {
			m.focus = focusBody
		} else {
			m.focus = focusList
		}
	case key.Matches(msg, k.NextArticle, k.PrevArticle):
		before := m.list.cur
		if key.Matches(msg, k.NextArticle) {
			m.list.move(1)
		} else {
			m.list.move(-1)
		}
		m.sync()
		m.read()
		if m.list.cur == before {
			m.edge(key.Matches(msg, k.NextArticle), "篇")
		}
	case key.Matches(msg, k.NextPage, k.PrevPage):
		before := m.list.cur
		next := key.Matches(msg, k.NextPage)
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
	case m.focus == focusList:
		m.listKey(msg)
	default:
		m.bodyKey(msg)
	}
	return nil
}

// shelfKey handles a key on the shelf.
func (m *Model) shelfKey(msg tea.KeyPressMsg) {
	k := &m.c.keys
	p := &m.shelf
	h := p.height()
	switch {
	case key.Matches(msg, k.Help):
		m.help.open, m.help.top = true, 0
	case key.Matches(msg, k.Theme):
		m.cycleTheme()
	case key.Matches(msg, k.Down):
		p.moveTo(p.cur + 1)
	case key.Matches(msg, k.Up):
		p.moveTo(p.cur - 1)
	case key.Matches(msg, k.PageDown):
		p.moveTo(p.cur + h)
	case key.Matches(msg, k.PageUp):
		p.moveTo(p.cur - h)
	case key.Matches(msg, k.HalfDown):
		p.moveTo(p.cur + h/2)
	case key.Matches(msg, k.HalfUp):
		p.moveTo(p.cur - h/2)
	case key.Matches(msg, k.Top):
		p.moveTo(0)
	case key.Matches(msg, k.Bottom):
		p.moveTo(len(p.entries) - 1)
	case key.Matches(msg, k.Open):
		m.openFromShelf()
	}
	m.pending = append(m.pending, p.countNext(m.mem))
}

// cycleTheme goes on to the next theme, and says which.
func (m *Model) cycleTheme() {
	name := themes.Cycle(m.c.st.theme.Name, themes.Available(m.user))
	if t, ok := themes.Lookup(name, m.user); ok {
		m.setTheme(t)
		m.themeChosen = true
		m.say("主题：" + t.Name)
	}
}

// edge says that there is no story or page further that way.
func (m *Model) edge(next bool, unit string) {
	if next {
		m.say("已是最后一" + unit)
	} else {
		m.say("已是第一" + unit)
	}
}

func (m *Model) listKey(msg tea.KeyPressMsg) {
	k := &m.c.keys
	h := m.list.height()
	switch {
	case key.Matches(msg, k.Down):
		m.list.move(1)
	case key.Matches(msg, k.Up):
		m.list.move(-1)
	case key.Matches(msg, k.PageDown):
		m.list.moveTo(m.list.cur + h)
	case key.Matches(msg, k.PageUp):
		m.list.moveTo(m.list.cur - h)
	case key.Matches(msg, k.HalfDown):
		m.list.moveTo(m.list.cur + h/2)
	case key.Matches(msg, k.HalfUp):
		m.list.moveTo(m.list.cur - h/2)
	case key.Matches(msg, k.Top):
		m.list.moveTo(0)
	case key.Matches(msg, k.Bottom):
		m.list.moveTo(m.lastStory())
	case key.Matches(msg, k.Open):
		m.read()
	case key.Matches(msg, k.Back) && m.shelf.lib != nil:
		m.toShelf()
		return
	}
	m.sync()
}

// lastStory returns the row of the issue's last story.
func (m *Model) lastStory() int {
	for i := len(m.list.rows) - 1; i >= 0; i-- {
		if m.list.rows[i].isStory() {
			return i
		}
	}
	return 0
}

func (m *Model) bodyKey(msg tea.KeyPressMsg) {
	k := &m.c.keys
	h := m.body.height()
	switch {
	case key.Matches(msg, k.Down):
		m.body.scroll(1)
	case key.Matches(msg, k.Up):
		m.body.scroll(-1)
	case key.Matches(msg, k.PageDown):
		m.body.scroll(max(h-1, 1))
	case key.Matches(msg, k.PageUp):
		m.body.scroll(-max(h-1, 1))
	case key.Matches(msg, k.HalfDown):
		m.body.scroll(max(h/2, 1))
	case key.Matches(msg, k.HalfUp):
		m.body.scroll(-max(h/2, 1))
	case key.Matches(msg, k.Top):
		m.body.scrollTo(0)
	case key.Matches(msg, k.Bottom):
		m.body.scrollTo(m.body.lines())
	case key.Matches(msg, k.Back):
		m.focus = focusList
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
	if m.help.open {
		m.help.scroll(d)
		return
	}
	if m.onShelf {
		if !m.c.geo.TooSmall && m.c.geo.Shelf.Contains(ms.X, ms.Y) {
			m.shelf.scroll(d)
			m.pending = append(m.pending, m.shelf.countNext(m.mem))
		}
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
	if ms.Button != tea.MouseLeft || m.help.open {
		return
	}
	if m.onShelf {
		m.clickShelf(ms)
		return
	}
	p, ok := m.paneAt(ms.X, ms.Y)
	if !ok {
		return
	}
	m.message = message{}
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
	m.message = message{}
	if i == m.shelf.cur {
		m.openFromShelf()
		return
	}
	m.shelf.moveTo(i)
}

// View draws the reader.
func (m *Model) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	if m.prompting && !m.c.geo.TooSmall && m.c.geo.Width > 0 {
		// The terminal's own cursor too, on the prompt's cursor cell: an
		// input method shows what is being composed where the cursor is.
		v.Cursor = tea.NewCursor(m.cursorX, m.c.geo.Height-1)
		v.Cursor.Shape = tea.CursorBar
	}
	return v
}

// render returns the screen: one line for each row of the window, each
// exactly as wide as the window.
func (m *Model) render() string {
	g := m.c.geo
	if g.Width <= 0 || g.Height <= 0 {
		return ""
	}
	if g.TooSmall {
		return m.tooSmall
	}
	var b strings.Builder
	b.Grow(g.Width * g.Height * 4)
	b.WriteString(m.header)
	b.WriteByte('\n')
	pos := m.body.position()
	spare := g.Width - g.Body.X - g.Body.W
	for y := range g.Body.H {
		switch {
		case m.help.open:
			m.help.writeRow(&b, y)
		case m.onShelf:
			m.c.st.fill.spaces(&b, g.Shelf.X)
			m.shelf.writeRow(&b, y)
			m.c.st.fill.spaces(&b, g.Width-g.Shelf.X-g.Shelf.W)
			b.WriteByte('\n')
			continue
		case g.Single && m.focus == focusList:
			m.list.writeRow(&b, y, true)
		case g.Single:
			m.body.writeRow(&b, y, true, pos)
		default:
			m.list.writeRow(&b, y, m.focus == focusList)
			m.body.writeRow(&b, y, m.focus == focusBody, pos)
		}
		m.c.st.fill.spaces(&b, spare)
		b.WriteByte('\n')
	}
	b.WriteString(m.status)
	return b.String()
}

// refresh sets the header and status bar again.
func (m *Model) refresh() {
	g := m.c.geo
	if g.TooSmall || g.Width <= 0 {
		return
	}
	st := &m.c.st
	var b strings.Builder

	// Header: masthead, page, date; how much of the issue is unread and
	// the story's place in it right. On the shelf: where the shelf is.
	segs := []segment{{" ", st.fill}, {"读报", st.header}}
	var right []segment
	if m.onShelf {
		segs = append(segs, segment{"  ", st.fill}, segment{"书架", st.pageHeading})
		if m.shelf.lib != nil {
			segs = append(segs, segment{"  ", st.fill}, segment{m.shelf.lib.Dir(), st.dim})
		}
	} else if r, ok := m.list.selected(); ok {
		p := m.issue.Pages[r.page]
		segs = append(segs, segment{"  ", st.fill}, segment{pageLabel(p), st.pageHeading})
		date := p.Date
		if date == "" {
			date = m.issue.Date
		}
		if date != "" {
			segs = append(segs, segment{"  ", st.fill}, segment{longDate(date), st.dim})
		}
		n, at := 0, 0
		for i, rr := range m.list.rows {
			if rr.isStory() {
				n++
				if i == m.list.cur {
					at = n
				}
			}
		}
		count := strconv.Itoa(at) + "/" + strconv.Itoa(n) + " 篇"
		if u := m.list.unread(); u > 0 {
			count = "未读 " + strconv.Itoa(u) + " · " + count
		}
		right = []segment{{count, st.dim}, {" ", st.fill}}
	}
	m.c.writeBar(&b, segs, right, g.Width, st.fill)
	m.header = b.String()

	// Status bar: the search prompt; or a message or the main keys, with
	// the search's count, help and quit at the right.
	b.Reset()
	if m.prompting {
		m.promptBar(&b)
		m.status = b.String()
		return
	}
	k := &m.c.keys
	segs = []segment{{" ", st.status}}
	right = right[:0]
	s := &m.search
	if s.query != "" && s.cur >= 0 {
		right = append(right, segment{fit(m.c.m, s.query, 12), st.status},
			segment{" " + strconv.Itoa(s.cur+1) + "/" + strconv.Itoa(len(s.hits)), st.statusKey},
			segment{"  ", st.status})
	}
	always := []key.Binding{k.Help, k.Quit}
	if m.help.open {
		always = always[1:]
	}
	var keys []segment
	for _, bnd := range always {
		keys = append(keys, segment{bnd.Help().Key, st.statusKey}, segment{" " + bnd.Help().Desc + "  ", st.status})
	}
	keys[len(keys)-1].text = strings.TrimSuffix(keys[len(keys)-1].text, " ")
	if m.c.segmentsWidth(right)+m.c.segmentsWidth(keys) <= g.Width/2 {
		right = append(right, keys...)
	} else if len(right) > 0 {
		right = right[:len(right)-1] // the count alone, without the gap after it
	}
	rw := m.c.segmentsWidth(right)
	switch {
	case m.message.text != "":
		p := st.message
		if m.message.warn {
			p = st.warning
		}
		segs = append(segs, segment{m.message.text, p})
	case m.help.open && len(m.help.lines) > m.help.height():
		segs = append(segs, segment{"j/k 滚动 · ? 或 esc 关闭", st.status})
	case m.help.open:
		segs = append(segs, segment{"? 或 esc 关闭", st.status})
	case m.onShelf:
		segs = m.c.hints(segs, k.ShelfHelp(), g.Width-1-rw-2)
	default:
		hints := k.ShortHelp(m.focus == focusBody, s.query != "")
		if m.shelf.lib != nil {
			hints = append(hints, k.Shelf)
		}
		segs = m.c.hints(segs, hints, g.Width-1-rw-2)
	}
	m.c.writeBar(&b, segs, right, g.Width, st.status)
	m.status = b.String()
}

// promptBar writes the status bar with the search prompt open: / and the
// query, the cursor after the last character typed (or on the character
// it was moved to), and at the right which match of how many, and the keys
// that leave the prompt.
func (m *Model) promptBar(b *strings.Builder) {
	st := &m.c.st
	g := m.c.geo
	s := &m.search
	var right []segment
	switch {
	case strings.TrimSpace(m.prompt.text) == "":
	case len(s.hits) == 0:
		right = append(right, segment{"无匹配", st.warning})
	default:
		right = append(right, segment{strconv.Itoa(s.cur+1) + "/" + strconv.Itoa(len(s.hits)), st.statusKey})
	}
	hints := m.c.hints(nil, m.c.keys.PromptHelp(), g.Width)
	gap := 0
	if len(right) > 0 {
		gap = 2
	}
	if m.c.segmentsWidth(right)+gap+m.c.segmentsWidth(hints)+1 <= g.Width/2 {
		if gap > 0 {
			right = append(right, segment{"  ", st.status})
		}
		right = append(right, hints...)
	}
	right = append(right, segment{" ", st.status})
	rw := m.c.segmentsWidth(right)
	if rw > g.Width/2 {
		right, rw = nil, 0
	}
	const slash = "/"
	lead := 1 + m.c.m.StringWidth(slash)
	room := g.Width - lead
	if rw > 0 {
		room -= rw + 2 // writeBar's gap before right
	}
	v := m.prompt.view(m.c.m, room)
	m.cursorX = lead + v.cursor
	segs := []segment{{" ", st.status}, {slash, st.prompt}, {v.before, st.prompt}, {v.at, st.promptCursor}, {v.after, st.prompt}}
	m.c.writeBar(b, segs, right, g.Width, st.status)
}

// hints appends to segs the keys and what they do, as many as fit in room
// cells, separated by · .
func (c *common) hints(segs []segment, bindings []key.Binding, room int) []segment {
	const sep = " · "
	st := &c.st
	for i, bnd := range bindings {
		h := bnd.Help()
		w := c.m.StringWidth(h.Key) + 1 + c.m.StringWidth(h.Desc)
		if i > 0 {
			w += c.m.StringWidth(sep) // · is ambiguous: 3 or 4 cells
		}
		if w > room {
			break
		}
		room -= w
		if i > 0 {
			segs = append(segs, segment{sep, st.status})
		}
		segs = append(segs, segment{h.Key, st.statusKey}, segment{" " + h.Desc, st.status})
	}
	return segs
}

// segmentsWidth returns the cells segs take.
func (c *common) segmentsWidth(segs []segment) int {
	w := 0
	for _, s := range segs {
		w += c.m.StringWidth(s.text)
	}
	return w
}

// tooSmallScreen is what a window too small to read in shows: a short
// message in its middle.
func (m *Model) tooSmallScreen() string {
	g := m.c.geo
	if g.Width <= 0 || g.Height <= 0 {
		return ""
	}
	st := &m.c.st
	msg := []string{"窗口太小", "至少 " + strconv.Itoa(MinWidth) + "x" + strconv.Itoa(MinHeight)}
	first := (g.Height - len(msg)) / 2
	var b strings.Builder
	for y := range g.Height {
		if y > 0 {
			b.WriteByte('\n')
		}
		i := y - first
		if i < 0 || i >= len(msg) {
			st.fill.spaces(&b, g.Width)
			continue
		}
		t := m.c.m.Truncate(msg[i], g.Width, "")
		w := m.c.m.StringWidth(t)
		lead := (g.Width - w) / 2
		st.fill.spaces(&b, lead)
		st.dim.write(&b, t)
		st.fill.spaces(&b, g.Width-lead-w)
	}
	return b.String()
}
