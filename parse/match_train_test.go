package parse

import (
	"encoding/json"
	"flag"
	"fmt"
	"go/format"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The match trainer. go test ./parse -run TestTrainMatch -train-match fits
// the headline ↔ story match (match.go) and its gate and writes
// weights_match_gen.go. The pairs are learned on made pages whose headlines
// were drawn apart from their bodies (TestMakeShuffled -shuffled-stories,
// the training pages only: -match-pages); the gate on those pages against
// the -raw training pages in reading order (gen g001–g200, the gen issues,
// the seed and dev pages), which must keep the plan.

var (
	trainMatch = flag.Bool("train-match", false, "fit the headline ↔ story match and its gate and write weights_match_gen.go")
	matchPages = flag.String("match-pages", "/work/shuffled11/stories/train", "made training pages with headlines drawn apart (TestMakeShuffled -shuffled-stories)")
)

// matchWork is a page taken through the plan, with the stage's view of it
// and the gold's answer.
type matchWork struct {
	name string
	mp   *matchPage
	dp   *matchPage // the page through the plan for pages drawn apart, for the gate
	gold []int      // per segment: the body it belongs to, or -1
	pos  bool       // a page drawn apart
	w    float64
	page trainPage
	work *work
	gain int // a made page: what the stage gains over the plan, in articles matched and titles right
}

// stageGain is what the stage gains on a page over the plan alone, in
// gold articles matched and titles right, with the join's and the
// split's weights mg and sw. Tried, not kept (round 20, held out as
// under walkFigure): less the body CER's edits it adds, in the page's mean
// gold article's characters, so that the gate weighs body text too: A
// 0.678/0.591/0.159 → 0.669/0.588/0.170, B 0.667/0.652/0.176 →
// 0.670/0.649/0.176.
func stageGain(t *testing.T, w *work, p trainPage, normal, dw *planWeights, jw *joinVec, mw *matchVec, mg *mergeVec, sw *splitVec) int {
	gold, err := json.Marshal(p.gold)
	if err != nil {
		t.Fatal(err)
	}
	before := scoreWork(t, w, planStories(w.units, normal), gold)
	w, dplan, dgaps := drawnWork(w, dw)
	mp, pairs := splitBodies(w.units, dplan, dgaps, jw, mw, mg, sw)
	if mp == nil {
		return 0
	}
	us, plan := mp.rematch(pairs)
	paras, groups, stories := storiesOf(w.ps, us, w.paras, plan, w.raw, w.words)
	after := scoreArticles(t, w, buildArticles(paras, groups, stories), gold)
	return after.Matched + after.TitleOK - before.Matched - before.TitleOK
}

// drawnWork is the page as the match stage reads it once the gate fires
// (drawnLayout): its lines read again by the headline score of pages drawn
// apart and laid out anew, unless the plan for such pages (dw) then leaves
// nothing to match, with that plan and its gap odds. w is left as it was.
func drawnWork(w *work, dw *planWeights) (*work, []cut, []float64) {
	if c, plan, gaps, _ := w.drawnLayout(dw); c != nil {
		return c, plan, gaps
	}
	return w, planStories(w.units, dw), gapOdds(w.units, newRowFacts(w.units), &dw.gap)
}

// planWork takes a page through the learned lines and the plan.
func planWork(tb testing.TB, p trainPage) *work {
	w := pageWork(tb, p)
	if !w.raw {
		return nil
	}
	w.decideLines()
	w.plan = planStories(w.units, &planWeights{gapWeights, unitWeights, storyWeights})
	return w
}

// matchLabels says for each segment of a page the body it is the headline
// group of, by the gold: every line of the segment is in the gold headline
// of one article, the lines beside it in its run are not, and most of the
// body's text is that article's.
func matchLabels(mp *matchPage, gold *goldPage) []int {
	out, _, _ := matchArticles(mp, gold)
	return out
}

// matchArticles is matchLabels with the gold article of each unit (of a
// headline run; -1 for none) and of each body.
func matchArticles(mp *matchPage, gold *goldPage) ([]int, func(k int) int, []int) {
	heads := make([]string, len(gold.Articles))
	bodies := make([]string, len(gold.Articles))
	for a, g := range gold.Articles {
		heads[a] = flat(g.Kicker + g.Title + g.Subtitle)
		bodies[a] = flat(strings.Join(g.Paragraphs, ""))
	}
	unitArt := func(k int) int {
		t := flat(mp.us[k].text)
		if t == "" {
			return -1
		}
		for a, h := range heads {
			if h != "" && strings.Contains(h, t) {
				return a
			}
		}
		return -1
	}
	bodyArt := make([]int, len(mp.bodies))
	for b, bd := range mp.bodies {
		votes := map[int]int{}
		for k := bd.i; k < bd.j; k++ {
			t := []rune(flat(mp.us[k].text))
			if len(t) > 20 {
				t = t[:20]
			}
			for a, body := range bodies {
				if len(t) > 0 && strings.Contains(body, string(t)) {
					votes[a] += runeLen(mp.us[k].text)
					break
				}
			}
		}
		bodyArt[b] = -1
		best := 0
		for a, v := range votes {
			if v > best || v == best && a < bodyArt[b] {
				best, bodyArt[b] = v, a
			}
		}
	}
	out := make([]int, len(mp.segs))
	for s, sg := range mp.segs {
		out[s] = -1
		a := unitArt(sg.i)
		if a < 0 {
			continue
		}
		ok := true
		for k := sg.i + 1; k < sg.j; k++ {
			ok = ok && unitArt(k) == a
		}
		r := mp.runs[sg.r]
		if sg.i > r.i && unitArt(sg.i-1) == a || sg.j < r.j && unitArt(sg.j) == a {
			ok = false
		}
		if !ok {
			continue
		}
		for b, ba := range bodyArt {
			if ba == a {
				out[s] = b
				break
			}
		}
	}
	return out, unitArt, bodyArt
}

// loadMatchWorks takes the made pages through the plan fitted on them (dw)
// for the pairs, and both the made pages and the pages in order through
// the plan for the gate (normal).
func loadMatchWorks(t *testing.T, made []trainPage, dw *planWeights, jw *joinVec) (pairs, drawn, inOrder []matchWork) {
	normal := &planWeights{gapWeights, unitWeights, storyWeights}
	for _, p := range made {
		w := planWork(t, p)
		if w == nil {
			continue
		}
		dp := newMatchPage(w.units, planStories(w.units, dw), jw)
		dwk, dplan, _ := drawnWork(w, dw)
		if up := newMatchPage(dwk.units, dplan, jw); up != nil {
			pairs = append(pairs, matchWork{name: p.name, mp: up, gold: matchLabels(up, p.gold), pos: true, w: 1, page: p})
		}
		if mp := newMatchPage(w.units, planStories(w.units, normal), jw); mp != nil || dp != nil {
			drawn = append(drawn, matchWork{name: p.name, mp: mp, dp: dp, pos: true, w: 1, page: p, work: w})
		}
	}
	for _, p := range loadTraining(t) {
		w := planWork(t, p)
		if w == nil {
			continue
		}
		dp := newMatchPage(w.units, planStories(w.units, dw), jw)
		if mp := newMatchPage(w.units, planStories(w.units, normal), jw); mp != nil || dp != nil {
			inOrder = append(inOrder, matchWork{name: p.set + "/" + p.name, mp: mp, dp: dp, w: pageWeight(p.set), page: p, work: w})
		}
	}
	return pairs, drawn, inOrder
}

func TestTrainMatch(t *testing.T) {
	if !*trainMatch {
		t.Skip("go test ./parse -run TestTrainMatch -train-match fits the match's weights")
	}
	needCorpus(t, "gen")
	made, err := loadTrainPages(filepath.Dir(*matchPages), filepath.Base(*matchPages), nil)
	if err != nil || len(made) == 0 {
		t.Skipf("no made pages at %s (%v): skipped", *matchPages, err)
	}
	// The plan of such pages: the story plan's perceptron, from the plan's
	// weights, on the made pages' plans nearest gold, which cut the row
	// where one whole body ends and the next begins.
	// The line model of such pages, on their lines: there a headline
	// stands among other headlines or in the middle of another story's
	// text, where the line model of pages in order reads it as a body's.
	var lineWorks []*work
	var lineLabs [][]labelled
	var linePages []trainPage
	for _, p := range made {
		if w := pageWork(t, p); w.raw {
			lineWorks, lineLabs, linePages = append(lineWorks, w), append(lineLabs, labelLines(w.ps, p.gold)), append(linePages, p)
		}
	}
	// Tried, not kept (round 25, on the bagged refit below; heldfit
	// DUBAO_PLAN_SEED 0/100): a story's bracketed sign-off labelled a body
	// line, with a drawn-only feature for the line that closes it (round
	// 24's v2): A 0.676/0.690 → 0.642/0.637 articles, body CER
	// 0.147/0.132 → 0.169/0.176; B 0.697/0.699 → 0.692/0.687.
	dh1, dh, _ := fitLineModel(t, "drawn", linePages, lineWorks, lineLabs, false)
	drawnHeadLineWeights, drawnHeadNeighbourWeights = dh1, dh
	// The plan's units: the lines so read, in paragraphs as on pages in
	// order (layOutDrawnLines).
	var rawPlans []trainPlan
	for n, w := range lineWorks {
		w.scoreLines()
		w.layOutDrawnLines()
		gold, agree, _ := goldPlan(w, lineLabs[n], linePages[n].gold)
		rawPlans = append(rawPlans, trainPlan{w: w, gold: gold, agree: agree, weight: pageWeight(linePages[n].set), labels: lineLabs[n]})
	}
	dw := fitPlanWith(t, rawPlans, planWeights{gapWeights, unitWeights, storyWeights}, drawnPlanTraining)
	jw := fitJoin(t, made, &dw)
	pairWorks, drawn, inOrder := loadMatchWorks(t, made, &dw, &jw)
	t.Logf("%d made pages drawn apart, %d -raw training pages in order", len(drawn), len(inOrder))

	// The signal: how often the whole body echoes a true group more than
	// any other body.
	groups, first := 0, 0
	for _, m := range pairWorks {
		for s, b := range m.gold {
			if b < 0 {
				continue
			}
			groups++
			best := 0
			for o := range m.mp.bodies {
				if m.mp.echo[s][o] > m.mp.echo[s][best] {
					best = o
				}
			}
			if best == b && (len(m.mp.bodies) < 2 || secondBest(m.mp.echo[s], b) < m.mp.echo[s][b]) {
				first++
			}
		}
	}
	t.Logf("oracle: of %d true headline groups with their body found, the whole body echoes %d (%.3f) the most", groups, first, float64(first)/float64(max(1, groups)))

	// The pairs: every segment with every body, on the made pages.
	var xs [][]float64
	var ys []bool
	var ws []float64
	for _, m := range pairWorks {
		for s := range m.mp.segs {
			for b := range m.mp.bodies {
				f := m.mp.feats[s][b]
				xs = append(xs, f[:])
				ys = append(ys, m.gold[s] == b)
				ws = append(ws, 1)
			}
		}
	}
	var mw matchVec
	copy(mw[:], fitLogisticN(xs, ys, ws, numMatchFeatures, 30, 1))
	// The cutoff: the bias moves so that the assignment, which takes pairs
	// above nothing, takes the pairs that make the most right less wrong,
	// or fewer for a shortfall within one standard error (matchBiasShift).
	// Held out by heldfit.sh over DUBAO_PLAN_SEED 0/100/200/300 (round
	// 23), against the argmax alone: A 0.685/0.605/0.148 both (the same
	// shifts), B 0.675/0.648/0.181 (articles range 0.032) → 0.686/0.648/
	// 0.171 (0.017), shifts B 4.50/4.50/2.75/3.50 → 2.50/3.00/2.75/3.50.
	// Tried, not kept: the mean of the draws' argmaxes (round 22: lands
	// low, 2.75 → 1.89 on A seed 100, A 0.680/0.591/0.146); their median
	// (the argmax's shift but on A seed 300, 5.00 → 3.25, A300 0.669/
	// 0.603 → 0.684/0.588; B unmoved); the least shift within one standard
	// error anywhere, not walking down (A seed 0 falls to 0.50 past a dip,
	// A0 0.691/0.603 → 0.669/0.556); the argmax of the net smoothed by a
	// Gaussian as wide as the draws' argmaxes' sd (1 bias unit) lands on
	// the far flat top, 4.25-12; the Poisson-bootstrap standard error
	// sqrt(Σ shortfall² by page), which lets a one-page shortfall pass
	// (shifts A 2.75/2.50/2.75/4.75, B 2.50/3.00/2.50/3.00): A 0.689/
	// 0.599/0.141 (titles range 0.003 → 0.018), B 0.686/0.653/0.173.
	bestShift := matchBiasShift(t, pairWorks, mw)
	mw[mfBias] += bestShift
	right, wrong, missed := matchCounts(pairWorks, &mw)
	t.Logf("match on the made pages (bias moved %.2f): %d pairs right, %d wrong, %d true groups left unmatched", bestShift, right, wrong, missed)
	logMatchLosses(t, pairWorks, &mw)

	// The gate: the made pages where the stage does better than the plan
	// against those where it does worse and the pages in order, which
	// must keep the plan.
	// gateFor fits the gate with the join's and the split's weights mg
	// and sw.
	gateFor := func(mg *mergeVec, sw *splitVec) gateVec {
		normal := &planWeights{gapWeights, unitWeights, storyWeights}
		better, worse := 0, 0
		for n := range drawn {
			m := &drawn[n]
			m.gain = stageGain(t, m.work, m.page, normal, &dw, &jw, &mw, mg, sw)
			switch {
			case m.gain > 0:
				better++
			case m.gain < 0:
				worse++
			}
		}
		t.Logf("the stage does better than the plan on %d made pages, worse on %d", better, worse)
		// What the stage gains on each page in order, were the gate to
		// fire on it: mostly nothing or a loss.
		orderGain := [3]int{}
		for n := range inOrder {
			m := &inOrder[n]
			m.gain = stageGain(t, m.work, m.page, normal, &dw, &jw, &mw, mg, sw)
			orderGain[1+min(1, max(-1, m.gain))]++
		}
		t.Logf("the stage does worse than the plan on %d pages in order, the same on %d, better on %d", orderGain[0], orderGain[1], orderGain[2])
		// Each page's gate features, its label and weight.
		type gateSample struct {
			g     gateVec
			y     bool
			w     float64
			fold  int
			order bool    // a page in order
			gain  float64 // what the stage gains on the page, a page in order weighed by its set (pageWeight)
		}
		var samples []gateSample
		for _, set := range [][]matchWork{drawn, inOrder} {
			for _, m := range set {
				if m.pos && m.gain == 0 {
					continue
				}
				// A made page counts by what it gains or loses; a page in
				// order as orderWeight made pages (set below).
				w := m.w * float64(max(m.gain, -m.gain))
				if !m.pos {
					w = m.w
				}
				// The folds keep a gen page's draws and its page in order
				// together.
				samples = append(samples, gateSample{gatePage(m.mp, m.dp, &mw), m.pos && m.gain > 0, w, int(hashName(strings.SplitN(filepath.Base(m.name), "-", 2)[0]) % gateFolds), !m.pos, m.w * float64(m.gain)})
			}
		}
		// settle moves the gate gw's bias down past the highest score of a
		// page in order outside fold skip, by margin more.
		settle := func(skip int, gw gateVec, margin float64) gateVec {
			top := func() float64 {
				top := math.Inf(-1)
				for n := range samples {
					if sm := &samples[n]; sm.fold != skip && sm.order {
						top = max(top, linear(gw[:], sm.g[:]))
					}
				}
				return top
			}
			if t := top(); t > -margin {
				gw[gtBias] -= t + margin
			}
			// With no margin the highest page in order lands on 0, a
			// rounding away from firing: the bias steps down until it
			// does not.
			for top() > -margin {
				gw[gtBias] = math.Nextafter(gw[gtBias], math.Inf(-1))
			}
			return gw
		}
		// fitGateOn fits the gate on the samples outside fold skip, sample
		// n counted times[n] times, a page in order weighing ow.
		fitGateOn := func(skip int, ow float64, times []int) gateVec {
			var xs [][]float64
			var ys []bool
			var ws []float64
			for n := range samples {
				if sm := &samples[n]; sm.fold != skip && timesOf(times, n) > 0 {
					w := sm.w * float64(timesOf(times, n))
					if sm.order {
						w *= ow
					}
					xs, ys, ws = append(xs, sm.g[:]), append(ys, sm.y), append(ws, w)
				}
			}
			var gw gateVec
			copy(gw[:], fitLogisticN(xs, ys, ws, numGateFeatures, 30, 1))
			return gw
		}
		// fitGate is fitGateOn bagged and settled: the mean of its fits
		// on bagResamples draws of the samples, its bias then moved down
		// past the highest page in order by margin more, so that the
		// gate's direction, and with it which made pages score above the
		// highest page in order, moves less with a page or two more or
		// less.
		fitGate := func(skip int, ow, margin float64) gateVec {
			var sum gateVec
			bagDraws(len(samples), func(times []int) {
				g := fitGateOn(skip, ow, times)
				for k := range sum {
					sum[k] += g[k] / bagResamples
				}
			})
			return settle(skip, sum, margin)
		}
		// heldOf is each sample's score under the gate, with pages in
		// order weighing ow, fitted on all folds but the sample's own, and
		// what the stage gains on it — the made pages by what the stage
		// gains on them, the pages in order by what it loses there (each
		// as its set weighs).
		type held struct{ score, gain float64 }
		heldOf := func(ow float64) []held {
			var hs []held
			for f := range gateFolds {
				gw := fitGate(f, ow, 0)
				for n := range samples {
					if sm := &samples[n]; sm.fold == f {
						hs = append(hs, held{linear(gw[:], sm.g[:]), sm.gain})
					}
				}
			}
			return hs
		}
		// marginsOf are the margins a gate's bias may be set by, highest
		// first: how far above the highest training page in order a page
		// must score for the gate to fire. The held-out gain of a margin
		// changes only at a held-out page's score, and every margin
		// between two such scores gains as much: the gate takes the middle
		// of them, where a page in order scoring a hair above the highest
		// it was fitted on (another rounding, another page) still keeps
		// the plan.
		marginsOf := func(hs []held) []float64 {
			ms := []float64{0}
			for _, h := range hs {
				if h.score > 0 {
					ms = append(ms, h.score)
				}
			}
			slices.Sort(ms)
			ms = slices.Compact(ms)
			out := make([]float64, len(ms))
			for n, m := range ms {
				out[len(ms)-1-n] = m
				if n+1 < len(ms) {
					out[len(ms)-1-n] = (m + ms[n+1]) / 2
				}
			}
			return out
		}
		// gainAt is what the stage gains on the held-out samples drawn
		// (times: baggedShift's) with the gate's margin m.
		gainAt := func(hs []held, m float64, times []int) float64 {
			gain := 0.0
			for n, h := range hs {
				if h.score > m {
					gain += h.gain * float64(timesOf(times, n))
				}
			}
			return gain
		}
		bestGain := func(hs []held, ms []float64, times []int) float64 {
			best := math.Inf(-1)
			for _, m := range ms {
				best = max(best, gainAt(hs, m, times))
			}
			return best
		}
		// The weight of a page in order and the margin: the ones whose
		// gates, each fitted on all folds but one, gain the most on the
		// pages of the fold held out, each as baggedShift chooses it over
		// draws of the held-out samples (the weight by its logarithm; the
		// highest of margins that gain as much), so that neither jumps
		// between two near-identical fits. Every training page in order
		// keeps the plan.
		hsBy, msBy := make([][]held, len(gateOrderWeights)), make([][]float64, len(gateOrderWeights))
		logs := make([]float64, len(gateOrderWeights))
		for k, ow := range gateOrderWeights {
			hsBy[k], logs[k] = heldOf(ow), math.Log2(ow)
			msBy[k] = marginsOf(hsBy[k])
			t.Logf("gate: a page in order weighing %g made pages: the stage gains %.0f on the pages held out of %d folds", ow, bestGain(hsBy[k], msBy[k], nil), gateFolds)
		}
		ow := math.Exp2(baggedShift(logs, len(hsBy[0]), func(k int, times []int) float64 { return bestGain(hsBy[k], msBy[k], times) }))
		hs := heldOf(ow)
		ms := marginsOf(hs)
		margin := baggedShift(ms, len(hs), func(k int, times []int) float64 { return gainAt(hs, ms[k], times) })
		gw := fitGate(-1, ow, margin)
		t.Logf("gate: a page in order weighs %.2f made pages; margin %.3f: the stage gains %.0f on the pages held out", ow, margin, gainAt(hs, margin, nil))
		// DUBAO_GATE_TOP=1 lists every training page's gate score and
		// features, to read which pages in order set the margin.
		if os.Getenv("DUBAO_GATE_TOP") != "" {
			for n, set := range [][]matchWork{drawn, inOrder} {
				for _, m := range set {
					g := gatePage(m.mp, m.dp, &mw)
					t.Logf("gatescore %d %s %.3f gain %d %v", n, m.name, linear(gw[:], g[:]), m.gain, g)
				}
			}
		}
		fired := [2]int{}
		var firedOn []string
		for n, set := range [][]matchWork{drawn, inOrder} {
			for _, m := range set {
				g := gatePage(m.mp, m.dp, &mw)
				if linear(gw[:], g[:]) > 0 {
					fired[n]++
					if n == 1 {
						firedOn = append(firedOn, m.name)
					}
				}
			}
		}
		t.Logf("gate: fires on %d of %d made pages, %d of %d pages in order %v", fired[0], len(drawn), fired[1], len(inOrder), firedOn)
		return gw
	}
	gw := gateFor(&mergeVec{}, &splitVec{})
	mg := fitMerge(t, drawn, &jw, &mw, &gw, &dw, &splitVec{})
	sw := fitSplit(t, drawn, &jw, &mw, &gw, &dw, &mg)
	// Once more: the gate on what the stage gains with the join and the
	// split, and they on the pages that gate fires on.
	gw = gateFor(&mg, &sw)
	mg = fitMerge(t, drawn, &jw, &mw, &gw, &dw, &sw)
	sw = fitSplit(t, drawn, &jw, &mw, &gw, &dw, &mg)
	writeMatchWeights(t, "weights_match_gen.go", len(drawn), len(inOrder), &jw, &mw, &gw, &dw, &mg, &sw, [2]*lineVec{&dh1, &dh})
}

// gateFolds is how many folds of the training pages the gate's margin is
// measured over: the gate fitted on the other folds, the most a page in
// order of the fold held out scores above the highest it was fitted on is
// how far below that the gate's bias is set.
const gateFolds = 5

// drawnPlanRuns is how many runs of the plan's perceptron, each from its
// own seed, the drawn plan averages: the plan's three (planTraining) leave
// it one of the refit's two largest swings from seed to seed (held out,
// the drawn plan of DUBAO_PLAN_SEED=100 put in the weights of seed 0 moved
// split B's body CER 0.165 → 0.188, all the way to seed 100's), for the
// perceptron barely learns on these pages (some 165–175 of 180 planned
// unlike gold every epoch) and its mean carries each run's last steps.
const drawnPlanRuns = 12

// drawnPlanTraining is the plan's setting for the drawn plan.
var drawnPlanTraining = func() planSetting {
	s := planTraining
	s.runs = drawnPlanRuns
	return s
}()

// gateOrderWeights are the weights of a page in order, as so many made
// pages' gains, the gate's fit tries.
var gateOrderWeights = []float64{1, 2, 4, 8, 16, 32, 64, 128, 256}

func writeMatchWeights(t *testing.T, path string, drawn, inOrder int, jw *joinVec, mw *matchVec, gw *gateVec, dw *planWeights, mg *mergeVec, sw *splitVec, lm [2]*lineVec) {
	var b strings.Builder
	b.WriteString("// Code generated by go test ./parse -run TestTrainMatch -train-match; DO NOT EDIT.\n//\n")
	fmt.Fprintf(&b, "// Fitted on %d made training pages whose headlines were drawn apart from\n", drawn)
	fmt.Fprintf(&b, "// their bodies and %d -raw training pages in reading order.\n\npackage parse\n", inOrder)
	vec := func(name, doc, typ, prefix string, names []string, w []float64) {
		fmt.Fprintf(&b, "\n// %s %s\nvar %s = %s{\n", name, doc, name, typ)
		for k, v := range w {
			if v != 0 {
				fmt.Fprintf(&b, "\t%s%s: %.6f,\n", prefix, upperFirst(names[k]), v)
			}
		}
		b.WriteString("}\n")
	}
	vec("matchWeights", "score a headline group with a body (match.go).", "matchVec", "mf", matchFeatureNames[:], mw[:])
	vec("gateWeights", "score a page as one whose headlines were drawn apart from their bodies (match.go).", "gateVec", "gt", gateFeatureNames[:], gw[:])
	vec("drawnGapWeights", "are the plan's gap weights on such pages.", "gapVec", "gf", gapFeatureNames[:], dw.gap[:])
	vec("drawnUnitWeights", "are the plan's unit weights on such pages.", "unitVec", "uf", unitFeatureNames[:], dw.unit[:])
	vec("drawnStoryWeights", "are the plan's story weights on such pages.", "storyVec", "sf", storyFeatureNames[:], dw.story[:])
	vec("joinWeights", "score two lines of a run of headline lines as of one headline group (match.go).", "joinVec", "jf", joinFeatureNames[:], jw[:])
	vec("mergeWeights", "score two bodies joined (match.go); none when no join gains on the made pages.", "mergeVec", "mg", mergeFeatureNames[:], mg[:])
	vec("splitWeights", "score a body cut in two (match.go); none when no cut gains on the made pages.", "splitVec", "sp", splitFeatureNames[:], sw[:])
	vec("drawnHeadLineWeights", "score a line of such a page as a headline's or a subhead's, alone (match.go, drawnLines).", "lineVec", "lf", lineFeatureNames[:], lm[0][:])
	vec("drawnHeadNeighbourWeights", "score it again, hearing its neighbours' first scores.", "lineVec", "lf", lineFeatureNames[:], lm[1][:])
	src, err := format.Source([]byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, src, 0o644); err != nil {
		t.Fatal(err)
	}
}

// matchCounts counts the assignment's pairs that are right and wrong on
// the made pages, and the true groups it leaves unmatched.
func matchCounts(works []matchWork, mw *matchVec) (right, wrong, missed int) {
	for _, m := range works {
		pairs, _ := m.mp.assign(mw)
		got := map[int]int{}
		for _, p := range pairs {
			got[p.seg] = p.body
			if m.gold[p.seg] == p.body {
				right++
			} else {
				wrong++
			}
		}
		for s, b := range m.gold {
			if _, ok := got[s]; b >= 0 && !ok {
				missed++
			}
		}
	}
	return right, wrong, missed
}

// A splitPage is a made page the gate fires on, for fitting the split: the
// drawn plan, its scores of a story starting at each unit, and what the
// stage makes of each plan it reaches, kept as it is asked.
type splitPage struct {
	name   string
	w      *work
	gold   []byte
	plan   []cut
	gaps   []float64
	jw     *joinVec
	cuts   map[string][]pieceCut  // by plan: its bodies cut in two
	merges map[string][]bodyMerge // by plan: its bodies joined
	score  map[string]scoreCounts // by plan: the page's scores against gold
}

func planKey(plan []cut) string { return fmt.Sprint(plan) }

// candidates are the page's bodies cut in two under plan, matched.
func (sp *splitPage) candidates(plan []cut, mw *matchVec) []pieceCut {
	key := planKey(plan)
	if cs, ok := sp.cuts[key]; ok {
		return cs
	}
	mp := newMatchPage(sp.w.units, plan, sp.jw)
	var cs []pieceCut
	if mp != nil && mp.splittable() {
		pairs, total := mp.assign(mw)
		cs = pieceCuts(sp.w.units, plan, mp, pairs, total, sp.gaps, mw)
	}
	sp.cuts[key] = cs
	return cs
}

// joins are the page's bodies joined two at a time under plan, matched.
func (sp *splitPage) joins(plan []cut, mw *matchVec) []bodyMerge {
	key := planKey(plan)
	if cs, ok := sp.merges[key]; ok {
		return cs
	}
	mp := newMatchPage(sp.w.units, plan, sp.jw)
	var cs []bodyMerge
	if mp != nil && mp.splittable() {
		pairs, total := mp.assign(mw)
		cs = mergeCandidates(sp.w.units, plan, mp, pairs, total, sp.gaps, mw)
	}
	sp.merges[key] = cs
	return cs
}

// joined is the plan splitBodies reaches with the join weights mg, before
// it cuts bodies.
func (sp *splitPage) joined(mw *matchVec, mg *mergeVec) []cut {
	plan := sp.plan
	if *mg == (mergeVec{}) {
		return plan
	}
	for range maxMerges {
		cs := sp.joins(plan, mw)
		best := bestTaken(cs, mg[:], func(c *bodyMerge) []float64 { return c.f[:] })
		if best < 0 {
			break
		}
		plan = cs[best].plan
	}
	return plan
}

// walk is the plan splitBodies reaches with the join and split weights mg
// and sw.
func (sp *splitPage) walk(mw *matchVec, mg *mergeVec, sw *splitVec) []cut {
	plan := sp.joined(mw, mg)
	if *sw == (splitVec{}) {
		return plan
	}
	for range maxSplits {
		cs := sp.candidates(plan, mw)
		best := bestTaken(cs, sw[:], func(c *pieceCut) []float64 { return c.f[:] })
		if best < 0 {
			break
		}
		plan = cs[best].plan
	}
	return plan
}

// scoreOf is the scores of the page with plan matched.
func (t *splitPage) scoreOf(tb *testing.T, plan []cut, mw *matchVec) scoreCounts {
	key := planKey(plan)
	if v, ok := t.score[key]; ok {
		return v
	}
	var v scoreCounts
	if mp := newMatchPage(t.w.units, plan, t.jw); mp != nil {
		pairs, _ := mp.assign(mw)
		us, pl := mp.rematch(pairs)
		paras, groups, stories := storiesOf(t.w.ps, us, t.w.paras, pl, t.w.raw, t.w.words)
		v = scoreArticles(tb, t.w, buildArticles(paras, groups, stories), t.gold)
	}
	t.score[key] = v
	return v
}

// fitSplit fits the split score on the made pages the gate fires on: a
// logistic fit of the first cuts each page offers, labelled by the gold
// (the pieces are most of two stories), and then its bias moved for the
// most gold articles matched and titles right over the pages; none when no
// bias gains.
func fitSplit(t *testing.T, drawn []matchWork, jw *joinVec, mw *matchVec, gw *gateVec, dw *planWeights, mg *mergeVec) splitVec {
	pages := firedPages(t, drawn, jw, mw, gw, dw)
	var xs [][]float64
	var ys []bool
	var ws []float64
	var pageOf []int
	twoStories, found, offered := 0, 0, 0
	var ranks [8]int // the bodies that hold two stories by the rank of a true cut's gap score in the body
	for pn, sp := range pages {
		g := sp.page()
		art, _ := unitArticles(sp.w, labelLines(sp.w.ps, g), g)
		start := sp.joined(mw, mg)
		mp := newMatchPage(sp.w.units, start, sp.jw)
		if mp == nil {
			continue
		}
		// The bodies that hold two stories or more, and whether a cut the
		// stage tries is where one ends.
		truth := map[[2]int]bool{}
		for b, bd := range mp.bodies {
			two := false
			rank := bd.j
			for k := bd.i + 1; k < bd.j; k++ {
				if trueCut(art, bd.i, k, bd.j) {
					truth[[2]int{b, k}] = true
					two = true
					r := 0
					for o := bd.i + 1; o < bd.j; o++ {
						r += oneIf(sp.gaps[o] > sp.gaps[k])
					}
					rank = min(rank, r)
				}
			}
			if two {
				ranks[min(rank, len(ranks)-1)]++
			}
			twoStories += oneIf(two)
		}
		seen := map[int]bool{}
		for _, c := range sp.candidates(start, mw) {
			y := truth[[2]int{c.b, c.k}]
			if y && !seen[c.b] {
				found++
				seen[c.b] = true
			}
			offered++
			xs, ys, ws, pageOf = append(xs, c.f[:]), append(ys, y), append(ws, 1), append(pageOf, pn)
		}
	}
	t.Logf("split: %d made pages the gate fires on; %d bodies of their drawn plans hold two stories or more, %d of them cut where one ends by one of %d cuts offered (both pieces matched)", len(pages), twoStories, found, offered)
	t.Logf("split: the two-story bodies by the rank of the drawn plan's score at a true cut among the body's places: %v", ranks)
	var sw splitVec
	if len(xs) == 0 {
		return sw
	}
	copy(sw[:], fitLogisticPages(xs, ys, ws, pageOf, len(pages), numSplitFeatures))
	bestShift, keep, base, best := moveBias(sw[:], spBias, func(v []float64) []scoreCounts {
		return walkFigure(t, pages, mw, func(sp *splitPage) []cut { return sp.walk(mw, mg, (*splitVec)(v)) })
	})
	t.Logf("split: fitted %v; bias moved %.2f takes the articles' F1 and titles' share together from %.4f to %.4f (kept: %v)", sw, bestShift, base, best, keep)
	if !keep {
		return splitVec{}
	}
	sw[spBias] += bestShift
	return sw
}

// firedPages are the made pages the gate gw fires on, for fitting the join
// and the split.
func firedPages(t *testing.T, drawn []matchWork, jw *joinVec, mw *matchVec, gw *gateVec, dw *planWeights) []*splitPage {
	var pages []*splitPage
	for _, m := range drawn {
		g := gatePage(m.mp, m.dp, mw)
		if linear(gw[:], g[:]) <= 0 {
			continue
		}
		gold, err := json.Marshal(m.page.gold)
		if err != nil {
			t.Fatal(err)
		}
		w, dplan, dgaps := drawnWork(m.work, dw)
		pages = append(pages, &splitPage{name: m.name, w: w, gold: gold, plan: dplan,
			gaps: dgaps, jw: jw, cuts: map[string][]pieceCut{}, merges: map[string][]bodyMerge{}, score: map[string]scoreCounts{}})
	}
	return pages
}

// fitMerge fits the join score on the made pages the gate fires on: a
// logistic fit of the joins each page's drawn plan offers, labelled by the
// gold (the two bodies are most of one story), and then its bias moved
// for the most gold articles matched and titles right over the pages, with
// the split's weights sw after; none when no bias gains.
func fitMerge(t *testing.T, drawn []matchWork, jw *joinVec, mw *matchVec, gw *gateVec, dw *planWeights, sw *splitVec) mergeVec {
	pages := firedPages(t, drawn, jw, mw, gw, dw)
	var xs [][]float64
	var ys []bool
	var ws []float64
	var pageOf []int
	same := 0
	for pn, sp := range pages {
		g := sp.page()
		art, _ := unitArticles(sp.w, labelLines(sp.w.ps, g), g)
		mp := newMatchPage(sp.w.units, sp.plan, sp.jw)
		if mp == nil {
			continue
		}
		for _, c := range sp.joins(sp.plan, mw) {
			a, b := mp.bodies[c.b], mp.bodies[c.b+1]
			f, n := majorArticle(art, a.i, a.j), majorArticle(art, b.i, b.j)
			y := f >= 0 && f == n
			same += oneIf(y)
			xs, ys, ws, pageOf = append(xs, c.f[:]), append(ys, y), append(ws, 1), append(pageOf, pn)
		}
	}
	t.Logf("join: %d made pages the gate fires on; %d joins offered, %d of them of two pieces of one story", len(pages), len(xs), same)
	// The most the join could gain: every join of two pieces of one story
	// taken, and no other.
	var oracle, none scoreCounts
	for _, sp := range pages {
		g := sp.page()
		art, _ := unitArticles(sp.w, labelLines(sp.w.ps, g), g)
		plan := sp.plan
		for range maxMerges {
			mp := newMatchPage(sp.w.units, plan, sp.jw)
			if mp == nil {
				break
			}
			next := plan
			for _, c := range sp.joins(plan, mw) {
				a, b := mp.bodies[c.b], mp.bodies[c.b+1]
				if f := majorArticle(art, a.i, a.j); f >= 0 && f == majorArticle(art, b.i, b.j) {
					next = c.plan
					break
				}
			}
			if planKey(next) == planKey(plan) {
				break
			}
			plan = next
		}
		oracle.add(sp.scoreOf(t, plan, mw))
		none.add(sp.scoreOf(t, sp.plan, mw))
	}
	om, nm := oracle.metrics(), none.metrics()
	t.Logf("join: every true join and no other takes the articles' F1 and titles' share from %.4f/%.4f to %.4f/%.4f", nm.ArticlesF1, nm.TitleAcc, om.ArticlesF1, om.TitleAcc)
	var mg mergeVec
	if len(xs) == 0 {
		return mg
	}
	copy(mg[:], fitLogisticPages(xs, ys, ws, pageOf, len(pages), numMergeFeatures))
	bestShift, keep, base, best := moveBias(mg[:], mgBias, func(v []float64) []scoreCounts {
		return walkFigure(t, pages, mw, func(sp *splitPage) []cut { return sp.walk(mw, (*mergeVec)(v), sw) })
	})
	t.Logf("join: fitted %v; bias moved %.2f takes the articles' F1 and titles' share together from %.4f to %.4f (kept: %v)", mg, bestShift, base, best, keep)
	if !keep {
		return mergeVec{}
	}
	mg[mgBias] += bestShift
	return mg
}

// walkFigure is the figure the join's and the split's bias is moved for:
// the pages' articles' F1 and titles' share together, each page planned
// by walk.
//
// Tried, not kept (round 20; held out: fit on the draws of g001–g045 and
// score g046–g060 (A), fit g016–g060 and score g001–g015 (B); base A
// 0.678/0.591/0.159, B 0.667/0.652/0.176 articles/titles/body CER):
//   - less the body CER (Edits/GoldChars) times 1 in both the join and
//     the split: the join gains nothing in A and is dropped, A
//     0.654/0.579/0.183, B 0.689/0.643/0.175; times 2 the same in A, times
//     0.5 B 0.687/0.649/0.179. The join alone is worth −0.024 body CER on
//     A's held pages yet +0.005 on A's fitted ones: its worth is page by
//     page, and the figure cannot see it.
//   - less the body CER in the split only: A unchanged (the same bias), B
//     0.689/0.643/0.175.
//   - that, with the logistic samples of the split and the join weighed
//     by the characters of the smaller piece (mean one): A
//     0.679/0.582/0.164, B 0.690/0.652/0.181.
//
// The split's bias is the only lever this figure moves and it barely
// moves (A 1.50 throughout, B 2.25 → 1.75–2.00), while the gate refitted
// after it moves the held figures more: body text lost to titles is not
// in this bias.
func walkFigure(t *testing.T, pages []*splitPage, mw *matchVec, walk func(sp *splitPage) []cut) []scoreCounts {
	out := make([]scoreCounts, len(pages))
	for n, sp := range pages {
		out[n] = sp.scoreOf(t, walk(sp), mw)
	}
	return out
}

// walkScore is the pages' articles' F1 and titles' share together, page n
// of per counted times[n] times (all once when times is nil).
func walkScore(per []scoreCounts, times []int) float64 {
	var c scoreCounts
	for n, p := range per {
		for range timesOf(times, n) {
			c.add(p)
		}
	}
	m := c.metrics()
	return m.ArticlesF1 + m.TitleAcc
}

// matchBiasShift is the shift of the match score's bias, from 0 to 12
// in quarters, that the stage takes, by the one-standard-error rule: the
// net (pairs right less pairs wrong on the made pages) is highest at
// some shift, the argmax, and is nearly flat around it, so the shift
// walks down from the argmax (toward the fitted bias, fewer pairs taken)
// while the next lower shift's shortfall against the argmax is within
// one standard error of that shortfall, the sd of it over bagResamples
// draws of the made pages (in pairs). The argmax alone jumps between
// near-identical fits from one end of the flat top to the other (2.75 to
// 9.75 when the line score upstream changes a little), and taking
// more pairs for a net gain of one or two costs the pages held out.
func matchBiasShift(t *testing.T, works []matchWork, mw matchVec) float64 {
	var shifts []float64
	var nets [][]int // by shift, by page: pairs right less wrong
	for shift := 0.0; shift <= 12; shift += 0.25 {
		v := mw
		v[mfBias] += shift
		net := make([]int, len(works))
		for n := range works {
			right, wrong, _ := matchCounts(works[n:n+1], &v)
			net[n] = right - wrong
		}
		shifts, nets = append(shifts, shift), append(nets, net)
	}
	total := func(k int, times []int) float64 {
		sum := 0
		for n, x := range nets[k] {
			sum += x * timesOf(times, n)
		}
		return float64(sum)
	}
	argmax, curve := 0, make([]float64, len(shifts))
	for k := range shifts {
		if curve[k] = total(k, nil); curve[k] > curve[argmax] {
			argmax = k
		}
	}
	// The shortfall of each shift against the argmax, on each draw.
	short := make([][]float64, len(shifts))
	bagDraws(len(works), func(times []int) {
		top := total(argmax, times)
		for k := range shifts {
			short[k] = append(short[k], top-total(k, times))
		}
	})
	se := make([]float64, len(shifts))
	for k := range shifts {
		m, v := 0.0, 0.0
		for _, x := range short[k] {
			m += x / bagResamples
		}
		for _, x := range short[k] {
			v += (x - m) * (x - m) / bagResamples
		}
		se[k] = math.Sqrt(v)
	}
	chosen := argmax
	for chosen > 0 && curve[argmax]-curve[chosen-1] <= se[chosen-1] {
		chosen--
	}
	t.Logf("match bias: net by shift %v; the shortfall's standard error by shift %.1f; argmax %.2f, one standard error down %.2f", curve, se, shifts[argmax], shifts[chosen])
	return shifts[chosen]
}

// fitLogisticPages is fitLogisticN's fit of samples xs of the pages
// pageOf gives (of n), bagged: the mean of the fits on bagResamples
// draws of the pages. The join's one fit swung from seed to seed
// (mgPartner −0.38 to 1.01 over DUBAO_PLAN_SEED 0–200), and the join of
// seed 100 put in the weights of seed 0 moved split B's held-out
// articles 0.691 → 0.705.
func fitLogisticPages(xs [][]float64, ys []bool, ws []float64, pageOf []int, n, features int) []float64 {
	mean := make([]float64, features)
	dws := make([]float64, len(ws))
	bagDraws(n, func(times []int) {
		for k := range ws {
			dws[k] = ws[k] * float64(times[pageOf[k]])
		}
		for k, v := range fitLogisticN(xs, ys, dws, features, 30, 1) {
			mean[k] += v / bagResamples
		}
	})
	return mean
}

// timesOf is how often page n is drawn: times[n], once when times is nil.
func timesOf(times []int, n int) int {
	if times == nil {
		return 1
	}
	return times[n]
}

// moveBias is the shift of w's bias weight (w[bias]), from −8 to 8 in
// quarters, under which the pages' figure (walkScore of the per-page
// counts perPage gives) is highest, and whether the weights are kept at
// all: on each of baggedWins' draws of the pages, the weights with the
// best shift must beat none at all (base), and they are kept when they do
// on most draws, moved by the mean of the shifts that did. best is the
// figure at that shift on all pages.
func moveBias(w []float64, bias int, perPage func(v []float64) []scoreCounts) (shift float64, keep bool, base, best float64) {
	none := perPage(make([]float64, len(w)))
	shifts := []float64{math.NaN()} // none at all, first: it wins a tie
	per := [][]scoreCounts{none}
	v := slices.Clone(w)
	for s := -8.0; s <= 8; s += 0.25 {
		v[bias] = w[bias] + s
		shifts, per = append(shifts, s), append(per, perPage(v))
	}
	wins := baggedWins(len(shifts), len(none), func(k int, times []int) float64 { return walkScore(per[k], times) })
	kept := bagResamples - wins[0]
	if kept > 0 {
		shift = meanOfWins(shifts[1:], wins[1:])
	}
	v[bias] = w[bias] + shift
	return shift, 2*kept > bagResamples, walkScore(none, nil), walkScore(perPage(v), nil)
}

// baggedShift is the mean, over bagResamples draws of the n training
// pages with replacement, of the shift (of shifts) under which figure
// is highest on the pages drawn (times[p]: how often page p is), the
// first of the highest. One argmax over all pages jumps between
// near-identical fits from one peak of a flat figure to another; the
// mean over draws moves with how often each peak wins.
func baggedShift(shifts []float64, n int, figure func(k int, times []int) float64) float64 {
	return meanOfWins(shifts, baggedWins(len(shifts), n, figure))
}

// meanOfWins is the mean of shifts, each counted as often as it won.
func meanOfWins(shifts []float64, wins []int) float64 {
	sum, count := 0.0, 0
	for k, w := range wins {
		sum += shifts[k] * float64(w)
		count += w
	}
	return sum / float64(count)
}

// baggedWins draws the n training pages with replacement bagResamples
// times (bagDraws) and counts how often each of k choices has the highest figure on
// the pages drawn (times[p]: how often page p is), the first of the
// highest. The draws are seeded: the trainer stays deterministic.
func baggedWins(k, n int, figure func(k int, times []int) float64) []int {
	wins := make([]int, k)
	bagDraws(n, func(times []int) {
		best, bestK := math.Inf(-1), 0
		for c := range k {
			if f := figure(c, times); f > best {
				best, bestK = f, c
			}
		}
		wins[bestK]++
	})
	return wins
}

// bagDraws draws the n training pages with replacement bagResamples
// times, seeded, and hands each draw to visit: times[p] is how often page
// p is drawn.
func bagDraws(n int, visit func(times []int)) {
	rng := rand.New(rand.NewPCG(7, 11))
	times := make([]int, n)
	for range bagResamples {
		clear(times)
		for range n {
			times[rng.IntN(n)]++
		}
		visit(times)
	}
}

// bagResamples is how many draws of the training pages the match trainer's
// bagged fits take: baggedShift's, fitLogisticPages's (the join and the
// split) and the gate's.
const bagResamples = 100

// majorArticle is the gold story most of units [i, j) are of (art:
// unitArticles, by unit), -1 for none.
func majorArticle(art []int, i, j int) int {
	votes := map[int]int{}
	best, bestN := -1, 0
	for u := i; u < j; u++ {
		if art[u] >= 0 {
			votes[art[u]]++
			if n := votes[art[u]]; n > bestN || n == bestN && art[u] < best {
				best, bestN = art[u], n
			}
		}
	}
	return best
}

func (sp *splitPage) page() *goldPage {
	var g goldPage
	if err := json.Unmarshal(sp.gold, &g); err != nil {
		panic(err)
	}
	return &g
}

// trueCut reports whether units [i, k) and [k, j) are most of two
// different gold stories (art: unitArticles, by unit) and unit k opens the second.
func trueCut(art []int, i, k, j int) bool {
	major := func(a, b int) int {
		votes := map[int]int{}
		best, bestN := -1, 0
		for u := a; u < b; u++ {
			if art[u] >= 0 {
				votes[art[u]]++
				if n := votes[art[u]]; n > bestN || n == bestN && art[u] < best {
					best, bestN = art[u], n
				}
			}
		}
		return best
	}
	f, b := major(i, k), major(k, j)
	return f >= 0 && b >= 0 && f != b && art[k] == b && (art[k-1] == f || art[k-1] < 0)
}

// logMatchLosses says where the true headline groups of the made pages go:
// cut as they are and matched to their body, cut as they are and matched
// to another or to none, or cut wrong (a group holding some of their lines,
// or lines of another); and the gold headline lines the plan left in a
// body, which no group can take.
func logMatchLosses(t *testing.T, works []matchWork, mw *matchVec) {
	right, moved, left, cutWrong, merged, inBody, heads, golds := 0, 0, 0, 0, 0, 0, 0, 0
	noBody, lineless, linesInBody, otherNo := 0, 0, 0, 0
	for _, m := range works {
		pairs, _ := m.mp.assign(mw)
		got := map[int]int{}
		for _, p := range pairs {
			got[p.seg] = p.body
		}
		for s, b := range m.gold {
			if b < 0 {
				continue
			}
			switch o, ok := got[s]; {
			case ok && o == b:
				right++
			case ok:
				moved++
			default:
				sg := m.mp.segs[s]
				over, whole := 0, false
				for _, p := range pairs {
					if og := m.mp.segs[p.seg]; og.i < sg.j && sg.i < og.j {
						over++
						whole = whole || og.i <= sg.i && sg.j <= og.j
					}
				}
				switch {
				case over == 0:
					left++
				case whole:
					merged++
				default:
					cutWrong++
				}
			}
		}
		inRun := make([]bool, len(m.mp.us))
		for _, r := range m.mp.runs {
			for k := r.i; k < r.j; k++ {
				inRun[k] = true
			}
		}
		g := m.page.gold
		if g == nil {
			continue
		}
		var titles []string
		for _, a := range g.Articles {
			if h := flat(a.Kicker + a.Title + a.Subtitle); h != "" {
				titles = append(titles, h)
			}
		}
		golds += len(titles)
		// The gold headlines that are no true group, by why.
		_, unitArt, bodyArt := matchArticles(m.mp, g)
		hasBody, isGroup := map[int]bool{}, map[int]bool{}
		for _, a := range bodyArt {
			hasBody[a] = true
		}
		for s, b := range m.gold {
			if b >= 0 {
				isGroup[unitArt(m.mp.segs[s].i)] = true
			}
		}
		for a, art := range g.Articles {
			if flat(art.Kicker+art.Title+art.Subtitle) == "" || isGroup[a] {
				continue
			}
			lines, inB := 0, 0
			for k := range m.mp.us {
				if unitArt(k) == a {
					lines++
					inB += oneIf(!inRun[k])
				}
			}
			switch {
			case !hasBody[a]:
				noBody++
			case lines == 0:
				lineless++
			case inB > 0:
				linesInBody++
			default:
				otherNo++
			}
		}
		for k, u := range m.mp.us {
			t := flat(u.text)
			if t == "" || !u.head {
				continue
			}
			for _, h := range titles {
				if strings.Contains(h, t) {
					heads++
					inBody += oneIf(!inRun[k])
					break
				}
			}
		}
	}
	t.Logf("of %d gold headlines, true headline groups: %d matched right, %d cut right and matched to another body, %d cut right and left, %d taken whole in a group with lines of another, %d cut apart; of %d gold headline lines, %d left in bodies by the drawn plan", golds, right, moved, left, merged, cutWrong, heads, inBody)
	t.Logf("of the gold headlines that are no true group: %d whose body is no body's most, %d none of whose lines is a line of the drawn plan, %d with lines left in bodies, %d else", noBody, lineless, linesInBody, otherNo)
}

// fitJoin fits the join odds on the made training pages through the plan
// fitted on them (dw): two lines one after another in a run of headline
// lines are of one group when both print gold's headline of one article.
func fitJoin(t *testing.T, made []trainPage, dw *planWeights) joinVec {
	var xs [][]float64
	var ys []bool
	var ws []float64
	joined := 0
	for _, p := range made {
		w := planWork(t, p)
		if w == nil {
			continue
		}
		dwk, dplan, _ := drawnWork(w, dw)
		mp := newMatchPage(dwk.units, dplan, &joinVec{})
		if mp == nil {
			continue
		}
		_, unitArt, _ := matchArticles(mp, p.gold)
		for _, r := range mp.runs {
			for k := r.i; k+1 < r.j; k++ {
				a := unitArt(k)
				y := a >= 0 && unitArt(k+1) == a
				joined += oneIf(y)
				xs, ys, ws = append(xs, mp.joins[k][:]), append(ys, y), append(ws, 1)
			}
		}
	}
	var jw joinVec
	copy(jw[:], fitLogisticN(xs, ys, ws, numJoinFeatures, 30, 1))
	right := 0
	for n, x := range xs {
		right += oneIf((linear(jw[:], x) > 0) == ys[n])
	}
	t.Logf("join: %d pairs of lines one after another in runs of headline lines, %d of one group; the fit tells %d (%.3f) right", len(xs), joined, right, float64(right)/float64(max(1, len(xs))))
	return jw
}
