package tui

import (
	"os"

	tea "charm.land/bubbletea/v2"

	"github.com/dubaoreader/dubao/model"
	"github.com/dubaoreader/dubao/themes"
)

// Run opens the reader on the issue, or on the shelf of o.Library when is
// is nil, and returns when the reader quits: with an error when the
// program failed, or when where the reading stopped could not be saved. It
// reads what the reader needs from the environment — NO_COLOR, and the
// user's themes from the config directory, a bad file becoming a warning —
// and fills those into o. Settle the width first, with AgreeWidth.
func Run(is *model.Issue, o Options) error {
	o.NoColor = os.Getenv("NO_COLOR")
	user, warnings := UserThemes(os.Getenv)
	o.UserThemes = append(o.UserThemes, user...)
	o.Warnings = append(o.Warnings, warnings...)
	m := New(is, o)
	if _, err := tea.NewProgram(m).Run(); err != nil {
		return err
	}
	return m.quitErr
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
