package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/dubaoreader/dubao/tui/layout"
)

// promptAfter types msgs into an empty prompt; a string is a key as
// keyPress reads it.
func promptAfter(msgs ...any) prompt {
	var p prompt
	k := DefaultKeyMap().Prompt
	for _, msg := range msgs {
		switch msg := msg.(type) {
		case string:
			p.update(keyPress(msg), k)
		case tea.Msg:
			p.update(msg, k)
		}
	}
	return p
}

func TestPromptEditing(t *testing.T) {
	tests := []struct {
		name string
		msgs []any
		text string
		cur  int // the cursor, in bytes
	}{
		{"Chinese typed a character at a time", []any{"人", "民", "日", "报"}, "人民日报", 12},
		{"a word an input method commits as one key press", []any{"人民日报"}, "人民日报", 12},
		{"committed words go in at the cursor", []any{"人民", "left", "网"}, "人网民", 6},
		{"a paste, its line break a space", []any{tea.PasteMsg{Content: "税务\n蓝"}}, "税务 蓝", 10},
		{"a paste loses control characters", []any{tea.PasteMsg{Content: "陈\x1b国\x00华\t"}}, "陈国华 ", 10},
		{"backspace removes one character", []any{"人民日报", "backspace"}, "人民日", 9},
		{"backspace removes a character and its combining mark", []any{"cafe\u0301", "backspace"}, "caf", 3},
		{"backspace removes an emoji sequence whole", []any{"好👨\u200d👩\u200d👧", "backspace"}, "好", 3},
		{"backspace at the start does nothing", []any{"人民", "home", "backspace"}, "人民", 0},
		{"backspace before the cursor, not at the end", []any{"人民日报", "left", "backspace"}, "人民报", 6},
		{"delete removes the character under the cursor", []any{"人民日报", "home", "delete"}, "民日报", 0},
		{"ctrl+u clears", []any{"人民日报", "ctrl+u"}, "", 0},
		{"left and right move a character", []any{"人民日报", "left", "left", "right"}, "人民日报", 9},
		{"left stops at the start, right at the end", []any{"人", "left", "left", "right", "right"}, "人", 3},
		{"home and end", []any{"人民", "home", "x", "end", "y"}, "x人民y", 8},
		{"space is text", []any{"税务", "space", "蓝"}, "税务 蓝", 10},
		{"keys with ctrl are not text", []any{"人", tea.KeyPressMsg{Code: 'x', Text: "x", Mod: tea.ModCtrl}}, "人", 3},
		{"letters the reader binds are text here", []any{"q", "n", "N", "/", "?"}, "qnN/?", 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := promptAfter(tt.msgs...)
			if p.text != tt.text || p.cur != tt.cur {
				t.Errorf("prompt holds %q, cursor at %d; want %q at %d", p.text, p.cur, tt.text, tt.cur)
			}
		})
	}
}

func TestPromptEvents(t *testing.T) {
	k := DefaultKeyMap().Prompt
	p := prompt{text: "人民", cur: 6}
	for _, tt := range []struct {
		msg  tea.Msg
		want promptEvent
	}{
		{keyPress("enter"), promptConfirm},
		{keyPress("esc"), promptCancel},
		{keyPress("left"), promptMoved},
		{keyPress("报"), promptEdited},
		{tea.PasteMsg{Content: "网"}, promptEdited},
		{tea.PasteMsg{Content: "\x00"}, promptIgnored},
		{keyPress("tab"), promptIgnored},
	} {
		if got := p.update(tt.msg, k); got != tt.want {
			t.Errorf("%v: event %d, want %d", tt.msg, got, tt.want)
		}
	}
}

// cursorCell returns the cell of the status bar the prompt's cursor is
// drawn on, found by its paint, and the text drawn there.
func cursorCell(t *testing.T, m *Model) (int, string) {
	t.Helper()
	lines := strings.Split(m.View().Content, "\n")
	spans := spansIn(lines[len(lines)-1], m.c.st.promptCursor, m.c.m)
	if len(spans) != 1 {
		t.Fatalf("%d cursors on the status bar: %q", len(spans), lines[len(lines)-1])
	}
	return spans[0].col, spans[0].text
}

// TestPromptCursorFollowsTheText types queries into the reader's prompt in
// both ambiguous-width modes and finds the cursor where a person would:
// on the cell right after the last character, or on the character it was
// moved back to. The terminal's own cursor is put there too.
func TestPromptCursorFollowsTheText(t *testing.T) {
	queries := []string{"人民", "“邮路绿”", "COVID-19疫情", "陈国华·台中", "ＡＢＣ１２３", "e\u0301t\u00e9"}
	for _, amb := range []layout.Ambiguous{layout.Narrow, layout.Wide} {
		mm := layout.NewMeasure(amb)
		for _, q := range queries {
			for _, typing := range []string{"rune by rune", "one commit", "paste"} {
				m := New(goldIssue(t, corpusPages...), Options{Measure: mm, ThemeName: "ink", Width: 100, Height: 30})
				send(m, keyPress("/"))
				switch typing {
				case "rune by rune":
					for _, r := range q {
						send(m, keyPress(string(r)))
					}
				case "one commit":
					send(m, keyPress(q))
				case "paste":
					send(m, tea.PasteMsg{Content: q})
				}
				lead := 1 + mm.StringWidth("/") // a space, then /
				col, at := cursorCell(t, m)
				if want := lead + mm.StringWidth(q); col != want || at != " " {
					t.Errorf("%v %q %s: the cursor is on cell %d (%q), want %d right after the text", amb, q, typing, col, at, want)
				}
				v := m.View()
				if v.Cursor == nil || v.Cursor.X != col || v.Cursor.Y != 29 {
					t.Errorf("%v %q %s: the terminal's cursor is at %v, want (%d, 29)", amb, q, typing, v.Cursor, col)
				}
				checkFrame(t, screen(m), 100, 30, mm)

				// One character back: the cursor is on the last character.
				send(m, keyPress("left"))
				last := m.prompt.text[m.prompt.cur:]
				col, at = cursorCell(t, m)
				if want := lead + mm.StringWidth(strings.TrimSuffix(q, last)); col != want || at != last {
					t.Errorf("%v %q: after left the cursor is on cell %d (%q), want %d on %q", amb, q, col, at, want, last)
				}
			}
		}
	}
}

// TestPromptKeepsTheCursorInView types a query longer than the status bar:
// the start gives way, the cursor stays right after the last character,
// and the bar stays exactly as wide as the window.
func TestPromptKeepsTheCursorInView(t *testing.T) {
	for _, amb := range []layout.Ambiguous{layout.Narrow, layout.Wide} {
		mm := layout.NewMeasure(amb)
		m := New(goldIssue(t, corpusPages...), Options{Measure: mm, ThemeName: "ink", Width: 60, Height: 20})
		send(m, keyPress("/"))
		q := strings.Repeat("“国家”", 15)
		send(m, keyPress(q))
		checkFrame(t, screen(m), 60, 20, mm)
		col, at := cursorCell(t, m)
		bar := strings.Split(screen(m), "\n")[19]
		if at != " " || !strings.Contains(bar, "…") {
			t.Errorf("%v: cursor on %q at %d; bar %q", amb, at, col, bar)
		}
		before := mm.Truncate(bar, col, "")
		if !strings.HasSuffix(before, "国家”") || mm.StringWidth(before) != col {
			t.Errorf("%v: the cursor at %d does not follow the end of the query: %q", amb, col, bar)
		}
		send(m, keyPress("home"))
		if col, at := cursorCell(t, m); col != 2 || at != "“" {
			t.Errorf("%v: home puts the cursor at %d on %q", amb, col, at)
		}
	}
}
