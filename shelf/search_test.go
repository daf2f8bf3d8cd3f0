package shelf

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
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

// paragraphParser reads a page file as one article: its first line the
// title, the rest paragraphs parted by blank lines, kept as written (line
// breaks and all), so that a test says exactly what the cache keeps.
func paragraphParser() Parser {
	return Parser{Version: "paragraphs 1", Parse: func(_ string, b []byte) ([]*model.Page, error) {
		title, body, _ := strings.Cut(string(b), "\n")
		return []*model.Page{{Articles: []*model.Article{{Title: title, Paragraphs: strings.Split(body, "\n\n")}}}}, nil
	}}
}

// A shelf search decides from a day's folded text whether to make its
// pages at all; it still finds what the reader's search finds: across a
// line break inside a paragraph, in either script, and not across
// paragraphs — cold and warm, the days without hits skipped alike.
func TestShelfSearchFoldedFirst(t *testing.T) {
	dir := t.TempDir()
	days := map[string][2]string{ // two pages a day
		"2024-05-01": {"标题一\n今年经济发\n展良好。", "标题二\n没有那个词。"},
		"2024-05-02": {"標題\n經濟發展迅速。", "标题\n其他内容。"},
		"2024-05-03": {"标题\n经济发\n\n展在下一段。", "标题\n这里也没有。"},
		"2024-05-04": {"标题\n什么也没有。", "标题\n同样没有。"},
		"2024-05-05": {"发展\n标题里有。", "标题\n发　展，中间有全角空格。"},
	}
	for day, pages := range days {
		for i, text := range pages {
			write(t, filepath.Join(dir, day, fmt.Sprintf("%02d.txt", i+1)), []byte(text))
		}
	}
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	c := NewCache(t.TempDir(), paragraphParser())
	for _, pass := range []string{"cold", "warm"} {
		for _, tt := range []struct {
			query string
			days  string // the days with hits, newest first
		}{
			{"发展", "2024-05-05 2024-05-02 2024-05-01"},
			{"發展", "2024-05-05 2024-05-02 2024-05-01"},
			{"发 展", "2024-05-05 2024-05-02 2024-05-01"},
			{"下一段", "2024-05-03"},
			{"沒有這個", ""},
		} {
			var hitDays []string
			c.Search(s.Entries, tt.query, func(d DayFound) bool {
				if d.Err != nil {
					t.Fatal(d.Err)
				}
				if pass == "warm" && d.Parsed > 0 {
					t.Fatalf("warm: %s parsed again", d.Entry.Key())
				}
				l, err := c.LoadDir(d.Entry.Dir)
				if err != nil {
					t.Fatal(err)
				}
				want := model.NewIndex(l.Issue).Search(tt.query)
				if !slices.Equal(d.Hits, want) {
					t.Fatalf("%s %s %q: hits %v, want %v", pass, d.Entry.Key(), tt.query, d.Hits, want)
				}
				if len(d.Hits) > 0 {
					hitDays = append(hitDays, d.Entry.Key())
				}
				return true
			})
			if got := strings.Join(hitDays, " "); got != tt.days {
				t.Errorf("%s %q: days with hits %q, want %q", pass, tt.query, got, tt.days)
			}
		}
	}
}
