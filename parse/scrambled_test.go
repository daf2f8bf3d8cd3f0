package parse

import (
	"os"
	"path/filepath"
	"testing"
)

// TestScrambled: the plain pdftotext pages of the corpus are scrambled;
// none of the -raw, pdfminer, seed or dev pages is.
func TestScrambled(t *testing.T) {
	sets := []struct {
		dir, set string
		want     bool
	}{
		{corpusRoot, "gen-plain", true},
		{corpusRoot, "gen", false}, {corpusRoot, "gen-miner", false},
		{corpusRoot, "gen-issue", false}, {corpusRoot, "gen-issue-miner", false},
		{corpusDir, "seed", false}, {corpusDir, "dev", false}, {corpusDir, "dev-miner", false},
	}
	for _, s := range sets {
		names, _ := filepath.Glob(filepath.Join(s.dir, s.set, "*.txt"))
		if len(names) == 0 {
			t.Logf("no pages in %s/%s: skipped", s.dir, s.set)
			continue
		}
		wrong := 0
		for _, n := range names {
			b, err := os.ReadFile(n)
			if err != nil {
				t.Fatal(err)
			}
			if Scrambled(b) != s.want {
				wrong++
				if wrong <= 3 {
					t.Errorf("%s: Scrambled = %v, want %v", n, !s.want, s.want)
				}
			}
		}
		t.Logf("%s: %d pages, %d wrong", s.set, len(names), wrong)
	}
}
