package tui

import (
	"encoding/json"
	"flag"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dubaoreader/dubao/model"
	"github.com/dubaoreader/dubao/tui/layout"
)

// mapHelper makes the test binary a reader of the map fixtures, run in
// tmux by TestEndToEndMap, which needs no corpus PDFs (TestEndToEndMapPDF
// runs dubao itself on them). Its value is the folder to read testdata
// from.
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

// TestEndToEndMapPDF opens a folder of two corpus PDF pages (gen-issue s2,
// pages 1 and 2) in the real dubao, opens the map on the first page's
// lead, moves right and then down, and reads: the story the panel shows
// after each move, and the one read, is the one whose region lies there —
// of the stories wholly that way and level with (or under) the one before,
// the nearest — measured on the regions dubao parse gives for the files.
func TestEndToEndMapPDF(t *testing.T) {
	skipWithoutTmux(t)
	_, dir := issuePDFs(t)
	bin := buildDubao(t)
	cache := t.TempDir()
	var parsed struct{ Pages []model.PageJSON }
	if err := json.Unmarshal(parsePDFs(t, bin, cache, dir), &parsed); err != nil {
		t.Fatal(err)
	}
	if len(parsed.Pages) == 0 || parsed.Pages[0].Geometry == nil {
		t.Fatalf("dubao parse gives no geometry for %s", dir)
	}
	page := pageOfJSON(parsed.Pages[0], "s2p1.pdf")
	lead := 0
	right := nearestThat(page, lead, func(b, from model.Box) bool {
		return b.X0 >= from.X1-5 && b.Y0 < from.Y1 && b.Y1 > from.Y0
	})
	down := nearestThat(page, right, func(b, from model.Box) bool {
		return b.Y0 >= from.Y1-5 && b.X0 < from.X1 && b.X1 > from.X0
	})
	if right < 0 || down < 0 {
		t.Fatalf("page 1 has no story right of its lead and one below that: %d %d", right, down)
	}

	s := startPDFReader(t, bin, cache, dir)
	shows := func(key string, want int) {
		t.Helper()
		s.keys(key)
		var screen string
		for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(200 * time.Millisecond) {
			screen = s.capture()
			if strings.Contains(screen, "版面图") && titled(page, panelOf(screen)) == want {
				s.checkWidths(screen)
				return
			}
		}
		t.Fatalf("after %s the map does not show %q, whose region lies there:\n%s", key, page.Articles[want].Title, screen)
	}
	shows("m", lead)
	shows("l", right)
	shows("j", down)
	s.keys("Enter")
	a := page.Articles[down]
	title := strings.ReplaceAll(a.Title, " ", "")
	first := strings.ReplaceAll(a.Paragraphs[0], " ", "")
	first = string([]rune(first)[:min(10, len([]rune(first)))])
	var screen string
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(200 * time.Millisecond) {
		screen = s.capture()
		if body := bodyOf(screen); strings.Contains(body, title) && strings.Contains(body, first) {
			s.checkWidths(screen)
			s.keys("q")
			s.waitGone()
			return
		}
	}
	t.Fatalf("enter does not read %q:\n%s", a.Title, screen)
}

// nearestThat returns the article of p, other than from, whose region's
// bounds lie as way says of from's, nearest to from's (by the gap between
// the bounds, the nearer centre across breaking a tie of a few points);
// -1 for none.
func nearestThat(p *model.Page, from int, way func(b, from model.Box) bool) int {
	if from < 0 {
		return -1
	}
	f := p.Articles[from].Bounds()
	best, bestGap, bestOff := -1, math.Inf(1), math.Inf(1)
	for i, a := range p.Articles {
		if i == from || len(a.Region) == 0 || a.Title == "" || len(a.Paragraphs) == 0 {
			continue
		}
		b := a.Bounds()
		if !way(b, f) {
			continue
		}
		gap := max(b.X0-f.X1, f.X0-b.X1, 0) + max(b.Y0-f.Y1, f.Y0-b.Y1, 0)
		off := math.Abs(b.X0+b.X1-f.X0-f.X1) + math.Abs(b.Y0+b.Y1-f.Y0-f.Y1)
		if gap < bestGap-5 || (gap < bestGap+5 && off < bestOff) {
			best, bestGap, bestOff = i, gap, off
		}
	}
	return best
}
