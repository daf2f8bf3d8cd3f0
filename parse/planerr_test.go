package parse

import (
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"sort"
	"strings"
	"testing"
)

// TestPlanErrors counts how the story plan of the -raw training pages goes
// wrong against the plan nearest gold over the same units: DUBAO_PLAN_ERRORS=1
// go test ./parse -run TestPlanErrors -v (DUBAO_PLAN_ERRORS=v also lists
// each error). It is a tool for reading the plan's mistakes, skipped in
// ordinary runs; it reads only training pages.
func TestPlanErrors(t *testing.T) {
	mode := os.Getenv("DUBAO_PLAN_ERRORS")
	if mode == "" {
		t.Skip("set DUBAO_PLAN_ERRORS=1 to count the story plan's errors")
	}
	needCorpus(t, "")
	counts := map[string]int{}
	for _, set := range planErrorSets() {
		dir := corpusRoot
		if set == "dev" || set == "seed" {
			dir = corpusDir
		}
		pages, err := loadTrainPages(dir, set, trainSplit)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range pages {
			w := pageWork(t, p)
			labels := labelLines(w.ps, p.gold)
			w.decideLines()
			gold, _, _ := goldPlan(w, labels, p.gold)
			got := planStories(w.units, &planWeights{gapWeights, unitWeights, storyWeights})
			if slices.Contains(strings.Split(os.Getenv("DUBAO_PLAN_PAGE"), ","), set+"/"+p.name) {
				showPlan(t, w.units, gold, got, &gapWeights, &unitWeights)
			}
			if mode == "pages" {
				gb, err := json.Marshal(p.gold)
				if err != nil {
					t.Fatal(err)
				}
				o, l := scoreWork(t, w, gold, gb).metrics(), scoreWork(t, w, got, gb).metrics()
				t.Logf("page %s/%s lost f1 %.2f title %.2f cer %.2f", set, p.name, o.ArticlesF1-l.ArticlesF1, o.TitleAcc-l.TitleAcc, l.BodyCER-o.BodyCER)
			}
			for _, e := range planErrors(w.units, gold, got) {
				counts[e.class]++
				if mode == "v" {
					t.Logf("%s/%s %s", set, p.name, e.text)
				}
			}
		}
	}
	var names []string
	for k := range counts {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		t.Logf("%-28s %5d", k, counts[k])
	}
}

// showPlan lists a page's units with gold's plan and the plan made: story
// number and part (H a headline's, s a subhead, b a paragraph), with the
// units' gap and unit odds under the weights gw and uw.
func showPlan(t *testing.T, us []unit, gold, got []cut, gw *gapVec, uw *unitVec) {
	mark := func(plan []cut) []string {
		m := make([]string, len(us))
		for si, c := range plan {
			for k := c.i; k < c.j; k++ {
				role := "b"
				if k >= c.hi && k < c.hj {
					role = "H"
				} else if us[k].head {
					role = "s"
				}
				m[k] = fmt.Sprintf("%2d%s", si, role)
			}
		}
		return m
	}
	g, l := mark(gold), mark(got)
	rf := newRowFacts(us)
	gl, ul := gapOdds(us, rf, gw), unitOdds(us, rf, uw)
	for k, u := range us {
		t.Logf("%3d %s %s odds=%5.1f gap=%5.1f unit=%5.1f w=%4.1f %s", k, g[k], l[k], u.odds, gl[k], ul[k], u.width, clip(u.text, 24, false))
	}
}

type planError struct{ class, text string }

// planErrors compares a plan with gold's over the same units: a story
// boundary between two paragraphs that gold has and the plan lacks
// (merged), one the plan has and gold lacks (split), and the headline-like
// units whose part differs (a headline taken for a subhead, a subhead for a
// headline, a headline given to the story on the other side).
func planErrors(us []unit, gold, got []cut) []planError {
	type place struct {
		story int
		role  byte // 'H' a headline's, 's' a subhead, 'b' a paragraph
	}
	placesOf := func(plan []cut) []place {
		out := make([]place, len(us))
		for si, c := range plan {
			for k := c.i; k < c.j; k++ {
				r := byte('b')
				switch {
				case k >= c.hi && k < c.hj:
					r = 'H'
				case us[k].head:
					r = 's'
				}
				out[k] = place{si, r}
			}
		}
		return out
	}
	g, q := placesOf(gold), placesOf(got)
	var out []planError
	prev := -1
	for k := range us {
		if us[k].head {
			continue
		}
		if prev >= 0 {
			gs, qs := g[prev].story != g[k].story, q[prev].story != q[k].story
			heads := k - prev - 1
			jump := b2f(abs(us[prev].width-us[k].width) > 0.75)
			what := fmt.Sprintf("heads=%d jump=%v | %s | %s", heads, jump == 1, clip(us[prev].text, 20, true), clip(us[k].text, 20, false))
			if gs != qs {
				kind := "merged" // gold starts a story here, the plan does not
				if qs {
					kind = "split"
				}
				c := kind
				if heads == 0 {
					c += " no head between"
				}
				if jump == 1 {
					c += " width jump"
				}
				out = append(out, planError{c, kind + " " + what})
			}
		}
		prev = k
	}
	// A headline's side: the story of the nearest paragraph after it (or
	// before it) that its story holds.
	side := func(plan []place, k int) byte {
		for a := k + 1; a < len(us); a++ {
			if !us[a].head {
				if plan[a].story == plan[k].story {
					return '>'
				}
				break
			}
		}
		return '<'
	}
	for k := range us {
		if !us[k].head || g[k].role == q[k].role && (g[k].role != 'H' || side(g, k) == side(q, k)) {
			continue
		}
		c := ""
		switch {
		case g[k].role == 'H' && q[k].role == 'H':
			c = "headline on wrong side"
		case g[k].role == 'H':
			c = "headline taken for subhead"
		case q[k].role == 'H':
			c = "subhead taken for headline"
		default:
			c = "subhead in other story"
		}
		// Where the line stands: beside a headline line of its story in
		// its run, or at a story's end, in the plan that took it for a
		// subhead.
		besideHead := func(plan []place, k int) bool {
			for _, a := range []int{k - 1, k + 1} {
				if a >= 0 && a < len(us) && us[a].head && plan[a].story == plan[k].story && plan[a].role == 'H' {
					return true
				}
			}
			return false
		}
		sub := g
		if q[k].role == 's' {
			sub = q
		}
		switch {
		case g[k].role != 'H' && q[k].role != 'H':
		case besideHead(sub, k):
			c += " beside head"
		case k+1 < len(us) && sub[k+1].story != sub[k].story || k+1 == len(us):
			c += " story end"
		case k > 0 && sub[k-1].story != sub[k].story:
			c += " story start"
		default:
			c += " inside"
		}
		if g[k].story != q[k].story && g[k].role != q[k].role {
			c += " moved"
		}
		out = append(out, planError{c, fmt.Sprintf("%s odds=%.1f | %s", c, us[k].odds, clip(us[k].text, 24, false))})
	}
	return out
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// TestPlanSweep fits the plan's perceptron under several settings and
// scores each on the -raw training pages: DUBAO_PLAN_SWEEP=1 go test ./parse
// -run TestPlanSweep -v. A tool for choosing the trainer's settings, skipped
// in ordinary runs; it reads only training pages.
func TestPlanSweep(t *testing.T) {
	if os.Getenv("DUBAO_PLAN_SWEEP") == "" {
		t.Skip("set DUBAO_PLAN_SWEEP=1 to sweep the plan's training settings")
	}
	needCorpus(t, "")
	pages := loadTraining(t)
	plans, golds := trainPlansOf(t, pages)
	// DUBAO_PLAN_HOLDOUT=1 fits on the training pages but gen g161–g200
	// and scores those apart, as "held"; DUBAO_PLAN_FOLDS=n does so for
	// each of n parts of gen g001–g200 in turn, and "held" sums the parts.
	folds, fold := 0, 0
	if v := os.Getenv("DUBAO_PLAN_FOLDS"); v != "" {
		if _, err := fmt.Sscan(v, &folds); err != nil || folds < 2 {
			t.Fatalf("DUBAO_PLAN_FOLDS=%q: want a number of parts, 2 or more", v)
		}
	} else if os.Getenv("DUBAO_PLAN_HOLDOUT") != "" {
		folds, fold = 5, 4
	}
	held := func(n int) bool {
		return folds > 0 && pages[n].set == "gen" && (genNumber(pages[n].name)-1)*folds/200 == fold
	}
	tots := make([]map[string]*scoreCounts, len(planSettings()))
	for k := range tots {
		tots[k] = map[string]*scoreCounts{}
	}
	for ; ; fold++ {
		var fitted []trainPlan
		for n, p := range plans {
			if !held(n) {
				fitted = append(fitted, p)
			}
		}
		gw, uw := fitStories(t, fitted)
		var rawPlans []trainPlan
		for _, p := range fitted {
			if p.w.raw {
				rawPlans = append(rawPlans, p)
			}
		}
		for k, s := range planSettings() {
			pw := fitPlanWith(t, rawPlans, planWeights{gap: gw, unit: uw}, s)
			for n, p := range plans {
				set := pages[n].set
				switch {
				case !p.w.raw:
					continue
				case held(n):
					set = "held"
				case fold != folds-1 && folds > 0:
					continue // the pages fitted on are scored once, in the last part's turn
				}
				if tots[k][set] == nil {
					tots[k][set] = &scoreCounts{}
				}
				tots[k][set].add(scoreWork(t, p.w, planStories(p.w.units, &pw), golds[n]))
			}
		}
		if folds == 0 || fold == folds-1 {
			break
		}
	}
	for k, s := range planSettings() {
		for _, set := range []string{"gen", "gen-issue", "dev", "held"} {
			if tots[k][set] == nil {
				continue
			}
			t.Logf("%+v %-10s %s", s, set, tots[k][set].metrics().scoreLine())
		}
	}
}

// planErrorSets are the -raw training sets TestPlanErrors reads
// (DUBAO_PLAN_SETS=a,b overrides them).
func planErrorSets() []string {
	if v := os.Getenv("DUBAO_PLAN_SETS"); v != "" {
		return strings.Split(v, ",")
	}
	return []string{"gen", "gen-issue"}
}

// TestPlanFoldErrors counts the story plan's errors on gen g001–g200 in
// the five folds of TestPlanFolds, each page planned with the weights
// fitted without its fold, against the plan nearest gold over the same
// units: how many of each kind, and the articles they cost (a page's lost
// articles shared out evenly among its errors). It also says how much of
// title_acc's loss is the headline's split into kicker, title and subtitle
// rather than the plan: DUBAO_FOLD_ERRORS=1 go test ./parse -run
// TestPlanFoldErrors -v (DUBAO_FOLD_ERRORS=v lists each error). It reads
// only training pages.
func TestPlanFoldErrors(t *testing.T) {
	mode := os.Getenv("DUBAO_FOLD_ERRORS")
	if mode == "" {
		t.Skip("set DUBAO_FOLD_ERRORS=1 to count the plan's errors over five folds")
	}
	needCorpus(t, "gen")
	pages := loadTraining(t)
	plans, golds := trainPlansOf(t, pages)
	settings := planSettings()
	counts, cost := make([]map[string]int, len(settings)), make([]map[string]float64, len(settings))
	learned, nearest := make([]scoreCounts, len(settings)), &scoreCounts{}
	for k := range settings {
		counts[k], cost[k] = map[string]int{}, map[string]float64{}
	}
	for fold := range 5 {
		held, fit, rawFit := foldFit(pages, plans, fold)
		gw, uw := fitStories(t, fit)
		for k, set := range settings {
			pw := fitPlanWith(t, rawFit, planWeights{gap: gw, unit: uw}, set)
			for n, p := range plans {
				if !held(n) {
					continue
				}
				got := planStories(p.w.units, &pw)
				if slices.Contains(strings.Split(os.Getenv("DUBAO_PLAN_PAGE"), ","), pages[n].set+"/"+pages[n].name) {
					t.Logf("%s/%s", pages[n].set, pages[n].name)
					showPlan(t, p.w.units, p.gold, got, &pw.gap, &pw.unit)
				}
				l, o := scoreWork(t, p.w, got, golds[n]), scoreWork(t, p.w, p.gold, golds[n])
				learned[k].add(l)
				if k == 0 {
					nearest.add(o)
				}
				errs := planErrors(p.w.units, p.gold, got)
				lost := float64(o.Correct-l.Correct+o.TitleOK-l.TitleOK) / 2
				for _, e := range errs {
					counts[k][e.class]++
					cost[k][e.class] += lost / float64(len(errs))
					if mode == "v" {
						t.Logf("%s %s", pages[n].name, e.text)
					}
				}
				if len(errs) == 0 && lost != 0 {
					counts[k]["(no plan error)"]++
					cost[k]["(no plan error)"] += lost
				}
			}
		}
	}
	for k, set := range settings {
		t.Logf("setting %+v", set)
		reportPlanErrors(t, counts[k], cost[k])
		c := learned[k]
		t.Logf("learned: %s gold articles %d correct %d titles %d headlines (kicker+title+subtitle) %d",
			c.metrics().scoreLine(), c.NGold, c.Correct, c.TitleOK, c.HeadOK)
	}
	c := nearest
	t.Logf("nearest: %s gold articles %d correct %d titles %d headlines (kicker+title+subtitle) %d",
		c.metrics().scoreLine(), c.NGold, c.Correct, c.TitleOK, c.HeadOK)
}

// reportPlanErrors lists the kinds of the plan's errors, the costliest first.
func reportPlanErrors(t *testing.T, counts map[string]int, cost map[string]float64) {
	var names []string
	for k := range counts {
		names = append(names, k)
	}
	sort.Slice(names, func(a, b int) bool { return cost[names[a]] > cost[names[b]] })
	t.Logf("%-34s %5s %8s", "kind", "count", "cost")
	for _, k := range names {
		t.Logf("%-34s %5d %8.1f", k, counts[k], cost[k])
	}
}

// foldFit splits the plans for fold of five: held says which pages the
// fold holds out (gen pages by number), fit are the others' plans and
// rawFit those of them from -raw pages.
func foldFit(pages []trainPage, plans []trainPlan, fold int) (held func(n int) bool, fit, rawFit []trainPlan) {
	held = func(n int) bool { return pages[n].set == "gen" && genNumber(pages[n].name)%5 == fold }
	for n, p := range plans {
		if !held(n) {
			fit = append(fit, p)
			if p.w.raw {
				rawFit = append(rawFit, p)
			}
		}
	}
	return held, fit, rawFit
}

// foldPlan fits the plan's weights on a fold's other pages as the trainer
// does: the gap and unit scores' logistic fits on fit, then the plan from
// them on rawFit (foldFit's).
func foldPlan(t *testing.T, fit, rawFit []trainPlan) planWeights {
	gw, uw := fitStories(t, fit)
	return fitPlan(t, rawFit, planWeights{gap: gw, unit: uw})
}
