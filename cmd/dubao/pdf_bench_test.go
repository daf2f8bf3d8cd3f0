package main

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/dubaoreader/dubao/parse"
	"github.com/dubaoreader/dubao/tui"
)

// pdfIssue16 makes a folder of 16 PDF pages: gen-issue's issues s1 to s4,
// four pages each, from the shared corpus.
func pdfIssue16(b *testing.B) (string, int64) {
	b.Helper()
	src := filepath.Join("..", "..", "..", "shared", "corpus", "gen-issue")
	names, _ := filepath.Glob(filepath.Join(src, "s[1-4]p[1-4].pdf"))
	if len(names) != 16 {
		b.Skipf("no gen-issue PDFs at %s: skipped", src)
	}
	dir := b.TempDir()
	var size int64
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			b.Fatal(err)
		}
		size += int64(len(data))
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(n)), data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return dir, size
}

// BenchmarkOpenPDFIssue16 opens a folder of 16 PDF pages as dubao DIR does,
// to the first frame, with PDFium's compiled code in the cache (warm: each
// run starts PDFium as a new dubao would). cold reports, once, the same with
// an empty compile cache: PDFium compiled from its WebAssembly. Goals: warm
// and cold ≤ 4 s on 2 cores.
func BenchmarkOpenPDFIssue16(b *testing.B) {
	dir, size := pdfIssue16(b)
	open := func(b *testing.B, pdfs parse.Extractor) {
		files, _, err := readPaths([]string{dir})
		if err != nil {
			b.Fatal(err)
		}
		is, errs, err := parse.IssueReading(files, pdfs)
		if err != nil || len(errs) > 0 || len(is.Pages) != 16 {
			b.Fatalf("%v %v", err, errs)
		}
		_ = tui.New(is, tui.Options{Width: 100, Height: 30}).View()
	}
	b.Run("cold", func(b *testing.B) {
		start := time.Now()
		for range b.N {
			// A cache of its own, empty: every run compiles.
			b.Setenv("XDG_CACHE_HOME", b.TempDir())
			open(b, pdfReader())
		}
		b.Logf("%d run(s), %.1f s each", b.N, time.Since(start).Seconds()/float64(b.N))
	})
	b.Run("warm", func(b *testing.B) {
		pdfReader() // the user's cache; warmed below
		open(b, pdfReader())
		b.SetBytes(size)
		b.ReportAllocs()
		b.ResetTimer()
		for b.Loop() {
			open(b, pdfReader())
		}
	})
}
