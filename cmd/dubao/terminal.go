package main

import (
	"os"
	"strconv"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/term"

	"github.com/dubaoreader/dubao/themes"
	"github.com/dubaoreader/dubao/tui"
)

// catDefaults returns what cat does when not told: the terminal's width
// and glamour's dark or light style when out is a terminal (plain text all
// the same when noColor is set); else plain text as wide as the terminal
// dubao runs in (dubao cat | less), or $COLUMNS, or 80.
func catDefaults(out *os.File, noColor string) (width int, style string) {
	if !term.IsTerminal(out.Fd()) {
		return terminalWidth(), ""
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
func userThemes(getenv func(string) string) ([]themes.Theme, []error) {
	home, _ := os.UserHomeDir()
	user, errs := themes.LoadDir(themes.Dir(getenv("XDG_CONFIG_HOME"), home))
	var warnings []error
	for _, err := range errs {
		warnings = append(warnings, tui.Say("主题文件有误，未用：%v", err))
	}
	return user, warnings
}

// terminalWidth is the width of the terminal dubao runs in, when its
// output goes elsewhere: the controlling terminal's, else $COLUMNS, else 80.
func terminalWidth() int {
	if tty, err := os.Open("/dev/tty"); err == nil {
		w, _, err := term.GetSize(tty.Fd())
		tty.Close()
		if err == nil && w > 0 {
			return w
		}
	}
	if n, err := strconv.Atoi(os.Getenv("COLUMNS")); err == nil && n > 0 && n < 10000 {
		return n
	}
	return 80
}
