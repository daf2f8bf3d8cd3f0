package parse

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestGeomDump parses the sheets in $DUBAO_SHEETS (JSON, as parse/pdfium's
// TestDumpSheets writes them) and writes each page's JSON into
// $DUBAO_PRED, for paperscore. Skipped unless both are set.
func TestGeomDump(t *testing.T) {
	in, out := os.Getenv("DUBAO_SHEETS"), os.Getenv("DUBAO_PRED")
	if in == "" || out == "" {
		t.Skip("set DUBAO_SHEETS and DUBAO_PRED")
	}
	names, _ := filepath.Glob(filepath.Join(in, "*.json"))
	for _, name := range names {
		s := readSheet(t, name)
		p := SheetPage(s)
		b, err := json.Marshal(p.JSON())
		if err != nil {
			t.Fatal(err)
		}
		base := strings.TrimSuffix(filepath.Base(name), ".json")
		if err := os.WriteFile(filepath.Join(out, base+".json"), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func readSheet(t testing.TB, name string) *Sheet {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	var s Sheet
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return &s
}
