// Package shelftest builds shelves of page files for tests and benchmarks:
// a year of days made from the corpus's pages (../shared/corpus beside the
// worktree) or, without it, from the pages this repository keeps for its
// tests.
package shelftest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// root finds the module's folder, above the working directory.
func root(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		up := filepath.Dir(dir)
		if up == dir {
			tb.Fatal("no go.mod above the working directory")
		}
		dir = up
	}
}

// Pages returns the page texts a shelf is made of: the 240 pages of
// ../shared/corpus/gen, or when that is absent (a note says so) the corpus
// pages kept in parse/testdata.
func Pages(tb testing.TB) [][]byte {
	tb.Helper()
	r := root(tb)
	paths, _ := filepath.Glob(filepath.Join(r, "..", "shared", "corpus", "gen", "g*.txt"))
	if len(paths) == 0 {
		tb.Log("../shared/corpus/gen is absent: the shelf is made of the pages in parse/testdata/corpus")
		paths, _ = filepath.Glob(filepath.Join(r, "parse", "testdata", "corpus", "*", "*.txt"))
	}
	if len(paths) == 0 {
		tb.Skip("no corpus pages to make a shelf of")
	}
	var out [][]byte
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, b)
	}
	return out
}

// Year writes a shelf of days×pages page files into dir, the days going
// back from 2020-12-31, the pages taken from pages in turn. Each file's
// bytes are its own (white space after the text differs), so that no two
// share a place in the cache, as no two days of a paper do. It returns the
// bytes written.
func Year(tb testing.TB, dir string, days, perDay int, pages [][]byte) int64 {
	tb.Helper()
	var size int64
	last := time.Date(2020, 12, 31, 0, 0, 0, 0, time.UTC)
	k := 0
	for d := range days {
		day := filepath.Join(dir, last.AddDate(0, 0, -d).Format("2006-01-02"))
		if err := os.MkdirAll(day, 0o755); err != nil {
			tb.Fatal(err)
		}
		for p := range perDay {
			b := append([]byte{}, pages[k%len(pages)]...)
			b = append(b, strings.Repeat(" ", k%61)+strings.Repeat("\n", 1+k/61)...)
			k++
			if err := os.WriteFile(filepath.Join(day, fmt.Sprintf("%02d.txt", p+1)), b, 0o644); err != nil {
				tb.Fatal(err)
			}
			size += int64(len(b))
		}
	}
	return size
}
