package tui

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/dubaoreader/dubao/model"
	"github.com/dubaoreader/dubao/tui/layout"
)

// continued marks, in the list, a story whose start is on another page,
// in the issue or not: its first words, or its headline, follow.
const continued = "（续）"

// rowKind is what a line of the headline list shows.
type rowKind uint8

const (
	rowStory   rowKind = iota // a story's headline
	rowHeading                // a page's heading: 第3版 要闻
	rowBlank                  // the space before a heading
	rowNote                   // a page, or an issue, without stories
)

// row is one line of the headline list.
type row struct {
	kind  rowKind
	page  int    // index in the issue's pages
	story int    // index in the issue's stories, for rowStory
	key   string // the story's key, under which it is marked read
	text  string // the heading or headline, whole
	idx   int    // the row's index among all the list's rows, narrowed or not

	// sec, field and para are the story's text the headline shows (field
	// is noField for none), and text[i] is byte from+i of it: the lead's
	// title, or the first paragraph, after （续） for a story begun
	// elsewhere. Search hits are placed by them.
	sec   int
	field model.Field
	from  int
}

func (r row) isStory() bool { return r.kind == rowStory }

// fitted is a row's text cut to the list's width, with the search's hits
// in it and how many the story holds, or for a page's heading how many of
// its stories are unread.
type fitted struct {
	text   string
	width  int
	marks  []mark // bytes of text matched
	count  string // the story's hits, "" for none; a heading's unread
	countW int
}

// list is the headline list pane: every story of the issue under the
// heading of the page it starts on, one selected.
type list struct {
	c    *common
	st   *stories
	all  []row    // every page's heading and every story
	rows []row    // the rows shown: all, or narrowed to the stories with hits
	fit  []fitted // rows' texts fitted to the pane, rebuilt on resize
	cur  int      // the selected row, always a story; -1 when there is none
	top  int      // the first row in view
	read *ReadMarks

	// The search: its hits in reading order and their spots, how many
	// each story holds (counts[story]; nil without a query), and whether
	// the rows are narrowed to the stories with hits.
	hits     []model.Hit
	spots    []spot
	counts   []int
	narrowed bool
}

// pageLabel is how the list and the header call a page: 第3版 要闻.
func pageLabel(p *model.Page) string { return (&common{}).pageLabel(p) }

// pageLabel is pageLabel in the reader's script; the page's name is as
// printed.
func (c *common) pageLabel(p *model.Page) string {
	label := c.w("版次不详")
	if p.Number > 0 {
		label = fmt.Sprintf(c.w("第%d版"), p.Number)
	}
	if p.Name != "" {
		label += " " + p.Name
	}
	return label
}

func newList(c *common, is *model.Issue, st *stories, read *ReadMarks) list {
	l := list{c: c, cur: -1, st: st, read: read}
	starts := make([][]int, len(is.Pages)) // the stories each page starts
	for si := range st.all {
		p := st.all[si].page()
		starts[p] = append(starts[p], si)
	}
	for pi, p := range is.Pages {
		if pi > 0 {
			l.rows = append(l.rows, row{kind: rowBlank, page: pi})
		}
		l.rows = append(l.rows, row{kind: rowHeading, page: pi, text: c.pageLabel(p)})
		switch {
		case len(p.Articles) == 0:
			l.rows = append(l.rows, row{kind: rowNote, page: pi, text: c.w("（本版没有文章）")})
		case len(starts[pi]) == 0:
			l.rows = append(l.rows, row{kind: rowNote, page: pi, text: c.w("（本版只有他版转来的续文）")})
		}
		for _, si := range starts[pi] {
			v := &st.all[si]
			r := row{kind: rowStory, page: pi, story: si, key: v.key}
			lead := v.s.Parts[v.lead]
			switch {
			case lead.Title != "":
				r.text, r.sec, r.field = lead.Title, 0, model.InTitle
			case len(v.s.Parts[0].Paragraphs) > 0:
				r.text, r.sec, r.field = v.s.Parts[0].Paragraphs[0], 1, model.InParagraph
			default:
				r.field = noField
			}
			if v.continued() {
				cont := c.w(continued)
				r.text, r.from = cont+r.text, -len(cont)
			}
			l.rows = append(l.rows, r)
			if l.cur < 0 {
				l.cur = len(l.rows) - 1
			}
		}
	}
	if len(l.rows) == 0 {
		l.rows = append(l.rows, row{kind: rowNote, text: c.w("（没有文章）")})
	}
	for i := range l.rows {
		l.rows[i].idx = i
	}
	l.all = l.rows
	return l
}

// unreadByPage returns how many of the stories listed under each page
// have not been read, by the page's index.
func (l *list) unreadByPage() map[int]int {
	n := make(map[int]int)
	for _, r := range l.all {
		if r.isStory() && !l.read.IsRead(r.key) {
			n[r.page]++
		}
	}
	return n
}

// unread returns how many of the issue's stories have not been read.
func (l *list) unread() int {
	n := 0
	for _, r := range l.all {
		if r.isStory() && !l.read.IsRead(r.key) {
			n++
		}
	}
	return n
}

// Cells of space before a page heading and before a headline, and after both.
const (
	headingLeft, itemLeft, listRight = 1, 3, 1
)

// refit cuts every row to the pane's inner width, leaving room for its
// story's hit count or a heading's unread count, and places the hits in
// what is left of it.
func (l *list) refit() {
	w := l.c.geo.Inner(l.c.geo.List).W
	m := l.c.m
	l.fit = l.fit[:0]
	unread := l.unreadByPage()
	for _, r := range l.rows {
		left := itemLeft
		if r.kind == rowHeading {
			left = headingLeft
		}
		var f fitted
		room := w - left - listRight
		if n := l.count(r); n > 0 {
			f.count = strconv.Itoa(n)
		}
		if r.kind == rowHeading {
			if n := unread[r.page]; n > 0 {
				f.count = l.c.w("未读 ") + strconv.Itoa(n)
			}
		}
		if f.count != "" {
			f.countW = m.StringWidth(f.count)
			room -= f.countW + 1
		}
		var keep int
		f.text, keep = fitKeep(m, r.text, room)
		f.width = m.StringWidth(f.text)
		if r.isStory() && f.count != "" && r.field != noField {
			f.marks = l.marksIn(r, keep)
		}
		l.fit = append(l.fit, f)
	}
	l.follow()
}

// count returns the search's hits in the story of row r.
func (l *list) count(r row) int {
	if r.kind != rowStory || r.story >= len(l.counts) {
		return 0
	}
	return l.counts[r.story]
}

// marksIn returns the hits in the headline of row r, in the first keep
// bytes of its text.
func (l *list) marksIn(r row, keep int) []mark {
	var marks []mark
	lo, hi := storyRange(l.spots, r.story)
	for k := lo; k < hi; k++ {
		h, sp := l.hits[k], l.spots[k]
		if sp.sec != r.sec || sp.field != r.field || (h.Field == model.InParagraph && h.Para != 0) {
			continue
		}
		start, end := h.Start-r.from, min(h.End-r.from, keep)
		if start >= end {
			continue
		}
		marks = append(marks, mark{start: start, end: end, hit: k})
	}
	return marks
}

// setHits gives the list the search's hits, their spots and the counts
// (nil for no search), narrowing it to the stories with hits or not.
func (l *list) setHits(hits []model.Hit, spots []spot, counts []int, narrow bool) {
	l.hits, l.spots, l.counts = hits, spots, counts
	l.narrow(narrow)
}

// narrow shows only the stories with hits, each under its page's
// heading, or every row when on is false or no story has a hit. The
// selection stays on its story when it is shown, else moves to the next
// story shown.
func (l *list) narrow(on bool) {
	sel := -1
	if l.cur >= 0 {
		sel = l.rows[l.cur].idx
	}
	l.rows, l.narrowed = l.all, false
	if on {
		var rows []row
		for i := 0; i < len(l.all); {
			// A page: its heading, then its stories.
			page := l.all[i].page
			var heading row
			var arts []row
			for ; i < len(l.all) && l.all[i].page == page; i++ {
				switch r := l.all[i]; {
				case r.kind == rowHeading:
					heading = r
				case l.count(r) > 0:
					arts = append(arts, r)
				}
			}
			if len(arts) == 0 {
				continue
			}
			if len(rows) > 0 {
				rows = append(rows, row{kind: rowBlank, page: page, idx: heading.idx - 1})
			}
			rows = append(rows, heading)
			rows = append(rows, arts...)
		}
		if len(rows) > 0 {
			l.rows, l.narrowed = rows, true
		}
	}
	if sel >= 0 {
		l.cur = -1
		last := -1
		for i, r := range l.rows {
			if !r.isStory() {
				continue
			}
			last = i
			if r.idx >= sel {
				l.cur = i
				break
			}
		}
		if l.cur < 0 {
			l.cur = last
		}
	}
	l.refit()
}

// rowOf returns the row of story s, and false when it is not shown.
func (l *list) rowOf(s int) (int, bool) {
	for i, r := range l.rows {
		if r.isStory() && r.story == s {
			return i, true
		}
	}
	return 0, false
}

// shown returns how many stories the list shows.
func (l *list) shown() int {
	n := 0
	for _, r := range l.rows {
		if r.isStory() {
			n++
		}
	}
	return n
}

// height is how many rows the pane shows.
func (l *list) height() int { return max(l.c.geo.Inner(l.c.geo.List).H, 1) }

// follow scrolls so the selection is in view, with its page's heading
// when the selection is the page's first story.
func (l *list) follow() {
	h := l.height()
	if l.cur < 0 {
		l.top = 0
		return
	}
	first := l.cur
	if first > 0 && l.rows[first-1].kind == rowHeading && h > 1 {
		first--
	}
	if first < l.top {
		l.top = first
	}
	if l.cur >= l.top+h {
		l.top = l.cur - h + 1
	}
	l.clamp()
}

// clamp keeps the view inside the rows.
func (l *list) clamp() {
	l.top = max(min(l.top, len(l.rows)-l.height()), 0)
}

// scroll moves the view n rows, leaving the selection where it is.
func (l *list) scroll(n int) {
	l.top += n
	l.clamp()
}

// selected returns the selected row, and false when there is none.
func (l *list) selected() (row, bool) {
	if l.cur < 0 {
		return row{}, false
	}
	return l.rows[l.cur], true
}

// move selects the story n stories after (or before) the selection,
// stopping at the ends.
func (l *list) move(n int) {
	if l.cur < 0 {
		return
	}
	step := 1
	if n < 0 {
		step, n = -1, -n
	}
	for i := l.cur + step; n > 0 && i >= 0 && i < len(l.rows); i += step {
		if l.rows[i].isStory() {
			l.cur = i
			n--
		}
	}
	l.follow()
}

// moveTo selects the story nearest to row i, looking forward first.
func (l *list) moveTo(i int) {
	if l.cur < 0 {
		return
	}
	i = max(min(i, len(l.rows)-1), 0)
	for j := i; j < len(l.rows); j++ {
		if l.rows[j].isStory() {
			l.cur = j
			l.follow()
			return
		}
	}
	for j := i; j >= 0; j-- {
		if l.rows[j].isStory() {
			l.cur = j
			l.follow()
			return
		}
	}
}

// movePage selects the first story of the next page (dir > 0) or the
// previous one (dir < 0) that starts stories; at either end it stays.
func (l *list) movePage(dir int) {
	r, ok := l.selected()
	if !ok {
		return
	}
	page := -1
	if dir > 0 {
		for _, rr := range l.rows[l.cur:] {
			if rr.isStory() && rr.page > r.page {
				page = rr.page
				break
			}
		}
	} else {
		for i := l.cur; i >= 0; i-- {
			if rr := l.rows[i]; rr.isStory() && rr.page < r.page {
				page = rr.page
				break
			}
		}
	}
	if page < 0 {
		return
	}
	for i, rr := range l.rows {
		if rr.isStory() && rr.page == page {
			l.cur = i
			l.follow()
			return
		}
	}
}

// update handles a key of the list's own: moving the selection; enter
// asks to read the story, back to leave the issue.
func (l *list) update(msg tea.KeyPressMsg, k *KeyMap) intent {
	switch {
	case key.Matches(msg, k.Down):
		l.move(1) // a line is a story: the headings between are passed
	case key.Matches(msg, k.Up):
		l.move(-1)
	case key.Matches(msg, k.Open):
		return toOpen
	case key.Matches(msg, k.Back):
		return toBack
	default:
		if to, ok := rowMove(msg, k, l.cur, l.height(), l.lastStory()+1); ok {
			l.moveTo(to)
		}
	}
	return stay
}

// lastStory returns the row of the issue's last story.
func (l *list) lastStory() int {
	for i := len(l.rows) - 1; i >= 0; i-- {
		if l.rows[i].isStory() {
			return i
		}
	}
	return 0
}

// unreadMark marks a story not read yet, in the gutter before its
// headline. (U+2219: not East Asian Ambiguous, one cell everywhere; a
// space follows it, should a font draw it wider.)
const unreadMark = "∙"

// selectionMark marks the selected headline, in the two cells before it,
// where its style shows no bar.
const selectionMark = "> "

// rowAt returns the row shown on line y of the pane's inner area, and
// false when there is none.
func (l *list) rowAt(y int) (int, bool) {
	i := l.top + y
	if y < 0 || y >= l.height() || i >= len(l.rows) {
		return 0, false
	}
	return i, true
}

// writeRow writes line y of the pane, border included, to b.
func (l *list) writeRow(b *strings.Builder, y int, focused bool) {
	g := l.c.geo
	f := l.c.frame(focused)
	pane := g.List
	switch y {
	case 0:
		label := ""
		if l.narrowed {
			label = l.c.w("命中 ") + strconv.Itoa(l.shown()) + l.c.w(" 篇")
		}
		l.c.frameEdge(b, f, f.TopLeft, f.TopRight, f.Top, pane.W, label, l.c.m.StringWidth(label), l.c.st.hitCount[headlineItem])
		return
	case pane.H - 1:
		l.c.frameEdge(b, f, f.BottomLeft, f.BottomRight, f.Bottom, pane.W, "", 0, paint{})
		return
	}
	st := &l.c.st
	w := g.Inner(pane).W
	f.paint.write(b, f.Left)
	i, ok := l.rowAt(y - 1)
	switch {
	case !ok || l.rows[i].kind == rowBlank:
		st.fill.spaces(b, w)
	case l.rows[i].kind == rowHeading:
		ft := &l.fit[i]
		st.fill.spaces(b, headingLeft)
		st.pageHeading.write(b, ft.text)
		st.fill.spaces(b, w-headingLeft-ft.width-ft.countW-listRight)
		st.dim.write(b, ft.count)
		st.fill.spaces(b, listRight)
	case l.rows[i].kind == rowNote:
		st.fill.spaces(b, itemLeft)
		st.dim.write(b, l.fit[i].text)
		st.fill.spaces(b, w-itemLeft-l.fit[i].width)
	default:
		h, p, pad := headlineItem, st.item, st.fill
		switch {
		case i == l.cur && focused:
			h, p = headlineSelected, st.selected
		case i == l.cur:
			h, p = headlineUnfocused, st.unfocused
		case l.read.IsRead(l.rows[i].key):
			h, p = headlineRead, st.read
		}
		ft := &l.fit[i]
		if i == l.cur {
			// The selection is a bar from the gutter to the border, and
			// a > where the bar would not show.
			pad = p
			st.fill.spaces(b, itemLeft-2)
			if (focused && st.markSelected) || (!focused && st.markUnfocused) {
				p.write(b, selectionMark)
			} else {
				p.spaces(b, 2)
			}
		} else if h == headlineItem {
			// Not read yet: a dot in the gutter, seen at a glance
			// in any theme, colour or none.
			st.fill.spaces(b, itemLeft-2)
			st.dim.write(b, unreadMark)
			st.fill.spaces(b, 2-l.c.m.StringWidth(unreadMark))
		} else {
			st.fill.spaces(b, itemLeft)
		}
		writeMarked(b, p, st.listMatch[h], ft.text, ft.marks)
		pad.spaces(b, w-itemLeft-ft.width-ft.countW-listRight)
		st.hitCount[h].write(b, ft.count)
		pad.spaces(b, listRight)
	}
	f.paint.write(b, f.Right)
}

// writeMarked writes text in paint p, the bytes of each mark in hp.
func writeMarked(b *strings.Builder, p, hp paint, text string, marks []mark) {
	at := 0
	for _, mk := range marks {
		p.write(b, text[at:mk.start])
		hp.write(b, text[mk.start:mk.end])
		at = mk.end
	}
	p.write(b, text[at:])
}

// fit cuts s to w cells, ending it with … when cut, and never leaving a
// space before the …
func fit(m layout.Measure, s string, w int) string {
	t, _ := fitKeep(m, s, w)
	return t
}

// fitKeep is fit, also saying how many bytes of s the result keeps.
func fitKeep(m layout.Measure, s string, w int) (string, int) {
	const tail = "…"
	if m.StringWidth(s) <= w {
		return s, len(s)
	}
	tw := m.StringWidth(tail) // 1 or 2: … is ambiguous
	if w < tw {
		t := m.Truncate(s, w, "")
		return t, len(t)
	}
	t := strings.TrimRight(m.Truncate(s, w-tw, ""), " ")
	return t + tail, len(t)
}
