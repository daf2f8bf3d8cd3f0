package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dubaoreader/dubao/model"
)

// The pages of a two-page issue: a front page whose lead goes on to page
// 11, and page 11 (d04 of the corpus), which takes it up with （上接第1版）.
var (
	frontTxt = filepath.Join("..", "..", "tui", "testdata", "front.txt")
	d04Txt   = filepath.Join("..", "..", "tui", "testdata", "d04.txt")
)

// issueDir makes a folder of the two pages, named so that the names do not
// give their order: the numbers printed on them do.
func issueDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	copyFile(t, d04Txt, filepath.Join(dir, "a.txt"))
	copyFile(t, frontTxt, filepath.Join(dir, "b.txt"))
	return dir
}

// continuation returns the first words of page 11's text after its
// （上接第1版）, read from the page.
func continuation(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(d04Txt)
	if err != nil {
		t.Fatal(err)
	}
	_, after, ok := strings.Cut(string(b), "（上接第1版）")
	if r := []rune(after); ok && len(r) >= 5 {
		return string(r[:5])
	}
	t.Fatal("no （上接第1版） on page 11")
	return ""
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// checkIssueJSON checks the issue JSON of the two pages: the date, the
// pages in order, every article once, the continued one joined.
func checkIssueJSON(t *testing.T, out string) {
	t.Helper()
	var is model.IssueJSON
	if err := json.Unmarshal([]byte(out), &is); err != nil {
		t.Fatalf("not the issue's JSON: %v\n%.300s", err, out)
	}
	if is.Date != "2019-02-22" || len(is.Pages) != 2 || is.Pages[0].Page != 1 || is.Pages[1].Page != 11 {
		t.Fatalf("date %q, %d pages", is.Date, len(is.Pages))
	}
	arts := 0
	for _, p := range is.Pages {
		arts += len(p.Articles)
	}
	if len(is.Articles) != arts-1 {
		t.Errorf("%d articles in the issue, %d on its pages: want one fewer, the continuation joined", len(is.Articles), arts)
	}
	var joined *model.StoryJSON
	for i, a := range is.Articles {
		if len(a.Pages) == 2 {
			joined = &is.Articles[i]
		}
	}
	if joined == nil {
		t.Fatal("no article spans two pages")
	}
	if !slices.Equal(joined.Pages, []int{1, 11}) || joined.Title != is.Pages[0].Articles[0].Title {
		t.Errorf("the joined article: %q on pages %v", joined.Title, joined.Pages)
	}
	first := is.Pages[0].Articles[0].Paragraphs
	if len(joined.Paragraphs) <= len(first) || joined.Paragraphs[0] != first[0] || !strings.HasPrefix(joined.Paragraphs[len(first)], continuation(t)) {
		t.Errorf("the joined article's paragraphs are not the first part's and then the second's: %d, %.40q", len(joined.Paragraphs), joined.Paragraphs)
	}
}

func TestParseFolderIsTheIssue(t *testing.T) {
	out, errs, code := dubao(t, "", "parse", issueDir(t))
	if code != 0 || errs != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	checkIssueJSON(t, out)
}

func TestParseFileOfSeveralPagesIsTheIssue(t *testing.T) {
	front, _ := os.ReadFile(frontTxt)
	d04, _ := os.ReadFile(d04Txt)
	both := string(front) + "\f" + string(d04)
	path := filepath.Join(t.TempDir(), "paper.txt")
	os.WriteFile(path, []byte(both), 0o644)
	for _, args := range [][]string{{"parse", path}, {"parse", "-"}} {
		out, errs, code := dubao(t, both, args...)
		if code != 0 || errs != "" {
			t.Fatalf("%v: exit %d, stderr %q", args, code, errs)
		}
		checkIssueJSON(t, out)
	}
	// A file of one page is the page, as before.
	out, _, _ := dubao(t, "", "parse", frontTxt)
	var page model.PageJSON
	if err := json.Unmarshal([]byte(out), &page); err != nil || page.Page != 1 || strings.Contains(out, `"pages"`) {
		t.Errorf("one page: %v, %.200s", err, out)
	}
}

func TestCatAndSearchReadAFolder(t *testing.T) {
	dir := issueDir(t)
	out, errs, code := dubao(t, "", "search", continuation(t), dir)
	if code != 0 || !strings.Contains(out, "第11版") {
		t.Errorf("search in a folder: exit %d, %q, %q", code, out, errs)
	}
	out, errs, code = dubao(t, "", "cat", dir)
	if code != 0 || !strings.Contains(out, "第1版") || !strings.Contains(out, "第11版") {
		t.Errorf("cat of a folder: exit %d, stderr %q", code, errs)
	}
	if _, errs, code := dubao(t, "", "parse", t.TempDir()); code == 0 || !strings.Contains(errs, "no page files") {
		t.Errorf("an empty folder: exit %d, %q", code, errs)
	}
}

func TestIssueKey(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name  string
		is    *model.Issue
		paths []string
		want  string
	}{
		{"the sample", &model.Issue{}, nil, "sample"},
		{"the date the pages print", &model.Issue{Date: "2024-03-13"}, []string{"x.txt"}, "2024-03-13"},
		{"else the paths, absolute", &model.Issue{}, []string{dir, filepath.Join(dir, "p.txt")}, dir + "\n" + filepath.Join(dir, "p.txt")},
		{"standard input is not remembered", &model.Issue{}, []string{"-"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := issueKey(tt.is, tt.paths); got != tt.want {
				t.Errorf("issueKey = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestShelfFlagsSayWhatIsWrong runs dubao on a shelf of one day with dates
// and shelves it has not: one line each, and a non-zero exit, before any
// screen is drawn.
func TestShelfFlagsSayWhatIsWrong(t *testing.T) {
	data := t.TempDir()
	copyFile(t, frontTxt, filepath.Join(data, "dubao", "papers", "2019-02-22", "01.txt"))
	tests := []struct {
		env  string // XDG_DATA_HOME
		args []string
		want string
	}{
		{data, []string{"--date", "2019-03-01"}, "no issue of that date on the shelf"},
		{data, []string{"--date", "20190301"}, "no issue of that date"},
		{data, []string{"--shelf", filepath.Join(data, "nosuch")}, "no such folder"},
		{filepath.Join(data, "nosuch"), []string{"--date", "2019-02-22"}, "there is no shelf at"},
		{data, []string{"--date", "2019-02-22", frontTxt}, "give them no PATH"},
	}
	for _, tt := range tests {
		cmd := exec.Command(bin, tt.args...)
		cmd.Env = append(os.Environ(), "XDG_DATA_HOME="+tt.env, "XDG_STATE_HOME="+t.TempDir())
		var o, e bytes.Buffer
		cmd.Stdout, cmd.Stderr = &o, &e
		err := cmd.Run()
		errs := e.String()
		if err == nil || o.Len() > 0 || strings.Count(errs, "\n") != 1 || !strings.Contains(errs, tt.want) {
			t.Errorf("dubao %v: %v, stdout %q, stderr %q; want one line saying %q", tt.args, err, o.String(), errs, tt.want)
		}
	}
}
