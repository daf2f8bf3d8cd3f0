package parse

import (
	"flag"
	"fmt"
	"go/format"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The trainer. go test ./parse -run TestTrain -train fits the weights of
// every learned decision on the training pages (gen g001–g200 and the same
// pages through pdfminer, the gen issues, and the seed and dev pages) and
// writes weights_gen.go. It never reads the validation pages (gen
// g201–g240) except to report the figures the new weights reach there.

var train = flag.Bool("train", false, "fit the learned weights on the training pages and write weights_gen.go")

// trainingSets are the corpus sets the trainer learns from, and where.
var trainingSets = []struct{ dir, set string }{
	{corpusRoot, "gen"}, {corpusRoot, "gen-miner"}, {corpusRoot, "gen-issue"}, {corpusRoot, "gen-issue-miner"},
	{corpusDir, "seed"}, {corpusDir, "dev"}, {corpusDir, "dev-miner"},
}

func loadTraining(tb testing.TB) []trainPage {
	var out []trainPage
	for _, s := range trainingSets {
		ps, err := loadTrainPages(s.dir, s.set, trainSplit)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, ps...)
	}
	return out
}

// pageWork decodes a page and takes it through the parser's passes up to
// the learned decisions.
func pageWork(tb testing.TB, p trainPage) *work {
	text, _, err := Decode(p.text)
	if err != nil {
		tb.Fatal(err)
	}
	pages := splitPages(text)
	if len(pages) == 0 {
		tb.Fatalf("%s/%s: no page", p.set, p.name)
	}
	return analyseWith(Normalize(pages[0]), false)
}

// A sample is one feature vector and its label.
type sample struct {
	x lineVec
	y bool
	w float64 // how much the sample counts
}

// pageWeight is how much a page's lines count in training: the seed and
// dev pages are few, real and must stay exact, so each counts as many
// generated pages.
func pageWeight(set string) float64 {
	switch set {
	case "seed":
		return 40
	case "dev", "dev-miner":
		return 10
	}
	return 1
}

// fitLogistic fits a logistic regression by Newton's method (iteratively
// reweighted least squares) with a small ridge, deterministic.
func fitLogistic(samples []sample, iters int, ridge float64) lineVec {
	const n = numLineFeatures
	var w lineVec
	for range iters {
		var grad [n]float64
		var hess [n][n]float64
		for i := range samples {
			x := &samples[i].x
			p := sigmoid(score(&w, x))
			y := 0.0
			if samples[i].y {
				y = 1
			}
			r := (p - y) * samples[i].w
			v := p * (1 - p) * samples[i].w
			for a := range n {
				if x[a] == 0 {
					continue
				}
				grad[a] += r * x[a]
				for b := range n {
					hess[a][b] += v * x[a] * x[b]
				}
			}
		}
		for a := range n {
			grad[a] += ridge * w[a]
			hess[a][a] += ridge
		}
		step := solve(hess, grad)
		for a := range n {
			w[a] -= step[a]
		}
	}
	return w
}

// solve solves h·x = g by Gaussian elimination with partial pivoting.
func solve(h [numLineFeatures][numLineFeatures]float64, g [numLineFeatures]float64) [numLineFeatures]float64 {
	const n = numLineFeatures
	for c := range n {
		p := c
		for r := c + 1; r < n; r++ {
			if math.Abs(h[r][c]) > math.Abs(h[p][c]) {
				p = r
			}
		}
		h[c], h[p] = h[p], h[c]
		g[c], g[p] = g[p], g[c]
		for r := c + 1; r < n; r++ {
			f := h[r][c] / h[c][c]
			for k := c; k < n; k++ {
				h[r][k] -= f * h[c][k]
			}
			g[r] -= f * g[c]
		}
	}
	var x [n]float64
	for r := n - 1; r >= 0; r-- {
		s := g[r]
		for k := r + 1; k < n; k++ {
			s -= h[r][k] * x[k]
		}
		x[r] = s / h[r][r]
	}
	return x
}

func predictAll(w *lineVec, samples []sample) []bool {
	out := make([]bool, len(samples))
	for i := range samples {
		out[i] = score(w, &samples[i].x) > 0
	}
	return out
}

// prf says the precision, recall and errors of predictions.
func prf(pred []bool, samples []sample) string {
	tp, fp, fn := 0, 0, 0
	for i, p := range pred {
		switch {
		case p && samples[i].y:
			tp++
		case p:
			fp++
		case samples[i].y:
			fn++
		}
	}
	return fmt.Sprintf("P=%.4f R=%.4f fp=%d fn=%d", float64(tp)/float64(tp+fp), float64(tp)/float64(tp+fn), fp, fn)
}

func accuracy(w *lineVec, samples []sample) float64 {
	ok := 0
	for i := range samples {
		if (score(w, &samples[i].x) > 0) == samples[i].y {
			ok++
		}
	}
	return float64(ok) / float64(len(samples))
}

func TestTrain(t *testing.T) {
	if !*train {
		t.Skip("go test ./parse -run TestTrain -train fits the weights")
	}
	if _, err := os.Stat(filepath.Join(corpusRoot, "gen")); err != nil {
		t.Skip("no ../shared/corpus beside the repository")
	}
	pages := loadTraining(t)
	var heads, starts []sample
	var works []*work
	var labs [][]labelled
	var ruleHeads, ruleStarts []bool
	for _, p := range pages {
		w := pageWork(t, p)
		labels := labelLines(w.ps, p.gold)
		works = append(works, w)
		labs = append(labs, labels)
		for i, l := range labels {
			switch l.label {
			case lbNone:
				continue
			case lbHead, lbStart, lbCont, lbByline:
			}
			isHead := l.label == lbHead
			heads = append(heads, sample{x: w.feats[i], y: isHead, w: pageWeight(p.set)})
			ruleHeads = append(ruleHeads, w.rules.head[i] || w.rules.block[i])
			if l.label == lbStart || l.label == lbCont {
				starts = append(starts, sample{x: w.feats[i], y: l.label == lbStart, w: pageWeight(p.set)})
				ruleStarts = append(ruleStarts, w.rules.start[i])
			}
		}
	}
	t.Logf("%d pages, %d lines, %d body lines", len(pages), len(heads), len(starts))
	wh1 := fitLogistic(heads, 12, 1)
	heads = heads[:0]
	for n, w := range works {
		addNeighbours(w.ps, w.feats, &wh1)
		for i, l := range labs[n] {
			if l.label != lbNone {
				heads = append(heads, sample{x: w.feats[i], y: l.label == lbHead, w: pageWeight(pages[n].set)})
			}
		}
	}
	t.Logf("head pass 1: %s", prf(predictAll(&wh1, heads), heads))
	wh := fitLogistic(heads, 12, 1)
	ws := fitLogistic(starts, 12, 1)
	if os.Getenv("DUBAO_SHOW") != "" {
		shown := 0
		for n, p := range pages[:80] {
			w, labels := works[n], labs[n]
			for i, l := range labels {
				if l.label == lbNone || shown > 80 {
					continue
				}
				isHead := l.label == lbHead
				got := score(&wh, &w.feats[i]) > 0
				if got != isHead {
					shown++
					pv, nx := "", ""
					if j := prevTextPiece(w.ps, i); j >= 0 {
						pv = w.ps[j].text
					}
					if j := nextTextPiece(w.ps, i); j >= 0 {
						nx = w.ps[j].text
					}
					var on []string
					for k, v := range w.feats[i] {
						if v != 0 {
							on = append(on, fmt.Sprintf("%s=%.2g", lineFeatureNames[k], v))
						}
					}
					t.Logf("%v score=%.2f role=%d", on, score(&wh, &w.feats[i]), w.ps[i].role)
					t.Logf("%s/%s gold head=%v em=%.1f w=%.1f/%.1f/%.1f %q | prev %q | next %q", p.set, p.name, isHead, w.ps[i].em, w.ps[i].width.before, w.ps[i].width.here, w.ps[i].width.after, w.ps[i].text, pv, nx)
				}
			}
		}
	}
	t.Logf("head: rules %s learned %s", prf(ruleHeads, heads), prf(predictAll(&wh, heads), heads))
	t.Logf("start: rules %s learned %s", prf(ruleStarts, starts), prf(predictAll(&ws, starts), starts))
	paragraphStartWeights = ws
	figures := validationFigures(t)
	for _, f := range figures {
		t.Log(f)
	}
	writeWeights(t, "weights_gen.go", len(pages), figures, []namedWeights{
		{"paragraphStartWeights", "scores a body line as a paragraph's first line (roles.go)", ws},
	})
	_ = fmt.Sprint
}

func prevTextPiece(ps []piece, i int) int {
	for j := i - 1; j >= 0; j-- {
		if isTextPiece(&ps[j]) {
			return j
		}
	}
	return -1
}

type namedWeights struct {
	name, doc string
	w         lineVec
}

// validationFigures scores the validation pages (gen g201–g240 through
// both extractors) with the weights in force, as paperscore would.
func validationFigures(t *testing.T) []string {
	var out []string
	for _, set := range []string{"gen", "gen-miner"} {
		pages, err := loadTrainPages(corpusRoot, set, validSplit)
		if err != nil {
			t.Fatal(err)
		}
		var tot scoreCounts
		for _, p := range pages {
			gold, err := os.ReadFile(filepath.Join(corpusRoot, set, p.name+".gold.json"))
			if err != nil {
				t.Fatal(err)
			}
			g, err := loadScored(gold)
			if err != nil {
				t.Fatal(err)
			}
			q, err := loadScored(predict(t, corpusPage{set: set, name: p.name, text: p.text, gold: gold}))
			if err != nil {
				t.Fatal(err)
			}
			tot.add(scorePage(g, q))
		}
		out = append(out, fmt.Sprintf("%s g201–g240 (%d pages): %s", set, len(pages), tot.metrics().scoreLine()))
	}
	return out
}

// writeWeights writes the generated weights file.
func writeWeights(t *testing.T, path string, pages int, figures []string, ws []namedWeights) {
	var b strings.Builder
	b.WriteString("// Code generated by go test ./parse -run TestTrain -train; DO NOT EDIT.\n//\n")
	fmt.Fprintf(&b, "// Fitted on %d training pages: gen g001–g200 and the same pages through\n", pages)
	b.WriteString("// pdfminer (gen-miner), the gen issues through both extractors, and the seed\n")
	b.WriteString("// and dev pages (testdata/corpus). Never on gen g201–g240, where they reach:\n//\n")
	for _, f := range figures {
		fmt.Fprintf(&b, "//\t%s\n", f)
	}
	b.WriteString("\npackage parse\n")
	for _, w := range ws {
		fmt.Fprintf(&b, "\n// %s %s.\nvar %s = lineVec{\n", w.name, w.doc, w.name)
		for k, v := range w.w {
			if v != 0 {
				fmt.Fprintf(&b, "\tlf%s: %.6f,\n", strings.ToUpper(lineFeatureNames[k][:1])+lineFeatureNames[k][1:], v)
			}
		}
		b.WriteString("}\n")
	}
	src, err := format.Source([]byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, src, 0o644); err != nil {
		t.Fatal(err)
	}
}
