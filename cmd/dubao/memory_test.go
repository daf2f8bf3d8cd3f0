package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/dubaoreader/dubao/shelf"
	"github.com/dubaoreader/dubao/tui"
)

// drive gives the reader each key in turn, and runs the commands that come
// back as the program would, feeding it what they bring.
func drive(m tea.Model, keys ...string) {
	for _, k := range keys {
		r := []rune(k)
		msg := tea.KeyPressMsg{Code: r[0], Text: k}
		switch k {
		case "enter":
			msg = tea.KeyPressMsg{Code: tea.KeyEnter}
		case "space":
			msg = tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
		case "esc":
			msg = tea.KeyPressMsg{Code: tea.KeyEscape}
		}
		_, cmd := m.Update(msg)
		runCmd(m, cmd)
	}
}

func runCmd(m tea.Model, cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	switch msg := cmd().(type) {
	case tea.BatchMsg:
		for _, c := range msg {
			runCmd(m, c)
		}
	case tea.QuitMsg, nil:
	default:
		_, next := m.Update(msg)
		runCmd(m, next)
	}
}

// screenOf returns what the reader shows, without colour and without its
// status bar, which says passing things.
func screenOf(m *tui.Model) string {
	s := ansi.Strip(m.View().Content)
	return s[:strings.LastIndex(s, "\n")]
}

// TestStateRoundTrip reads the two-page issue with the state in a real
// shelf.Store: a story opened and scrolled, the reader quit; a second
// reader on the same issue finds the story read and the place kept, and
// shows the very same screen.
func TestStateRoundTrip(t *testing.T) {
	dir := issueDir(t)
	is, _, err := issue([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	key := issueKey(is, []string{dir})
	store := shelf.NewStore(t.TempDir())
	o := tui.Options{Width: 100, Height: 30, ThemeName: "plain", Key: key, Memory: memory{st: store}}

	first := tui.New(is, o)
	drive(first, "j", "j", "enter", "space", "space", "j")
	want := screenOf(first)
	drive(first, "q")

	s, err := store.Load()
	if err != nil {
		t.Fatal(err)
	}
	st := s.Issues[key]
	if st == nil || len(st.Read) != 1 || st.Position == nil || st.Position.Para < 1 {
		t.Fatalf("the state file holds %+v", st)
	}
	again, _, _ := issue([]string{dir})
	second := tui.New(again, o)
	if got := screenOf(second); got != want {
		t.Errorf("reopened, the reader shows\n%s\nwant\n%s", got, want)
	}
}

// TestCorruptStateFile opens an issue with a damaged state file: a one-line
// warning, the file set aside, and the reading goes on and is remembered.
func TestCorruptStateFile(t *testing.T) {
	stateDir := t.TempDir()
	path := filepath.Join(stateDir, "state.json")
	os.WriteFile(path, []byte(`{"version":1,"issues":{"2019-02-22":{"read":`), 0o644)
	is, _, _ := issue([]string{issueDir(t)})
	store := shelf.NewStore(stateDir)
	m := tui.New(is, tui.Options{Width: 100, Height: 30, ThemeName: "plain", Key: "2019-02-22", Memory: memory{st: store}})
	s := ansi.Strip(m.View().Content)
	bar := s[strings.LastIndex(s, "\n")+1:]
	if !strings.Contains(bar, "无法读取，已另存为 state.json.unread-") {
		t.Errorf("the status bar says %q, want the warning that the file was set aside, in Chinese", bar)
	}
	drive(m, "enter")
	aside, _ := filepath.Glob(path + ".unread-*")
	st, err := store.Load()
	if len(aside) != 1 || err != nil || len(st.Issues["2019-02-22"].Read) != 1 {
		t.Errorf("set aside as %v; then the state %+v, %v: want the story opened remembered", aside, st.Issues["2019-02-22"], err)
	}
}

func TestMarkUnread(t *testing.T) {
	m := memory{st: shelf.NewStore(t.TempDir())}
	m.MarkRead("2024-03-12", "a")
	m.MarkRead("2024-03-12", "b")
	if err := m.MarkUnread("2024-03-12", "a"); err != nil {
		t.Fatal(err)
	}
	r, _ := m.Load("2024-03-12")
	if len(r.Read) != 1 || r.Read[0] != "b" {
		t.Errorf("after a marked unread, read %v; want [b]", r.Read)
	}
	var _ tui.Unmarker = m
}
