package pagemap

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/dubaoreader/dubao/model"
)

// FuzzPlace lays out the page JSON it is given (seeded with the geometry
// fixtures of tui/testdata) in a window it is given: no panic, no box over
// another, and moving from every story in every direction lands on a story
// shown.
func FuzzPlace(f *testing.F) {
	names, _ := filepath.Glob(filepath.Join("..", "testdata", "map-*.json"))
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b, uint8(76), uint8(20))
	}
	f.Fuzz(func(t *testing.T, data []byte, w, h uint8) {
		var pj model.PageJSON
		if json.Unmarshal(data, &pj) != nil || pj.Geometry == nil {
			return
		}
		p := &model.Page{Geometry: pj.Geometry}
		for _, a := range pj.Articles {
			p.Articles = append(p.Articles, &model.Article{Region: a.Region})
		}
		mw, mh := Size(p.Geometry.Width, p.Geometry.Height, int(w), int(h))
		m := Place(p, mw, mh)
		checkNoOverlap(t, m)
		for i := range m.Boxes {
			for _, d := range []Direction{Left, Right, Up, Down} {
				if j, ok := m.Nearest(i, d); ok && len(m.Boxes[j]) == 0 {
					t.Errorf("Nearest(%d, %d) = %d, a story not shown", i, d, j)
				}
			}
			if n := m.Next(i, 1); n >= 0 && len(m.Boxes[n]) == 0 {
				t.Errorf("Next(%d) = %d, a story not shown", i, n)
			}
		}
	})
}
