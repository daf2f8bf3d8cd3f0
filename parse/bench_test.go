package parse

import (
	"os"
	"testing"
)

// BenchmarkParse parses the seed page: decoding, normalising and the whole
// journey to the article tree.
func BenchmarkParse(b *testing.B) {
	page, err := os.ReadFile("testdata/corpus/seed/000_5477695c32189c33.txt")
	if err != nil {
		b.Skip(err)
	}
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Pages(page); err != nil {
			b.Fatal(err)
		}
	}
}
