package parse

import (
	"encoding/json"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/dubaoreader/dubao/model"
)

// The stages of the pages with blank lines, scored on the training pages
// they were not fitted on. DUBAO_BOX_FOLDS=1 go test ./parse -run
// TestBoxFolds -v fits the box stage five times, each time on the training
// pages with blank lines but a fifth of gen-miner g001–g200 and of the
// gen-miner issues, and scores that fifth: the box stage alone, the
// hand-made assembly alone, the choice between them the parser makes, and
// the better of the two on each page (the choice's cap). DUBAO_BOX_FOLDS=w
// scores every training page with the weights in force instead, as
// scripts/score.sh does. It reads only training pages.

// blankPage is a training page with blank lines taken through both stages.
type blankPage struct {
	boxPlan
	hand []*model.Article // the hand-made assembly's articles
	gold []byte           // gold, as JSON
}

// blankPagesOf takes the training pages with blank lines through both
// stages, as blankLineStages does, and finds the box plan nearest gold.
func blankPagesOf(t *testing.T, pages []trainPage) []blankPage {
	var out []blankPage
	for _, p := range pages {
		w := pageWork(t, p)
		if w.raw {
			continue
		}
		labels := labelLines(w.ps, p.gold)
		w.scoreLines()
		box := new(work)
		*box = *w
		hand := w.assembleStories()
		rf, bf := box.layOutBoxes()
		gold, err := json.Marshal(p.gold)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, blankPage{boxPlan: newBoxPlan(p, box, rf, bf, labels), hand: hand, gold: gold})
	}
	return out
}

// boxArticles are the articles the box stage makes of a page with the
// weights given.
func (p *blankPage) boxArticles(gw *boxGapVec, uw *boxUnitVec, pw *boxPairVec) []*model.Article {
	w := p.w
	plan, _ := planBoxStories(w.units, p.bf, newBoxScorer(w.units, p.bf, p.rf, gw, uw, pw))
	paras, groups, stories := storiesOf(w.ps, w.units, w.paras, plan, w.raw, w.words)
	return buildArticles(paras, groups, stories)
}

// scoreArticles scores a page's articles against gold, as paperscore does.
func scoreArticles(t *testing.T, w *work, arts []*model.Article, gold []byte) scoreCounts {
	page := &model.Page{Number: w.furn.page, Date: w.furn.date, Articles: arts}
	b, err := json.Marshal(page.JSON())
	if err != nil {
		t.Fatal(err)
	}
	g, err := loadScored(gold)
	if err != nil {
		t.Fatal(err)
	}
	q, err := loadScored(b)
	if err != nil {
		t.Fatal(err)
	}
	return scorePage(g, q)
}

// pageMerit is one figure of a page's score, to say which of two readings
// of it is better: articles found and titles right, less the body text
// misplaced.
func pageMerit(c scoreCounts) float64 {
	m := c.metrics()
	return m.ArticlesF1 + m.TitleAcc - m.BodyCER
}

// blankTrainingSets are the training sets with blank lines, and where.
var blankTrainingSets = []struct{ dir, set string }{
	{corpusRoot, "gen-miner"}, {corpusRoot, "gen-issue-miner"}, {corpusDir, "seed"}, {corpusDir, "dev-miner"},
}

// boxFold is the fold of five a page with blank lines is held out in, or
// -1 for the seed and dev pages, which every fit hears.
func boxFold(p trainPage) int {
	switch p.set {
	case "gen-miner":
		return genNumber(p.name) % 5
	case "gen-issue-miner": // s1p1 …: by issue
		if len(p.name) > 1 {
			return int(p.name[1]-'0') % 5
		}
	}
	return -1
}

func TestBoxFolds(t *testing.T) {
	mode := os.Getenv("DUBAO_BOX_FOLDS")
	if mode == "" {
		t.Skip("DUBAO_BOX_FOLDS=1 scores the stages of the pages with blank lines over five folds of the training pages")
	}
	if _, err := os.Stat(corpusRoot + "/gen-miner"); err != nil {
		t.Skip("no ../shared/corpus beside the repository")
	}
	var pages []trainPage
	for _, s := range blankTrainingSets {
		ps, err := loadTrainPages(s.dir, s.set, trainSplit)
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, ps...)
	}
	bps := blankPagesOf(t, pages)
	type weights struct {
		gw boxGapVec
		uw boxUnitVec
		pw boxPairVec
	}
	held := make([]weights, len(bps)) // the weights each page is scored with
	if mode == "w" {
		for n := range bps {
			held[n] = weights{boxGapWeights, boxUnitWeights, boxPairWeights}
		}
	} else {
		for fold := range 5 {
			var fit []boxPlan
			for _, p := range bps {
				if boxFold(p.page) != fold {
					fit = append(fit, p.boxPlan)
				}
			}
			gw, uw, pw := fitBoxPlans(t, fit)
			for n, p := range bps {
				if boxFold(p.page) == fold {
					held[n] = weights{gw, uw, pw}
				}
			}
		}
	}
	type counts struct{ box, hand, chosen, best scoreCounts }
	sets := map[string]*counts{}
	errs := map[string]int{}
	var names []string
	for n := range bps {
		p := &bps[n]
		if mode != "w" && boxFold(p.page) < 0 {
			continue
		}
		c := sets[p.page.set]
		if c == nil {
			c = &counts{}
			sets[p.page.set] = c
			names = append(names, p.page.set)
		}
		b := p.boxArticles(&held[n].gw, &held[n].uw, &held[n].pw)
		if name := os.Getenv("DUBAO_SHOW_BOXPLAN"); strings.Contains(","+name+",", ","+p.page.set+"/"+p.page.name+",") {
			showBoxPlan(t, p.boxPlan, &held[n].gw, &held[n].uw, &held[n].pw)
		}
		if em := os.Getenv("DUBAO_BOX_ERRORS"); em != "" {
			got, _ := planBoxStories(p.w.units, p.bf, newBoxScorer(p.w.units, p.bf, p.rf, &held[n].gw, &held[n].uw, &held[n].pw))
			for _, e := range planErrors(p.w.units, p.boxPlan.gold, got) {
				errs[e.class]++
				if em == "v" {
					t.Logf("%s/%s %s", p.page.set, p.page.name, e.text)
				}
			}
		}
		sb, sh := scoreArticles(t, p.w, b, p.gold), scoreArticles(t, p.w, p.hand, p.gold)
		c.box.add(sb)
		c.hand.add(sh)
		if p.w.lead && boxReadsAsWell(b, p.hand) || boxReadsBetter(b, p.hand) {
			c.chosen.add(sb)
		} else {
			c.chosen.add(sh)
		}
		if pageMerit(sb) >= pageMerit(sh) {
			c.best.add(sb)
		} else {
			c.best.add(sh)
		}
	}
	for _, k := range slices.Sorted(maps.Keys(errs)) {
		t.Logf("%-28s %5d", k, errs[k])
	}
	for _, set := range names {
		c := sets[set]
		t.Logf("%-16s box stage:  %s", set, c.box.metrics().scoreLine())
		t.Logf("%-16s assembly:   %s", set, c.hand.metrics().scoreLine())
		t.Logf("%-16s chosen:     %s", set, c.chosen.metrics().scoreLine())
		t.Logf("%-16s the better: %s", set, c.best.metrics().scoreLine())
	}
}
