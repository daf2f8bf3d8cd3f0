// Package pagemap lays a printed page out in terminal cells for the page
// map (版面图): the regions of its stories, given in points on the page,
// become boxes of cells that keep the page's proportions and never overlap;
// and it answers where a reader goes from a story — to the nearest story in
// a direction, or to the next in reading order. It draws nothing and knows
// no terminal: package tui draws the boxes it returns.
package pagemap

import (
	"cmp"
	"math"
	"slices"

	"github.com/dubaoreader/dubao/model"
)

// CellAspect is how many times taller than wide a terminal cell is: about
// two in the usual fonts (8×16, 9×18, 10×20 pixels). A page drawn one cell
// per unit each way would come out twice as tall as it is; Size gives the
// map CellAspect times as many columns per point as rows, so that a square
// on the page is a square on the screen.
const CellAspect = 2.0

// Rect is a rectangle of cells: column X, row Y, W wide and H high.
type Rect struct{ X, Y, W, H int }

// Empty reports whether r covers no cell.
func (r Rect) Empty() bool { return r.W <= 0 || r.H <= 0 }

// Area is how many cells r covers.
func (r Rect) Area() int {
	if r.Empty() {
		return 0
	}
	return r.W * r.H
}

// Contains reports whether the cell (x, y) lies in r.
func (r Rect) Contains(x, y int) bool {
	return x >= r.X && x < r.X+r.W && y >= r.Y && y < r.Y+r.H
}

// Intersect returns the cells r and o share; an empty Rect when none.
func (r Rect) Intersect(o Rect) Rect {
	x0, y0 := max(r.X, o.X), max(r.Y, o.Y)
	x1, y1 := min(r.X+r.W, o.X+o.W), min(r.Y+r.H, o.Y+o.H)
	if x1 <= x0 || y1 <= y0 {
		return Rect{}
	}
	return Rect{x0, y0, x1 - x0, y1 - y0}
}

// Overlaps reports whether r and o share a cell.
func (r Rect) Overlaps(o Rect) bool { return !r.Intersect(o).Empty() }

// minus returns the cells of r outside o, as up to four rectangles: the
// bands above and below o across r's width, and the parts left and right
// of o between them.
func (r Rect) minus(o Rect) []Rect {
	in := r.Intersect(o)
	if in.Empty() {
		return []Rect{r}
	}
	var out []Rect
	add := func(x Rect) {
		if !x.Empty() {
			out = append(out, x)
		}
	}
	add(Rect{r.X, r.Y, r.W, in.Y - r.Y})
	add(Rect{r.X, in.Y + in.H, r.W, r.Y + r.H - in.Y - in.H})
	add(Rect{r.X, in.Y, in.X - r.X, in.H})
	add(Rect{in.X + in.W, in.Y, r.X + r.W - in.X - in.W, in.H})
	return out
}

// Size returns the largest map, in cells, that fits in room w×h and keeps
// the proportions of a page pageW×pageH points wide and high, CellAspect
// taken into account: w/h is as near to CellAspect·pageW/pageH as whole
// cells allow. It returns 0, 0 when the page or the room has no size.
func Size(pageW, pageH float64, w, h int) (int, int) {
	if !(pageW > 0 && pageH > 0) || w <= 0 || h <= 0 || math.IsInf(pageW, 0) || math.IsInf(pageH, 0) {
		return 0, 0
	}
	ratio := CellAspect * pageW / pageH // columns per row
	if float64(w) >= float64(h)*ratio {
		return max(1, min(w, int(math.Round(float64(h)*ratio)))), h
	}
	return w, max(1, min(h, int(math.Round(float64(w)/ratio))))
}

// Map is a page laid out in W×H cells.
type Map struct {
	W, H int

	// Boxes holds, for each article of the page (by its index), the boxes
	// of cells its region is drawn in, largest first — where the headline
	// goes; none for an article without a region, or, on a map too small,
	// one whose region is taken by others. No two boxes of the map overlap.
	Boxes [][]Rect

	// Figures are the page's pictures and adverts: some stand alone, some
	// lie inside a story's box (the story's photo), to be shaded under it.
	Figures []Rect

	// Regions are the articles' regions, in points, for the stories that
	// have boxes: nil for the others. Moving by place goes by them.
	Regions [][]model.Box
}

// Place lays page p out in w×h cells (see Size for a w×h with the page's
// proportions). Each rectangle of an article's region is snapped to the
// cells its edges lie nearest; where rectangles then overlap — the
// bounding boxes of L-shaped regions, gutters narrower than a cell — the
// smaller rectangle keeps the cells and the larger gives them up: it is cut
// into the parts around the smaller (up to four). Rectangles of one story
// that come out side by side, edge to edge, are joined into one box; of a
// story's boxes, those under 2×2 cells, which cannot be drawn as boxes,
// are left out, unless the story has no other (then it keeps its largest).
// A story whose largest box is too small for a line of its headline takes
// free cells beside it, where there are any (see grow).
//
// A page without geometry, or with no size, gives an empty Map. Past
// maxStories stories, or maxRects rectangles in a story's region, a page
// is drawn in less detail (see there).
func Place(p *model.Page, w, h int) Map {
	m := Map{W: w, H: h}
	if p == nil || p.Geometry == nil || w <= 0 || h <= 0 {
		return Map{}
	}
	g := p.Geometry
	if !(g.Width > 0 && g.Height > 0) {
		return Map{}
	}
	sx, sy := float64(w)/g.Width, float64(h)/g.Height
	snap := func(b model.Box) Rect {
		x0, x1 := span(b.X0*sx, b.X1*sx, w)
		y0, y1 := span(b.Y0*sy, b.Y1*sy, h)
		return Rect{x0, y0, x1 - x0, y1 - y0}
	}

	type item struct {
		story int
		r     Rect
	}
	var items []item
	regions := make([][]model.Box, min(len(p.Articles), maxStories))
	for i, a := range p.Articles {
		if a == nil || i >= maxStories {
			continue
		}
		regions[i] = a.Region
		if len(a.Region) > maxRects {
			regions[i] = []model.Box{a.Bounds()}
		}
	}
	for i := range regions {
		for _, b := range outline(i, regions, g.Figures) {
			if r := snap(b); !b.Empty() && !r.Empty() {
				items = append(items, item{i, r})
			}
		}
	}
	// Smallest first, so that a small story inside the bounds of a large
	// one keeps its place; ties in reading order.
	slices.SortStableFunc(items, func(a, b item) int { return cmp.Compare(a.r.Area(), b.r.Area()) })

	m.Boxes = make([][]Rect, len(p.Articles))
	var placed []Rect
	for _, it := range items {
		pieces := cut(it.r, placed)
		m.Boxes[it.story] = append(m.Boxes[it.story], pieces...)
		placed = append(placed, pieces...)
	}
	m.Regions = make([][]model.Box, len(p.Articles))
	for i, boxes := range m.Boxes {
		boxes = keepDrawable(join(boxes))
		slices.SortStableFunc(boxes, func(a, b Rect) int { return cmp.Compare(b.Area(), a.Area()) })
		m.Boxes[i] = boxes
		if len(boxes) > 0 {
			m.Regions[i] = p.Articles[i].Region
		}
	}
	for i, boxes := range m.Boxes {
		if len(boxes) > 0 {
			boxes[0] = m.grow(i, boxes[0])
		}
	}
	placed = placed[:0]
	for _, boxes := range m.Boxes {
		placed = append(placed, boxes...)
	}

	for _, f := range g.Figures {
		if r := snap(f); !f.Empty() && !r.Empty() && len(m.Figures) < maxFigures {
			m.Figures = append(m.Figures, r)
		}
	}
	return m
}

// outline returns the region of story i of regions as the map draws it:
// its rectangles joined wherever their bounds take in little that is
// neither theirs nor another story's — a region as the parse gives it is a
// rectangle for each column, each headline line and each picture, with
// gutters between them narrower than a cell, and the map draws the story
// as the one block it is in print. Two rectangles are joined when their
// bounds leave at most half of themselves empty and take at most a
// fiftieth of another story's rectangles or of a picture that is no
// story's (print measures overlap a little); the pair that leaves the
// least empty first, until none is left to join. A region that wraps
// round another story keeps its parts.
func outline(i int, regions [][]model.Box, figures []model.Box) []model.Box {
	var rs []model.Box
	for _, b := range regions[i] {
		if !b.Empty() && finite(b) {
			rs = append(rs, b)
		}
	}
	if len(rs) < 2 {
		return rs
	}
	// The other stories' rectangles within the region's bounds; past
	// maxNear of them, the page is no newspaper's and the region is drawn
	// as it is.
	var all model.Box
	for _, b := range rs {
		all = all.Union(b)
	}
	var near []model.Box
	for j, reg := range regions {
		for _, o := range reg {
			if j != i && area(intersect(all, o)) > 0 {
				near = append(near, o)
			}
		}
	}
	for _, f := range figures {
		if area(intersect(all, f)) > 0 && !slices.ContainsFunc(rs, func(b model.Box) bool { return area(intersect(b, f)) > 0 }) {
			near = append(near, f) // a picture of no story of its own
		}
	}
	if len(near) > maxNear {
		return rs
	}
	taken := func(u model.Box) float64 {
		var t float64
		for _, o := range near {
			t += area(intersect(u, o))
		}
		return t
	}
	for len(rs) > 1 {
		type pair struct {
			a, b  int
			empty float64
		}
		var pairs []pair
		for a := range rs {
			for b := a + 1; b < len(rs); b++ {
				u := rs[a].Union(rs[b])
				empty := area(u) - area(rs[a]) - area(rs[b]) + area(intersect(rs[a], rs[b]))
				if empty <= area(u)/2 {
					pairs = append(pairs, pair{a, b, empty / area(u)})
				}
			}
		}
		slices.SortStableFunc(pairs, func(x, y pair) int { return cmp.Compare(x.empty, y.empty) })
		joined := false
		for _, pr := range pairs {
			u := rs[pr.a].Union(rs[pr.b])
			if taken(u) > area(u)/50 {
				continue
			}
			rs[pr.a] = u
			rs = slices.Delete(rs, pr.b, pr.b+1)
			joined = true
			break
		}
		if !joined {
			break
		}
	}
	return rs
}

func finite(b model.Box) bool {
	for _, v := range []float64{b.X0, b.Y0, b.X1, b.Y1} {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return false
		}
	}
	return true
}

func area(b model.Box) float64 {
	if b.Empty() {
		return 0
	}
	return (b.X1 - b.X0) * (b.Y1 - b.Y0)
}

func intersect(a, b model.Box) model.Box {
	return model.Box{X0: max(a.X0, b.X0), Y0: max(a.Y0, b.Y0), X1: min(a.X1, b.X1), Y1: min(a.Y1, b.Y1)}
}

// Bounds on what a page may ask of Place, so that no page, however
// broken its geometry, makes drawing it slow: the stories drawn (those
// after are left off the map), the rectangles of a story's region (a
// region of more is drawn as its bounds), and the parts a rectangle cut
// round others keeps (its largest).
const (
	maxStories = 256
	maxRects   = 16
	maxPieces  = 8
	maxFigures = 64
	maxNear    = 64
)

// cut returns the cells of r outside every rectangle of placed, as at most
// maxPieces rectangles, the largest.
func cut(r Rect, placed []Rect) []Rect {
	pieces := []Rect{r}
	for _, o := range placed {
		if !r.Overlaps(o) {
			continue
		}
		var next []Rect
		for _, pc := range pieces {
			next = append(next, pc.minus(o)...)
		}
		pieces = next
		if len(pieces) > maxPieces {
			slices.SortStableFunc(pieces, func(a, b Rect) int { return cmp.Compare(b.Area(), a.Area()) })
			pieces = pieces[:maxPieces]
		}
	}
	return pieces
}

// span snaps the interval [a, b) of cells (fractional) to whole cells in
// [0, n): each edge to the nearest cell boundary, and at least one cell.
// NaN edges give an empty span.
func span(a, b float64, n int) (int, int) {
	if math.IsNaN(a) || math.IsNaN(b) {
		return 0, 0
	}
	lo := int(math.Round(min(max(a, 0), float64(n))))
	hi := int(math.Round(min(max(b, 0), float64(n))))
	if hi <= lo {
		if b <= 0 || a >= float64(n) {
			return 0, 0 // off the page
		}
		lo = min(int(math.Floor(max(a, 0))), n-1)
		hi = lo + 1
	}
	return lo, hi
}

// A box shows a line of its story's headline from labelW×labelH cells:
// a border round one two-cell character.
const labelW, labelH = 4, 3

// grow gives story i's box r, when it is too small to show a line of the
// headline, the free cells beside it — a row below or above, a column
// right or left, at a time — until it is labelW×labelH or no free cells
// are left beside it. Free cells are in the map and in no story's box;
// pictures give way.
func (m Map) grow(i int, r Rect) Rect {
	free := func(x Rect) bool {
		if x.X < 0 || x.Y < 0 || x.X+x.W > m.W || x.Y+x.H > m.H {
			return false
		}
		for _, boxes := range m.Boxes {
			for _, b := range boxes {
				if b.Overlaps(x) {
					return false
				}
			}
		}
		return true
	}
	for r.H < labelH {
		switch {
		case free(Rect{r.X, r.Y + r.H, r.W, 1}):
			r.H++
		case free(Rect{r.X, r.Y - 1, r.W, 1}):
			r.Y, r.H = r.Y-1, r.H+1
		default:
			return r
		}
	}
	for r.W < labelW {
		switch {
		case free(Rect{r.X + r.W, r.Y, 1, r.H}):
			r.W++
		case free(Rect{r.X - 1, r.Y, 1, r.H}):
			r.X, r.W = r.X-1, r.W+1
		default:
			return r
		}
	}
	return r
}

// keepDrawable keeps the boxes of a story that can be drawn as boxes, at
// least 2×2 cells; when none can, the largest.
func keepDrawable(pieces []Rect) []Rect {
	var keep []Rect
	largest := -1
	for i, p := range pieces {
		if p.W >= 2 && p.H >= 2 {
			keep = append(keep, p)
		}
		if largest < 0 || p.Area() > pieces[largest].Area() {
			largest = i
		}
	}
	if len(keep) == 0 && largest >= 0 {
		keep = append(keep, pieces[largest])
	}
	return keep
}

// join joins boxes that lie edge to edge along the whole of that edge into
// one, until no two do.
func join(boxes []Rect) []Rect {
	for joined := true; joined; {
		joined = false
		for i := 0; i < len(boxes) && !joined; i++ {
			for j := i + 1; j < len(boxes); j++ {
				a, b := boxes[i], boxes[j]
				var u Rect
				switch {
				case a.X == b.X && a.W == b.W && (a.Y+a.H == b.Y || b.Y+b.H == a.Y):
					u = Rect{a.X, min(a.Y, b.Y), a.W, a.H + b.H}
				case a.Y == b.Y && a.H == b.H && (a.X+a.W == b.X || b.X+b.W == a.X):
					u = Rect{min(a.X, b.X), a.Y, a.W + b.W, a.H}
				default:
					continue
				}
				boxes[i] = u
				boxes = slices.Delete(boxes, j, j+1)
				joined = true
				break
			}
		}
	}
	return boxes
}

// At returns the article whose box holds the cell (x, y) of the map, and
// false for none.
func (m Map) At(x, y int) (int, bool) {
	for i, boxes := range m.Boxes {
		for _, b := range boxes {
			if b.Contains(x, y) {
				return i, true
			}
		}
	}
	return 0, false
}

// Lead is the page's lead story (头条): the first in reading order that
// the map shows; -1 when it shows none.
func (m Map) Lead() int {
	for i, boxes := range m.Boxes {
		if len(boxes) > 0 {
			return i
		}
	}
	return -1
}

// Next returns the story step places after from in reading order (before
// it for a negative step) among those the map shows, coming round at the
// ends; from itself when it is the only one, and -1 when there is none.
// A from the map does not show starts from the page's start.
func (m Map) Next(from, step int) int {
	n := len(m.Boxes)
	if n == 0 || m.Lead() < 0 {
		return -1
	}
	if from < 0 || from >= n {
		from = -1
		if step < 0 {
			from = n
		}
	}
	dir := 1
	if step < 0 {
		dir, step = -1, -step
	}
	at := from
	for step > 0 {
		at = ((at+dir)%n + n) % n
		if len(m.Boxes[at]) > 0 {
			step--
		}
	}
	return at
}

// Direction is a way to move on the page.
type Direction uint8

const (
	Left Direction = iota
	Right
	Up
	Down
)

// Nearest returns the story the reader reaches from story from going in
// direction d, and false when no story lies that way. Distances are taken
// on the page, between the rectangles of the two regions. A story lies that
// way when its region's centre is further that way than from's and its far
// edge is beyond from's; one that lies wholly beyond from's edge (give or
// take a tenth of from's size, as regions measured from print overlap a
// little) is taken before one that lies beside it too. Of those, the
// nearest wins, the distance across the direction counting double (so that
// going right keeps to the same band of the page before it jumps to
// another), and being further off course is the tie-break — between
// distances within tie points of each other, as edges measured from print
// differ by that much: from a lead down the page's whole left side, right
// goes to the story level with its middle, not to the one whose edge is a
// point nearer.
func (m Map) Nearest(from int, d Direction) (int, bool) {
	if from < 0 || from >= len(m.Regions) || len(m.Regions[from]) == 0 {
		return 0, false
	}
	cur := bounds(m.Regions[from])
	for _, wholly := range []bool{true, false} {
		best, bestScore, bestOff := -1, math.Inf(1), math.Inf(1)
		for i, reg := range m.Regions {
			if i == from || len(reg) == 0 {
				continue
			}
			b := bounds(reg)
			if !beyond(cur, b, d) || (wholly && !past(cur, b, d)) {
				continue
			}
			score := math.Inf(1)
			for _, r := range m.Regions[from] {
				for _, o := range reg {
					along, across := gaps(r, o, d)
					score = min(score, along+2*across)
				}
			}
			off := offCourse(cur, b, d)
			if score < bestScore-tie || (score <= bestScore+tie && off < bestOff) {
				best, bestScore, bestOff = i, score, off
			}
		}
		if best >= 0 {
			return best, true
		}
	}
	return 0, false
}

// tie is how many points apart two distances on the page may be and
// still count as the same (print's measures of one gutter differ by that).
const tie = 6.0

// past reports whether box b lies wholly beyond cur's edge in direction
// d, give or take a tenth of cur's size that way.
func past(cur, b model.Box, d Direction) bool {
	tw, th := (cur.X1-cur.X0)/10, (cur.Y1-cur.Y0)/10
	switch d {
	case Left:
		return b.X1 <= cur.X0+tw
	case Right:
		return b.X0 >= cur.X1-tw
	case Up:
		return b.Y1 <= cur.Y0+th
	default:
		return b.Y0 >= cur.Y1-th
	}
}

func bounds(reg []model.Box) model.Box {
	var b model.Box
	for _, r := range reg {
		b = b.Union(r)
	}
	return b
}

// beyond reports whether box b lies in direction d from box cur.
func beyond(cur, b model.Box, d Direction) bool {
	cx, cy := (cur.X0+cur.X1)/2, (cur.Y0+cur.Y1)/2
	bx, by := (b.X0+b.X1)/2, (b.Y0+b.Y1)/2
	switch d {
	case Left:
		return bx < cx && b.X0 < cur.X0
	case Right:
		return bx > cx && b.X1 > cur.X1
	case Up:
		return by < cy && b.Y0 < cur.Y0
	default:
		return by > cy && b.Y1 > cur.Y1
	}
}

// gaps returns the distance from r to o along direction d (0 when they
// overlap that way) and across it (0 when they share a band).
func gaps(r, o model.Box, d Direction) (along, across float64) {
	gx := max(o.X0-r.X1, r.X0-o.X1, 0)
	gy := max(o.Y0-r.Y1, r.Y0-o.Y1, 0)
	if d == Left || d == Right {
		return gx, gy
	}
	return gy, gx
}

// offCourse is how far b's centre lies from cur's across direction d.
func offCourse(cur, b model.Box, d Direction) float64 {
	if d == Left || d == Right {
		return math.Abs((b.Y0 + b.Y1 - cur.Y0 - cur.Y1) / 2)
	}
	return math.Abs((b.X0 + b.X1 - cur.X0 - cur.X1) / 2)
}
