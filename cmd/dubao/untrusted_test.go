package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/dubaoreader/dubao/shelf"
	"github.com/dubaoreader/dubao/tui"
)

// dubaoWithin runs the command as dubao does, failing the test if it has
// not ended within 10 seconds: what a FIFO or a device would make it do.
func dubaoWithin(t *testing.T, stdin io.Reader, args ...string) (stderr string, code int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Stdin = stdin
	var e bytes.Buffer
	cmd.Stdout, cmd.Stderr = io.Discard, &e
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("dubao %q: still running after 10 s", args)
	}
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return e.String(), code
}

// A FIFO given as a PATH or found in a folder, and a device, are refused
// by their kind in one line, at once; nothing waits on them or reads them.
func TestFIFOsAndDevicesAreRefused(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no FIFOs or /dev/zero")
	}
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	folder := issueDir(t)
	if err := syscall.Mkfifo(filepath.Join(folder, "c.txt"), 0o644); err != nil {
		t.Fatal(err)
	}
	zero, err := os.Open("/dev/zero")
	if err != nil {
		t.Fatal(err)
	}
	defer zero.Close()
	for _, c := range []struct {
		name  string
		stdin io.Reader
		args  []string
		want  string // in the one line on standard error
		code  int
	}{
		{"a FIFO to cat", nil, []string{"cat", fifo}, "fifo.txt: a FIFO", 1},
		{"a FIFO to parse", nil, []string{"parse", fifo}, "fifo.txt: a FIFO", 1},
		{"a FIFO to search", nil, []string{"search", "市委", fifo}, "fifo.txt: a FIFO", 2},
		{"a FIFO to the reader", nil, []string{fifo}, "fifo.txt: a FIFO", 1},
		{"/dev/zero to cat", nil, []string{"cat", "/dev/zero"}, "read /dev/zero: a character device", 1},
		{"/dev/zero to the reader", nil, []string{"/dev/zero"}, "read /dev/zero: a character device", 1},
		{"/dev/zero on standard input", zero, []string{"cat", "-"}, "read standard input: too large: more than the 16 MB allowed", 1},
		{"a FIFO in a folder", nil, []string{"cat", folder}, "c.txt: a FIFO", 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			stdin := c.stdin
			if stdin == nil {
				stdin = strings.NewReader("")
			}
			errs, code := dubaoWithin(t, stdin, c.args...)
			if code != c.code || !strings.Contains(errs, c.want) || strings.Count(errs, "\n") != 1 {
				t.Errorf("exit %d, stderr %q; want %d and one line saying %q", code, errs, c.code, c.want)
			}
		})
	}
}

// A state file that is a FIFO does not keep the reader from starting: it
// is set aside at once, the status bar says so, and marks are saved anew.
func TestStateFileFIFO(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no FIFOs")
	}
	stateDir := t.TempDir()
	path := filepath.Join(stateDir, "state.json")
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Fatal(err)
	}
	is, _, _ := issue([]string{issueDir(t)})
	store := shelf.NewStore(stateDir)
	started := make(chan *tui.Model, 1)
	go func() {
		started <- tui.New(is, tui.Options{Width: 100, Height: 30, ThemeName: "plain", Key: "2019-02-22", Memory: memory{st: store}})
	}()
	var m *tui.Model
	select {
	case m = <-started:
	case <-time.After(5 * time.Second):
		t.Fatal("the reader has not started after 5 s")
	}
	s := ansi.Strip(m.View().Content)
	if bar := s[strings.LastIndex(s, "\n")+1:]; !strings.Contains(bar, "无法读取，已另存为 state.json.unread-") {
		t.Errorf("the status bar says %q, want the warning that the file was set aside", bar)
	}
	drive(m, "enter")
	if aside, _ := filepath.Glob(path + ".unread-*"); len(aside) != 1 {
		t.Errorf("set aside: %v", aside)
	}
	if st, err := store.Load(); err != nil || len(st.Issues["2019-02-22"].Read) != 1 {
		t.Errorf("then %+v, %v: want the story opened remembered", st.Issues["2019-02-22"], err)
	}
}

// A state file replaced by a newer dubao's while the reader runs is set
// aside, as it was, when the next story is opened — not written over — and
// the status bar says so.
func TestStateReplacedWhileReading(t *testing.T) {
	stateDir := t.TempDir()
	path := filepath.Join(stateDir, "state.json")
	is, _, _ := issue([]string{issueDir(t)})
	store := shelf.NewStore(stateDir)
	m := tui.New(is, tui.Options{Width: 100, Height: 30, ThemeName: "plain", Key: "2019-02-22", Memory: memory{st: store}})
	drive(m, "enter", "esc")
	newer := `{"version": 7, "issues": {"2019-02-22": {"read": {"x": 1}}}, "notes": "kept"}`
	if err := os.WriteFile(path, []byte(newer), 0o644); err != nil {
		t.Fatal(err)
	}
	drive(m, "j", "enter")
	s := ansi.Strip(m.View().Content)
	if bar := s[strings.LastIndex(s, "\n")+1:]; !strings.Contains(bar, "无法读取，已另存为 state.json.unread-") {
		t.Errorf("the status bar says %q, want the warning that the file was set aside", bar)
	}
	aside, _ := filepath.Glob(path + ".unread-*")
	if len(aside) != 1 {
		t.Fatalf("set aside: %v", aside)
	}
	if b, _ := os.ReadFile(aside[0]); string(b) != newer {
		t.Errorf("set aside %q, want the newer file as it was", b)
	}
}
