package tui

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestEndToEndPDF opens a folder of two PDF pages of one issue (gen-issue
// s2, pages 1 and 2, from the shared corpus) in the reader and reads a
// story: its headline in the list, and its first paragraph, as the gold
// page has them, in the body.
func TestEndToEndPDF(t *testing.T) {
	skipWithoutTmux(t)
	src, dir := issuePDFs(t)
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
	cache := t.TempDir()
	// Compiling PDFium's WebAssembly for the first time takes seconds:
	// done here, the reader then opens the folder at once.
	parsePDFs(t, bin, cache, dir)
	s := startPDFReader(t, bin, cache, dir)
	s.keys("Enter")
	// The story, headline and first words, as the gold page has them: on
	// a loaded machine the reader may take a while to draw it.
	var screen string
	read := false
	for deadline := time.Now().Add(30 * time.Second); !read && time.Now().Before(deadline); time.Sleep(200 * time.Millisecond) {
		screen = s.capture()
		body := bodyOf(screen)
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
	}
	if !read {
		t.Fatalf("the story opened is none of page 1's, headline and first words:\n%s", screen)
	}
	s.checkWidths(screen)
	s.keys("q")
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if exec.Command("tmux", "-L", s.socket, "has-session", "-t", "e2e").Run() != nil {
			return
		}
	}
	t.Fatalf("q did not quit:\n%s", s.capture())
}

// parsePDFs runs dubao parse on dir with cache as XDG_CACHE_HOME, so that
// PDFium is compiled there once for the test's runs, and returns the JSON
// it prints.
func parsePDFs(t *testing.T, bin, cache, dir string) []byte {
	t.Helper()
	cmd := exec.Command(bin, "parse", dir)
	cmd.Env = append(os.Environ(), "XDG_CACHE_HOME="+cache)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("dubao parse %s: %v\n%s", dir, err, out)
	}
	return out
}

// startPDFReader starts dubao on dir in tmux, as startTmuxIn does, with
// cache as XDG_CACHE_HOME, but waits for the issue's page list for up to
// a minute: reading PDFs on a loaded machine takes a while.
func startPDFReader(t *testing.T, bin, cache, dir string) *tmuxSession {
	t.Helper()
	s := &tmuxSession{t: t, socket: fmt.Sprintf("dubao-e2e-pdf-%d-%d", os.Getpid(), time.Now().UnixNano()), w: 100, h: 30}
	s.tmux("-f", "/dev/null", "new-session", "-d", "-x", "100", "-y", "30", "-s", "e2e",
		"-e", "RUNEWIDTH_EASTASIAN=", "-e", "DUBAO_AMBIGUOUS_SETTLED=",
		"-e", "XDG_DATA_HOME="+t.TempDir(), "-e", "XDG_STATE_HOME="+t.TempDir(), "-e", "XDG_CACHE_HOME="+cache,
		"exec "+bin+" --ambiguous narrow '"+dir+"'")
	t.Cleanup(func() { exec.Command("tmux", "-L", s.socket, "kill-server").Run() })
	var screen string
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); time.Sleep(200 * time.Millisecond) {
		if screen = s.capture(); strings.Contains(screen, "第2版") {
			return s
		}
	}
	t.Fatalf("the issue's pages never appeared:\n%s", screen)
	return nil
}

// issuePDFs copies gen-issue's s2p1.pdf and s2p2.pdf from the shared corpus
// into a day's folder of their own, skipping the test without them; it
// returns the corpus folder and the day's.
func issuePDFs(t *testing.T) (src, dir string) {
	t.Helper()
	src = filepath.Join("..", "..", "shared", "corpus", "gen-issue")
	if _, err := os.Stat(filepath.Join(src, "s2p1.pdf")); err != nil {
		t.Skipf("no corpus PDFs at %s: skipped", src)
	}
	dir = filepath.Join(t.TempDir(), "2019-10-19")
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
	return src, dir
}
