package tui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/dubaoreader/dubao/model"
)

// Memory is what the reader remembers of issues from one run to the next:
// the stories read and where the reading stopped, under an issue's key (its
// date, or where it was read from). cmd/dubao gives one kept in a file
// (package shelf's Store); the reader only calls it, off its own goroutine
// for the marks made while reading.
type Memory interface {
	// Load returns what is remembered of the issue. An error is a warning
	// to show, such as a damaged file set aside; the reading goes on with
	// what Load returned.
	Load(issue string) (Recall, error)
	// MarkRead remembers that a story of the issue was opened.
	MarkRead(issue, story string) error
	// SetPosition remembers where the reading of the issue stopped.
	SetPosition(issue string, p Position) error
}

// Recall is what a Memory holds of an issue.
type Recall struct {
	Read     []string  // the keys of the stories read (model.Story.Key)
	Position *Position // where the reading stopped; nil before any
}

// Position is where the reading of an issue stopped: a story, and the line
// at the top of the body as a place that survives a different width.
type Position struct {
	Story string // the story's key
	// Para is the paragraph (an index in Story.Paragraphs) the top line
	// belongs to, -1 for the headline; Offset the byte in it at which the
	// line starts, or for a line of the headline or a seam its number there.
	Para, Offset int
}

// savedMsg is what came of telling the Memory something.
type savedMsg struct{ err error }

// remember tells the issue's Memory something, off the UI goroutine: a
// file is written, and a key held down should not wait for the disk. It is
// handed over to bubbletea as a command when Update returns (handOver); a
// failure comes back as a warning in the status bar. Quitting waits for
// it (see settle).
func (m *Model) remember(tell func(mem Memory, issue string) error) {
	if m.mem == nil || m.issueKey == "" {
		return
	}
	mem, issue := m.mem, m.issueKey
	m.tells = append(m.tells, func() error { return tell(mem, issue) })
}

// handOver makes commands of what the Memory is to be told, counting them
// in telling until they are done.
func (m *Model) handOver() {
	telling := m.telling
	for _, tell := range m.tells {
		telling.Add(1)
		m.pending = append(m.pending, func() tea.Msg {
			defer telling.Done()
			return savedMsg{err: tell()}
		})
	}
	m.tells = nil
}

// settleWait is how long quitting waits for the Memory to be told what it
// is being told.
const settleWait = 3 * time.Second

// settle tells the Memory, there and then, what has not been handed over
// yet, and waits until it has been told what the commands handed over are
// telling it — the stories just opened, the place on leaving an issue — so
// that quitting at once loses none of it; but not for ever. The first
// failure is kept for Run, unless one is kept already.
func (m *Model) settle() {
	for _, tell := range m.tells {
		if err := tell(); err != nil && m.quitErr == nil {
			m.quitErr = err
		}
	}
	m.tells = nil
	done := make(chan struct{})
	go func() {
		m.telling.Wait()
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(settleWait):
	}
}

// position returns where the reader is, to be remembered: the story in the
// body and the line at its top. ok is false before any story has been read
// in this issue, so that opening an issue and leaving it at once does not
// forget where the reading had stopped.
func (m *Model) position() (p Position, ok bool) {
	if !m.reading || m.body.v == nil {
		return Position{}, false
	}
	a := m.body.at
	return Position{Story: m.body.v.key, Para: a.block - 1, Offset: a.off}, true
}

// restore goes back to position p: its story selected and read, scrolled
// to the line that was at the top. A story no longer in the issue leaves
// the reader at the start.
func (m *Model) restore(p Position) {
	for si := range m.st.all {
		if m.st.all[si].key != p.Story {
			continue
		}
		row, ok := m.list.rowOf(si)
		if !ok {
			return
		}
		m.list.cur = row
		m.list.follow()
		m.sync()
		m.body.goTo(anchor{block: p.Para + 1, off: p.Offset})
		m.read()
		return
	}
}

// storyKeys returns the keys of an issue's stories, as the reader names
// them (an issue's article in no story is one of its own).
func storyKeys(is *model.Issue) []string {
	_, st := readIssue(is)
	keys := make([]string, len(st.all))
	for i, v := range st.all {
		keys[i] = v.key
	}
	return keys
}
