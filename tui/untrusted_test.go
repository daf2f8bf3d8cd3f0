package tui

import (
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dubaoreader/dubao/model"
	"github.com/dubaoreader/dubao/model/clean"
	"github.com/dubaoreader/dubao/tui/layout"
)

// writersSGR is the only kind of escape sequence Cat, Find and the reader
// write: SGR, which sets colours, bold and reverse video.
var writersSGR = regexp.MustCompile(`\x1b\[[0-9;:]*m`)

// foreign returns the first control in out that the writers did not write
// (see writersSGR): a control character but line feed and tab, a C1 or
// bidirectional control, a byte that is not UTF-8; "" for none.
func foreign(out string) string {
	out = writersSGR.ReplaceAllString(out, "")
	for i, r := range out {
		switch {
		case r == utf8.RuneError && !strings.HasPrefix(out[i:], "\uFFFD"):
			return fmt.Sprintf("byte %#x at %d", out[i], i)
		case r == '\n' || r == '\t':
		case clean.NotText(r) || r < 0x20:
			return fmt.Sprintf("%U at %d", r, i)
		}
	}
	return ""
}

// fuzzIssue makes an issue of text as a cache or another Library might
// hand one over, not made by the parser: the first line of each block (a
// blank line between) a headline, the rest paragraphs, the first line of
// all the page's name, and name its file's.
func fuzzIssue(name, text string) *model.Issue {
	p := &model.Page{Number: 1, Source: name}
	for i, block := range strings.Split(text, "\n\n") {
		lines := strings.Split(block, "\n")
		if i == 0 {
			p.Name = lines[0]
			p.Furniture = lines[:1]
			lines = lines[1:]
		}
		if len(lines) == 0 {
			continue
		}
		a := &model.Article{Title: lines[0], Byline: name, Paragraphs: lines[1:]}
		p.Articles = append(p.Articles, a)
	}
	is := &model.Issue{Pages: []*model.Page{p}}
	for _, a := range p.Articles {
		is.Stories = append(is.Stories, &model.Story{Parts: []*model.Article{a}, Pages: []int{1}})
	}
	return is
}

// FuzzWriters: whatever strings an issue holds, Cat (plain and through
// glamour), Find (as text, for a terminal and as JSON) and the reader's
// frames write no control but their own SGR.
func FuzzWriters(f *testing.F) {
	f.Add("01\x1b]0;t\x07.txt", "要闻\x1b[2J\n\n市委\x1b]52;c;eA==\x07召开\n本报讯\u009b31m市委\u202E开会。\x7f\b\x00", "市委")
	f.Add("\u202Etxt.exe", "\x1bPq\x1b\\\n\n\x1b]8;;http://x\x1b\\标题\x1b]8;;\x1b\\\n段落", "标题")
	f.Add("\xff\x9b", "\xe2\u200d\x80\x8d\n\n\u0085\u009d\n\u2066\u2069", "\u0085")
	f.Fuzz(func(t *testing.T, name, text, query string) {
		if len(text) > 4<<10 {
			return
		}
		m := layout.NewMeasure(layout.Narrow)
		var b strings.Builder
		for _, style := range []string{"", "dark"} {
			b.Reset()
			if err := Cat(&b, fuzzIssue(name, text), CatOptions{Width: 40, Measure: m, Style: style}); err != nil {
				t.Fatal(err)
			}
			if f := foreign(b.String()); f != "" {
				t.Fatalf("Cat with style %q wrote %s:\n%q", style, f, b.String())
			}
		}
		for _, o := range []FindOptions{{Measure: m}, {Measure: m, Terminal: true}, {Measure: m, JSON: true}} {
			b.Reset()
			if _, err := Find(&b, fuzzIssue(name, text), query, o); err != nil {
				t.Fatal(err)
			}
			out := b.String()
			if f := foreign(out); f != "" {
				t.Fatalf("Find %+v wrote %s:\n%q", o, f, out)
			}
			if !o.JSON {
				continue
			}
			// What reads the JSON gets \u001b back as ESC.
			for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
				var v FoundJSON
				if line == "" {
					continue
				}
				if err := json.Unmarshal([]byte(line), &v); err != nil {
					t.Fatalf("Find wrote %q, not JSON: %v", line, err)
				}
				for _, s := range []string{v.PageName, v.File, v.Title, v.Field, v.Before, v.Match, v.After} {
					if f := foreign(s); f != "" {
						t.Fatalf("Find wrote JSON that holds %s: %q", f, line)
					}
				}
			}
		}
		r := New(fuzzIssue(name, text), Options{Width: 60, Height: 16, ThemeName: "paper", Measure: m, Warnings: []error{errors.New(name)}})
		if f := foreign(r.View().Content); f != "" {
			t.Fatalf("the reader's list drew %s", f)
		}
		send(r, keys("enter")...)
		if f := foreign(r.View().Content); f != "" {
			t.Fatalf("the reader's story drew %s", f)
		}
	})
}
