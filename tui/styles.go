package tui

import (
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/dubaoreader/dubao/themes"
)

// paint is a style ready to apply: the escape sequences lipgloss writes
// before and after a span of text. Taking them apart once per theme keeps
// lipgloss out of View, and out of measuring: every width on the screen is
// the layout.Measure's, lipgloss only colours.
type paint struct{ pre, post string }

// newPaint takes s apart. s must set no geometry (width, padding, border).
// The text it styles to find the parts is a letter: lipgloss does not
// underline a control character, and a style with underline took apart
// around one came out empty — the plain theme's selected headline, while
// the body had the keys, was not marked at all.
func newPaint(s lipgloss.Style) paint {
	const mark = "x" // no SGR sequence holds an x
	out := s.Render(mark)
	i := strings.Index(out, mark)
	if i < 0 {
		return paint{}
	}
	return paint{pre: out[:i], post: out[i+len(mark):]}
}

// write appends text, styled, to b.
func (p paint) write(b *strings.Builder, text string) {
	if text == "" {
		return
	}
	b.WriteString(p.pre)
	b.WriteString(text)
	b.WriteString(p.post)
}

// spaces appends n spaces, styled, to b.
func (p paint) spaces(b *strings.Builder, n int) {
	if n <= 0 {
		return
	}
	b.WriteString(p.pre)
	writeSpaces(b, n)
	b.WriteString(p.post)
}

// writeSpaces appends n spaces to b.
func writeSpaces(b *strings.Builder, n int) {
	for n > 0 {
		k := min(n, len(blanks))
		b.WriteString(blanks[:k])
		n -= k
	}
}

const blanks = "                                                                "

// border is a pane's frame: its characters and their paint.
type border struct {
	lipgloss.Border
	paint paint
}

// wideFrame is the frame drawn where the terminal draws the East Asian
// Ambiguous characters two cells wide. Box drawing is ambiguous, and such
// terminals draw it with a narrow glyph in two cells — every edge broken
// into dashes, corners in mid-line — or disagree about it outright; ASCII
// is one cell everywhere. A heavy frame (plain's and contrast's focused
// pane) has = for its edges.
func wideFrame(heavy bool) lipgloss.Border {
	b := lipgloss.Border{
		Top: "-", Bottom: "-", Left: "|", Right: "|",
		TopLeft: "+", TopRight: "+", BottomLeft: "+", BottomRight: "+",
	}
	if heavy {
		b.Top, b.Bottom = "=", "="
	}
	return b
}

// styles are a theme's styles taken apart for drawing, built once each
// time the theme changes.
type styles struct {
	theme themes.Theme

	fill                            paint // the theme's background, for gaps and padding
	header, dim, status, statusKey  paint
	message, warning                paint
	pageHeading                     paint
	item, selected, unfocused, read paint
	body, title, kicker, subtitle   paint
	byline, seam, help, helpKey     paint
	frame, frameFocused             border

	// markSelected and markUnfocused say the selected headline's style
	// shows nothing behind it (no background, not reversed): a > then
	// marks it, so that it is seen without colour (plain, NO_COLOR).
	markSelected, markUnfocused bool

	// Search: a match and the current one over each kind of line of the
	// body, and a match and a hit count over each way a headline is drawn.
	match, current       [lineEmpty + 1]paint // by lineKind
	listMatch, hitCount  [headlineKinds]paint // by headline
	prompt, promptCursor paint                // the search prompt, over the status bar
}

// headline is a way the list draws a headline.
type headline uint8

const (
	headlineItem headline = iota
	headlineRead
	headlineSelected
	headlineUnfocused
	headlineKinds
)

// newStyles takes theme t apart for drawing. wide says the terminal draws
// the East Asian Ambiguous characters two cells wide: the frames are then
// drawn in ASCII (see wideFrame).
func newStyles(t themes.Theme, wide bool) styles {
	p := func(s themes.Style) paint { return newPaint(s.Lipgloss()) }
	fill := lipgloss.NewStyle()
	if t.Background != "" {
		fill = fill.Background(t.Background.Lipgloss())
	}
	frame := func(focused bool) border {
		pane := t.Pane(focused)
		s := t.Border
		if focused {
			s = t.BorderFocused
		}
		s.Bold, s.Faint, s.Italic, s.Underline, s.Reverse = false, false, false, false, false
		if s.Bg == "" {
			s.Bg = t.Background
		}
		shape := pane.GetBorderStyle()
		if wide {
			shape = wideFrame(shape == lipgloss.ThickBorder())
		}
		return border{Border: shape, paint: p(s)}
	}
	under := map[lineKind]themes.Style{lineKicker: t.Kicker, lineTitle: t.Title, lineSubtitle: t.Subtitle,
		lineByline: t.Byline, lineSeam: t.Seam, lineBody: t.Body, lineEmpty: t.Dim}
	var match, current [lineEmpty + 1]paint
	for k, u := range under {
		match[k], current[k] = p(t.Match.Over(u)), p(t.CurrentMatch.Over(u))
	}
	var listMatch, hitCount [headlineKinds]paint
	for h, u := range [headlineKinds]themes.Style{t.ListItem, t.ListRead, t.ListSelected, t.ListSelectedUnfocused} {
		listMatch[h], hitCount[h] = p(t.Match.Over(u)), p(t.HitCount.Over(u))
	}
	// The cursor is the prompt's cell turned over, whichever way the bar is.
	prompt := t.Prompt.Over(t.Status)
	cursor := prompt
	cursor.Reverse = !cursor.Reverse
	marked := func(s themes.Style) bool { return s.Bg == "" && !s.Reverse }
	return styles{
		markSelected:  marked(t.ListSelected),
		markUnfocused: marked(t.ListSelectedUnfocused),
		match:         match,
		current:       current,
		listMatch:     listMatch,
		hitCount:      hitCount,
		prompt:        p(prompt),
		promptCursor:  p(cursor),
		theme:         t,
		fill:          newPaint(fill),
		header:        p(t.Header),
		dim:           p(t.Dim),
		status:        p(t.Status),
		statusKey:     p(t.StatusKey),
		message:       p(t.Message.Over(t.Status)),
		warning:       p(t.Warning.Over(t.Status)),
		pageHeading:   p(t.PageHeading),
		item:          p(t.ListItem),
		selected:      p(t.ListSelected),
		unfocused:     p(t.ListSelectedUnfocused),
		read:          p(t.ListRead),
		body:          p(t.Body),
		title:         p(t.Title),
		kicker:        p(t.Kicker),
		subtitle:      p(t.Subtitle),
		byline:        p(t.Byline),
		seam:          p(t.Seam),
		help:          p(t.Help),
		helpKey:       p(themes.Style{Bold: true}.Over(t.Help)),
		frame:         frame(false),
		frameFocused:  frame(true),
	}
}
