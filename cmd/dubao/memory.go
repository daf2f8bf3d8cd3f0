package main

import (
	"errors"
	"time"

	"github.com/dubaoreader/dubao/shelf"
	"github.com/dubaoreader/dubao/tui"
)

// memory is the reader's tui.Memory kept in a shelf.Store: every change
// made under the store's lock and merged with what another reader wrote,
// stamped with the time. legacy gives an issue's older key, whose state
// is read with its own (see shelf.Entry.Legacy); nil for none.
type memory struct {
	st     *shelf.Store
	legacy func(key string) string
}

func (m memory) Load(issue string) (tui.Recall, error) {
	s, err := m.st.Load() // a *shelf.Warning when the file was damaged; s is then empty
	err = stateWarning(err)
	var r tui.Recall
	old := ""
	if m.legacy != nil {
		old = m.legacy(issue)
	}
	is := s.Lookup(issue, old)
	if is == nil {
		return r, err
	}
	for k := range is.Read {
		r.Read = append(r.Read, k)
	}
	if p := is.Position; p != nil {
		r.Position = &tui.Position{Story: p.Story, Para: p.Para, Offset: p.Offset}
	}
	return r, err
}

func (m memory) MarkRead(issue, story string) error {
	return saveError(m.st.Update(shelf.MarkRead(issue, story, time.Now())))
}

// MarkUnread forgets that a story was read (the r key).
func (m memory) MarkUnread(issue, story string) error {
	old := ""
	if m.legacy != nil {
		old = m.legacy(issue)
	}
	return saveError(m.st.Update(func(s *shelf.State) {
		for _, k := range []string{issue, old} {
			if is := s.Issues[k]; k != "" && is != nil {
				delete(is.Read, story) // read under the older key is read too (State.Lookup)
			}
		}
	}))
}

func (m memory) SetPosition(issue string, p tui.Position) error {
	return saveError(m.st.Update(shelf.SetPosition(issue, shelf.Position{Story: p.Story, Para: p.Para, Offset: p.Offset, At: time.Now().Unix()})))
}

// library is the reader's tui.Library over a shelf of dated folders, its
// issues parsed through the cache.
type library struct {
	sh    *shelf.Shelf
	cache *shelf.Cache
}

func (l library) Dir() string { return l.sh.Dir }

// Issues returns the issues' keys: a date, and /paper for a folder that
// names one.
func (l library) Issues() []string {
	var out []string
	for _, e := range l.sh.Entries {
		out = append(out, e.Key())
	}
	return out
}

// Open reads the issue of a key (or of a date, or a folder's name: see
// shelf.Shelf.Find); its state is kept under its key.
func (l library) Open(key string) (tui.Opened, error) {
	e, ok := l.sh.Find(key)
	if !ok {
		return tui.Opened{}, noIssue(l.sh.Dir, key)
	}
	ld, err := l.cache.LoadDir(e.Dir)
	if err != nil {
		return tui.Opened{}, err
	}
	warnings := pageWarnings(ld.Errs)
	for _, name := range ld.Scrambled {
		warnings = append(warnings, scrambledNote(name))
	}
	return tui.Opened{Issue: ld.Issue, Key: e.Key(), Warnings: warnings}, nil
}

// Count returns the keys of an issue's stories, from the cache's summary
// of it when its files are unchanged.
func (l library) Count(key string) ([]string, error) {
	e, ok := l.sh.Find(key)
	if !ok {
		return nil, noIssue(l.sh.Dir, key)
	}
	sum, err := l.cache.Count(e.Dir)
	return sum.Stories, err
}

// legacy returns the older key of an issue's state (shelf.Entry.Legacy).
func (l library) legacy(key string) string {
	for _, e := range l.sh.Entries {
		if e.Key() == key {
			return e.Legacy
		}
	}
	return ""
}

// SearchShelf looks for query in every issue of the shelf, newest first,
// from the cache's folded text of each page (shelf.Cache.Search).
func (l library) SearchShelf(query string, found func(tui.ShelfDay) bool) {
	l.cache.Search(l.sh.Entries, query, func(d shelf.DayFound) bool {
		return found(tui.ShelfDay{Key: d.Entry.Key(), Issue: d.Issue, Hits: d.Hits, Err: d.Err, Parsed: d.Parsed})
	})
}

// stateWarning says a warning about the state file in the reader's words:
// a damaged file set aside, by the name it was set aside as.
func stateWarning(err error) error {
	var w *shelf.Warning
	switch {
	case err == nil:
		return nil
	case errors.As(err, &w) && w.Aside != "":
		n := tui.Say("阅读记录文件无法读取，已另存为 %s，从头记起", w.Aside)
		n.Cause = err
		return n
	case errors.As(err, &w):
		return tui.Say("阅读记录读不了：%v", err)
	}
	return err
}

// saveError says a failure to save the state in the reader's words, the
// cause after them.
// A file that could not be read and was set aside before the save is said
// as stateWarning says it: the save itself went through.
func saveError(err error) error {
	var w *shelf.Warning
	switch {
	case err == nil:
		return nil
	case errors.As(err, &w) && w.Aside != "":
		return stateWarning(err)
	}
	return tui.Say("阅读记录存不了：%v", err)
}
