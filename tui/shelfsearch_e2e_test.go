package tui

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// quitLong quits with q and waits up to e2eWait for dubao to end.
func (s *tmuxSession) quitLong() {
	s.t.Helper()
	s.keys("q")
	for end := time.Now().Add(e2eWait); time.Now().Before(end); time.Sleep(50 * time.Millisecond) {
		if exec.Command("tmux", "-L", s.socket, "has-session", "-t", "e2e").Run() != nil {
			return
		}
	}
	s.t.Fatalf("dubao did not quit:\n%s", s.capture())
}

// papersOnShelf writes a shelf of four issues, two of them papers of one
// day, into $XDG_DATA_HOME/dubao/papers under data.
func papersOnShelf(t *testing.T, data string) {
	t.Helper()
	papers := filepath.Join(data, "dubao", "papers")
	for dir, from := range map[string]string{
		"2019-02-21":    "d01.txt",
		"20190222-人民日报": "d03.txt",
		"20190222-晋中日报": "d05.txt",
		"2020-02-13":    "d06.txt",
	} {
		b, err := os.ReadFile(filepath.Join("testdata", from))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Join(papers, dir), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(papers, dir, "01.txt"), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// In tmux: / on the shelf searches every issue, the results newest first
// with date, paper and page; enter opens the day at the match, and n goes
// on in it. The same search again, from the cache.
func TestEndToEndShelfSearch(t *testing.T) {
	skipWithoutTmux(t)
	data, state := t.TempDir(), t.TempDir()
	papersOnShelf(t, data)
	bin := buildDubao(t)
	for _, run := range []string{"cold", "warm"} {
		s := startTmuxIn(t, bin, data, state, 100, 30, "--ambiguous", "narrow")
		s.waitLong("书架")
		s.keys("/")
		s.literal("工作")
		s.keys("Enter")
		screen := s.waitLong("找到")
		s.checkWidths(screen)
		// The results' dates, newest first.
		dates := regexp.MustCompile(`20\d\d-\d\d-\d\d`).FindAllString(screen, -1)
		if len(dates) < 2 {
			t.Fatalf("%s: fewer than two results:\n%s", run, screen)
		}
		for i := 1; i < len(dates); i++ {
			if dates[i] > dates[i-1] {
				t.Fatalf("%s: results not newest first (%s before %s):\n%s", run, dates[i-1], dates[i], screen)
			}
		}
		if !strings.Contains(screen, "第") || !strings.Contains(screen, "“工作”") {
			t.Errorf("%s: the results do not name the page and the query:\n%s", run, screen)
		}
		s.keys("Enter")
		screen = s.waitLong("工作 1/")
		s.checkWidths(screen)
		if !strings.Contains(bodyOf(screen), "工作") {
			t.Errorf("%s: the match is not in the body:\n%s", run, screen)
		}
		s.keys("n")
		s.waitLong("工作 2/")
		s.quitLong()
	}
}

// In tmux: two papers of one day are two rows, each naming its paper;
// each opens its own issue, and what is read in one is counted in it
// alone, after a restart too.
func TestEndToEndTwoPapersADay(t *testing.T) {
	skipWithoutTmux(t)
	data, state := t.TempDir(), t.TempDir()
	papersOnShelf(t, data)
	bin := buildDubao(t)
	s := startTmuxIn(t, bin, data, state, 100, 30, "--ambiguous", "narrow")
	screen := s.waitLong("晋中日报")
	s.checkWidths(screen)
	row := func(screen, paper string) string {
		for _, l := range strings.Split(screen, "\n") {
			if strings.Contains(l, paper) {
				return l
			}
		}
		t.Fatalf("no row of %s:\n%s", paper, screen)
		return ""
	}
	if !strings.Contains(row(screen, "人民日报"), "2019年2月22日") || !strings.Contains(row(screen, "晋中日报"), "2019年2月22日") {
		t.Fatalf("the two papers of 2019-02-22 are not two rows of that day:\n%s", screen)
	}
	s.waitLong("未打开")
	// The second row is 人民日报 (folders of a day in name order): open it,
	// read its first story, go back.
	s.keys("j", "Enter")
	first := s.waitLong("未读")
	s.keys("Enter")
	s.keys("s")
	screen = s.waitLong("4 期") // the shelf's top edge
	rm, jz := row(screen, "人民日报"), row(screen, "晋中日报")
	if !strings.Contains(rm, "未读") || !strings.Contains(jz, "未打开") {
		t.Fatalf("after reading in 人民日报: %q and %q", rm, jz)
	}
	// The other paper opens its own issue.
	s.keys("j", "Enter")
	other := s.waitLong("未读")
	if strings.Split(rest(other), "\n")[3] == strings.Split(rest(first), "\n")[3] {
		t.Fatal("the second paper did not open")
	}
	s.keys("s")
	s.waitLong("4 期")
	s.quitLong()
	s = startTmuxIn(t, bin, data, state, 100, 30, "--ambiguous", "narrow")
	screen = s.waitLong("晋中日报")
	for end := time.Now().Add(e2eWait); strings.Contains(screen, "…") && time.Now().Before(end); time.Sleep(50 * time.Millisecond) {
		screen = s.capture() // the rows counted
	}
	if rm, jz := row(screen, "人民日报"), row(screen, "晋中日报"); rm == jz || !strings.Contains(rm, "未读") {
		t.Errorf("after a restart: %q and %q", rm, jz)
	}
	s.quitLong()
}
