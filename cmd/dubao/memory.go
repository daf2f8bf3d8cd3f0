package main

import (
	"time"

	"github.com/dubaoreader/dubao/parse"
	"github.com/dubaoreader/dubao/shelf"
	"github.com/dubaoreader/dubao/tui"
)

// memory is the reader's tui.Memory kept in a shelf.Store: every change
// made under the store's lock and merged with what another reader wrote,
// stamped with the time.
type memory struct{ st *shelf.Store }

func (m memory) Load(issue string) (tui.Recall, error) {
	s, err := m.st.Load() // a *shelf.Warning when the file was damaged; s is then empty
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
	return m.st.Update(shelf.MarkRead(issue, story, time.Now()))
}

func (m memory) SetPosition(issue string, p tui.Position) error {
	return m.st.Update(shelf.SetPosition(issue, shelf.Position{Story: p.Story, Para: p.Para, Offset: p.Offset, At: time.Now().Unix()}))
}

// library is the reader's tui.Library over a shelf of dated folders.
type library struct {
	sh   *shelf.Shelf
	pdfs parse.Extractor // reads the PDFs on the shelf
}

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
	is, errs, err := shelf.LoadIssueReading(e.Dir, l.pdfs)
	if err != nil {
		return tui.Opened{}, err
	}
	return tui.Opened{Issue: is, Key: e.Date, Warnings: errStrings(errs)}, nil
}
