package tui

import (
	"bytes"
	"encoding/base64"
	"errors"
	"image/color"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
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
				m := New(goldIssue(t, corpusPages...), Options{ThemeName: theme, ColorProfile: colorprofile.ANSI})
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

// TestSlashEnterRepeats: / and enter look again for the last query, as in
// less — the next match — also after the search was cleared; ↑ in the
// prompt brings back the searches made before, latest first, ↓ goes back
// down to an empty prompt.
func TestSlashEnterRepeats(t *testing.T) {
	m := New(springIssue(), Options{Width: 100, Height: 30, ThemeName: "ink"})
	send(m, keys("/ 春 天 enter")...)
	first := m.search.cur
	send(m, keys("/ enter")...)
	if m.search.query != "春天" || m.search.cur != first+1 || m.prompting() {
		t.Errorf("/ enter: query %q at %d, want 春天 at %d", m.search.query, m.search.cur, first+1)
	}
	send(m, keys("/ space enter")...) // cleared
	send(m, keys("/ enter")...)
	if m.search.query != "春天" || len(m.search.hits) == 0 {
		t.Errorf("/ enter after clearing: query %q, %d hits", m.search.query, len(m.search.hits))
	}

	send(m, keys("/ 春 enter")...)
	send(m, keys("/ up")...)
	if m.prompt.text != "春" {
		t.Errorf("↑ once: %q, want 春", m.prompt.text)
	}
	send(m, keys("up")...)
	if m.prompt.text != "春天" || m.search.query != "春天" {
		t.Errorf("↑ twice: %q (searching %q), want 春天", m.prompt.text, m.search.query)
	}
	send(m, keys("up down down")...)
	if m.prompt.text != "" {
		t.Errorf("↓ past the latest: %q, want empty", m.prompt.text)
	}
}

// TestLessKeys: ctrl+f, ctrl+b, ctrl+d and ctrl+u scroll the story as
// space, b, d and u do.
func TestLessKeys(t *testing.T) {
	for _, pair := range [][2]string{{"ctrl+f", "space"}, {"ctrl+d", "d"}} {
		a := New(goldIssue(t, corpusPages...), Options{Width: 100, Height: 30})
		b := New(goldIssue(t, corpusPages...), Options{Width: 100, Height: 30})
		send(a, keys("J J enter "+pair[0])...)
		send(b, keys("J J enter "+pair[1])...)
		if a.body.top == 0 || a.body.top != b.body.top {
			t.Errorf("%s scrolled to %d, %s to %d", pair[0], a.body.top, pair[1], b.body.top)
		}
	}
	for _, pair := range [][2]string{{"ctrl+b", "b"}, {"ctrl+u", "u"}} {
		a := New(goldIssue(t, corpusPages...), Options{Width: 100, Height: 30})
		b := New(goldIssue(t, corpusPages...), Options{Width: 100, Height: 30})
		send(a, keys("J J enter G "+pair[0])...)
		send(b, keys("J J enter G "+pair[1])...)
		if a.body.top != b.body.top {
			t.Errorf("%s scrolled to %d, %s to %d", pair[0], a.body.top, pair[1], b.body.top)
		}
	}
}

// TestCopyIsOSC52 runs the reader as a program, presses j and y, and
// reads what it wrote to the terminal: the selected story as clean text,
// in an OSC 52 sequence, byte for byte — and inside tmux the same wrapped
// for tmux's passthrough.
func TestCopyIsOSC52(t *testing.T) {
	for _, inTmux := range []bool{false, true} {
		is := goldIssue(t, corpusPages...)
		m := New(is, Options{InTmux: inTmux, ThemeName: "plain"})
		var out safeBuffer
		p := tea.NewProgram(m, tea.WithOutput(&out), tea.WithInput(nil), tea.WithWindowSize(100, 30), tea.WithoutSignalHandler())
		done := make(chan error)
		go func() { _, err := p.Run(); done <- err }()
		p.Send(keyPress("j"))
		p.Send(keyPress("y"))
		time.Sleep(300 * time.Millisecond)
		p.Quit()
		if err := <-done; err != nil {
			t.Fatal(err)
		}
		text := StoryText(m.st.all[m.list.rows[m.list.cur].story].s)
		if !strings.Contains(text, "\n\n") || len(text) < 50 {
			t.Fatalf("the story's text is %q", text)
		}
		b64 := base64.StdEncoding.EncodeToString([]byte(text))
		want := "\x1b]52;c;" + b64 + "\x07"
		if !strings.Contains(out.String(), want) {
			t.Errorf("tmux %v: the terminal was not sent %q", inTmux, want[:40]+"…")
		}
		wrapped := "\x1bPtmux;\x1b\x1b]52;c;" + b64 + "\x07\x1b\\"
		if got := strings.Contains(out.String(), wrapped); got != inTmux {
			t.Errorf("tmux %v: the passthrough sequence sent: %v", inTmux, got)
		}
	}
}

// safeBuffer is a bytes.Buffer for a program's output, read after.
type safeBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *safeBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *safeBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestNextUnread: U reads the next story not read, skipping those read,
// across pages; r marks the selected story unread again (and tells the
// Memory), R marks the whole issue read; with nothing unread U says so.
func TestNextUnread(t *testing.T) {
	mem := &unmarkMemory{}
	m := New(goldIssue(t, corpusPages...), Options{Width: 100, Height: 30, Memory: mem, Key: "issue"})
	all := m.st.all
	send(m, keys("enter")...) // the first read
	m.list.read.MarkRead(all[1].key)
	send(m, keys("U")...)
	if r, _ := m.list.selected(); r.story != 2 || !m.list.read.IsRead(all[2].key) || m.focus != focusBody {
		t.Errorf("U from the first, the second read: story %d, want the third, read", r.story)
	}
	send(m, keys("r")...)
	if m.list.read.IsRead(all[2].key) {
		t.Error("r did not mark the story unread")
	}
	send(m, keys("R")...)
	if u := m.list.unread(); u != 0 {
		t.Errorf("R left %d unread", u)
	}
	send(m, keys("U")...)
	if !strings.Contains(statusBar(m), "已读完") {
		t.Errorf("U with nothing unread says %q", statusBar(m))
	}
	m.settle()
	mem.mu.Lock()
	defer mem.mu.Unlock()
	if !slices.Contains(mem.unmarked, all[2].key) {
		t.Errorf("the Memory was not told the story is unread: %v", mem.unmarked)
	}
}

// unmarkMemory is a Memory that can forget a story read.
type unmarkMemory struct {
	mu       sync.Mutex
	unmarked []string
}

func (u *unmarkMemory) Load(string) (Recall, error)        { return Recall{}, nil }
func (u *unmarkMemory) MarkRead(string, string) error      { return nil }
func (u *unmarkMemory) SetPosition(string, Position) error { return nil }
func (u *unmarkMemory) MarkUnread(issue, story string) error {
	u.mu.Lock()
	defer u.mu.Unlock()
	u.unmarked = append(u.unmarked, story)
	return nil
}

// TestNextUnreadGoesToTheNextDay: with an issue read to the end, U goes
// to the shelf and opens the next day that has stories unread.
func TestNextUnreadGoesToTheNextDay(t *testing.T) {
	lib := threeDays(t)
	m := started(New(nil, Options{Width: 100, Height: 30, Library: lib}))
	send(m, keys("enter")...) // the newest day
	first := m.date
	send(m, keys("R U")...)
	if m.onShelf() || m.date == first || m.date == "" {
		t.Errorf("U at the end of %s: on the shelf %v, in %q", first, m.onShelf(), m.date)
	}
}

// TestListWidth: at 200 columns the list is wider than its share and
// headlines lose less; a list width asked for is kept.
func TestListWidth(t *testing.T) {
	m := New(goldIssue(t, corpusPages...), Options{Width: 200, Height: 50})
	if w := m.c.geo.List.W; w < 60 {
		t.Errorf("at 200 columns the list is %d cells", w)
	}
	if g := m.c.geo; g.TextWidth != 2*DefaultMeasure {
		t.Errorf("at 200 columns the body's text is %d cells, want the measure", g.TextWidth)
	}
	cut := strings.Count(screen(m), "…")
	narrow := New(goldIssue(t, corpusPages...), Options{Width: 140, Height: 50})
	if cut >= strings.Count(screen(narrow), "…") {
		t.Errorf("at 200 columns %d headlines are cut, at 140 %d", cut, strings.Count(screen(narrow), "…"))
	}
	m = New(goldIssue(t, corpusPages...), Options{Width: 200, Height: 50, ListWidth: 40})
	if w := m.c.geo.List.W; w != 40 {
		t.Errorf("list width 40 asked for: %d", w)
	}
}

// TestWarningsAreChineseAndCutWell: a theme not found is said in Chinese,
// and a warning longer than the status bar is cut after a pause, never in
// a word or a file name.
func TestWarningsAreChineseAndCutWell(t *testing.T) {
	m := New(goldIssue(t, "d01"), Options{Width: 80, Height: 24, ThemeName: "nosuch"})
	if bar := statusBar(m); !strings.Contains(bar, "没有叫 nosuch 的主题") {
		t.Errorf("an unknown theme: %q", bar)
	}
	long := "阅读记录文件已损坏，已另存为 state.json.corrupt-20261206-081500，从头记起；另有说明文字很长很长很长很长很长很长很长"
	for _, w := range []int{40, 50, 60, 70, 80, 100} {
		m := New(goldIssue(t, "d01"), Options{Width: w, Height: 24, Warnings: []error{errors.New(long)}})
		bar := strings.TrimSpace(statusBar(m))
		msg, _, _ := strings.Cut(bar, "  ")
		if !strings.HasSuffix(msg, "…") && msg != long {
			t.Errorf("%d columns: %q is not marked cut", w, msg)
			continue
		}
		kept := strings.TrimSuffix(msg, "…")
		if !strings.HasPrefix(long, kept) {
			t.Errorf("%d columns: %q is not the start of the warning", w, kept)
			continue
		}
		next := []rune(long[len(kept):])
		last := []rune(kept)
		if len(next) > 0 && len(last) > 0 && inWord(last[len(last)-1]) && inWord(next[0]) {
			t.Errorf("%d columns: cut inside a word: %q|%q", w, kept, string(next))
		}
	}
}

// TestNextUnreadFromTheShelf: U on the shelf opens the selected day, or
// the next with stories unread, at its first unread story.
func TestNextUnreadFromTheShelf(t *testing.T) {
	lib := threeDays(t)
	m := started(New(nil, Options{Width: 100, Height: 30, Library: lib}))
	send(m, keys("U")...)
	if m.onShelf() || m.date != "2020-02-13" || m.focus != focusBody || !m.reading {
		t.Errorf("U on the shelf: on the shelf %v, in %q, reading %v", m.onShelf(), m.date, m.reading)
	}
}

// TestUnreadAtAGlance: every story not read is marked ∙ in the list, in
// every theme, and a story read loses its mark.
func TestUnreadAtAGlance(t *testing.T) {
	for _, theme := range []string{"ink", "plain"} {
		m := New(goldIssue(t, "d01"), Options{Width: 100, Height: 30, ThemeName: theme})
		count := func() int { return strings.Count(screen(m), " "+unreadMark+" ") }
		if got, want := count(), m.list.unread()-1; got != want { // the selected one has the bar
			t.Errorf("%s: %d stories marked unread, want %d", theme, got, want)
		}
		send(m, keys("enter J J")...)
		if got, want := count(), m.list.unread(); got != want || want != len(m.st.all)-3 {
			t.Errorf("%s: three read, %d marked, %d unread of %d", theme, got, want, len(m.st.all))
		}
	}
}
