package parse

import (
	"math"
	"slices"
	"strings"

	"github.com/dubaoreader/dubao/model"
)

// The geometry parse: a page read from a PDF, where every character has its
// box and size, is made into the same article tree as a page of text.
//
//	characters → the page's measures (body size, line pitch) → running heads
//	set aside → the page cut into blocks along its white space and rules
//	(reading order) → lines → headline groups (title by size, kicker and
//	subtitle beside it) → stories, one per block of the cut that holds one
//	headline → paragraphs by indent and line end → articles
//
// Everything is measured relative to the page: the body size is the size of
// most characters, a headline is clearly larger, gaps are in ems of the body.

// SheetPage parses one extracted PDF page into the model, read through the
// script fold (script.go).
func SheetPage(s *Sheet) *model.Page {
	s, view := foldSheet(s)
	g := newGeomPage(s)
	page := &model.Page{
		Geometry: &model.Geometry{Width: s.Width, Height: s.Height, Figures: slices.Clone(g.pictures)},
	}
	furn := g.takeFurniture()
	page.Number, page.Date, page.Name, page.Furniture = furn.page, furn.date, furn.name, furn.text
	root := g.cut(g.items(), 0)
	leaves := root.leaves(nil)
	seq := g.sequence(leaves)
	g.markHeads(seq)
	for _, st := range g.stories(root, seq) {
		a := g.article(st, seq)
		switch {
		case a == nil:
		case len(a.Paragraphs) == 0 && a.Byline == "" && len(a.Markers) == 0:
			// Large type with no story under it: a masthead, a box's
			// label (简讯), a section's name. The page keeps it.
			for _, t := range []string{a.Kicker, a.Title, a.Subtitle} {
				if t != "" {
					page.Furniture = append(page.Furniture, t)
				}
			}
		default:
			page.Articles = append(page.Articles, a)
		}
	}
	view.unfoldPage(page)
	return page
}

// geomPage is a page on its way through the geometry parse.
type geomPage struct {
	s     *Sheet
	chars []Char // printed characters, spaces left out
	gone  []bool // set aside as furniture
	body  float64
	pitch float64 // baseline to baseline in a body column
	// bodyWeight is the weight of most body characters, 0 when the PDF
	// tells none.
	bodyWeight int
	hRules     []model.Box
	vRules     []model.Box
	// pictures are the sheet's that are somewhere on the page.
	pictures []model.Box
}

func newGeomPage(s *Sheet) *geomPage {
	g := &geomPage{s: s}
	for _, c := range s.Chars {
		if c.R == 0 {
			c.R = 0xFFFD
		}
		if isSpace(c.R) || c.R == '\n' || c.R == '\r' || !(c.Box.X1 >= c.Box.X0) || !(c.Size > 0) || !finite(c.Box) || c.Size > 1e4 {
			continue // nothing printed, or nowhere on a page
		}
		g.chars = append(g.chars, emWide(c))
	}
	g.gone = make([]bool, len(g.chars))
	g.body = bodySize(g.chars)
	g.pitch = linePitch(g.chars, g.body)
	g.bodyWeight = bodyWeight(g.chars, g.body)
	for _, p := range s.Pictures {
		if finite(p) && !p.Empty() && !g.shading(p) {
			g.pictures = append(g.pictures, p)
		}
	}
	for _, r := range s.Rules {
		if !finite(r) {
			continue
		}
		if r.X1-r.X0 >= r.Y1-r.Y0 {
			g.hRules = append(g.hRules, r)
		} else {
			g.vRules = append(g.vRules, r)
		}
	}
	return g
}

// emWide widens the box of a full-width punctuation mark toward its em:
// the glyph of ” sits at the left of its em, that of “ at the right, and
// their ink alone would show a gap where the type has none.
func emWide(c Char) Char {
	// Half an em only: a mark at a line's end may be squeezed into half
	// its em, and must not reach into the gutter.
	switch {
	case strings.ContainsRune("“‘（《【〔「『〈", c.R) && c.Box.X1-c.Size/2 < c.Box.X0:
		c.Box.X0 = c.Box.X1 - c.Size/2
	case strings.ContainsRune("”’）》】〕」』〉，。、；：！？", c.R) && c.Box.X0+c.Size/2 > c.Box.X1:
		c.Box.X1 = c.Box.X0 + c.Size/2
	}
	return c
}

// shading reports whether a filled area is the tint behind text — a box
// around a brief, a band behind a headline — rather than a picture: more
// than a few characters are printed on it.
func (g *geomPage) shading(b model.Box) bool {
	n := 0
	for _, c := range g.chars {
		x, y := (c.Box.X0+c.Box.X1)/2, (c.Box.Y0+c.Box.Y1)/2
		if x > b.X0 && x < b.X1 && y > b.Y0 && y < b.Y1 {
			if n++; n > 4 {
				return true
			}
		}
	}
	return false
}

// finite reports whether a box is somewhere: no NaN, no infinity, no
// coordinate beyond a million points.
func finite(b model.Box) bool {
	for _, v := range [...]float64{b.X0, b.Y0, b.X1, b.Y1} {
		if !(math.Abs(v) < 1e6) {
			return false
		}
	}
	return true
}

// bodySize is the size of most characters: the body text's.
func bodySize(cs []Char) float64 {
	count := map[float64]int{}
	best, n := 10.0, 0
	for _, c := range cs {
		s := math.Round(c.Size*10) / 10
		count[s]++
		if count[s] > n || count[s] == n && s < best {
			best, n = s, count[s]
		}
	}
	return best
}

// bodyWeight is the weight most characters of the body size have.
func bodyWeight(cs []Char, body float64) int {
	count := map[int]int{}
	best, n := 0, 0
	for _, c := range cs {
		if c.Weight == 0 || math.Abs(c.Size-body) > 0.05*body {
			continue
		}
		count[c.Weight]++
		if count[c.Weight] > n {
			best, n = c.Weight, count[c.Weight]
		}
	}
	return best
}

// linePitch is the most common distance between the baselines of body
// lines, one under the other.
func linePitch(cs []Char, body float64) float64 {
	type key struct{ x, y int }
	base := map[key]bool{}
	for _, c := range cs {
		if math.Abs(c.Size-body) > 0.05*body {
			continue
		}
		// Lines are told apart by baseline and by where their column
		// starts, coarsely.
		base[key{int(c.Box.X0 / (8 * body)), int(math.Round(c.Box.Y1 * 4))}] = true
	}
	cols := map[int][]float64{}
	for k := range base {
		cols[k.x] = append(cols[k.x], float64(k.y)/4)
	}
	count := map[float64]int{}
	best, n := 1.2*body, 0
	for _, ys := range cols {
		slices.Sort(ys)
		for i := 1; i < len(ys); i++ {
			d := math.Round((ys[i]-ys[i-1])*4) / 4
			if d < 0.9*body || d > 2.5*body {
				continue
			}
			count[d]++
			if count[d] > n {
				best, n = d, count[d]
			}
		}
	}
	return best
}

// gline is a line of text: characters on one baseline, side by side.
type gline struct {
	chars  []Char
	box    model.Box
	size   float64 // the size of most of its characters
	weight int     // the weight of most of its characters, 0 when unknown
	text   string
	// gapped is the text with a space where a gap of almost half an em
	// stands: 本报记者 叶传增 杨文明.
	gapped string

	head    headRole
	group   int // the headline group it belongs to, -1 for none
	leaf    int // index of its block in reading order
	picture bool
}

type headRole int

const (
	roleNone headRole = iota
	roleTitle
	roleKicker
	roleSubtitle
)

// sheetLines sorts characters into lines: by baseline, then from left to
// right; a gap wider than 2.7 ems parts two lines on one baseline.
func sheetLines(cs []Char) []gline {
	cs = slices.Clone(cs)
	slices.SortStableFunc(cs, func(a, b Char) int {
		if d := a.Box.Y1 - b.Box.Y1; math.Abs(d) > 0.25*min(a.Size, b.Size) {
			return sign(d)
		}
		return sign(a.Box.X0 - b.Box.X0)
	})
	var out []gline
	start := 0
	flush := func(end int) {
		if end > start {
			out = append(out, newGline(cs[start:end]))
		}
		start = end
	}
	for i := 1; i <= len(cs); i++ {
		if i == len(cs) {
			flush(i)
			break
		}
		a, b := cs[i-1], cs[i]
		sz := max(a.Size, b.Size)
		if math.Abs(a.Box.Y1-b.Box.Y1) > 0.25*min(a.Size, b.Size) || b.Box.X0-a.Box.X1 > 2.7*sz {
			flush(i)
		}
	}
	// Lines in reading order: top to bottom, then left to right.
	slices.SortStableFunc(out, func(a, b gline) int {
		if a.box.Y1 <= b.box.Y0+0.3*b.size || b.box.Y1 <= a.box.Y0+0.3*a.size {
			return sign(a.box.Y0 - b.box.Y0)
		}
		return sign(a.box.X0 - b.box.X0)
	})
	return out
}

func sign(f float64) int {
	switch {
	case f < 0:
		return -1
	case f > 0:
		return 1
	}
	return 0
}

func newGline(cs []Char) gline {
	l := gline{chars: cs, group: -1}
	sizes := make([]float64, len(cs))
	weights := map[int]int{}
	var b, gb strings.Builder
	for i, c := range cs {
		l.box = l.box.Union(c.Box)
		sizes[i] = c.Size
		weights[c.Weight]++
		if weights[c.Weight] > weights[l.weight] {
			l.weight = c.Weight
		}
		if i > 0 && c.Box.X0-cs[i-1].Box.X1 > 0.33*c.Size {
			b.WriteByte(' ')
		}
		if i > 0 && c.Box.X0-cs[i-1].Box.X1 > 0.45*c.Size {
			gb.WriteByte(' ')
		}
		b.WriteRune(c.R)
		gb.WriteRune(c.R)
	}
	slices.Sort(sizes)
	l.size = sizes[len(sizes)/2]
	l.text = cleanSpaces(Normalize(b.String()), false, false)
	l.gapped = cleanSpaces(Normalize(gb.String()), false, true)
	return l
}

// rowText is the text of the characters on one baseline across the page,
// with a space wherever they stand apart.
func rowText(cs []Char) string {
	var b strings.Builder
	for i, c := range cs {
		if i > 0 && c.Box.X0-cs[i-1].Box.X1 > 0.33*c.Size {
			b.WriteByte(' ')
		}
		b.WriteRune(c.R)
	}
	return strings.TrimSpace(Normalize(b.String()))
}

// takeFurniture sets aside the running heads and feet: the first and last
// rows of the page that read as a date line, a 第N版, an editors' credit.
func (g *geomPage) takeFurniture() furniture {
	var f furniture
	idx := make([]int, len(g.chars))
	for i := range idx {
		idx[i] = i
	}
	// Rows across the whole page.
	slices.SortStableFunc(idx, func(a, b int) int {
		ca, cb := g.chars[a], g.chars[b]
		if d := ca.Box.Y1 - cb.Box.Y1; math.Abs(d) > 0.25*min(ca.Size, cb.Size) {
			return sign(d)
		}
		return sign(ca.Box.X0 - cb.Box.X0)
	})
	var rows [][]int
	for k, i := range idx {
		if k == 0 || math.Abs(g.chars[i].Box.Y1-g.chars[idx[k-1]].Box.Y1) > 0.25*min(g.chars[i].Size, g.chars[idx[k-1]].Size) {
			rows = append(rows, nil)
		}
		rows[len(rows)-1] = append(rows[len(rows)-1], i)
	}
	take := func(r []int) bool {
		cs := make([]Char, len(r))
		for k, i := range r {
			cs[k] = g.chars[i]
		}
		t := rowText(cs)
		if len(findMarkers(strings.ReplaceAll(t, " ", ""))) > 0 || !isFurnitureLine(t) && !plainFurniture(t) && !furnitureRow(t) {
			return false
		}
		f.read(strings.ReplaceAll(t, " ", ""))
		if f.name == "" {
			f.name = rowName(t)
		}
		f.text = append(f.text, t)
		for _, i := range r {
			g.gone[i] = true
		}
		return true
	}
	for k := 0; k < len(rows) && k < 3; k++ {
		take(rows[k])
	}
	for k := len(rows) - 1; k >= 3 && k >= len(rows)-3; k-- {
		take(rows[k])
	}
	return f
}

// furnitureRow reports whether a row across the page is a running head:
// a date, and a 第N版 or a weekday, with the page's name between.
func furnitureRow(t string) bool {
	t2 := strings.ReplaceAll(t, " ", "")
	return furnDateCN.FindStringIndex(t2) != nil && (furnPageNo.MatchString(t2) || furnWeekday.MatchString(t2)) ||
		furnPageNo.MatchString(t2) && len([]rune(t2)) <= 24
}

// rowName is the page's name in a running head: the part of the row that
// is neither date, weekday nor page number.
func rowName(t string) string {
	for _, part := range strings.Fields(t) {
		if furnDateCN.MatchString(part) || furnWeekday.MatchString(part) || furnPageNo.MatchString(part) || furnDateISO.MatchString(part) {
			continue
		}
		if n := len([]rune(part)); n >= 1 && n <= 8 && !hasRuneIn(part, "，。、：；！？") && !isNumber(part) {
			return part
		}
	}
	return ""
}
