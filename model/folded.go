package model

import (
	"strings"
	"unicode/utf8"
)

// Searching many issues — a shelf of a year — cannot afford to fold every
// page at every search (folding runs at some 70 MB/s), nor to keep an Index
// of each. A page's folded text is made once, with FoldPage, and kept beside
// the page (package shelf keeps it in its cache); SearchPage finds a query
// in it and maps only the fields it is found in back to the page's text.
// The answers are those of an Index of the page.

// FoldPage returns the text of every field of every article of the page,
// in the order an Index holds them (kicker, title, subtitle, byline, then
// each paragraph), folded for search, each followed by '\n' — the empty
// ones too, so that the field a match is in is told by counting lines.
func FoldPage(p *Page) string {
	f := newFolder()
	var b []byte
	for _, a := range p.Articles {
		if a == nil {
			continue
		}
		for fl := InKicker; fl < InParagraph; fl++ {
			b = append(f.appendFolded(b, a.Text(fl, 0)), '\n')
		}
		for _, para := range a.Paragraphs {
			b = append(f.appendFolded(b, para), '\n')
		}
	}
	return string(b)
}

// FoldQuery returns query folded as search folds it, for SearchPage; ""
// for a query that folds to nothing, which matches nothing.
func FoldQuery(query string) string {
	return newFolder().foldString(query)
}

// SearchPage returns the matches of the folded query q (FoldQuery) on page
// p, whose folded text (FoldPage) is folded, in reading order: the
// leftmost non-overlapping ones, as Index.Search finds them. The hits'
// Page is page. A folded text that does not fit the page (made of another
// page, or by another version of the folding) yields no hits.
func SearchPage(p *Page, page int, folded, q string) []Hit {
	if !FoldedHas(folded, q) {
		return nil
	}
	f := newFolder()
	var out []Hit
	_, step := utf8.DecodeRuneInString(q)
	_, lastSize := utf8.DecodeLastRuneInString(q)
	// The field the search has reached: where its line starts and ends,
	// which field it is, its text, and how far into it the folding has
	// been followed (orig in the text, fold in the line).
	lineStart, lineEnd := 0, -1
	fields := fieldCursor{p: p}
	var text string
	var orig, fold int
	// seek follows the folding of text from where it is to the byte at of
	// the folded line, and returns the offset in text of the rune it came
	// from; -1 when the line is not text's folding.
	seek := func(at int) int {
		for orig < len(text) {
			r, size := utf8.DecodeRuneInString(text[orig:])
			if fr, ok := f.fold(r); ok {
				n := utf8.RuneLen(fr)
				if fold+n > at {
					if fold != at {
						return -1
					}
					return orig
				}
				fold += n
			}
			orig += size
		}
		return -1
	}
	end := 0 // where the last hit ended, in folded
	for i := 0; i <= len(folded)-len(q); {
		j := indexFolded(folded[i:], q)
		if j < 0 {
			break
		}
		at := i + j
		i = at + step
		if at < end {
			continue // overlaps the hit before
		}
		if at > lineEnd {
			// A line further on: skip the lines passed.
			if lineEnd >= 0 {
				fields.skip(1 + strings.Count(folded[lineEnd+1:at], "\n"))
			} else {
				fields.skip(strings.Count(folded[:at], "\n"))
			}
			lineStart = strings.LastIndexByte(folded[:at], '\n') + 1
			lineEnd = lineStart + strings.IndexByte(folded[lineStart:], '\n')
			if !fields.ok() || lineEnd < lineStart {
				return nil // not this page's text
			}
			text = fields.text()
			orig, fold = 0, 0
		}
		local := at - lineStart
		start := seek(local)
		last := seek(local + len(q) - lastSize)
		if start < 0 || last < 0 {
			return nil // not this page's text
		}
		end = at + len(q)
		h := fields.at
		h.Page = page
		h.Start = start
		_, size := utf8.DecodeRuneInString(text[last:])
		h.End = last + size
		out = append(out, h)
	}
	return out
}

// FoldedHas reports whether the folded text of a page (FoldPage) has the
// folded query q (FoldQuery) in it: whether SearchPage can find anything
// there. It is what a search of many pages asks first of each, and all it
// needs of a page that has no hit.
func FoldedHas(folded, q string) bool {
	return q != "" && indexFolded(folded, q) >= 0
}

// indexFolded is strings.Index(s, q) for folded text. Nearly every
// character of Chinese text opens with one of a few bytes (E4–E9), at
// each of which strings.Index stops to compare; indexFolded looks instead
// for q's last byte, one of 64 continuation bytes when q ends in a
// Chinese character, and compares q only where that byte is.
func indexFolded(s, q string) int {
	n := len(q)
	if n < 2 || q[n-1] < utf8.RuneSelf {
		return strings.Index(s, q)
	}
	last := q[n-1]
	for i := n - 1; i < len(s); i++ {
		j := strings.IndexByte(s[i:], last)
		if j < 0 {
			return -1
		}
		i += j
		if s[i+1-n:i+1] == q {
			return i + 1 - n
		}
	}
	return -1
}

// A fieldCursor goes through the fields of a page in FoldPage's order.
type fieldCursor struct {
	p  *Page
	at Hit // Article, Field and Para of the field it is on
}

// ok reports whether the cursor is on a field of the page.
func (c *fieldCursor) ok() bool { return c.at.Article < len(c.p.Articles) }

// text returns the text of the field the cursor is on.
func (c *fieldCursor) text() string {
	return c.p.Articles[c.at.Article].Text(c.at.Field, c.at.Para)
}

// skip moves the cursor n fields on.
func (c *fieldCursor) skip(n int) {
	c.settle()
	for n > 0 && c.ok() {
		a := c.p.Articles[c.at.Article]
		if c.at.Field < InParagraph {
			// to the next field, or the first paragraph
			d := min(n, int(InParagraph-c.at.Field))
			c.at.Field += Field(d)
			n -= d
		} else {
			d := min(n, len(a.Paragraphs)-c.at.Para)
			c.at.Para += d
			n -= d
		}
		c.settle()
	}
}

// settle moves the cursor off the end of an article's paragraphs, and off
// nil articles, onto the next article's first field.
func (c *fieldCursor) settle() {
	for c.ok() {
		a := c.p.Articles[c.at.Article]
		if a != nil && (c.at.Field < InParagraph || c.at.Para < len(a.Paragraphs)) {
			return
		}
		c.at = Hit{Article: c.at.Article + 1}
	}
}

// Context returns up to radius characters of text before the bytes
// [start, end), those bytes, and up to radius characters after.
func Context(text string, start, end, radius int) (before, match, after string) {
	if start < 0 || start > end || end > len(text) {
		return "", "", ""
	}
	b, e := start, end
	for i := 0; i < radius && b > 0; i++ {
		_, size := utf8.DecodeLastRuneInString(text[:b])
		b -= size
	}
	for i := 0; i < radius && e < len(text); i++ {
		_, size := utf8.DecodeRuneInString(text[e:])
		e += size
	}
	return text[b:start], text[start:end], text[end:e]
}
