package tui

import (
	"fmt"
	"maps"
	"slices"

	"github.com/dubaoreader/dubao/model"
)

// ReadMarks remembers which articles have been read. It lives in memory;
// Keys and NewReadMarks are the seam where it will be saved and loaded.
// The zero value is empty and ready to use.
type ReadMarks struct {
	read map[string]bool
}

// NewReadMarks returns marks holding the given keys, as Keys returned them.
func NewReadMarks(keys []string) *ReadMarks {
	r := &ReadMarks{read: make(map[string]bool, len(keys))}
	for _, k := range keys {
		r.read[k] = true
	}
	return r
}

// ArticleKey names an article of a page the same way from one run to the
// next: the page's date and number and the article's heading. The reader
// uses it for an article outside the stories; for one inside, the
// story's Key, so that all its parts are read together.
func ArticleKey(p *model.Page, a *model.Article) string {
	h := []rune(a.Heading())
	if len(h) > 40 {
		h = h[:40]
	}
	return fmt.Sprintf("%s/%d/%s", p.Date, p.Number, string(h))
}

// IsRead reports whether the article with key k has been read.
func (r *ReadMarks) IsRead(k string) bool { return r.read[k] }

// MarkRead records that the article with key k has been read.
func (r *ReadMarks) MarkRead(k string) {
	if r.read == nil {
		r.read = make(map[string]bool)
	}
	r.read[k] = true
}

// Keys returns the keys of the articles read, sorted.
func (r *ReadMarks) Keys() []string {
	return slices.Sorted(maps.Keys(r.read))
}
