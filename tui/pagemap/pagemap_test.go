package pagemap

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/dubaoreader/dubao/model"
	"github.com/dubaoreader/dubao/parse"
	"github.com/dubaoreader/dubao/parse/pdfium"
)

func TestSize(t *testing.T) {
	cases := []struct {
		name         string
		pw, ph       float64
		w, h         int
		wantW, wantH int
	}{
		{"a tall page fills the height, twice as many columns per point as rows", 1000, 1400, 80, 22, 31, 22},
		{"a tall page in a wide room", 935, 1329, 160, 48, 68, 48},
		{"a square page in a narrow room fills the width", 1000, 1000, 20, 40, 20, 10},
		{"a wide page fills the width", 2000, 1000, 40, 40, 40, 10},
		{"no size", 0, 1000, 80, 24, 0, 0},
		{"no room", 1000, 1000, 0, 24, 0, 0},
		{"a sliver of a page still gets a cell", 1, 100000, 80, 24, 1, 24},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			w, h := Size(c.pw, c.ph, c.w, c.h)
			if w != c.wantW || h != c.wantH {
				t.Errorf("Size(%v, %v, %d, %d) = %d×%d, want %d×%d", c.pw, c.ph, c.w, c.h, w, h, c.wantW, c.wantH)
			}
		})
	}
}

func TestMinus(t *testing.T) {
	r := Rect{0, 0, 10, 10}
	cases := []struct {
		name string
		o    Rect
		want int // cells left
		n    int // pieces
	}{
		{"apart", Rect{20, 20, 2, 2}, 100, 1},
		{"a hole in the middle", Rect{3, 3, 4, 4}, 84, 4},
		{"a corner", Rect{8, 8, 5, 5}, 96, 2},
		{"a band across", Rect{-1, 4, 12, 2}, 80, 2},
		{"all of it", Rect{-1, -1, 12, 12}, 0, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := r.minus(c.o)
			area := 0
			for i, p := range got {
				area += p.Area()
				if p.Overlaps(c.o) {
					t.Errorf("piece %v overlaps %v", p, c.o)
				}
				for _, q := range got[i+1:] {
					if p.Overlaps(q) {
						t.Errorf("pieces %v and %v overlap", p, q)
					}
				}
			}
			if area != c.want || len(got) != c.n {
				t.Errorf("%v minus %v = %v (%d cells), want %d cells in %d pieces", r, c.o, got, area, c.want, c.n)
			}
		})
	}
}

func page(w, h float64, regions ...[]model.Box) *model.Page {
	p := &model.Page{Geometry: &model.Geometry{Width: w, Height: h}}
	for i, r := range regions {
		p.Articles = append(p.Articles, &model.Article{Title: fmt.Sprint("story ", i), Region: r})
	}
	return p
}

// An L-shaped story — a headline across the top, its text down the left —
// and a story in the corner of the L: their bounding boxes overlap, their
// boxes must not, and each box lies in its own story's rectangles.
func TestPlaceLShape(t *testing.T) {
	l := []model.Box{{X0: 0, Y0: 0, X1: 600, Y1: 100}, {X0: 0, Y0: 100, X1: 300, Y1: 400}}
	corner := []model.Box{{X0: 300, Y0: 100, X1: 600, Y1: 400}}
	p := page(600, 400, l, corner)
	m := Place(p, 60, 20)
	if len(m.Boxes[0]) != 2 || len(m.Boxes[1]) != 1 {
		t.Fatalf("boxes %v, want the L in two and the corner in one", m.Boxes)
	}
	want := [][]Rect{{{0, 5, 30, 15}, {0, 0, 60, 5}}, {{30, 5, 30, 15}}}
	for i := range want {
		for j, b := range want[i] {
			if m.Boxes[i][j] != b {
				t.Errorf("story %d box %d = %v, want %v", i, j, m.Boxes[i][j], b)
			}
		}
	}
	checkNoOverlap(t, m)
}

// A small story whose region lies inside the bounds a large one gives as
// its region keeps its cells; the large one is cut around it.
func TestPlaceSmallInsideLarge(t *testing.T) {
	big := []model.Box{{X0: 0, Y0: 0, X1: 1000, Y1: 1000}}
	small := []model.Box{{X0: 400, Y0: 400, X1: 600, Y1: 600}}
	m := Place(page(1000, 1000, big, small), 40, 20)
	if len(m.Boxes[1]) != 1 || m.Boxes[1][0] != (Rect{16, 8, 8, 4}) {
		t.Errorf("the small story's boxes are %v, want [{16 8 8 4}]", m.Boxes[1])
	}
	if len(m.Boxes[0]) != 4 {
		t.Errorf("the large story's boxes are %v, want four round the small one", m.Boxes[0])
	}
	checkNoOverlap(t, m)
}

func TestPlaceWithoutGeometry(t *testing.T) {
	p := &model.Page{Articles: []*model.Article{{Title: "text only"}}}
	if m := Place(p, 40, 20); len(m.Boxes) != 0 || m.Lead() != -1 || m.Next(0, 1) != -1 {
		t.Errorf("a page without geometry gives %+v", m)
	}
}

// TestFiguresUnderStories: a picture keeps its cells whether a story's
// box lies over it (the story's photo, shaded inside its box) or not; off
// the page it is clipped.
func TestFiguresUnderStories(t *testing.T) {
	p := page(100, 100, []model.Box{{X0: 0, Y0: 0, X1: 50, Y1: 100}})
	p.Geometry.Figures = []model.Box{{X0: 40, Y0: 0, X1: 100, Y1: 50}, {X0: 80, Y0: 80, X1: 300, Y1: 300}}
	m := Place(p, 20, 10)
	want := []Rect{{8, 0, 12, 5}, {16, 8, 4, 2}}
	if !slices.Equal(m.Figures, want) {
		t.Errorf("figures %v, want %v", m.Figures, want)
	}
}

// TestOutline: a region given as the parse gives it — a headline line
// narrower than the columns, the columns with gutters between them, the
// story's photo across them — is one block; a region that wraps round
// another story keeps its parts, and does not take the other's cells.
func TestOutline(t *testing.T) {
	story := []model.Box{
		{X0: 20, Y0: 0, X1: 80, Y1: 8},    // headline
		{X0: 0, Y0: 10, X1: 100, Y1: 40},  // photo
		{X0: 0, Y0: 42, X1: 30, Y1: 100},  // columns
		{X0: 35, Y0: 42, X1: 65, Y1: 100}, //
		{X0: 70, Y0: 42, X1: 100, Y1: 96}, //
	}
	got := outline(0, [][]model.Box{story}, nil)
	if want := []model.Box{{X0: 0, Y0: 0, X1: 100, Y1: 100}}; !slices.Equal(got, want) {
		t.Errorf("outline %v, want %v", got, want)
	}
	// An L round a small story in the bottom right corner: their bounds
	// would leave little empty, but take the other story.
	ell := []model.Box{{X0: 0, Y0: 0, X1: 100, Y1: 78}, {X0: 0, Y0: 78, X1: 78, Y1: 100}}
	corner := []model.Box{{X0: 80, Y0: 80, X1: 100, Y1: 100}}
	if got := outline(0, [][]model.Box{ell, corner}, nil); len(got) != 2 {
		t.Errorf("the L comes out as %v", got)
	}
	m := Place(page(100, 100, ell, corner), 40, 20)
	if len(m.Boxes[0]) < 2 || len(m.Boxes[1]) != 1 || m.Boxes[1][0].Area() < 8*4 {
		t.Errorf("boxes %v", m.Boxes)
	}
}

// A page of six stories in two rows of three:
//
//	0 1 2
//	3 4 5
func grid() Map {
	var regs [][]model.Box
	for row := range 2 {
		for col := range 3 {
			x, y := float64(col)*100, float64(row)*100
			regs = append(regs, []model.Box{{X0: x + 5, Y0: y + 5, X1: x + 95, Y1: y + 95}})
		}
	}
	return Place(page(300, 200, regs...), 60, 20)
}

func TestNearest(t *testing.T) {
	m := grid()
	cases := []struct {
		from int
		d    Direction
		want int
		ok   bool
	}{
		{0, Right, 1, true}, {1, Right, 2, true}, {2, Right, 0, false},
		{0, Down, 3, true}, {3, Up, 0, true}, {3, Down, 0, false},
		{4, Left, 3, true}, {4, Up, 1, true}, {5, Left, 4, true},
	}
	for _, c := range cases {
		got, ok := m.Nearest(c.from, c.d)
		if ok != c.ok || (ok && got != c.want) {
			t.Errorf("Nearest(%d, %v) = %d, %v; want %d, %v", c.from, c.d, got, ok, c.want, c.ok)
		}
	}
}

// Going right from a story keeps to its band: the story level with it wins
// over one nearer but lower down.
// TestNearestTie: from a tall lead down the left side, right goes to the
// story level with the lead's middle part more, though the other's edge
// is a point nearer: measures from print differ by that much.
func TestNearestTie(t *testing.T) {
	p := page(300, 400,
		[]model.Box{{X0: 0, Y0: 0, X1: 95, Y1: 380}},
		[]model.Box{{X0: 106, Y0: 0, X1: 300, Y1: 250}},
		[]model.Box{{X0: 105, Y0: 260, X1: 300, Y1: 400}},
	)
	if got, ok := Place(p, 60, 40).Nearest(0, Right); !ok || got != 1 {
		t.Errorf("right from the lead goes to %d, want 1", got)
	}
}

func TestNearestKeepsToTheBand(t *testing.T) {
	from := []model.Box{{X0: 0, Y0: 0, X1: 100, Y1: 100}}
	level := []model.Box{{X0: 200, Y0: 0, X1: 300, Y1: 100}}
	lower := []model.Box{{X0: 110, Y0: 150, X1: 200, Y1: 300}}
	m := Place(page(300, 300, from, level, lower), 60, 30)
	if got, _ := m.Nearest(0, Right); got != 1 {
		t.Errorf("right goes to %d, want 1, level with it", got)
	}
}

func TestNext(t *testing.T) {
	m := grid()
	m.Boxes[2], m.Regions[2] = nil, nil // not shown
	for _, c := range []struct{ from, step, want int }{
		{0, 1, 1}, {1, 1, 3}, {5, 1, 0}, {0, -1, 5}, {3, -1, 1}, {-1, 1, 0}, {-1, -1, 5}, {0, 4, 5},
	} {
		if got := m.Next(c.from, c.step); got != c.want {
			t.Errorf("Next(%d, %d) = %d, want %d", c.from, c.step, got, c.want)
		}
	}
}

// checkNoOverlap fails t when two boxes of m overlap, a box leaves the
// map, or a figure lies over a box.
func checkNoOverlap(t *testing.T, m Map) {
	t.Helper()
	type owned struct {
		story int
		r     Rect
	}
	var all []owned
	for i, boxes := range m.Boxes {
		for _, b := range boxes {
			if b.Empty() || b.X < 0 || b.Y < 0 || b.X+b.W > m.W || b.Y+b.H > m.H {
				t.Errorf("story %d's box %v is empty or leaves the %d×%d map", i, b, m.W, m.H)
			}
			all = append(all, owned{i, b})
		}
	}
	for i, a := range all {
		for _, b := range all[i+1:] {
			if a.r.Overlaps(b.r) {
				t.Errorf("story %d's box %v overlaps story %d's %v", a.story, a.r, b.story, b.r)
			}
		}
	}
	for _, f := range m.Figures {
		if f.Empty() || f.X < 0 || f.Y < 0 || f.X+f.W > m.W || f.Y+f.H > m.H {
			t.Errorf("figure %v is empty or leaves the %d×%d map", f, m.W, m.H)
		}
	}
}

// randomPage lays out a page the way a newspaper's is: the page cut into
// stories again and again, across or down (never into parts under an
// eighth of the page each way), a gutter round each; a few stories take two
// neighbouring parts (an L or a wide block, given as two rectangles), a few
// parts are pictures; and every rectangle pushed out by up to 8 points, so
// that neighbours overlap as measured regions do.
func randomPage(r *rand.Rand) *model.Page {
	w := 700 + r.Float64()*300
	h := 900 + r.Float64()*500
	parts := []model.Box{{X0: 0, Y0: 0, X1: w, Y1: h}}
	for n := 3 + r.IntN(10); len(parts) < n; {
		i := r.IntN(len(parts))
		b := parts[i]
		down := r.IntN(2) == 0
		if down && b.X1-b.X0 >= w/4 {
			x := b.X0 + (b.X1-b.X0)*(0.3+0.4*r.Float64())
			parts[i] = model.Box{X0: b.X0, Y0: b.Y0, X1: x, Y1: b.Y1}
			parts = append(parts, model.Box{X0: x, Y0: b.Y0, X1: b.X1, Y1: b.Y1})
		} else if !down && b.Y1-b.Y0 >= h/4 {
			y := b.Y0 + (b.Y1-b.Y0)*(0.3+0.4*r.Float64())
			parts[i] = model.Box{X0: b.X0, Y0: b.Y0, X1: b.X1, Y1: y}
			parts = append(parts, model.Box{X0: b.X0, Y0: y, X1: b.X1, Y1: b.Y1})
		} else if r.IntN(20) == 0 {
			break // nothing left to cut
		}
	}
	jitter := func(b model.Box) model.Box {
		const gutter = 6
		return model.Box{
			X0: b.X0 + gutter - 8*r.Float64(), Y0: b.Y0 + gutter - 8*r.Float64(),
			X1: b.X1 - gutter + 8*r.Float64(), Y1: b.Y1 - gutter + 8*r.Float64(),
		}
	}
	p := &model.Page{Geometry: &model.Geometry{Width: w, Height: h}}
	for i := 0; i < len(parts); i++ {
		switch {
		case len(parts) > 3 && r.IntN(8) == 0:
			p.Geometry.Figures = append(p.Geometry.Figures, jitter(parts[i]))
		case i+1 < len(parts) && r.IntN(4) == 0:
			p.Articles = append(p.Articles, &model.Article{Region: []model.Box{jitter(parts[i]), jitter(parts[i+1])}})
			i++
		default:
			p.Articles = append(p.Articles, &model.Article{Region: []model.Box{jitter(parts[i])}})
		}
	}
	return p
}

// TestPlaceProperty: on random pages at random sizes, every story with a
// region gets a box, no box overlaps another or a picture or leaves the
// map, tab goes through the stories in reading order and comes round, and
// moving by place lands on another story that lies that way.
func TestPlaceProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 2026))
	for n := range 500 {
		p := randomPage(r)
		w, h := Size(p.Geometry.Width, p.Geometry.Height, 30+r.IntN(130), 16+r.IntN(40))
		t.Run(fmt.Sprint(n), func(t *testing.T) { checkPlaced(t, p, w, h) })
	}
}

// checkPlaced places page p in w×h cells and checks that every story with
// a region gets a box, no box overlaps another or leaves the map, tab goes
// through the stories in reading order and comes round, and moving by
// place lands on another story that lies that way.
func checkPlaced(t *testing.T, p *model.Page, w, h int) {
	t.Helper()
	m := Place(p, w, h)
	for i, a := range p.Articles {
		if len(a.Region) > 0 && len(m.Boxes[i]) == 0 {
			t.Errorf("story %d (region %v) has no box on a %d×%d map", i, a.Region, w, h)
		}
	}
	checkNoOverlap(t, m)

	// tab: reading order, every story once, and round.
	first := m.Lead()
	at, seen := first, 1
	for {
		next := m.Next(at, 1)
		if back := m.Next(next, -1); back != at {
			t.Errorf("shift+tab from %d goes to %d, want %d", next, back, at)
		}
		if next == first {
			break
		}
		if next <= at {
			t.Fatalf("tab from %d goes to %d: not reading order", at, next)
		}
		at = next
		seen++
	}
	shown := 0
	for _, b := range m.Boxes {
		if len(b) > 0 {
			shown++
		}
	}
	if seen != shown {
		t.Errorf("tab visits %d stories, the map shows %d", seen, shown)
	}

	for i := range m.Boxes {
		for _, d := range []Direction{Left, Right, Up, Down} {
			j, ok := m.Nearest(i, d)
			if ok && (j == i || len(m.Boxes[j]) == 0 || !beyond(bounds(m.Regions[i]), bounds(m.Regions[j]), d)) {
				t.Errorf("Nearest(%d, %d) = %d, which does not lie that way", i, d, j)
			}
		}
	}
}

// TestPlaceCorpusPages: checkPlaced on pages of the shared corpus as the
// PDF parse reads them (parse.PagesReading with PDFium), at the sizes of an
// 80×24 and a 160×50 window and at random ones. Without ../shared it skips.
func TestPlaceCorpusPages(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "corpus")
	names := []string{"gen/g003.pdf", "gen/g018.pdf", "gen/g033.pdf", "gen/g058.pdf", "gen-issue/s1p1.pdf", "gen-issue/s3p2.pdf"}
	if _, err := os.Stat(filepath.Join(dir, names[0])); err != nil {
		t.Skipf("no corpus PDFs at %s: skipped", dir)
	}
	if testing.Short() {
		t.Skip("reads PDFs with PDFium")
	}
	cache := ""
	if d, err := os.UserCacheDir(); err == nil {
		cache = filepath.Join(d, "dubao", "wazero") // as dubao's own, so that PDFium is compiled once
	}
	ex := pdfium.New(cache)
	defer ex.Close()
	r := rand.New(rand.NewPCG(13, 13))
	for _, name := range names {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		pages, err := parse.PagesReading(b, ex)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, p := range pages {
			if p.Geometry == nil {
				t.Fatalf("%s: no geometry", name)
			}
			rooms := [][2]int{{76, 20}, {156, 46}}
			for range 8 {
				rooms = append(rooms, [2]int{30 + r.IntN(130), 16 + r.IntN(40)})
			}
			for _, room := range rooms {
				w, h := Size(p.Geometry.Width, p.Geometry.Height, room[0], room[1])
				t.Run(fmt.Sprintf("%s/%dx%d", name, w, h), func(t *testing.T) { checkPlaced(t, p, w, h) })
			}
		}
	}
}

// TestPlaceFixtures: on the pages of tui/testdata measured from corpus
// PDFs, at the sizes of an 80×24 and a 160×50 window, every story gets a
// box and none overlaps another.
func TestPlaceFixtures(t *testing.T) {
	names, err := filepath.Glob(filepath.Join("..", "testdata", "map-*.json"))
	if err != nil || len(names) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, name := range names {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		var pj model.PageJSON
		if err := json.Unmarshal(b, &pj); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		p := &model.Page{Geometry: pj.Geometry}
		for _, a := range pj.Articles {
			p.Articles = append(p.Articles, &model.Article{Title: a.Title, Region: a.Region})
		}
		for _, room := range [][2]int{{76, 20}, {156, 46}} {
			w, h := Size(p.Geometry.Width, p.Geometry.Height, room[0], room[1])
			m := Place(p, w, h)
			for i, a := range p.Articles {
				if len(m.Boxes[i]) == 0 {
					t.Errorf("%s at %d×%d: %q has no box", filepath.Base(name), w, h, a.Title)
				}
			}
			checkNoOverlap(t, m)
		}
	}
}

// TestPlaceBrokenGeometry: geometry no parse should give — thousands of
// stories and rectangles, rectangles inside out, off the page, of no
// size, NaN and infinite — is drawn without overlaps, and soon.
func TestPlaceBrokenGeometry(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	coord := func() float64 {
		switch r.IntN(20) {
		case 0:
			return math.NaN()
		case 1:
			return math.Inf(1 - 2*r.IntN(2))
		case 2:
			return -r.Float64() * 1e6
		}
		return r.Float64() * 1200
	}
	p := &model.Page{Geometry: &model.Geometry{Width: 1000, Height: 1400}}
	for range 2000 {
		a := &model.Article{}
		for range r.IntN(40) {
			a.Region = append(a.Region, model.Box{X0: coord(), Y0: coord(), X1: coord(), Y1: coord()})
		}
		p.Articles = append(p.Articles, a)
	}
	for range 500 {
		p.Geometry.Figures = append(p.Geometry.Figures, model.Box{X0: coord(), Y0: coord(), X1: coord(), Y1: coord()})
	}
	m := Place(p, 156, 48)
	checkNoOverlap(t, m)
	for _, d := range []Direction{Left, Right, Up, Down} {
		m.Nearest(m.Lead(), d)
	}
}

// BenchmarkPlace lays out the fixture page of nine stories and two
// pictures (gen g026) for a 160×50 window.
func BenchmarkPlace(b *testing.B) {
	raw, err := os.ReadFile(filepath.Join("..", "testdata", "map-g026.json"))
	if err != nil {
		b.Fatal(err)
	}
	var pj model.PageJSON
	if err := json.Unmarshal(raw, &pj); err != nil {
		b.Fatal(err)
	}
	p := &model.Page{Geometry: pj.Geometry}
	for _, a := range pj.Articles {
		p.Articles = append(p.Articles, &model.Article{Region: a.Region})
	}
	w, h := Size(p.Geometry.Width, p.Geometry.Height, 156, 46)
	b.ReportAllocs()
	for b.Loop() {
		Place(p, w, h)
	}
}
