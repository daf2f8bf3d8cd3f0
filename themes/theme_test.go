package themes

import (
	"slices"
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
)

func TestStyleLipglossSetsOnlyWhatIsSet(t *testing.T) {
	tests := []struct {
		name  string
		style Style
		check func(lipgloss.Style) bool
	}{
		{"zero style sets no foreground", Style{}, func(l lipgloss.Style) bool { return l.GetForeground() == lipgloss.NoColor{} }},
		{"zero style sets no background", Style{}, func(l lipgloss.Style) bool { return l.GetBackground() == lipgloss.NoColor{} }},
		{"zero style is not bold", Style{}, func(l lipgloss.Style) bool { return !l.GetBold() }},
		{"foreground is passed on", Style{Fg: "#5b3a1e"}, func(l lipgloss.Style) bool { return l.GetForeground() != lipgloss.NoColor{} }},
		{"background is passed on", Style{Bg: "236"}, func(l lipgloss.Style) bool { return l.GetBackground() != lipgloss.NoColor{} }},
		{"bold is passed on", Style{Bold: true}, lipgloss.Style.GetBold},
		{"faint is passed on", Style{Faint: true}, lipgloss.Style.GetFaint},
		{"italic is passed on", Style{Italic: true}, lipgloss.Style.GetItalic},
		{"underline is passed on", Style{Underline: true}, lipgloss.Style.GetUnderline},
		{"reverse is passed on", Style{Reverse: true}, lipgloss.Style.GetReverse},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !tt.check(tt.style.Lipgloss()) {
				t.Errorf("%q.Lipgloss() does not pass the check", tt.style)
			}
		})
	}
}

func TestColorLipgloss(t *testing.T) {
	tests := []struct {
		name  string
		color Color
		want  [3]uint32 // r, g, b as 8-bit values
	}{
		{"24-bit colour keeps its value", "#5b3a1e", [3]uint32{0x5b, 0x3a, 0x1e}},
		{"palette index 196 is xterm's red", "196", [3]uint32{0xff, 0x00, 0x00}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, g, b, _ := tt.color.Lipgloss().RGBA()
			if got := [3]uint32{r >> 8, g >> 8, b >> 8}; got != tt.want {
				t.Errorf("%q.Lipgloss() = %x, want %x", tt.color, got, tt.want)
			}
		})
	}
	if got := Color("").Lipgloss(); got != (lipgloss.NoColor{}) {
		t.Errorf(`Color("").Lipgloss() = %v, want lipgloss.NoColor{}`, got)
	}
}

func TestStyleOver(t *testing.T) {
	title := Style{Fg: "#1a1612", Bold: true}
	tests := []struct {
		name        string
		over, under Style
		want        Style
	}{
		{"a match over a title keeps the title's weight", Style{Bg: "#f5e19a", Fg: "#2e2a24"}, title, Style{Fg: "#2e2a24", Bg: "#f5e19a", Bold: true}},
		{"unset colours come from beneath", Style{Underline: true}, title, Style{Fg: "#1a1612", Bold: true, Underline: true}},
		{"over nothing changes nothing", Style{Fg: "1", Reverse: true}, Style{}, Style{Fg: "1", Reverse: true}},
		{"nothing over a style is the style", Style{}, title, title},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.over.Over(tt.under); got != tt.want {
				t.Errorf("%q.Over(%q) = %q, want %q", tt.over, tt.under, got, tt.want)
			}
		})
	}
}

func TestPaneBorder(t *testing.T) {
	tests := []struct {
		name    string
		theme   string
		focused bool
		want    lipgloss.Border
	}{
		{"plain shows focus with heavy lines", "plain", true, lipgloss.ThickBorder()},
		{"plain without focus has normal lines", "plain", false, lipgloss.NormalBorder()},
		{"paper shows focus by colour, same lines", "paper", true, lipgloss.NormalBorder()},
		{"contrast shows focus with heavy lines too", "contrast", true, lipgloss.ThickBorder()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			th, _ := Builtin(tt.theme)
			if got := th.Pane(tt.focused).GetBorderStyle(); got != tt.want {
				t.Errorf("%s.Pane(%v) border = %+v, want %+v", tt.theme, tt.focused, got, tt.want)
			}
		})
	}
	t.Run("a theme's background fills the pane", func(t *testing.T) {
		th, _ := Builtin("contrast")
		if th.Pane(false).GetBackground() == (lipgloss.NoColor{}) {
			t.Error("contrast.Pane(false) has no background")
		}
	})
}

func TestKeysNameEveryStyleOnce(t *testing.T) {
	keys := Keys()
	if len(keys) != 4+len(roles()) {
		t.Errorf("Keys() has %d keys, want the 4 theme-wide ones and %d styles", len(keys), len(roles()))
	}
	sorted := slices.Clone(keys)
	slices.Sort(sorted)
	if len(slices.Compact(sorted)) != len(keys) {
		t.Errorf("Keys() repeats a key: %v", keys)
	}
	// Every role must reach a different field of Theme.
	var th Theme
	for i, r := range roles() {
		r.get(&th).Fg = Color(rune('a' + i))
	}
	seen := map[Color]string{}
	for _, r := range roles() {
		c := r.get(&th).Fg
		if other, dup := seen[c]; dup {
			t.Errorf("keys %s and %s set the same field", other, r.key)
		}
		seen[c] = r.key
	}
}

func TestSuits(t *testing.T) {
	for _, tt := range []struct {
		name        string
		dark, light bool
	}{
		{"paper", false, true},
		{"ink", true, false},
		{"contrast", true, true},
		{"plain", true, true},
	} {
		th, _ := Builtin(tt.name)
		if th.Suits(true) != tt.dark || th.Suits(false) != tt.light {
			t.Errorf("%s suits dark %v, light %v; want %v, %v", tt.name, th.Suits(true), th.Suits(false), tt.dark, tt.light)
		}
	}
	lookup := func(n string) (Theme, bool) { return Lookup(n, nil) }
	var seen []string
	name := "paper"
	for range 4 {
		name = CycleSuited(name, Names(), false, lookup)
		seen = append(seen, name)
	}
	if got := strings.Join(seen, " "); got != "contrast plain paper contrast" {
		t.Errorf("t on a light background goes %s, want contrast plain paper contrast (never ink)", got)
	}
}
