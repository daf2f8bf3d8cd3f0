package parse

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/dubaoreader/dubao/model"
)

// planUnbounded is planStories with no bound at continued-to markers
// (partEnds): the same weights' plan without it, to tell the bound's own
// effect from a refit's.
func planUnbounded(us []unit, pw *planWeights) []cut {
	pr := newPlanRow(us, pw)
	plan := bestPlan(us, pr.score)
	if side := planSide(plan); side != 0 {
		pr.rf.side = side
		plan = bestPlan(us, pr.score)
	}
	return plan
}

// TestFoldDump writes each held-out page's articles as the five folds of
// TestPlanFolds plan them (DIR/NAME.json) and as the plan nearest gold over
// the same units makes them (DIR/nearest/NAME.json), and without the plan's
// bound at continued-to markers (DIR/unbounded/NAME.json), for paperscore and
// scripts/cerclasses.py to set against gold page by page:
// DUBAO_FOLD_DUMP=DIR go test ./parse -run TestFoldDump. It reads only
// training pages.
func TestFoldDump(t *testing.T) {
	dir := os.Getenv("DUBAO_FOLD_DUMP")
	if dir == "" {
		t.Skip("DUBAO_FOLD_DUMP=DIR writes the folds' predictions there")
	}
	needCorpus(t, "gen")
	for _, sub := range []string{"nearest", "unbounded"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	pages := loadTraining(t)
	plans, _ := trainPlansOf(t, pages)
	write := func(path string, w *work, plan []cut) {
		paras, groups, stories := storiesOf(w.ps, w.units, w.paras, plan, w.raw, w.words)
		page := &model.Page{Number: w.furn.page, Date: w.furn.date, Articles: buildArticles(paras, groups, stories)}
		b, err := json.MarshalIndent(page.JSON(), "", " ")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for fold := range 5 {
		held, fit, rawFit := foldFit(pages, plans, fold)
		pw := foldPlan(t, fit, rawFit)
		for n, p := range plans {
			if held(n) {
				write(filepath.Join(dir, pages[n].name+".json"), p.w, planStories(p.w.units, &pw))
				write(filepath.Join(dir, "nearest", pages[n].name+".json"), p.w, p.gold)
				write(filepath.Join(dir, "unbounded", pages[n].name+".json"), p.w, planUnbounded(p.w.units, &pw))
			}
		}
	}
}
