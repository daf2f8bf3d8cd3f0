package tui

import (
	"maps"
	"slices"
)

// ReadMarks are the stories of the open issue that have been read, by
// their keys (model.Story.Key). The reader loads them from its Memory when
// it opens an issue and tells the Memory of each story it marks. The zero
// value is empty and ready to use.
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

// IsRead reports whether the story with key k has been read.
func (r *ReadMarks) IsRead(k string) bool { return r.read[k] }

// MarkRead records that the story with key k has been read.
func (r *ReadMarks) MarkRead(k string) {
	if r.read == nil {
		r.read = make(map[string]bool)
	}
	r.read[k] = true
}

// MarkUnread forgets that the story with key k has been read.
func (r *ReadMarks) MarkUnread(k string) { delete(r.read, k) }

// Keys returns the keys of the stories read, sorted.
func (r *ReadMarks) Keys() []string {
	return slices.Sorted(maps.Keys(r.read))
}
