package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dubaoreader/dubao/tui/layout"
)

func TestHelpAndVersion(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"-h"}, {"help"}} {
		out, errs, code := dubao(t, "", args...)
		if code != 0 || errs != "" || !strings.Contains(out, "usage:") || !strings.Contains(out, "-measure") || !strings.Contains(out, "dubao cat") {
			t.Errorf("dubao %v: exit %d, stderr %q; want the help on stdout:\n%s", args, code, errs, out)
		}
	}
	for _, args := range [][]string{{"cat", "-h"}, {"help", "cat"}} {
		out, errs, code := dubao(t, "", args...)
		if code != 0 || errs != "" || !strings.Contains(out, "-width") {
			t.Errorf("dubao %v: exit %d, stderr %q, stdout %q", args, code, errs, out)
		}
	}
	for _, args := range [][]string{{"--version"}, {"version"}} {
		out, errs, code := dubao(t, "", args...)
		if code != 0 || errs != "" || !strings.HasPrefix(out, "dubao ") || strings.Count(out, "\n") != 1 {
			t.Errorf("dubao %v: exit %d, stderr %q, stdout %q", args, code, errs, out)
		}
	}
	if _, errs, code := dubao(t, "", "help", "nosuch"); code == 0 || !strings.Contains(errs, "no such command") {
		t.Errorf("help nosuch: exit %d, %q", code, errs)
	}
}

func TestDateIsADate(t *testing.T) {
	shelf := t.TempDir()
	os.MkdirAll(filepath.Join(shelf, "2024-03-12"), 0o755)
	for _, d := range []string{"2020-13-45", "yesterday", "2024-02-30", "202403"} {
		_, errs, code := dubao(t, "", "--shelf", shelf, "--date", d)
		if code == 0 || !strings.Contains(errs, "not a date") {
			t.Errorf("--date %s: exit %d, %q; want not a date", d, code, errs)
		}
	}
	for _, d := range []string{"2024-03-13", "20240313"} {
		if _, errs, _ := dubao(t, "", "--shelf", shelf, "--date", d); !strings.Contains(errs, "no issue of that date") {
			t.Errorf("--date %s (a date, not on the shelf): %q", d, errs)
		}
	}
}

// TestCompletion checks each shell's script names every command and flag,
// parses in its shell where the shell is here, and in bash completes.
func TestCompletion(t *testing.T) {
	for _, sh := range []string{"bash", "zsh", "fish"} {
		out, errs, code := dubao(t, "", "completion", sh)
		if code != 0 || errs != "" {
			t.Fatalf("completion %s: exit %d, %q", sh, code, errs)
		}
		for _, c := range commands() {
			if c.name != "" && !strings.Contains(out, c.name) {
				t.Errorf("%s: no command %s", sh, c.name)
			}
			for _, f := range flagsOf(c) {
				if !strings.Contains(out, f.name) {
					t.Errorf("%s: no flag --%s of %q", sh, f.name, c.name)
				}
			}
		}
		if path, err := exec.LookPath(sh); err == nil && sh != "fish" {
			if b, err := exec.Command(path, "-n", "-c", out).CombinedOutput(); err != nil {
				t.Errorf("%s -n: %v\n%s", sh, err, b)
			}
		}
	}
	if _, _, code := dubao(t, "", "completion", "tcsh"); code == 0 {
		t.Error("completion tcsh succeeded")
	}
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("no bash")
	}
	script, _, _ := dubao(t, "", "completion", "bash")
	for _, tt := range []struct{ line, want string }{
		{"dubao cat --w", "--width"},
		{"dubao --th", "--theme"},
		{"dubao --theme co", "contrast"},
		{"dubao comp", "completion"},
		{"dubao completion z", "zsh"},
		{"dubao search --j", "--json"},
	} {
		words := strings.Fields(tt.line)
		prog := script + "\nCOMP_WORDS=(" + tt.line + ")\nCOMP_CWORD=" + strconv.Itoa(len(words)-1) + "\n_dubao\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n"
		b, err := exec.Command("bash", "-c", prog).CombinedOutput()
		if err != nil || !strings.Contains(string(b), tt.want) {
			t.Errorf("completing %q: %v %q, want %s", tt.line, err, b, tt.want)
		}
	}
}

// TestManPage checks the manual names every command, flag and key, and
// that groff reads it without a warning where groff is here.
func TestManPage(t *testing.T) {
	out, errs, code := dubao(t, "", "man")
	if code != 0 || errs != "" || !strings.HasPrefix(out, ".TH DUBAO 1") {
		t.Fatalf("man: exit %d, %q:\n%.200s", code, errs, out)
	}
	for _, c := range commands() {
		for _, f := range flagsOf(c) {
			if !strings.Contains(out, `\-\-`+strings.ReplaceAll(f.name, "-", `\-`)) {
				t.Errorf("the man page has no --%s", f.name)
			}
		}
	}
	for _, want := range []string{"KEYS", "FILES", "EXIT STATUS", "config.toml", "143"} {
		if !strings.Contains(out, want) {
			t.Errorf("the man page does not say %q", want)
		}
	}
	if _, err := exec.LookPath("groff"); err == nil {
		cmd := exec.Command("groff", "-k", "-man", "-Tutf8", "-ww", "-z")
		cmd.Stdin = strings.NewReader(out)
		if b, err := cmd.CombinedOutput(); err != nil || len(b) > 0 {
			t.Errorf("groff: %v\n%s", err, b)
		}
	}
}

func TestCatStoryAndMarkdown(t *testing.T) {
	out, errs, code := dubao(t, "", "cat", "--ambiguous", "auto", "--story", "1", "--format", "md", "sample/sample.txt")
	if code != 0 || errs != "" || !strings.Contains(out, "# ") || strings.Contains(out, "\x1b") {
		t.Fatalf("cat --story 1 --format md: exit %d, %q:\n%s", code, errs, out)
	}
	all, _, _ := dubao(t, "", "cat", "--format", "md", "sample/sample.txt")
	if len(all) <= len(out) || !strings.Contains(all, strings.TrimSpace(strings.SplitN(out, "\n", 2)[0])) {
		t.Errorf("the whole issue in Markdown does not hold the first story's first line")
	}
	for _, args := range [][]string{{"--story", "999"}, {"--format", "html"}, {"--ambiguous", "sideways"}} {
		_, errs, code := dubao(t, "", append([]string{"cat"}, append(args, "sample/sample.txt")...)...)
		if code == 0 || strings.Count(errs, "\n") != 1 {
			t.Errorf("cat %v: exit %d, %q", args, code, errs)
		}
	}
}

// TestCatPipedIsAsWideAsTheTerminal runs dubao cat with its output to a
// file inside a tmux pane 100 columns wide: the lines fill 100 columns, not
// 80.
func TestCatPipedIsAsWideAsTheTerminal(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		if os.Getenv("DUBAO_E2E") == "1" {
			t.Fatal("DUBAO_E2E=1 but there is no tmux")
		}
		t.Skip("no tmux")
	}
	out := filepath.Join(t.TempDir(), "out.txt")
	socket := "dubao-cat-" + strconv.Itoa(os.Getpid())
	defer exec.Command("tmux", "-L", socket, "kill-server").Run()
	cmd := exec.Command("tmux", "-L", socket, "-f", "/dev/null", "new-session", "-d", "-x", "100", "-y", "30",
		"-e", "COLUMNS=", bin+" cat sample/sample.txt > "+out+".part && mv "+out+".part "+out+"; sleep 60")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("tmux: %v %s", err, b)
	}
	var text []byte
	for start := time.Now(); time.Since(start) < 30*time.Second; time.Sleep(100 * time.Millisecond) {
		if b, err := os.ReadFile(out); err == nil {
			text = b
			break
		}
	}
	widest := 0
	m := layout.NewMeasure(layout.Narrow)
	for _, l := range strings.Split(string(text), "\n") {
		widest = max(widest, m.StringWidth(l))
	}
	if widest <= 80 || widest > 100 {
		t.Errorf("piped in a terminal 100 wide, the widest line is %d cells", widest)
	}
}

// dubaoCmd is the dubao command with args, to set up and run.
func dubaoCmd(args ...string) *exec.Cmd { return exec.Command(bin, args...) }
