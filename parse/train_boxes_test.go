package parse

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"strings"
	"testing"
)

// The trainer's part for pages with blank lines: the box story stage
// (boxstories.go) is fitted on the plans nearest gold of the training
// pages through pdfminer and the other pages with blank lines.

// goldBoxScorer scores a plan by how far it keeps gold's articles
// together and takes gold's headline lines for its headlines.
type goldBoxScorer struct {
	us     []unit
	art    []int
	isHead []bool
	story_ func(c cut) float64
}

func (s *goldBoxScorer) story(c cut) float64 { return s.story_(c) }

func (s *goldBoxScorer) parting(k int) float64 {
	if s.art[k] != s.art[k-1] {
		return 1
	}
	return -1
}

func (s *goldBoxScorer) rowHeads(parts [][2]int) float64 {
	v := 0.0
	for t, p := range parts {
		if t > 0 || p[0] > 0 {
			v += s.parting(p[0])
		}
		a := s.art[p[0]]
		for k := p[0]; k < p[1]; k++ {
			if s.art[k] == a && s.isHead[k] {
				v++
			} else {
				v--
			}
		}
	}
	return v
}

func (s *goldBoxScorer) rowStart(_ [][2]int, _, c int) float64 { return s.parting(c) }

func (s *goldBoxScorer) rowUnits(parts [][2]int, a, end int) [][]float64 {
	out := make([][]float64, len(parts))
	for t := range parts {
		out[t] = make([]float64, end-a)
		for k := a; k < end; k++ {
			out[t][k-a] = s.rowUnit(parts, t, k)
		}
	}
	return out
}

func (s *goldBoxScorer) rowUnit(parts [][2]int, t, k int) float64 {
	v := -1.0
	if s.art[k] == s.art[parts[t][0]] {
		v = 1
	}
	if s.us[k].head && s.isHead[k] {
		v--
	}
	return v
}

type boxPlan struct {
	page   trainPage
	w      *work
	bf     *boxFacts
	rf     *rowFacts
	gold   []cut
	starts []bool
}

// fitBoxStories fits the box gap and unit models on the plans nearest gold
// of the pages with blank lines, and logs how the learned plans score.
func fitBoxStories(t *testing.T, pages []trainPage, works []*work, labs [][]labelled) (gw boxGapVec, uw boxUnitVec, pw boxPairVec) {
	// The box stage lays out a copy of each page's work; the roles it sets
	// on the pieces they share go back when it is done.
	var plans []boxPlan
	for n, w := range works {
		if w.raw {
			continue
		}
		defer setRoles(w.ps, rolesOf(w.ps))
		box := new(work)
		*box = *w
		rf, bf := box.layOutBoxes()
		plans = append(plans, newBoxPlan(pages[n], box, rf, bf, labs[n]))
	}
	gw, uw, pw = fitBoxPlans(t, plans)
	oracle, learned := map[string]*scoreCounts{}, map[string]*scoreCounts{}
	var sets []string
	for _, p := range plans {
		set := p.page.set
		if oracle[set] == nil {
			oracle[set], learned[set] = &scoreCounts{}, &scoreCounts{}
			sets = append(sets, set)
		}
		gold, err := json.Marshal(p.page.gold)
		if err != nil {
			t.Fatal(err)
		}
		plan, _ := planBoxStories(p.w.units, p.bf, newBoxScorer(p.w.units, p.bf, p.rf, &gw, &uw, &pw))
		oracle[set].add(scoreWork(t, p.w, p.gold, gold))
		learned[set].add(scoreWork(t, p.w, plan, gold))
	}
	confusion := map[string][2]int{}
	for _, p := range plans {
		us := p.w.units
		_, starts := planBoxStories(us, p.bf, newBoxScorer(us, p.bf, p.rf, &gw, &uw, &pw))
		for k := 1; k < len(us); k++ {
			if starts[k] == p.starts[k] {
				continue
			}
			kind := map[[2]bool]string{{false, false}: "paraPara", {false, true}: "paraHead", {true, false}: "headPara", {true, true}: "headHead"}[[2]bool{us[k-1].head, us[k].head}]
			if p.bf.brk[k] {
				kind += "|"
			}
			c := confusion[kind]
			if starts[k] {
				c[0]++ // a start gold has not
			} else {
				c[1]++ // a start missed
			}
			confusion[kind] = c
		}
	}
	for kind, c := range confusion {
		t.Logf("box starts %-10s false %4d missed %4d", kind, c[0], c[1])
	}
	if name := os.Getenv("DUBAO_SHOW_BOXPLAN"); name != "" {
		for _, p := range plans {
			if strings.Contains(","+name+",", ","+p.page.set+"/"+p.page.name+",") {
				showBoxPlan(t, p, &gw, &uw, &pw)
			}
		}
	}
	for _, set := range sets {
		t.Logf("%-16s box plan nearest gold: %s", set, oracle[set].metrics().scoreLine())
		t.Logf("%-16s learned box plan:      %s", set, learned[set].metrics().scoreLine())
	}
	for k, v := range gw {
		t.Logf("box gap %-16s %7.3f", boxGapKey(k), v)
	}
	for k, v := range uw {
		t.Logf("box unit %-16s %7.3f", boxUnitKey(k), v)
	}
	for k, v := range pw {
		t.Logf("box pair %-16s %7.3f", boxPairKey(k), v)
	}
	return gw, uw, pw
}

// boxGapKey and boxUnitKey name a box feature's constant.
func boxGapKey(k int) string {
	if k < numGapFeatures {
		return "gf" + upperFirst(gapFeatureNames[k])
	}
	return "bg" + upperFirst(boxGapFeatureNames[k-numGapFeatures])
}

func boxUnitKey(k int) string {
	if k < numUnitFeatures {
		return "uf" + upperFirst(unitFeatureNames[k])
	}
	return "bu" + upperFirst(boxUnitFeatureNames[k-numUnitFeatures])
}

func boxPairKey(k int) string {
	if k < bpGap {
		return "bp" + upperFirst(boxPairFeatureNames[k])
	}
	return "bpGap + " + boxGapKey(k-bpGap)
}

func upperFirst(s string) string { return string(s[0]-'a'+'A') + s[1:] }

// boxPlanFeatures are the summed features of a plan: of the gaps it counts
// as starts, of the units it takes for headlines, and of the pieces of its
// rows that take a row's second headline or a later one.
func boxPlanFeatures(sc *learnedBoxScorer, gf [][]float64, uf [][]float64, plan []cut, starts []bool) (g, u, pr []float64) {
	g, u, pr = make([]float64, numBoxGapFeatures), make([]float64, numBoxUnitFeatures), make([]float64, numBoxPairFeatures)
	for k, s := range starts {
		if s && k > 0 {
			for n, v := range gf[k] {
				g[n] += v
			}
		}
	}
	for _, c := range plan {
		for k := c.hi; k < c.hj; k++ {
			for m, v := range uf[k] {
				u[m] += v
			}
		}
	}
	// The pieces of each row after its first, with the whole row's parts.
	for n := 0; n < len(plan); {
		c := plan[n]
		if !(c.hj <= c.i && c.hj > c.hi) {
			n++
			continue
		}
		m := n + 1
		for m < len(plan) && plan[m].hj <= plan[m].i && plan[m].hj > plan[m].hi && plan[m].hi == plan[m-1].hj && starts[plan[m].i] {
			m++
		}
		var row [][2]int
		for k := n; k < m; k++ {
			row = append(row, [2]int{plan[k].hi, plan[k].hj})
		}
		for t := 1; t < len(row); t++ {
			f := sc.pairFeatures(row, t, plan[n+t].i)
			for k, v := range f {
				pr[k] += v
			}
		}
		for t := range row {
			for k := plan[n+t].i; k < plan[n+t].j; k++ {
				if !sc.us[k].head {
					es := make([]float64, len(row))
					sc.paraEchoes(row, k, es)
					own, gain := paraFeatures(es, t)
					pr[bpParaEcho] += own
					pr[bpParaEchoGain] += gain
				}
			}
		}
		n = m
	}
	return g, u, pr
}

// newBoxPlan is the box plan of a page with blank lines whose units are
// laid out: the plan nearest gold and the gaps it counts as starts.
func newBoxPlan(page trainPage, w *work, rf *rowFacts, bf *boxFacts, labels []labelled) boxPlan {
	art, isHead := unitArticles(w, labels, nil) // side-by-side headlines labelled as their piece
	sc := &goldBoxScorer{us: w.units, art: art, isHead: isHead, story_: agreement(w.units, art, isHead)}
	plan, starts := planBoxStories(w.units, bf, sc)
	return boxPlan{page: page, w: w, bf: bf, rf: rf, gold: plan, starts: starts}
}

// fitBoxPlans fits the box weights on the plans nearest gold: the gap and
// unit models apart by logistic regression, then all three kinds together
// by the structured perceptron.
func fitBoxPlans(t *testing.T, plans []boxPlan) (gw boxGapVec, uw boxUnitVec, pw boxPairVec) {
	var gx, ux [][]float64
	var gy, uy []bool
	var gwt, uwt []float64
	for _, p := range plans {
		us := p.w.units
		inHead := make([]bool, len(us))
		for _, c := range p.gold {
			for k := c.hi; k < c.hj; k++ {
				inHead[k] = true
			}
		}
		wt := pageWeight(p.page.set)
		for k := 1; k < len(us); k++ {
			f := boxGapFeatures(us, p.rf, p.bf, k)
			gx, gy, gwt = append(gx, f[:]), append(gy, p.starts[k]), append(gwt, wt)
		}
		for k := range us {
			if us[k].head {
				f := boxUnitFeatures(us, p.rf, p.bf, k)
				ux, uy, uwt = append(ux, f[:]), append(uy, inHead[k]), append(uwt, wt)
			}
		}
	}
	copy(gw[:], fitLogisticN(gx, gy, gwt, numBoxGapFeatures, 12, 1))
	copy(uw[:], fitLogisticN(ux, uy, uwt, numBoxUnitFeatures, 12, 1))
	t.Logf("box gaps: %d samples, units: %d samples", len(gx), len(ux))
	return perceptronBoxes(t, plans, gw, uw)
}

// perceptronBoxes refines the box weights with an averaged structured
// perceptron over the whole plans: where the learned plan of a page is
// not the plan nearest gold, the weights move by the difference of their
// features.
func perceptronBoxes(t *testing.T, plans []boxPlan, gw0 boxGapVec, uw0 boxUnitVec) (boxGapVec, boxUnitVec, boxPairVec) {
	type pageFeats struct {
		gf, uf     [][]float64
		gfv        []boxGapVec
		gg, gu, gp []float64 // the gold plan's summed features
		w          float64
	}
	feats := make([]pageFeats, len(plans))
	for n, p := range plans {
		us := p.w.units
		pf := pageFeats{gf: make([][]float64, len(us)), uf: make([][]float64, len(us)), w: pageWeight(p.page.set)}
		for k := range us {
			if k > 0 {
				f := boxGapFeatures(us, p.rf, p.bf, k)
				pf.gf[k] = f[:]
			}
			if us[k].head {
				f := boxUnitFeatures(us, p.rf, p.bf, k)
				pf.uf[k] = f[:]
			} else {
				pf.uf[k] = make([]float64, numBoxUnitFeatures)
			}
		}
		pf.gfv = make([]boxGapVec, len(us))
		for k := 1; k < len(us); k++ {
			copy(pf.gfv[k][:], pf.gf[k])
		}
		pf.gg, pf.gu, pf.gp = boxPlanFeatures(&learnedBoxScorer{us: us, gapFeats: pf.gfv}, pf.gf, pf.uf, p.gold, p.starts)
		feats[n] = pf
	}
	gw, uw := gw0, uw0
	var pw boxPairVec
	var sumG boxGapVec
	var sumU boxUnitVec
	var sumP boxPairVec
	count := 0.0
	// A small step from the logistic fits, boxEpochs passes over the
	// pages; the weights are the average over every step up to the end of
	// the pass whose plans miss gold's least (boxPlanLoss): the perceptron
	// does not converge on these pages, and the average of a fixed number
	// of passes swung with any change of the features.
	const rate, boxEpochs = 0.05, 30
	var bestG boxGapVec
	var bestU boxUnitVec
	var bestP boxPairVec
	bestLoss, bestEpoch := math.Inf(1), -1
	for epoch := range boxEpochs {
		wrong := 0
		for n, p := range plans {
			pf := &feats[n]
			us := p.w.units
			gaps, heads := make([]float64, len(us)), make([]float64, len(us))
			for k := range us {
				if k > 0 {
					for m, v := range pf.gf[k] {
						gaps[k] += gw[m] * v
					}
				}
				for m, v := range pf.uf[k] {
					heads[k] += uw[m] * v
				}
			}
			sc := &learnedBoxScorer{us: us, gaps: gaps, heads: heads, pw: &pw, gapFeats: pf.gfv}
			plan, starts := planBoxStories(us, p.bf, sc)
			pg, pu, pp := boxPlanFeatures(sc, pf.gf, pf.uf, plan, starts)
			diff := false
			for m := range pg {
				if d := pf.gg[m] - pg[m]; d != 0 {
					gw[m] += rate * pf.w * d
					diff = true
				}
			}
			for m := range pu {
				if d := pf.gu[m] - pu[m]; d != 0 {
					uw[m] += rate * pf.w * d
					diff = true
				}
			}
			for m := range pp {
				if d := pf.gp[m] - pp[m]; d != 0 {
					pw[m] += rate * pf.w * d
					diff = true
				}
			}
			if diff {
				wrong++
			}
			for m := range gw {
				sumG[m] += gw[m]
			}
			for m := range uw {
				sumU[m] += uw[m]
			}
			for m := range pw {
				sumP[m] += pw[m]
			}
			count++
		}
		var avgG boxGapVec
		var avgU boxUnitVec
		var avgP boxPairVec
		for m := range sumG {
			avgG[m] = sumG[m] / count
		}
		for m := range sumU {
			avgU[m] = sumU[m] / count
		}
		for m := range sumP {
			avgP[m] = sumP[m] / count
		}
		loss := boxPlanLoss(plans, &avgG, &avgU, &avgP)
		t.Logf("box perceptron epoch %d: %d of %d plans wrong; averaged weights miss %.0f", epoch, wrong, len(plans), loss)
		if loss < bestLoss {
			bestLoss, bestEpoch, bestG, bestU, bestP = loss, epoch, avgG, avgU, avgP
		}
	}
	t.Logf("box perceptron: the average to epoch %d", bestEpoch)
	return bestG, bestU, bestP
}

// boxPlanLoss is how far the learned plans of the pages miss the plans
// nearest gold: the gaps where one starts a story and the other does not,
// and the headline-like units one takes for a headline and the other not,
// each counted by its page's weight.
func boxPlanLoss(plans []boxPlan, gw *boxGapVec, uw *boxUnitVec, pw *boxPairVec) float64 {
	loss := 0.0
	for _, p := range plans {
		us := p.w.units
		plan, starts := planBoxStories(us, p.bf, newBoxScorer(us, p.bf, p.rf, gw, uw, pw))
		miss := 0
		for k := 1; k < len(us); k++ {
			if starts[k] != p.starts[k] {
				miss++
			}
		}
		learned, gold := make([]bool, len(us)), make([]bool, len(us))
		for _, c := range plan {
			for k := c.hi; k < c.hj; k++ {
				learned[k] = true
			}
		}
		for _, c := range p.gold {
			for k := c.hi; k < c.hj; k++ {
				gold[k] = true
			}
		}
		for k := range us {
			if learned[k] != gold[k] {
				miss++
			}
		}
		loss += pageWeight(p.page.set) * float64(miss)
	}
	return loss
}

// showBoxPlan logs a page's units with the plan nearest gold and the
// learned plan beside them, and the odds behind the learned one.
func showBoxPlan(t *testing.T, p boxPlan, gw *boxGapVec, uw *boxUnitVec, pw *boxPairVec) {
	us := p.w.units
	sc := newBoxScorer(us, p.bf, p.rf, gw, uw, pw)
	gaps, heads := sc.gaps, sc.heads
	plan, _ := planBoxStories(us, p.bf, sc)
	mark := func(plan []cut) []string {
		m := make([]string, len(us))
		for si, c := range plan {
			for k := c.i; k < c.j; k++ {
				if m[k] == "" {
					m[k] = fmt.Sprintf("%2db", si)
					if us[k].head {
						m[k] = fmt.Sprintf("%2ds", si)
					}
				}
			}
			for k := c.hi; k < c.hj; k++ {
				m[k] = fmt.Sprintf("%2dH", si)
			}
		}
		return m
	}
	g, l := mark(p.gold), mark(plan)
	for k, u := range us {
		brk := " "
		if p.bf.brk[k] {
			brk = "|"
		}
		t.Logf("%s %s %s odds=%5.1f gap=%5.1f unit=%5.1f w=%4.1f %s", g[k], l[k], brk, u.odds, gaps[k], heads[k], u.width, clip(u.text, 24, false))
	}
}
