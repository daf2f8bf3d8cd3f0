package parse

import (
	"os"
	"strings"
	"testing"
)

// TestTailCutsFallOnGoldBoundaries: where a headline's first line is read
// as body and tailBodyGap cuts the line after it at its gap
// (unreadHeadTail), gold ends a headline part there or starts the body
// there, on every training page of pdftotext -raw text (gen g001–g200,
// gen-issue, dev): the cut never parts a body line in two.
func TestTailCutsFallOnGoldBoundaries(t *testing.T) {
	if _, err := os.Stat(corpusRoot); err != nil {
		t.Skip("the shared corpus is absent:", corpusRoot)
	}
	var pages []trainPage
	for _, set := range []string{"gen", "gen-issue", "dev"} {
		ps, err := loadTrainPages(corpusRoot, set, trainSplit)
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, ps...)
	}
	cuts := 0
	for _, pg := range pages {
		var units []string
		for _, a := range pg.gold.Articles {
			units = append(units, flat(a.Kicker), flat(a.Title), flat(a.Subtitle), flat(a.Byline))
			for _, p := range a.Paragraphs {
				units = append(units, flat(p))
			}
		}
		text, _, err := Decode(pg.text)
		if err != nil {
			t.Fatal(err)
		}
		lines := splitLines(Normalize(splitPages(text)[0]))
		taken := make([]bool, len(lines))
		takeFurniture(lines, taken)
		ps := cutPieces(lines, taken)
		findHeadLines(ps)
		if !rawExtract(lines) {
			continue
		}
		pw := newPageWords(ps)
		for i := range ps {
			h := prevText(ps, i)
			if h < 0 || ps[h].role == roleHead {
				continue
			}
			left, right, ok := tailBodyGap(ps, i, pw)
			if !ok {
				continue
			}
			cuts++
			l, r := []rune(flat(left)), []rune(flat(right))
			across := string(l[max(0, len(l)-3):]) + string(r[:min(3, len(r))])
			ends, starts := false, false
			for _, u := range units {
				if u == "" {
					continue
				}
				if strings.Contains(u, across) {
					t.Errorf("%s line %d: cut %q | %q inside gold's %q", pg.set+"/"+pg.name, ps[i].src+1, left, right, u)
				}
				ends = ends || strings.HasSuffix(u, string(l))
				starts = starts || strings.HasPrefix(u, string(r[:min(4, len(r))]))
			}
			if !ends && !starts {
				t.Errorf("%s line %d: cut %q | %q where gold neither ends nor starts a part", pg.set+"/"+pg.name, ps[i].src+1, left, right)
			}
		}
	}
	if cuts < 5 {
		t.Fatalf("only %d cuts on %d pages: the test says little", cuts, len(pages))
	}
	t.Logf("%d cuts on %d pages, each on a gold boundary", cuts, len(pages))
}
