package tui

import (
	tea "charm.land/bubbletea/v2"

	"github.com/dubaoreader/dubao/model"
)

// Run opens the reader on the issue, or on the shelf of o.Library when is
// is nil, and returns when the reader quits: with an error when the
// program failed, or when where the reading stopped could not be saved.
// What it needs of the environment — the width Measure, NO_COLOR, the
// user's themes — cmd/dubao reads and puts in o.
func Run(is *model.Issue, o Options) error {
	m := New(is, o)
	if _, err := tea.NewProgram(m).Run(); err != nil {
		return err
	}
	return m.quitErr
}
