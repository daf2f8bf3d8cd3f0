package parse

import (
	"math"
	"slices"
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
	var sets []bigramSet
	total := 0
	for k := range us {
		if us[k].head {
			continue
		}
		s := bigramsOf(clip(us[k].text, cohesionRunes, false))
		order, sets = append(order, k), append(sets, s)
		total += len(s)
	}
	if len(order) < 2*cohesionParas {
		return out
	}
	// Each pair is numbered by its rank among the page's pairs, which
	// keeps every set in the same order, and weighed once: a set of ranks
	// is read as the set of its pairs.
	all := make(bigramSet, 0, total)
	for _, s := range sets {
		all = append(all, s...)
	}
	slices.Sort(all)
	n := float64(len(order))
	var weights []float64
	keys := all[:0]
	for i := 0; i < len(all); {
		j := i + 1
		for j < len(all) && all[j] == all[i] {
			j++
		}
		keys = append(keys, all[i])
		weights = append(weights, math.Log(n/float64(j-i)))
		i = j
	}
	for _, s := range sets {
		for x, b := range s {
			r, _ := slices.BinarySearch(keys, b)
			s[x] = bigram(r)
		}
	}
	// side is the pairs of paragraphs [from, to) that weigh anything, in
	// order, so that sums are made in one order on every run; it is kept
	// in buf, grown as it needs.
	side := func(from, to int, buf *bigramSet) (bigramSet, float64) {
		var u bigramSet
		for _, s := range sets[max(0, from):min(len(sets), to)] {
			if u == nil {
				u = s
			} else {
				u = union(u, s)
			}
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
