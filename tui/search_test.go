package tui

import (
	"strings"
	"testing"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/dubaoreader/dubao/model"
	"github.com/dubaoreader/dubao/tui/layout"
)

// styled is a run of a rendered line drawn in one paint: its row on the
// screen, the cells it covers and its text.
type styled struct {
	row, col, end int
	text          string
}

// spansIn finds the runs of a rendered frame drawn in paint p: the text
// between each of p's opening escape sequence and its closing one, placed
// in cells by m as the terminal places it.
func spansIn(frame string, p paint, m layout.Measure) []styled {
	if p.pre == "" {
		return nil
	}
	var out []styled
	for row, line := range strings.Split(frame, "\n") {
		for at := 0; ; {
			i := strings.Index(line[at:], p.pre)
			if i < 0 {
				break
			}
			i += at
			from := i + len(p.pre)
			j := strings.Index(line[from:], p.post)
			if j < 0 {
				break
			}
			text := line[from : from+j]
			col := m.StringWidth(ansi.Strip(line[:i]))
			out = append(out, styled{row: row, col: col, end: col + m.StringWidth(ansi.Strip(text)), text: text})
			at = from + j + len(p.post)
		}
	}
	return out
}

// paintedIn returns the runs of the frame drawn in any of paints.
func paintedIn(frame string, m layout.Measure, paints ...paint) []styled {
	var out []styled
	seen := map[paint]bool{}
	for _, p := range paints {
		if !seen[p] {
			seen[p] = true
			out = append(out, spansIn(frame, p, m)...)
		}
	}
	return out
}

// inList keeps the runs drawn in the list pane.
func inList(m *Model, runs []styled) []styled {
	var out []styled
	for _, r := range runs {
		if m.c.geo.List.Contains(r.col, r.row) && r.col < m.c.geo.List.X+m.c.geo.List.W-m.c.geo.Border {
			out = append(out, r)
		}
	}
	return out
}

// statusBar returns the last line of the screen.
func statusBar(m *Model) string {
	lines := strings.Split(screen(m), "\n")
	return lines[len(lines)-1]
}

// springIssue is a small issue whose hits for 春天 are known: three in the
// first article (its title and twice in its paragraph), none in the
// second, one in the title of the third, on page 2, and none on page 3.
func springIssue() *model.Issue {
	return &model.Issue{Pages: []*model.Page{
		{Number: 1, Articles: []*model.Article{
			{Title: "春天来了", Paragraphs: []string{"春天的故事。又是一个春天。"}},
			{Title: "别的消息", Paragraphs: []string{"没有。"}},
		}},
		{Number: 2, Articles: []*model.Article{
			{Title: "又是春天", Paragraphs: []string{"春风。"}},
		}},
		{Number: 3, Articles: []*model.Article{
			{Title: "夏天", Paragraphs: []string{"热。"}},
		}},
	}}
}

func TestNextAndPreviousGoRoundTheIssue(t *testing.T) {
	m := New(springIssue(), Options{Width: 100, Height: 30, ThemeName: "ink"})
	steps := []struct {
		keys    string
		counter string // as the status bar shows it
		note    string // a message in the status bar, "" for none
		page    string // the page in the header
		art     string // the article in the body
	}{
		{"/ 春 天", "1/4", "", "第1版", "春天来了"},
		{"enter", "春天 1/4", "", "第1版", "春天来了"},
		{"n", "春天 2/4", "", "第1版", "春天来了"},
		{"n", "春天 3/4", "", "第1版", "春天来了"},
		{"n", "春天 4/4", "", "第2版", "又是春天"},
		{"n", "春天 1/4", "已回到第一处", "第1版", "春天来了"},
		{"N", "春天 4/4", "已回到最后一处", "第2版", "又是春天"},
		{"N", "春天 3/4", "", "第1版", "春天来了"},
	}
	for _, st := range steps {
		send(m, keys(st.keys)...)
		bar, header := statusBar(m), strings.Split(screen(m), "\n")[0]
		if !strings.Contains(bar, st.counter) {
			t.Errorf("after %s: the status bar says %q, want %q", st.keys, bar, st.counter)
		}
		if st.note != "" && !strings.Contains(bar, st.note) || st.note == "" && strings.Contains(bar, "已回到") {
			t.Errorf("after %s: the status bar says %q, want the note %q", st.keys, bar, st.note)
		}
		if !strings.Contains(header, st.page) || reading(m) != st.art {
			t.Errorf("after %s: %q reading %q, want %s, %s", st.keys, header, reading(m), st.page, st.art)
		}
		// The current match is drawn as such, and is 春天.
		cur := paintedIn(m.View().Content, m.c.m, m.c.st.current[:]...)
		if len(cur) != 1 || cur[0].text != "春天" {
			t.Errorf("after %s: the current match is drawn as %v", st.keys, cur)
		}
	}
}

func TestNextFromWhereTheReaderIs(t *testing.T) {
	m := New(springIssue(), Options{Width: 100, Height: 30, ThemeName: "ink"})
	send(m, keys("/ 春 天 enter")...)
	// Away from the current match, n goes to the first match from here.
	send(m, keys("h G")...)
	send(m, keyPress("N"))
	if bar := statusBar(m); !strings.Contains(bar, "4/4") || strings.Contains(bar, "已回到") {
		t.Errorf("N from the last article: %q, want 4/4 and no note", bar)
	}
	send(m, keys("h G n")...)
	if bar := statusBar(m); !strings.Contains(bar, "1/4") || !strings.Contains(bar, "已回到第一处") {
		t.Errorf("n from the last article, which has no match: %q", bar)
	}
	// Without a search, n and N say how to start one.
	m = New(springIssue(), Options{Width: 100, Height: 30})
	send(m, keyPress("n"))
	if bar := statusBar(m); !strings.Contains(bar, "先按 / 搜索") {
		t.Errorf("n without a search: %q", bar)
	}
}

func TestHitCountsInTheList(t *testing.T) {
	for _, amb := range []layout.Ambiguous{layout.Narrow, layout.Wide} {
		mm := layout.NewMeasure(amb)
		m := New(springIssue(), Options{Measure: mm, Width: 100, Height: 30, ThemeName: "ink"})
		inner := m.c.geo.Inner(m.c.geo.List)
		countCol := inner.X + inner.W - listRight - 1 // the last cell of a one-digit count
		send(m, keys("/ 春 天 enter")...)
		frame := m.View().Content
		counts := inList(m, paintedIn(frame, mm, m.c.st.hitCount[:]...))
		got := map[string]styled{}
		for _, c := range counts {
			if c.row > 0 { // not the list's border label
				got[ansi.Strip(strings.Split(screen(m), "\n")[c.row])] = c
			}
		}
		want := map[string]string{"春天来了": "3", "又是春天": "1"}
		if len(got) != len(want) {
			t.Errorf("%v: hit counts on %d rows, want %d: %v", amb, len(got), len(want), counts)
		}
		for line, c := range got {
			title := ""
			for w := range want {
				if strings.Contains(line, w) {
					title = w
				}
			}
			if title == "" || c.text != want[title] || c.col != countCol || c.row < inner.Y {
				t.Errorf("%v: count %q at row %d, cell %d on %q; want %q at cell %d", amb, c.text, c.row, c.col, line, want[title], countCol)
			}
		}
		// The 春天 of each headline is marked, where it is drawn.
		marks := inList(m, paintedIn(frame, mm, m.c.st.listMatch[:]...))
		if len(marks) != 2 {
			t.Fatalf("%v: %d marks in the list, want 2: %v", amb, len(marks), marks)
		}
		for _, mk := range marks {
			line := strings.Split(screen(m), "\n")[mk.row]
			title := strings.TrimSpace(mm.Truncate(line[len(mm.Truncate(line, inner.X+itemLeft, "")):], 8, ""))
			want := inner.X + itemLeft + mm.StringWidth(title[:strings.Index(title, "春天")])
			if mk.text != "春天" || mk.col != want {
				t.Errorf("%v: %q marked at cell %d in %q, want 春天 at %d", amb, mk.text, mk.col, title, want)
			}
		}
	}
}

// TestMarksInAContinuedHeadline finds the match in the first words of a
// continuation, which the list shows after （续）.
func TestMarksInAContinuedHeadline(t *testing.T) {
	is := &model.Issue{Pages: []*model.Page{{Number: 2, Articles: []*model.Article{
		{ContinuedFrom: 1, Paragraphs: []string{"春天的故事，接着讲。"}},
	}}}}
	for _, amb := range []layout.Ambiguous{layout.Narrow, layout.Wide} {
		mm := layout.NewMeasure(amb)
		m := New(is, Options{Measure: mm, Width: 100, Height: 30, ThemeName: "ink"})
		send(m, keys("/ 故 事 enter")...)
		marks := inList(m, paintedIn(m.View().Content, mm, m.c.st.listMatch[:]...))
		want := m.c.geo.Inner(m.c.geo.List).X + itemLeft + mm.StringWidth(continued+"春天的")
		if len(marks) != 1 || marks[0].text != "故事" || marks[0].col != want {
			t.Errorf("%v: marks %v, want 故事 at cell %d", amb, marks, want)
		}
	}
}

func TestNarrowTheList(t *testing.T) {
	m := New(springIssue(), Options{Width: 100, Height: 30, ThemeName: "ink"})
	listShows := func(s string) bool {
		for _, l := range strings.Split(screen(m), "\n") {
			if strings.Contains(m.c.m.Truncate(l, m.c.geo.List.W, ""), s) {
				return true
			}
		}
		return false
	}
	send(m, keyPress("f"))
	if !strings.Contains(statusBar(m), "先按 / 搜索") || !listShows("别的消息") {
		t.Error("f without a search narrowed the list")
	}
	send(m, keys("/ 春 天 enter n n n")...) // reading 又是春天
	send(m, keyPress("f"))
	if listShows("别的消息") || listShows("夏天") || listShows("第3版") || !listShows("春天来了") || !listShows("又是春天") {
		t.Errorf("narrowed, the list shows:\n%s", screen(m))
	}
	if !listShows("命中 2 篇") {
		t.Errorf("the narrowed list does not say so:\n%s", screen(m))
	}
	if reading(m) != "又是春天" {
		t.Errorf("narrowing moved the reader to %q", reading(m))
	}
	send(m, keys("h k")...) // the list is two stories long
	if reading(m) != "春天来了" {
		t.Errorf("k in the narrowed list selects %q", reading(m))
	}
	send(m, keyPress("f"))
	if !listShows("别的消息") || !listShows("第3版") || listShows("命中") || reading(m) != "春天来了" {
		t.Errorf("f again does not list everything, with the selection kept:\n%s", screen(m))
	}
	// Narrowed, a new search narrows to its own hits.
	send(m, keys("f / 夏")...)
	if !listShows("夏天") || listShows("春天来了") {
		t.Errorf("narrowed to 夏, the list shows:\n%s", screen(m))
	}
}

// TestEscapeGoesBackExactly searches from the middle of a scrolled article
// and cancels: the screen is the one before, pixel for pixel, list scroll,
// selection, body scroll, focus and the search kept from before included.
func TestEscapeGoesBackExactly(t *testing.T) {
	for _, setup := range []string{
		"] ] j enter space space j",     // reading, scrolled
		"] ] j enter j",                 // reading, a line into the head
		"] ] j j",                       // in the list
		"G enter space / 人 民 enter f j", // reading with a search kept, narrowed
		"G enter g / 人 民 enter f n n",   // the same, moved on
	} {
		m := New(goldIssue(t, corpusPages...), Options{Width: 100, Height: 16, ThemeName: "ink"})
		send(m, keys(setup)...)
		before := m.View().Content
		l, b, f := m.list, m.body, m.focus
		for _, query := range []string{"国 家", "国 家 啊 啊 啊", "韩 国 瑜"} {
			send(m, keyPress("/"))
			send(m, keys(query)...)
			if query == "国 家" && screen(m) == ansi.Strip(before) {
				t.Errorf("%s, /%s: typing did not move to a match", setup, query)
			}
			send(m, keyPress("esc"))
			if got := m.View().Content; got != before {
				t.Errorf("%s, /%s esc: not back where it was:\n%s", setup, query, lineDiff(ansi.Strip(before), ansi.Strip(got)))
			}
			if m.list.cur != l.cur || m.list.top != l.top || m.body.top != b.top || m.body.v != b.v || m.focus != f {
				t.Errorf("%s, /%s esc: list %d/%d, body %d, focus %d; was %d/%d, %d, %d",
					setup, query, m.list.cur, m.list.top, m.body.top, m.focus, l.cur, l.top, b.top, f)
			}
		}
	}
}

// TestWhileNothingMatches the reader stays where it was, and says so.
func TestWhileNothingMatches(t *testing.T) {
	m := New(goldIssue(t, corpusPages...), Options{Width: 100, Height: 30, ThemeName: "ink"})
	send(m, keys("] j enter space")...)
	before := screen(m)
	send(m, keys("/ 国 家 ｑ ｑ")...)
	if !strings.Contains(statusBar(m), "无匹配") {
		t.Errorf("no match and the bar says %q", statusBar(m))
	}
	rest := func(s string) string { return s[:strings.LastIndex(s, "\n")] }
	if rest(screen(m)) != rest(before) {
		t.Errorf("with nothing found the reader moved:\n%s", lineDiff(rest(before), rest(screen(m))))
	}
	send(m, keyPress("enter"))
	if bar := statusBar(m); !strings.Contains(bar, "找不到“国家ｑｑ”") {
		t.Errorf("enter on nothing: %q", bar)
	}
	if rest(screen(m)) != rest(before) || m.prompting() {
		t.Error("enter on nothing moved the reader or left the prompt open")
	}
}

func TestEnterReadsAtTheFirstMatchFromHere(t *testing.T) {
	is := goldIssue(t, corpusPages...)
	tests := []struct {
		name  string
		setup string
	}{
		{"from the first story", ""},
		{"from a later page", "] ] j"},
		{"from the last story, round to the first", "G"},
		{"from the middle of a story being read", "G enter space space"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := New(is, Options{Width: 100, Height: 30, ThemeName: "ink"})
			hits, spots := m.st.order(model.NewIndex(m.issue).Search("人民"))
			send(m, keys(tt.setup)...)
			here := m.here()
			want := 0
			for want < len(hits) && compareSpots(spots[want], here) < 0 {
				want++
			}
			wrapped := want == len(hits)
			if wrapped {
				want = 0
			}
			send(m, keys("/ 人 民 enter")...)
			if m.search.cur != want || m.body.v != &m.st.all[spots[want].story] || m.focus != focusBody {
				t.Fatalf("reading hit %d in %q, want hit %d in %q", m.search.cur, reading(m), want, m.st.all[spots[want].story].s.Heading())
			}
			if got := strings.Contains(statusBar(m), "已回到第一处"); got != wrapped {
				t.Errorf("the note that it came round: %v, want %v (%q)", got, wrapped, statusBar(m))
			}
			cur := paintedIn(m.View().Content, m.c.m, m.c.st.current[:]...)
			if len(cur) == 0 || ansi.Strip(cur[0].text) != "人民" && !strings.HasPrefix("人民", cur[0].text) {
				t.Errorf("the current match is not in view: %v", cur)
			}
			if !m.list.read.IsRead(m.list.rows[m.list.cur].key) {
				t.Error("the story read at the match is not marked read")
			}
		})
	}
}

// TestBlankQueryClearsTheSearch: a query of spaces clears the search (an
// empty one looks again for the last: TestSlashEnterRepeats).
func TestBlankQueryClearsTheSearch(t *testing.T) {
	m := New(springIssue(), Options{Width: 100, Height: 30, ThemeName: "ink"})
	send(m, keys("/ 春 天 enter / space enter")...)
	if bar := statusBar(m); strings.Contains(bar, "/4") || !strings.Contains(bar, "已清除搜索") {
		t.Errorf("status bar %q", bar)
	}
	if len(paintedIn(m.View().Content, m.c.m, m.c.st.hitCount[:]...)) != 0 {
		t.Error("hit counts outlive the search")
	}
	send(m, keys("/ space enter")...)
	if strings.Contains(statusBar(m), "已清除搜索") {
		t.Error("clearing no search says it cleared one")
	}
}

// reading returns the heading of the story in the body.
func reading(m *Model) string {
	if s := m.body.story(); s != nil {
		return s.Heading()
	}
	return ""
}

// storyPara returns the index in its story's Paragraphs of the paragraph
// hit h is in.
func storyPara(m *Model, h model.Hit) int {
	r := m.st.of[artRef{h.Page, h.Article}]
	n := 0
	for _, a := range m.st.all[r.story].s.Parts[:r.part] {
		n += len(a.Paragraphs)
	}
	return n + h.Para
}

// hitCells returns where hit h of the article set in m's body is drawn,
// worked out from the layout package alone: a paragraph is wrapped as the
// body wraps it and the hit's bytes located in its lines; a title that
// fits one line is centred.
func hitCells(t *testing.T, m *Model, h model.Hit) []styled {
	t.Helper()
	g, mm := m.c.geo, m.c.m
	a := m.issue.Pages[h.Page].Articles[h.Article]
	x0 := g.Body.X + g.Border + g.TextLeft
	row := func(setLine int) int { return g.Body.Y + 1 + setLine - m.body.top }
	switch h.Field {
	case model.InTitle:
		if mm.StringWidth(a.Title) > g.TextWidth {
			t.Fatalf("the title %q takes more than a line", a.Title)
		}
		title := 0
		for i, l := range m.body.set.lines {
			if l.kind == lineTitle {
				title = i
				break
			}
		}
		lead := (g.TextWidth - mm.StringWidth(a.Title)) / 2
		col := x0 + lead + mm.StringWidth(a.Title[:h.Start])
		return []styled{{row: row(title), col: col, end: col + mm.StringWidth(a.Title[h.Start:h.End])}}
	case model.InParagraph:
		text, shift := a.Paragraphs[h.Para], 0
		if m.c.indent {
			text, shift = indent+text, len(indent)
		}
		spans := mm.WrapSpans(text, g.TextWidth)
		first := m.body.set.start[storyPara(m, h)+1]
		ls, cs := mm.Locate(text, spans, shift+h.Start)
		r, size := utf8.DecodeLastRuneInString(text[:shift+h.End])
		le, ce := mm.Locate(text, spans, shift+h.End-size)
		ce += mm.RuneWidth(r)
		var out []styled
		for l := ls; l <= le; l++ {
			s := styled{row: row(first + l), col: x0, end: x0 + mm.StringWidth(text[spans[l].Start:spans[l].End])}
			if l == ls {
				s.col = x0 + cs
			}
			if l == le {
				s.end = x0 + ce
			}
			out = append(out, s)
		}
		return out
	}
	t.Fatalf("no cells worked out for a hit in the %s", h.Field)
	return nil
}

// TestHighlightsLandOnTheMatch goes through every match of a query and
// finds the current one drawn on exactly the cells where the layout puts
// the characters matched, in both ambiguous-width modes: in a title after
// a “ (two cells in Wide mode), in a paragraph after a “, across a line
// break, and across a space the line breaker dropped.
func TestHighlightsLandOnTheMatch(t *testing.T) {
	wrapping := &model.Issue{Pages: []*model.Page{{Number: 1, Articles: []*model.Article{
		{Title: "“标题”里的七八九十", Paragraphs: []string{
			"一二三四五六七八九十甲乙丙丁",   // indented, 七八九十 breaks after 八
			"一二三四五六七八 ABC DEF", // the space after 八 is dropped at the break
			"“七八”九十“七八九十”",
		}},
	}}}}
	tests := []struct {
		name    string
		is      *model.Issue
		measure int // the reading measure in characters
		query   string
		keys    string // to read the article
		want    int    // hits
		wraps   int    // of them drawn across a line break
	}{
		{"after “ in a title and a paragraph", goldIssue(t, "seed"), 0, quotedTerm(t), "", 2, 0},
		{"across a line break", wrapping, 10, "七八九十", "", 3, 2},
		{"across a dropped space", wrapping, 10, "八ABC", "", 1, 1},
	}
	for _, amb := range []layout.Ambiguous{layout.Narrow, layout.Wide} {
		for _, tt := range tests {
			t.Run(tt.name+"-"+amb.String(), func(t *testing.T) {
				mm := layout.NewMeasure(amb)
				m := New(tt.is, Options{Measure: mm, MeasureChars: tt.measure, Width: 100, Height: 30, ThemeName: "ink"})
				hits, _ := m.st.order(model.NewIndex(m.issue).Search(tt.query))
				if tt.want > 0 && len(hits) != tt.want {
					t.Fatalf("%d hits of %s, want %d", len(hits), tt.query, tt.want)
				}
				send(m, keyPress("/"))
				send(m, keyPress(tt.query))
				send(m, keyPress("enter"))
				wraps := 0
				for i := range hits {
					if m.search.cur != i {
						t.Fatalf("at hit %d, want %d", m.search.cur, i)
					}
					frame := m.View().Content
					got := paintedIn(frame, mm, m.c.st.current[:]...)
					want := hitCells(t, m, hits[i])
					if len(want) > 1 {
						wraps++
					}
					var text string
					for _, g := range got {
						text += g.text
					}
					if len(got) != len(want) || strings.ReplaceAll(text, " ", "") != strings.ReplaceAll(tt.query, " ", "") {
						t.Errorf("hit %d (%s): drawn as %v, want %d runs of %q", i, hits[i].Field, got, len(want), tt.query)
					}
					for j := range min(len(got), len(want)) {
						if got[j].row != want[j].row || got[j].col != want[j].col || got[j].end != want[j].end {
							t.Errorf("hit %d (%s): run %d %q on row %d cells %d–%d, want row %d cells %d–%d",
								i, hits[i].Field, j, got[j].text, got[j].row, got[j].col, got[j].end, want[j].row, want[j].col, want[j].end)
						}
					}
					// Every other match in view is drawn as a match, and is
					// (part of) the query.
					for _, o := range paintedIn(frame, mm, m.c.st.match[:]...) {
						if !strings.Contains(tt.query, o.text) {
							t.Errorf("hit %d: a match drawn on %q", i, o.text)
						}
					}
					send(m, keyPress("n"))
				}
				if wraps != tt.wraps {
					t.Errorf("%d hits wrapped, want %d", wraps, tt.wraps)
				}
			})
		}
	}
}

// TestSearchSurvivesResizing keeps the highlights on the match when the
// window changes size and the article is set again.
func TestSearchSurvivesResizing(t *testing.T) {
	is := goldIssue(t, "seed")
	for _, amb := range []layout.Ambiguous{layout.Narrow, layout.Wide} {
		mm := layout.NewMeasure(amb)
		m := New(is, Options{Measure: mm, Width: 100, Height: 30, ThemeName: "ink"})
		send(m, keys("/ 税 务 蓝 enter n n")...)
		hits := m.search.hits
		for _, size := range [][2]int{{140, 40}, {60, 20}, {81, 24}} {
			send(m, tea.WindowSizeMsg{Width: size[0], Height: size[1]})
			m.body.reveal(m.search.spots[m.search.cur])
			got := paintedIn(m.View().Content, mm, m.c.st.current[:]...)
			want := hitCells(t, m, hits[m.search.cur])
			if len(got) != len(want) || len(got) > 0 && (got[0].col != want[0].col || got[0].row != want[0].row) {
				t.Errorf("%v %dx%d: current match drawn at %v, want %v", amb, size[0], size[1], got, want)
			}
		}
	}
}

// TestPromptWhileTooSmall keeps the prompt working in a window too small
// to draw it: esc still goes back.
func TestPromptWhileTooSmall(t *testing.T) {
	m := New(springIssue(), Options{Width: 100, Height: 30, ThemeName: "ink"})
	before := m.View().Content
	send(m, keys("/ 春")...)
	send(m, tea.WindowSizeMsg{Width: 10, Height: 4}, keyPress("天"), keyPress("esc"), tea.WindowSizeMsg{Width: 100, Height: 30})
	if m.prompting() || m.View().Content != before {
		t.Errorf("esc in a window too small did not go back:\n%s", screen(m))
	}
	send(m, tea.WindowSizeMsg{Width: 10, Height: 4}, keyPress("/"))
	if m.prompting() {
		t.Error("/ opens a prompt that a window too small cannot show")
	}
}
