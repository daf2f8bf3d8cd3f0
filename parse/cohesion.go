package parse

import (
	"math"
	"slices"
	"sync"
)

// Cohesion: how far the text on either side of a gap keeps to one subject.
// A story's paragraphs come back to the words of its subject — the names,
// places and things it is about — while the next story speaks of others.
// Words here are pairs of ideographs (as in echo.go), each weighed by how
// few of the page's paragraphs use it: a pair in most paragraphs (发展,
// 我们) says nothing of a subject, one in two or three says much. A pair
// in a single paragraph can be shared by none, but it is weighed in the
// side it stands in all the same, so that on a page of a few short
// paragraphs one common pair does not make two sides one subject.

// cohesionParas is how many paragraphs on either side of a gap are read:
// a subhead stands between the last paragraph of one section and the
// first of the next, which may open on a new point of the same subject.
// Beyond the paragraph nearest the gap, a side stops at a headline-like
// line, which may part two stories: on a page of one-paragraph briefs the
// sides would otherwise read the briefs beyond the next headlines.
const cohesionParas = 2

// cohesionRunes is how much of a paragraph is read for its words.
const cohesionRunes = 400

// pageCohesion is, for each paragraph unit k but the first, the cohesion
// of the cohesionParas paragraphs before it with the cohesionParas from it
// (0 to 1: the weight of the pairs both sides hold, over the weight of all
// the lighter side's); 0 for the other units.
func pageCohesion(us []unit) []float64 {
	out := make([]float64, len(us))
	var order []int
	for k := range us {
		if !us[k].head {
			order = append(order, k)
		}
	}
	if len(order) < 2*cohesionParas {
		return out
	}
	sets, weights := rankedPairs(us, order)
	// side is the pairs of paragraphs [from, to) that weigh anything, in
	// order, so that sums are made in one order on every run; it is kept
	// in buf, grown as it needs. The union of the paragraphs' pairs is
	// made in merged, two buffers taken in turn.
	var merged [2]bigramSet
	side := func(from, to int, buf *bigramSet) (bigramSet, float64) {
		var u bigramSet
		for n, s := range sets[max(0, from):min(len(sets), to)] {
			if n == 0 {
				u = s
				continue
			}
			m := &merged[n%2]
			*m = slices.Grow((*m)[:0], len(u)+len(s))
			u = mergeSets(*m, u, s)
		}
		kept, mass := (*buf)[:0], 0.0
		for _, r := range u {
			if w := weights[r]; w > 0 {
				kept, mass = append(kept, r), mass+w
			}
		}
		*buf = kept
		return kept, mass
	}
	// beside reports whether paragraphs n and n+1 stand with no
	// headline-like line between them.
	beside := func(n int) bool { return order[n+1] == order[n]+1 }
	var bufA, bufB bigramSet
	for i := 1; i < len(order); i++ {
		from, to := i-1, i+1
		for from > max(0, i-cohesionParas) && beside(from-1) {
			from--
		}
		for to < min(len(order), i+cohesionParas) && beside(to-1) {
			to++
		}
		a, ma := side(from, i, &bufA)
		b, mb := side(i, to, &bufB)
		shared := 0.0
		for x, y := 0, 0; x < len(a) && y < len(b); {
			switch {
			case a[x] < b[y]:
				x++
			case a[x] > b[y]:
				y++
			default:
				shared += weights[a[x]]
				x++
				y++
			}
		}
		if m := min(ma, mb); m > 0 {
			out[order[i]] = shared / m
		}
	}
	return out
}

// A sitedPair is a pair of ideographs and the paragraph it stands in.
type sitedPair struct {
	b    bigram
	para int32
}

// rankedPairs reads the pairs of ideographs of paragraph units order
// (the first cohesionRunes characters of each) and numbers each by its
// rank among the page's pairs, which keeps every set in the same order:
// it returns each paragraph's set of ranks, sorted, and each rank's
// weight, by how few paragraphs hold its pair (the log of the paragraphs
// over those). The page's pairs are sorted once, with the paragraph each
// stands in (sortSitedPairs), and the sets are gathered from them in
// order, each pair once a paragraph.
func rankedPairs(us []unit, order []int) (sets []bigramSet, weights []float64) {
	texts := make([]string, len(order))
	most := 0 // the pairs the page may hold: each pair ends in an ideograph of three bytes or four
	for n, k := range order {
		texts[n] = clip(us[k].text, cohesionRunes, false)
		most += len(texts[n]) / 3
	}
	sp := sitedPool.Get().(*sitedRoom)
	defer sitedPool.Put(sp)
	pairs := slices.Grow(sp.pairs[:0], most)
	room := make([]int, len(order)) // the pairs each paragraph reads, at most
	for n, s := range texts {
		from := len(pairs)
		for b := range pairsIn(s) {
			pairs = append(pairs, sitedPair{b, int32(n)})
		}
		room[n] = len(pairs) - from
	}
	sp.pairs = pairs
	sp.buf = slices.Grow(sp.buf[:0], len(pairs))[:len(pairs)]
	pairs = sortSitedPairs(pairs, sp.buf)
	flat := make(bigramSet, len(pairs))
	sets = make([]bigramSet, len(order))
	at := 0
	for n := range sets {
		sets[n] = flat[at : at : at+room[n]]
		at += room[n]
	}
	distinct := 0 // the pairs, each counted once: the weights' room
	for i := range pairs {
		if i == 0 || pairs[i].b != pairs[i-1].b {
			distinct++
		}
	}
	weights = make([]float64, 0, distinct)
	paras := float64(len(order))
	for i := 0; i < len(pairs); {
		r := bigram(len(weights))
		held := 0 // the paragraphs that hold the pair
		j := i
		for ; j < len(pairs) && pairs[j].b == pairs[i].b; j++ {
			if n := pairs[j].para; j == i || n != pairs[j-1].para {
				sets[n] = append(sets[n], r)
				held++
			}
		}
		weights = append(weights, math.Log(paras/float64(held)))
		i = j
	}
	return sets, weights
}

// sortSitedPairs sorts pairs by pair, those of one pair in the order they
// came (by paragraph): a radix sort, 11 bits of a rune at a time from the
// lowest, which skips the digits all pairs share. It may sort into buf,
// as long as pairs, and return that.
func sortSitedPairs(pairs, buf []sitedPair) []sitedPair {
	if len(pairs) < 2 {
		return pairs
	}
	const bits = 11
	shifts := [...]uint{0, bits, 32, 32 + bits} // the digits of the second rune, then the first (21 bits each)
	in, out := pairs, buf
	var count [1 << bits]int
	for _, shift := range shifts {
		clear(count[:])
		for _, p := range in {
			count[p.b>>shift&(1<<bits-1)]++
		}
		if count[in[0].b>>shift&(1<<bits-1)] == len(in) {
			continue // one value of this digit for every pair
		}
		sum := 0
		for d, c := range count {
			count[d] = sum
			sum += c
		}
		for _, p := range in {
			d := p.b >> shift & (1<<bits - 1)
			out[count[d]] = p
			count[d]++
		}
		in, out = out, in
	}
	return in
}

// A sitedRoom is room for rankedPairs' pairs and their sort, kept in
// sitedPool from one page's cohesion to the next's.
type sitedRoom struct{ pairs, buf []sitedPair }

var sitedPool = sync.Pool{New: func() any { return new(sitedRoom) }}
