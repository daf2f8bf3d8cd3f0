package tui

import "github.com/dubaoreader/dubao/tui/layout"

// The sizes the reader's layout is made of, in terminal cells.
const (
	// MinWidth and MinHeight are the smallest window the reader draws in;
	// below them it shows a short message instead.
	MinWidth, MinHeight = 20, 6

	// TwoPaneWidth is the narrowest window that shows the list and the body
	// side by side; below it one pane shows at a time.
	TwoPaneWidth = 80

	// DefaultMeasure is the reading measure, in CJK characters: how long a
	// line of the body may be however wide the pane.
	DefaultMeasure = 38

	// listMin and listMax bound the list pane's width beside the body as
	// a share of the window; a window with room to spare beside the
	// measure (bodyMargin cells each side of it) lets it grow to listWide,
	// headlines of some 34 characters.
	listMin, listMax = 26, 48
	listWide         = 72
	bodyMargin       = 10

	// shelfMax is the widest the shelf's pane grows, centred in a wider
	// window: a date and its count, not far apart.
	shelfMax = 72
)

// Rect is a rectangle of cells: column X, row Y, W wide and H high.
type Rect struct{ X, Y, W, H int }

// Contains reports whether the cell (x, y) lies in r.
func (r Rect) Contains(x, y int) bool {
	return x >= r.X && x < r.X+r.W && y >= r.Y && y < r.Y+r.H
}

// Geometry is where each part of the reader goes in a window: a plain
// function of the window's size, the reading measure and how wide the
// border characters are (box drawing is East Asian Ambiguous).
type Geometry struct {
	Width, Height int

	// TooSmall is set when the window is smaller than MinWidth×MinHeight;
	// nothing else is then set.
	TooSmall bool

	// Single is set when one pane shows at a time; List and Body are then
	// the same rectangle.
	Single bool

	// Border is the width of one border character: 1. (Box drawing is
	// East Asian Ambiguous; where those are drawn wide, frames are drawn
	// in ASCII instead.)
	Border int

	// List and Body are the panes, borders included, between the header
	// (row 0) and the status bar (the last row).
	List, Body Rect

	// Shelf is the shelf's one pane between the header and the status
	// bar: across the window, or centred in a wide one.
	Shelf Rect

	// TextLeft and TextWidth place the reading column inside the body
	// pane's inner area: TextLeft cells from its left edge, TextWidth wide.
	TextLeft, TextWidth int
}

// Inner returns the part of pane r inside its border.
func (g Geometry) Inner(r Rect) Rect {
	return Rect{X: r.X + g.Border, Y: r.Y + 1, W: r.W - 2*g.Border, H: r.H - 2}
}

// NewGeometry lays out a window of w×h cells with a reading measure of
// measure CJK characters (DefaultMeasure when it is below 1), for the
// border width m gives box drawing.
//
// Two panes stand side by side from TwoPaneWidth columns: the list takes
// about three tenths, between listMin and listMax cells, or more, up to
// listWide, where the body has room for the measure and bodyMargin either
// side; the body the rest. Where borders are two cells wide every pane is an even number of
// cells wide, so its border closes exactly; a spare column is left blank
// at the right. The reading column is the measure, or the body's inner
// width less a cell each side when that is narrower, centred.
func NewGeometry(w, h, measure int, m layout.Measure) Geometry {
	return NewGeometryList(w, h, measure, 0)
}

// NewGeometryList is NewGeometry with the list pane listWidth cells wide
// (the config file's list_width): as near as the window allows, leaving
// the body listMin; 0 lets the layout choose.
func NewGeometryList(w, h, measure, listWidth int) Geometry {
	g := Geometry{Width: w, Height: h, Border: 1}
	if w < MinWidth || h < MinHeight {
		g.TooSmall = true
		return g
	}
	if measure < 1 {
		measure = DefaultMeasure
	}
	even := func(n int) int { return n - n%g.Border }
	ph := h - 2 // the panes' height, between header and status bar
	if w < TwoPaneWidth {
		g.Single = true
		g.List = Rect{X: 0, Y: 1, W: even(w), H: ph}
		g.Body = g.List
	} else {
		lw := min(max(w*3/10, listMin), listMax)
		if spare := w - (2*measure + 4 + 2*bodyMargin); spare > lw {
			lw = min(spare, listWide) // the body keeps its measure and margins
		}
		if listWidth > 0 {
			lw = max(min(listWidth, w-listMin), listMin)
		}
		lw = even(lw)
		g.List = Rect{X: 0, Y: 1, W: lw, H: ph}
		g.Body = Rect{X: lw, Y: 1, W: even(w - lw), H: ph}
	}
	sw := even(min(w, shelfMax))
	g.Shelf = Rect{X: (w - sw) / 2, Y: 1, W: sw, H: ph}
	inner := g.Inner(g.Body).W
	g.TextWidth = min(2*measure, inner-2)
	g.TextLeft = (inner - g.TextWidth) / 2
	return g
}
