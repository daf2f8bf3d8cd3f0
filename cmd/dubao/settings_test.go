package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLastThemeKept(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "state")
	if got := readLastTheme(dir); got != "" {
		t.Errorf("nothing kept yet: %q", got)
	}
	if err := keepTheme(dir)("contrast"); err != nil {
		t.Fatal(err)
	}
	if got := readLastTheme(dir); got != "contrast" {
		t.Errorf("kept contrast, read %q", got)
	}
	for _, bad := range []string{"\x1b[31mred", strings.Repeat("x", 300), "two\nlines"} {
		os.WriteFile(filepath.Join(dir, lastThemeFile), []byte(bad), 0o644)
		if got := readLastTheme(dir); got != "" {
			t.Errorf("file %q read as the theme %q", bad, got)
		}
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".theme.*")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}
