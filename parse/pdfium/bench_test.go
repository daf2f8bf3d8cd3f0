package pdfium

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// corpus is where the shared corpus is, when it is there.
func corpus(t testing.TB, rel string) string {
	p := filepath.Join("..", "..", "..", "shared", "corpus", rel)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("no corpus at %s: skipped", p)
	}
	return p
}

// BenchmarkExtractPage extracts a corpus page (d01, 7,206 characters) with
// PDFium already loaded: what each page of a PDF costs.
func BenchmarkExtractPage(b *testing.B) {
	data, err := os.ReadFile(corpus(b, "dev/d01.pdf"))
	if err != nil {
		b.Fatal(err)
	}
	r := New(testCache(b))
	defer r.Close()
	start := time.Now()
	doc, err := r.Open(data)
	if err != nil {
		b.Fatal(err)
	}
	doc.Close()
	b.Logf("PDFium loaded and the first document opened in %v", time.Since(start))
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for range b.N {
		doc, err := r.Open(data)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := doc.Page(0); err != nil {
			b.Fatal(err)
		}
		doc.Close()
	}
}
