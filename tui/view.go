package tui

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// View draws the reader.
func (m *Model) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	if (m.screen == searchScreen || m.screen == shelfFindScreen && m.find.prompting) && !m.c.geo.TooSmall && m.c.geo.Width > 0 {
		// The terminal's own cursor too, on the prompt's cursor cell: an
		// input method shows what is being composed where the cursor is.
		v.Cursor = tea.NewCursor(m.cursorX, m.c.geo.Height-1)
		v.Cursor.Shape = tea.CursorBar
	}
	return v
}

// render returns the screen: one line for each row of the window, each
// exactly as wide as the window — the header, the screen's rows, the
// status bar.
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
	for y := range g.Body.H {
		m.writeRow(&b, y, pos)
		b.WriteByte('\n')
	}
	b.WriteString(m.status)
	return b.String()
}

// writeRow writes row y of the middle of the window, between the header
// and the status bar, for the screen that is up; pos is how far the body
// is read.
func (m *Model) writeRow(b *strings.Builder, y int, pos string) {
	g := m.c.geo
	fill := m.c.st.fill
	switch {
	case m.screen == helpScreen:
		m.help.writeRow(b, y)
	case m.screen == shelfFindScreen:
		fill.spaces(b, g.Shelf.X)
		m.find.writeRow(b, y)
		fill.spaces(b, g.Width-g.Shelf.X-g.Shelf.W)
		return
	case m.screen == shelfScreen:
		fill.spaces(b, g.Shelf.X)
		m.shelf.writeRow(b, y)
		fill.spaces(b, g.Width-g.Shelf.X-g.Shelf.W)
		return
	case m.screen == mapScreen && y < len(m.pmap.rows):
		b.WriteString(m.pmap.rows[y])
		return
	case g.Single && m.focus == focusList:
		m.list.writeRow(b, y, true)
	case g.Single:
		m.body.writeRow(b, y, true, pos)
	default:
		m.list.writeRow(b, y, m.focus == focusList)
		m.body.writeRow(b, y, m.focus == focusBody, pos)
	}
	fill.spaces(b, g.Width-g.Body.X-g.Body.W)
}

// refresh sets the header and status bar again.
func (m *Model) refresh() {
	g := m.c.geo
	if g.TooSmall || g.Width <= 0 {
		return
	}
	var b strings.Builder
	m.headerBar(&b)
	m.header = b.String()
	b.Reset()
	if m.screen == searchScreen {
		m.promptBar(&b)
	} else if m.screen == shelfFindScreen {
		m.findBar(&b)
	} else {
		m.statusBar(&b)
	}
	m.status = b.String()
}

// headerBar writes the header: masthead, page, date; how much of the
// issue is unread and the story's place in it right. On the shelf: where
// the shelf is.
func (m *Model) headerBar(b *strings.Builder) {
	st := &m.c.st
	segs := []segment{{" ", st.fill}, {m.c.w("读报"), st.header}}
	var right []segment
	if m.onShelf() || m.base() == shelfFindScreen {
		segs = append(segs, segment{"  ", st.fill}, segment{m.c.w("书架"), st.pageHeading})
		if m.shelf.lib != nil {
			segs = append(segs, segment{"  ", st.fill}, segment{m.shelf.lib.Dir(), st.dim})
		}
	} else if r, ok := m.list.selected(); ok {
		p, label := m.issue.Pages[r.page], m.c.pageLabel(m.issue.Pages[r.page])
		if m.base() == mapScreen {
			p, label = m.issue.Pages[m.pmap.page], m.mapPageLabel()
		}
		segs = append(segs, segment{"  ", st.fill}, segment{label, st.pageHeading})
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
		count := strconv.Itoa(at) + "/" + strconv.Itoa(n) + m.c.w(" 篇")
		if u := m.list.unread(); u > 0 {
			count = m.c.w("未读 ") + strconv.Itoa(u) + m.c.sep() + count
		}
		right = []segment{{count, st.dim}, {" ", st.fill}}
	}
	m.c.writeBar(b, segs, right, m.c.geo.Width, st.fill)
}

// statusBar writes the status bar: a message, or the screen's main keys,
// with the search's count, help and quit at the right.
func (m *Model) statusBar(b *strings.Builder) {
	st := &m.c.st
	g := m.c.geo
	k := &m.c.keys
	segs := []segment{{" ", st.status}}
	var right []segment
	s := &m.search
	if s.query != "" && s.cur >= 0 {
		right = append(right, segment{fit(m.c.m, s.query, 12), st.status},
			segment{" " + strconv.Itoa(s.cur+1) + "/" + strconv.Itoa(len(s.hits)), st.statusKey},
			segment{"  ", st.status})
	}
	always := []key.Binding{k.Help, k.Quit}
	if m.screen == helpScreen {
		always = always[1:]
	}
	var keys []segment
	for _, bnd := range always {
		keys = append(keys, segment{m.c.keyLabel(bnd.Help().Key), st.statusKey}, segment{" " + m.c.w(bnd.Help().Desc) + "  ", st.status})
	}
	keys[len(keys)-1].text = strings.TrimSuffix(keys[len(keys)-1].text, " ")
	text, more := m.messageText(), m.moreText()
	// A warning goes before the keys, which are there again at the next key.
	crowded := m.message.warn && m.c.m.StringWidth(text+more) > g.Width-1-m.c.segmentsWidth(right)-m.c.segmentsWidth(keys)-2
	if m.c.segmentsWidth(right)+m.c.segmentsWidth(keys) <= g.Width/2 && !crowded {
		right = append(right, keys...)
	} else if len(right) > 0 {
		right = right[:len(right)-1] // the count alone, without the gap after it
	}
	rw := m.c.segmentsWidth(right)
	if text != "" {
		p := st.message
		if m.message.warn {
			p = st.warning
		}
		segs = append(segs, segment{m.messageLine(g.Width - 1 - rw - 2), p})
	} else {
		segs = m.hintsFor(segs, g.Width-1-rw-2)
	}
	m.c.writeBar(b, segs, right, g.Width, st.status)
}

// hintsFor appends to segs what the status bar says of the screen's keys,
// in room cells.
func (m *Model) hintsFor(segs []segment, room int) []segment {
	st := &m.c.st
	k := &m.c.keys
	switch m.screen {
	case helpScreen:
		if len(m.help.lines) > m.help.height() {
			return append(segs, segment{m.c.chrome(m.c.w("j/k 滚动 · ? 或 esc 关闭")), st.status})
		}
		return append(segs, segment{m.c.w("? 或 esc 关闭"), st.status})
	case shelfScreen:
		hints := k.ShelfHelp()
		if _, ok := m.shelf.lib.(ShelfSearcher); ok {
			hints = append(hints, k.Search)
		}
		return m.c.hints(segs, hints, room)
	case mapScreen:
		return m.c.hints(segs, m.pmap.keys.hints(), room)
	}
	hints := k.ShortHelp(m.focus == focusBody, m.search.query != "")
	if m.shelf.lib != nil {
		hints = append(hints, k.Shelf)
	}
	return m.c.hints(segs, hints, room)
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
		right = append(right, segment{m.c.w("无匹配"), st.warning})
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
// cells, separated by · (common.sep).
func (c *common) hints(segs []segment, bindings []key.Binding, room int) []segment {
	sep := c.sep()
	st := &c.st
	for i, bnd := range bindings {
		h := bnd.Help()
		h.Key, h.Desc = c.keyLabel(h.Key), c.w(h.Desc)
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
	msg := []string{m.c.w("窗口太小"), m.c.w("至少 ") + strconv.Itoa(MinWidth) + "x" + strconv.Itoa(MinHeight)}
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

// moreText says how many warnings wait after the one shown; "" for none.
func (m *Model) moreText() string {
	if m.message.err == nil || len(m.queued) == 0 {
		return ""
	}
	return m.c.w("（另有 ") + strconv.Itoa(len(m.queued)) + m.c.w(" 条）")
}

// messageLine is the message as a status bar shows it in room cells: cut
// to fit, and how many warnings wait after it kept when it is cut (unless
// that takes half the room).
func (m *Model) messageLine(room int) string {
	more := m.moreText()
	if mw := m.c.m.StringWidth(more); mw > room/2 {
		more = ""
	} else {
		room -= mw
	}
	return m.c.cutMessage(m.c.chrome(m.messageText()), room) + more
}

// messageText is the message in the status bar: its text, or its warning
// as the reader says it now.
func (m *Model) messageText() string {
	if m.message.err != nil {
		return m.c.said(m.message.err)
	}
	return m.message.text
}
