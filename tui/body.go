package tui

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/dubaoreader/dubao/model"
)

// body is the story pane: the story set in the reading column, and how
// far down it is read.
type body struct {
	c     *common
	v     *storyView // nil when the issue has no stories
	set   *setArticle
	top   int    // the first line in view
	at    anchor // where top is in the story, kept across re-wrapping
	cache map[wrapKey]*setArticle

	// The search's hits in the story and their spots, in reading order;
	// hitBase is the index of the first in all the hits, and current the
	// index of the current one there (-1 for none). marks[i] are the hits
	// on line i of set, worked out again whenever the story, its setting or
	// the hits change.
	hits    []model.Hit
	spots   []spot
	hitBase int
	current int
	marks   [][]mark
}

// mark is a search hit on one line: the bytes of the line's text it covers
// (a hit that wraps is a mark on each of its lines), and its index in the
// search's hits.
type mark struct {
	start, end int
	hit        int
}

func newBody(c *common) body {
	return body{c: c, cache: make(map[wrapKey]*setArticle), current: -1}
}

// height is how many lines of text the pane shows.
func (b *body) height() int { return max(b.c.geo.Inner(b.c.geo.Body).H, 1) }

// show puts story v in the pane, from its top.
func (b *body) show(v *storyView) {
	if v == b.v {
		return
	}
	b.v, b.top, b.at = v, 0, anchor{}
	b.hits, b.spots = nil, nil // they were the last story's
	b.reflow()
}

// story returns the story shown, nil for none.
func (b *body) story() *model.Story {
	if b.v == nil {
		return nil
	}
	return b.v.s
}

// setHits gives the body the search's hits in its story and their spots,
// the first being hit number base of them all, and which one is current.
func (b *body) setHits(hits []model.Hit, spots []spot, base, current int) {
	b.hits, b.spots, b.hitBase, b.current = hits, spots, base, current
	b.mark()
}

// mark works out where the hits fall on the lines of the set story: each
// line's hits, cut to the bytes of its field that the line shows. Both the
// lines and the hits are in reading order, so one pass does.
func (b *body) mark() {
	if b.set == nil {
		b.marks = b.marks[:0]
		return
	}
	if cap(b.marks) < len(b.set.lines) {
		b.marks = make([][]mark, len(b.set.lines))
	}
	b.marks = b.marks[:len(b.set.lines)]
	clear(b.marks)
	j := 0
	for i := range b.set.lines {
		l := &b.set.lines[i]
		if l.field == noField {
			continue
		}
		start, end := l.fieldStart(), l.fieldEnd()
		// Skip the hits wholly before the line; they are not on any later one.
		for j < len(b.hits) && hitBefore(b.spots[j], b.hits[j].End, l, start) {
			j++
		}
		for k := j; k < len(b.hits); k++ {
			h, sp := b.hits[k], b.spots[k]
			if !onLine(sp, l) || h.Start >= end {
				break
			}
			b.marks[i] = append(b.marks[i], mark{
				start: max(h.Start, start) - l.from,
				end:   min(h.End, end) - l.from,
				hit:   b.hitBase + k,
			})
		}
	}
}

// onLine reports whether a hit at sp is in the text line l shows.
func onLine(sp spot, l *textLine) bool {
	return sp.sec == l.sec && sp.field == l.field && sp.para == l.para
}

// hitBefore reports whether the hit at sp, ending at byte end, ends before
// byte start of the text line l shows, in reading order.
func hitBefore(sp spot, end int, l *textLine, start int) bool {
	switch {
	case sp.sec != l.sec:
		return sp.sec < l.sec
	case sp.field != l.field:
		return sp.field < l.field
	case sp.para != l.para:
		return sp.para < l.para
	}
	return end <= start
}

// lineOfHit returns the line on which the hit at sp starts, and false when
// no line shows it.
func (b *body) lineOfHit(sp spot) (int, bool) {
	if b.set == nil {
		return 0, false
	}
	for i := range b.set.lines {
		l := &b.set.lines[i]
		if onLine(sp, l) && sp.at < l.fieldEnd() {
			return i, true
		}
	}
	return 0, false
}

// reveal scrolls the hit at sp into view, a third of the way down the
// pane, unless it is in view already.
func (b *body) reveal(sp spot) {
	i, ok := b.lineOfHit(sp)
	if !ok || (i >= b.top && i < b.top+b.height()) {
		return
	}
	b.scrollTo(i - b.height()/3)
}

// reflow sets the story again for the current width and indent, and
// brings back into view the paragraph that was at the top.
func (b *body) reflow() {
	if b.v == nil || b.c.geo.TooSmall {
		b.set = nil
		b.mark()
		return
	}
	k := wrapKey{s: b.v.s, width: b.c.geo.TextWidth, indent: b.c.indent}
	s, ok := b.cache[k]
	if !ok {
		if len(b.cache) >= 64 {
			clear(b.cache) // a cache, not a store: widths come and go
		}
		s = setInScript(b.c.m, b.v.s, k.width, k.indent, b.c.traditional)
		b.cache[k] = s
	}
	b.set = s
	b.top = s.lineOf(b.at)
	b.clamp()
	b.mark()
}

// goTo puts anchor a at the top, as far as the story goes.
func (b *body) goTo(a anchor) {
	b.at = a
	if b.set != nil {
		b.top = b.set.lineOf(a)
		b.clamp()
	}
}

func (b *body) lines() int {
	if b.set == nil {
		return 0
	}
	return len(b.set.lines)
}

func (b *body) clamp() {
	b.top = max(min(b.top, b.lines()-b.height()), 0)
}

// scroll moves the text n lines up (n > 0) or down.
func (b *body) scroll(n int) {
	b.top += n
	b.clamp()
	if b.set != nil {
		b.at = b.set.anchorAt(b.top)
	}
}

// scrollTo puts line i at the top.
func (b *body) scrollTo(i int) { b.scroll(i - b.top) }

// update handles a key of the body's own: scrolling; back asks to give
// the keys to the list.
func (b *body) update(msg tea.KeyPressMsg, k *KeyMap) intent {
	h := b.height()
	switch {
	case key.Matches(msg, k.Down):
		b.scroll(1)
	case key.Matches(msg, k.Up):
		b.scroll(-1)
	case key.Matches(msg, k.PageDown):
		b.scroll(max(h-1, 1))
	case key.Matches(msg, k.PageUp):
		b.scroll(-max(h-1, 1))
	case key.Matches(msg, k.HalfDown):
		b.scroll(max(h/2, 1))
	case key.Matches(msg, k.HalfUp):
		b.scroll(-max(h/2, 1))
	case key.Matches(msg, k.Top):
		b.scrollTo(0)
	case key.Matches(msg, k.Bottom):
		b.scrollTo(b.lines())
	case key.Matches(msg, k.Back):
		return toBack
	}
	return stay
}

// position says how far the story is scrolled: 0% at its top, 100% at
// its end, 全文 when it all fits.
func (b *body) position() string {
	n := b.lines() - b.height()
	if b.set == nil {
		return ""
	}
	if n <= 0 {
		return b.c.w("全文")
	}
	return strconv.Itoa(b.top*100/n) + "%"
}

// writeRow writes line y of the pane, border included, to sb.
func (b *body) writeRow(sb *strings.Builder, y int, focused bool, pos string) {
	g := b.c.geo
	st := &b.c.st
	f := b.c.frame(focused)
	pane := g.Body
	switch y {
	case 0:
		b.c.frameEdge(sb, f, f.TopLeft, f.TopRight, f.Top, pane.W, "", 0, paint{})
		return
	case pane.H - 1:
		b.c.frameEdge(sb, f, f.BottomLeft, f.BottomRight, f.Bottom, pane.W, pos, b.c.m.StringWidth(pos), st.dim)
		return
	}
	w := g.Inner(pane).W
	f.paint.write(sb, f.Left)
	i := b.top + y - 1
	if b.set == nil || i >= len(b.set.lines) {
		st.fill.spaces(sb, w)
		f.paint.write(sb, f.Right)
		return
	}
	l := &b.set.lines[i]
	lead := g.TextLeft + l.lead
	st.fill.spaces(sb, lead)
	p := b.paintOf(l.kind)
	at := 0
	if i < len(b.marks) {
		for _, mk := range b.marks[i] {
			hp := st.match[l.kind]
			if mk.hit == b.current {
				hp = st.current[l.kind]
			}
			p.write(sb, l.text[at:mk.start])
			hp.write(sb, l.text[mk.start:mk.end])
			at = mk.end
		}
	}
	p.write(sb, l.text[at:])
	st.fill.spaces(sb, w-lead-l.width)
	f.paint.write(sb, f.Right)
}

// paintOf returns how a line of the kind is drawn.
func (b *body) paintOf(k lineKind) paint {
	st := &b.c.st
	switch k {
	case lineKicker:
		return st.kicker
	case lineTitle:
		return st.title
	case lineSubtitle:
		return st.subtitle
	case lineByline:
		return st.byline
	case lineSeam:
		return st.seam
	case lineEmpty:
		return st.dim
	}
	return st.body
}
