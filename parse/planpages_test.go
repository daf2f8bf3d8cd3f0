package parse

import (
	"math"
	"os"
	"slices"
	"sort"
	"strings"
	"testing"
)

// TestPlanFoldPages tells, for the training pages named in
// DUBAO_FOLD_PAGES (gen page names, say g042,g187), what pushed the plan
// fitted without the page's fold away from the plan nearest gold: the
// learned plan's score less gold's, feature by feature (the gaps' features,
// the headline units' and the stories'), the largest first, and both
// plans unit by unit. DUBAO_FOLD_PAGES=g042 go test ./parse -run
// TestPlanFoldPages -v; it reads only training pages.
func TestPlanFoldPages(t *testing.T) {
	names := strings.Split(os.Getenv("DUBAO_FOLD_PAGES"), ",")
	if names[0] == "" {
		t.Skip("DUBAO_FOLD_PAGES names the gen training pages to explain")
	}
	needCorpus(t, "gen")
	pages := loadTraining(t)
	plans, golds := trainPlansOf(t, pages)
	for fold := range 5 {
		held, fit, rawFit := foldFit(pages, plans, fold)
		var want []int
		for n := range plans {
			if held(n) && slices.Contains(names, pages[n].name) {
				want = append(want, n)
			}
		}
		if len(want) == 0 {
			continue
		}
		pw := foldPlan(t, fit, rawFit)
		for _, n := range want {
			p := plans[n]
			got := planStories(p.w.units, &pw)
			l, o := scoreWork(t, p.w, got, golds[n]), scoreWork(t, p.w, p.gold, golds[n])
			t.Logf("%s fold %d: learned edits %d, nearest gold %d, of %d characters", pages[n].name, fold, l.Edits, o.Edits, l.GoldChars)
			side := planSide(got)
			lc, gc := planContributions(p.w.units, got, &pw, side), planContributions(p.w.units, p.gold, &pw, side)
			var keys []string
			for k := range lc {
				keys = append(keys, k)
			}
			for k := range gc {
				if _, ok := lc[k]; !ok {
					keys = append(keys, k)
				}
			}
			sort.Slice(keys, func(a, b int) bool {
				return math.Abs(lc[keys[a]]-gc[keys[a]]) > math.Abs(lc[keys[b]]-gc[keys[b]])
			})
			for _, k := range keys[:min(12, len(keys))] {
				t.Logf("  %-28s learned−gold %+6.2f", k, lc[k]-gc[k])
			}
			showPlan(t, p.w.units, p.gold, got, &pw.gap, &pw.unit)
		}
	}
}

// planContributions is a plan's score by feature, with the plan's side
// taken as side.
func planContributions(us []unit, plan []cut, w *planWeights, side float64) map[string]float64 {
	rf := newRowFacts(us)
	rf.side = side
	out := map[string]float64{}
	for _, c := range plan {
		if c.i > 0 {
			f := gapFeatures(us, rf, c.i)
			for n := range f {
				out["gap."+gapFeatureNames[n]] += w.gap[n] * f[n]
			}
		}
		for k := c.hi; k < c.hj; k++ {
			f := unitFeatures(us, rf, k)
			for n := range f {
				out["unit."+unitFeatureNames[n]] += w.unit[n] * f[n]
			}
		}
		f := storyFeatures(us, rf, c)
		for n := range f {
			out["story."+storyFeatureNames[n]] += w.story[n] * f[n]
		}
	}
	return out
}
