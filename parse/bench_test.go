package parse

import (
	"os"
	"testing"
)

// BenchmarkParse parses the seed page: decoding, normalising and the whole
// journey to the article tree.
func BenchmarkParse(b *testing.B) {
	benchmarkPage(b, "testdata/corpus/seed/000_5477695c32189c33.txt")
}

// BenchmarkParseRaw parses a page of pdftotext -raw text (no blank lines,
// headlines mostly after their bodies), which takes the learned story
// stage; BenchmarkParseMiner the same page through pdfminer, blank lines
// between its text boxes.
func BenchmarkParseRaw(b *testing.B) {
	benchmarkPage(b, "testdata/corpus/dev/d01.txt")
}

func BenchmarkParseMiner(b *testing.B) {
	benchmarkPage(b, "testdata/corpus/dev-miner/d01.txt")
}

func benchmarkPage(b *testing.B, path string) {
	page, err := os.ReadFile(path)
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
