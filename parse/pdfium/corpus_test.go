package pdfium

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// TestCorpusSheets extracts the corpus PDFs that parse's TestGeomCorpus
// scores — dev/ and the gen validation pages g201–g219; with
// DUBAO_CORPUS_ALL=1 all of them, the gen pages to build on and gen-issue —
// into the sheet cache, each once: a sheet is named by its PDF's content.
func TestCorpusSheets(t *testing.T) {
	root := corpus(t, "")
	globs := []string{"dev/*.pdf", "gen/g2[01]?.pdf"}
	if os.Getenv("DUBAO_CORPUS_ALL") != "" {
		globs = append(globs, "gen/g2*.pdf", "gen/g0*.pdf", "gen-issue/*.pdf")
	}
	cache := SheetCache()
	if err := os.MkdirAll(cache, 0o755); err != nil {
		t.Fatal(err)
	}
	r := New(testCache(t))
	defer r.Close()
	n := 0
	for _, g := range globs {
		names, _ := filepath.Glob(filepath.Join(root, g))
		for _, name := range names {
			b, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(cache, SheetName(b))
			if _, err := os.Stat(out); err == nil {
				continue
			}
			doc, err := r.Open(b)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			s, err := doc.Page(0)
			doc.Close()
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			j, err := json.Marshal(s)
			if err != nil {
				t.Fatal(err)
			}
			tmp := out + ".tmp"
			if err := os.WriteFile(tmp, j, 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.Rename(tmp, out); err != nil {
				t.Fatal(err)
			}
			n++
		}
	}
	t.Logf("%d sheets extracted into %s", n, cache)
}

// SheetCache is where the tests keep extracted corpus sheets:
// $DUBAO_SHEET_CACHE, or dubao-sheets in the temporary folder. parse's
// TestGeomCorpus reads them there.
func SheetCache() string {
	if d := os.Getenv("DUBAO_SHEET_CACHE"); d != "" {
		return d
	}
	return filepath.Join(os.TempDir(), "dubao-sheets")
}

// SheetName is the cached sheet's name for a one-page PDF.
func SheetName(pdf []byte) string {
	h := sha256.Sum256(pdf)
	return "v2-" + hex.EncodeToString(h[:12]) + ".json" // v2: sizes scaled by the text matrix
}
