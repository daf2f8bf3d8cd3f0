package parse

import (
	"errors"
	"strings"

	"github.com/dubaoreader/dubao/model"
)

// ErrNoPages is returned for text that holds nothing but white space.
var ErrNoPages = errors.New("no text on the page")

// Pages parses the text of a page file: one page, or several separated by
// form feeds as pdftotext writes them. The bytes may be UTF-8 (with or
// without a byte order mark), UTF-16 with a byte order mark, GB18030/GBK or
// Big5; the encoding is recognised, not told.
func Pages(b []byte) ([]*model.Page, error) {
	var printed runeSet
	text, _, normal, read, err := decode(b, &printed)
	if err != nil {
		return nil, err
	}
	var out []*model.Page
	pages := splitPages(text)
	for _, t := range pages {
		page := t
		if !normal {
			page = normalizeClean(t) // Decode cleaned it
		}
		if len(pages) == 1 {
			out = append(out, parsePageRead(page, foldsRead(text, t, page, &printed, read)))
			continue
		}
		out = append(out, parsePage(page))
	}
	if len(out) == 0 {
		return nil, ErrNoPages
	}
	return out, nil
}

// foldsRead returns the set of the runes of page that foldScript reads
// (addFolds'), page being t, the only page of text, after normalizeClean:
// printed holds those of text[:read], which decode read, and the rest are
// read now. It returns nil, for foldScript to read the page whole, when t
// is not all of text but its form feeds or page does not begin as t does.
func foldsRead(text, t, page string, printed *runeSet, read int) *runeSet {
	if read == 0 || len(text)-len(t) != strings.Count(text, "\f") {
		return nil
	}
	lead := len(text) - len(strings.TrimLeft(text, "\f")) // t is text[lead:lead+len(t)]
	k := min(read-lead, len(t))
	if k <= 0 || len(page) < k || page[:k] != t[:k] {
		return nil
	}
	// page[k:] starts a rune: read is where decode stopped, at a rune.
	addFolds(printed, page[k:])
	return printed
}

// Text parses the text of one page that is already decoded; form feeds in
// it are treated as white space.
func Text(text string) *model.Page {
	return parsePage(Normalize(text))
}
