package tui

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dubaoreader/dubao/model"
	"github.com/dubaoreader/dubao/tui/layout"
)

// mapHelper makes the test binary a reader of the map fixtures, run in
// tmux by TestEndToEndMap: dubao itself opens no page JSON with geometry
// until the PDF parse gives it some. Its value is the folder to read
// testdata from.
var mapHelper = flag.String("map-helper", "", "run the reader on the map fixtures, from this folder (for TestEndToEndMap)")

// TestMapHelperProcess is the reader TestEndToEndMap drives; without
// -map-helper it does nothing.
func TestMapHelperProcess(t *testing.T) {
	if *mapHelper == "" {
		t.Skip("run by TestEndToEndMap")
	}
	if err := os.Chdir(*mapHelper); err != nil {
		t.Fatal(err)
	}
	if err := Run(mapIssue(t), Options{Measure: layout.NewMeasure(layout.Narrow), ThemeName: "ink"}); err != nil {
		t.Fatal(err)
	}
	os.Exit(0)
}

// panelOf joins what the map's story column shows — everything right of
// the page's frame — without spaces.
func panelOf(screen string) string {
	var b strings.Builder
	for _, l := range strings.Split(screen, "\n") {
		if i := strings.LastIndex(l, "│"); i >= 0 {
			b.WriteString(l[i+len("│"):])
		}
	}
	return strings.NewReplacer(" ", "", "\u3000", "").Replace(b.String())
}

// titled returns the article of page p whose headline text holds, the
// longest when several do; -1 for none.
func titled(p *model.Page, text string) int {
	best := -1
	for i, a := range p.Articles {
		h := strings.ReplaceAll(a.Title, " ", "")
		if h != "" && strings.Contains(text, h) && (best < 0 || len(h) > len(p.Articles[best].Title)) {
			best = i
		}
	}
	return best
}

// TestEndToEndMap opens the map fixtures in a real terminal (tmux), opens
// the map on the first page's lead, moves right and then down, and reads:
// the story read is the one whose region lies right of the lead and then
// below that one, measured on the fixture's regions.
func TestEndToEndMap(t *testing.T) {
	skipWithoutTmux(t)
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	bin, err := filepath.Abs(os.Args[0])
	if err != nil {
		t.Fatal(err)
	}
	s := startTmuxIn(t, bin, t.TempDir(), t.TempDir(), 100, 30, "-test.run=^TestMapHelperProcess$", "-map-helper="+dir)
	page := mapPage(t, mapPages[0])
	lead := page.Articles[0].Bounds()

	s.keys("m")
	s.checkWidths(s.waitFor("版面图"))
	s.keys("l")
	right := titled(page, panelOf(s.capture()))
	if right < 0 {
		t.Fatalf("after l the map shows no story's headline:\n%s", s.capture())
	}
	r := page.Articles[right].Bounds()
	if r.X0 < lead.X1-(lead.X1-lead.X0)/10 || r.Y0 >= lead.Y1 || r.Y1 <= lead.Y0 {
		t.Errorf("l went to %q at %v, which is not right of the lead at %v", page.Articles[right].Title, r, lead)
	}
	s.keys("j")
	down := titled(page, panelOf(s.capture()))
	if down < 0 {
		t.Fatalf("after j the map shows no story's headline:\n%s", s.capture())
	}
	d := page.Articles[down].Bounds()
	if d.Y0 < r.Y1-(r.Y1-r.Y0)/10 || d.X1 <= r.X0 || d.X0 >= r.X1 {
		t.Errorf("j went to %q at %v, which is not below %q at %v", page.Articles[down].Title, d, page.Articles[right].Title, r)
	}
	s.keys("Enter")
	screen := s.waitFor("返回标题") // the reader's keys: a story is open
	s.checkWidths(screen)
	body := bodyOf(screen)
	a := page.Articles[down]
	if !strings.Contains(body, strings.ReplaceAll(a.Title, " ", "")) || !strings.Contains(body, a.Paragraphs[0][:12]) {
		t.Errorf("enter does not read %q:\n%s", a.Title, screen)
	}
	s.keys("q")
	s.waitGone()
}
