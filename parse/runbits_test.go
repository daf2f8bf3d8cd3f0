package parse

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestRunBitsEchoAsSets: the echo of any part of a headline run, read in
// the run's bits, is the echo read in sets (runGrams, echoMax), on random
// runs of up to 70 lines (past maxHeadlineLines) of up to 100 pairs each,
// and paragraphs that share some of them.
func TestRunBitsEchoAsSets(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 6))
	set := func(n, of int) bigramSet {
		var s bigramSet
		for range n {
			s = append(s, 1<<32|bigram(rng.IntN(of))) // a pair of runes 0 is none the dict holds
		}
		slices.Sort(s)
		return slices.Compact(s)
	}
	var dict bigramDict
	dict.reset(0)
	// grams is a paragraph's set of pairs as a unit holds it.
	grams := func(set bigramSet) gramSet {
		g := gramSet{dict: &dict, size: len(set)}
		for _, b := range set {
			g.ids = append(g.ids, dict.number(b))
		}
		slices.Sort(g.ids)
		return g
	}
	for round := range 300 {
		of := 20 + rng.IntN(400) // how many pairs there are to draw from
		lines := 1 + rng.IntN(70)
		var us []unit
		if round%2 == 1 {
			us = append(us, unit{grams: grams(set(rng.IntN(30), of))}) // a paragraph before the run
		}
		start := len(us)
		for range lines {
			us = append(us, unit{head: true, headGrams: set(rng.IntN(100), of)})
		}
		for range 1 + rng.IntN(4) {
			us = append(us, unit{grams: grams(set(rng.IntN(200), of))})
		}
		rf := &rowFacts{runStart: make([]int, len(us)), runEnd: make([]int, len(us)), bits: map[int]*runBits{}}
		for k := range us {
			rf.runStart[k], rf.runEnd[k] = k, k+1
			if us[k].head {
				rf.runStart[k], rf.runEnd[k] = start, start+lines
			}
		}
		var paras []int
		for k := range us {
			if !us[k].head {
				paras = append(paras, k)
			}
		}
		for range 20 {
			i := start + rng.IntN(lines)
			j := i + 1 + rng.IntN(start+lines-i)
			ps := paras[:rng.IntN(len(paras)+1)]
			r := rf.runBits(us, i)
			got := r.echoMax(r.of(i, min(j, i+maxHeadlineLines)), us, ps)
			if want := echoMax(runGrams(us, i, j), us, ps); got != want {
				t.Fatalf("round %d, lines [%d, %d) of %d, paragraphs %v: %v in bits, %v in sets", round, i, j, lines, ps, got, want)
			}
		}
	}
}
