package tui

import (
	"github.com/dubaoreader/dubao/model"
	"github.com/dubaoreader/dubao/model/clean"
)

// What the reader, Cat and Find print comes from outside: the text of the
// pages, the names of their files and of the shelf's folders, and messages
// that quote them. It is taken in through here, so that nothing of it
// reaches the terminal as a control sequence whoever built it — parse
// drops controls from page text already; an issue from a cache, a Library
// or a Memory of someone else's making is held to the same rule. Text in
// the tree goes through clean.Text (what is not text dropped), names and
// messages through clean.Line (shown visibly).

// takeIn returns is and o with what came from outside cleaned: the issue
// (in place), the warnings, and the Library and Memory wrapped so that what
// they return is cleaned too.
func takeIn(is *model.Issue, o Options) (*model.Issue, Options) {
	cleanIssue(is)
	o.Warnings = cleanErrs(o.Warnings)
	if o.Library != nil {
		o.Library = wrapLibrary(o.Library)
	}
	if u, ok := o.Memory.(Unmarker); ok {
		o.Memory = cleanUnmarker{cleanMemory{o.Memory}, u}
	} else if o.Memory != nil {
		o.Memory = cleanMemory{o.Memory}
	}
	return is, o
}

// cleanIssue takes what is not text out of every string of the issue, in
// place: a clean issue is left as it is, without allocating.
func cleanIssue(is *model.Issue) {
	if is == nil {
		return
	}
	is.Date = clean.Line(is.Date)
	for _, p := range is.Pages {
		if p == nil {
			continue
		}
		p.Name, p.Date, p.Source = clean.Line(p.Name), clean.Line(p.Date), clean.Line(p.Source)
		for i, f := range p.Furniture {
			p.Furniture[i] = clean.Text(f)
		}
		for _, a := range p.Articles {
			if a == nil {
				continue
			}
			a.Title, a.Kicker = clean.Text(a.Title), clean.Text(a.Kicker)
			a.Subtitle, a.Byline = clean.Text(a.Subtitle), clean.Text(a.Byline)
			for i, m := range a.Markers {
				a.Markers[i] = clean.Text(m)
			}
			for i, q := range a.Paragraphs {
				a.Paragraphs[i] = clean.Text(q)
			}
		}
	}
}

func cleanLines(lines []string) []string {
	for i, l := range lines {
		lines[i] = clean.Line(l)
	}
	return lines
}

// cleanError is an error whose message is shown as clean.Line shows it.
type cleanError struct{ err error }

func (e cleanError) Error() string { return clean.Line(e.err.Error()) }
func (e cleanError) Unwrap() error { return e.err }

func cleanErrs(errs []error) []error {
	for i, err := range errs {
		errs[i] = cleanErr(err)
	}
	return errs
}

func cleanErr(err error) error {
	if err == nil {
		return nil
	}
	return cleanError{err}
}

// cleanLibrary is a Library whose folder, dates, issues, warnings and
// errors are cleaned.
type cleanLibrary struct{ Library }

func (l cleanLibrary) Dir() string { return clean.Line(l.Library.Dir()) }

func (l cleanLibrary) Issues() []string { return cleanLines(l.Library.Issues()) }

// wrapLibrary returns l as a cleanLibrary that is still a Counter and a
// ShelfSearcher where l is one: the reader asks for those by type.
func wrapLibrary(l Library) Library {
	c := cleanLibrary{l}
	counter, counts := l.(Counter)
	searcher, searches := l.(ShelfSearcher)
	switch {
	case counts && searches:
		return struct {
			cleanLibrary
			cleanCounter
			cleanSearcher
		}{c, cleanCounter{counter}, cleanSearcher{searcher}}
	case counts:
		return struct {
			cleanLibrary
			cleanCounter
		}{c, cleanCounter{counter}}
	case searches:
		return struct {
			cleanLibrary
			cleanSearcher
		}{c, cleanSearcher{searcher}}
	}
	return c
}

// cleanCounter is a Counter whose errors are cleaned.
type cleanCounter struct{ c Counter }

func (c cleanCounter) Count(key string) ([]string, error) {
	keys, err := c.c.Count(key)
	return keys, cleanErr(err)
}

// cleanSearcher is a ShelfSearcher whose issues and errors are cleaned.
type cleanSearcher struct{ s ShelfSearcher }

func (c cleanSearcher) SearchShelf(query string, found func(ShelfDay) bool) {
	c.s.SearchShelf(query, func(d ShelfDay) bool {
		cleanIssue(d.Issue)
		d.Err = cleanErr(d.Err)
		return found(d)
	})
}

func (l cleanLibrary) Open(date string) (Opened, error) {
	op, err := l.Library.Open(date)
	cleanIssue(op.Issue)
	op.Warnings = cleanErrs(op.Warnings)
	return op, cleanErr(err)
}

// cleanMemory is a Memory whose errors are cleaned.
type cleanMemory struct{ Memory }

func (m cleanMemory) Load(issue string) (Recall, error) {
	r, err := m.Memory.Load(issue)
	return r, cleanErr(err)
}

func (m cleanMemory) MarkRead(issue, story string) error {
	return cleanErr(m.Memory.MarkRead(issue, story))
}

func (m cleanMemory) SetPosition(issue string, p Position) error {
	return cleanErr(m.Memory.SetPosition(issue, p))
}

// cleanUnmarker is a cleanMemory of a Memory that is also an Unmarker, so
// that wrapping it hides neither.
type cleanUnmarker struct {
	cleanMemory
	u Unmarker
}

func (m cleanUnmarker) MarkUnread(issue, story string) error {
	return cleanErr(m.u.MarkUnread(issue, story))
}
