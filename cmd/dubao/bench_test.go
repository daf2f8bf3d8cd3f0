package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dubaoreader/dubao/parse"
	"github.com/dubaoreader/dubao/shelf"
	"github.com/dubaoreader/dubao/shelf/shelftest"
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
// first frame: the folder listed and its files read, the pages taken from
// the cache of parsed pages (warm after the first run; the tests' cache is
// their own), the read state loaded, the reader made and laid out for
// 100×30, the frame drawn. Goal: ≤ 100 ms. Its parts, to see where the
// time goes: read (listing and reading the files), parse (parse.Issue on
// the bytes: what a cold open costs), reader (from the parsed issue to the
// frame).
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

// yearShelf makes a shelf of 365 days × 16 pages from the corpus, with its
// cache filled, and returns the shelf's folder and the cache's.
func yearShelf(b *testing.B) (dir, cache string) {
	b.Helper()
	dir, cache = b.TempDir(), b.TempDir()
	shelftest.Year(b, dir, 365, 16, shelftest.Pages(b))
	sh, err := shelf.Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	c := shelf.NewCache(cache, shelf.TextParser())
	c.Search(sh.Entries, "的", func(shelf.DayFound) bool { return true }) // parses every day once
	return dir, cache
}

// BenchmarkShelf measures the shelf of a year (365 days × 16 pages), its
// cache warm: first-frame is from opening the shelf (its folder listed) to
// the first frame with every row in view counted, as dubao with no PATH
// shows it at 100×30 (goal ≤ 50 ms); open-day is opening a counted day to
// its first frame (goal ≤ 20 ms).
func BenchmarkShelf(b *testing.B) {
	dir, cache := yearShelf(b)
	b.Setenv("XDG_CACHE_HOME", cache)
	store := memory{st: shelf.NewStore(b.TempDir())}
	open := func(b *testing.B) *library {
		sh, err := shelf.Open(dir)
		if err != nil {
			b.Fatal(err)
		}
		return &library{sh: sh, cache: shelf.NewCache(cache, shelf.TextParser())}
	}
	b.Run("first-frame", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			lib := open(b)
			m := tui.New(nil, tui.Options{Width: 100, Height: 30, Library: lib, Memory: store, ThemeName: "paper"})
			runCmd(m, m.Init())
			if v := m.View().Content; strings.Contains(v, "…") {
				b.Fatalf("a row in view is not counted:\n%s", v)
			}
		}
	})
	b.Run("open-day", func(b *testing.B) {
		lib := open(b)
		key := lib.Issues()[100]
		b.ReportAllocs()
		for b.Loop() {
			op, err := lib.Open(key)
			if err != nil {
				b.Fatal(err)
			}
			_ = tui.New(op.Issue, tui.Options{Width: 100, Height: 30, Key: op.Key, Memory: store, Library: lib, ThemeName: "paper"}).View()
		}
	})
}
