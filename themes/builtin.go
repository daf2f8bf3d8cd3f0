package themes

import (
	"slices"
	"strings"
)

// The built-in themes share one taste: calm colours close to print, the
// title set apart by weight rather than hue, red kept for the paper's own
// furniture (the masthead), matches like a highlighter pen on newsprint and
// the current match unmistakably different from the others. No built-in
// uses italics: CJK fonts seldom have them and terminals fake them badly.
//
// paper and ink set no background on body text: the reader lives inside the
// user's terminal, whose background, transparency and font rendering were
// chosen with care, and painting every cell would fight them and cost bytes
// on every redraw. Only small, bounded areas get a background of their own —
// the status bar, the selected row, match spans, the help overlay — where it
// carries meaning. contrast owns the whole background, because a contrast
// ratio can only be promised between two colours that are both known.

// Builtin returns the built-in theme with the given name (any case).
func Builtin(name string) (Theme, bool) {
	switch strings.ToLower(name) {
	case "paper":
		return paper(), true
	case "ink":
		return ink(), true
	case "contrast":
		return contrast(), true
	case "plain":
		return plain(), true
	}
	return Theme{}, false
}

// Names returns the names of the built-in themes in a stable order: the
// light and dark defaults first, then contrast and plain.
func Names() []string {
	return []string{"paper", "ink", "contrast", "plain"}
}

// Default returns the theme for a terminal with a dark background (ink) or a
// light one (paper).
func Default(dark bool) Theme {
	if dark {
		return ink()
	}
	return paper()
}

// Cycle returns the name after current in available, wrapping round, for the
// key that steps through themes. When current is not in available it returns
// the first; when available is empty it returns current.
func Cycle(current string, available []string) string {
	if len(available) == 0 {
		return current
	}
	i := slices.IndexFunc(available, func(n string) bool { return strings.EqualFold(n, current) })
	return available[(i+1)%len(available)] // i == -1 gives the first
}

// paper is for light terminals: warm near-black ink, sepia for the quieter
// lines, the masthead's deep red, a yellow highlighter for matches and a
// red stamp for the current one.
func paper() Theme {
	const (
		ink      = "#2e2a24" // body text: warm near-black
		darkInk  = "#1a1612" // titles, selected text
		sepia    = "#7a5c3e" // kicker, page headings
		grey     = "#5e544a" // subtitle, status text
		pencil   = "#766b5f" // byline, read headlines, dim
		rule     = "#cbbfa9" // quiet border
		red      = "#8c1c13" // masthead red
		bar      = "#ebe3d3" // status bar
		selected = "#e3d5b8"
		unfocus  = "#efe8da"
	)
	return Theme{
		Name: "paper",

		Header:      Style{Fg: red, Bold: true},
		Status:      Style{Fg: grey, Bg: bar},
		StatusKey:   Style{Fg: red, Bg: bar, Bold: true},
		PageHeading: Style{Fg: sepia, Bold: true},

		ListItem:              Style{Fg: ink},
		ListSelected:          Style{Fg: darkInk, Bg: selected, Bold: true},
		ListSelectedUnfocused: Style{Fg: grey, Bg: unfocus},
		ListRead:              Style{Fg: pencil},
		HitCount:              Style{Fg: "#8a5a00", Bold: true},

		Body:     Style{Fg: ink},
		Title:    Style{Fg: darkInk, Bold: true},
		Kicker:   Style{Fg: sepia},
		Subtitle: Style{Fg: grey},
		Byline:   Style{Fg: pencil},
		Seam:     Style{Fg: "#a89c8c"},

		Match:        Style{Fg: darkInk, Bg: "#f5e19a"},
		CurrentMatch: Style{Fg: "#fff8e7", Bg: red, Bold: true},

		Border:        Style{Fg: rule},
		BorderFocused: Style{Fg: "#8c7a5e"},

		Help:    Style{Fg: ink, Bg: "#f6f0e2"},
		Prompt:  Style{Fg: darkInk, Bold: true},
		Message: Style{Fg: "#3d5a73"},
		Warning: Style{Fg: "#a3341c", Bold: true},
		Dim:     Style{Fg: pencil},
	}
}

// ink is for dark terminals: paper-white text that does not glare, muted
// gold for the quieter lines, a soft amber highlighter for matches and a
// bright amber for the current one.
func ink() Theme {
	const (
		paperWhite = "#d8d0c0" // body text
		brightest  = "#f2ebdd" // titles, selected text
		gold       = "#c9a66b" // kicker, page headings
		grey       = "#b3a999" // subtitle, status text
		pencil     = "#8c8376" // byline, read headlines, dim
		bar        = "#2a2620"
	)
	return Theme{
		Name: "ink",
		Dark: true,

		Header:      Style{Fg: "#e07a6a", Bold: true},
		Status:      Style{Fg: grey, Bg: bar},
		StatusKey:   Style{Fg: "#e8c987", Bg: bar, Bold: true},
		PageHeading: Style{Fg: gold, Bold: true},

		ListItem:              Style{Fg: paperWhite},
		ListSelected:          Style{Fg: brightest, Bg: "#463e32", Bold: true},
		ListSelectedUnfocused: Style{Fg: grey, Bg: "#2e2a24"},
		ListRead:              Style{Fg: pencil},
		HitCount:              Style{Fg: "#d4b25c", Bold: true},

		Body:     Style{Fg: paperWhite},
		Title:    Style{Fg: brightest, Bold: true},
		Kicker:   Style{Fg: gold},
		Subtitle: Style{Fg: grey},
		Byline:   Style{Fg: pencil},
		Seam:     Style{Fg: "#5e574e"},

		Match:        Style{Fg: "#f2e3b3", Bg: "#5c4a1a"},
		CurrentMatch: Style{Fg: "#1a1612", Bg: "#e0a84a", Bold: true},

		Border:        Style{Fg: "#524a3e"},
		BorderFocused: Style{Fg: "#8a7a5e"},

		Help:    Style{Fg: paperWhite, Bg: "#221f1a"},
		Prompt:  Style{Fg: "#e8c987", Bold: true},
		Message: Style{Fg: "#8fb3c9"},
		Warning: Style{Fg: "#e8806a", Bold: true},
		Dim:     Style{Fg: pencil},
	}
}

// contrast owns the background (black) so that every pair of text and
// background colours is known, and every one reaches at least 7:1 (WCAG
// AAA; AA asks 4.5:1). Selection and matches are solid bars of colour, and
// nothing is faint.
func contrast() Theme {
	const (
		black  = "#000000"
		white  = "#f5f5f5" // body: not pure white, which blooms on black
		yellow = "#ffd75f"
		cyan   = "#87d7ff"
		grey   = "#b8b8b8"
	)
	return Theme{
		Name:       "contrast",
		Dark:       true,
		Background: black,

		Header:      Style{Fg: yellow, Bold: true},
		Status:      Style{Fg: black, Bg: "#e0e0e0"},
		StatusKey:   Style{Fg: black, Bg: "#e0e0e0", Bold: true, Underline: true},
		PageHeading: Style{Fg: cyan, Bold: true},

		ListItem:              Style{Fg: white},
		ListSelected:          Style{Fg: black, Bg: yellow, Bold: true},
		ListSelectedUnfocused: Style{Fg: black, Bg: grey},
		ListRead:              Style{Fg: grey},
		HitCount:              Style{Fg: cyan, Bold: true},

		Body:     Style{Fg: white},
		Title:    Style{Fg: "#ffffff", Bold: true},
		Kicker:   Style{Fg: yellow},
		Subtitle: Style{Fg: "#e0e0e0"},
		Byline:   Style{Fg: "#d0d0d0"},
		Seam:     Style{Fg: "#a8a8a8"},

		Match:        Style{Fg: black, Bg: cyan},
		CurrentMatch: Style{Fg: black, Bg: yellow, Bold: true, Underline: true},

		Border:        Style{Fg: "#808080"},
		BorderFocused: Style{Fg: "#ffffff", Bold: true},

		Help:    Style{Fg: white},
		Prompt:  Style{Fg: yellow, Bold: true},
		Message: Style{Fg: cyan},
		Warning: Style{Fg: "#ff8787", Bold: true},
		Dim:     Style{Fg: grey},
	}.fillBackground()
}

// plain has no colour at all, for NO_COLOR: weight, underline, reverse and
// faint carry every distinction. The current match is reversed, other
// matches underlined; the focused pane has heavy borders.
func plain() Theme {
	return Theme{
		Name: "plain",

		Header:      Style{Bold: true},
		Status:      Style{Reverse: true},
		StatusKey:   Style{Reverse: true, Bold: true},
		PageHeading: Style{Bold: true, Underline: true},

		ListSelected:          Style{Reverse: true},
		ListSelectedUnfocused: Style{Underline: true},
		ListRead:              Style{Faint: true},
		HitCount:              Style{Bold: true},

		Title:  Style{Bold: true},
		Byline: Style{Faint: true},
		Seam:   Style{Faint: true},

		Match:        Style{Underline: true},
		CurrentMatch: Style{Reverse: true, Bold: true},

		BorderFocused: Style{Bold: true},

		Prompt:  Style{Bold: true},
		Warning: Style{Bold: true},
		Dim:     Style{Faint: true},
	}
}
