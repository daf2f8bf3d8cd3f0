package main

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/dubaoreader/dubao/parse"
	"github.com/dubaoreader/dubao/shelf"
	"github.com/dubaoreader/dubao/tui"
)

// issue24 makes a folder of a 24-page issue: the corpus's six dev pages
// over and over, named 01.txt to 24.txt, and returns it with its size.
func issue24(b *testing.B) (string, int64) {
	b.Helper()
	dir := b.TempDir()
	var size int64
	for i := range 24 {
		data, err := os.ReadFile(filepath.Join("..", "..", "tui", "testdata", fmt.Sprintf("d%02d.txt", i%6+1)))
		if err != nil {
			b.Fatal(err)
		}
		size += int64(len(data))
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%02d.txt", i+1)), data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return dir, size
}

// BenchmarkOpenIssue24 opens a 24-page issue as dubao DIR does, to the
// first frame: the folder listed and its files read, the pages parsed at
// once, the read state loaded, the reader made and laid out for 100×30,
// the frame drawn. Goal: ≤ 100 ms. Its parts, to see where the time goes:
// read (listing and reading the files), parse (parse.Issue on the bytes),
// reader (from the parsed issue to the frame).
func BenchmarkOpenIssue24(b *testing.B) {
	dir, size := issue24(b)
	store := memory{st: shelf.NewStore(b.TempDir())}
	frame := func(is *tui.Model) { _ = is.View() }
	b.Run("all", func(b *testing.B) {
		b.SetBytes(size)
		b.ReportAllocs()
		for b.Loop() {
			is, _, err := issue([]string{dir})
			if err != nil {
				b.Fatal(err)
			}
			frame(tui.New(is, tui.Options{Width: 100, Height: 30, Key: issueKey(is, []string{dir}), Memory: store}))
		}
	})
	b.Run("read", func(b *testing.B) {
		b.SetBytes(size)
		b.ReportAllocs()
		for b.Loop() {
			if _, _, err := readPaths([]string{dir}); err != nil {
				b.Fatal(err)
			}
		}
	})
	files, _, err := readPaths([]string{dir})
	if err != nil {
		b.Fatal(err)
	}
	b.Run("parse", func(b *testing.B) {
		b.SetBytes(size)
		b.ReportAllocs()
		for b.Loop() {
			if _, _, err := parse.Issue(files); err != nil {
				b.Fatal(err)
			}
		}
	})
	is, _, _ := parse.Issue(files)
	b.Run("reader", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			frame(tui.New(is, tui.Options{Width: 100, Height: 30, Key: is.Date, Memory: store}))
		}
	})
}
