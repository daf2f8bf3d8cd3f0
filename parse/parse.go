package parse

import (
	"errors"

	"github.com/dubaoreader/dubao/model"
)

// ErrNoPages is returned for text that holds nothing but white space.
var ErrNoPages = errors.New("no text on the page")

// Pages parses the text of a page file: one page, or several separated by
// form feeds as pdftotext writes them. The bytes may be UTF-8 (with or
// without a byte order mark), UTF-16 with a byte order mark, GB18030/GBK or
// Big5; the encoding is recognised, not told.
func Pages(b []byte) ([]*model.Page, error) {
	text, _, normal, err := decode(b)
	if err != nil {
		return nil, err
	}
	var out []*model.Page
	for _, t := range splitPages(text) {
		if !normal {
			t = normalizeClean(t) // Decode cleaned it
		}
		out = append(out, parsePage(t))
	}
	if len(out) == 0 {
		return nil, ErrNoPages
	}
	return out, nil
}

// Text parses the text of one page that is already decoded; form feeds in
// it are treated as white space.
func Text(text string) *model.Page {
	return parsePage(Normalize(text))
}
