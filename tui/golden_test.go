package tui

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/dubaoreader/dubao/tui/layout"
)

var update = flag.Bool("update", false, "rewrite the golden screens in testdata/golden")

// screen returns what the reader shows, without colour.
func screen(m *Model) string { return ansi.Strip(m.View().Content) }

// send gives the model each message in turn, and runs the commands that
// come back as the program would, giving the model what they bring: an
// issue opened, a count, the Memory's answer. (Not the terminal's: a test
// has none.)
func send(m *Model, msgs ...tea.Msg) {
	for _, msg := range msgs {
		_, cmd := m.Update(msg)
		run(m, cmd)
	}
}

// run runs cmd and what follows from it.
func run(m *Model, cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	switch msg := cmd().(type) {
	case tea.BatchMsg:
		for _, c := range msg {
			run(m, c)
		}
	case openedMsg, countedMsg, savedMsg, indexMsg, searchDueMsg, shelfFoundMsg:
		send(m, msg)
	}
}

// keys turns a space-separated list of keys (as keyPress reads them)
// into messages.
func keys(s string) []tea.Msg {
	var msgs []tea.Msg
	for _, k := range strings.Fields(s) {
		msgs = append(msgs, keyPress(k))
	}
	return msgs
}

// checkFrame fails t unless every line of frame is exactly w cells wide by
// m and there are exactly h lines.
func checkFrame(t *testing.T, frame string, w, h int, m layout.Measure) {
	t.Helper()
	lines := strings.Split(frame, "\n")
	if len(lines) != h {
		t.Errorf("%d lines, want %d", len(lines), h)
	}
	for i, l := range lines {
		if got := m.StringWidth(l); got != w {
			t.Errorf("line %d is %d cells, want %d: %q", i, got, w, l)
		}
	}
}

// TestGolden draws the reader in each scenario at 80×24 and 140×40 (and
// 60×20 for one pane, 16×5 for too small), with the ambiguous characters
// narrow and wide, and compares the screens with testdata/golden. The
// screens are drawn with the Measure alone (lipgloss only colours), so both
// modes can be drawn in one process. A wide-mode golden file looks ragged in
// an editor that draws “ ” ─ │ narrow: that is what a wide terminal aligns.
func TestGolden(t *testing.T) {
	type scenario struct {
		name string
		keys string
	}
	scenarios := []scenario{
		{"start", ""},
		{"article", "j j enter"},
		{"article-end", "j j enter G"},
		{"help", "?"},
		{"page-next", "] ] enter space"},
		{"search-prompt", "/ 人 民"},
		{"search-article", "/ 税 务 蓝 enter"},
		{"search-narrowed", "/ 人 民 enter f"},
	}
	sizes := [][2]int{{80, 24}, {140, 40}}
	type run struct {
		scenario
		w, h int
	}
	var runs []run
	for _, s := range scenarios {
		for _, sz := range sizes {
			runs = append(runs, run{s, sz[0], sz[1]})
		}
	}
	runs = append(runs,
		run{scenario{"single-list", "j"}, 60, 20},
		run{scenario{"single-article", "j enter d"}, 60, 20},
		run{scenario{"single-help", "?"}, 60, 20},
		run{scenario{"single-search-prompt", "/ 国 家"}, 60, 20},
		run{scenario{"too-small", ""}, 16, 5},
	)
	for _, amb := range []layout.Ambiguous{layout.Narrow, layout.Wide} {
		for _, r := range runs {
			name := fmt.Sprintf("%s-%dx%d-%s", r.name, r.w, r.h, amb)
			t.Run(name, func(t *testing.T) {
				mm := layout.NewMeasure(amb)
				m := New(goldIssue(t, corpusPages...), Options{Measure: mm, ThemeName: "ink"})
				send(m, tea.WindowSizeMsg{Width: r.w, Height: r.h})
				send(m, keys(r.keys)...)
				goldenScreen(t, m, name, r.w, r.h, mm)
				if r.name == "search-article" {
					// The golden screen has no colour: the highlight's
					// place is checked here.
					h := m.search.hits[m.search.cur]
					want := hitCells(t, m, h)
					cur := paintedIn(m.View().Content, mm, m.c.st.current[:]...)
					if len(cur) != len(want) || cur[0].row != want[0].row || cur[0].col != want[0].col || cur[0].end != want[0].end {
						t.Errorf("the current match is drawn at %v, want %v", cur, want)
					}
				}
			})
		}
	}
}

// goldenScreen checks m's screen as a frame of w×h cells and against
// the golden file testdata/golden/NAME.txt.
func goldenScreen(t *testing.T, m *Model, name string, w, h int, mm layout.Measure) {
	t.Helper()
	got := screen(m)
	checkFrame(t, got, w, h, mm)
	compareGolden(t, filepath.Join("testdata", "golden", name+".txt"), got)
}

// compareGolden compares got with the file at path, or writes it there
// with -update.
func compareGolden(t *testing.T, path, got string) {
	t.Helper()
	got += "\n"
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./tui -update to write it)", err)
	}
	if got != string(want) {
		t.Errorf("screen differs from %s (go test ./tui -update rewrites it):\n%s", path, lineDiff(string(want), got))
	}
}

// lineDiff shows the lines that differ, with their numbers.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for i := range max(len(w), len(g)) {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			fmt.Fprintf(&b, "%3d want %s\n%3d got  %s\n", i+1, wl, i+1, gl)
		}
	}
	return b.String()
}
