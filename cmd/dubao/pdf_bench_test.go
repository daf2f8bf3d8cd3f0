package main

import (
	"os"
	"path/filepath"
	"testing"

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
// to the first frame. cold: with an empty cache, as on a new machine —
// PDFium compiled from its WebAssembly, every page extracted and parsed
// (goal ≤ 4 s on 2 cores). compiled: PDFium's code kept, the pages not yet
// read (a new day's paper). warm: the pages read before, from the cache of
// parsed pages (goal ≤ 100 ms).
func BenchmarkOpenPDFIssue16(b *testing.B) {
	dir, size := pdfIssue16(b)
	open := func(b *testing.B) {
		is, warnings, err := issue([]string{dir})
		if err != nil || len(warnings) > 0 || len(is.Pages) != 16 {
			b.Fatalf("%v %v", err, warnings)
		}
		_ = tui.New(is, tui.Options{Width: 100, Height: 30}).View()
	}
	b.Run("cold", func(b *testing.B) {
		for b.Loop() {
			b.StopTimer()
			b.Setenv("XDG_CACHE_HOME", b.TempDir()) // nothing kept
			b.StartTimer()
			open(b)
		}
	})
	b.Run("compiled", func(b *testing.B) {
		cache := b.TempDir()
		b.Setenv("XDG_CACHE_HOME", cache)
		open(b) // PDFium compiled once
		for b.Loop() {
			b.StopTimer()
			os.RemoveAll(filepath.Join(cache, "dubao", "pages"))
			forgetPDFReaders() // PDFium started again, as a new dubao starts it
			b.StartTimer()
			open(b)
		}
	})
	b.Run("warm", func(b *testing.B) {
		b.Setenv("XDG_CACHE_HOME", b.TempDir())
		open(b) // the pages read once
		b.SetBytes(size)
		b.ReportAllocs()
		for b.Loop() {
			open(b)
		}
	})
}

// forgetPDFReaders drops the process's PDFium readers.
func forgetPDFReaders() {
	pdfReaders.Lock()
	defer pdfReaders.Unlock()
	pdfReaders.byDir = nil
}
