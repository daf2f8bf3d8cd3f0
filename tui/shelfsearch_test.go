package tui

import (
	"fmt"
	"github.com/dubaoreader/dubao/tui/layout"
	"strconv"
	"strings"
	"testing"

	"github.com/dubaoreader/dubao/model"
)

// searchableLibrary is a fakeLibrary that searches its issues as package
// shelf does: newest first, each issue as Open gives it.
type searchableLibrary struct {
	*fakeLibrary
	searched int // searches started
}

func (l *searchableLibrary) SearchShelf(query string, found func(ShelfDay) bool) {
	l.searched++
	for _, key := range l.Issues() {
		op, err := l.Open(key)
		d := ShelfDay{Key: key, Err: err}
		if err == nil {
			d.Hits = model.NewIndex(op.Issue).Search(query)
			if len(d.Hits) > 0 {
				d.Issue = op.Issue
			}
		}
		if !found(d) {
			return
		}
	}
}

// twoPapers is a shelf of three issues, two of them papers of one day.
func twoPapers(t testing.TB) *searchableLibrary {
	return &searchableLibrary{fakeLibrary: &fakeLibrary{dir: "papers", issues: map[string]func() *model.Issue{
		"2019-02-21":      func() *model.Issue { return goldIssue(t, "d01") },
		"2019-02-22/人民日报": func() *model.Issue { return goldIssue(t, "d03") },
		"2019-02-22/晋中日报": func() *model.Issue { return goldIssue(t, "d05") },
	}}}
}

// Two papers of one day are two rows, each naming its paper, each opening
// its own issue under its own key.
func TestShelfTwoPapersADay(t *testing.T) {
	lib := twoPapers(t)
	m := started(New(nil, Options{Width: 100, Height: 30, Library: lib, Memory: newFakeMemory()}))
	rows := shelfRows(m)
	if len(rows) != 3 || !strings.HasPrefix(rows[0], "2019年2月22日 星期五 晋中日报") || !strings.HasPrefix(rows[1], "2019年2月22日 星期五 人民日报") {
		t.Fatalf("rows %q", rows)
	}
	for i, key := range []string{"2019-02-22/晋中日报", "2019-02-22/人民日报"} {
		send(m, keys("g")...)
		for range i {
			send(m, keys("j")...)
		}
		send(m, keys("enter")...)
		if m.onShelf() || m.issueKey != key || m.date != key {
			t.Fatalf("row %d opened %q, want %q", i, m.issueKey, key)
		}
		send(m, keys("enter s")...)
		if !m.onShelf() || m.shelf.cur != i {
			t.Fatalf("back on the shelf at row %d, want %d", m.shelf.cur, i)
		}
	}
}

// / on the shelf searches every issue: the results newest first, as many
// as each issue's own search finds; enter opens the day at the match, and
// n goes on from it.
func TestShelfSearchOpensTheDayAtTheMatch(t *testing.T) {
	lib := twoPapers(t)
	m := started(New(nil, Options{Width: 100, Height: 30, Library: lib, Memory: newFakeMemory()}))
	if !strings.Contains(statusBar(m), "/ 搜索") {
		t.Errorf("the shelf's hints do not name /: %q", statusBar(m))
	}
	send(m, keys("/ 人 民 enter")...)
	if m.screen != shelfFindScreen || !m.find.done {
		t.Fatalf("screen %d, done %v", m.screen, m.find.done)
	}
	var want []string
	total := 0
	for _, key := range lib.Issues() {
		n := len(model.NewIndex(lib.issues[key]()).Search("人民"))
		total += n
		for range n {
			want = append(want, key)
		}
	}
	var got []string
	for _, r := range m.find.results {
		got = append(got, r.key)
	}
	if strings.Join(got, " ") != strings.Join(want, " ") || total == 0 {
		t.Fatalf("results by issue %v, want %v", got, want)
	}
	if s := screen(m); !strings.Contains(s, "找到 "+strconv.Itoa(total)+" 处") || !strings.Contains(s, "2019-02-22 晋中日报 第") {
		t.Fatalf("the results screen:\n%s", s)
	}
	// The first result of the second issue.
	first := 0
	for first < len(got) && got[first] == got[0] {
		first++
	}
	m.find.moveTo(first)
	target := m.find.results[first]
	send(m, keys("enter")...)
	if m.onShelf() || m.issueKey != target.key || m.search.query != "人民" {
		t.Fatalf("enter opened %q with the search %q; want %q", m.issueKey, m.search.query, target.key)
	}
	if cur := m.search.hits[m.search.cur]; cur != target.hit || m.focus != focusBody {
		t.Fatalf("at the hit %+v, want %+v", cur, target.hit)
	}
	before := m.search.cur
	send(m, keys("n")...)
	if m.search.cur == before {
		t.Error("n did not go on to the next match")
	}
	// Back on the shelf, / holds the last query and its results.
	send(m, keys("s /")...)
	if m.screen != shelfFindScreen || m.find.prompt.text != "人民" || len(m.find.results) != total {
		t.Fatalf("/ again: prompt %q, %d results", m.find.prompt.text, len(m.find.results))
	}
	send(m, keys("enter esc")...)
	if !m.onShelf() || lib.searched != 1 {
		t.Fatalf("esc: on the shelf %v; searches %d, want 1 (the same query is not searched again)", m.onShelf(), lib.searched)
	}
}

// The prompt takes q as text; a query found nowhere says so; esc on an
// empty prompt goes back to the shelf.
func TestShelfSearchPrompt(t *testing.T) {
	m := started(New(nil, Options{Width: 80, Height: 24, Library: twoPapers(t)}))
	send(m, keys("/ q enter")...)
	if m.screen != shelfFindScreen || m.find.query != "q" || !strings.Contains(screen(m), "书架上找不到“q”") {
		t.Fatalf("after / q enter:\n%s", screen(m))
	}
	send(m, keys("esc")...)
	if !m.onShelf() {
		t.Fatal("esc did not go back to the shelf")
	}
	send(m, keys("/ esc")...)
	if m.screen != shelfFindScreen {
		t.Fatal("esc on the prompt did not go back to the last results")
	}
	m = started(New(nil, Options{Width: 80, Height: 24, Library: twoPapers(t)}))
	send(m, keys("/ esc")...)
	if !m.onShelf() {
		t.Fatal("esc on an empty prompt did not go back to the shelf")
	}
	// A shelf that cannot search has no /.
	m = started(New(nil, Options{Width: 80, Height: 24, Library: threeDays(t)}))
	send(m, keys("/")...)
	if !m.onShelf() {
		t.Fatal("/ on a shelf that cannot search left it")
	}
}

// The results screen and its prompt fill the window exactly, at every
// size, in both widths of the ambiguous characters.
func TestShelfSearchFrameNeverOverflows(t *testing.T) {
	lib := twoPapers(t)
	for _, amb := range []layout.Ambiguous{layout.Narrow, layout.Wide} {
		mm := layout.NewMeasure(amb)
		for w := MinWidth; w <= 130; w += 9 {
			for _, h := range []int{MinHeight, 9, 24} {
				m := started(New(nil, Options{Measure: mm, Width: w, Height: h, Library: lib}))
				send(m, keys("/ 人 民")...)
				checkFrame(t, screen(m), w, h, mm)
				send(m, keys("enter j j")...)
				checkFrame(t, screen(m), w, h, mm)
			}
		}
	}
}

// A story with several matches is named once in the shelf's results, its
// matched lines under it; each day's story is named again, and every
// result can be selected and scrolled into view with its heading.
func TestShelfSearchNamesAStoryOnce(t *testing.T) {
	lib := &searchableLibrary{fakeLibrary: &fakeLibrary{dir: "papers", issues: map[string]func() *model.Issue{
		"2026-03-06": func() *model.Issue { return scriptIssue(false) },
		"2026-03-05": func() *model.Issue { return scriptIssue(false) },
	}}}
	m := started(New(nil, Options{Width: 80, Height: 24, Library: lib, ThemeName: "ink"}))
	send(m, keys("/ 桥 enter")...)
	hits := len(model.NewIndex(scriptIssue(false)).Search("桥"))
	if hits < 2 || len(m.find.results) != 2*hits {
		t.Fatalf("%d results, want %d a day, at least 2", len(m.find.results), hits)
	}
	s := screen(m)
	for _, day := range []string{"2026-03-06 第1版 新桥今日通车", "2026-03-05 第1版 新桥今日通车"} {
		if n := strings.Count(s, day); n != 1 {
			t.Errorf("%q named %d times, want once:\n%s", day, n, s)
		}
	}
	if !strings.Contains(s, "返回书架") || strings.Contains(s, "返回标题") {
		t.Errorf("esc is not said to go back to the shelf: %q", statusBar(m))
	}
	// A short window: the last result comes into view with its line.
	m = started(New(nil, Options{Width: 80, Height: 8, Library: lib, ThemeName: "ink"}))
	send(m, keys("/ 桥 enter G")...)
	last := m.find.results[len(m.find.results)-1]
	if s := screen(m); !strings.Contains(s, last.match+last.after) && !strings.Contains(s, last.before+last.match) {
		t.Errorf("the last result is not in view:\n%s", s)
	}
	send(m, keys("g")...)
	if s := screen(m); !strings.Contains(s, "2026-03-06 第1版 新桥今日通车") {
		t.Errorf("the first result's heading is not in view:\n%s", s)
	}
}

// longIssue is an issue of one story whose paragraph runs far after the
// one place 渡口 is in it, near its start, in words and figures.
func longIssue() *model.Issue {
	para := "老渡口如今建起了一座新桥，全长1.2 km，每天有3000多辆车经过，" + strings.Repeat("河上的风吹过两岸的田野，", 8)
	p := &model.Page{Number: 3, Name: "民生", Date: "2026-03-05", Articles: []*model.Article{
		{Title: "老渡口的新样子", Paragraphs: []string{"记者走访沿河村镇。", para}},
	}}
	return &model.Issue{Date: "2026-03-05", Pages: []*model.Page{p}}
}

// TestShelfSearchContextFitsThePane: the shelf's search shows as much of a
// match's context as its pane has room for, where it showed 15 characters
// either side however wide the pane; the line never runs past the pane.
// Golden frames at 60×20 and 160×40.
func TestShelfSearchContextFitsThePane(t *testing.T) {
	for _, amb := range []layout.Ambiguous{layout.Narrow, layout.Wide} {
		for _, sz := range [][2]int{{60, 20}, {160, 40}} {
			name := fmt.Sprintf("shelf-search-context-%dx%d-%s", sz[0], sz[1], amb)
			t.Run(name, func(t *testing.T) {
				lib := &searchableLibrary{fakeLibrary: &fakeLibrary{dir: "papers", issues: map[string]func() *model.Issue{
					"2026-03-05": longIssue,
				}}}
				mm := layout.NewMeasure(amb)
				m := started(New(nil, Options{Measure: mm, Width: sz[0], Height: sz[1], ThemeName: "ink", Library: lib}))
				send(m, keys("/ 渡口 enter")...)
				if len(m.find.results) != 2 {
					t.Fatalf("%d results, want 2", len(m.find.results))
				}
				var line string
				for l := range strings.Lines(screen(m)) {
					if strings.Contains(l, "老渡口如今") {
						line = l
					}
				}
				inner := m.c.geo.Inner(m.c.geo.Shelf).W
				// The text between the pane's borders: the match's line
				// fills it but for a character's cell or two.
				_, text, _ := strings.Cut(strings.ReplaceAll(line, "│", "|"), "|")
				text, _, _ = strings.Cut(text, "|")
				shown := mm.StringWidth(strings.TrimRight(text, " "))
				if line == "" || shown < inner-itemLeft-listRight-2 || shown > inner {
					t.Errorf("the match's line is %d cells of the pane's %d:\n%s", shown, inner, screen(m))
				}
				goldenScreen(t, m, name, sz[0], sz[1], mm)
			})
		}
	}
}

// fitLeft keeps the end of a string that fits, after … when cut.
func TestFitLeft(t *testing.T) {
	for _, amb := range []layout.Ambiguous{layout.Narrow, layout.Wide} {
		m := layout.NewMeasure(amb)
		for _, s := range []string{"", "abc", "新桥今日通车", "a新b桥c…d", "e\u0301té"} {
			for w := 0; w <= 14; w++ {
				got := fitLeft(m, s, w)
				rest, cut := strings.CutPrefix(got, "…")
				if m.StringWidth(got) > w || !strings.HasSuffix(s, rest) || cut == (got == s) && got != "" && s != "…" {
					t.Errorf("%s: fitLeft(%q, %d) = %q", amb, s, w, got)
				}
				if m.StringWidth(s) <= w && got != s {
					t.Errorf("%s: fitLeft(%q, %d) = %q, want it whole", amb, s, w, got)
				}
			}
		}
	}
}

// manyMatches is an issue whose one paragraph has 桥 n times.
func manyMatches(n int) *model.Issue {
	p := &model.Page{Number: 1, Date: "2026-03-05", Articles: []*model.Article{
		{Title: "桥", Paragraphs: []string{strings.Repeat("一座桥，", n)}},
	}}
	return &model.Issue{Date: "2026-03-05", Pages: []*model.Page{p}}
}

// The shelf's search keeps at most maxShelfResults matches, each with a
// line's context, however many the shelf holds — a word as common as 的
// is hundreds of thousands of matches in a year, which it kept every one
// of — and counts the others, saying how many it lists.
func TestShelfSearchKeepsAtMostSoManyResults(t *testing.T) {
	per := maxShelfResults/2 + 7
	lib := &searchableLibrary{fakeLibrary: &fakeLibrary{dir: "papers", issues: map[string]func() *model.Issue{
		"2026-03-07": func() *model.Issue { return manyMatches(per) },
		"2026-03-06": func() *model.Issue { return manyMatches(per) },
		"2026-03-05": func() *model.Issue { return manyMatches(per) },
	}}}
	m := started(New(nil, Options{Width: 100, Height: 24, Library: lib, ThemeName: "ink"}))
	send(m, keys("/ 桥 enter")...)
	f := &m.find
	if !f.done || f.days != 3 {
		t.Fatalf("searched %d days, done %v; want all 3", f.days, f.done)
	}
	if len(f.results) != maxShelfResults {
		t.Errorf("%d results kept, want %d", len(f.results), maxShelfResults)
	}
	all := strconv.Itoa(3*per + 3) // the headlines match too
	if p := f.progress(); !strings.Contains(p, all) || !strings.Contains(p, strconv.Itoa(maxShelfResults)) {
		t.Errorf("progress %q does not say %s found, %d listed", p, all, maxShelfResults)
	}
	send(m, keys("G")...)
	if r := f.results[f.cur].row; f.cur != maxShelfResults-1 || r < f.top || r >= f.top+f.height() {
		t.Errorf("G selects result %d, row %d, rows %d… in view; want the last kept", f.cur, r, f.top)
	}
}

// On a Traditional shelf the search names a story continued from another
// page with （續）, as the headlines list does, where it said （续）.
func TestShelfSearchSaysContinuedInTheShelfsScript(t *testing.T) {
	lib := &searchableLibrary{fakeLibrary: &fakeLibrary{dir: "papers", issues: map[string]func() *model.Issue{
		"2026-03-05": func() *model.Issue { return scriptIssue(true) },
	}}}
	m := started(New(nil, Options{Width: 100, Height: 24, Library: lib, ThemeName: "ink"}))
	send(m, keys("/ 攤 主 enter")...)
	if len(m.find.results) == 0 {
		t.Fatal("no results")
	}
	if s := screen(m); !strings.Contains(s, "第2版 （續）夜市重開") {
		t.Errorf("the continued story is not named with （續）:\n%s", s)
	}
}

// The shelf search's status bar says how many warnings wait after the one
// it shows, as the reader's does.
func TestShelfSearchSaysWarningsWaiting(t *testing.T) {
	var ws []error
	for i := range 6 {
		ws = append(ws, fmt.Errorf("warning-%d.toml", i))
	}
	m := started(New(nil, Options{Width: 100, Height: 24, Library: twoPapers(t), ThemeName: "ink", Warnings: ws}))
	send(m, keys("/ 人 enter")...) // each key puts up the next
	if bar := statusBar(m); !strings.Contains(bar, "warning-3.toml") || !strings.Contains(bar, "另有 2 条") {
		t.Errorf("the status bar: %q", bar)
	}
}
