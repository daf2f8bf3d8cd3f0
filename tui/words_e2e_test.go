package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEndToEndTraditionalShelf: on a shelf whose newest day is printed in
// Traditional, the shelf speaks Traditional from the start, and so does
// the warning of a wrong setting in the config file; a day opened with
// --date says its scrambled page's note as it is, once.
func TestEndToEndTraditionalShelf(t *testing.T) {
	skipWithoutTmux(t)
	data, state, config := t.TempDir(), t.TempDir(), t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", config)
	papers := filepath.Join(data, "dubao", "papers")
	var scrambled strings.Builder
	scrambled.WriteString("2026年3月4日 星期三 第3版\n")
	for range 20 {
		scrambled.WriteString("今天天气晴朗适合出门散步 明天或许下雨出门记得带伞\n")
	}
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join("..", "parse", "testdata", "script", name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	for dir, page := range map[string][2]string{
		"2026-03-06-中央日報": {"02.txt", read("traditional.txt")},
		"2026-03-05":      {"01.txt", read("simplified.txt")},
		"2026-03-04":      {"p03.txt", scrambled.String()},
	} {
		if err := os.MkdirAll(filepath.Join(papers, dir), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(papers, dir, page[0]), []byte(page[1]), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cfg := filepath.Join(config, "dubao", "config.toml")
	if err := os.MkdirAll(filepath.Dir(cfg), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(cfg, []byte("measure = 3\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	bin := buildDubao(t)

	s := startTmuxIn(t, bin, data, state, 100, 30, "--ambiguous", "narrow")
	screen := s.waitFor("設置 measure = 3 不在 4 到 500 之間，未用")
	s.checkWidths(screen)
	for _, w := range []string{"讀報", "書架", "未打開"} {
		if !strings.Contains(screen, w) {
			t.Errorf("no %q on the Traditional shelf:\n%s", w, screen)
		}
	}
	for _, w := range []string{"读报", "书架", "设置"} {
		if strings.Contains(screen, w) {
			t.Errorf("%q on the Traditional shelf:\n%s", w, screen)
		}
	}
	s.keys("q")
	s.waitGone()

	if err := os.Remove(cfg); err != nil {
		t.Fatal(err)
	}
	s = startTmuxIn(t, bin, data, state, 100, 30, "--ambiguous", "narrow", "--date", "2026-03-04")
	screen = s.waitFor("p03.txt 各栏交错")
	if strings.Contains(screen, "有版面读不好") {
		t.Errorf("a scrambled page is said to be one that could not be read:\n%s", screen)
	}
}
