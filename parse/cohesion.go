package parse

import "math"

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
	df := map[bigram]int{}
	for k := range us {
		if us[k].head {
			continue
		}
		s := bigramsOf(clip(us[k].text, cohesionRunes, false))
		for _, b := range s {
			df[b]++
		}
		order, sets = append(order, k), append(sets, s)
	}
	if len(order) < 2*cohesionParas {
		return out
	}
	n := float64(len(order))
	weight := func(b bigram) float64 {
		return math.Log(n / float64(df[b]))
	}
	// side is the pairs of paragraphs [from, to) that weigh anything, in
	// order, so that sums are made in one order on every run.
	side := func(from, to int) (bigramSet, float64) {
		from, to = max(0, from), min(len(sets), to)
		var u bigramSet
		for _, s := range sets[max(0, from):min(len(sets), to)] {
			u = union(u, s)
		}
		out, mass := u[:0], 0.0
		for _, b := range u {
			if w := weight(b); w > 0 {
				out, mass = append(out, b), mass+w
			}
		}
		return out, mass
	}
	// beside reports whether paragraphs n and n+1 stand with no
	// headline-like line between them.
	beside := func(n int) bool { return order[n+1] == order[n]+1 }
	for i := 1; i < len(order); i++ {
		from, to := i-1, i+1
		for from > max(0, i-cohesionParas) && beside(from-1) {
			from--
		}
		for to < min(len(order), i+cohesionParas) && beside(to-1) {
			to++
		}
		a, ma := side(from, i)
		b, mb := side(i, to)
		shared := 0.0
		for x, y := 0, 0; x < len(a) && y < len(b); {
			switch {
			case a[x] < b[y]:
				x++
			case a[x] > b[y]:
				y++
			default:
				shared += weight(a[x])
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
