package parse

import "math"

// The gate of the unshuffle pass: whether a page's text was drawn shuffled
// at all. A page whose decoder (assign) took junctions is reordered when
// a learned page classifier (unshufflePageGate.w: the decoder's gain, the
// junctions taken, the best one's log-odds, the share of them that start
// with text the end's block prints, an in-order page's false join) scores
// it above its level, or the decoder's gain is above the gain's level. The trainer
// (TestTrainUnshuffle, fitGate) reads every made and in-order page with
// cut and link models fitted without its fold (five folds by gen page),
// fits the classifier on those readings (made pages drawn shuffled against
// in-order ones), and sets each level at the highest an in-order page
// reaches held out a second time (the classifier fitted on the other
// folds) or as the final models read it: no in-order training page passes
// (TestUnshuffleInOrderPages), the -raw training pages and stories/train.
//
// Measured, fitted on the draws of g001–g045 (DUBAO_UNSHUFFLE_HELDOUT=1):
// the old gate (the gain above the most an in-order page gains as fitted,
// plus a margin of 1: 3.27 log-odds) let 14 of the 360 made pages through.
// Of the 112 made pages whose chain takes junctions, read held out, the
// gain above the held-out in-order pages' (2.18) lets 26 through, lines
// followed by their successor +38; the classifier alone 34, +45; either,
// 42, +57 (of +86 with no gate). End to end with score.sh on the held-out draws (g046–g060),
// full 0.117/0.144/1.534/0.170 → 0.114/0.147/1.519/0.175 and spread1
// 0.275/0.368/0.895/0.511 → 0.284/0.368/0.871/0.522 (articles/titles/
// body_cer/para_f1); with no gate at all, 0.117/0.153 and 0.310/0.403.
// Fitted on all the draws, 82 of the 480 made pages pass (48 before).
// With round 25's cut and link features (unshuffle.go) and all refitted,
// 114 of the 480 pass, and held out full 0.115/0.165/1.452/0.200 and
// spread1 0.278/0.365/0.866/0.518. With the assignment in place of the
// greedy chain (unshuffle_assign.go), refitted: of the 198 made pages it
// reorders held out, 142 pass (78 of 140 with the chain), and fitted on
// all the draws, 185 of the 480 (114). The trainer sets the levels on the
// weights as the generated file holds them (six places) and writes them
// rounded up, so that the parser reads an in-order page at a level as the
// trainer did.

// Features of a page, read off the junctions the decoder took. (Tried and
// left out, no better held out: how many block ends run on loose, how many
// of them the block as given leaves with no loose start after, the cut
// model's odds of the junctions as given, blocks over lines, the gain over
// the junctions taken, the junctions taken over the loose ends.)
const (
	upBias      = iota
	upGain      // the decoder's gain, log-odds summed over the junctions it took, at most 40, over 10
	upTaken     // the junctions taken, at most 20, over 10
	upBest      // the best taken junction's log-odds, over 10
	upEchoTaken // the junctions taken whose start holds a run of four characters of the end or the line before it (uxEcho: text the page prints twice), over those taken
	numPageFeatures
)

// The page features count log-odds and junctions in tens (pageScale), a
// scale the logistic fit takes with weights near 1; the gain and the
// junctions taken count up to caps, so that a text made to gain without
// end scores as a page of many junctions, not more.
const (
	pageScale    = 10
	pageGainCap  = 40 // log-odds
	pageTakenCap = 20 // junctions
)

type pageVec [numPageFeatures]float64

func (w *pageVec) score(f *pageVec) float64 { return linear(w[:], f[:]) }

// A pageGate passes a page whose decoder took a junction where the page
// classifier w scores it above level, or its gain (log-odds summed over
// the junctions taken) is above gain. Each level is set by the trainer
// above every in-order page's held out, so the two together pass none of
// those.
type pageGate struct {
	w           pageVec
	level, gain float64
}

func (g *pageGate) passes(f *pageVec) bool {
	return f[upTaken] > 0 && (g.w.score(f) > g.level || f.gain() > g.gain)
}

// gain is the page's gain as its level counts it, in log-odds (at most
// pageGainCap).
func (f *pageVec) gain() float64 { return f[upGain] * pageScale }

// pageFeatures reads the page's features: bs its blocks, links their
// loose junctions, order the decoder's order and gain its gain. A page whose
// decoder took no junction has all 0 but the bias.
func (st *shuffleText) pageFeatures(bs []shuffleBlock, links []shuffleLink, order []int, gain float64) pageVec {
	var f pageVec
	f[upBias] = 1
	if len(links) == 0 {
		return f
	}
	// The junctions taken: a line the order puts after another than the
	// line after it in the text, the end of a block and the start of
	// another, that the links hold (where one path's last block and the
	// next path's first are such a link not taken, it counts too).
	endOf, startOf := make([]int, len(st.lines)), make([]int, len(st.lines)) // per line: the block it ends, and the one it starts, or -1
	for i := range endOf {
		endOf[i], startOf[i] = -1, -1
	}
	for x, b := range bs {
		endOf[b.last], startOf[b.first] = x, x
	}
	score := linkScores(links)
	taken, echo := 0, 0
	best := math.Inf(-1)
	for k := 0; k+1 < len(order); k++ {
		i, j := order[k], order[k+1]
		if j == i+1 {
			continue
		}
		x, y := endOf[i], startOf[j]
		s, ok := score[[2]int{x, y}]
		if x < 0 || y < 0 || !ok {
			continue
		}
		taken++
		best = math.Max(best, s)
		if st.runsEcho(j, i) || (i-1 >= bs[x].first && st.runsEcho(j, i-1)) {
			echo++
		}
	}
	if taken == 0 {
		return f
	}
	f[upGain] = math.Min(gain, pageGainCap) / pageScale
	f[upTaken] = float64(min(taken, pageTakenCap)) / pageScale
	f[upBest] = best / pageScale
	f[upEchoTaken] = float64(echo) / float64(taken)
	return f
}
