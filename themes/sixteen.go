package themes

// Sixteen returns t as drawn on a terminal of 16 colours (TERM=xterm, the
// Linux console), whose palette the user chose and dubao cannot know: the
// built-ins in the palette's own colours — names, not shades, so each
// reads as its name says on any palette — with the selection turned over
// (reverse) rather than coloured, and grey (bright black) for what is
// dimmed. Left to the terminal, the built-ins' shades would be rounded to
// the nearest of 16 it assumes, which turned a selected headline light grey
// on bright yellow and read headlines bright red. plain has no colour, and
// a user's theme is the user's: both come back as they are.
func Sixteen(t Theme) Theme {
	switch t.Name {
	case "paper":
		return paper16()
	case "ink":
		return ink16()
	case "contrast":
		return contrast16()
	}
	return t
}

// The palette's colours, by index.
const (
	black Color = "0"
	red   Color = "1"
	brown Color = "3" // yellow: brown on many palettes, legible on light backgrounds
	blue  Color = "4"
	mauve Color = "5"
	cyan  Color = "6"
	white Color = "7" // light grey
	grey  Color = "8" // bright black
	pink  Color = "9" // bright red
	amber Color = "11"
	sky   Color = "14"
	snow  Color = "15"
)

// paper16 is paper in 16 colours: the terminal's own text colour for
// text, red for the masthead, blue for the quieter headings.
func paper16() Theme {
	return Theme{
		Name: "paper",

		Header:      Style{Fg: red, Bold: true},
		Status:      Style{Reverse: true},
		StatusKey:   Style{Reverse: true, Bold: true},
		PageHeading: Style{Fg: blue, Bold: true},

		ListSelected:          Style{Reverse: true, Bold: true},
		ListSelectedUnfocused: Style{Underline: true, Bold: true},
		ListRead:              Style{Fg: grey},
		HitCount:              Style{Fg: mauve, Bold: true},

		Title:    Style{Bold: true},
		Kicker:   Style{Fg: blue},
		Subtitle: Style{Fg: grey},
		Byline:   Style{Fg: grey},
		Seam:     Style{Fg: grey},

		Match:        Style{Fg: black, Bg: amber},
		CurrentMatch: Style{Fg: snow, Bg: red, Bold: true},

		Border:        Style{Fg: grey},
		BorderFocused: Style{Fg: blue},

		Prompt:  Style{Bold: true},
		Message: Style{Fg: blue},
		Warning: Style{Fg: red, Bold: true},
		Dim:     Style{Fg: grey},
	}
}

// ink16 is ink in 16 colours: the terminal's own text colour, yellow for
// the quieter headings, cyan for news.
func ink16() Theme {
	return Theme{
		Name: "ink",
		Dark: true,

		Header:      Style{Fg: pink, Bold: true},
		Status:      Style{Reverse: true},
		StatusKey:   Style{Reverse: true, Bold: true},
		PageHeading: Style{Fg: brown, Bold: true},

		ListSelected:          Style{Reverse: true, Bold: true},
		ListSelectedUnfocused: Style{Underline: true, Bold: true},
		ListRead:              Style{Fg: grey},
		HitCount:              Style{Fg: amber, Bold: true},

		Title:    Style{Bold: true},
		Kicker:   Style{Fg: brown},
		Subtitle: Style{Fg: white},
		Byline:   Style{Fg: grey},
		Seam:     Style{Fg: grey},

		Match:        Style{Fg: black, Bg: brown},
		CurrentMatch: Style{Fg: black, Bg: amber, Bold: true},

		Border:        Style{Fg: grey},
		BorderFocused: Style{Fg: white},

		Prompt:  Style{Fg: amber, Bold: true},
		Message: Style{Fg: cyan},
		Warning: Style{Fg: pink, Bold: true},
		Dim:     Style{Fg: grey},
	}
}

// contrast16 is contrast in 16 colours: bright white on black, solid bars
// of bright yellow and cyan.
func contrast16() Theme {
	return Theme{
		Name:       "contrast",
		Dark:       true,
		Background: black,

		Header:      Style{Fg: amber, Bold: true},
		Status:      Style{Fg: black, Bg: white},
		StatusKey:   Style{Fg: black, Bg: white, Bold: true, Underline: true},
		PageHeading: Style{Fg: sky, Bold: true},

		ListItem:              Style{Fg: snow},
		ListSelected:          Style{Fg: black, Bg: amber, Bold: true},
		ListSelectedUnfocused: Style{Fg: black, Bg: white},
		ListRead:              Style{Fg: white},
		HitCount:              Style{Fg: sky, Bold: true},

		Body:     Style{Fg: snow},
		Title:    Style{Fg: snow, Bold: true},
		Kicker:   Style{Fg: amber},
		Subtitle: Style{Fg: snow},
		Byline:   Style{Fg: white},
		Seam:     Style{Fg: white},

		Match:        Style{Fg: black, Bg: sky},
		CurrentMatch: Style{Fg: black, Bg: amber, Bold: true, Underline: true},

		Border:        Style{Fg: white},
		BorderFocused: Style{Fg: snow, Bold: true},

		Help:    Style{Fg: snow},
		Prompt:  Style{Fg: amber, Bold: true},
		Message: Style{Fg: sky},
		Warning: Style{Fg: pink, Bold: true},
		Dim:     Style{Fg: white},
	}.fillBackground()
}
