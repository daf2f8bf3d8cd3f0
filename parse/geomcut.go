package parse

import (
	"math"
	"slices"

	"github.com/dubaoreader/dubao/model"
)

// The page is cut into blocks along its white space, as a reader's eye
// parts it: first into side-by-side parts where a gap runs from the top of
// the part to its bottom, else into parts one above the other. The cuts
// give the reading order, and a part of the cut that holds one headline is
// a story. A rule drawn on the page counts as a barrier: a horizontal one
// keeps a vertical cut from crossing it, a vertical one a horizontal cut.

// inked is a character or a picture inked on the page.
type inked struct {
	box  model.Box
	char int // index into geomPage.chars, -1 for a picture
}

// node is a part of the page: a block that cannot be cut, or its parts in
// reading order.
type node struct {
	box   model.Box
	parts []*node
	items []inked // a block's
}

func (g *geomPage) items() []inked {
	var out []inked
	for i, c := range g.chars {
		if !g.gone[i] {
			out = append(out, inked{box: c.Box, char: i})
		}
	}
	for _, p := range g.pictures {
		out = append(out, inked{box: p, char: -1})
	}
	return out
}

// Gaps, in ems of the body size: the least white space that parts two
// columns, and the least white space beyond a line's leading that parts two
// blocks one above the other.
const (
	colGapEms  = 0.8
	rowGapEms  = 0.35
	maxCutDeep = 40
)

// cut cuts items into a tree of parts.
func (g *geomPage) cut(items []inked, depth int) *node {
	n := &node{}
	for _, it := range items {
		n.box = n.box.Union(it.box)
	}
	if len(items) <= 1 || depth >= maxCutDeep {
		n.items = items
		return n
	}
	if parts := g.split(items, n.box, true); len(parts) > 1 {
		for _, p := range parts {
			n.parts = append(n.parts, g.cut(p, depth+1))
		}
		return n
	}
	if parts := g.split(items, n.box, false); len(parts) > 1 {
		for _, p := range parts {
			n.parts = append(n.parts, g.cut(p, depth+1))
		}
		return n
	}
	// A subtitle set close over the columns of its story: a narrow white
	// space is a cut when what lies under it parts into columns.
	if parts := g.peel(items); len(parts) > 1 {
		for _, p := range parts {
			n.parts = append(n.parts, g.cut(p, depth+1))
		}
		return n
	}
	n.items = items
	return n
}

// peel cuts items at a narrow white space between lines, one above the
// other, when a part under it then parts into columns (or over it). Only the
// white spaces among the first and the last few lines are tried: a
// subtitle or a caption is a line or two.
func (g *geomPage) peel(items []inked) [][]inked {
	ys := make([][2]float64, 0, len(items))
	for _, it := range items {
		ys = append(ys, [2]float64{it.box.Y0, it.box.Y1})
	}
	slices.SortFunc(ys, func(a, b [2]float64) int { return sign(a[0] - b[0]) })
	var gaps []float64
	end := ys[0][1]
	for _, y := range ys[1:] {
		if y[0]-end > 0.05*g.body {
			gaps = append(gaps, (y[0]+end)/2)
		}
		end = max(end, y[1])
	}
	const few = 3
	if len(gaps) > 2*few {
		gaps = append(gaps[:few], gaps[len(gaps)-few:]...)
	}
	for _, cut := range gaps {
		var above, below []inked
		var ab, bb model.Box
		for _, it := range items {
			if (it.box.Y0+it.box.Y1)/2 < cut {
				above, ab = append(above, it), ab.Union(it.box)
			} else {
				below, bb = append(below, it), bb.Union(it.box)
			}
		}
		if len(above) == 0 || len(below) == 0 {
			continue
		}
		if g.columns(below, bb) && ab.Y1-ab.Y0 < 3*g.pitch || g.columns(above, ab) && bb.Y1-bb.Y0 < 3*g.pitch {
			return [][]inked{above, below}
		}
	}
	return nil
}

// split parts items at the gaps across box: side by side (vertical) or one
// above the other.
func (g *geomPage) split(items []inked, box model.Box, vertical bool) [][]inked {
	type span struct{ a, b, size float64 }
	spans := make([]span, 0, len(items))
	lo := func(b model.Box) (float64, float64) {
		if vertical {
			return b.X0, b.X1
		}
		return b.Y0, b.Y1
	}
	for _, it := range items {
		a, b := lo(it.box)
		sz := -1.0 // a picture
		if it.char >= 0 {
			sz = g.chars[it.char].Size
		}
		spans = append(spans, span{a, b, sz})
	}
	// Rules across the box are barriers.
	rules := g.vRules
	if vertical {
		rules = g.hRules
	}
	for _, r := range rules {
		// A rule ends where another meets it: its ends are no barrier.
		if vertical {
			r.X0, r.X1 = r.X0+g.body, r.X1-g.body
		} else {
			r.Y0, r.Y1 = r.Y0+g.body, r.Y1-g.body
		}
		if vertical {
			if r.Y0 < box.Y0 || r.Y1 > box.Y1 || r.X1 <= box.X0 || r.X0 >= box.X1 {
				continue
			}
			spans = append(spans, span{max(r.X0, box.X0), min(r.X1, box.X1), 0})
		} else {
			if r.X0 < box.X0 || r.X1 > box.X1 || r.Y1 <= box.Y0 || r.Y0 >= box.Y1 {
				continue
			}
			spans = append(spans, span{max(r.Y0, box.Y0), min(r.Y1, box.Y1), 0})
		}
	}
	slices.SortFunc(spans, func(x, y span) int { return sign(x.a - y.a) })
	least := colGapEms * g.body
	if !vertical {
		least = max(g.pitch-g.body, 0) + rowGapEms*g.body
	}
	var cuts, widths []float64
	end, endSize := spans[0].b, spans[0].size
	for _, s := range spans[1:] {
		gap := s.a - end
		if gap >= least || !vertical && gap > 0.1*g.body && sizesDiffer(endSize, s.size) && !g.runsThrough(items, (s.a+end)/2) {
			cuts, widths = append(cuts, (s.a+end)/2), append(widths, gap)
		}
		if s.b > end {
			end, endSize = s.b, s.size
		}
	}
	if vertical {
		cuts = g.keepLines(items, cuts)
	} else if len(cuts) > 1 {
		// Only the widest white spaces across: the rows of a page stand
		// further apart than a headline from its text, and each row is
		// then parted into its strips before its headlines are cut off.
		widest := slices.Max(widths)
		kept := cuts[:0]
		for i, c := range cuts {
			if widths[i] >= 0.7*widest {
				kept = append(kept, c)
			}
		}
		cuts = kept
	}
	if len(cuts) == 0 {
		return nil
	}
	parts := make([][]inked, len(cuts)+1)
	for _, it := range items {
		a, b := lo(it.box)
		mid := (a + b) / 2
		k, _ := slices.BinarySearch(cuts, mid)
		parts[k] = append(parts[k], it)
	}
	out := parts[:0]
	for _, p := range parts {
		if len(p) > 0 {
			out = append(out, p)
		}
	}
	return out
}

// leaves lists the blocks under n in reading order.
func (n *node) leaves(out []*node) []*node {
	if len(n.parts) == 0 {
		return append(out, n)
	}
	for _, p := range n.parts {
		out = p.leaves(out)
	}
	return out
}

// sizesDiffer reports whether lines of these sizes are of two kinds, such as
// a headline and the body under it: one is at least a fifth larger.
// A picture (size -1) differs from any line.
func sizesDiffer(a, b float64) bool {
	if a < 0 || b < 0 {
		return a != 0 && b != 0
	}
	return a > 0 && b > 0 && max(a, b) >= 1.2*min(a, b)
}

// columns reports whether items part into columns of several lines each.
func (g *geomPage) columns(items []inked, box model.Box) bool {
	if box.Y1-box.Y0 < 3*g.pitch {
		return false
	}
	parts := g.split(items, box, true)
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		var b model.Box
		for _, it := range p {
			b = b.Union(it.box)
		}
		if b.Y1-b.Y0 < 2*g.pitch {
			return false
		}
	}
	return true
}

// keepLines drops the vertical cuts that would part a headline's line: two
// characters larger than the body, on one baseline, close on either side.
func (g *geomPage) keepLines(items []inked, cuts []float64) []float64 {
	var big []Char
	for _, it := range items {
		if it.char >= 0 && g.chars[it.char].Size >= 1.2*g.body {
			big = append(big, g.chars[it.char])
		}
	}
	if len(big) == 0 || len(big) > 2000 {
		return cuts // no headline; or a page of nothing but large type
	}
	out := cuts[:0]
	for _, c := range cuts {
		// The large characters just left and just right of the cut.
		var left, right []Char
		for _, a := range big {
			switch {
			case a.Box.X1 <= c && c-a.Box.X1 <= 1.0*a.Size:
				left = append(left, a)
			case a.Box.X0 >= c && a.Box.X0-c <= 1.0*a.Size:
				right = append(right, a)
			}
		}
		bridged := false
		for _, a := range left {
			for _, b := range right {
				if b.Box.X0-a.Box.X1 < 1.0*a.Size && math.Abs(b.Box.Y1-a.Box.Y1) < 0.25*a.Size && !g.ruledAt(c, []Char{a, b}) {
					bridged = true
					break
				}
			}
			if bridged {
				break
			}
		}
		if !bridged {
			out = append(out, c)
		}
	}
	return out
}

// ruledAt reports whether a vertical rule runs at x beside the characters.
func (g *geomPage) ruledAt(x float64, cs []Char) bool {
	for _, r := range g.vRules {
		if math.Abs((r.X0+r.X1)/2-x) > g.body {
			continue
		}
		for _, c := range cs {
			if r.Y0 <= c.Box.Y0+0.5*c.Size && r.Y1 >= c.Box.Y1-0.5*c.Size {
				return true
			}
		}
	}
	return false
}

// runsThrough reports whether a column of body text runs on across the
// height y: two lines of it, one just above y and one just below, a line's
// pitch apart. A narrow white space there is the text's leading, whatever
// stands beside it.
func (g *geomPage) runsThrough(items []inked, y float64) bool {
	var above, below []Char
	for _, it := range items {
		if it.char < 0 {
			continue
		}
		c := g.chars[it.char]
		if math.Abs(c.Size-g.body) > 0.05*g.body {
			continue
		}
		switch {
		case c.Box.Y1 <= y && y-c.Box.Y1 < g.pitch:
			above = append(above, c)
		case c.Box.Y0 >= y && c.Box.Y0-y < g.pitch:
			below = append(below, c)
		}
	}
	for _, a := range above {
		for _, b := range below {
			if overlaps(a.Box.X0, a.Box.X1, b.Box.X0, b.Box.X1) && b.Box.Y1-a.Box.Y1 <= 1.15*g.pitch {
				return true
			}
		}
	}
	return false
}
