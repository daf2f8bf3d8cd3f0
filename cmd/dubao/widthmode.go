package main

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"strconv"
	"syscall"
	"time"

	tea "charm.land/bubbletea/v2"
	uv "github.com/charmbracelet/ultraviolet"
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
	typedEnv     = "DUBAO_TYPED_AHEAD" // keys the parent read, in hex
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
// with, the keys typed while the terminal was asked (to hand to the
// reader, so that none is lost), and an error, to show as a warning, when
// it could not make the renderer agree (the Measure then follows the
// renderer).
//
// Call it before reading standard input: the program started again reads
// it afresh.
func agreeWidth(mode string) (layout.Measure, []byte, error) {
	a, auto, err := parseAmbiguous(mode)
	if err != nil {
		return layout.Measure{}, nil, err
	}
	env := layout.AmbiguousFromEnv(os.Getenv)
	if os.Getenv(settledEnv) != "" {
		// Our parent settled it, and may have read keys on the way.
		typed, _ := hex.DecodeString(os.Getenv(typedEnv))
		os.Unsetenv(typedEnv)
		return layout.NewMeasure(env), typed, nil
	}
	var typed []byte
	if auto {
		a, typed = probeAmbiguous(probeTimeout)
	}
	if a == env {
		return layout.NewMeasure(a), typed, nil
	}
	exe, err := os.Executable()
	if err == nil {
		os.Setenv(eastAsianEnv, eastAsianValue(a))
		os.Setenv(settledEnv, "1")
		os.Setenv(typedEnv, hex.EncodeToString(typed))
		err = syscall.Exec(exe, os.Args, os.Environ())
		os.Setenv(eastAsianEnv, eastAsianValue(env)) // exec failed: as we were
		os.Unsetenv(settledEnv)
		os.Unsetenv(typedEnv)
	}
	return layout.NewMeasure(env), typed, fmt.Errorf("ambiguous width %s: could not restart with %s set (%v); drawing them %s", a, eastAsianEnv, err, env)
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
// no terminal or no answer within timeout is Narrow. It also returns what
// else it read: keys typed meanwhile.
func probeAmbiguous(timeout time.Duration) (layout.Ambiguous, []byte) {
	tty, err := os.OpenFile("/dev/tty", os.O_RDWR, 0)
	if err != nil {
		return layout.Narrow, nil
	}
	defer tty.Close()
	state, err := term.MakeRaw(tty.Fd())
	if err != nil {
		return layout.Narrow, nil
	}
	defer term.Restore(tty.Fd(), state)

	return probe(tty, tty, timeout)
}

// probe writes the question to w and reads the answer from r: the
// terminal's part of probeAmbiguous, with the terminal set up. What it
// reads besides the answer it returns as typed.
func probe(r *os.File, w io.Writer, timeout time.Duration) (a layout.Ambiguous, typed []byte) {
	if _, err := io.WriteString(w, "\r\u201c\x1b[6n"); err != nil {
		return layout.Narrow, nil
	}
	defer io.WriteString(w, "\r\x1b[K")
	deadline := time.Now().Add(timeout)
	if r.SetReadDeadline(deadline) != nil {
		return layout.Narrow, nil // a read could block for ever
	}
	var got []byte
	buf := make([]byte, 64)
	for time.Now().Before(deadline) {
		n, err := r.Read(buf)
		got = append(got, buf[:n]...)
		if _, col, rest, ok := cursorReport(got); ok {
			if col == 3 {
				return layout.Wide, rest
			}
			return layout.Narrow, rest
		}
		if err != nil {
			break
		}
	}
	return layout.Narrow, got
}

// cursorReport finds the terminal's answer to ESC[6n, ESC [ row ; col R,
// in b (which may hold keys typed before it), and returns its row and
// column, 1-based, and the rest of b: what was typed before and after it.
func cursorReport(b []byte) (row, col int, rest []byte, ok bool) {
	from := 0
	for {
		i := bytes.Index(b[from:], []byte("\x1b["))
		if i < 0 {
			return 0, 0, nil, false
		}
		start := from + i
		from = start + 2
		end := bytes.IndexByte(b[from:], 'R')
		if end < 0 {
			return 0, 0, nil, false
		}
		end += from
		r, c, found := bytes.Cut(b[from:end], []byte(";"))
		if !found {
			continue
		}
		row, err1 := strconv.Atoi(string(r))
		col, err2 := strconv.Atoi(string(c))
		if err1 == nil && err2 == nil {
			rest = append(append([]byte{}, b[:start]...), b[end+1:]...)
			return row, col, rest, true
		}
	}
}

// typedKeys turns bytes read from the terminal into the key presses they
// are, for the reader to take before any other key.
func typedKeys(b []byte) []tea.Msg {
	var d uv.EventDecoder
	var keys []tea.Msg
	for len(b) > 0 {
		n, ev := d.Decode(b)
		if n <= 0 {
			break
		}
		b = b[n:]
		if k, ok := ev.(uv.KeyPressEvent); ok {
			keys = append(keys, tea.KeyPressMsg(k))
		}
	}
	return keys
}
