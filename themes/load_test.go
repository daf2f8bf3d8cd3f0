package themes

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestLoadDir(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"a-dusk.theme":   "name = dusk\nbase = ink\n",
		"b-sepia.theme":  "name = sepia\ntitle = bold #5b3a1e\n",
		"c-broken.theme": "name = broken\ntitle = bold\nmatch = reverse #zzz\n",
		"d-again.theme":  "name = dusk\n",
		"e-paper.theme":  "name = paper\n",
		"notes.txt":      "title = nonsense\n",
		".hidden.theme":  "title = nonsense\n",
		"z-last.theme":   "",
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(dir, "folder.theme"), 0o755); err != nil {
		t.Fatal(err)
	}

	themes, errs := LoadDir(dir)

	var got []string
	for _, th := range themes {
		got = append(got, th.Name)
	}
	if want := []string{"dusk", "sepia", "z-last"}; !slices.Equal(got, want) {
		t.Errorf("loaded %v, want %v (in file order, bad files left out)", got, want)
	}
	wantErrs := []string{
		`c-broken.theme:3: match: unknown colour "#zzz": want #rgb or #rrggbb`,
		`d-again.theme: theme "dusk" is already defined by a-dusk.theme`,
		`e-paper.theme:1: theme name "paper" is taken by a built-in theme; choose another and write base = paper`,
	}
	var gotErrs []string
	for _, err := range errs {
		gotErrs = append(gotErrs, err.Error())
	}
	if !slices.Equal(gotErrs, wantErrs) {
		t.Errorf("errors\n got %s\nwant %s", strings.Join(gotErrs, "\n     "), strings.Join(wantErrs, "\n     "))
	}
	if themes[1].Title != (Style{Fg: "#5b3a1e", Bold: true}) {
		t.Errorf("sepia's title = %q", themes[1].Title)
	}
}

func TestLoadDirWithoutADirectory(t *testing.T) {
	tests := []struct {
		name     string
		dir      func(t *testing.T) string
		wantErrs int
	}{
		{"a missing directory is no error", func(t *testing.T) string { return filepath.Join(t.TempDir(), "none") }, 0},
		{"no directory at all is no error", func(*testing.T) string { return "" }, 0},
		{"a file where the directory should be is an error", func(t *testing.T) string {
			p := filepath.Join(t.TempDir(), "themes")
			if err := os.WriteFile(p, nil, 0o644); err != nil {
				t.Fatal(err)
			}
			return p
		}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			themes, errs := LoadDir(tt.dir(t))
			if len(themes) != 0 || len(errs) != tt.wantErrs {
				t.Errorf("LoadDir = %d themes, errors %v; want none and %d errors", len(themes), errs, tt.wantErrs)
			}
		})
	}
}

func TestLoadDirRefusesHugeFiles(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "big.theme"), make([]byte, maxFileSize+1), 0o644); err != nil {
		t.Fatal(err)
	}
	_, errs := LoadDir(dir)
	if len(errs) != 1 || !strings.HasPrefix(errs[0].Error(), "big.theme: too large") {
		t.Errorf("errors %v, want big.theme: too large …", errs)
	}
}
