package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dubaoreader/dubao/tui"
)

// TestAdd files a page onto a shelf: into the folder of the date its
// running head prints, named with --paper; again, nothing new; a bad date,
// no file, and a file that is no page are one line each.
func TestAdd(t *testing.T) {
	shelf := t.TempDir()
	page := filepath.Join("..", "..", "tui", "testdata", "d01.txt")
	out, errs, code := dubao(t, "", "add", "--shelf", shelf, "--paper", "人民 日报", page)
	if code != 0 {
		t.Fatalf("add: exit %d, %q %q", code, out, errs)
	}
	want := filepath.Join(shelf, "2019-02-21-人民-日报", "d01.txt")
	if _, err := os.Stat(want); err != nil {
		t.Fatalf("add did not file %s: %v (said %q)", want, err, out)
	}
	out, _, code = dubao(t, "", "add", "--shelf", shelf, "--paper", "人民 日报", page)
	if code != 0 || !strings.Contains(out, "nothing new") {
		t.Errorf("the same page again: exit %d, %q", code, out)
	}
	out, _, code = dubao(t, "", "add", "--shelf", shelf, "--date", "20240313", page)
	if _, err := os.Stat(filepath.Join(shelf, "2024-03-13", "d01.txt")); code != 0 || err != nil {
		t.Errorf("--date: exit %d, %q, %v", code, out, err)
	}
	// With no --paper, the paper its running head names.
	named := filepath.Join(t.TempDir(), "p3.txt")
	d01, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	head, body, _ := strings.Cut(string(d01), "\n")
	os.WriteFile(named, []byte("晋中日报 "+head+"\n"+body), 0o644)
	out, _, code = dubao(t, "", "add", "--shelf", shelf, named)
	if _, err := os.Stat(filepath.Join(shelf, "2019-02-21-晋中日报", "p3.txt")); code != 0 || err != nil {
		t.Errorf("the paper from the running head: exit %d, %q, %v", code, out, err)
	}
	// A page of scrambled text is filed, with one line of what to do.
	scrambled := filepath.Join(t.TempDir(), "p4.txt")
	os.WriteFile(scrambled, []byte(head+"\n"+strings.Repeat("区文联二届五次全委会议 各级协会认真学习贯彻会议精神\n", 20)), 0o644)
	_, errs, code = dubao(t, "", "add", "--shelf", shelf, "--date", "20240314", scrambled)
	if _, err := os.Stat(filepath.Join(shelf, "2024-03-14", "p4.txt")); code != 0 || err != nil || strings.Count(errs, "pdftotext -raw") != 1 || strings.Count(errs, "\n") != 1 {
		t.Errorf("scrambled text: exit %d, stderr %q, %v", code, errs, err)
	}
	notPage := filepath.Join(t.TempDir(), "empty.pdf")
	os.WriteFile(notPage, []byte("%PDF-1.4\n%%EOF\n"), 0o644)
	for _, args := range [][]string{
		{"add", "--shelf", shelf, "--date", "yesterday", page},
		{"add", "--shelf", shelf},
		{"add", "--shelf", shelf, notPage},
	} {
		out, errs, code := dubao(t, "", args...)
		if code == 0 || strings.Count(errs, "dubao: ") < 1 || strings.Count(strings.TrimSpace(errs), "\n") > 1 {
			t.Errorf("dubao %v: exit %d, stdout %q, stderr %q", args, code, out, errs)
		}
	}
}

// TestParsePDF: dubao parse on a corpus PDF prints the page, with its
// geometry and each article's region; a PDF that is not one is one line.
func TestParsePDF(t *testing.T) {
	pdf := filepath.Join("..", "..", "..", "shared", "corpus", "dev", "d03.pdf")
	if _, err := os.Stat(pdf); err != nil {
		t.Skipf("no corpus PDF at %s: skipped", pdf)
	}
	out, errs, code := dubao(t, "", "parse", pdf)
	var page struct {
		Page     int `json:"page"`
		Articles []struct {
			Title  string `json:"title"`
			Region []any  `json:"region"`
		} `json:"articles"`
	}
	if code != 0 || json.Unmarshal([]byte(out), &page) != nil {
		t.Fatalf("parse %s: exit %d, %q", pdf, code, errs)
	}
	if page.Page == 0 || len(page.Articles) < 3 {
		t.Errorf("page %d, %d articles", page.Page, len(page.Articles))
	}
	for _, a := range page.Articles {
		if len(a.Region) == 0 {
			t.Errorf("%q has no region", a.Title)
		}
	}
	bad := filepath.Join(t.TempDir(), "cut.pdf")
	b, _ := os.ReadFile(pdf)
	os.WriteFile(bad, b[:len(b)/3], 0o644)
	out, errs, code = dubao(t, "", "parse", bad)
	if code == 0 || out != "" || strings.Count(errs, "\n") != 1 || !strings.Contains(errs, "not a PDF, or a damaged one") {
		t.Errorf("a PDF cut off: exit %d, %q, %q", code, out, errs)
	}
}

// TestFirstPDF: the reader says PDFium is being compiled only for PDFs,
// given as files or in a folder, and only while none is compiled yet.
func TestFirstPDF(t *testing.T) {
	dir := t.TempDir()
	for name, data := range map[string]string{"p/03.pdf": "%PDF-1.4", "t/03.txt": "本报讯", "x/UPPER.PDF": "%PDF-1.4"} {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	empty, kept := filepath.Join(dir, "none"), t.TempDir()
	if err := os.Mkdir(filepath.Join(kept, "wazero-v1"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		paths []string
		dir   string
		want  bool
	}{
		{[]string{filepath.Join(dir, "p/03.pdf")}, empty, true},
		{[]string{filepath.Join(dir, "x/UPPER.PDF")}, empty, true},
		{[]string{filepath.Join(dir, "p")}, empty, true},
		{[]string{filepath.Join(dir, "p/03.pdf")}, kept, false},
		{[]string{filepath.Join(dir, "t/03.txt")}, empty, false},
		{[]string{filepath.Join(dir, "t")}, empty, false},
		{[]string{"-"}, empty, false},
		{[]string{filepath.Join(dir, "gone.pdf")}, empty, false},
	} {
		if got := firstPDF(c.paths, c.dir); got != c.want {
			t.Errorf("firstPDF(%q, %q) = %v, want %v", c.paths, filepath.Base(c.dir), got, c.want)
		}
	}
}

// TestFirstPDFNotice: the line said while PDFium compiles speaks the
// script --script asks for; with auto, before any page is read, Simplified.
func TestFirstPDFNotice(t *testing.T) {
	for _, c := range []struct {
		words tui.Words
		want  string
	}{
		{tui.WordsTraditional, "編譯"},
		{tui.WordsSimplified, "编译"},
		{tui.WordsAuto, "编译"},
	} {
		if got := firstPDFNotice(c.words); !strings.Contains(got, c.want) {
			t.Errorf("firstPDFNotice(%v) = %q, want it to say %q", c.words, got, c.want)
		}
	}
}
