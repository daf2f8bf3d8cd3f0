package parse

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// The corpus PDFs, scored as paperscore scores them. Extracting a page
// takes PDFium, which package parse does not import: the sheets are
// extracted once by parse/pdfium's TestCorpusSheets into a cache named by
// each PDF's content (see sheetCache), which this test runs when sheets are
// missing; after that a run takes a second.

// geomSets are the sets scored: dev/ and half the gen validation
// pages (g201–g219) always; the whole validation split, the gen pages to
// build on and gen-issue with DUBAO_CORPUS_ALL=1. Extracting a page costs
// half a second, and the first extraction compiles PDFium.
func geomSets() []struct{ name, dir, glob string } {
	sets := []struct{ name, dir, glob string }{
		{"pdf-dev", "dev", "d*.pdf"},
		{"pdf-gen-val-g201-219", "gen", "g2[01]?.pdf"},
	}
	if os.Getenv("DUBAO_CORPUS_ALL") != "" {
		sets = append(sets,
			struct{ name, dir, glob string }{"pdf-gen-val", "gen", "g2*.pdf"},
			struct{ name, dir, glob string }{"pdf-gen-build", "gen", "g0*.pdf"},
			struct{ name, dir, glob string }{"pdf-gen-issue", "gen-issue", "*.pdf"})
	}
	return sets
}

const geomGoldenPath = "testdata/geomscores.golden"

// sheetCache and sheetName are parse/pdfium's SheetCache and SheetName.
func sheetCache() string {
	if d := os.Getenv("DUBAO_SHEET_CACHE"); d != "" {
		return d
	}
	return filepath.Join(os.TempDir(), "dubao-sheets")
}

func sheetName(pdf []byte) string {
	h := sha256.Sum256(pdf)
	return "v2-" + hex.EncodeToString(h[:12]) + ".json" // v2: sizes scaled by the text matrix
}

// TestGeomCorpus parses the corpus PDFs and scores them; it fails when a
// figure gets worse than testdata/geomscores.golden (go test ./parse -run
// TestGeomCorpus -update writes today's), and logs how far each set is from
// what issue 10 asks.
func TestGeomCorpus(t *testing.T) {
	root := filepath.Join("..", "..", "shared", "corpus")
	if _, err := os.Stat(root); err != nil {
		t.Skipf("no corpus at %s: skipped", root)
	}
	golden, err := readGolden(geomGoldenPath)
	if err != nil && !(*update && errors.Is(err, os.ErrNotExist)) {
		t.Fatalf("%v (write it with go test ./parse -run TestGeomCorpus -update)", err)
	}
	extracted := false
	var lines []string
	for _, set := range geomSets() {
		pdfs, _ := filepath.Glob(filepath.Join(root, set.dir, set.glob))
		var pages []pageScore
		for _, pdf := range pdfs {
			s, ok := cachedSheet(t, pdf)
			if !ok && !extracted {
				extractSheets(t)
				extracted = true
				s, ok = cachedSheet(t, pdf)
			}
			if !ok {
				t.Skipf("no sheet for %s in %s: extract them with go test ./parse/pdfium -run TestCorpusSheets", pdf, sheetCache())
			}
			goldB, err := os.ReadFile(strings.TrimSuffix(pdf, ".pdf") + ".gold.json")
			if err != nil {
				t.Fatal(err)
			}
			gold, err := loadScored(goldB)
			if err != nil {
				t.Fatal(err)
			}
			predB, err := json.Marshal(SheetPage(s).JSON())
			if err != nil {
				t.Fatal(err)
			}
			pred, err := loadScored(predB)
			if err != nil {
				t.Fatal(err)
			}
			pages = append(pages, pageScore{name: strings.TrimSuffix(filepath.Base(pdf), ".pdf"), counts: scorePage(gold, pred)})
		}
		if len(pages) == 0 {
			continue
		}
		m := total(pages)
		table := scoreTable(pages)
		t.Logf("%s: %s (issue 10 asks articles_f1 ≥ 0.98, title_acc ≥ 0.98, body_cer ≤ 0.005, para_f1 ≥ 0.97)\n%s", set.name, m.scoreLine(), table)
		line, fails := againstGolden(set.name, m, golden)
		lines = append(lines, line)
		if len(fails) > 0 {
			t.Errorf("%s: %s\n%s", set.name, strings.Join(fails, "; "), table)
		}
	}
	if *update {
		out := "# Figures of the PDF corpus pages, per set, as TestGeomCorpus scores them.\n" +
			"# Rewrite with: go test ./parse -run TestGeomCorpus -update\n" +
			strings.Join(lines, "\n") + "\n"
		if err := os.WriteFile(geomGoldenPath, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// cachedSheet reads the cached sheet of a PDF.
func cachedSheet(t *testing.T, pdf string) (*Sheet, bool) {
	b, err := os.ReadFile(pdf)
	if err != nil {
		t.Fatal(err)
	}
	j, err := os.ReadFile(filepath.Join(sheetCache(), sheetName(b)))
	if err != nil {
		return nil, false
	}
	var s Sheet
	if err := json.Unmarshal(j, &s); err != nil {
		return nil, false
	}
	return &s, true
}

// extractSheets runs parse/pdfium's TestCorpusSheets, which fills the cache.
func extractSheets(t *testing.T) {
	gobin := filepath.Join(runtime.GOROOT(), "bin", "go")
	if _, err := os.Stat(gobin); err != nil {
		gobin = "go"
	}
	cmd := exec.Command(gobin, "test", "-count=1", "-run", "^TestCorpusSheets$", "./pdfium")
	cmd.Env = append(os.Environ(), "DUBAO_SHEET_CACHE="+sheetCache())
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Logf("extracting the corpus sheets failed: %v\n%s", err, out)
	}
}
