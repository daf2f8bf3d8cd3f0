package pdfium

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dubaoreader/dubao/model"
	"github.com/dubaoreader/dubao/parse"
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
			if c := os.Getenv("DUBAO_DUMP_CROP"); c != "" {
				var b model.Box
				if _, err := fmt.Sscanf(c, "%f,%f,%f,%f", &b.X0, &b.Y0, &b.X1, &b.Y1); err != nil {
					t.Fatalf("DUBAO_DUMP_CROP=%q: want x0,y0,x1,y1", c)
				}
				s = crop(s, b)
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

// crop keeps what of a sheet lies inside b: a fixture cut down to a few
// stories.
func crop(s *parse.Sheet, b model.Box) *parse.Sheet {
	in := func(c model.Box) bool {
		return c.X0 >= b.X0 && c.X1 <= b.X1 && c.Y0 >= b.Y0 && c.Y1 <= b.Y1
	}
	out := &parse.Sheet{Width: s.Width, Height: s.Height}
	for _, c := range s.Chars {
		if in(c.Box) {
			out.Chars = append(out.Chars, c)
		}
	}
	for _, p := range s.Pictures {
		if in(p) {
			out.Pictures = append(out.Pictures, p)
		}
	}
	for _, r := range s.Rules {
		if in(r) {
			out.Rules = append(out.Rules, r)
		}
	}
	return out
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
