package tui

import (
	"errors"
	"fmt"
	"image/color"
	"math/rand/v2"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/dubaoreader/dubao/model"
	"github.com/dubaoreader/dubao/themes"
	"github.com/dubaoreader/dubao/tui/layout"
)

// bodyText returns the text of the body pane's lines on the screen, each
// trimmed: what a reader of the article sees.
func bodyText(m *Model) []string {
	g := m.c.geo
	var out []string
	for i, line := range strings.Split(screen(m), "\n") {
		if i <= g.Body.Y || i >= g.Body.Y+g.Body.H-1 {
			continue
		}
		// Cut the body pane out by cells.
		cells := m.c.m.Truncate(line, g.Body.X+g.Body.W-g.Border, "")
		pane := cells[len(m.c.m.Truncate(line, g.Body.X+g.Border, "")):]
		out = append(out, strings.Trim(pane, " "))
	}
	return out
}

func TestResizeKeepsTheParagraphInView(t *testing.T) {
	for _, amb := range []layout.Ambiguous{layout.Narrow, layout.Wide} {
		m := New(goldIssue(t, "seed"), Options{Measure: layout.NewMeasure(amb), Width: 100, Height: 30})
		send(m, keys("G enter")...) // the long continuation at the end
		send(m, keys("space space space j j")...)
		before := m.body.set.lines[m.body.top]
		if before.block < 2 {
			t.Fatalf("not scrolled into the article: block %d", before.block)
		}
		for _, size := range [][2]int{{140, 40}, {60, 20}, {81, 24}, {250, 80}, {100, 30}} {
			send(m, tea.WindowSizeMsg{Width: size[0], Height: size[1]})
			para := m.body.story().Paragraphs()[before.block-1]
			top := m.body.set.lines[m.body.top]
			// The line at the top is the one holding the text that was.
			next := len(para) + len(indent)
			if m.body.top+1 < len(m.body.set.lines) && m.body.set.lines[m.body.top+1].block == top.block {
				next = m.body.set.lines[m.body.top+1].off
			}
			if top.block != before.block || top.off > before.off || next <= before.off {
				t.Errorf("%v %dx%d: top is block %d at %d (next at %d), want the line of block %d holding %d",
					amb, size[0], size[1], top.block, top.off, next, before.block, before.off)
			}
			shown := strings.Join(bodyText(m), "")
			if !strings.Contains(shown, strings.TrimLeft(top.text, "　")) {
				t.Errorf("%v %dx%d: %q is not on the screen", amb, size[0], size[1], top.text)
			}
		}
	}
}

func TestOpeningMarksRead(t *testing.T) {
	mem := newFakeMemory()
	m := New(goldIssue(t, "d01"), Options{Width: 100, Height: 30, Key: "d01", Memory: mem})
	send(m, keys("j")...)
	if len(m.list.read.Keys()) != 0 || len(mem.read["d01"]) != 0 {
		t.Fatalf("moving marked %v read", m.list.read.Keys())
	}
	send(m, keys("enter")...)
	if len(m.list.read.Keys()) != 1 || len(mem.read["d01"]) != 1 {
		t.Fatalf("opening marked %v read, remembered %v; want one", m.list.read.Keys(), mem.read["d01"])
	}
	// The read headline is drawn in the read style once the selection moves on.
	send(m, keys("h j")...)
	p := m.c.st.read
	title := m.issue.Pages[0].Articles[1].Title
	want := p.pre + fit(m.c.m, title, m.c.geo.Inner(m.c.geo.List).W-itemLeft-listRight) + p.post
	if p.pre == "" || !strings.Contains(m.View().Content, want) {
		t.Errorf("the read headline is not drawn as read (%q)", p.pre)
	}
	if k := m.list.read.Keys()[0]; k != m.st.all[1].key || !mem.read["d01"][k] {
		t.Errorf("read %q, remembered %v; want the second story's key %q", k, mem.read["d01"], m.st.all[1].key)
	}
}

func TestContinuationIsMarked(t *testing.T) {
	m := New(goldIssue(t, "seed"), Options{Width: 140, Height: 40})
	if s := screen(m); !strings.Contains(s, begunElsewhere(t)) {
		t.Errorf("no （续） headline:\n%s", s)
	}
}

func TestSinglePaneSwitches(t *testing.T) {
	m := New(goldIssue(t, "d01"), Options{Width: 60, Height: 20})
	title := m.issue.Pages[0].Articles[0].Title
	if !strings.Contains(screen(m), "第3版") {
		t.Fatal("does not start on the list")
	}
	send(m, keys("tab")...)
	if s := screen(m); strings.Contains(s, " 第3版 ") && !strings.Contains(s, title[:6]) {
		t.Errorf("tab did not show the body:\n%s", s)
	}
	send(m, keys("tab")...)
	if m.focus != focusList {
		t.Error("tab twice is not back on the list")
	}
	send(m, keys("enter esc")...)
	if m.focus != focusList {
		t.Error("esc is not back on the list")
	}
}

func TestIndentToggles(t *testing.T) {
	m := New(goldIssue(t, "d01"), Options{Width: 100, Height: 30})
	indented := func() bool {
		for _, l := range bodyText(m) {
			if strings.HasPrefix(l, indent) {
				return true
			}
		}
		return false
	}
	if !indented() {
		t.Fatal("no indent at start")
	}
	send(m, keys("i")...)
	if indented() {
		t.Error("i did not take the indent away")
	}
	m = New(goldIssue(t, "d01"), Options{Width: 100, Height: 30, NoIndent: true})
	if indented() {
		t.Error("NoIndent starts indented")
	}
}

func TestEdgesAreSaid(t *testing.T) {
	m := New(goldIssue(t, "d01"), Options{Width: 100, Height: 30})
	send(m, keys("K")...)
	if !strings.Contains(screen(m), "已是第一篇") {
		t.Error("K at the first article says nothing")
	}
	send(m, keys("h G J")...)
	if !strings.Contains(screen(m), "已是最后一篇") {
		t.Error("J at the last article says nothing")
	}
	send(m, keys("]")...)
	if !strings.Contains(screen(m), "已是最后一版") {
		t.Error("] at the last page says nothing")
	}
	send(m, keys("j")...)
	if strings.Contains(screen(m), "已是") {
		t.Error("the message outlives the next key")
	}
}

func TestThemeFollowsTheBackgroundUnlessChosen(t *testing.T) {
	light := tea.BackgroundColorMsg{Color: color.RGBA{0xff, 0xff, 0xff, 0xff}}
	tests := []struct {
		name string
		o    Options
		want string
	}{
		{"unchosen follows a light background", Options{}, "paper"},
		{"--theme wins", Options{ThemeName: "contrast"}, "contrast"},
		{"NO_COLOR gives plain", Options{NoColor: "1"}, "plain"},
		{"an unknown --theme follows the background", Options{ThemeName: "nosuch"}, "paper"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.o.Width, tt.o.Height = 100, 30
			m := New(goldIssue(t, "d01"), tt.o)
			send(m, light)
			if got := m.c.st.theme.Name; got != tt.want {
				t.Errorf("theme %s, want %s", got, tt.want)
			}
		})
	}
	m := New(goldIssue(t, "d01"), Options{Width: 100, Height: 30})
	send(m, keys("t")...)
	chosen := m.c.st.theme.Name
	send(m, light)
	if m.c.st.theme.Name != chosen {
		t.Errorf("t chose %s, the background changed it to %s", chosen, m.c.st.theme.Name)
	}
}

func TestThemeCycles(t *testing.T) {
	user := themes.Theme{Name: "sepia"}
	m := New(goldIssue(t, "d01"), Options{Width: 100, Height: 30, ThemeName: "paper", UserThemes: []themes.Theme{user}})
	var seen []string
	for range 6 {
		send(m, keys("t")...)
		seen = append(seen, m.c.st.theme.Name)
	}
	if got := strings.Join(seen, " "); got != "ink contrast plain sepia paper ink" {
		t.Errorf("t goes %s", got)
	}
}

func TestWarningsShowInTheStatusBar(t *testing.T) {
	m := New(goldIssue(t, "d01"), Options{Width: 100, Height: 30, ThemeName: "nosuch",
		Warnings: []error{errors.New("sepia.theme:4: title: unknown colour")}})
	last := strings.Split(screen(m), "\n")[29]
	if !strings.Contains(last, "nosuch") || !strings.Contains(last, "另有 1 条") {
		t.Errorf("status bar: %q", last)
	}
	send(m, keys("j")...)
	last = strings.Split(screen(m), "\n")[29]
	if strings.Contains(last, "nosuch") || !strings.Contains(last, "sepia.theme:4") || strings.Contains(last, "另有") {
		t.Errorf("a key does not put up the next warning in place of the first: %q", last)
	}
	send(m, keys("j")...)
	if last := strings.Split(screen(m), "\n")[29]; strings.Contains(last, "sepia") {
		t.Errorf("the last warning outlives a key: %q", last)
	}
}

func TestMouse(t *testing.T) {
	m := New(goldIssue(t, corpusPages...), Options{Width: 100, Height: 12})
	g := m.c.geo
	wheel := func(x, y int) { send(m, tea.MouseWheelMsg{X: x, Y: y, Button: tea.MouseWheelDown}) }

	wheel(g.Body.X+5, 5)
	if m.body.top != wheelStep || m.list.top != 0 {
		t.Errorf("wheel over the body: body at %d, list at %d", m.body.top, m.list.top)
	}
	wheel(3, 5)
	if m.list.top != wheelStep || m.body.top != wheelStep {
		t.Errorf("wheel over the list: body at %d, list at %d", m.body.top, m.list.top)
	}

	// Click the fourth row shown in the list: select it, then open it.
	y := g.List.Y + 1 + 3
	i, _ := m.list.rowAt(3)
	for !m.list.rows[i].isStory() {
		y, i = y+1, i+1
	}
	send(m, tea.MouseClickMsg{X: 5, Y: y, Button: tea.MouseLeft})
	if m.list.cur != i || m.focus != focusList {
		t.Fatalf("click selected row %d (focus %d), want %d", m.list.cur, m.focus, i)
	}
	if r := m.list.rows[i]; m.body.v != &m.st.all[r.story] {
		t.Error("the body does not show the clicked headline")
	}
	send(m, tea.MouseClickMsg{X: 5, Y: y, Button: tea.MouseLeft})
	if m.focus != focusBody {
		t.Error("a click on the selected headline does not open it")
	}
	send(m, tea.MouseClickMsg{X: 5, Y: g.List.Y, Button: tea.MouseLeft}) // the border
	if m.focus != focusBody {
		t.Error("a click on the border changed the focus")
	}
}

func TestTooSmall(t *testing.T) {
	m := New(goldIssue(t, "d01"), Options{Width: 100, Height: 30})
	for _, size := range [][2]int{{19, 30}, {100, 5}, {1, 1}, {5, 2}} {
		send(m, tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		s := screen(m)
		checkFrame(t, s, size[0], size[1], m.c.m)
		if size[0] >= 8 && !strings.Contains(s, "窗口太小") {
			t.Errorf("%dx%d: %q", size[0], size[1], s)
		}
	}
	send(m, tea.WindowSizeMsg{Width: 100, Height: 30}, keyPress("enter"))
	if !strings.Contains(screen(m), m.issue.Pages[0].Articles[0].Title[:9]) {
		t.Error("the reader does not come back from too small")
	}
}

// TestFrameNeverOverflows is the property the whole drawing rests on: at
// any window size, on the shelf or in an issue, after any keys, clicks,
// wheel turns and resizes, the frame has exactly the window's lines, each
// exactly the window's width as the Measure counts, so nothing is drawn
// past the right edge or wraps.
func TestFrameNeverOverflows(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 13))
	var allKeys []string
	for _, b := range bindings(DefaultKeyMap()) {
		for _, k := range b.Keys() {
			if k != "q" && k != "ctrl+c" {
				allKeys = append(allKeys, k)
			}
		}
	}
	typed := []string{"人民", "“邮路绿”", "陈国华", "国家", "ＡＢＣ", "x", "\n", "的", strings.Repeat("长长的查询", 20)}
	iters := 300
	if testing.Short() {
		iters = 40
	}
	for range iters {
		amb := layout.Ambiguous(rng.IntN(2))
		mm := layout.NewMeasure(amb)
		w, h := 10+rng.IntN(241), 3+rng.IntN(78)
		names := corpusPages[:1+rng.IntN(len(corpusPages))]
		o := Options{Measure: mm, Width: w, Height: h, MeasureChars: 10 + rng.IntN(40)}
		var m *Model
		switch rng.IntN(4) {
		case 0: // on the shelf, which opens issues and is gone back to
			o.Library, o.Memory, o.Key = threeDays(t), newFakeMemory(), "x"
			m = started(New(nil, o))
		case 1: // a story across a seam
			m = New(seamIssue(t), o)
		case 2: // pages with geometry, for the page map (m), and their pictures
			var r renders
			o.PageImage = r.render
			m = New(mapIssue(t, names...), o)
			send(m, kittyOK, da1)
		default:
			m = New(goldIssue(t, names...), o)
		}
		var trail []string
		for range 60 {
			switch n := rng.IntN(20); {
			case n == 0:
				w, h = 10+rng.IntN(241), 3+rng.IntN(78)
				send(m, tea.WindowSizeMsg{Width: w, Height: h})
				trail = append(trail, "resize")
			case n == 1:
				send(m, tea.MouseWheelMsg{X: rng.IntN(w), Y: rng.IntN(h), Button: tea.MouseWheelDown})
				trail = append(trail, "wheel")
			case n == 2:
				send(m, tea.MouseClickMsg{X: rng.IntN(w), Y: rng.IntN(h), Button: tea.MouseLeft})
				trail = append(trail, "click")
			case n == 3:
				// Text as an input method commits it, or a paste: a search.
				q := typed[rng.IntN(len(typed))]
				if rng.IntN(2) == 0 {
					send(m, keyPress(q))
				} else {
					send(m, tea.PasteMsg{Content: q})
				}
				trail = append(trail, q)
			default:
				k := allKeys[rng.IntN(len(allKeys))]
				send(m, keyPress(k))
				trail = append(trail, k)
			}
			frame := ansi.Strip(m.View().Content)
			lines := strings.Split(frame, "\n")
			if len(lines) > h {
				t.Fatalf("%v %dx%d after %v: %d lines", amb, w, h, trail, len(lines))
			}
			for i, l := range lines {
				if lw := mm.StringWidth(l); lw > w {
					t.Fatalf("%v %dx%d after %v: line %d is %d cells:\n%s", amb, w, h, trail, i, lw, l)
				}
			}
		}
	}
}

func TestAStoryIsListedOnceAndReadThrough(t *testing.T) {
	head := &model.Article{Title: "头条", ContinuedTo: 2, Paragraphs: []string{"上半。"}}
	tail := &model.Article{ContinuedFrom: 1, Paragraphs: []string{"下半。"}}
	other := &model.Article{Title: "另一篇", Paragraphs: []string{"正文。"}}
	is := &model.Issue{
		Pages: []*model.Page{
			{Number: 1, Articles: []*model.Article{head}},
			{Number: 2, Articles: []*model.Article{tail, other}},
		},
		Stories: []*model.Story{{Parts: []*model.Article{head, tail}, Pages: []int{1, 2}}, {Parts: []*model.Article{other}, Pages: []int{2}}},
	}
	m := New(is, Options{Width: 100, Height: 30})
	var rows []string
	for _, r := range m.list.rows {
		if r.isStory() {
			rows = append(rows, fmt.Sprintf("%d:%s", r.page, r.text))
		}
	}
	if got := strings.Join(rows, " "); got != "0:头条 1:另一篇" {
		t.Errorf("the list holds %s, want the story under page 1 and the other under page 2", got)
	}
	send(m, keys("enter")...)
	body := strings.Join(bodyText(m), "\n")
	if !strings.Contains(body, "上半。") || !strings.Contains(body, "— 转第2版 —") || !strings.Contains(body, "下半。") ||
		strings.Index(body, "上半。") > strings.Index(body, "下半。") {
		t.Errorf("the story is not read straight through:\n%s", body)
	}
	if !m.list.read.IsRead(is.Stories[0].Key()) || m.list.read.IsRead(is.Stories[1].Key()) {
		t.Errorf("read %v, want only the first story's key", m.list.read.Keys())
	}
	send(m, keys("J")...)
	if m.body.story() != is.Stories[1] {
		t.Error("J does not go on to the next story")
	}
}

// A warning too long for the status bar is cut, not the count of the
// warnings after it, which each key puts up in turn.
func TestWarningsCountOutlivesTheCut(t *testing.T) {
	long := errors.New("设置文件有误，未用：toml: line 1 (last key \"theme\"): strings cannot contain newlines")
	for _, w := range []int{60, 80, 100} {
		m := New(goldIssue(t, "d01"), Options{Width: w, Height: 24, ThemeName: "ink",
			Warnings: []error{long, errors.New("second"), errors.New("third")}})
		if bar := statusBar(m); !strings.Contains(bar, "设置文件有误") || !strings.Contains(bar, "（另有 2 条）") {
			t.Errorf("%d columns: %q, want the first warning cut and （另有 2 条）", w, bar)
		}
		send(m, keys("j")...)
		if bar := statusBar(m); !strings.Contains(bar, "second") || !strings.Contains(bar, "（另有 1 条）") {
			t.Errorf("%d columns, a key: %q, want second and （另有 1 条）", w, bar)
		}
		send(m, keys("j")...)
		if bar := statusBar(m); !strings.Contains(bar, "third") || strings.Contains(bar, "另有") {
			t.Errorf("%d columns, two keys: %q, want third alone", w, bar)
		}
	}
}

// A warning that comes while another is shown — the state file set aside
// as the shelf is counted, over a config file's mistake — waits behind
// it, not in its place; one said already is not said again.
func TestWarningsAreNotLostToAnother(t *testing.T) {
	mem := newFakeMemory()
	mem.loadErr = errors.New("state.json set aside")
	lib := &fakeLibrary{dir: "papers", issues: map[string]func() *model.Issue{
		"2026-03-06": func() *model.Issue { return scriptIssue(false) },
		"2026-03-05": func() *model.Issue { return scriptIssue(false) },
	}}
	m := started(New(nil, Options{Width: 100, Height: 24, ThemeName: "ink", Library: lib, Memory: mem,
		Warnings: []error{errors.New("config.toml: measure = 3")}}))
	var seen []string
	for range 4 {
		bar := statusBar(m)
		for _, w := range []string{"config.toml", "set aside"} {
			if strings.Contains(bar, w) {
				seen = append(seen, w)
			}
		}
		mem.loadErr = nil
		send(m, keys("j")...)
	}
	if strings.Join(seen, ",") != "set aside,config.toml" {
		t.Errorf("the warnings shown one key after another: %q, want the state's, then the config's, each once", seen)
	}
}

// A warning too long to share the status bar with the keys has it to
// itself: the name of the file set aside is not cut off.
func TestAWarningTakesTheKeysRoom(t *testing.T) {
	w := errors.New("阅读记录文件无法读取，已另存为 state.json.unread-20261207-015219，从头记起")
	m := New(goldIssue(t, "d01"), Options{Width: 100, Height: 24, ThemeName: "ink", Warnings: []error{w, errors.New("second")}})
	if bar := statusBar(m); !strings.Contains(bar, "state.json.unread-20261207-015219") || !strings.Contains(bar, "另有 1 条") {
		t.Errorf("the status bar: %q", bar)
	}
}

// A passing message — 正在打开 as an issue opens, 已复制, 找不到 — does
// not put out a warning waiting to be shown: the warning comes back when
// the message goes, where the key that put it up lost it for good.
func TestAPassingMessageLosesNoWarning(t *testing.T) {
	lib := &fakeLibrary{dir: "papers", issues: map[string]func() *model.Issue{
		"2026-03-06": func() *model.Issue { return scriptIssue(false) },
	}}
	ws := []string{"first.toml", "second.toml", "third.toml"}
	var errs []error
	for _, w := range ws {
		errs = append(errs, errors.New(w))
	}
	m := started(New(nil, Options{Width: 100, Height: 24, ThemeName: "ink", Library: lib, Warnings: errs}))
	seen := map[string]int{}
	look := func() {
		for _, w := range ws {
			if strings.Contains(statusBar(m), w) {
				seen[w]++
			}
		}
	}
	look()
	send(m, keys("enter")...) // opens the issue: 正在打开 …
	look()
	for range 4 {
		send(m, keys("j")...)
		look()
	}
	for _, w := range ws {
		if seen[w] == 0 {
			t.Errorf("%s never shown (seen %v)", w, seen)
		}
	}
}
