package tui

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/dubaoreader/dubao/tui/layout"
)

// tmuxSession drives the real dubao binary in a detached tmux session of
// its own server.
type tmuxSession struct {
	t      *testing.T
	socket string
	w, h   int
}

// startTmux builds dubao and starts it in tmux at w×h with args, with a
// data and a state directory of its own, empty. It skips the test when
// tmux is missing, unless DUBAO_E2E=1 asks for it.
func startTmux(t *testing.T, w, h int, args ...string) *tmuxSession {
	t.Helper()
	skipWithoutTmux(t)
	return startTmuxIn(t, buildDubao(t), t.TempDir(), t.TempDir(), w, h, args...)
}

// skipWithoutTmux skips the test when tmux is missing, unless DUBAO_E2E=1
// asks for it, and in -short runs.
func skipWithoutTmux(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("drives the real binary in tmux")
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		if os.Getenv("DUBAO_E2E") == "1" {
			t.Fatal("DUBAO_E2E=1 but there is no tmux")
		}
		t.Skip("no tmux")
	}
}

// startTmuxIn starts the dubao at bin in tmux at w×h with args, with
// $XDG_DATA_HOME and $XDG_STATE_HOME given.
func startTmuxIn(t *testing.T, bin, dataHome, stateHome string, w, h int, args ...string) *tmuxSession {
	t.Helper()
	s := &tmuxSession{t: t, socket: fmt.Sprintf("dubao-e2e-%d-%d", os.Getpid(), time.Now().UnixNano()), w: w, h: h}
	cmd := "exec " + bin
	for _, a := range args {
		cmd += " '" + a + "'"
	}
	// A clean environment for the width: the test's own RUNEWIDTH_EASTASIAN
	// must not decide it.
	s.tmux("-f", "/dev/null", "new-session", "-d", "-x", fmt.Sprint(w), "-y", fmt.Sprint(h), "-s", "e2e",
		"-e", "RUNEWIDTH_EASTASIAN=", "-e", "DUBAO_AMBIGUOUS_SETTLED=",
		"-e", "XDG_DATA_HOME="+dataHome, "-e", "XDG_STATE_HOME="+stateHome,
		"-e", "XDG_CACHE_HOME="+filepath.Join(stateHome, "cache"), cmd)
	t.Cleanup(func() { exec.Command("tmux", "-L", s.socket, "kill-server").Run() })
	s.waitFor("读报", "讀報") // the masthead, in the script of the pages
	return s
}

// buildDubao builds the dubao command into a temporary directory.
func buildDubao(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "dubao")
	if out, err := exec.Command("go", "build", "-o", bin, "../cmd/dubao").CombinedOutput(); err != nil {
		t.Fatalf("build dubao: %v\n%s", err, out)
	}
	return bin
}

func (s *tmuxSession) tmux(args ...string) string {
	s.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", s.socket}, args...)...).CombinedOutput()
	if err != nil {
		s.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

func (s *tmuxSession) capture() string { return s.tmux("capture-pane", "-p", "-t", "e2e") }

// keys sends tmux key names and lets the reader draw.
func (s *tmuxSession) keys(k ...string) {
	s.t.Helper()
	s.tmux(append([]string{"send-keys", "-t", "e2e"}, k...)...)
	time.Sleep(150 * time.Millisecond)
}

// waitFor waits up to five seconds for text, or one of or, to be on the
// screen.
func (s *tmuxSession) waitFor(text string, or ...string) string {
	s.t.Helper()
	var screen string
	for range 50 {
		screen = s.capture()
		for _, t := range append([]string{text}, or...) {
			if strings.Contains(screen, t) {
				return screen
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	s.t.Fatalf("%q never appeared:\n%s", append([]string{text}, or...), screen)
	return ""
}

// checkWidths fails unless every captured line fits the pane. tmux draws
// the ambiguous characters in one cell, so it is measured Narrow.
func (s *tmuxSession) checkWidths(screen string) {
	s.t.Helper()
	m := layout.NewMeasure(layout.Narrow)
	lines := strings.Split(strings.TrimRight(screen, "\n"), "\n")
	if len(lines) > s.h {
		s.t.Errorf("%d lines captured in a pane %d high", len(lines), s.h)
	}
	for i, l := range lines {
		if w := m.StringWidth(l); w > s.w {
			s.t.Errorf("line %d is %d cells in a pane %d wide: %q", i, w, s.w, l)
		}
	}
}

// env returns the environment of the program in the pane.
func (s *tmuxSession) env() string {
	pid := strings.TrimSpace(s.tmux("list-panes", "-t", "e2e", "-F", "#{pane_pid}"))
	b, err := os.ReadFile("/proc/" + pid + "/environ")
	if err != nil {
		s.t.Skipf("cannot read the pane's environment: %v", err)
	}
	return strings.ReplaceAll(string(b), "\x00", "\n")
}

// bodyOf joins what the body pane shows, for finding text broken across
// lines: everything right of the list's border, without spaces.
func bodyOf(screen string) string {
	var b strings.Builder
	for _, l := range strings.Split(screen, "\n") {
		if _, right, ok := strings.Cut(l, "││"); ok {
			b.WriteString(strings.TrimRight(right, " │"))
		}
	}
	return strings.NewReplacer(" ", "", "\u3000", "").Replace(b.String())
}

func TestEndToEnd(t *testing.T) {
	s := startTmux(t, 100, 30, "--ambiguous", "auto")
	screen := s.capture()
	s.checkWidths(screen)
	if env := s.env(); strings.Contains(env, "DUBAO_AMBIGUOUS_SETTLED=1") {
		t.Error("auto in tmux (which draws ambiguous narrow) restarted dubao")
	}

	// The second headline, opened, scrolled.
	s.keys("j")
	s.keys("Enter")
	second := goldPage(t, "seed").Articles[1]
	screen = s.waitFor(second.Title)
	s.checkWidths(screen)
	if !strings.Contains(bodyOf(screen), string([]rune(second.Paragraphs[1])[:13])) {
		t.Errorf("the article's text is not in the body:\n%s", screen)
	}
	s.keys("J") // the long third article
	s.keys("Space")
	screen = s.capture()
	s.checkWidths(screen)
	if !strings.Contains(screen, "%") {
		t.Errorf("no scroll position after scrolling:\n%s", screen)
	}
	s.keys("?")
	s.checkWidths(s.waitFor("首行缩进"))
	s.keys("Escape")
	s.keys("q")
	for range 30 {
		if exec.Command("tmux", "-L", s.socket, "has-session", "-t", "e2e").Run() != nil {
			return // quit
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Errorf("q did not quit:\n%s", s.capture())
}

// TestEndToEndWide asks for wide ambiguous characters: dubao must start
// itself again with RUNEWIDTH_EASTASIAN=1 so lipgloss and bubbletea agree.
// tmux draws them narrow, so lines come out short, never long.
func TestEndToEndWide(t *testing.T) {
	s := startTmux(t, 100, 30, "--ambiguous", "wide")
	env := s.env()
	if !strings.Contains(env, "\nRUNEWIDTH_EASTASIAN=1\n") || !strings.Contains(env, "DUBAO_AMBIGUOUS_SETTLED=1") {
		t.Errorf("not restarted with the renderer set wide; environment:\n%s", env)
	}
	s.keys("j", "Enter", "Space")
	s.checkWidths(s.capture())
	s.keys("/")
	q := quotedTerm(t)
	s.literal("“" + q + "”")
	s.checkWidths(s.waitFor("1/"))
	s.keys("Enter", "n")
	s.checkWidths(s.waitFor(q + "” 2/"))
	s.keys("q")
}

// literal types text into the pane as it is, UTF-8 and all, as an input
// method would hand it to the terminal.
func (s *tmuxSession) literal(text string) {
	s.t.Helper()
	s.tmux("send-keys", "-t", "e2e", "-l", text)
	time.Sleep(150 * time.Millisecond)
}

// statusLine returns the last line of the screen.
func statusLine(screen string) string {
	lines := strings.Split(strings.TrimRight(screen, "\n"), "\n")
	return lines[len(lines)-1]
}

// TestEndToEndSearch searches two pages, one of them Traditional, with
// Chinese typed into the prompt: the counter says 1/N, the body shows the
// match, n moves the counter on; a Simplified query finds the Traditional
// page's 國民黨.
func TestEndToEndSearch(t *testing.T) {
	var paths []string
	for _, n := range []string{"seed", "d02"} {
		p, err := filepath.Abs(filepath.Join("testdata", n+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	s := startTmux(t, 100, 30, append([]string{"--ambiguous", "auto"}, paths...)...)

	s.keys("/")
	s.literal("税务")
	screen := s.waitFor("1/")
	s.checkWidths(screen)
	if bar := statusLine(screen); !strings.HasPrefix(strings.TrimSpace(bar), "/税务") {
		t.Errorf("the prompt does not show what was typed: %q", bar)
	}
	s.keys("Enter")
	screen = s.waitFor("税务 1/")
	s.checkWidths(screen)
	counter := regexp.MustCompile(`税务 (\d+)/(\d+)`)
	got := counter.FindStringSubmatch(statusLine(screen))
	if got == nil || got[1] != "1" {
		t.Fatalf("after enter the status bar says %q, want 税务 1/N", statusLine(screen))
	}
	total := got[2]
	if !strings.Contains(bodyOf(screen), "税务") {
		t.Errorf("the body does not show the match:\n%s", screen)
	}
	s.keys("n")
	screen = s.capture()
	if got := counter.FindStringSubmatch(statusLine(screen)); got == nil || got[1] != "2" || got[2] != total {
		t.Errorf("after n the status bar says %q, want 税务 2/%s", statusLine(screen), total)
	}

	// Simplified finds Traditional.
	s.keys("/")
	s.literal("国民党")
	s.keys("Enter")
	screen = s.waitFor("国民党 1/")
	s.checkWidths(screen)
	if !strings.Contains(bodyOf(screen), "國民黨") {
		t.Errorf("国民党 does not find 國民黨:\n%s", screen)
	}
	// esc goes back: the prompt opened and cancelled leaves the search.
	s.keys("/")
	s.literal("人民")
	s.keys("Escape")
	if bar := statusLine(s.capture()); !strings.Contains(bar, "国民党 1/") {
		t.Errorf("esc did not go back to the search before: %q", bar)
	}
	s.keys("q")
}

// TestEndToEndShelf is a new reader's first days: a shelf of three dates,
// one holding a story that goes on from page 1 to page 11. Open the shelf,
// open that day, read the story to its end across the seam, step back a
// little, quit; start again, open the day, and be where the reading
// stopped — the same story, the same lines on the screen.
func TestEndToEndShelf(t *testing.T) {
	skipWithoutTmux(t)
	data, state := t.TempDir(), t.TempDir()
	papers := filepath.Join(data, "dubao", "papers")
	for dir, pages := range map[string]map[string]string{
		"2019-02-21": {"03.txt": "d01.txt"},
		"20190222":   {"01.txt": "front.txt", "11.txt": "d04.txt"},
		"2020-02-13": {"07.txt": "d03.txt"},
	} {
		for name, from := range pages {
			b, err := os.ReadFile(filepath.Join("testdata", from))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.MkdirAll(filepath.Join(papers, dir), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(papers, dir, name), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	bin := buildDubao(t)
	s := startTmuxIn(t, bin, data, state, 100, 30, "--ambiguous", "narrow")
	screen := s.waitFor("书架")
	s.checkWidths(screen)
	days := []string{"2020年2月13日", "2019年2月22日", "2019年2月21日"}
	last := -1
	for _, d := range days {
		i := strings.Index(screen, d)
		if i < last {
			t.Fatalf("the shelf does not list the days newest first:\n%s", screen)
		}
		last = i
	}
	s.waitFor("未打开 · 共 6 篇")

	// The day with the story across the seam, and the story.
	s.keys("j", "Enter")
	s.checkWidths(s.waitFor("第11版"))
	s.keys("Enter")
	seam := false
	for range 40 {
		screen = s.capture()
		s.checkWidths(screen)
		seam = seam || strings.Contains(screen, "— 转第11版 —")
		if strings.Contains(screen, "100% ─") {
			break
		}
		s.keys("Space")
	}
	if !seam {
		t.Error("reading the story through, the seam mark — 转第11版 — never showed")
	}
	if body := bodyOf(screen); !strings.Contains(body, storyEnd(t)) {
		t.Fatalf("the end of the story, on page 11, is not on the screen:\n%s", screen)
	}
	s.keys("k", "k", "k")
	before := s.capture()
	s.keys("q")
	s.waitGone()

	// Again: the day says what is unread, and opens where the reading stopped.
	s = startTmuxIn(t, bin, data, state, 100, 30, "--ambiguous", "narrow")
	s.waitFor("未读 4 · 共 5 篇")
	s.keys("j", "Enter")
	after := s.waitFor("第11版")
	if rest(after) != rest(before) {
		t.Errorf("reopened, the screen is not where the reading stopped:\nbefore\n%s\nafter\n%s", before, after)
	}
	s.keys("q")
}

// rest is a captured screen without its status bar, which says passing
// things.
func rest(screen string) string {
	screen = strings.TrimRight(screen, "\n")
	return screen[:strings.LastIndex(screen, "\n")]
}

// waitGone waits up to thirty seconds for dubao to quit.
func (s *tmuxSession) waitGone() {
	s.t.Helper()
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if exec.Command("tmux", "-L", s.socket, "has-session", "-t", "e2e").Run() != nil {
			return
		}
	}
	s.t.Fatalf("dubao did not quit:\n%s", s.capture())
}

// storyEnd is the last words of the story the front page begins: the end of
// d04's continuation, read from its gold page.
func storyEnd(t *testing.T) string {
	t.Helper()
	for _, a := range goldPage(t, "d04").Articles {
		if a.ContinuedFrom == 1 && len(a.Paragraphs) > 0 {
			r := []rune(a.Paragraphs[len(a.Paragraphs)-1])
			return string(r[max(0, len(r)-12):])
		}
	}
	t.Fatal("d04 continues no story from page 1")
	return ""
}
