package tui

import (
	"os"

	tea "charm.land/bubbletea/v2"

	"github.com/dubaoreader/dubao/model"
	"github.com/dubaoreader/dubao/themes"
)

// Run opens the reader on the issue and returns when the reader quits. It
// reads what the reader needs from the environment — NO_COLOR, and the
// user's themes from the config directory, a bad file becoming a warning —
// and fills those into o. Settle the width first, with AgreeWidth.
func Run(is *model.Issue, o Options) error {
	o.NoColor = os.Getenv("NO_COLOR")
	user, warnings := UserThemes(os.Getenv)
	o.UserThemes = append(o.UserThemes, user...)
	o.Warnings = append(o.Warnings, warnings...)
	_, err := tea.NewProgram(New(is, o)).Run()
	return err
}

// UserThemes loads the user's themes from the config directory
// ($XDG_CONFIG_HOME/dubao/themes or ~/.config/dubao/themes), with one
// warning for each file that does not load.
func UserThemes(getenv func(string) string) ([]themes.Theme, []string) {
	home, _ := os.UserHomeDir()
	user, errs := themes.LoadDir(themes.Dir(getenv("XDG_CONFIG_HOME"), home))
	var warnings []string
	for _, err := range errs {
		warnings = append(warnings, err.Error())
	}
	return user, warnings
}
