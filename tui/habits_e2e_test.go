package tui

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// waitLong waits up to e2eWait for text to be on the screen.
func (s *tmuxSession) waitLong(text string) string {
	s.t.Helper()
	var screen string
	for start := time.Now(); time.Since(start) < e2eWait; {
		screen = s.capture()
		if strings.Contains(screen, text) {
			return screen
		}
		time.Sleep(100 * time.Millisecond)
	}
	s.t.Fatalf("%q never appeared:\n%s", text, screen)
	return ""
}

// pid returns the process id of the program in the pane.
func (s *tmuxSession) pid() string {
	return strings.TrimSpace(s.tmux("list-panes", "-t", "e2e", "-F", "#{pane_pid}"))
}

// e2eWait is how long the tmux tests wait for something that should come
// at once: generous, for a machine under load; a test that passes waits
// only as long as it must.
const e2eWait = 30 * time.Second

// exitStatus waits for the program in the pane to end (the window kept
// with remain-on-exit) and returns its exit status; "" when tmux saw it
// end but recorded no status — it does not always (seen when the pane's
// terminal closes before tmux hears of the exit).
func (s *tmuxSession) exitStatus() string {
	s.t.Helper()
	var out []string
	dead := time.Time{}
	for start := time.Now(); time.Since(start) < e2eWait; {
		out = strings.Fields(s.tmux("list-panes", "-t", "e2e", "-F", "#{pane_dead} #{pane_dead_status}"))
		switch {
		case len(out) == 2 && out[0] == "1":
			return out[1]
		case len(out) == 1 && out[0] == "1" && dead.IsZero():
			dead = time.Now()
		case !dead.IsZero() && time.Since(dead) > 3*time.Second:
			s.t.Logf("dubao ended; tmux recorded no exit status")
			return ""
		}
		time.Sleep(100 * time.Millisecond)
	}
	s.t.Fatalf("dubao did not end (pane %q):\n%s", out, s.capture())
	return ""
}

// positionSaved waits for state.json under stateHome to hold a position.
func positionSaved(stateHome string) bool {
	for start := time.Now(); time.Since(start) < e2eWait; {
		b, _ := os.ReadFile(filepath.Join(stateHome, "dubao", "state.json"))
		if strings.Contains(string(b), `"position"`) {
			return true
		}
		time.Sleep(100 * time.Millisecond)
	}
	return false
}

// TestEndToEndSignalsKeepThePlace reads a few screens and then stops dubao
// without q: kill (SIGTERM), a hang-up (SIGHUP), the terminal closed under
// it. Each time the place is in the state file afterwards, and a signal
// is reported in the exit status, 128 + its number.
func TestEndToEndSignalsKeepThePlace(t *testing.T) {
	skipWithoutTmux(t)
	bin := buildDubao(t)
	page, err := filepath.Abs(filepath.Join("testdata", "d01.txt"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		stop   func(s *tmuxSession)
		status string // "" when there is none to see
	}{
		{"SIGTERM", func(s *tmuxSession) { exec.Command("kill", "-TERM", s.pid()).Run() }, "143"},
		{"SIGHUP", func(s *tmuxSession) { exec.Command("kill", "-HUP", s.pid()).Run() }, "129"},
		{"the terminal closed", func(s *tmuxSession) { s.tmux("kill-server") }, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			state := t.TempDir()
			s := startTmuxIn(t, bin, t.TempDir(), state, 100, 30, "--ambiguous", "narrow", page)
			s.tmux("set-option", "-w", "-t", "e2e", "remain-on-exit", "on")
			s.keys("j", "Enter")
			s.waitLong("返回标题") // the story is open: its place is one to keep
			s.keys("Space")
			tt.stop(s)
			if tt.status != "" {
				if got := s.exitStatus(); got != "" && got != tt.status {
					t.Errorf("exit status %s, want %s", got, tt.status)
				}
			}
			if !positionSaved(state) {
				b, _ := os.ReadFile(filepath.Join(state, "dubao", "state.json"))
				t.Errorf("no position in the state file after %s:\n%s", tt.name, b)
			}
		})
	}
}

// TestEndToEndKeysTypedAhead types 20 keys 50 ms after dubao starts, while
// it is still asking the terminal how it draws ambiguous characters, 20
// times over: every key takes effect every time (the selection ends on
// story 21).
func TestEndToEndKeysTypedAhead(t *testing.T) {
	skipWithoutTmux(t)
	bin := buildDubao(t)
	var paths []string
	for _, n := range []string{"seed", "d01", "d02", "d03", "d04", "d05", "d06"} {
		p, err := filepath.Abs(filepath.Join("testdata", n+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	cmd := "exec " + bin + " --ambiguous auto " + strings.Join(paths, " ")
	keys := strings.Fields(strings.Repeat("j ", 20))
	lost := 0
	for run := range 20 {
		s := &tmuxSession{t: t, socket: fmt.Sprintf("dubao-ahead-%d-%d", os.Getpid(), run), w: 120, h: 40}
		s.tmux("-f", "/dev/null", "new-session", "-d", "-x", "120", "-y", "40", "-s", "e2e",
			"-e", "RUNEWIDTH_EASTASIAN=", "-e", "DUBAO_AMBIGUOUS_SETTLED=",
			"-e", "XDG_STATE_HOME="+t.TempDir(), cmd)
		time.Sleep(50 * time.Millisecond)
		s.tmux(append([]string{"send-keys", "-t", "e2e"}, keys...)...)
		var header string
		for start := time.Now(); time.Since(start) < e2eWait; {
			header = strings.SplitN(s.capture(), "\n", 2)[0]
			if strings.Contains(header, " 21/") {
				break
			}
			time.Sleep(100 * time.Millisecond)
		}
		if !strings.Contains(header, " 21/") {
			lost++
			t.Logf("run %d: after 20 × j the header says %q", run, strings.TrimSpace(header))
		}
		exec.Command("tmux", "-L", s.socket, "kill-server").Run()
	}
	if lost > 0 {
		t.Errorf("keys typed 50 ms after the start were lost in %d runs of 20", lost)
	}
}

// TestEndToEndLessKeys types less's keys at the real dubao in tmux:
// ctrl+f scrolls the story a screen, ctrl+b back; ctrl+z gives the shell
// back, and fg brings the reader back as it was; / and enter look again
// for the last search.
func TestEndToEndLessKeys(t *testing.T) {
	skipWithoutTmux(t)
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("no bash for ctrl+z and fg")
	}
	bin := buildDubao(t)
	page, err := filepath.Abs(filepath.Join("testdata", "d01.txt"))
	if err != nil {
		t.Fatal(err)
	}
	s := &tmuxSession{t: t, socket: fmt.Sprintf("dubao-less-%d-%d", os.Getpid(), time.Now().UnixNano()), w: 100, h: 30}
	s.tmux("-f", "/dev/null", "new-session", "-d", "-x", "100", "-y", "30", "-s", "e2e",
		"-e", "RUNEWIDTH_EASTASIAN=", "-e", "DUBAO_AMBIGUOUS_SETTLED=", "-e", "XDG_STATE_HOME="+t.TempDir(),
		"bash --norc --noprofile -i")
	t.Cleanup(func() { exec.Command("tmux", "-L", s.socket, "kill-server").Run() })
	s.tmux("send-keys", "-t", "e2e", "-l", bin+" --ambiguous narrow "+page)
	s.tmux("send-keys", "-t", "e2e", "Enter")
	s.waitLong("读报")
	s.keys("Enter") // the first story, longer than a screen
	s.waitLong("返回标题")
	top := s.capture()
	s.keys("C-f")
	down := s.waitChange(top)
	if !strings.Contains(down, "%") || bodyOf(down) == bodyOf(top) {
		t.Errorf("ctrl+f did not scroll the story:\n%s", down)
	}
	s.keys("C-b")
	if back := s.waitChange(down); rest(back) != rest(top) {
		t.Errorf("ctrl+b did not scroll back:\nbefore\n%s\nafter\n%s", top, back)
	}
	s.keys("C-z")
	if shell := s.waitLong("Stopped"); strings.Contains(shell, "返回标题") {
		t.Errorf("ctrl+z left the reader on the screen:\n%s", shell)
	}
	s.tmux("send-keys", "-t", "e2e", "-l", "fg")
	s.tmux("send-keys", "-t", "e2e", "Enter")
	s.waitLong("返回标题")
	s.keys("/")
	s.literal("的")
	s.keys("Enter")
	first := s.waitLong("的 1/")
	s.keys("/", "Enter")
	if again := s.waitLong("的 2/"); again == first {
		t.Errorf("/ enter did not go on to the next match:\n%s", again)
	}
	s.keys("q")
}

// waitChange waits up to e2eWait for the screen to differ from before.
func (s *tmuxSession) waitChange(before string) string {
	s.t.Helper()
	for start := time.Now(); time.Since(start) < e2eWait; time.Sleep(100 * time.Millisecond) {
		if now := s.capture(); now != before {
			time.Sleep(100 * time.Millisecond)
			return s.capture()
		}
	}
	s.t.Fatalf("the screen did not change:\n%s", before)
	return ""
}
