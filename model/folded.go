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
	if q == "" || !strings.Contains(folded, q) {
		return nil
	}
	f := newFolder()
	var out []Hit
	_, step := utf8.DecodeRuneInString(q)
	// The field the search has reached: its number among the page's lines,
	// where its line starts, and once a match is in it, its text mapped.
	fieldNo, lineStart := 0, 0
	var where Hit
	var text string
	var mapped []byte
	var from []int32
	fields := pageFields(p)
	end := 0 // where the last hit ended, in folded
	for i := 0; i <= len(folded)-len(q); {
		j := strings.Index(folded[i:], q)
		if j < 0 {
			break
		}
		at := i + j
		i = at + step
		if at < end {
			continue // overlaps the hit before
		}
		// Go on to the line at holds.
		moved := false
		for {
			nl := strings.IndexByte(folded[lineStart:], '\n')
			if nl < 0 || lineStart+nl >= at {
				break
			}
			lineStart += nl + 1
			fieldNo++
			moved = true
		}
		if fieldNo >= len(fields) {
			return nil // not this page's text
		}
		if moved || mapped == nil {
			where = fields[fieldNo]
			text = p.Articles[where.Article].Text(where.Field, where.Para)
			mapped, from = f.appendMapped(mapped[:0], from[:0], text)
		}
		local := at - lineStart
		if local+len(q) > len(mapped) || string(mapped[local:local+len(q)]) != q {
			return nil // not this page's text
		}
		end = at + len(q)
		h := where
		h.Page = page
		h.Start = int(from[local])
		_, size := utf8.DecodeLastRuneInString(q)
		last := int(from[local+len(q)-size])
		_, size = utf8.DecodeRuneInString(text[last:])
		h.End = last + size
		out = append(out, h)
	}
	return out
}

// pageFields lists the fields of a page in FoldPage's order, with Article,
// Field and Para set.
func pageFields(p *Page) []Hit {
	var out []Hit
	for ai, a := range p.Articles {
		if a == nil {
			continue
		}
		for fl := InKicker; fl < InParagraph; fl++ {
			out = append(out, Hit{Article: ai, Field: fl})
		}
		for i := range a.Paragraphs {
			out = append(out, Hit{Article: ai, Field: InParagraph, Para: i})
		}
	}
	return out
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
