package themes

import (
	"slices"
	"strings"

	"charm.land/lipgloss/v2"
)

// Style is how one part of the screen is drawn: colours and attributes, no
// geometry. The zero Style draws text in the terminal's own colours.
type Style struct {
	Fg Color // foreground (text) colour; "" for the terminal's
	Bg Color // background colour; "" for the terminal's

	Bold      bool // heavier strokes: how titles stand out
	Faint     bool // dimmer text (SGR 2); some terminals ignore it
	Italic    bool // slanted; CJK fonts rarely have italics, so built-ins avoid it
	Underline bool
	Reverse   bool // swap foreground and background
}

// Lipgloss returns s as a lipgloss.Style, setting only what s sets, so a
// colourless Style gives a style with no colours at all. Building one is
// cheap, but the tui should build its styles once per theme change, not in
// View.
func (s Style) Lipgloss() lipgloss.Style {
	ls := lipgloss.NewStyle()
	if s.Fg != "" {
		ls = ls.Foreground(s.Fg.Lipgloss())
	}
	if s.Bg != "" {
		ls = ls.Background(s.Bg.Lipgloss())
	}
	if s.Bold {
		ls = ls.Bold(true)
	}
	if s.Faint {
		ls = ls.Faint(true)
	}
	if s.Italic {
		ls = ls.Italic(true)
	}
	if s.Underline {
		ls = ls.Underline(true)
	}
	if s.Reverse {
		ls = ls.Reverse(true)
	}
	return ls
}

// Over returns s drawn over under: colours s leaves unset come from under,
// and the attributes of both apply. A match inside a title is
// theme.Match.Over(theme.Title), so it keeps the title's weight.
func (s Style) Over(under Style) Style {
	if s.Fg == "" {
		s.Fg = under.Fg
	}
	if s.Bg == "" {
		s.Bg = under.Bg
	}
	s.Bold = s.Bold || under.Bold
	s.Faint = s.Faint || under.Faint
	s.Italic = s.Italic || under.Italic
	s.Underline = s.Underline || under.Underline
	s.Reverse = s.Reverse || under.Reverse
	return s
}

// IsZero reports whether s changes nothing about how text is drawn.
func (s Style) IsZero() bool { return s == Style{} }

// Theme is everything the reader needs to know about how to look. Each field
// is named for the part of the screen it draws; the comment gives the key
// that sets it in a theme file.
//
// A Theme is a comparable value: two themes are the same when == says so.
type Theme struct {
	Name string // how --theme and the t key call it: lower case, no spaces
	Dark bool   // made for a dark background

	// Background, when set, is painted behind the whole screen: the tui
	// must fill every cell it draws (pane padding, gaps, borders) with it,
	// and every Style of the theme that has no Bg of its own carries it,
	// so spans of text do not punch holes in it. Built-ins leave it unset
	// except contrast, which must own the background to promise a contrast
	// ratio. Key: background.
	Background Color

	Header      Style // the top line: paper, date, page. Key: header.
	Status      Style // the one-line status bar at the bottom. Key: status.
	StatusKey   Style // a key name inside the status bar, such as "?". Key: status_key.
	PageHeading Style // the 第3版 heading over a page's headlines in the list. Key: page_heading.

	ListItem              Style // a headline in the list. Key: list_item.
	ListSelected          Style // the selected headline while the list has focus; drawn instead of ListItem or ListRead. Key: list_selected.
	ListSelectedUnfocused Style // the selected headline while the body has focus. Key: list_selected_unfocused.
	ListRead              Style // a headline already read: dimmed, still legible. Key: list_read.
	HitCount              Style // the number of search hits beside a headline. Key: hit_count.

	Body     Style // paragraphs of an article. Key: body.
	Title    Style // the headline over the article (主题); stands out by weight. Key: title.
	Kicker   Style // 引题, the line above the title. Key: kicker.
	Subtitle Style // 副题, the line below the title. Key: subtitle.
	Byline   Style // 本报记者 …, 新华社北京3月5日电. Key: byline.
	Seam     Style // the quiet mark where a continued article (转第N版) joins. Key: seam.

	Match        Style // a search match in the body. Key: match.
	CurrentMatch Style // the match n/N moved to; distinct from Match. Key: current_match.

	Border        Style // border of a pane without focus; only Fg and Bg are used. Key: border.
	BorderFocused Style // border of the pane with focus; Bold draws it with heavy lines (┏━┓). Key: border_focused.

	Help    Style // the ? help overlay. Key: help.
	Prompt  Style // the search prompt on the bottom line. Key: prompt.
	Message Style // a passing message in the status bar. Key: message.
	Warning Style // an error or warning in the status bar. Key: warning.
	Dim     Style // anything secondary: counts, hints, the date in the header. Key: dim.
}

// role is one Style of a Theme with its theme-file key.
type role struct {
	key string
	get func(*Theme) *Style
}

// roles lists the Styles of a Theme in the order of the struct.
func roles() []role {
	return []role{
		{"header", func(t *Theme) *Style { return &t.Header }},
		{"status", func(t *Theme) *Style { return &t.Status }},
		{"status_key", func(t *Theme) *Style { return &t.StatusKey }},
		{"page_heading", func(t *Theme) *Style { return &t.PageHeading }},
		{"list_item", func(t *Theme) *Style { return &t.ListItem }},
		{"list_selected", func(t *Theme) *Style { return &t.ListSelected }},
		{"list_selected_unfocused", func(t *Theme) *Style { return &t.ListSelectedUnfocused }},
		{"list_read", func(t *Theme) *Style { return &t.ListRead }},
		{"hit_count", func(t *Theme) *Style { return &t.HitCount }},
		{"body", func(t *Theme) *Style { return &t.Body }},
		{"title", func(t *Theme) *Style { return &t.Title }},
		{"kicker", func(t *Theme) *Style { return &t.Kicker }},
		{"subtitle", func(t *Theme) *Style { return &t.Subtitle }},
		{"byline", func(t *Theme) *Style { return &t.Byline }},
		{"seam", func(t *Theme) *Style { return &t.Seam }},
		{"match", func(t *Theme) *Style { return &t.Match }},
		{"current_match", func(t *Theme) *Style { return &t.CurrentMatch }},
		{"border", func(t *Theme) *Style { return &t.Border }},
		{"border_focused", func(t *Theme) *Style { return &t.BorderFocused }},
		{"help", func(t *Theme) *Style { return &t.Help }},
		{"prompt", func(t *Theme) *Style { return &t.Prompt }},
		{"message", func(t *Theme) *Style { return &t.Message }},
		{"warning", func(t *Theme) *Style { return &t.Warning }},
		{"dim", func(t *Theme) *Style { return &t.Dim }},
	}
}

// Theme-wide keys of the file format.
const (
	keyName       = "name"
	keyBase       = "base"
	keyDark       = "dark"
	keyBackground = "background"
)

// Keys returns every key a theme file may set, in the order of the file
// format's documentation: name, base, dark, background, then one per Style.
func Keys() []string {
	keys := []string{keyName, keyBase, keyDark, keyBackground}
	for _, r := range roles() {
		keys = append(keys, r.key)
	}
	return keys
}

// Pane returns the border of a pane, with focus or without: normal lines
// (┌─┐), or heavy ones (┏━┓) when the border's Style is Bold, coloured by
// its Fg and Bg, and filled with the theme's Background when it has one.
// The tui adds size, padding and which sides to draw.
func (t Theme) Pane(focused bool) lipgloss.Style {
	s := t.Border
	if focused {
		s = t.BorderFocused
	}
	shape := lipgloss.NormalBorder()
	if s.Bold {
		shape = lipgloss.ThickBorder()
	}
	ls := lipgloss.NewStyle().Border(shape)
	if s.Fg != "" {
		ls = ls.BorderForeground(s.Fg.Lipgloss())
	}
	if s.Bg != "" {
		ls = ls.BorderBackground(s.Bg.Lipgloss())
	}
	if t.Background != "" {
		ls = ls.Background(t.Background.Lipgloss())
	}
	return ls
}

// fillBackground gives every Style without a background of its own the
// theme's Background, so that text drawn in it does not show the terminal's
// background through the theme's.
func (t Theme) fillBackground() Theme {
	if t.Background == "" {
		return t
	}
	for _, r := range roles() {
		if s := r.get(&t); s.Bg == "" {
			s.Bg = t.Background
		}
	}
	return t
}

// Lookup finds a theme by name, built-ins first, then user themes (as from
// LoadDir). Names are compared without regard to case.
func Lookup(name string, user []Theme) (Theme, bool) {
	if t, ok := Builtin(name); ok {
		return t, true
	}
	name = strings.ToLower(name)
	i := slices.IndexFunc(user, func(t Theme) bool { return t.Name == name })
	if i < 0 {
		return Theme{}, false
	}
	return user[i], true
}

// clearBackground undoes fillBackground: Styles whose Bg is the theme's
// Background lose it, and so does the theme, ready for another.
func (t Theme) clearBackground() Theme {
	if t.Background == "" {
		return t
	}
	for _, r := range roles() {
		if s := r.get(&t); s.Bg == t.Background {
			s.Bg = ""
		}
	}
	t.Background = ""
	return t
}

// String returns s as the value of a theme file setting.
func (s Style) String() string {
	var words []string
	for _, a := range []struct {
		on   bool
		name string
	}{{s.Bold, "bold"}, {s.Faint, "faint"}, {s.Italic, "italic"}, {s.Underline, "underline"}, {s.Reverse, "reverse"}} {
		if a.on {
			words = append(words, a.name)
		}
	}
	if s.Fg != "" {
		words = append(words, string(s.Fg))
	}
	if s.Bg != "" {
		words = append(words, "on", string(s.Bg))
	}
	if len(words) == 0 {
		return "none"
	}
	return strings.Join(words, " ")
}
