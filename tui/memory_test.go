package tui

import (
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// fakeMemory remembers in maps what the reader tells it, as shelf.Store
// would in its file.
type fakeMemory struct {
	mu       sync.Mutex
	read     map[string]map[string]bool
	position map[string]Position
	loadErr  error         // Load's warning
	saveErr  error         // what saving comes to
	slow     time.Duration // how long a MarkRead takes
	loads    int
}

func newFakeMemory() *fakeMemory {
	return &fakeMemory{read: map[string]map[string]bool{}, position: map[string]Position{}}
}

func (f *fakeMemory) Load(issue string) (Recall, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.loads++
	var r Recall
	for k := range f.read[issue] {
		r.Read = append(r.Read, k)
	}
	if p, ok := f.position[issue]; ok {
		r.Position = &p
	}
	err := f.loadErr
	f.loadErr = nil // a damaged file is set aside: said once
	return r, err
}

func (f *fakeMemory) MarkRead(issue, story string) error {
	time.Sleep(f.slow)
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.saveErr != nil {
		return f.saveErr
	}
	if f.read[issue] == nil {
		f.read[issue] = map[string]bool{}
	}
	f.read[issue][story] = true
	return nil
}

func (f *fakeMemory) SetPosition(issue string, p Position) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.saveErr != nil {
		return f.saveErr
	}
	f.position[issue] = p
	return nil
}

var errDiskFull = errors.New("saving state: no space left on device")

func TestReopeningReturnsToTheStoryAndPlace(t *testing.T) {
	for _, size := range [][2]int{{100, 30}, {60, 20}} {
		mem := newFakeMemory()
		o := Options{Width: size[0], Height: size[1], Key: "2019-02-22", Memory: mem}
		m := New(seamIssue(t), o)
		send(m, keys("j j enter space space j")...)
		story, top, before := m.body.v.key, m.body.top, screen(m)
		m.Update(keyPress("q"))
		if m.quitErr != nil {
			t.Fatal(m.quitErr)
		}

		again := New(seamIssue(t), o)
		if again.body.v == nil || again.body.v.key != story || again.body.top != top || again.focus != focusBody {
			t.Errorf("%v: reopened on %q at line %d (focus %d), want %q at %d, reading", size, reading(again), again.body.top, again.focus, story, top)
		}
		if got := screen(again); got != before {
			t.Errorf("%v: reopened, the screen differs:\n%s", size, lineDiff(before, got))
		}
	}
}

// TestAPlaceIsKeptUntilSomethingIsRead opens an issue and leaves it at
// once: where the reading stopped before is not forgotten.
func TestAPlaceIsKeptUntilSomethingIsRead(t *testing.T) {
	mem := newFakeMemory()
	o := Options{Width: 100, Height: 30, Key: "d01", Memory: mem}
	m := New(goldIssue(t, "d01"), o)
	send(m, keys("j j")...)
	m.Update(keyPress("q"))
	if _, ok := mem.position["d01"]; ok {
		t.Error("an issue only looked at saved a position")
	}
	mem.position["d01"] = Position{Story: m.st.all[2].key, Para: 1}
	m = New(goldIssue(t, "d01"), o)
	m.Update(keyPress("q"))
	if p := mem.position["d01"]; p.Story != m.st.all[2].key || p.Para != 1 {
		t.Errorf("reopened and quit, the position is %+v", p)
	}
}

func TestUnreadCounts(t *testing.T) {
	m := New(seamIssue(t), Options{Width: 100, Height: 30, Memory: newFakeMemory(), Key: "x"})
	header := func() string { return strings.Split(screen(m), "\n")[0] }
	heading := func(page string) string {
		for _, l := range strings.Split(screen(m), "\n")[1:] {
			if strings.Contains(l, page+" ") {
				return m.c.m.Truncate(l, m.c.geo.List.W, "")
			}
		}
		return ""
	}
	if !strings.Contains(header(), "未读 5 ·") || !strings.Contains(heading("第1版"), "未读 2") || !strings.Contains(heading("第11版"), "未读 3") {
		t.Fatalf("at start: %q, %q, %q", header(), heading("第1版"), heading("第11版"))
	}
	// The story across the seam is one story read: page 11's part of it
	// was never counted there.
	send(m, keys("enter J")...)
	if !strings.Contains(header(), "未读 3 ·") || strings.Contains(heading("第1版"), "未读") || !strings.Contains(heading("第11版"), "未读 3") {
		t.Errorf("after reading page 1: %q, %q, %q", header(), heading("第1版"), heading("第11版"))
	}
}

func TestMemoryWarnings(t *testing.T) {
	mem := newFakeMemory()
	mem.loadErr = errors.New("reading state: could not be read, set aside as state.json.unread-1")
	m := New(goldIssue(t, "d01"), Options{Width: 100, Height: 30, Key: "d01", Memory: mem})
	if !strings.Contains(statusBar(m), "set aside") {
		t.Errorf("the load warning is not shown: %q", statusBar(m))
	}
	mem.saveErr = errDiskFull
	send(m, keys("enter")...)
	if !strings.Contains(statusBar(m), "no space left") || !m.list.read.IsRead(m.st.all[0].key) {
		t.Errorf("a failed save: %q; the story read here: %v", statusBar(m), m.list.read.IsRead(m.st.all[0].key))
	}
	send(m, keys("j")...)
	if m.body.top != 1 || strings.Contains(statusBar(m), "no space left") {
		t.Errorf("the reader does not go on after a failed save: at line %d, %q", m.body.top, statusBar(m))
	}
	_, cmd := m.Update(keyPress("q"))
	if _, ok := cmd().(tea.QuitMsg); !ok || !errors.Is(m.quitErr, errDiskFull) {
		t.Errorf("quitting with the disk full: %v", m.quitErr)
	}
}

// TestQuittingWaitsForTheMarks opens a story and quits at once, while the
// mark is still being written off the UI goroutine: it is not lost.
func TestQuittingWaitsForTheMarks(t *testing.T) {
	mem := newFakeMemory()
	mem.slow = 200 * time.Millisecond
	m := New(goldIssue(t, "d01"), Options{Width: 100, Height: 30, Key: "d01", Memory: mem})
	_, cmd := m.Update(keyPress("enter"))
	// As bubbletea runs it, on a goroutine of its own; what it brings back
	// is not given to the reader, which is quitting.
	go func() {
		if batch, ok := cmd().(tea.BatchMsg); ok {
			for _, c := range batch {
				if c != nil {
					c()
				}
			}
		}
	}()
	m.Update(keyPress("q"))
	mem.mu.Lock()
	defer mem.mu.Unlock()
	if !mem.read["d01"][m.st.all[0].key] {
		t.Error("the story opened just before quitting is not remembered read")
	}
}
