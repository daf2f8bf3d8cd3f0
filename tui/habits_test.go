package tui

import (
	"image/color"
	"path/filepath"
	"strings"
	"sync"
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

// sgrs returns the parameters of every SGR sequence in s.
func sgrs(s string) []string {
	var out []string
	for {
		i := strings.Index(s, "\x1b[")
		if i < 0 {
			return out
		}
		s = s[i+2:]
		j := strings.IndexFunc(s, func(r rune) bool { return r < '0' && r != ';' || r > '9' && r != ';' })
		if j < 0 {
			return out
		}
		if s[j] == 'm' {
			out = append(out, s[:j])
		}
		s = s[j:]
	}
}

// TestSixteenColours draws the built-in themes as a terminal of 16 colours
// gets them (TERM=xterm): every colour is one of the palette's 16 (no
// 38;2 or 38;5 for the terminal to round to the nearest it guesses), the
// selected headline is reversed whichever pane has the keys or underlined,
// a read headline is grey, never red. The screens, escape sequences shown
// as \e, are golden files.
func TestSixteenColours(t *testing.T) {
	for _, theme := range []string{"paper", "ink", "contrast"} {
		for _, tt := range []struct{ name, keys string }{
			{"list", "enter tab j"},
			{"body", "enter tab j enter"},
		} {
			t.Run(theme+"-"+tt.name, func(t *testing.T) {
				m := New(goldIssue(t, corpusPages...), Options{ThemeName: theme, Colors16: true})
				send(m, tea.WindowSizeMsg{Width: 80, Height: 24})
				send(m, keys(tt.keys)...)
				content := m.View().Content
				for _, p := range sgrs(content) {
					for _, f := range strings.Split(p, ";") {
						if f == "38" || f == "48" || f == "58" {
							t.Fatalf("SGR %q: a colour outside the 16 of the palette", p)
						}
					}
				}
				if theme != "contrast" {
					sel := m.c.st.selected
					if tt.name == "body" {
						sel = m.c.st.unfocused
					}
					if !strings.Contains(sel.pre, "7") && !strings.Contains(sel.pre, "4") {
						t.Errorf("the selected headline is drawn %q: neither reversed nor underlined", sel.pre)
					}
				}
				if read := m.c.st.read.pre; strings.Contains(read, "31") || strings.Contains(read, "91") {
					t.Errorf("read headlines are red: %q", read)
				}
				compareGolden(t, filepath.Join("testdata", "golden", "sixteen-"+theme+"-"+tt.name+".txt"),
					strings.ReplaceAll(content, "\x1b", `\e`))
			})
		}
	}
}

// TestPlainMarksTheSelection: in the plain theme (NO_COLOR) the selected
// headline is marked with > while the body has the keys, and shown
// reversed while the list has them; golden screens of both.
func TestPlainMarksTheSelection(t *testing.T) {
	for _, tt := range []struct{ name, keys string }{
		{"list", "j"},
		{"body", "j enter"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m := New(goldIssue(t, corpusPages...), Options{NoColor: "1"})
			send(m, tea.WindowSizeMsg{Width: 80, Height: 24})
			send(m, keys(tt.keys)...)
			got := screen(m)
			marked := strings.Count(got, "│"+strings.Repeat(" ", itemLeft-2)+selectionMark)
			want := 1
			if tt.name == "list" {
				want = 0 // reversed
			}
			if marked != want {
				t.Errorf("%d headlines marked with %q, want %d:\n%s", marked, selectionMark, want, got)
			}
			if tt.name == "body" && !strings.Contains(m.c.st.unfocused.pre, "4") {
				t.Errorf("the selected headline is drawn %q while the body has the keys: not underlined", m.c.st.unfocused.pre)
			}
			compareGolden(t, filepath.Join("testdata", "golden", "plain-"+tt.name+"-80x24.txt"), got)
		})
	}
}

var (
	lightBackground = tea.BackgroundColorMsg{Color: color.RGBA{0xfa, 0xf8, 0xf0, 0xff}}
	darkBackground  = tea.BackgroundColorMsg{Color: color.RGBA{0x10, 0x10, 0x10, 0xff}}
)

// TestThemeSuitsTheBackground: on a light terminal t steps through the
// themes that suit it — never ink — and each pick is handed to KeepTheme;
// the theme picked last time is where the reader starts when it suits the
// background, and the background's default when it does not.
func TestThemeSuitsTheBackground(t *testing.T) {
	var kept []string
	var mu sync.Mutex
	m := New(goldIssue(t, "d01"), Options{Width: 80, Height: 24, KeepTheme: func(n string) error {
		mu.Lock()
		defer mu.Unlock()
		kept = append(kept, n)
		return nil
	}})
	send(m, lightBackground)
	if got := m.c.st.theme.Name; got != "paper" {
		t.Fatalf("on a light background the reader starts in %s, want paper", got)
	}
	var seen []string
	for range 6 {
		send(m, keyPress("t"))
		seen = append(seen, m.c.st.theme.Name)
	}
	if got := strings.Join(seen, " "); got != "contrast plain paper contrast plain paper" {
		t.Errorf("t on a light background: %s", got)
	}
	m.settle()
	mu.Lock()
	if strings.Join(kept, " ") != strings.Join(seen, " ") {
		t.Errorf("KeepTheme was told %v, want %v", kept, seen)
	}
	mu.Unlock()

	for _, tt := range []struct {
		last string
		bg   tea.BackgroundColorMsg
		want string
	}{
		{"contrast", lightBackground, "contrast"},
		{"ink", darkBackground, "ink"},
		{"ink", lightBackground, "paper"},
		{"paper", darkBackground, "ink"},
		{"nosuch", darkBackground, "ink"},
	} {
		m := New(goldIssue(t, "d01"), Options{Width: 80, Height: 24, LastTheme: tt.last})
		send(m, tt.bg)
		if got := m.c.st.theme.Name; got != tt.want {
			t.Errorf("last picked %s, background dark %v: starts in %s, want %s", tt.last, tt.bg.IsDark(), got, tt.want)
		}
	}
	// A theme named (--theme, the config) wins over the last pick.
	m = New(goldIssue(t, "d01"), Options{Width: 80, Height: 24, ThemeName: "ink", LastTheme: "contrast"})
	send(m, lightBackground)
	if got := m.c.st.theme.Name; got != "ink" {
		t.Errorf("--theme ink, last picked contrast: starts in %s", got)
	}
}

// TestBackWithoutAShelf: in an issue opened from files, s and esc from the
// headlines say there is no shelf to go back to, and how to leave.
func TestBackWithoutAShelf(t *testing.T) {
	for _, k := range []string{"s", "esc"} {
		m := New(goldIssue(t, "d01"), Options{Width: 80, Height: 24})
		send(m, keyPress(k))
		if bar := statusBar(m); !strings.Contains(bar, "没有书架") || !strings.Contains(bar, "q 退出") {
			t.Errorf("%s in an issue opened from files: the status bar says %q", k, bar)
		}
	}
}
