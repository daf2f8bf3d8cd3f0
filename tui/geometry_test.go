package tui

import (
	"testing"

	"github.com/dubaoreader/dubao/tui/layout"
)

func TestGeometry(t *testing.T) {
	narrow, wide := layout.NewMeasure(layout.Narrow), layout.NewMeasure(layout.Wide)
	tests := []struct {
		name    string
		w, h    int
		measure int
		m       layout.Measure
		want    Geometry
	}{
		{"below the minimum width is too small", 19, 30, 38, narrow,
			Geometry{Width: 19, Height: 30, Border: 1, TooSmall: true}},
		{"below the minimum height is too small", 100, 5, 38, narrow,
			Geometry{Width: 100, Height: 5, Border: 1, TooSmall: true}},
		{"the minimum size is one pane, text a cell in from each border", 20, 6, 38, narrow,
			Geometry{Width: 20, Height: 6, Border: 1, Single: true,
				List: Rect{0, 1, 20, 4}, Body: Rect{0, 1, 20, 4}, Shelf: Rect{0, 1, 20, 4}, TextLeft: 1, TextWidth: 16}},
		{"79 columns is one pane", 79, 24, 38, narrow,
			Geometry{Width: 79, Height: 24, Border: 1, Single: true,
				List: Rect{0, 1, 79, 22}, Body: Rect{0, 1, 79, 22}, Shelf: Rect{3, 1, 72, 22}, TextLeft: 1, TextWidth: 75}},
		{"80 columns is two panes, the list at its narrowest", 80, 24, 38, narrow,
			Geometry{Width: 80, Height: 24, Border: 1,
				List: Rect{0, 1, 26, 22}, Body: Rect{26, 1, 54, 22}, TextLeft: 1, TextWidth: 50, Shelf: Rect{4, 1, 72, 22}}},
		{"140 columns centres the 38-character measure", 140, 40, 38, narrow,
			Geometry{Width: 140, Height: 40, Border: 1,
				List: Rect{0, 1, 42, 38}, Body: Rect{42, 1, 98, 38}, Shelf: Rect{34, 1, 72, 38}, TextLeft: 10, TextWidth: 76}},
		{"a wide window lets the list grow to its widest", 250, 60, 38, narrow,
			Geometry{Width: 250, Height: 60, Border: 1,
				List: Rect{0, 1, 72, 58}, Body: Rect{72, 1, 178, 58}, Shelf: Rect{89, 1, 72, 58}, TextLeft: 50, TextWidth: 76}},
		{"200 columns: the list grows, the body keeps the measure with room", 200, 50, 38, narrow,
			Geometry{Width: 200, Height: 50, Border: 1,
				List: Rect{0, 1, 72, 48}, Body: Rect{72, 1, 128, 48}, Shelf: Rect{64, 1, 72, 48}, TextLeft: 25, TextWidth: 76}},
		{"the measure is configurable; a short one leaves room for the list", 140, 40, 20, narrow,
			Geometry{Width: 140, Height: 40, Border: 1,
				List: Rect{0, 1, 72, 38}, Body: Rect{72, 1, 68, 38}, Shelf: Rect{34, 1, 72, 38}, TextLeft: 13, TextWidth: 40}},
		{"a measure below one is the default", 140, 40, 0, narrow,
			Geometry{Width: 140, Height: 40, Border: 1,
				List: Rect{0, 1, 42, 38}, Body: Rect{42, 1, 98, 38}, Shelf: Rect{34, 1, 72, 38}, TextLeft: 10, TextWidth: 76}},
		{"ambiguous drawn wide: frames of ASCII, one cell, no column spare", 81, 24, 38, wide,
			Geometry{Width: 81, Height: 24, Border: 1,
				List: Rect{0, 1, 26, 22}, Body: Rect{26, 1, 55, 22}, TextLeft: 1, TextWidth: 51, Shelf: Rect{4, 1, 72, 22}}},
		{"ambiguous drawn wide: one pane across the window", 61, 20, 38, wide,
			Geometry{Width: 61, Height: 20, Border: 1, Single: true,
				List: Rect{0, 1, 61, 18}, Body: Rect{0, 1, 61, 18}, Shelf: Rect{0, 1, 61, 18}, TextLeft: 1, TextWidth: 57}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := NewGeometry(tt.w, tt.h, tt.measure, tt.m); got != tt.want {
				t.Errorf("NewGeometry(%d, %d, %d, %v)\n got %+v\nwant %+v", tt.w, tt.h, tt.measure, tt.m.Ambiguous(), got, tt.want)
			}
		})
	}
}

// TestGeometryFits checks, for every window size, that the panes lie side
// by side inside the window, each wide enough for its border, that the
// reading column lies inside the body pane, and the shelf inside the
// window, as wide as it may be.
func TestGeometryFits(t *testing.T) {
	for _, m := range []layout.Measure{layout.NewMeasure(layout.Narrow), layout.NewMeasure(layout.Wide)} {
		for w := MinWidth; w <= 300; w++ {
			for _, h := range []int{MinHeight, 24, 80} {
				g := NewGeometry(w, h, DefaultMeasure, m)
				if g.TooSmall {
					t.Fatalf("%dx%d: too small", w, h)
				}
				right := g.Body.X + g.Body.W
				switch {
				case right > w || right < w-1:
					t.Errorf("%dx%d %v: panes end at %d", w, h, m.Ambiguous(), right)
				case !g.Single && g.List.X+g.List.W != g.Body.X:
					t.Errorf("%dx%d: list and body do not meet", w, h)
				case g.List.W%g.Border != 0 || g.Body.W%g.Border != 0:
					t.Errorf("%dx%d %v: a pane of odd width %d, %d", w, h, m.Ambiguous(), g.List.W, g.Body.W)
				case g.TextLeft < 1 || g.TextLeft+g.TextWidth > g.Inner(g.Body).W-1:
					t.Errorf("%dx%d: text column %d+%d in an inner width of %d", w, h, g.TextLeft, g.TextWidth, g.Inner(g.Body).W)
				case g.Body.H != h-2 || g.Shelf.H != h-2:
					t.Errorf("%dx%d: panes %d and %d high", w, h, g.Body.H, g.Shelf.H)
				case g.Shelf.X < 0 || g.Shelf.X+g.Shelf.W > w || g.Shelf.W%g.Border != 0 || g.Shelf.W < min(w-1, shelfMax):
					t.Errorf("%dx%d %v: the shelf at %d, %d wide", w, h, m.Ambiguous(), g.Shelf.X, g.Shelf.W)
				}
			}
		}
	}
}
