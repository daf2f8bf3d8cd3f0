package themes

import (
	"slices"
	"testing"
)

func TestBuiltinFindsEveryName(t *testing.T) {
	for _, name := range Names() {
		th, ok := Builtin(name)
		if !ok {
			t.Errorf("Builtin(%q) not found", name)
		}
		if th.Name != name {
			t.Errorf("Builtin(%q).Name = %q", name, th.Name)
		}
	}
	tests := []struct {
		name, lookup string
		ok           bool
	}{
		{"names are not case-sensitive", "Paper", true},
		{"an unknown name is not found", "sepia", false},
		{"the empty name is not found", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, ok := Builtin(tt.lookup); ok != tt.ok {
				t.Errorf("Builtin(%q) found = %v, want %v", tt.lookup, ok, tt.ok)
			}
		})
	}
}

func TestNamesAreStable(t *testing.T) {
	want := []string{"paper", "ink", "contrast", "plain"}
	if got := Names(); !slices.Equal(got, want) {
		t.Errorf("Names() = %v, want %v", got, want)
	}
	Names()[0] = "changed"
	if got := Names(); !slices.Equal(got, want) {
		t.Errorf("changing the slice Names returned changed Names: %v", got)
	}
}

func TestDefaultFollowsTheTerminal(t *testing.T) {
	if got := Default(true); got.Name != "ink" || !got.Dark {
		t.Errorf("Default(dark) = %s (dark %v), want ink", got.Name, got.Dark)
	}
	if got := Default(false); got.Name != "paper" || got.Dark {
		t.Errorf("Default(light) = %s (dark %v), want paper", got.Name, got.Dark)
	}
}

func TestCycle(t *testing.T) {
	all := []string{"paper", "ink", "contrast", "plain", "sepia"}
	tests := []struct {
		name      string
		current   string
		available []string
		want      string
	}{
		{"steps to the next", "paper", all, "ink"},
		{"wraps from the last to the first", "sepia", all, "paper"},
		{"an unknown current starts at the first", "gone", all, "paper"},
		{"is not case-sensitive", "INK", all, "contrast"},
		{"with one theme stays on it", "paper", []string{"paper"}, "paper"},
		{"with none keeps the current", "paper", nil, "paper"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Cycle(tt.current, tt.available); got != tt.want {
				t.Errorf("Cycle(%q, %v) = %q, want %q", tt.current, tt.available, got, tt.want)
			}
		})
	}
}

// TestBuiltinsStyleWhatMatters checks every built-in for what makes the
// reader usable: these parts must look different from plain text.
func TestBuiltinsStyleWhatMatters(t *testing.T) {
	mustStyle := []string{
		"header", "status", "status_key", "page_heading", "list_selected",
		"list_selected_unfocused", "list_read", "hit_count", "title",
		"match", "current_match", "border_focused", "prompt", "warning", "dim",
	}
	for _, name := range Names() {
		th, _ := Builtin(name)
		for _, r := range roles() {
			if slices.Contains(mustStyle, r.key) && r.get(&th).IsZero() {
				t.Errorf("%s.%s is not styled", name, r.key)
			}
		}
	}
}

// TestBuiltinsKeepDistinctionsApart checks pairs a reader must tell apart.
func TestBuiltinsKeepDistinctionsApart(t *testing.T) {
	pairs := []struct {
		name string
		a, b func(Theme) Style
	}{
		{"the current match differs from other matches", func(t Theme) Style { return t.CurrentMatch }, func(t Theme) Style { return t.Match }},
		{"a match differs from body text", func(t Theme) Style { return t.Match }, func(t Theme) Style { return t.Body }},
		{"a match differs from a title", func(t Theme) Style { return t.Match.Over(t.Title) }, func(t Theme) Style { return t.Title }},
		{"the current match differs from a match in a title", func(t Theme) Style { return t.CurrentMatch.Over(t.Title) }, func(t Theme) Style { return t.Match.Over(t.Title) }},
		{"selection shows whether the list has focus", func(t Theme) Style { return t.ListSelected }, func(t Theme) Style { return t.ListSelectedUnfocused }},
		{"an unfocused selection still shows", func(t Theme) Style { return t.ListSelectedUnfocused }, func(t Theme) Style { return t.ListItem }},
		{"a read headline differs from an unread one", func(t Theme) Style { return t.ListRead }, func(t Theme) Style { return t.ListItem }},
		{"the focused pane's border differs", func(t Theme) Style { return t.BorderFocused }, func(t Theme) Style { return t.Border }},
		{"a page heading differs from a headline", func(t Theme) Style { return t.PageHeading }, func(t Theme) Style { return t.ListItem }},
		{"a warning differs from a message", func(t Theme) Style { return t.Warning }, func(t Theme) Style { return t.Message }},
	}
	for _, name := range Names() {
		th, _ := Builtin(name)
		for _, p := range pairs {
			if p.a(th) == p.b(th) {
				t.Errorf("%s: %s, but both are %q", name, p.name, p.a(th))
			}
		}
	}
}

func TestTitlesStandOutByWeight(t *testing.T) {
	for _, name := range Names() {
		th, _ := Builtin(name)
		if !th.Title.Bold {
			t.Errorf("%s.Title = %q, want bold", name, th.Title)
		}
		if th.Title.Italic || th.Body.Italic {
			t.Errorf("%s uses italics on CJK text", name)
		}
	}
}

// TestPlainHasNoColour walks every style of plain, as a Style and as the
// lipgloss.Style the tui will draw with, for any colour at all.
func TestPlainHasNoColour(t *testing.T) {
	th, _ := Builtin("plain")
	if th.Background != "" {
		t.Errorf("plain.Background = %q, want none", th.Background)
	}
	for _, r := range roles() {
		s := *r.get(&th)
		if s.Fg != "" || s.Bg != "" {
			t.Errorf("plain.%s = %q sets a colour", r.key, s)
		}
		l := s.Lipgloss()
		if l.GetForeground() != Color("").Lipgloss() || l.GetBackground() != Color("").Lipgloss() {
			t.Errorf("plain.%s.Lipgloss() sets a colour", r.key)
		}
	}
	for _, focused := range []bool{false, true} {
		p := th.Pane(focused)
		if p.GetBorderTopForeground() != Color("").Lipgloss() || p.GetBackground() != Color("").Lipgloss() {
			t.Errorf("plain.Pane(%v) sets a colour", focused)
		}
	}
}

// TestBuiltinColoursAreCanonical checks every colour of every built-in is
// written the way ParseColor writes it, so == between themes means what it
// says.
func TestBuiltinColoursAreCanonical(t *testing.T) {
	for _, name := range Names() {
		th, _ := Builtin(name)
		colours := []Color{th.Background}
		for _, r := range roles() {
			colours = append(colours, r.get(&th).Fg, r.get(&th).Bg)
		}
		for _, c := range colours {
			if c == "" {
				continue
			}
			if got, err := ParseColor(string(c)); err != nil || got != c {
				t.Errorf("%s uses colour %q, which parses as %q, %v", name, c, got, err)
			}
		}
	}
}

// TestOnlyContrastPaintsTheBackground records the decision that paper and
// ink leave the terminal's background alone.
func TestOnlyContrastPaintsTheBackground(t *testing.T) {
	for _, name := range Names() {
		th, _ := Builtin(name)
		if want := name == "contrast"; (th.Background != "") != want {
			t.Errorf("%s.Background = %q", name, th.Background)
		}
		if name == "paper" || name == "ink" {
			if th.Body.Bg != "" || th.Title.Bg != "" || th.ListItem.Bg != "" {
				t.Errorf("%s paints a background behind body or list text", name)
			}
		}
	}
}
