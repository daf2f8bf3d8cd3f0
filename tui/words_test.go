package tui

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/dubaoreader/dubao/model"
	"github.com/dubaoreader/dubao/parse"
	"github.com/dubaoreader/dubao/tui/layout"
)

// scriptIssue is a small issue of two pages in the given script, the
// second story continued from the first page, written for these tests.
func scriptIssue(traditional bool) *model.Issue {
	t := func(simplified, trad string) string {
		if traditional {
			return trad
		}
		return simplified
	}
	p1 := &model.Page{Number: 1, Name: t("要闻", "要聞"), Date: "2026-03-05", Articles: []*model.Article{
		{Title: t("新桥今日通车", "新橋今日通車"), Byline: t("本报记者 林风", "本報記者 林風"),
			Paragraphs: []string{t("东门新桥今天上午正式通车，市民从此过河不必绕路。", "東門新橋今天上午正式通車，市民從此過河不必繞路。")}},
		{Title: t("夜市重开", "夜市重開"), ContinuedTo: 2,
			Paragraphs: []string{t("沿河夜市关了三个月后重新开张。", "沿河夜市關了三個月後重新開張。")}},
	}}
	p2 := &model.Page{Number: 2, Name: t("本地", "本地"), Date: "2026-03-05", Articles: []*model.Article{
		{ContinuedFrom: 1, Paragraphs: []string{t("摊主们说，这个春天生意会好起来。", "攤主們說，這個春天生意會好起來。")}},
	}}
	is := &model.Issue{Date: "2026-03-05", Pages: []*model.Page{p1, p2}}
	is.Stories = parse.Stories(is.Pages)
	return is
}

// The reader's own words follow the issue's script unless the setting
// forces one; the pages' text stays as printed either way.
func TestWordsFollowTheIssue(t *testing.T) {
	for _, c := range []struct {
		traditional bool
		words       Words
		want        bool // Traditional chrome
	}{
		{false, WordsAuto, false},
		{true, WordsAuto, true},
		{true, WordsSimplified, false},
		{false, WordsTraditional, true},
	} {
		t.Run(fmt.Sprintf("traditional=%v/words=%d", c.traditional, c.words), func(t *testing.T) {
			mm := layout.NewMeasure(layout.Narrow)
			m := New(scriptIssue(c.traditional), Options{Measure: mm, ThemeName: "ink", Words: c.words})
			send(m, tea.WindowSizeMsg{Width: 80, Height: 24})
			start := screen(m)
			send(m, keys("?")...)
			help := screen(m)
			send(m, keys("esc ] ]")...)
			edge := screen(m)
			checkFrame(t, start, 80, 24, mm)
			checkFrame(t, help, 80, 24, mm)

			want, not := []string{"读报", "未读 2", "帮助"}, []string{"讀報", "未讀", "幫助"}
			wantHelp, wantEdge := []string{"移动", "返回标题", "标为未读/已读"}, "已是最后一版"
			if c.want {
				want, not = not, want
				wantHelp, wantEdge = []string{"移動", "返回標題", "標為未讀/已讀"}, "已是最後一版"
			}
			for _, w := range want {
				if !strings.Contains(start, w) {
					t.Errorf("no %q on the screen:\n%s", w, start)
				}
			}
			for _, w := range not {
				if strings.Contains(start, w) {
					t.Errorf("%q on the screen:\n%s", w, start)
				}
			}
			for _, w := range wantHelp {
				if !strings.Contains(help, w) {
					t.Errorf("no %q in the help:\n%s", w, help)
				}
			}
			if !strings.Contains(edge, wantEdge) {
				t.Errorf("no %q after ] at the last page:\n%s", wantEdge, edge)
			}
			// The page's own text as printed.
			title := "新桥今日通车"
			if c.traditional {
				title = "新橋今日通車"
			}
			if !strings.Contains(start, title) {
				t.Errorf("the headline %q is not as printed:\n%s", title, start)
			}
		})
	}
}

// TestGoldenTraditional draws a Traditional issue at 80×24 and 120×40: the
// list, an article continued on the next page, and the help, in both
// ambiguous widths, against testdata/golden.
func TestGoldenTraditional(t *testing.T) {
	for _, amb := range []layout.Ambiguous{layout.Narrow, layout.Wide} {
		for _, sz := range [][2]int{{80, 24}, {120, 40}} {
			for _, sc := range []struct{ name, keys string }{
				{"start", ""},
				{"seam", "j enter"},
				{"help", "?"},
			} {
				name := fmt.Sprintf("traditional-%s-%dx%d-%s", sc.name, sz[0], sz[1], amb)
				t.Run(name, func(t *testing.T) {
					mm := layout.NewMeasure(amb)
					m := New(scriptIssue(true), Options{Measure: mm, ThemeName: "ink"})
					send(m, tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
					send(m, keys(sc.keys)...)
					goldenScreen(t, m, name, sz[0], sz[1], mm)
				})
			}
		}
	}
}

// TestEndToEndTraditional opens the parser's Traditional fixture in the
// real dubao under tmux and reads the reader's words in Traditional; with
// --script simplified, in Simplified.
func TestEndToEndTraditional(t *testing.T) {
	fixture, err := filepath.Abs(filepath.Join("..", "parse", "testdata", "script", "traditional.txt"))
	if err != nil {
		t.Fatal(err)
	}
	s := startTmux(t, 80, 24, "--ambiguous", "narrow", fixture)
	screen := s.waitFor("讀報")
	s.checkWidths(screen)
	for _, w := range []string{"第2版", "幫助", "山區學校用上新書桌"} {
		if !strings.Contains(screen, w) {
			t.Errorf("no %q on the screen:\n%s", w, screen)
		}
	}
	s.keys("?")
	s.checkWidths(s.waitFor("返回標題"))

	s = startTmux(t, 80, 24, "--ambiguous", "narrow", "--script", "simplified", fixture)
	screen = s.waitFor("读报")
	if !strings.Contains(screen, "帮助") || !strings.Contains(screen, "山區學校用上新書桌") {
		t.Errorf("--script simplified: want the words in Simplified and the page as printed:\n%s", screen)
	}
}

// The shelf, before any issue is open, speaks the script of its newest
// issue that reads (when the words follow the pages), and speaks it again
// when the reader comes back to it from an issue in the other script.
func TestShelfSpeaksItsNewestIssuesScript(t *testing.T) {
	shelf := func(newest, older bool, broken bool) *fakeLibrary {
		lib := &fakeLibrary{dir: "papers", issues: map[string]func() *model.Issue{
			"2026-03-06": func() *model.Issue { return scriptIssue(newest) },
			"2026-03-05": func() *model.Issue { return scriptIssue(older) },
			"2026-03-04": func() *model.Issue { return scriptIssue(older) },
		}}
		if broken {
			lib.broken = map[string]bool{"2026-03-06": true}
		}
		return lib
	}
	for _, c := range []struct {
		name                  string
		newest, older, broken bool
		words                 Words
		want                  bool // Traditional chrome
	}{
		{"newest Traditional", true, false, false, WordsAuto, true},
		{"newest Simplified", false, true, false, WordsAuto, false},
		{"newest unreadable, the next Traditional", false, true, true, WordsAuto, true},
		{"forced Simplified", true, true, false, WordsSimplified, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			m := started(New(nil, Options{Width: 80, Height: 24, ThemeName: "ink", Library: shelf(c.newest, c.older, c.broken), Words: c.words}))
			want, not := []string{"读报", "书架", "未打开"}, []string{"讀報", "書架", "未打開"}
			if c.want {
				want, not = not, want
			}
			check := func(when, s string) {
				t.Helper()
				for _, w := range want {
					if !strings.Contains(s, w) {
						t.Errorf("%s: no %q on the screen:\n%s", when, w, s)
					}
				}
				for _, w := range not {
					if strings.Contains(s, w) {
						t.Errorf("%s: %q on the screen:\n%s", when, w, s)
					}
				}
			}
			check("at start", screen(m))
			// An issue of the other script, opened and left.
			send(m, keys("G enter")...)
			if m.screen != issueScreen {
				t.Fatalf("the oldest issue did not open:\n%s", screen(m))
			}
			send(m, keys("s")...)
			check("back from the oldest issue", screen(m))
		})
	}
}

// dubao's own warnings (Notices) are said in the script the reader speaks
// — once it knows it, on a shelf too — while the names they quote stay as
// they are; what Run hands back to be said on the terminal is in that
// script too.
func TestNoticesFollowTheReadersScript(t *testing.T) {
	cause := errors.New("人民日报/01.txt: permission denied")
	warnings := func() []error {
		return []error{Say("设置文件有误，未用：%v", cause), Say("主题文件有误，未用：%s", "纸张.theme")}
	}
	want := []string{"設置文件有誤，未用：人民日报/01.txt: permission denied", "主題文件有誤，未用：纸张.theme"}

	m := New(scriptIssue(true), Options{Width: 120, Height: 24, ThemeName: "ink", Warnings: warnings()})
	if bar := statusBar(m); !strings.Contains(bar, want[0]) || !strings.Contains(bar, "另有 1 條") {
		t.Errorf("a Traditional issue: the status bar says %q, want %q and 另有 1 條", bar, want[0])
	}
	send(m, keys("j")...)
	if bar := statusBar(m); !strings.Contains(bar, want[1]) {
		t.Errorf("a Traditional issue, after a key: the status bar says %q, want %q", bar, want[1])
	}

	lib := &fakeLibrary{dir: "papers", issues: map[string]func() *model.Issue{
		"2026-03-06": func() *model.Issue { return scriptIssue(true) },
	}}
	m = started(New(nil, Options{Width: 120, Height: 24, ThemeName: "ink", Library: lib, Warnings: warnings()}))
	if bar := statusBar(m); !strings.Contains(bar, want[0]) {
		t.Errorf("a Traditional shelf: the status bar says %q, want %q", bar, want[0])
	}

	saved := inWords(cleanErr(Say("阅读记录存不了：%v", cause)), true)
	if got := saved.Error(); got != "閱讀記錄存不了：人民日报/01.txt: permission denied" {
		t.Errorf("Run hands back %q", got)
	}
	if !errors.Is(saved, cause) {
		t.Error("the notice Run hands back has lost its cause")
	}
	if got := Say("阅读记录存不了：%v", cause).Error(); got != "阅读记录存不了：人民日报/01.txt: permission denied" {
		t.Errorf("a notice says %q by itself, want Simplified", got)
	}
}

// TestGoldenTraditionalShelf draws a shelf whose newest day is printed in
// Traditional — one paper's name too long for its row — and its search of
// a word found twice in a story, at 80×24 and 120×40, in both ambiguous
// widths, against testdata/golden.
func TestGoldenTraditionalShelf(t *testing.T) {
	for _, amb := range []layout.Ambiguous{layout.Narrow, layout.Wide} {
		for _, sz := range [][2]int{{80, 24}, {120, 40}} {
			for _, sc := range []struct{ name, keys string }{
				{"shelf", "j"},
				{"shelf-search", "/ 橋 enter j"},
			} {
				name := fmt.Sprintf("traditional-%s-%dx%d-%s", sc.name, sz[0], sz[1], amb)
				t.Run(name, func(t *testing.T) {
					lib := &searchableLibrary{fakeLibrary: &fakeLibrary{dir: "/home/讀者/papers", issues: map[string]func() *model.Issue{
						"2026-03-06/東方日報":                         func() *model.Issue { return scriptIssue(true) },
						"2026-03-06/" + strings.Repeat("山城晚報", 9): func() *model.Issue { return scriptIssue(true) },
						"2026-03-05": func() *model.Issue { return scriptIssue(false) },
					}}}
					mm := layout.NewMeasure(amb)
					m := started(New(nil, Options{Measure: mm, Width: sz[0], Height: sz[1], ThemeName: "ink", Library: lib}))
					send(m, keys(sc.keys)...)
					if s := screen(m); sc.name == "shelf-search" && (strings.Count(s, "標題：") != 3 || strings.Count(s, "第1版 新橋今日通車") != 2) {
						t.Errorf("the results do not say 標題, or a long paper's name hides the page and the headline:\n%s", s)
					}
					goldenScreen(t, m, name, sz[0], sz[1], mm)
				})
			}
		}
	}
}
