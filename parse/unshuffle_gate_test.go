package parse

import (
	"fmt"
	"math"
	"os"
	"slices"
	"sort"
	"strings"
	"testing"
)

// shufflePage is a page the gate is fitted or judged on.
type shufflePage struct {
	name     string
	shuffled bool // a made page drawn out of order (not an in-order page)
	f        pageVec
	help     int // lines followed by their successor in assign's order, less as given (made pages)
}

// shufflePagesOf reads pages with the given models.
func shufflePagesOf(made, inOrder []orderedPage, cw, lw *unshuffleVec, cutAt, keep float64) []shufflePage {
	var out []shufflePage
	st := new(shuffleText)
	for k, set := range [][]orderedPage{made, inOrder} {
		for _, p := range set {
			order, _, f := unshuffleRead(st, p.lines, cw, lw, cutAt, keep)
			g := shufflePage{name: p.name, shuffled: k == 0, f: f}
			if k == 0 {
				_, _, after, _ := orderFigures(p, order)
				_, _, before, _ := orderFigures(p, nil)
				g.help = after - before
			}
			out = append(out, g)
		}
	}
	return out
}

// TestUnshuffleGateDump prints the page features' means and most by kind
// of page, and fits the gate on them: DUBAO_GATE_DUMP=1 go test ./parse
// -run TestUnshuffleGateDump -v reads the pages with the models as fitted,
// DUBAO_GATE_DUMP=held each fold's with models fitted on the others.
// unshufflePageFeatureNames names the page features in the weights file.
var unshufflePageFeatureNames = [numPageFeatures]string{"bias", "gain", "taken", "best", "echoTaken"}

// unshuffleNoGate passes every page whose decoder (assign) took a junction: the pass
// as the trainer and the tests read it without a gate.
var unshuffleNoGate = pageGate{level: math.Inf(-1)}

func TestUnshuffleGateDump(t *testing.T) {
	if os.Getenv("DUBAO_GATE_DUMP") == "" {
		t.Skip()
	}
	var made []orderedPage
	for _, set := range []string{"spread1", "full"} {
		made = append(made, loadOrdered(t, set)...)
	}
	training, stories := inOrderTraining(t), loadOrdered(t, "stories")
	var ps []shufflePage
	if os.Getenv("DUBAO_GATE_DUMP") == "held" {
		ps = heldOutPages(t, made, training, stories, unshuffleCutLogOdds, unshuffleKeepLogOdds)
	} else {
		ps = shufflePagesOf(made, slices.Concat(training, stories), &unshuffleCutWeights, &unshuffleLinkWeights, unshuffleCutLogOdds, unshuffleKeepLogOdds)
	}
	kinds := map[string][]shufflePage{}
	for _, p := range ps {
		k := p.name[:strings.Index(p.name, "/")]
		kinds[k] = append(kinds[k], p)
	}
	var keys []string
	for k := range kinds {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		var mean, most pageVec
		for i := range most {
			most[i] = -1e9
		}
		for _, p := range kinds[k] {
			for i := range mean {
				mean[i] += p.f[i] / float64(len(kinds[k]))
				most[i] = max(most[i], p.f[i])
			}
		}
		var b strings.Builder
		for i := 1; i < numPageFeatures; i++ {
			fmt.Fprintf(&b, " %s %.2f/%.2f", unshufflePageFeatureNames[i], mean[i], most[i])
		}
		t.Logf("%-10s %3d:%s", k, len(kinds[k]), b.String())
	}
	g := fitGate(t, ps)
	t.Logf("gate %+v", g)
}

// inOrderPages are the pages read in order: the -raw training pages and
// the made pages of stories/train, each as given.
func inOrderPages(t *testing.T) []orderedPage {
	return append(inOrderTraining(t), loadOrdered(t, "stories")...)
}

// inOrderTraining is the -raw training pages (inOrderLines), each line
// followed by the next.
func inOrderTraining(t *testing.T) []orderedPage {
	names, lines := inOrderLines(t)
	var out []orderedPage
	for k, ls := range lines {
		succ := make([]int, len(ls))
		for i := range succ {
			succ[i] = i + 1
		}
		succ[len(succ)-1] = -1
		out = append(out, orderedPage{name: names[k], lines: ls, succ: succ})
	}
	return out
}

// unshuffleGateFolds is how many folds of pages the gate is held out on.
const unshuffleGateFolds = 5

// gateFold is the fold a page is held out in: by its gen page's number
// (made draws and stories of one gen page together), else by its name.
func gateFold(name string) int {
	if n := drawNumber(name); n > 0 {
		return n % unshuffleGateFolds
	}
	h := 0
	for _, r := range name {
		h = (h*31 + int(r)) % 1000003
	}
	return h % unshuffleGateFolds
}

// heldOutPages reads every page with cut and link models that never saw
// it nor any page of its fold: for each fold, the cut model fitted on the
// other folds' made pages, the link model on theirs and their in-order
// pages (linkNeg), at the cut level and keep of the full fit. gateOnly are
// in-order pages read as the gate's negatives alone (stories: mostly in
// order, their headlines drawn apart, no link model's negatives).
func heldOutPages(t *testing.T, made, linkNeg, gateOnly []orderedPage, cutAt, keep float64) []shufflePage {
	var out []shufflePage
	for k := range unshuffleGateFolds {
		in := func(p orderedPage) bool { return gateFold(p.name) == k }
		out_ := func(ps []orderedPage) []orderedPage {
			return slices.DeleteFunc(slices.Clone(ps), in)
		}
		own := func(ps []orderedPage) []orderedPage {
			return slices.DeleteFunc(slices.Clone(ps), func(p orderedPage) bool { return !in(p) })
		}
		c := cutSamplesOf(out_(made))
		cw := c.fit()
		l := linkSamplesOf(slices.Concat(out_(made), out_(linkNeg)), &cw, cutAt)
		lw := l.fit()
		out = append(out, shufflePagesOf(own(made), slices.Concat(own(linkNeg), own(gateOnly)), &cw, &lw, cutAt, keep)...)
	}
	return out
}

// fitGate fits the page classifier on ps, the pages assign reorders
// (read held out: heldOutPages): a made page, drawn shuffled, against an
// in-order page. (Fitted, with the greedy chain, on made pages it
// mended, more lines followed by their successor, against the rest, it let
// fewer through: 50 of 174 in place of 79, +62 lines in place of +89.)
// Its level is the highest score of an in-order page held out a second
// time (the classifier fitted on the other folds): no in-order page of
// these passes it.
func fitGate(t *testing.T, ps []shufflePage) pageGate {
	ps = slices.DeleteFunc(slices.Clone(ps), func(p shufflePage) bool { return p.f[upTaken] == 0 })
	label := func(p shufflePage) bool { return p.shuffled }
	fit := func(keep func(shufflePage) bool) pageVec {
		var xs [][]float64
		var ys []bool
		var ws []float64
		for _, p := range ps {
			if !keep(p) {
				continue
			}
			x := p.f
			xs = append(xs, x[:])
			ys = append(ys, label(p))
			ws = append(ws, 1)
		}
		var w pageVec
		copy(w[:], fitLogisticN(xs, ys, ws, numPageFeatures, 12, 1))
		return w
	}
	most := math.Inf(-1)
	held := make([]float64, len(ps))
	for k := range unshuffleGateFolds {
		w := fit(func(p shufflePage) bool { return gateFold(p.name) != k })
		for i, p := range ps {
			if gateFold(p.name) == k {
				held[i] = w.score(&p.f)
				if !p.shuffled {
					most = max(most, held[i])
				}
			}
		}
	}
	// The gain's level: above every in-order page's gain held out.
	mostGain := math.Inf(-1)
	for _, p := range ps {
		if !p.shuffled {
			mostGain = max(mostGain, p.f.gain())
		}
	}
	var worst []string
	for i, p := range ps {
		if !p.shuffled {
			worst = append(worst, fmt.Sprintf("%s %.2f/%.2f", p.name, held[i], p.f.gain()))
		}
	}
	t.Logf("in-order pages assign reorders, held out (page classifier's score/gain): %v", worst)
	for _, c := range []struct {
		label string
		pass  func(i int) bool
	}{
		{"gain", func(i int) bool { return ps[i].f.gain() > mostGain }},
		{"page classifier", func(i int) bool { return held[i] > most }},
		{"either", func(i int) bool { return ps[i].f.gain() > mostGain || held[i] > most }},
	} {
		passed, help, hurt, made, helpAll := 0, 0, 0, 0, 0
		for i, p := range ps {
			if !p.shuffled {
				continue
			}
			made++
			helpAll += p.help
			if c.pass(i) {
				passed++
				help += p.help
				if p.help < 0 {
					hurt++
				}
			}
		}
		t.Logf("gate held out, %s (levels %.2f, %.2f log-odds): %d of %d made pages assign reorders pass (%d made worse), lines followed by their successor %+d (all %+d)", c.label, most, mostGain, passed, made, hurt, help, helpAll)
	}
	return pageGate{w: fit(func(shufflePage) bool { return true }), level: most, gain: mostGain}
}

// TestUnshuffleGateLinks prints the junctions assign takes on the
// in-order pages: DUBAO_GATE_LINKS=1 go test ./parse -run TestUnshuffleGateLinks -v
func TestUnshuffleGateLinks(t *testing.T) {
	if os.Getenv("DUBAO_GATE_LINKS") == "" {
		t.Skip()
	}
	for _, p := range inOrderPages(t) {
		st := newShuffleText(p.lines)
		bs := blocksAt(len(p.lines), st.cutScores(&unshuffleCutWeights), unshuffleCutLogOdds)
		if len(bs) < 3 {
			continue
		}
		links := st.links(bs, &unshuffleLinkWeights)
		order, gain := st.assign(bs, links, unshuffleKeepLogOdds)
		for k := 0; k+1 < len(order); k++ {
			i, j := order[k], order[k+1]
			if j != i+1 && i+1 < len(p.lines) {
				t.Logf("%s gain %.2f: %5.1f %q\n   -> %5.1f %q\n   given %5.1f %q cut %.2f", p.name, gain, p.lines[i].em, p.lines[i].text, p.lines[j].em, p.lines[j].text, p.lines[i+1].em, p.lines[i+1].text, st.cut[i])
			}
		}
	}
}
