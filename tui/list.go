package tui

import (
	"fmt"
	"strings"

	"github.com/dubaoreader/dubao/model"
	"github.com/dubaoreader/dubao/tui/layout"
)

// continued marks, in the list, an article whose headline is on another
// page: its first words follow.
const continued = "（续）"

// rowKind is what a line of the headline list shows.
type rowKind uint8

const (
	rowArticle rowKind = iota // an article's headline
	rowHeading                // a page's heading: 第3版 要闻
	rowBlank                  // the space before a heading
	rowNote                   // a page, or an issue, without articles
)

// row is one line of the headline list.
type row struct {
	kind rowKind
	page int    // index in the issue's pages
	art  int    // index in the page's articles, for rowArticle
	key  string // the article's ReadMarks key
	text string // the heading or headline, whole
}

func (r row) isArticle() bool { return r.kind == rowArticle }

// fitted is a row's text cut to the list's width.
type fitted struct {
	text  string
	width int
}

// list is the headline list pane: every article of the issue under its
// page's heading, one selected.
type list struct {
	c    *common
	rows []row
	fit  []fitted // rows' texts fitted to the pane, rebuilt on resize
	cur  int      // the selected row, always an article; -1 when there is none
	top  int      // the first row in view
	read *ReadMarks
}

// pageLabel is how the list and the header call a page: 第3版 要闻.
func pageLabel(p *model.Page) string {
	label := "版次不详"
	if p.Number > 0 {
		label = fmt.Sprintf("第%d版", p.Number)
	}
	if p.Name != "" {
		label += " " + p.Name
	}
	return label
}

func newList(c *common, is *model.Issue, read *ReadMarks) list {
	l := list{c: c, cur: -1, read: read}
	story := make(map[*model.Article]*model.Story)
	for _, s := range is.Stories {
		for _, a := range s.Parts {
			story[a] = s
		}
	}
	for pi, p := range is.Pages {
		if pi > 0 {
			l.rows = append(l.rows, row{kind: rowBlank, page: pi})
		}
		l.rows = append(l.rows, row{kind: rowHeading, page: pi, text: pageLabel(p)})
		if len(p.Articles) == 0 {
			l.rows = append(l.rows, row{kind: rowNote, page: pi, text: "（本版没有文章）"})
		}
		for ai, a := range p.Articles {
			text := a.Title
			if text == "" {
				text = continued + a.Heading()
			}
			key := ArticleKey(p, a)
			if s, ok := story[a]; ok {
				key = s.Key() // a story read on one page is read on all
			}
			l.rows = append(l.rows, row{kind: rowArticle, page: pi, art: ai, key: key, text: text})
			if l.cur < 0 {
				l.cur = len(l.rows) - 1
			}
		}
	}
	if len(l.rows) == 0 {
		l.rows = append(l.rows, row{kind: rowNote, text: "（没有文章）"})
	}
	return l
}

// Cells of space before a page heading and before a headline, and after both.
const (
	headingLeft, itemLeft, listRight = 1, 3, 1
)

// refit cuts every row to the pane's inner width.
func (l *list) refit() {
	w := l.c.geo.Inner(l.c.geo.List).W
	m := l.c.m
	l.fit = l.fit[:0]
	for _, r := range l.rows {
		left := itemLeft
		if r.kind == rowHeading {
			left = headingLeft
		}
		t := fit(m, r.text, w-left-listRight)
		l.fit = append(l.fit, fitted{text: t, width: m.StringWidth(t)})
	}
	l.follow()
}

// height is how many rows the pane shows.
func (l *list) height() int { return max(l.c.geo.Inner(l.c.geo.List).H, 1) }

// follow scrolls so the selection is in view, with its page's heading
// when the selection is the page's first article.
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

// move selects the article n articles after (or before) the selection,
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
		if l.rows[i].isArticle() {
			l.cur = i
			n--
		}
	}
	l.follow()
}

// moveTo selects the article nearest to row i, looking forward first.
func (l *list) moveTo(i int) {
	if l.cur < 0 {
		return
	}
	i = max(min(i, len(l.rows)-1), 0)
	for j := i; j < len(l.rows); j++ {
		if l.rows[j].isArticle() {
			l.cur = j
			l.follow()
			return
		}
	}
	for j := i; j >= 0; j-- {
		if l.rows[j].isArticle() {
			l.cur = j
			l.follow()
			return
		}
	}
}

// movePage selects the first article of the next page (dir > 0) or the
// previous one (dir < 0) that has articles; at either end it stays.
func (l *list) movePage(dir int) {
	r, ok := l.selected()
	if !ok {
		return
	}
	page := -1
	if dir > 0 {
		for _, rr := range l.rows[l.cur:] {
			if rr.isArticle() && rr.page > r.page {
				page = rr.page
				break
			}
		}
	} else {
		for i := l.cur; i >= 0; i-- {
			if rr := l.rows[i]; rr.isArticle() && rr.page < r.page {
				page = rr.page
				break
			}
		}
	}
	if page < 0 {
		return
	}
	for i, rr := range l.rows {
		if rr.isArticle() && rr.page == page {
			l.cur = i
			l.follow()
			return
		}
	}
}

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
		l.c.frameEdge(b, f, f.TopLeft, f.TopRight, f.Top, pane.W, "", 0, paint{})
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
		st.fill.spaces(b, headingLeft)
		st.pageHeading.write(b, l.fit[i].text)
		st.fill.spaces(b, w-headingLeft-l.fit[i].width)
	case l.rows[i].kind == rowNote:
		st.fill.spaces(b, itemLeft)
		st.dim.write(b, l.fit[i].text)
		st.fill.spaces(b, w-itemLeft-l.fit[i].width)
	case i == l.cur:
		p := st.selected
		if !focused {
			p = st.unfocused
		}
		// The selection is a bar from the gutter to the border.
		st.fill.spaces(b, itemLeft-2)
		b.WriteString(p.pre)
		writeSpaces(b, 2)
		b.WriteString(l.fit[i].text)
		writeSpaces(b, w-itemLeft-l.fit[i].width)
		b.WriteString(p.post)
	default:
		p := st.item
		if l.read.IsRead(l.rows[i].key) {
			p = st.read
		}
		st.fill.spaces(b, itemLeft)
		p.write(b, l.fit[i].text)
		st.fill.spaces(b, w-itemLeft-l.fit[i].width)
	}
	f.paint.write(b, f.Right)
}

// fit cuts s to w cells, ending it with … when cut, and never leaving a
// space before the …
func fit(m layout.Measure, s string, w int) string {
	const tail = "…"
	if m.StringWidth(s) <= w {
		return s
	}
	tw := m.StringWidth(tail) // 1 or 2: … is ambiguous
	if w < tw {
		return m.Truncate(s, w, "")
	}
	return strings.TrimRight(m.Truncate(s, w-tw, ""), " ") + tail
}
