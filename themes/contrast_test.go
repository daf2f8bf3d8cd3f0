package themes

import (
	"math"
	"strconv"
	"testing"
)

// rgb returns the red, green and blue of a 24-bit colour; ok is false for
// palette colours, whose look is the terminal's to choose.
func rgb(c Color) (r, g, b uint8, ok bool) {
	if len(c) != 7 || c[0] != '#' {
		return 0, 0, 0, false
	}
	v, err := strconv.ParseUint(string(c[1:]), 16, 32)
	if err != nil {
		return 0, 0, 0, false
	}
	return uint8(v >> 16), uint8(v >> 8), uint8(v), true
}

// luminance is the WCAG 2 relative luminance of a 24-bit colour.
func luminance(c Color) (float64, bool) {
	r, g, b, ok := rgb(c)
	if !ok {
		return 0, false
	}
	lin := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b), true
}

// contrastRatio is the WCAG 2 contrast ratio of two 24-bit colours, 1 to 21.
func contrastRatio(a, b Color) (float64, bool) {
	la, okA := luminance(a)
	lb, okB := luminance(b)
	if !okA || !okB {
		return 0, false
	}
	hi, lo := max(la, lb), min(la, lb)
	return (hi + 0.05) / (lo + 0.05), true
}

func TestContrastRatioOfKnownPairs(t *testing.T) {
	tests := []struct {
		name string
		a, b Color
		want float64
	}{
		{"black on white is the most there is", "#000000", "#ffffff", 21},
		{"a colour on itself has none", "#7a5c3e", "#7a5c3e", 1},
		{"order does not matter", "#ffffff", "#000000", 21},
		{"mid grey on white is just under AA", "#777777", "#ffffff", 4.48},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := contrastRatio(tt.a, tt.b)
			if !ok || math.Abs(got-tt.want) > 0.01 {
				t.Errorf("contrastRatio(%s, %s) = %.2f, %v; want %.2f", tt.a, tt.b, got, ok, tt.want)
			}
		})
	}
}

// TestContrastThemeMeetsSevenToOne checks the promise of the contrast theme:
// every text it draws stands at least 7:1 against what it is drawn on, and
// a border at least 3:1 (WCAG's bar for things that are not text).
func TestContrastThemeMeetsSevenToOne(t *testing.T) {
	th := contrast()
	for _, r := range roles() {
		s := *r.get(&th)
		t.Run(r.key, func(t *testing.T) {
			if s.Fg == "" || s.Bg == "" {
				t.Fatalf("%s = %q: contrast must set both colours to promise a ratio", r.key, s)
			}
			if s.Faint {
				t.Errorf("%s is faint, which lowers contrast by an amount only the terminal knows", r.key)
			}
			want := 7.0
			if r.key == "border" || r.key == "border_focused" {
				want = 3
			}
			got, ok := contrastRatio(s.Fg, s.Bg)
			if !ok {
				t.Fatalf("%s = %q: use #rrggbb colours, whose contrast is known", r.key, s)
			}
			if got < want {
				t.Errorf("%s = %q: contrast %.2f:1, want at least %.1f:1", r.key, s, got, want)
			}
		})
	}
}

// TestBuiltinColourPairsMeetAA checks every built-in style that sets both a
// foreground and a background (the status bar, selected rows, matches) for
// WCAG AA, 4.5:1.
func TestBuiltinColourPairsMeetAA(t *testing.T) {
	for _, name := range Names() {
		th, _ := Builtin(name)
		for _, r := range roles() {
			s := *r.get(&th)
			if s.Fg == "" || s.Bg == "" {
				continue
			}
			got, ok := contrastRatio(s.Fg, s.Bg)
			if !ok {
				t.Errorf("%s.%s = %q: pairs should be #rrggbb so their contrast is known", name, r.key, s)
				continue
			}
			if got < 4.5 {
				t.Errorf("%s.%s = %q: contrast %.2f:1, want at least 4.5:1", name, r.key, s, got)
			}
		}
	}
}

// TestTextOnTypicalBackgrounds checks paper's text against a white terminal
// and ink's against a near-black one: they set no background, so this is
// what a reader will most likely see. Read headlines and secondary text may
// be dimmer (3:1) but must stay legible; borders and seams are ornament.
func TestTextOnTypicalBackgrounds(t *testing.T) {
	ornament := map[string]bool{"border": true, "border_focused": true, "seam": true}
	dimmer := map[string]bool{"list_read": true, "dim": true, "byline": true}
	for _, tc := range []struct {
		theme string
		bg    Color
	}{{"paper", "#ffffff"}, {"paper", "#f4ecd8"}, {"ink", "#1e1e1e"}, {"ink", "#282c34"}} {
		th, _ := Builtin(tc.theme)
		for _, r := range roles() {
			s := *r.get(&th)
			if s.Fg == "" || s.Bg != "" || ornament[r.key] {
				continue
			}
			want := 4.5
			if dimmer[r.key] {
				want = 3
			}
			got, _ := contrastRatio(s.Fg, tc.bg)
			if got < want {
				t.Errorf("%s.%s = %q on %s: contrast %.2f:1, want at least %.1f:1", tc.theme, r.key, s, tc.bg, got, want)
			}
		}
	}
}
