package parse

import (
	"encoding/json"
	"errors"
	"math"

	"github.com/dubaoreader/dubao/model"
)

// A Sheet's JSON is compact, as it is kept for tests and caches: the
// characters as one string, and for each its box and size as five numbers
// rounded to a hundredth of a point; fonts by name in a table.
type sheetJSON struct {
	W, H     float64
	Text     string
	Boxes    []float64    // x0 y0 x1 y1 size, per character
	Fonts    []string     `json:",omitempty"`
	Font     []int        `json:",omitempty"` // per character: index into Fonts, then weight
	Pictures [][4]float64 `json:",omitempty"`
	Rules    [][4]float64 `json:",omitempty"`
}

func round2(f float64) float64 { return math.Round(f*100) / 100 }

// MarshalJSON writes the sheet compactly.
func (s *Sheet) MarshalJSON() ([]byte, error) {
	j := sheetJSON{W: round2(s.Width), H: round2(s.Height)}
	rs := make([]rune, len(s.Chars))
	fontIdx := map[string]int{}
	anyFont := false
	for _, c := range s.Chars {
		if c.Font != "" || c.Weight != 0 {
			anyFont = true
		}
	}
	for i, c := range s.Chars {
		rs[i] = c.R
		if c.R == 0 {
			rs[i] = 0xFFFD
		}
		j.Boxes = append(j.Boxes, round2(c.Box.X0), round2(c.Box.Y0), round2(c.Box.X1), round2(c.Box.Y1), round2(c.Size))
		if anyFont {
			k, ok := fontIdx[c.Font]
			if !ok {
				k = len(j.Fonts)
				fontIdx[c.Font] = k
				j.Fonts = append(j.Fonts, c.Font)
			}
			j.Font = append(j.Font, k, c.Weight)
		}
	}
	j.Text = string(rs)
	for _, b := range s.Pictures {
		j.Pictures = append(j.Pictures, [4]float64{round2(b.X0), round2(b.Y0), round2(b.X1), round2(b.Y1)})
	}
	for _, b := range s.Rules {
		j.Rules = append(j.Rules, [4]float64{round2(b.X0), round2(b.Y0), round2(b.X1), round2(b.Y1)})
	}
	return json.Marshal(j)
}

// UnmarshalJSON reads what MarshalJSON wrote.
func (s *Sheet) UnmarshalJSON(b []byte) error {
	var j sheetJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	rs := []rune(j.Text)
	if len(j.Boxes) != 5*len(rs) || len(j.Font) != 0 && len(j.Font) != 2*len(rs) {
		return errors.New("sheet: boxes and characters do not match")
	}
	*s = Sheet{Width: j.W, Height: j.H, Chars: make([]Char, len(rs))}
	for i, r := range rs {
		b := j.Boxes[5*i:]
		s.Chars[i] = Char{R: r, Box: model.Box{X0: b[0], Y0: b[1], X1: b[2], Y1: b[3]}, Size: b[4]}
		if len(j.Font) > 0 {
			if k := j.Font[2*i]; k >= 0 && k < len(j.Fonts) {
				s.Chars[i].Font = j.Fonts[k]
			}
			s.Chars[i].Weight = j.Font[2*i+1]
		}
	}
	for _, p := range j.Pictures {
		s.Pictures = append(s.Pictures, model.Box{X0: p[0], Y0: p[1], X1: p[2], Y1: p[3]})
	}
	for _, p := range j.Rules {
		s.Rules = append(s.Rules, model.Box{X0: p[0], Y0: p[1], X1: p[2], Y1: p[3]})
	}
	return nil
}
