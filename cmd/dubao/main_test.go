package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/dubaoreader/dubao/tui/layout"
)

// bin is the dubao command, built once by TestMain.
var bin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "dubao-cmd-test")
	if err != nil {
		panic(err)
	}
	bin = filepath.Join(dir, "dubao")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "build: %v\n%s", err, out)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// dubao runs the command with args and stdin.
func dubao(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Stdin = strings.NewReader(stdin)
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return o.String(), e.String(), code
}

func TestParse(t *testing.T) {
	out, errs, code := dubao(t, "", "parse", "sample/sample.txt")
	var page struct {
		Articles []struct{ Title string } `json:"articles"`
	}
	if code != 0 || json.Unmarshal([]byte(out), &page) != nil || len(page.Articles) == 0 {
		t.Fatalf("parse sample: exit %d, %q, stderr %q", code, out, errs)
	}
	if strings.Count(strings.TrimSpace(out), "\n") != 0 {
		t.Error("the JSON is not compact without --pretty")
	}
	pretty, _, _ := dubao(t, "", "parse", "--pretty", "sample/sample.txt")
	if !strings.Contains(pretty, "\n  \"articles\"") {
		t.Error("--pretty does not indent")
	}
	stdin, _, _ := dubao(t, "第3版\n标题\n正文。\n", "parse", "-")
	if !strings.HasPrefix(stdin, "{") {
		t.Errorf("parse - : %q", stdin)
	}
}

func TestErrorsAreOneLine(t *testing.T) {
	for _, args := range [][]string{
		{"parse", "no/such/file.txt"},
		{"no/such/file.txt"},
		{"cat", "no/such/file.txt"},
		{"--ambiguous", "sideways"},
		{"--nosuchflag"},
		{"cat", "--width", "x"},
	} {
		out, errs, code := dubao(t, "", args...)
		if code == 0 || out != "" || strings.Count(errs, "\n") != 1 || !strings.HasPrefix(errs, "dubao: ") {
			t.Errorf("dubao %v: exit %d, stdout %q, stderr %q; want one line on stderr and a non-zero exit", args, code, out, errs)
		}
	}
}

func TestCatToAPipe(t *testing.T) {
	m := layout.NewMeasure(layout.Narrow)
	for _, w := range []int{24, 80} {
		out, errs, code := dubao(t, "", "cat", "--width", strconv.Itoa(w))
		if code != 0 || strings.Contains(out, "\x1b") {
			t.Fatalf("cat --width %d: exit %d, stderr %q, escapes in output: %v", w, code, errs, strings.Contains(out, "\x1b"))
		}
		for _, l := range strings.Split(out, "\n") {
			if lw := m.StringWidth(l); lw > w {
				t.Errorf("cat --width %d: a line of %d cells: %q", w, lw, l)
			}
		}
	}
}
