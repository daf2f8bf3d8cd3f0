package tui

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/mattn/go-runewidth"
	"golang.org/x/text/width"

	"github.com/dubaoreader/dubao/model"
	"github.com/dubaoreader/dubao/parse"
	"github.com/dubaoreader/dubao/tui/layout"
)

// mapPages are the geometry fixtures of the page map: pages of the corpus
// with their regions, made by testdata/mapfixture.
var mapPages = []string{"map-g047", "map-g026", "map-g010"}

// mapPage reads testdata/NAME.json, a page with its geometry.
func mapPage(t testing.TB, name string) *model.Page {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name+".json"))
	if err != nil {
		t.Fatal(err)
	}
	var pj model.PageJSON
	if err := json.Unmarshal(b, &pj); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return pageOfJSON(pj, name)
}

// pageOfJSON is the page a PageJSON describes.
func pageOfJSON(pj model.PageJSON, source string) *model.Page {
	p := &model.Page{Number: pj.Page, Date: pj.Date, Name: pj.Name, Source: source, Furniture: pj.Furniture, Geometry: pj.Geometry}
	for _, aj := range pj.Articles {
		p.Articles = append(p.Articles, &model.Article{
			Title: aj.Title, Kicker: aj.Kicker, Subtitle: aj.Subtitle, Byline: aj.Byline,
			ContinuedFrom: aj.ContinuedFrom, ContinuedTo: aj.ContinuedTo,
			Markers: aj.Markers, Paragraphs: aj.Paragraphs, Region: aj.Region,
		})
	}
	return p
}

// mapIssue is the issue of the map fixtures, and the text pages named
// after them, in the order given.
func mapIssue(t testing.TB, text ...string) *model.Issue {
	t.Helper()
	is := &model.Issue{}
	for _, n := range mapPages {
		is.Pages = append(is.Pages, mapPage(t, n))
	}
	for _, n := range text {
		is.Pages = append(is.Pages, goldPage(t, n))
	}
	is.Date = is.Pages[0].Date
	is.Stories = parse.Stories(is.Pages)
	return is
}

// TestMapGolden draws the map of each fixture page at 80×24 and 160×50,
// with the ambiguous characters narrow and wide, and compares the screens
// with testdata/golden: the first page with its lead story selected, the
// second two stories on (tab tab), the third one down from its lead.
func TestMapGolden(t *testing.T) {
	scenarios := []struct{ name, keys string }{
		{"map-g047", "m"},
		{"map-g026", "m ] tab tab"},
		{"map-g010", "m ] ] j"},
		{"map-text", "m ] ] ]"},
	}
	for _, amb := range []layout.Ambiguous{layout.Narrow, layout.Wide} {
		for _, sc := range scenarios {
			for _, sz := range [][2]int{{80, 24}, {160, 50}} {
				name := fmt.Sprintf("%s-%dx%d-%s", sc.name, sz[0], sz[1], amb)
				t.Run(name, func(t *testing.T) {
					mm := layout.NewMeasure(amb)
					m := New(mapIssue(t, "d01"), Options{Measure: mm, ThemeName: "ink"})
					send(m, tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
					send(m, keys(sc.keys)...)
					goldenScreen(t, m, name, sz[0], sz[1], mm)
				})
			}
		}
	}
}

// TestMapGlyphsAreNeverAmbiguousInWide: every line and corner the map
// draws in Wide mode is one cell in every terminal — not East Asian
// Ambiguous, one cell to go-runewidth whichever way it takes them; in
// Narrow mode, one cell to the Measure.
func TestMapGlyphsAreNeverAmbiguousInWide(t *testing.T) {
	glyphs := func(g mapGlyphs) []string {
		var out []string
		for _, b := range []boxGlyphs{g.story, g.lead, g.current, g.page} {
			out = append(out, b.tl, b.tr, b.bl, b.br, b.h, b.v)
		}
		return append(out, g.shade)
	}
	narrow, wide := runewidth.NewCondition(), runewidth.NewCondition()
	wide.EastAsianWidth = true
	for _, s := range glyphs(wideMap) {
		for _, r := range s {
			if k := width.LookupRune(r).Kind(); k == width.EastAsianAmbiguous || k == width.EastAsianWide || k == width.EastAsianFullwidth {
				t.Errorf("%q (U+%04X) is %v", r, r, k)
			}
			if narrow.RuneWidth(r) != 1 || wide.RuneWidth(r) != 1 {
				t.Errorf("%q (U+%04X) is %d and %d cells wide", r, r, narrow.RuneWidth(r), wide.RuneWidth(r))
			}
		}
	}
	for _, s := range glyphs(narrowMap) {
		if w := layout.NewMeasure(layout.Narrow).StringWidth(s); w != 1 {
			t.Errorf("%q is %d cells in Narrow mode", s, w)
		}
	}
	// The shapes tell the kinds apart in either mode: the golden screens
	// have no colour.
	for _, g := range []mapGlyphs{narrowMap, wideMap} {
		if g.story.tl == g.lead.tl || g.story.tl == g.current.tl || g.lead.tl == g.current.tl {
			t.Errorf("corners %q %q %q: a story, the lead and the selected one look alike", g.story.tl, g.lead.tl, g.current.tl)
		}
	}
}

// selectedStory returns the story the list has selected, and the one the
// body shows.
func selectedStory(t *testing.T, m *Model) (listed, shown *model.Story) {
	t.Helper()
	r, ok := m.list.selected()
	if !ok {
		t.Fatal("nothing selected")
	}
	return m.st.all[r.story].s, m.body.story()
}

// storyOn returns the story of article ai of page pi.
func storyOn(m *Model, pi, ai int) *model.Story {
	return m.st.all[m.st.of[artRef{pi, ai}].story].s
}

// TestMapStaysInStep: what is selected on the map is selected in the list
// and shown in the body; enter reads it; esc from the map goes back to the
// list; the map opens on the list's selection, on its page.
func TestMapStaysInStep(t *testing.T) {
	m := New(mapIssue(t, "d01"), Options{Width: 100, Height: 30, ThemeName: "ink"})
	send(m, keys("m")...)
	if m.screen != mapScreen || m.pmap.page != 0 || m.pmap.art != 0 {
		t.Fatalf("m opens the map on page %d story %d (open %v), want the first page's lead", m.pmap.page, m.pmap.art, m.screen == mapScreen)
	}
	send(m, keys("l j")...) // right of the lead, then down
	want := storyOn(m, m.pmap.page, m.pmap.art)
	if listed, shown := selectedStory(t, m); listed != want || shown != want {
		t.Errorf("the map selects %q, the list %q, the body shows %q", want.Parts[0].Title, listed.Parts[0].Title, shown.Parts[0].Title)
	}
	if !strings.Contains(screen(m), m.issue.Pages[0].Articles[m.pmap.art].Title[:9]) {
		t.Errorf("the selected story's headline is not on the screen:\n%s", screen(m))
	}
	send(m, keys("enter")...)
	if m.screen == mapScreen || m.focus != focusBody || m.body.story() != want {
		t.Fatalf("enter: map open %v, focus %v, reading %v; want the story read", m.screen == mapScreen, m.focus, m.body.story() == want)
	}
	if !m.list.read.IsRead(m.st.all[m.st.of[artRef{0, m.pmap.art}].story].key) {
		t.Error("the story read from the map is not marked read")
	}
	send(m, keys("J m")...) // the next story, then the map again
	r, _ := m.list.selected()
	v := m.st.all[r.story]
	if m.screen != mapScreen || m.pmap.page != v.parts[0].page || m.pmap.art != v.parts[0].art {
		t.Errorf("after J, m opens on page %d story %d, want the list's selection, %v", m.pmap.page, m.pmap.art, v.parts[0])
	}
	send(m, keys("esc")...)
	if m.screen == mapScreen || m.focus != focusBody {
		t.Errorf("esc on the map: open %v, focus %v; want back where m was pressed", m.screen == mapScreen, m.focus)
	}
	// [ ] change the page, and the list follows.
	send(m, keys("m ]")...)
	if m.pmap.page != 1 || m.pmap.art != 0 {
		t.Errorf("] goes to page %d story %d, want the second page's lead", m.pmap.page, m.pmap.art)
	}
	if listed, _ := selectedStory(t, m); listed != storyOn(m, 1, 0) {
		t.Errorf("after ] the list selects %q", listed.Parts[0].Title)
	}
	send(m, keys("[ [")...)
	if m.pmap.page != 0 || !strings.Contains(m.message.text, "第一版") {
		t.Errorf("[ [ from the second page: page %d, message %q", m.pmap.page, m.message.text)
	}
}

// TestMapTabFollowsReadingOrder: tab goes through every story of each
// fixture page in reading order and comes round; shift+tab goes back.
func TestMapTabFollowsReadingOrder(t *testing.T) {
	m := New(mapIssue(t), Options{Width: 80, Height: 24, ThemeName: "ink"})
	send(m, keys("m")...)
	for pi := range mapPages {
		if pi > 0 {
			send(m, keys("]")...)
		}
		page := m.issue.Pages[pi]
		var order []int
		for range len(page.Articles) {
			order = append(order, m.pmap.art)
			send(m, keys("tab")...)
		}
		for i, a := range order {
			if a != i {
				t.Errorf("page %d: tab goes %v, want every story in reading order", pi, order)
				break
			}
		}
		if m.pmap.art != 0 {
			t.Errorf("page %d: tab after the last story goes to %d, want the first", pi, m.pmap.art)
		}
		send(m, tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift})
		if m.pmap.art != len(page.Articles)-1 {
			t.Errorf("page %d: shift+tab from the first goes to %d, want the last", pi, m.pmap.art)
		}
	}
}

// TestMapWithoutGeometry: a page of text says in one line that a map
// needs its PDF.
func TestMapWithoutGeometry(t *testing.T) {
	m := New(goldIssue(t, "d01"), Options{Width: 80, Height: 24, ThemeName: "ink"})
	send(m, keys("m")...)
	var lines []string
	for _, l := range strings.Split(screen(m), "\n")[1:23] {
		if strings.TrimSpace(l) != "" {
			lines = append(lines, strings.TrimSpace(l))
		}
	}
	if len(lines) != 1 || !strings.Contains(lines[0], "PDF") {
		t.Errorf("a text page's map shows %q, want one line about the PDF", lines)
	}
	send(m, keys("j enter")...) // nothing to move to, enter reads the selection
	if m.screen == mapScreen || m.focus != focusBody {
		t.Errorf("enter on a text page's map: open %v, focus %v", m.screen == mapScreen, m.focus)
	}
}

// TestMapClick: a click on a story's box selects it, a second reads it.
func TestMapClick(t *testing.T) {
	m := New(mapIssue(t), Options{Width: 100, Height: 30, ThemeName: "ink"})
	send(m, keys("m")...)
	b := m.pmap.lay.Boxes[3][0]
	click := tea.MouseClickMsg{Button: tea.MouseLeft, X: m.pmap.at.X + b.X + 1, Y: 1 + m.pmap.at.Y + b.Y + 1}
	send(m, click)
	if m.pmap.art != 3 {
		t.Fatalf("a click in story 3's box selects %d", m.pmap.art)
	}
	send(m, click)
	if m.screen == mapScreen || m.body.story() != storyOn(m, 0, 3) {
		t.Errorf("a second click does not read story 3")
	}
}

// BenchmarkMapDraw draws the map of a page of ten stories (the fixture
// g026 and one more) at 160×50, as a key on the map does.
func BenchmarkMapDraw(b *testing.B) {
	is := mapIssue(b)
	// gen g026 as the PDF parse reads it, nine stories; the corpus has no
	// page of ten, so the bottom half of one (第三届…, a single column
	// block) is made a story of its own.
	p := is.Pages[1]
	a := p.Articles[6]
	ab := a.Bounds()
	mid := (ab.Y0 + ab.Y1) / 2
	var top []model.Box
	for _, r := range a.Region {
		r.Y1 = min(r.Y1, mid)
		if !r.Empty() {
			top = append(top, r)
		}
	}
	extra := *a
	extra.Title, extra.Region = "下半", []model.Box{{X0: ab.X0, Y0: mid + 10, X1: ab.X1, Y1: ab.Y1}}
	a.Region = top
	p.Articles = append(p.Articles, &extra)
	is.Stories = parse.Stories(is.Pages)
	m := New(is, Options{Width: 160, Height: 50, ThemeName: "ink"})
	send(m, keys("m ]")...)
	if n := len(m.pmap.lay.Boxes); n != 10 {
		b.Fatalf("%d stories", n)
	}
	for _, boxes := range m.pmap.lay.Boxes {
		if len(boxes) == 0 {
			b.Fatal("a story without a box")
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		m.drawMap()
	}
	b.SetBytes(int64(len(strings.Join(m.pmap.rows, "\n"))))
}

// TestMapWithNarrowedList: with the list narrowed to the stories a search
// hit, a story chosen on the map is still the list's selection — the list
// shows every story again when it has to.
func TestMapWithNarrowedList(t *testing.T) {
	m := New(mapIssue(t), Options{Width: 100, Height: 30, ThemeName: "ink"})
	send(m, keys("/ 澳 门 enter f")...)
	if !m.list.narrowed {
		t.Fatal("the search did not narrow the list")
	}
	send(m, keys("m")...)
	for range m.issue.Pages[m.pmap.page].Articles {
		send(m, keys("tab")...)
		want := storyOn(m, m.pmap.page, m.pmap.art)
		if listed, shown := selectedStory(t, m); listed != want || shown != want {
			t.Fatalf("the map selects %q, the list %q, the body %q", want.Parts[0].Title, listed.Parts[0].Title, shown.Parts[0].Title)
		}
	}
}

// TestMapReadsAContinuedPart: a story's part on a later page, chosen on
// that page's map, is read from that part: the story is the list's, under
// the page where it starts, and the body opens where the part begins.
func TestMapReadsAContinuedPart(t *testing.T) {
	is := mapIssue(t)
	head, tail := is.Pages[0].Articles[0], is.Pages[1].Articles[8]
	// The fixtures keep only the first lines of a story: the head is made
	// longer than a screen, so that the body opening at the tail shows.
	for i := range 40 {
		head.Paragraphs = append(head.Paragraphs, fmt.Sprintf("第%d段。", i+1))
	}
	var stories []*model.Story
	for _, s := range is.Stories {
		if s.Parts[0] != tail {
			stories = append(stories, s)
		}
		if s.Parts[0] == head {
			s.Parts = append(s.Parts, tail)
			s.Pages = append(s.Pages, is.Pages[1].Number)
		}
	}
	is.Stories = stories
	m := New(is, Options{Width: 100, Height: 30, ThemeName: "ink"})
	send(m, keys("m ]")...)
	send(m, tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift})
	if m.pmap.page != 1 || m.pmap.art != 8 {
		t.Fatalf("shift+tab from the lead of the second page selects page %d story %d, want its last", m.pmap.page, m.pmap.art)
	}
	if listed, _ := selectedStory(t, m); listed.Parts[0] != head {
		t.Fatalf("the list selects %q, want the story the part belongs to", listed.Parts[0].Title)
	}
	send(m, keys("enter")...)
	got := bodyOf(screen(m))
	if !strings.Contains(got, tail.Paragraphs[0][:15]) || strings.Contains(got, head.Paragraphs[0][:15]) {
		t.Errorf("the body does not open at the part on the second page:\n%s", screen(m))
	}
}

// TestMapOfNothing: an issue without stories, and a page with geometry
// but no stories, draw and take every map key without a story to select.
func TestMapOfNothing(t *testing.T) {
	m := New(&model.Issue{}, Options{Width: 80, Height: 24, ThemeName: "ink"})
	send(m, keys("m")...)
	if m.screen == mapScreen {
		t.Error("the map opens on an issue without stories")
	}
	empty := &model.Page{Number: 9, Geometry: &model.Geometry{Width: 900, Height: 1200}}
	is := mapIssue(t)
	is.Pages = append(is.Pages, empty)
	is.Stories = parse.Stories(is.Pages)
	m = New(is, Options{Width: 80, Height: 24, ThemeName: "ink"})
	send(m, keys("m ] ] ] h j k l tab enter")...)
	if m.pmap.page != 3 || m.pmap.art != -1 || m.screen != mapScreen {
		t.Errorf("on a page without stories: page %d, story %d, screen %v", m.pmap.page, m.pmap.art, m.screen)
	}
	checkFrame(t, screen(m), 80, 24, m.c.m)
}
