package pdfium

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDumpSheets writes the sheets of the PDFs named by $DUBAO_DUMP_PDFS (a
// glob) as JSON into the folder $DUBAO_DUMP_SHEETS: the geometry parse's
// fixtures and a cache for its corpus tests. Skipped unless both are set.
func TestDumpSheets(t *testing.T) {
	glob, out := os.Getenv("DUBAO_DUMP_PDFS"), os.Getenv("DUBAO_DUMP_SHEETS")
	if glob == "" || out == "" {
		t.Skip("set DUBAO_DUMP_PDFS and DUBAO_DUMP_SHEETS to dump sheets")
	}
	names, _ := filepath.Glob(glob)
	r := New(testCache(t))
	defer r.Close()
	for _, name := range names {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := r.Open(b)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for i := range doc.Pages() {
			s, err := doc.Page(i)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			j, err := json.Marshal(s)
			if err != nil {
				t.Fatal(err)
			}
			base := strings.TrimSuffix(filepath.Base(name), ".pdf")
			if doc.Pages() > 1 {
				base += "-" + string(rune('a'+i))
			}
			if err := os.WriteFile(filepath.Join(out, base+".json"), j, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		doc.Close()
	}
}

// testCache is the compile cache the tests share: the user's, so that a
// test run after dubao has run compiles nothing.
func testCache(t testing.TB) string {
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "dubao", "wazero")
}
