package tui

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/dubaoreader/dubao/model"
	"github.com/dubaoreader/dubao/tui/layout"
)

// fakeLibrary is a shelf of issues made when opened, as package shelf
// would parse them from their folders.
type fakeLibrary struct {
	dir    string
	issues map[string]func() *model.Issue // by date
	broken map[string]bool                // dates whose folder cannot be read

	mu     sync.Mutex
	opened []string // the dates opened, in order
}

func (f *fakeLibrary) Dir() string { return f.dir }

func (f *fakeLibrary) Issues() []string {
	var out []string
	for d := range f.issues {
		out = append(out, d)
	}
	slices.Sort(out)
	slices.Reverse(out)
	return out
}

func (f *fakeLibrary) Open(date string) (Opened, error) {
	f.mu.Lock()
	f.opened = append(f.opened, date)
	f.mu.Unlock()
	if f.broken[date] {
		return Opened{}, errors.New("read issue " + date + ": permission denied")
	}
	return Opened{Issue: f.issues[date](), Key: date}, nil
}

// threeDays is a shelf of three issues made of the corpus's gold pages,
// the middle one holding a story across a seam.
func threeDays(t testing.TB) *fakeLibrary {
	return &fakeLibrary{dir: "/home/读者/.local/share/dubao/papers", issues: map[string]func() *model.Issue{
		"2019-02-21": func() *model.Issue { return goldIssue(t, "d01") },
		"2019-02-22": func() *model.Issue { return seamIssue(t) },
		"2020-02-13": func() *model.Issue { return goldIssue(t, "d03") },
	}}
}

// started returns the reader as Run starts it: New, then what Init asks
// for done.
func started(m *Model) *Model {
	run(m, m.Init())
	return m
}

// shelfRows returns the text of the shelf's rows on the screen, trimmed.
func shelfRows(m *Model) []string {
	var out []string
	for _, l := range strings.Split(screen(m), "\n")[2 : m.c.geo.Height-2] {
		l = strings.Trim(l, " │")
		if l != "" {
			out = append(out, strings.Join(strings.Fields(l), " "))
		}
	}
	return out
}

func TestShelfListsTheIssuesNewestFirst(t *testing.T) {
	mem := newFakeMemory()
	mem.read["2019-02-21"] = map[string]bool{goldIssue(t, "d01").Stories[0].Key(): true}
	m := started(New(nil, Options{Width: 80, Height: 24, Library: threeDays(t), Memory: mem}))
	want := []string{
		"2020年2月13日 星期四 未打开 · 共 5 篇",
		"2019年2月22日 星期五 未打开 · 共 5 篇",
		"2019年2月21日 星期四 未读 5 · 共 6 篇",
	}
	if got := shelfRows(m); !slices.Equal(got, want) {
		t.Errorf("the shelf shows\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !strings.Contains(strings.Split(screen(m), "\n")[0], "书架") {
		t.Error("the header does not say it is the shelf")
	}
}

// TestShelfCountsWhatIsInView counts only the issues shown, as the shelf
// is scrolled: a year of days is not parsed at start.
func TestShelfCountsWhatIsInView(t *testing.T) {
	lib := &fakeLibrary{dir: "papers", issues: map[string]func() *model.Issue{}}
	for d := 1; d <= 40; d++ {
		lib.issues[fmt.Sprintf("2024-01-%02d", d)] = func() *model.Issue { return goldIssue(t, "d05") }
	}
	m := started(New(nil, Options{Width: 80, Height: 12, Library: lib}))
	if n := len(lib.opened); n != 8 {
		t.Errorf("%d issues counted at start, want the 8 in view", n)
	}
	if rows := shelfRows(m); !strings.Contains(rows[0], "未打开 · 共 4 篇") {
		t.Errorf("the first row is %q", rows[0])
	}
	send(m, keys("G")...)
	if n := len(lib.opened); n != 16 {
		t.Errorf("%d issues counted after G, want 16", n)
	}
	send(m, keys("g")...)
	if n := len(lib.opened); n != 16 {
		t.Errorf("%d issues counted after g, want still 16: each is counted once", n)
	}
}

func TestShelfOpensAnIssueAndGoesBack(t *testing.T) {
	mem := newFakeMemory()
	lib := threeDays(t)
	m := started(New(nil, Options{Width: 100, Height: 30, Library: lib, Memory: mem}))
	send(m, keys("j enter")...)
	if m.onShelf() || m.issueKey != "2019-02-22" || !strings.Contains(screen(m), "第11版") {
		t.Fatalf("enter did not open the issue of 2019-02-22:\n%s", screen(m))
	}
	send(m, keys("enter space")...) // the story across the seam, read
	top := m.body.top
	send(m, keys("h")...)
	if m.onShelf() {
		t.Fatal("h from the story went past the list")
	}
	send(m, keys("esc")...)
	if !m.onShelf() {
		t.Fatal("esc from the list did not go back to the shelf")
	}
	if rows := shelfRows(m); !strings.Contains(rows[1], "未读 4 · 共 5 篇") || m.shelf.cur != 1 {
		t.Errorf("back on the shelf: %q selected %d; want the issue selected, 4 of 5 unread", rows, m.shelf.cur)
	}
	if p, ok := mem.position["2019-02-22"]; !ok || p.Story != m.st.all[0].key || p.Para < 0 {
		t.Errorf("leaving the issue kept the position %+v", p)
	}
	// Opened again, it is where it was left.
	send(m, keys("enter")...)
	if m.onShelf() || m.focus != focusBody || m.body.top != top || m.body.v != &m.st.all[0] {
		t.Errorf("reopened: on the shelf %v, focus %d, story %q at %d; want the story at %d", m.onShelf(), m.focus, reading(m), m.body.top, top)
	}
	// s goes back from anywhere in the issue.
	send(m, keys("s")...)
	if !m.onShelf() {
		t.Error("s does not go back to the shelf")
	}
}

func TestShelfIssueThatCannotBeOpened(t *testing.T) {
	lib := threeDays(t)
	lib.broken = map[string]bool{"2020-02-13": true}
	m := started(New(nil, Options{Width: 100, Height: 30, Library: lib}))
	if rows := shelfRows(m); !strings.Contains(rows[0], "打不开") {
		t.Errorf("the broken issue's row: %q", rows[0])
	}
	send(m, keys("enter")...)
	if !m.onShelf() || !strings.Contains(statusBar(m), "permission denied") {
		t.Errorf("opening a broken issue: on the shelf %v, status %q", m.onShelf(), statusBar(m))
	}
}

func TestShelfWithoutALibrary(t *testing.T) {
	m := New(goldIssue(t, "d01"), Options{Width: 100, Height: 30})
	send(m, keys("s")...)
	if m.onShelf() || !strings.Contains(statusBar(m), "没有书架") {
		t.Errorf("s without a shelf: %q", statusBar(m))
	}
	send(m, keys("esc")...)
	if m.onShelf() {
		t.Error("esc in the list without a shelf left the issue")
	}
}

// TestShelfGolden draws the shelf of three days, and an empty shelf that
// says how to fill it, at a size with two panes and one.
func TestShelfGolden(t *testing.T) {
	for _, amb := range []layout.Ambiguous{layout.Narrow, layout.Wide} {
		for _, sz := range [][2]int{{100, 20}, {60, 20}} {
			for _, shelf := range []string{"shelf", "shelf-empty"} {
				name := fmt.Sprintf("%s-%dx%d-%s", shelf, sz[0], sz[1], amb)
				t.Run(name, func(t *testing.T) {
					lib := threeDays(t)
					if shelf == "shelf-empty" {
						lib.issues = nil
					}
					mem := newFakeMemory()
					mem.read["2019-02-21"] = map[string]bool{goldIssue(t, "d01").Stories[0].Key(): true}
					mm := layout.NewMeasure(amb)
					m := started(New(nil, Options{Measure: mm, Width: sz[0], Height: sz[1], ThemeName: "ink", Library: lib, Memory: mem}))
					send(m, keys("j")...)
					goldenScreen(t, m, name, sz[0], sz[1], mm)
				})
			}
		}
	}
}

func TestShelfFrameNeverOverflows(t *testing.T) {
	for _, amb := range []layout.Ambiguous{layout.Narrow, layout.Wide} {
		mm := layout.NewMeasure(amb)
		for w := MinWidth; w <= 130; w += 7 {
			for _, h := range []int{MinHeight, 9, 24} {
				m := started(New(nil, Options{Measure: mm, Width: w, Height: h, Library: threeDays(t)}))
				checkFrame(t, screen(m), w, h, mm)
				send(m, tea.WindowSizeMsg{Width: w + 3, Height: h})
				checkFrame(t, screen(m), w+3, h, mm)
			}
		}
	}
}

// TestShelfFromADay starts on a day of the shelf, as dubao --date does: s
// goes back to the shelf, on that day, its count as read.
func TestShelfFromADay(t *testing.T) {
	lib := threeDays(t)
	m := started(New(seamIssue(t), Options{Width: 100, Height: 30, Library: lib, Memory: newFakeMemory(), Key: "2019-02-22"}))
	send(m, keys("enter s")...)
	if rows := shelfRows(m); !m.onShelf() || m.shelf.cur != 1 || !strings.Contains(rows[1], "未读 4 · 共 5 篇") {
		t.Errorf("back on the shelf from the day: %q, selected %d", rows, m.shelf.cur)
	}
}

func TestShelfMouse(t *testing.T) {
	m := started(New(nil, Options{Width: 100, Height: 30, Library: threeDays(t)}))
	g := m.c.geo
	second := tea.MouseClickMsg{X: g.Shelf.X + 5, Y: g.Inner(g.Shelf).Y + 1, Button: tea.MouseLeft}
	send(m, second)
	if !m.onShelf() || m.shelf.cur != 1 {
		t.Fatalf("a click on the second day selected %d", m.shelf.cur)
	}
	send(m, second)
	if m.onShelf() || m.issueKey != "2019-02-22" {
		t.Error("a second click on the selected day did not open it")
	}
}

// A paper's long name is cut to leave room for the day's count; only a
// row too narrow for the date and the count drops the count.
func TestShelfRowCutsALongPaperName(t *testing.T) {
	long := strings.Repeat("很长的报纸名字", 12)
	lib := &fakeLibrary{dir: "papers", issues: map[string]func() *model.Issue{
		"2019-02-21/" + long: func() *model.Issue { return goldIssue(t, "d01") },
	}}
	for _, w := range []int{60, 80, 160} {
		m := started(New(nil, Options{Width: w, Height: 24, Library: lib, ThemeName: "ink"}))
		checkFrame(t, screen(m), w, 24, m.c.m)
		row := shelfRows(m)[0]
		if !strings.Contains(row, "2019年2月21日") || !strings.Contains(row, "很长") || !strings.Contains(row, "…") || !strings.Contains(row, "共 6 篇") {
			t.Errorf("%d columns: the row is %q, want the date, the name cut and the count", w, row)
		}
	}
}
