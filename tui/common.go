package tui

import (
	"strings"

	"github.com/dubaoreader/dubao/tui/layout"
)

// common is what the parts of the reader share: the window and its
// geometry, the width measure, the styles and the keys. The root model
// owns it; the parts read it.
type common struct {
	geo       Geometry
	m         layout.Measure
	measure   int  // the reading measure, in CJK characters
	listWidth int  // the list pane's width asked for, 0 for the layout's
	indent    bool // first-line indent on
	st        styles
	keys      KeyMap

	// traditional has the reader's own words in Traditional (see w).
	traditional bool
}

// frameEdge writes the top or bottom edge of a pane w cells wide: corners
// left and right, fillRune between, and label (labelW cells wide) near the
// right end when it is not "" and there is room. Where box drawing is two
// cells wide, w is even and an odd cell goes into the label's gap, so the
// edge meets the corners exactly.
func (c *common) frameEdge(b *strings.Builder, f border, left, right, fillRune string, w int, label string, labelW int, labelPaint paint) {
	bw := c.geo.Border
	inner := w - 2*bw
	if c.wide() && label != "" {
		label = c.chrome(label)
		labelW = c.m.StringWidth(label)
	}
	f.paint.write(b, left)
	if label != "" && labelW+4*bw <= inner {
		// ─── 42% ─  : the label with a space each side, one line after.
		after := bw
		before := inner - after - labelW - 2
		if before%bw != 0 { // wide borders: give the odd cell to the label's gap
			before--
			labelW++
			label += " "
		}
		f.paint.write(b, strings.Repeat(fillRune, before/bw))
		labelPaint.write(b, " "+label+" ")
		f.paint.write(b, strings.Repeat(fillRune, after/bw))
	} else {
		f.paint.write(b, strings.Repeat(fillRune, inner/bw))
	}
	f.paint.write(b, right)
}

// frame returns the border to draw a pane with.
func (c *common) frame(focused bool) border {
	if focused {
		return c.st.frameFocused
	}
	return c.st.frame
}

// wide reports whether the terminal draws the East Asian Ambiguous
// characters two cells wide.
func (c *common) wide() bool { return c.m.Ambiguous() == layout.Wide }

// chromeWide replaces the ambiguous characters of the reader's own bars
// (header, status bar, the shelf's counts, the frames' labels) where they
// are drawn wide: such terminals draw · with a narrow glyph and a gap after
// it, and disagree among themselves about arrows. The full-width ・ and
// 「」 are two cells everywhere; … and arrows become ASCII.
var chromeWide = strings.NewReplacer(
	" · ", "・", "·", "・",
	"“", "「", "”", "」", "‘", "『", "’", "』",
	"…", "...",
	"↑", "^", "↓", "v", "←", "<", "→", ">",
)

// chrome returns s, text the reader draws outside the article, as it is
// to be drawn: unchanged, or where ambiguous characters are drawn wide,
// with none of them (chromeWide).
func (c *common) chrome(s string) string {
	if !c.wide() {
		return s
	}
	return chromeWide.Replace(s)
}

// sep is what separates the items of a bar: " · ", or ・ where · is drawn
// wide.
func (c *common) sep() string { return c.chrome(" · ") }

// keyLabel returns a key's name as the bars and the help show it: as the
// KeyMap has it, or where the ambiguous characters are drawn wide without
// the arrows among its alternatives ("j/↓" is j), or failing that in ASCII.
func (c *common) keyLabel(k string) string {
	if !c.wide() {
		return k
	}
	var keep []string
	for _, alt := range strings.Split(k, "/") {
		if !strings.ContainsAny(alt, "↑↓←→") {
			keep = append(keep, alt)
		}
	}
	if len(keep) == 0 {
		return c.chrome(k)
	}
	return strings.Join(keep, "/")
}

// paneRow writes row y of a framed pane: the top edge with label, the
// bottom edge, or between the side borders what row writes in the pane's
// inner width.
func (c *common) paneRow(b *strings.Builder, y int, pane Rect, label string, row func(w int)) {
	f := c.frame(true)
	switch y {
	case 0:
		c.frameEdge(b, f, f.TopLeft, f.TopRight, f.Top, pane.W, label, c.m.StringWidth(label), c.st.dim)
		return
	case pane.H - 1:
		c.frameEdge(b, f, f.BottomLeft, f.BottomRight, f.Bottom, pane.W, "", 0, paint{})
		return
	}
	f.paint.write(b, f.Left)
	row(c.geo.Inner(pane).W)
	f.paint.write(b, f.Right)
}

// noteRow writes a line of a pane's note to the reader, at a list's
// margin, cut to fit and padded to w.
func (c *common) noteRow(b *strings.Builder, w int, note string) {
	t := fit(c.m, note, w-itemLeft-listRight)
	c.st.fill.spaces(b, itemLeft)
	c.st.body.write(b, t)
	c.st.fill.spaces(b, w-itemLeft-c.m.StringWidth(t))
}
