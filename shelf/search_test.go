package shelf

import (
	"fmt"
	"path/filepath"
	"slices"
	"testing"

	"github.com/dubaoreader/dubao/model"
)

// smallShelf writes a shelf of five days from the parser's corpus pages,
// one with two papers, and returns it opened.
func smallShelf(t *testing.T) *Shelf {
	t.Helper()
	dir := t.TempDir()
	pages := []string{"seed/000_5477695c32189c33.txt", "dev/d01.txt", "dev/d02.txt", "dev/d03.txt", "dev/d04.txt"}
	days := []string{"2024-03-11", "2024-03-12", "20240313-人民日报", "20240313-晋中日报", "2024-03-14"}
	for i, day := range days {
		for j := range 2 {
			write(t, filepath.Join(dir, day, fmt.Sprintf("%02d.txt", j+1)), corpusPage(t, pages[(i+j)%len(pages)]))
		}
	}
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// A shelf search gives every day, newest first, with the hits an Index of
// the day's issue finds; cold and warm alike; and stops when told.
func TestShelfSearch(t *testing.T) {
	s := smallShelf(t)
	c := NewCache(t.TempDir(), TextParser())
	for _, pass := range []string{"cold", "warm"} {
		for _, q := range []string{"工作", "发展", "沒有這個詞語吧"} {
			var keys []string
			parsed := 0
			c.Search(s.Entries, q, func(d DayFound) bool {
				keys = append(keys, d.Entry.Key())
				parsed += d.Parsed
				if d.Err != nil {
					t.Fatal(d.Err)
				}
				l, err := c.LoadDir(d.Entry.Dir)
				if err != nil {
					t.Fatal(err)
				}
				want := model.NewIndex(l.Issue).Search(q)
				if !slices.Equal(d.Hits, want) {
					t.Fatalf("%s %s %q: %d hits, want %d", pass, d.Entry.Key(), q, len(d.Hits), len(want))
				}
				if (d.Issue != nil) != (len(want) > 0) {
					t.Fatalf("%s: the issue is kept for a day without hits, or not for one with", d.Entry.Key())
				}
				return true
			})
			if want := "2024-03-14 2024-03-13/人民日报 2024-03-13/晋中日报 2024-03-12 2024-03-11"; fmt.Sprint(keys) != "["+want+"]" {
				t.Fatalf("days %v, want %s", keys, want)
			}
			if pass == "warm" && parsed > 0 {
				t.Fatalf("warm: %d files parsed", parsed)
			}
		}
	}
	n := 0
	c.Search(s.Entries, "的", func(DayFound) bool { n++; return n < 2 })
	if n != 2 {
		t.Fatalf("went on after being stopped: %d days", n)
	}
	if got := s.Between("2024-03-12", "2024-03-13"); len(got) != 3 {
		t.Fatalf("Between: %d days", len(got))
	}
}
