package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strconv"
	"syscall"
	"time"

	"github.com/charmbracelet/x/term"

	"github.com/dubaoreader/dubao/tui/layout"
)

// The environment the width is settled through. x/ansi, which lipgloss and
// bubbletea measure with, reads eastAsianEnv once when the process starts;
// settledEnv marks a process started again by agreeWidth, so that it
// trusts eastAsianEnv and does not start itself a third time.
const (
	eastAsianEnv = "RUNEWIDTH_EASTASIAN"
	settledEnv   = "DUBAO_AMBIGUOUS_SETTLED"
)

// probeTimeout is how long agreeWidth waits for the terminal to say where
// its cursor is.
const probeTimeout = 200 * time.Millisecond

// parseAmbiguous reads the --ambiguous flag: narrow, wide or auto. auto is
// reported as ok with the bool auto set.
func parseAmbiguous(s string) (a layout.Ambiguous, auto bool, err error) {
	switch s {
	case "narrow":
		return layout.Narrow, false, nil
	case "wide":
		return layout.Wide, false, nil
	case "auto", "":
		return layout.Narrow, true, nil
	}
	return layout.Narrow, false, fmt.Errorf("--ambiguous %q: want narrow, wide or auto", s)
}

// agreeWidth settles how wide East Asian Ambiguous characters are drawn —
// as mode says (narrow, wide), or, for auto, as the terminal draws them —
// and makes the renderer measure the same way. The renderer read its mode
// from RUNEWIDTH_EASTASIAN when the process started; when that disagrees,
// agreeWidth sets the variable and starts the program again in place
// (exec: on success it does not return). It returns the Measure to draw
// with, and an error, to show as a warning, when it could not make the
// renderer agree (the Measure then follows the renderer).
//
// Call it before reading standard input: the program started again reads
// it afresh.
func agreeWidth(mode string) (layout.Measure, error) {
	a, auto, err := parseAmbiguous(mode)
	if err != nil {
		return layout.Measure{}, err
	}
	env := layout.AmbiguousFromEnv(os.Getenv)
	if os.Getenv(settledEnv) != "" {
		return layout.NewMeasure(env), nil // our parent settled it
	}
	if auto {
		a = probeAmbiguous(probeTimeout)
	}
	if a == env {
		return layout.NewMeasure(a), nil
	}
	exe, err := os.Executable()
	if err == nil {
		os.Setenv(eastAsianEnv, eastAsianValue(a))
		os.Setenv(settledEnv, "1")
		err = syscall.Exec(exe, os.Args, os.Environ())
		os.Setenv(eastAsianEnv, eastAsianValue(env)) // exec failed: as we were
		os.Unsetenv(settledEnv)
	}
	return layout.NewMeasure(env), fmt.Errorf("ambiguous width %s: could not restart with %s set (%v); drawing them %s", a, eastAsianEnv, err, env)
}

func eastAsianValue(a layout.Ambiguous) string {
	if a == layout.Wide {
		return "1"
	}
	return "0"
}

// probeAmbiguous asks the terminal how wide it draws an ambiguous
// character: it prints “ at the start of the line and asks where the
// cursor went (DSR, ESC[6n), then clears the line. Two cells is Wide; one,
// no terminal or no answer within timeout is Narrow.
func probeAmbiguous(timeout time.Duration) layout.Ambiguous {
	tty, err := os.OpenFile("/dev/tty", os.O_RDWR, 0)
	if err != nil {
		return layout.Narrow
	}
	defer tty.Close()
	state, err := term.MakeRaw(tty.Fd())
	if err != nil {
		return layout.Narrow
	}
	defer term.Restore(tty.Fd(), state)

	return probe(tty, tty, timeout)
}

// probe writes the question to w and reads the answer from r: the
// terminal's part of probeAmbiguous, with the terminal set up.
func probe(r *os.File, w io.Writer, timeout time.Duration) layout.Ambiguous {
	if _, err := io.WriteString(w, "\r\u201c\x1b[6n"); err != nil {
		return layout.Narrow
	}
	defer io.WriteString(w, "\r\x1b[K")
	deadline := time.Now().Add(timeout)
	if r.SetReadDeadline(deadline) != nil {
		return layout.Narrow // a read could block for ever
	}
	var got []byte
	buf := make([]byte, 64)
	for time.Now().Before(deadline) {
		n, err := r.Read(buf)
		got = append(got, buf[:n]...)
		if _, col, ok := cursorReport(got); ok {
			if col == 3 {
				return layout.Wide
			}
			return layout.Narrow
		}
		if err != nil {
			break
		}
	}
	return layout.Narrow
}

// cursorReport finds the terminal's answer to ESC[6n, ESC [ row ; col R,
// in b (which may hold keys typed before it), and returns its row and
// column, 1-based.
func cursorReport(b []byte) (row, col int, ok bool) {
	for {
		i := bytes.Index(b, []byte("\x1b["))
		if i < 0 {
			return 0, 0, false
		}
		b = b[i+2:]
		end := bytes.IndexByte(b, 'R')
		if end < 0 {
			return 0, 0, false
		}
		r, c, found := bytes.Cut(b[:end], []byte(";"))
		if found {
			row, err1 := strconv.Atoi(string(r))
			col, err2 := strconv.Atoi(string(c))
			if err1 == nil && err2 == nil {
				return row, col, true
			}
		}
	}
}
