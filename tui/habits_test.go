package tui

import (
	"testing"

	tea "charm.land/bubbletea/v2"
)

// TestKeysTypedAheadComeFirst: keys typed before the start are taken once
// the window's size is known, before a key typed after them, and only once.
func TestKeysTypedAheadComeFirst(t *testing.T) {
	is := goldIssue(t, corpusPages...)
	m := New(is, Options{TypedAhead: keys("j j j")})
	send(m, tea.WindowSizeMsg{Width: 100, Height: 30})
	if m.list.cur != storyRow(m, 3) {
		t.Fatalf("after the size, the selection is row %d, want the fourth story's (%d)", m.list.cur, storyRow(m, 3))
	}
	send(m, keys("j")...)
	if m.list.cur != storyRow(m, 4) {
		t.Errorf("a key after them: row %d, want the fifth story's (%d)", m.list.cur, storyRow(m, 4))
	}

	// A key that comes before the size still follows them.
	m = New(is, Options{TypedAhead: keys("j j"), Width: 100, Height: 30})
	send(m, keys("k")...)
	if m.list.cur != storyRow(m, 1) {
		t.Errorf("j j typed ahead, then k: row %d, want the second story's (%d)", m.list.cur, storyRow(m, 1))
	}
}

// storyRow returns the list's row of the issue's story i, in list order.
func storyRow(m *Model, i int) int {
	for r, row := range m.list.rows {
		if row.isStory() {
			if i == 0 {
				return r
			}
			i--
		}
	}
	return -1
}
