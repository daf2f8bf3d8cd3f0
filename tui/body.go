package tui

import (
	"strconv"
	"strings"

	"github.com/dubaoreader/dubao/model"
)

// body is the article pane: the article set in the reading column, and
// how far down it is read.
type body struct {
	c     *common
	a     *model.Article // nil when the issue has no articles
	set   *setArticle
	top   int    // the first line in view
	at    anchor // where top is in the article, kept across re-wrapping
	cache map[wrapKey]*setArticle
}

func newBody(c *common) body {
	return body{c: c, cache: make(map[wrapKey]*setArticle)}
}

// height is how many lines of text the pane shows.
func (b *body) height() int { return max(b.c.geo.Inner(b.c.geo.Body).H, 1) }

// show puts article a in the pane, from its top.
func (b *body) show(a *model.Article) {
	if a == b.a {
		return
	}
	b.a, b.top, b.at = a, 0, anchor{}
	b.reflow()
}

// reflow sets the article again for the current width and indent, and
// brings back into view the paragraph that was at the top.
func (b *body) reflow() {
	if b.a == nil || b.c.geo.TooSmall {
		b.set = nil
		return
	}
	k := wrapKey{a: b.a, width: b.c.geo.TextWidth, indent: b.c.indent}
	s, ok := b.cache[k]
	if !ok {
		if len(b.cache) >= 64 {
			clear(b.cache) // a cache, not a store: widths come and go
		}
		s = setIn(b.c.m, b.a, k.width, k.indent)
		b.cache[k] = s
	}
	b.set = s
	b.top = s.lineOf(b.at)
	b.clamp()
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

// position says how far the article is scrolled: 0% at its top, 100% at
// its end, 全文 when it all fits.
func (b *body) position() string {
	n := b.lines() - b.height()
	if b.set == nil {
		return ""
	}
	if n <= 0 {
		return "全文"
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
	b.paintOf(l.kind).write(sb, l.text)
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
