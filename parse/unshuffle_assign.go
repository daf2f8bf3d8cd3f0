package parse

import "math"

// The unshuffle pass's decoder: which block follows which, decided for all
// the page's block ends at once.
//
// Measured against the greedy chain it replaces (chain, in
// unshuffle_train_test.go: loose junctions taken best first), on the full
// made pages of g001–g060 with their true blocks and a link model fitted
// on them (TestUnshuffleRanks), junctions right 336 → 574 of 4,370 at a
// keep of 0 (470 → 768 at -2), where the link model ranks the true start
// first for 1,871 ends; since looseSides took paragraphs' junctions too,
// 503 → 806 (698 → 1,017 at -2). With the cut model's blocks, all
// refitted held out (fitted on the draws of g001–g045, the draws of
// g046–g060 scored with score.sh, articles/titles/body_cer/para_f1): full
// 0.114/0.174/1.439/0.205 → 0.122/0.194/1.340/0.236, spread1
// 0.278/0.365/0.873/0.516 → 0.299/0.391/0.848/0.523; the gate passes 142
// of 198 made pages the decoder reorders held out, in place of 78 of 140.
// The paths read in another order — each followed by the path starting
// with the block after its last where one does — scored full
// 0.124/0.179/1.356/0.228, spread1 0.296/0.388/0.845/0.526: no better,
// and a rule more. The junctions as given weighed twice the cut model's
// odds: full 0.122/0.185/1.341/0.242, spread1 0.293/0.391/0.842/0.528;
// half: 0.121/0.182/1.389/0.215, 0.299/0.388/0.850/0.521. The keep the
// trainer picks is 0; fixed at -1: full 0.127/0.188/1.356/0.252, spread1
// 0.287/0.382/0.848/0.529; at 1: 0.115/0.162/1.410/0.212,
// 0.298/0.400/0.823/0.538 — each better on one set, worse on the other.

// unshuffleMaxAssign bounds the block ends, and the starts, that the
// assignment weighs (assignSides): the Hungarian method takes the cube of
// their number in steps, where unshuffleMaxPairs alone lets through a
// text of one loose end and 5,000 loose starts. About four times the most
// of any page the pass reads — 23, on a made page of full/train, of the
// 950 -raw training pages (TestUnshuffleBoundsLinks fails should one come
// within half of it). A page with more keeps its order.
const unshuffleMaxAssign = 100

// assign gives each block's end at most one successor's start, all at
// once: the assignment of ends to starts that sums the most weight, a
// loose junction weighing its log-odds less keep, a junction as given the
// cut model's log-odds that it holds (0 at least), and an end given no
// successor 0. Rings are cut after their weakest junction, and the paths
// read in the order their first blocks stand, from the one that holds the
// page's first block. It returns the lines' order and how much the loose
// junctions taken gain over the junctions as given the order parts
// (their log-odds less the parted ones', 0 at least), or nil when it
// takes none.
func (st *shuffleText) assign(bs []shuffleBlock, links []shuffleLink, keep float64) ([]int, float64) {
	nb := len(bs)
	given := make([]float64, nb) // the weight of the junction as given after each block
	for x := range nb - 1 {
		given[x] = math.Max(0, -st.cut[bs[x].last])
	}
	row, col, rows, cols := assignSides(nb, links, keep)
	if len(rows) == 0 || len(rows) > unshuffleMaxAssign || len(cols) > unshuffleMaxAssign {
		return nil, 0
	}
	w := make([][]float64, len(rows))
	for r, x := range rows {
		w[r] = make([]float64, len(cols))
		if x+1 < nb {
			w[r][col[x+1]] = given[x] // assignSides makes the block after a row's a column
		}
	}
	for _, l := range links {
		if v := l.s - keep; v > 0 {
			r, c := row[l.from], col[l.to]
			w[r][c] = math.Max(w[r][c], v)
		}
	}
	next, prev := make([]int, nb), make([]int, nb)
	weight := make([]float64, nb) // the weight of the junction after each block
	for k := range next {
		next[k], prev[k] = -1, -1
	}
	for r, c := range maxAssignment(w) {
		if c >= 0 && w[r][c] > 0 {
			x, y := rows[r], cols[c]
			next[x], prev[y], weight[x] = y, x, w[r][c]
		}
	}
	// An end no loose junction worth taking touches keeps its junction as
	// given (the block after it is no column: no row's successor).
	for x := range nb - 1 {
		if row[x] < 0 && given[x] > 0 {
			next[x], prev[x+1], weight[x] = x+1, x, given[x]
		}
	}
	// Each block has one successor and one predecessor at most, so what
	// is no path is a ring: cut after its weakest junction.
	seen := make([]bool, nb)
	for k := range nb {
		if seen[k] {
			continue
		}
		b := k
		for b >= 0 && !seen[b] {
			seen[b] = true
			b = next[b]
		}
		if b != k {
			continue // a path, or a ring met from its first member
		}
		weakest := k
		for c := next[k]; c != k; c = next[c] {
			if weight[c] < weight[weakest] {
				weakest = c
			}
		}
		prev[next[weakest]] = -1
		next[weakest] = -1
	}
	// The paths, the first block's first.
	order := make([]int, 0, len(st.lines))
	head := 0
	for prev[head] >= 0 {
		head = prev[head]
	}
	order = appendPath(order, bs, next, head)
	for k := range nb {
		if prev[k] < 0 && k != head {
			order = appendPath(order, bs, next, k)
		}
	}
	// The gain.
	at := orderPositions(order, len(st.lines))
	follows := func(x, y int) bool { return at[bs[y].first] == at[bs[x].last]+1 }
	linkS := linkScores(links) // a successor given that is not the block after is a link's
	gain, taken := 0.0, 0
	// A link a path takes is read as it is: appendPath reads a path's blocks
	// one after the other.
	for x, y := range next {
		if s, ok := linkS[[2]int{x, y}]; ok {
			taken++
			gain += s
		}
	}
	if taken == 0 {
		return nil, 0
	}
	// Every junction as given the order parts: those a link taken parts,
	// and one a ring was cut after, which the ring's links part as surely
	// (counting only the first let a ring's gain stand above its order's).
	for x := range nb - 1 {
		if !follows(x, x+1) {
			gain -= given[x]
		}
	}
	return order, gain
}

// appendPath appends to order the lines of the path of blocks that starts
// at block h and follows next (-1: the path's end).
func appendPath(order []int, bs []shuffleBlock, next []int, h int) []int {
	for b := h; b >= 0; b = next[b] {
		for i := bs[b].first; i <= bs[b].last; i++ {
			order = append(order, i)
		}
	}
	return order
}

// assignSides gives the assignment's rows and columns (rows, cols: blocks)
// and each block's row and column (-1: none): the ends a loose junction
// worth taking leaves (its log-odds above keep) and the starts it reaches,
// and the ends and starts of the junctions as given that it would part.
func assignSides(nb int, links []shuffleLink, keep float64) (row, col, rows, cols []int) {
	row, col = make([]int, nb), make([]int, nb)
	for k := range row {
		row[k], col[k] = -1, -1
	}
	add := func(of []int, list *[]int, x int) {
		if x >= 0 && x < nb && of[x] < 0 {
			of[x] = len(*list)
			*list = append(*list, x)
		}
	}
	for _, l := range links {
		if l.s-keep > 0 {
			add(row, &rows, l.from)
			add(row, &rows, l.to-1)
			add(col, &cols, l.to)
			add(col, &cols, l.from+1)
		}
	}
	return row, col, rows, cols
}
