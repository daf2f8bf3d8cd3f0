package main

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestLoadConfig(t *testing.T) {
	write := func(t *testing.T, text string) string {
		p := filepath.Join(t.TempDir(), "config.toml")
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	t.Run("every setting", func(t *testing.T) {
		c, w := loadConfig(write(t, "theme = \"contrast\"\nmeasure = 30\nindent = false\nambiguous = \"wide\"\nlist_width = 40\nscript = \"traditional\"\n"))
		if len(w) > 0 || c.Theme != "contrast" || c.Measure != 30 || c.Indent == nil || *c.Indent || c.Ambiguous != "wide" || c.ListWidth != 40 || c.Script != "traditional" {
			t.Errorf("read %+v, warnings %v", c, w)
		}
	})
	t.Run("no file is no settings", func(t *testing.T) {
		if c, w := loadConfig(filepath.Join(t.TempDir(), "none.toml")); len(w) > 0 || c != (config{}) {
			t.Errorf("%+v %v", c, w)
		}
	})
	t.Run("a broken file is one line, nothing applied", func(t *testing.T) {
		c, w := loadConfig(write(t, "theme = \"paper\"\nmeasure = = 3\n"))
		if len(w) != 1 || strings.Contains(w[0].Error(), "\n") || c != (config{}) {
			t.Errorf("%+v %q", c, w)
		}
	})
	t.Run("what is wrong is said and left out, the rest applies", func(t *testing.T) {
		c, w := loadConfig(write(t, "theme = \"ink\"\nmeasure = 9999\nambiguous = \"sideways\"\ncolour = \"red\"\nscript = \"klingon\"\n"))
		if c.Theme != "ink" || c.Measure != 0 || c.Ambiguous != "" || c.Script != "" || len(w) != 4 {
			t.Errorf("%+v %q", c, w)
		}
		if !strings.Contains(errors.Join(w...).Error(), "colour") {
			t.Errorf("the unknown key is not named: %q", w)
		}
	})
	t.Run("a huge file is not read", func(t *testing.T) {
		c, w := loadConfig(write(t, "# "+strings.Repeat("x", configMax)+"\n"))
		if len(w) != 1 || c != (config{}) {
			t.Errorf("%+v %q", c, w)
		}
	})
}

// TestConfigSetsTheDefaults: the config file's settings are the defaults
// of the flags (dubao help shows them), and a flag still wins.
func TestConfigSetsTheDefaults(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "dubao"), 0o755)
	os.WriteFile(filepath.Join(dir, "dubao", "config.toml"), []byte("measure = 30\ntheme = \"contrast\"\n"), 0o644)
	cmd := dubaoCmd("help")
	cmd.Env = append(os.Environ(), "XDG_CONFIG_HOME="+dir)
	out, err := cmd.Output()
	if err != nil || !strings.Contains(string(out), "(default 30)") || !strings.Contains(string(out), `(default "contrast")`) {
		t.Errorf("dubao help with measure = 30 in the config: %v\n%s", err, out)
	}
}

// TestCatSaysWarningsInThePagesScript: dubao cat says what is wrong with
// the settings in the script of the pages it prints, as the reader would.
func TestCatSaysWarningsInThePagesScript(t *testing.T) {
	config := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", config)
	if err := os.MkdirAll(filepath.Join(config, "dubao"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(config, "dubao", "config.toml"), []byte("measure = 3\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for page, want := range map[string]string{
		"traditional.txt": "dubao: 設置 measure = 3 不在 4 到 500 之間，未用\n",
		"simplified.txt":  "dubao: 设置 measure = 3 不在 4 到 500 之间，未用\n",
	} {
		_, stderr, code := dubao(t, "", "cat", filepath.Join("..", "..", "parse", "testdata", "script", page))
		if code != 0 || stderr != want {
			t.Errorf("cat %s: status %d, stderr %q, want %q", page, code, stderr, want)
		}
	}
}

// TestSettingsFIFOsAreRefused: a config file or a last-theme file that is
// a FIFO is refused at once with one line, not waited on: the reader
// started blank, and dubao cat never printed.
func TestSettingsFIFOsAreRefused(t *testing.T) {
	dir := t.TempDir()
	fifo := func(name string) string {
		p := filepath.Join(dir, name)
		if err := syscall.Mkfifo(p, 0o644); err != nil {
			t.Skipf("no FIFO here: %v", err)
		}
		return p
	}
	config := fifo("config.toml")
	fifo(lastThemeFile)
	done := make(chan struct{})
	var warnings []error
	var theme string
	go func() {
		defer close(done)
		_, warnings = loadConfig(config)
		theme = readLastTheme(dir)
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("reading the settings waits on a FIFO")
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0].Error(), "config.toml") || !strings.Contains(warnings[0].Error(), "FIFO") || theme != "" {
		t.Errorf("warnings %q, theme %q: want one naming config.toml and the FIFO, no theme", warnings, theme)
	}
}

// TestSearchLabelsInThePagesScript: dubao search labels a match in a
// headline 標題： on a Traditional page, as the reader would, on its own
// or on a shelf day by day, and 标题： on a Simplified one or when the
// settings ask for Simplified.
func TestSearchLabelsInThePagesScript(t *testing.T) {
	config := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", config)
	script := filepath.Join("..", "..", "parse", "testdata", "script")
	shelfDir := t.TempDir()
	for day, page := range map[string]string{"2026-03-05": "traditional.txt", "2026-03-06": "simplified.txt"} {
		b, err := os.ReadFile(filepath.Join(script, page))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Join(shelfDir, day), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(shelfDir, day, "01.txt"), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	label := func(out string) []string {
		var labels []string
		for line := range strings.Lines(out) {
			for _, l := range []string{"標題：", "标题："} {
				if strings.Contains(line, l) {
					labels = append(labels, l)
				}
			}
		}
		return labels
	}
	for _, c := range []struct {
		setting, query string
		args           []string
		want           []string
	}{
		{"", "書桌", []string{filepath.Join(script, "traditional.txt")}, []string{"標題："}},
		{"", "书桌", []string{filepath.Join(script, "simplified.txt")}, []string{"标题："}},
		{"script = \"simplified\"\n", "書桌", []string{filepath.Join(script, "traditional.txt")}, []string{"标题："}},
		// Newest first: the Simplified day, then the Traditional one.
		{"", "书桌", []string{"--shelf", shelfDir}, []string{"标题：", "標題："}},
	} {
		if err := os.MkdirAll(filepath.Join(config, "dubao"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(config, "dubao", "config.toml"), []byte(c.setting), 0o644); err != nil {
			t.Fatal(err)
		}
		args := append([]string{"search", c.query}, c.args...)
		stdout, stderr, code := dubao(t, "", args...)
		if got := label(stdout); code != 0 || stderr != "" || !slices.Equal(got, c.want) {
			t.Errorf("%q with %q: status %d, labels %q, want %q; stderr %q\n%s", args, c.setting, code, got, c.want, stderr, stdout)
		}
	}
}
