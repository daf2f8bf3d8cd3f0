package parse

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMatchDump prints how the match stage sees a made page:
// DUBAO_MATCHDUMP=DIR/NAME go test ./parse -run TestMatchDump -v.
func TestMatchDump(t *testing.T) {
	path := os.Getenv("DUBAO_MATCHDUMP")
	if path == "" {
		t.Skip("set DUBAO_MATCHDUMP to a made page (DIR/NAME)")
	}
	pages, err := loadTrainPages(filepath.Dir(filepath.Dir(path)), filepath.Base(filepath.Dir(path)), func(n string) bool { return n == filepath.Base(path) })
	if err != nil || len(pages) == 0 {
		t.Fatalf("%s: no made page there (%v)", path, err)
	}
	p := pages[0]
	w := planWork(t, p)
	normal := &planWeights{gapWeights, unitWeights, storyWeights}
	dw := &planWeights{drawnGapWeights, drawnUnitWeights, drawnStoryWeights}
	w.plan = planStories(w.units, normal)
	fmt.Println("gate fires:", w.drawnApart(&matchWeights, &gateWeights, planStories(w.units, &planWeights{drawnGapWeights, drawnUnitWeights, drawnStoryWeights})))
	g := gatePage(newMatchPage(w.units, w.plan, &joinWeights), newMatchPage(w.units, planStories(w.units, dw), &joinWeights), &matchWeights)
	fmt.Printf("gate %.3f %v\n", linear(gateWeights[:], g[:]), g)
	w, plan, gaps := drawnWork(w, dw)
	art, _ := unitArticles(w, labelLines(w.ps, p.gold), p.gold)
	mp, pairs := splitBodies(w.units, plan, gaps, &joinWeights, &matchWeights, &mergeWeights, &splitWeights)
	if mp == nil {
		fmt.Println("no match page")
		return
	}
	bodyOf := make([]int, len(w.units))
	for k := range bodyOf {
		bodyOf[k] = -1
	}
	for b, bd := range mp.bodies {
		for k := bd.i; k < bd.j; k++ {
			bodyOf[k] = b
		}
	}
	groupOf := make([]string, len(w.units))
	for _, pr := range pairs {
		sg := mp.segs[pr.seg]
		for k := sg.i; k < sg.j; k++ {
			groupOf[k] = fmt.Sprintf("→b%d(%.2f e%.2f)", pr.body, linear(matchWeights[:], mp.feats[pr.seg][pr.body][:]), mp.echo[pr.seg][pr.body])
		}
	}
	for k, u := range w.units {
		kind := "  "
		if u.head {
			kind = "H "
		}
		b := ""
		if bodyOf[k] >= 0 {
			b = fmt.Sprintf("b%d", bodyOf[k])
		}
		txt := []rune(u.text)
		if len(txt) > 30 {
			txt = txt[:30]
		}
		ga := ""
		if art[k] >= 0 && art[k] < len(p.gold.Articles) {
			a := p.gold.Articles[art[k]]
			ga = fmt.Sprintf("a%d", art[k])
			if strings.Contains(flat(a.Kicker+a.Title+a.Subtitle), flat(u.text)) && flat(u.text) != "" {
				ga += "*"
			}
		}
		fmt.Printf("%3d %s %-4s %-5s %-20s %s\n", k, kind, b, ga, groupOf[k], string(txt))
	}
}
