package tui

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestEndToEndPDF opens a folder of two PDF pages of one issue (gen-issue
// s2, pages 1 and 2, from the shared corpus) in the reader and reads a
// story: its headline in the list, and its first paragraph, as the gold
// page has them, in the body.
func TestEndToEndPDF(t *testing.T) {
	skipWithoutTmux(t)
	src := filepath.Join("..", "..", "shared", "corpus", "gen-issue")
	if _, err := os.Stat(filepath.Join(src, "s2p1.pdf")); err != nil {
		t.Skipf("no corpus PDFs at %s: skipped", src)
	}
	dir := filepath.Join(t.TempDir(), "2019-10-19")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"s2p1.pdf", "s2p2.pdf"} {
		b, err := os.ReadFile(filepath.Join(src, name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var gold struct {
		Articles []struct {
			Title      string   `json:"title"`
			Paragraphs []string `json:"paragraphs"`
		} `json:"articles"`
	}
	b, err := os.ReadFile(filepath.Join(src, "s2p1.gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &gold); err != nil {
		t.Fatal(err)
	}
	bin := buildDubao(t)
	// Compiling PDFium's WebAssembly for the first time takes seconds:
	// done here, the reader then opens the folder at once.
	if out, err := exec.Command(bin, "parse", dir).CombinedOutput(); err != nil {
		t.Fatalf("dubao parse %s: %v\n%s", dir, err, out)
	}
	s := startTmuxIn(t, bin, t.TempDir(), t.TempDir(), 100, 30, "--ambiguous", "narrow", dir)
	s.waitFor("第2版")
	s.keys("Enter")
	screen := s.capture()
	s.checkWidths(screen)
	body := bodyOf(screen)
	read := false
	for _, a := range gold.Articles {
		if a.Title == "" || len(a.Paragraphs) == 0 {
			continue
		}
		head := string([]rune(a.Title)[:min(5, len([]rune(a.Title)))])
		first := strings.ReplaceAll(a.Paragraphs[0], " ", "")
		first = string([]rune(first)[:min(10, len([]rune(first)))])
		if strings.Contains(screen, head) && strings.Contains(body, first) {
			read = true
			break
		}
	}
	if !read {
		t.Fatalf("the story opened is none of page 1's, headline and first words:\n%s", screen)
	}
	s.keys("q")
	s.waitGone()
}
