package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// help is the ? overlay: every binding of the KeyMap, in as many columns
// as fit, drawn over both panes.
type help struct {
	c     *common
	lines []string // styled, each exactly the box's inner width
	top   int      // the first line in view
	rect  Rect     // the box, border included
	inner int      // the box's inner width
}

// groupNames head the groups of KeyMap.HelpGroups.
var groupNames = [...]string{"移动", "阅读", "搜索", "其他"}

// helpEntry is one line of a help column: a group's name (desc empty and
// heading set), a key and what it does, or a blank.
type helpEntry struct {
	key, desc string
	heading   bool
}

// helpColumn is a column of the help: some groups, one under the other.
type helpColumn struct {
	entries []helpEntry
	kw, dw  int // widest key, widest description
}

func (c helpColumn) width() int { return c.kw + helpKeyGap + c.dw }

const (
	helpKeyGap    = 2 // between a key and its description
	helpColumnGap = 4 // between columns
)

// helpLayouts are the ways the groups go into columns, widest first: each
// inner slice is a column, listing the groups it holds.
var helpLayouts = [][][]int{
	{{0}, {1}, {2}, {3}},
	{{0}, {1}, {2, 3}},
	{{0, 3}, {1, 2}},
	{{0, 1, 2, 3}},
}

// rebuild lays the bindings out for the box and the theme.
func (h *help) rebuild() {
	h.lines = h.lines[:0]
	g := h.c.geo
	if g.TooSmall {
		return
	}
	m := h.c.m
	st := &h.c.st
	w := h.area().W - 2*g.Border - 2
	groups := h.c.keys.HelpGroups()

	var cols []helpColumn
	total := 0
	for _, lay := range helpLayouts {
		cols = cols[:0]
		for _, groupsIn := range lay {
			var c helpColumn
			for n, gi := range groupsIn {
				if n > 0 {
					c.entries = append(c.entries, helpEntry{})
				}
				name := h.c.w(groupNames[gi])
				c.entries = append(c.entries, helpEntry{key: name, heading: true})
				c.kw = max(c.kw, m.StringWidth(name))
				for _, bnd := range groups[gi] {
					e := helpEntry{key: h.c.keyLabel(bnd.Help().Key), desc: h.c.w(bnd.Help().Desc)}
					c.entries = append(c.entries, e)
					c.kw = max(c.kw, m.StringWidth(e.key))
					c.dw = max(c.dw, m.StringWidth(e.desc))
				}
			}
			cols = append(cols, c)
		}
		total = -helpColumnGap
		for _, c := range cols {
			total += c.width() + helpColumnGap
		}
		if total+2 <= w {
			break
		}
	}
	rows := 0
	for _, c := range cols {
		rows = max(rows, len(c.entries))
	}

	// The box: the columns with a margin round them, centred in the area.
	area := h.area()
	const margin = 3
	iw := min(total+2*margin, area.W-2*g.Border)
	iw -= iw % g.Border // wide borders close on an even width
	h.inner = iw
	lh := rows + 2 // a blank line above and below
	bh := min(lh+2, area.H)
	bw := iw + 2*g.Border
	h.rect = Rect{X: area.X + (area.W-bw)/2, Y: area.Y + (area.H-bh)/2, W: bw, H: bh}
	lead := max((iw-total)/2, 0)

	var b strings.Builder
	h.lines = append(h.lines, h.line(&b, iw, nil))
	for r := range rows {
		h.lines = append(h.lines, h.line(&b, iw, func(b *strings.Builder) int {
			st.help.spaces(b, lead)
			n := lead
			for i, c := range cols {
				if i > 0 {
					st.help.spaces(b, helpColumnGap)
					n += helpColumnGap
				}
				var e helpEntry
				if r < len(c.entries) {
					e = c.entries[r]
				}
				switch {
				case e.heading:
					st.helpKey.write(b, m.Pad(e.key, c.width()))
				case e.key == "":
					st.help.spaces(b, c.width())
				default:
					st.helpKey.write(b, m.Pad(e.key, c.kw+helpKeyGap))
					st.help.write(b, m.Pad(e.desc, c.dw))
				}
				n += c.width()
			}
			return n
		}))
	}
	h.lines = append(h.lines, h.line(&b, iw, nil))
	h.clamp()
}

// line returns one line of the help, exactly w cells wide: what parts
// writes (it returns how many cells), padded, or cut plainly when it is
// too wide.
func (h *help) line(b *strings.Builder, w int, parts func(b *strings.Builder) int) string {
	st := &h.c.st
	m := h.c.m
	if parts == nil {
		b.Reset()
		st.help.spaces(b, w)
		return b.String()
	}
	b.Reset()
	used := parts(b)
	line := b.String()
	b.Reset()
	if used > w {
		plain := m.Truncate(ansi.Strip(line), w, "")
		used = m.StringWidth(plain)
		st.help.write(b, plain)
	} else {
		b.WriteString(line)
	}
	st.help.spaces(b, w-used)
	return b.String()
}

// area is where the help is drawn: over both panes.
func (h *help) area() Rect {
	g := h.c.geo
	if g.Single {
		return g.Body
	}
	return Rect{X: 0, Y: 1, W: g.List.W + g.Body.W, H: g.Body.H}
}

// height is how many lines of help the box shows.
func (h *help) height() int { return max(h.rect.H-2, 1) }

func (h *help) clamp() { h.top = max(min(h.top, len(h.lines)-h.height()), 0) }

func (h *help) scroll(n int) {
	h.top += n
	h.clamp()
}

// update handles a key while the help is up: it scrolls; ? and back ask
// to close it.
func (h *help) update(msg tea.KeyPressMsg, k *KeyMap) intent {
	switch {
	case key.Matches(msg, k.Help, k.Back):
		return toBack
	case key.Matches(msg, k.Down):
		h.scroll(1)
	case key.Matches(msg, k.Up):
		h.scroll(-1)
	case key.Matches(msg, k.PageDown, k.HalfDown):
		h.scroll(h.height() / 2)
	case key.Matches(msg, k.PageUp, k.HalfUp):
		h.scroll(-h.height() / 2)
	}
	return stay
}

// writeRow writes line y of the help's area to b: the box, border
// included, with blank to either side of it.
func (h *help) writeRow(b *strings.Builder, y int) {
	st := &h.c.st
	area := h.area()
	r := h.rect
	y += area.Y - r.Y // the row of the box
	if y < 0 || y >= r.H {
		st.fill.spaces(b, area.W)
		return
	}
	st.fill.spaces(b, r.X-area.X)
	defer st.fill.spaces(b, area.X+area.W-r.X-r.W)
	f := h.c.frame(true)
	switch y {
	case 0:
		h.c.frameEdge(b, f, f.TopLeft, f.TopRight, f.Top, r.W, "", 0, paint{})
		return
	case r.H - 1:
		label := ""
		if len(h.lines) > h.height() {
			label = "↓"
			if h.top+h.height() >= len(h.lines) {
				label = "↑"
			}
		}
		h.c.frameEdge(b, f, f.BottomLeft, f.BottomRight, f.Bottom, r.W, label, h.c.m.StringWidth(label), st.dim)
		return
	}
	f.paint.write(b, f.Left)
	if i := h.top + y - 1; i < len(h.lines) {
		b.WriteString(h.lines[i])
	} else {
		st.help.spaces(b, h.inner)
	}
	f.paint.write(b, f.Right)
}
