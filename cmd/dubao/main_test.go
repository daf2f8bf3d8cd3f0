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

	"github.com/dubaoreader/dubao/shelf"
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
	// The cache of parsed pages, for the tests here and the commands they
	// run: not the user's.
	os.Setenv("XDG_CACHE_HOME", filepath.Join(dir, "cache"))
	// And no shelf unless a test makes one: with none, no PATH is the sample.
	os.Setenv("XDG_DATA_HOME", filepath.Join(dir, "data"))
	os.Setenv("XDG_STATE_HOME", filepath.Join(dir, "state"))
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

func TestSearch(t *testing.T) {
	// The sample's words are the sample's: the query is the term its one
	// headline with a quoted term puts in quotes, read from the parsed sample.
	sample, _, err := issue([]string{"sample/sample.txt"})
	if err != nil {
		t.Fatal(err)
	}
	var title, q string
	for _, p := range sample.Pages {
		for _, a := range p.Articles {
			if _, rest, ok := strings.Cut(a.Title, "“"); ok && q == "" {
				q, _, _ = strings.Cut(rest, "”")
				title = a.Title
			}
		}
	}
	if q == "" {
		t.Fatal("no headline of the sample quotes a term")
	}
	tests := []struct {
		name  string
		stdin string
		args  []string
		code  int
		want  []string // lines of stdout, each as a substring, in order
	}{
		{"a match in a title and in a paragraph, marked", "", []string{"search", q}, 0, []string{
			"版次不详 " + title + "  标题：" + strings.Replace(title, q, "⟦"+q+"⟧", 1),
			"“⟦" + q + "⟧”",
		}},
		{"the sample when no PATH is given, a PATH when one is", "", []string{"search", q, "sample/sample.txt"}, 0, []string{"⟦" + q + "⟧", "⟦" + q + "⟧"}},
		{"Simplified finds Traditional, from standard input", "第2版\n台中市長陳國華相當期待。\n", []string{"search", "陈国华", "-"}, 0, []string{
			"  台中市長⟦陳國華⟧相當期待。",
		}},
		{"nothing found", "", []string{"search", "不在报上的词"}, 1, nil},
		{"flags after the query", "", []string{"search", q, "--json"}, 0, []string{`"match":"` + q + `"`, `"match":"` + q + `"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errs, code := dubao(t, tt.stdin, tt.args...)
			if code != tt.code || errs != "" {
				t.Fatalf("exit %d, stderr %q; want exit %d and nothing on stderr", code, errs, tt.code)
			}
			if strings.Contains(out, "\x1b") {
				t.Errorf("escapes in output to a pipe: %q", out)
			}
			lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
			if out == "" {
				lines = nil
			}
			if len(lines) != len(tt.want) {
				t.Fatalf("%d lines, want %d:\n%s", len(lines), len(tt.want), out)
			}
			for i, w := range tt.want {
				if !strings.Contains(lines[i], w) {
					t.Errorf("line %d is %q, want it to hold %q", i, lines[i], w)
				}
			}
		})
	}
}

func TestSearchBadInput(t *testing.T) {
	for _, args := range [][]string{
		{"search"},
		{"search", "  "},
		{"search", "税务", "no/such/file.txt"},
		{"search", "--nosuchflag", "税务"},
		{"search", "--dir", "x", "税务"}, // OpenCC's global flag is not ours
	} {
		out, errs, code := dubao(t, "", args...)
		if code != 2 || out != "" || strings.Count(errs, "\n") != 1 || !strings.HasPrefix(errs, "dubao: ") {
			t.Errorf("dubao %v: exit %d, stdout %q, stderr %q; want exit 2 and one line on stderr", args, code, out, errs)
		}
	}
}

func TestSearchJSON(t *testing.T) {
	out, errs, code := dubao(t, "", "search", "--json", "人民")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	type found struct {
		Page      int    `json:"page"`
		Title     string `json:"title"`
		Field     string `json:"field"`
		Paragraph *int   `json:"paragraph"`
		Start     int    `json:"start"`
		End       int    `json:"end"`
		Before    string `json:"before"`
		Match     string `json:"match"`
		After     string `json:"after"`
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) < 10 {
		t.Fatalf("%d matches of 人民 in the sample, want more", len(lines))
	}
	for i, l := range lines {
		var f found
		if err := json.Unmarshal([]byte(l), &f); err != nil {
			t.Fatalf("line %d is not a JSON object: %v: %q", i, err, l)
		}
		if f.Match != "人民" || f.Title == "" || f.Field != "paragraph" || f.Paragraph == nil || f.End-f.Start != len("人民") {
			t.Errorf("line %d: %+v", i, f)
		}
		if strings.Count(f.Before, "")-1 > 15 || strings.Count(f.After, "")-1 > 15 {
			t.Errorf("line %d: more than 15 characters of context: %+v", i, f)
		}
	}
}

// TestReaderSaysScrambled: a page file of scrambled text opened in the
// reader by its path is still read, and the reader is told in one line,
// twice over, by name, as the cache holds it the second time; the sample,
// extracted with -raw, is said nothing of.
func TestReaderSaysScrambled(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	var b strings.Builder
	b.WriteString("2024年3月13日 星期三 第3版\n")
	for range 20 {
		b.WriteString("区文联二届五次全委会议 各级协会认真学习贯彻会议精神\n")
	}
	path := filepath.Join(t.TempDir(), "p03.txt")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		is, warnings, err := issue([]string{path})
		if err != nil || len(is.Pages) != 1 {
			t.Fatalf("issue: %v", err)
		}
		// As the reader's status bar says it: the note, not a page that
		// could not be read (有版面读不好).
		warnings = pageWarnings(warnings)
		if len(warnings) != 1 || !strings.HasPrefix(warnings[0].Error(), "p03.txt ") || !strings.Contains(warnings[0].Error(), "pdftotext -raw") {
			t.Errorf("warnings %q, want one naming p03.txt and pdftotext -raw", warnings)
		}
	}
	if _, warnings, err := issue([]string{"sample/sample.txt"}); err != nil || len(warnings) != 0 {
		t.Errorf("the sample: %q, %v", warnings, err)
	}
}

// TestShelfDaySaysScrambled: a day of the shelf with a page of scrambled
// text says so when opened, the second time too, when the cache's summary
// of the folder answers without reading the file.
func TestShelfDaySaysScrambled(t *testing.T) {
	var b strings.Builder
	b.WriteString("2024年3月13日 星期三 第3版\n")
	for range 20 {
		b.WriteString("今天天气晴朗适合出门散步 明天或许下雨出门记得带伞\n")
	}
	shelfDir := t.TempDir()
	day := filepath.Join(shelfDir, "2024-03-13")
	if err := os.MkdirAll(day, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(day, "p03.txt"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	sh, err := shelf.Open(shelfDir)
	if err != nil {
		t.Fatal(err)
	}
	lib := library{sh: sh, cache: shelf.NewCache(t.TempDir(), shelf.TextParser())}
	for pass := range 2 {
		o, err := lib.Open("2024-03-13")
		if err != nil {
			t.Fatal(err)
		}
		if len(o.Warnings) != 1 || !strings.HasPrefix(o.Warnings[0].Error(), "p03.txt ") || !strings.Contains(o.Warnings[0].Error(), "pdftotext -raw") {
			t.Errorf("pass %d: warnings %q, want one naming p03.txt and pdftotext -raw", pass, o.Warnings)
		}
	}
}

// TestScrambledText: a page whose lines join neighbouring columns (plain
// pdftotext) is still parsed, and stderr says in one line how to extract
// it properly; the sample, extracted with -raw, says nothing.
func TestScrambledText(t *testing.T) {
	var b strings.Builder
	b.WriteString("2024年3月13日 星期三 第3版\n")
	for range 20 {
		b.WriteString("区文联二届五次全委会议 各级协会认真学习贯彻会议精神\n")
	}
	out, errs, code := dubao(t, b.String(), "parse", "-")
	if code != 0 || !strings.HasPrefix(out, "{") {
		t.Fatalf("exit %d, %q", code, out)
	}
	if strings.Count(errs, "\n") != 1 || !strings.Contains(errs, "pdftotext -raw") {
		t.Errorf("stderr %q, want one line naming pdftotext -raw", errs)
	}
	if _, errs, _ := dubao(t, "", "parse", "sample/sample.txt"); errs != "" {
		t.Errorf("the sample: stderr %q", errs)
	}
}
