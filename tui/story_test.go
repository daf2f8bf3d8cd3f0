package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/dubaoreader/dubao/model"
	"github.com/dubaoreader/dubao/tui/layout"
)

// readThrough opens the selected story and reads it to its end a line at
// a time, as the screen shows it, returning every line of the body once,
// in order.
func readThrough(m *Model) []string {
	send(m, keyPress("enter"))
	var lines []string
	for m.body.top+m.body.height() < m.body.lines() {
		lines = append(lines, bodyText(m)[0])
		send(m, keyPress("j"))
	}
	return append(lines, bodyText(m)...)
}

func TestReadingAcrossTheSeam(t *testing.T) {
	for _, size := range [][2]int{{100, 30}, {60, 20}} {
		is := seamIssue(t)
		m := New(is, Options{Width: size[0], Height: size[1]})
		text := strings.Join(readThrough(m), "")
		text = strings.NewReplacer(" ", "", "　", "").Replace(text)
		front, d04 := is.Pages[0].Articles[0], is.Pages[1].Articles[2]
		// Every paragraph of both parts, in order, and the mark between.
		at := 0
		for i, p := range append(append([]string{}, front.Paragraphs...), d04.Paragraphs...) {
			if i == len(front.Paragraphs) {
				j := strings.Index(text[at:], "—转第11版—")
				if j < 0 {
					t.Fatalf("%v: no seam mark after the first part's last paragraph", size)
				}
				at += j
			}
			j := strings.Index(text[at:], strings.ReplaceAll(p, " ", ""))
			if j < 0 {
				t.Fatalf("%v: paragraph %d (%.30q) is not read after what came before", size, i, p)
			}
			at += j
		}
		if strings.Contains(text, "本期未收录") {
			t.Errorf("%v: a part is said to be missing", size)
		}
	}
}

// begunElsewhere is how the list shows the seed's last story, which goes
// on from page 2: marked, by the first words of its text.
func begunElsewhere(t *testing.T) string {
	t.Helper()
	for _, a := range goldPage(t, "seed").Articles {
		if a.ContinuedFrom != 0 && a.Title == "" && len(a.Paragraphs) > 0 {
			return continued + string([]rune(a.Paragraphs[0])[:6])
		}
	}
	t.Fatal("no untitled continuation on the seed page")
	return ""
}

func TestAMissingPartIsSaid(t *testing.T) {
	// The sample's last story goes on from page 2, which is not in it.
	m := New(goldIssue(t, "seed"), Options{Width: 100, Height: 30})
	send(m, keys("G enter")...)
	if body := strings.Join(bodyText(m), "\n"); !strings.Contains(body, "上接第2版，本期未收录") {
		t.Errorf("the continuation from a page not in the issue:\n%s", body)
	}
	if !strings.Contains(screen(m), begunElsewhere(t)) {
		t.Error("the list does not mark the story as begun elsewhere")
	}
	// A front page alone: its lead goes on to page 11, not in the issue.
	front := frontPage()
	m = New(&model.Issue{Pages: []*model.Page{front}, Stories: []*model.Story{{Parts: front.Articles[:1], Pages: []int{1}, MissingTo: 11}}}, Options{Width: 100, Height: 30})
	send(m, keys("enter G")...)
	if body := strings.Join(bodyText(m), "\n"); !strings.Contains(body, "下转第11版，本期未收录") {
		t.Errorf("the story going on to a page not in the issue:\n%s", body)
	}
}

func TestTheListShowsAStoryOnce(t *testing.T) {
	is := seamIssue(t)
	m := New(is, Options{Width: 100, Height: 30})
	var got []string
	for _, r := range m.list.rows {
		if r.isStory() {
			got = append(got, fmt.Sprintf("%d %s", is.Pages[r.page].Number, r.text))
		}
	}
	// The front page's two stories, then d04's titled ones: its untitled
	// continuation is read in the lead's story.
	var want, d04 []string
	for _, p := range is.Pages {
		for _, a := range p.Articles {
			if a.ContinuedFrom == 0 {
				want = append(want, fmt.Sprintf("%d %s", p.Number, a.Title))
				if p.Number == 11 {
					d04 = append(d04, a.Title)
				}
			}
		}
	}
	if len(want) != 5 || len(d04) != 3 {
		t.Fatalf("the seam issue has %d stories, %d on page 11; want 5 and 3", len(want), len(d04))
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("the list holds\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if strings.Contains(screen(m), continued) {
		t.Error("the continuation on page 11 is listed")
	}
	// ] and [ go by pages, J and K by stories.
	send(m, keys("]")...)
	if r, _ := m.list.selected(); is.Pages[r.page].Number != 11 {
		t.Error("] does not go to page 11")
	}
	send(m, keys("[ enter J J")...)
	if reading(m) != d04[0] {
		t.Errorf("J J from the lead reads %q", reading(m))
	}
}

// TestSearchFollowsStories searches the issue with the story across the
// seam: its hits on both pages are counted on its one row, and n goes
// through them as the story is read, across the seam, before the next
// story.
func TestSearchFollowsStories(t *testing.T) {
	is := seamIssue(t)
	m := New(is, Options{Width: 100, Height: 30, ThemeName: "ink"})
	front, d04 := is.Pages[0].Articles[0], is.Pages[1].Articles[2]
	count := func(a *model.Article) int {
		n := 0
		for _, h := range model.NewIndex(is).Search("小农户") {
			if is.Pages[h.Page].Articles[h.Article] == a {
				n++
			}
		}
		return n
	}
	inFront, inD04 := count(front), count(d04)
	if inFront == 0 || inD04 == 0 {
		t.Fatalf("小农户 is %d times in the first part and %d in the second; want both", inFront, inD04)
	}
	send(m, keys("/ 小 农 户 enter")...)
	if got := m.search.counts[0]; got != inFront+inD04 {
		t.Errorf("the story's count is %d, want %d + %d", got, inFront, inD04)
	}
	if strings.Count(strings.Join(strings.Split(screen(m), "\n")[2:], ""), fmt.Sprint(inFront+inD04)) == 0 {
		t.Errorf("the list does not show the count %d:\n%s", inFront+inD04, screen(m))
	}
	// n through the story: the first part's hits, then the second's, all
	// in the one story, in the order they are read.
	var seen []string
	last := -1
	for i := 0; i < inFront+inD04; i++ {
		if m.body.v != &m.st.all[0] {
			t.Fatalf("hit %d is read in %q", i, reading(m))
		}
		h := m.search.hits[m.search.cur]
		line, ok := m.body.lineOfHit(m.search.spots[m.search.cur])
		if !ok || line < last {
			t.Fatalf("hit %d is on line %d, before the last one's %d", i, line, last)
		}
		last = line
		seen = append(seen, fmt.Sprint(is.Pages[h.Page].Number))
		send(m, keyPress("n"))
	}
	if want := strings.Repeat("1 ", inFront) + strings.Repeat("11 ", inD04); strings.Join(seen, " ")+" " != want {
		t.Errorf("n goes through the pages %v, want %s", seen, want)
	}
	if len(m.search.hits) > inFront+inD04 && m.body.v == &m.st.all[0] {
		t.Error("n after the story's last hit stays in it")
	}
	if len(m.search.hits) == inFront+inD04 && !strings.Contains(statusBar(m), "已回到第一处") {
		t.Errorf("n after the issue's last hit: %q", statusBar(m))
	}
}

// TestJoinedStoryGolden draws the story across the seam, scrolled to the
// seam: what a reader sees crossing from page 1 to page 11.
func TestJoinedStoryGolden(t *testing.T) {
	for _, amb := range []layout.Ambiguous{layout.Narrow, layout.Wide} {
		for _, sz := range [][2]int{{100, 24}, {60, 20}} {
			name := fmt.Sprintf("joined-story-%dx%d-%s", sz[0], sz[1], amb)
			t.Run(name, func(t *testing.T) {
				mm := layout.NewMeasure(amb)
				m := New(seamIssue(t), Options{Measure: mm, ThemeName: "ink"})
				send(m, tea.WindowSizeMsg{Width: sz[0], Height: sz[1]}, keyPress("enter"))
				for i, l := range m.body.set.lines {
					if l.kind == lineSeam {
						m.body.scrollTo(i - m.body.height()/2)
					}
				}
				m.refresh()
				goldenScreen(t, m, name, sz[0], sz[1], mm)
			})
		}
	}
}
