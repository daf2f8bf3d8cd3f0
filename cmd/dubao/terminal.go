package main

import (
	"os"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/term"

	"github.com/dubaoreader/dubao/themes"
)

// catDefaults returns what cat does when not told: the terminal's width
// and glamour's dark or light style when out is a terminal (plain text all
// the same when noColor is set), else 80 columns of plain text.
func catDefaults(out *os.File, noColor string) (width int, style string) {
	if !term.IsTerminal(out.Fd()) {
		return 80, ""
	}
	width = 80
	if w, _, err := term.GetSize(out.Fd()); err == nil && w > 0 {
		width = w
	}
	if noColor != "" {
		return width, ""
	}
	if lipgloss.HasDarkBackground(os.Stdin, out) {
		return width, "dark"
	}
	return width, "light"
}

// findDefaults returns whether search should mark matches for a terminal:
// whether out is one. Reverse video and bold are not colour, so NO_COLOR
// leaves them be.
func findDefaults(out *os.File) (terminal bool) {
	return term.IsTerminal(out.Fd())
}

// userThemes loads the user's themes from the config directory
// ($XDG_CONFIG_HOME/dubao/themes or ~/.config/dubao/themes), with one
// warning for each file that does not load.
func userThemes(getenv func(string) string) ([]themes.Theme, []string) {
	home, _ := os.UserHomeDir()
	user, errs := themes.LoadDir(themes.Dir(getenv("XDG_CONFIG_HOME"), home))
	var warnings []string
	for _, err := range errs {
		warnings = append(warnings, err.Error())
	}
	return user, warnings
}
