package tui

import (
	"os"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/term"

	"github.com/dubaoreader/dubao/model"
)

// Run opens the reader on the issue, or on the shelf of o.Library when is
// is nil, and returns when the reader quits: with an error when the
// program failed, or when where the reading stopped could not be saved.
// What it needs of the environment — the width Measure, NO_COLOR, the
// user's themes, the signals that stop it — cmd/dubao reads and puts in o.
//
// A signal on o.Stop quits as q does, saving the place, and Run returns
// Stopped. However the program ends — a terminal gone, a failure — the
// place is saved before Run returns.
func Run(is *model.Issue, o Options) error {
	// bubbletea draws the view it starts with at its first tick, and the
	// window's size comes after: sized now, that first frame is the page
	// rather than an empty screen the page follows a tick later.
	if o.Width == 0 && o.Height == 0 {
		if w, h, err := term.GetSize(os.Stdout.Fd()); err == nil && w > 0 && h > 0 {
			o.Width, o.Height = w, h
		}
	}
	m := New(is, o)
	// The first frame is drawn one tick after the start, 17 ms at
	// bubbletea's 60 frames a second. Its most, 120, would save 8 ms once
	// and wake an idle reader twice as often for as long as it is open.
	opts := []tea.ProgramOption{tea.WithoutSignalHandler()}
	if o.ColorProfile != colorprofile.Unknown {
		opts = append(opts, tea.WithColorProfile(o.ColorProfile))
	}
	p := tea.NewProgram(m, opts...)
	done := make(chan struct{})
	defer close(done)
	stopped := make(chan os.Signal, 1)
	if o.Stop != nil {
		go func() {
			select {
			case sig := <-o.Stop:
				stopped <- sig
				p.Send(stopMsg{sig})
			case <-done:
			}
		}()
	}
	_, err := p.Run()
	m.leave() // when the program ended without q: saved now, off no goroutine
	select {
	case sig := <-stopped:
		return Stopped{Signal: sig}
	default:
	}
	if err != nil {
		return err
	}
	return inWords(m.quitErr, m.c.traditional) // said on the terminal as the reader spoke
}

// Stopped is Run's error when a signal stopped the reader. The place was
// saved all the same.
type Stopped struct{ Signal os.Signal }

func (s Stopped) Error() string { return "stopped by " + s.Signal.String() }

// stopMsg brings a signal that stops the reader.
type stopMsg struct{ sig os.Signal }
