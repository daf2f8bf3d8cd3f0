package main

import (
	"errors"
	"fmt"
	"time"

	"github.com/dubaoreader/dubao/shelf"
	"github.com/dubaoreader/dubao/tui"
)

// memory is the reader's tui.Memory kept in a shelf.Store: every change
// made under the store's lock and merged with what another reader wrote,
// stamped with the time.
type memory struct{ st *shelf.Store }

func (m memory) Load(issue string) (tui.Recall, error) {
	s, err := m.st.Load() // a *shelf.Warning when the file was damaged; s is then empty
	err = stateWarning(err)
	var r tui.Recall
	is := s.Issues[issue]
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
	return saveError(m.st.Update(func(s *shelf.State) {
		if is := s.Issues[issue]; is != nil {
			delete(is.Read, story)
		}
	}))
}

func (m memory) SetPosition(issue string, p tui.Position) error {
	return saveError(m.st.Update(shelf.SetPosition(issue, shelf.Position{Story: p.Story, Para: p.Para, Offset: p.Offset, At: time.Now().Unix()})))
}

// library is the reader's tui.Library over a shelf of dated folders.
type library struct{ sh *shelf.Shelf }

func (l library) Dir() string { return l.sh.Dir }

func (l library) Dates() []string {
	var out []string
	for _, e := range l.sh.Entries {
		out = append(out, e.Date)
	}
	return out
}

// Open reads the issue of a date; its state is kept under the date.
func (l library) Open(date string) (tui.Opened, error) {
	e, ok := l.sh.Find(date)
	if !ok {
		return tui.Opened{}, noIssue(l.sh.Dir, date)
	}
	is, errs, err := shelf.LoadIssue(e.Dir)
	if err != nil {
		return tui.Opened{}, err
	}
	return tui.Opened{Issue: is, Key: e.Date, Warnings: pageWarnings(errStrings(errs))}, nil
}

// stateWarning says a warning about the state file in the reader's words:
// a damaged file set aside, by the name it was set aside as.
func stateWarning(err error) error {
	var w *shelf.Warning
	switch {
	case err == nil:
		return nil
	case errors.As(err, &w) && w.Aside != "":
		return fmt.Errorf("阅读记录文件无法读取，已另存为 %s，从头记起", w.Aside)
	case errors.As(err, &w):
		return fmt.Errorf("阅读记录读不了：%v", err)
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
	return fmt.Errorf("阅读记录存不了：%w", err)
}
