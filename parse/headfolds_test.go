package parse

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestHeadlineFolds scores the wrap and kicker models on the headlines of
// the training pages they were not fitted on: the plans nearest gold of
// all training pages, in five folds, each fold's headlines named by the
// models fitted on the other four. DUBAO_HEADFOLDS=1 go test ./parse -run
// TestHeadlineFolds -v; DUBAO_HEADFOLDS=v lists each miss. It reads only
// training pages, and tells a new headline feature's worth in seconds,
// where the pipeline's scores take minutes.
func TestHeadlineFolds(t *testing.T) {
	mode := os.Getenv("DUBAO_HEADFOLDS")
	if mode == "" {
		t.Skip("DUBAO_HEADFOLDS=1 scores the wrap and kicker models over five folds of the training pages")
	}
	needCorpus(t, "gen")
	pages := loadTraining(t)
	plans, _ := trainPlansOf(t, pages)
	hs := headlineSamplesOf(plans)
	wrapWrong, kickerWrong := 0.0, 0.0
	wrapAll, kickerAll := 0.0, 0.0
	for fold := range 5 {
		held := func(plan int) bool { return plan%5 == fold }
		ww, kw := hs.fitKept(func(plan int) bool { return !held(plan) })
		for _, s := range hs.wrap {
			if !held(s.plan) {
				continue
			}
			wrapAll += s.w
			if (linear(ww[:], s.x[:]) > 0) != s.y {
				wrapWrong += s.w
				if mode == "v" {
					t.Logf("wrap %s/%s: %q | %q gold wraps=%v", pages[s.plan].set, pages[s.plan].name, s.a.text, s.b.text, s.y)
				}
			}
		}
		for _, s := range hs.kicker {
			if !held(s.plan) {
				continue
			}
			kickerAll += s.w
			if (linear(kw[:], s.x[:]) > 0) != s.y {
				kickerWrong += s.w
				if mode == "v" {
					t.Logf("kicker %s/%s: %q | %q gold kicker first=%v", pages[s.plan].set, pages[s.plan].name, s.p.text, s.q.text, s.y)
				}
				if mode == "vv" {
					var on []string
					for k, v := range s.x {
						if v != 0 {
							on = append(on, fmt.Sprintf("%s%+.1f", kickerFeatureNames[k], kw[k]*v))
						}
					}
					t.Logf("kicker %s/%s: %q | %q gold kicker first=%v: %s", pages[s.plan].set, pages[s.plan].name, s.p.text, s.q.text, s.y, strings.Join(on, " "))
				}
			}
		}
	}
	t.Logf("five folds: wrap %.0f of %.0f breaks wrong, kicker %.0f of %.0f two-part headlines wrong (weighted by page)", wrapWrong, wrapAll, kickerWrong, kickerAll)
}

// TestHeadlineWeights prints the wrap and kicker weights fitted on all the
// training pages' headlines: DUBAO_HEADFOLDS=1 go test ./parse -run
// TestHeadlineWeights -v.
func TestHeadlineWeights(t *testing.T) {
	if os.Getenv("DUBAO_HEADFOLDS") == "" {
		t.Skip("DUBAO_HEADFOLDS=1 prints the wrap and kicker weights fitted on the training pages")
	}
	needCorpus(t, "gen")
	plans, _ := trainPlansOf(t, loadTraining(t))
	ww, kw := headlineSamplesOf(plans).fit()
	for k, v := range ww {
		t.Logf("wrap   %-14s %7.3f", wrapFeatureNames[k], v)
	}
	for k, v := range kw {
		t.Logf("kicker %-14s %7.3f", kickerFeatureNames[k], v)
	}
}

// TestTailCases lists the one-line paragraphs right after a story's
// headline in the plans nearest gold of the training pages, with gold's
// answer and the tail model's: DUBAO_HEADFOLDS=1 go test ./parse -run
// TestTailCases -v.
func TestTailCases(t *testing.T) {
	if os.Getenv("DUBAO_HEADFOLDS") == "" {
		t.Skip("DUBAO_HEADFOLDS=1 lists the tail model's cases on the training pages")
	}
	needCorpus(t, "gen")
	pages := loadTraining(t)
	plans, _ := trainPlansOf(t, pages)
	for n, p := range plans {
		for _, c := range p.gold {
			f, y, ok := tailSample(p, c)
			if !ok {
				continue
			}
			us := p.w.units
			t.Logf("%s/%s gold=%v model=%.1f wraps=%.1f | %s | %s", pages[n].set, pages[n].name, y, linear(tailWeights[:], f[:]), f[tfWraps], us[c.hj-1].text, us[c.hj].text)
		}
	}
}

// TestOpenFolds scores the opening model (headline.go) on the -raw
// training pages' plans nearest gold and the learned plans over five folds, each fold's stories
// named by the model fitted on the other four: DUBAO_HEADFOLDS=1 go test
// ./parse -run TestOpenFolds -v (=v lists each miss).
func TestOpenFolds(t *testing.T) {
	mode := os.Getenv("DUBAO_HEADFOLDS")
	if mode == "" {
		t.Skip("DUBAO_HEADFOLDS=1 scores the opening model over five folds of the training pages")
	}
	needCorpus(t, "gen")
	pages := loadTraining(t)
	plans, _ := trainPlansOf(t, pages)
	// The plans the committed plan weights make of the training pages,
	// as the trainer's (in sample: fitted on these pages).
	xs, ys, ws, at := openSamples(plans, &planWeights{gap: gapWeights, unit: unitWeights, story: storyWeights})
	name := func(i int) string { return pages[at[i]].set + "/" + pages[at[i]].name }
	wrong, all, yes, missed := logisticFolds(t, xs, ys, ws, at, numOpenFeatures, openFeatureNames[:], "open", name, mode == "v")
	t.Logf("five folds: opening model %.0f of %.0f first lines wrong (%.0f titles, %.0f of them missed)", wrong, all, yes, missed)
}

// TestTailFolds scores the tail model (headline.go) on the training
// pages' plans nearest gold over five folds, each fold's lines named by
// the model fitted on the other four: DUBAO_HEADFOLDS=1 go test ./parse
// -run TestTailFolds -v (=v lists each miss).
func TestTailFolds(t *testing.T) {
	mode := os.Getenv("DUBAO_HEADFOLDS")
	if mode == "" {
		t.Skip("DUBAO_HEADFOLDS=1 scores the tail model over five folds of the training pages")
	}
	needCorpus(t, "gen")
	pages := loadTraining(t)
	plans, _ := trainPlansOf(t, pages)
	xs, ys, ws, at := tailSampleSet(plans)
	name := func(i int) string { return pages[at[i]].set + "/" + pages[at[i]].name }
	wrong, all, yes, missed := logisticFolds(t, xs, ys, ws, at, numTailFeatures, tailFeatureNames[:], "tail", name, mode == "v")
	t.Logf("five folds: tail model %.0f of %.0f lines wrong (%.0f of the headline's, %.0f of them missed)", wrong, all, yes, missed)
}

// logisticFolds fits a logistic model of n features on four of five folds
// of samples xs (labels ys, weights ws; sample i of training page at[i],
// folded by page) and counts, by weight, the fifth's samples it gets
// wrong, all, the true ones and the true ones it misses; verbose logs each
// miss by name(i), what, and its features' parts of the score.
func logisticFolds(t *testing.T, xs [][]float64, ys []bool, ws []float64, at []int, n int, names []string, what string, name func(i int) string, verbose bool) (wrong, all, yes, missed float64) {
	for fold := range 5 {
		var fx [][]float64
		var fy []bool
		var fw []float64
		for i := range xs {
			if at[i]%5 != fold {
				fx, fy, fw = append(fx, xs[i]), append(fy, ys[i]), append(fw, ws[i])
			}
		}
		w := fitLogisticN(fx, fy, fw, n, 12, 1)
		for i := range xs {
			if at[i]%5 != fold {
				continue
			}
			all += ws[i]
			if ys[i] {
				yes += ws[i]
			}
			if (linear(w, xs[i]) > 0) == ys[i] {
				continue
			}
			wrong += ws[i]
			if ys[i] {
				missed += ws[i]
			}
			if verbose {
				var on []string
				for k, v := range xs[i] {
					if v != 0 {
						on = append(on, fmt.Sprintf("%s%+.1f", names[k], w[k]*v))
					}
				}
				t.Logf("%s %s gold=%v: %s", what, name(i), ys[i], strings.Join(on, " "))
			}
		}
	}
	return wrong, all, yes, missed
}
