package tui

import (
	"fmt"
	"strconv"
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
	idx  int    // the row's index among all the list's rows, narrowed or not

	// field is the article's text the headline shows (noField for none),
	// and text[i] is byte from+i of it: the title, or for a continuation
	// the first paragraph after （续）. Search hits are placed by them.
	field model.Field
	from  int
}

func (r row) isArticle() bool { return r.kind == rowArticle }

// fitted is a row's text cut to the list's width, with the search's hits
// in it and how many the article holds.
type fitted struct {
	text   string
	width  int
	marks  []mark // bytes of text matched
	count  string // the article's hits, "" for none
	countW int
}

// list is the headline list pane: every article of the issue under its
// page's heading, one selected.
type list struct {
	c    *common
	all  []row    // every page's heading and every article
	rows []row    // the rows shown: all, or narrowed to the articles with hits
	fit  []fitted // rows' texts fitted to the pane, rebuilt on resize
	cur  int      // the selected row, always an article; -1 when there is none
	top  int      // the first row in view
	read *ReadMarks

	// The search: its hits in reading order and how many each article
	// holds (counts[page][article]; nil without a query), and whether the
	// rows are narrowed to the articles with hits.
	hits     []model.Hit
	counts   [][]int
	narrowed bool
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
			text, field, from := a.Title, model.InTitle, 0
			if text == "" {
				text, field, from = continued+a.Heading(), model.InParagraph, -len(continued)
				if len(a.Paragraphs) == 0 {
					field = noField
				}
			}
			key := ArticleKey(p, a)
			if s, ok := story[a]; ok {
				key = s.Key() // a story read on one page is read on all
			}
			l.rows = append(l.rows, row{kind: rowArticle, page: pi, art: ai, key: key, text: text, field: field, from: from})
			if l.cur < 0 {
				l.cur = len(l.rows) - 1
			}
		}
	}
	if len(l.rows) == 0 {
		l.rows = append(l.rows, row{kind: rowNote, text: "（没有文章）"})
	}
	for i := range l.rows {
		l.rows[i].idx = i
	}
	l.all = l.rows
	return l
}

// Cells of space before a page heading and before a headline, and after both.
const (
	headingLeft, itemLeft, listRight = 1, 3, 1
)

// refit cuts every row to the pane's inner width, leaving room for its
// article's hit count, and places the hits in what is left of it.
func (l *list) refit() {
	w := l.c.geo.Inner(l.c.geo.List).W
	m := l.c.m
	l.fit = l.fit[:0]
	for _, r := range l.rows {
		left := itemLeft
		if r.kind == rowHeading {
			left = headingLeft
		}
		var f fitted
		room := w - left - listRight
		if n := l.count(r); n > 0 {
			f.count = strconv.Itoa(n)
			f.countW = m.StringWidth(f.count)
			room -= f.countW + 1
		}
		var keep int
		f.text, keep = fitKeep(m, r.text, room)
		f.width = m.StringWidth(f.text)
		if f.count != "" && r.field != noField {
			f.marks = l.marksIn(r, keep)
		}
		l.fit = append(l.fit, f)
	}
	l.follow()
}

// count returns the search's hits in the article of row r.
func (l *list) count(r row) int {
	if r.kind != rowArticle || r.page >= len(l.counts) || r.art >= len(l.counts[r.page]) {
		return 0
	}
	return l.counts[r.page][r.art]
}

// marksIn returns the hits in the headline of row r, in the first keep
// bytes of its text.
func (l *list) marksIn(r row, keep int) []mark {
	var marks []mark
	lo, hi := hitRange(l.hits, r.page, r.art)
	for k := lo; k < hi; k++ {
		h := l.hits[k]
		if h.Field != r.field || (h.Field == model.InParagraph && h.Para != 0) {
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

// setHits gives the list the search's hits and counts (nil for no
// search), narrowing it to the articles with hits or not.
func (l *list) setHits(hits []model.Hit, counts [][]int, narrow bool) {
	l.hits, l.counts = hits, counts
	l.narrow(narrow)
}

// narrow shows only the articles with hits, each under its page's
// heading, or every row when on is false or no article has a hit. The
// selection stays on its article when it is shown, else moves to the next
// article shown.
func (l *list) narrow(on bool) {
	sel := -1
	if l.cur >= 0 {
		sel = l.rows[l.cur].idx
	}
	l.rows, l.narrowed = l.all, false
	if on {
		var rows []row
		for i := 0; i < len(l.all); {
			// A page: its heading, then its articles.
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
			if !r.isArticle() {
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

// rowOf returns the row of article art of page, and false when it is not
// shown.
func (l *list) rowOf(page, art int) (int, bool) {
	for i, r := range l.rows {
		if r.isArticle() && r.page == page && r.art == art {
			return i, true
		}
	}
	return 0, false
}

// shown returns how many articles the list shows.
func (l *list) shown() int {
	n := 0
	for _, r := range l.rows {
		if r.isArticle() {
			n++
		}
	}
	return n
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
		label := ""
		if l.narrowed {
			label = "命中 " + strconv.Itoa(l.shown()) + " 篇"
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
		st.fill.spaces(b, headingLeft)
		st.pageHeading.write(b, l.fit[i].text)
		st.fill.spaces(b, w-headingLeft-l.fit[i].width)
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
			// The selection is a bar from the gutter to the border.
			pad = p
			st.fill.spaces(b, itemLeft-2)
			p.spaces(b, 2)
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
