package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dubaoreader/dubao/shelf"
)

// testShelf makes a shelf of four issues: three days, the middle one with
// two papers, each a page of the corpus.
func testShelf(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for folder, page := range map[string]string{
		"2019-02-21":      "d01.txt",
		"20190222-人民日报":   "d03.txt",
		"20190222-晋中日报":   "d02.txt",
		"2019-02-23 晋中日报": "d05.txt",
	} {
		copyFile(t, filepath.Join("..", "..", "tui", "testdata", page), filepath.Join(dir, folder, "01.txt"))
	}
	return dir
}

// With no PATH, search searches the shelf: newest first, each match
// naming its date and paper, --from, --to and --date choosing the days;
// warm or cold alike.
func TestSearchTheShelf(t *testing.T) {
	dir := testShelf(t)
	days := func(args ...string) (out []string, code int) {
		stdout, stderr, code := dubao(t, "", append([]string{"search", "--json", "--shelf", dir}, args...)...)
		if stderr != "" {
			t.Fatalf("%v: stderr %q", args, stderr)
		}
		for _, l := range strings.Split(strings.TrimSpace(stdout), "\n") {
			if l == "" {
				continue
			}
			var f struct {
				Date, Paper, Title string
				Story, Page        int
			}
			if err := json.Unmarshal([]byte(l), &f); err != nil {
				t.Fatal(err)
			}
			if f.Title == "" {
				t.Fatalf("a match with no title: %s", l)
			}
			day := f.Date + " " + f.Paper
			if len(out) == 0 || out[len(out)-1] != day {
				out = append(out, day)
			}
		}
		return out, code
	}
	for range 2 { // cold, then from the cache
		got, code := days("发展")
		if want := "2019-02-23 晋中日报|2019-02-22 人民日报|2019-02-22 晋中日报|2019-02-21 "; code != 0 || strings.Join(got, "|") != want {
			t.Fatalf("days %q (exit %d), want %s", got, code, want)
		}
	}
	if got, _ := days("发展", "--from", "2019-02-22", "--to", "20190222"); strings.Join(got, ",") != "2019-02-22 人民日报,2019-02-22 晋中日报" {
		t.Errorf("--from --to: %q", got)
	}
	if got, _ := days("发展", "--date", "2019-02-21"); strings.Join(got, ",") != "2019-02-21 " {
		t.Errorf("--date: %q", got)
	}
	for _, paper := range []string{"2019-02-22/晋中日报", "20190222-晋中日报"} {
		if got, _ := days("发展", "--date", paper); strings.Join(got, ",") != "2019-02-22 晋中日报" {
			t.Errorf("--date %s: %q", paper, got)
		}
	}
	if _, code := days("不在报上的词"); code != 1 {
		t.Errorf("nothing found: exit %d, want 1", code)
	}
	out, _, code := dubao(t, "", "search", "--shelf", dir, "发展")
	if code != 0 || !strings.HasPrefix(out, "2019-02-23 晋中日报 第") {
		t.Errorf("text: exit %d, %q", code, out[:min(len(out), 80)])
	}
	for _, args := range [][]string{
		{"--date", "2019-13-45"},
		{"--from", "yesterday"},
		{"--date", "2019-02-21", "--from", "2019-02-20"},
		{"--date", "2019-02-20"},
	} {
		_, stderr, code := dubao(t, "", append([]string{"search", "--shelf", dir, "发展"}, args...)...)
		if code != 2 || strings.Count(stderr, "\n") != 1 {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 and one line", args, code, stderr)
		}
	}
}

// With no PATH, cat prints the newest issue of the shelf, or the one of
// --date, or of one paper of a day.
func TestCatTheShelf(t *testing.T) {
	dir := testShelf(t)
	first := func(file string) string {
		t.Helper()
		b, _ := os.ReadFile(filepath.Join("..", "..", "tui", "testdata", file))
		out, stderr, code := dubao(t, string(b), "cat", "--width", "80", "-")
		if code != 0 {
			t.Fatal(stderr)
		}
		return out
	}
	for _, tt := range []struct {
		args []string
		page string
	}{
		{nil, "d05.txt"},
		{[]string{"--date", "20190221"}, "d01.txt"},
		{[]string{"--date", "2019-02-22"}, "d03.txt"},
		{[]string{"--date", "2019-02-22/晋中日报"}, "d02.txt"},
	} {
		out, stderr, code := dubao(t, "", append([]string{"cat", "--width", "80", "--shelf", dir}, tt.args...)...)
		if code != 0 || stderr != "" {
			t.Fatalf("cat %v: exit %d, %s", tt.args, code, stderr)
		}
		// The issue printed is the page's; its heading may say its date.
		want := first(tt.page)
		if !strings.Contains(out, strings.Split(strings.TrimSpace(want), "\n")[2]) {
			t.Errorf("cat %v: not the issue of %s", tt.args, tt.page)
		}
	}
}

// What was read of a day before dubao told papers apart, kept under the
// date alone, is read with the first paper of the day, and not with the
// other; marks made now go under the paper's key.
func TestStateOfTwoPapersADay(t *testing.T) {
	dir := testShelf(t)
	lib, err := openShelf(dir, "", true)
	if err != nil {
		t.Fatal(err)
	}
	keys, err := lib.Count("2019-02-22/人民日报")
	if err != nil || len(keys) == 0 {
		t.Fatal(err)
	}
	store := shelf.NewStore(t.TempDir())
	if err := store.Update(shelf.MarkRead("2019-02-22", keys[0], time.Now())); err != nil {
		t.Fatal(err)
	}
	mem := memory{st: store, legacy: lib.legacy}
	if r, _ := mem.Load("2019-02-22/人民日报"); len(r.Read) != 1 || r.Read[0] != keys[0] {
		t.Errorf("人民日报 remembers %v, want the story read under the date", r.Read)
	}
	if r, _ := mem.Load("2019-02-22/晋中日报"); len(r.Read) != 0 {
		t.Errorf("晋中日报 remembers %v, read in the other paper", r.Read)
	}
	if err := mem.MarkRead("2019-02-22/人民日报", keys[1]); err != nil {
		t.Fatal(err)
	}
	s, _ := store.Load()
	if len(s.Issues["2019-02-22/人民日报"].Read) != 1 || len(s.Issues["2019-02-22"].Read) != 1 {
		t.Errorf("state after a mark: %+v", s.Issues)
	}
	if r, _ := mem.Load("2019-02-22/人民日报"); len(r.Read) != 2 {
		t.Errorf("人民日报 remembers %v, want both", r.Read)
	}
}

// A page file over the size limit says so, alone or in a folder, rather
// than that no page could be read.
func TestPageFileTooLarge(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "01.txt")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	f.Truncate(17 << 20)
	f.Close()
	for _, args := range [][]string{{"cat", big}, {"cat", dir}, {"parse", dir}, {"search", "的", big}} {
		_, stderr, code := dubao(t, "", args...)
		if code == 0 || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, "17 MB, more than the 16 MB allowed") {
			t.Errorf("dubao %v: exit %d, %q", args, code, stderr)
		}
	}
}
