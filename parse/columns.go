package parse

import "math"

// Column widths. A page sets its articles in columns of different widths
// (13 to 19 characters, fewer beside a picture). The width of the column a
// line is set in is estimated from its neighbours: most lines of a column
// are full, so the common length of the lines around it is the width.

// widthWindow is how many neighbouring lines on each side are looked at.
const widthWindow = 6

// A colWidth is what the neighbours of one line say about its column.
type colWidth struct {
	here   float64 // the width around the line, itself included
	before float64 // the width of the lines just before it
	after  float64 // the width of the lines just after it
}

// slack is how far short of its column a full line may fall: the line
// breaker pushes a character down to keep punctuation off a line's start,
// and a full line then holds one character fewer, justified wide.
const slack = 1.6

// columnWidths estimates the column width of every line that takes part
// (use[i]), from the lines' printed widths (ems); the others get zero. A
// barrier line (a headline) parts the columns before it from those after:
// no window reaches across it.
func columnWidths(ems []float64, use, barrier []bool) []colWidth {
	return columnWidthsAgain(ems, use, barrier, nil)
}

// A widthMemo keeps a page's column widths for its next estimate, made
// when a few of its lines have changed (findHeadLines measures again
// without the headlines it found): a line whose window holds the same lines
// as before, none of them changed, keeps its widths.
//
// It also keeps the room of the estimate before that one (spare) and the
// room an estimate only works in (work), for the next estimate to write
// in place of allocating: a page is measured two to five times, and the
// memo of one page, emptied (forget), serves the next (echoMemo).
type widthMemo struct {
	widthEstimate
	spare   widthEstimate
	work    []int   // columnWidthsAgain's idx, seg, q and c
	count   []int32 // its changed
	tallies []int32 // its tallies' counts (newTallies)
}

// A widthEstimate is one estimate of a page's column widths and what it
// was made of.
type widthEstimate struct {
	ems          []float64
	use, barrier []bool
	span         [][2]int32 // the first and last line of each used line's windows; -1s for the others
	out          []colWidth
}

// forget empties m of its page, keeping its room.
func (m *widthMemo) forget() {
	m.spare.ems = m.spare.ems[:0] // any length, so that no estimate is taken for this one
	m.ems = m.ems[:0]
}

// inputs returns room for the ems, use and barrier of an estimate of n
// lines: the spare estimate's, which the next estimate no longer needs.
// Only the lengths are set; the caller writes every element.
func (m *widthMemo) inputs(n int) ([]float64, []bool, []bool) {
	e := &m.spare
	e.ems = grown(e.ems, n)
	e.use = grown(e.use, n)
	e.barrier = grown(e.barrier, n)
	return e.ems, e.use, e.barrier
}

// grown is s with length n, its room kept when it has enough; the
// elements are not cleared.
func grown[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// columnWidthsAgain is columnWidths, taking the widths that have not
// changed from m, the estimate before, and keeping this one in m for the
// next. m may be nil; when not, the widths returned are m's room, which the
// estimate after the next one writes again.
func columnWidthsAgain(ems []float64, use, barrier []bool, m *widthMemo) []colWidth {
	// The used lines in order, each with its segment number, its length
	// in quarter ems (q) and its length's nearest half em (c, in quarters
	// too): the candidates for a column width. A window of lines is then a
	// run of these.
	n := 0
	for i := range ems {
		if use[i] {
			n++
		}
	}
	var room []int // the four in one allocation
	if m != nil {
		m.work = grown(m.work, 4*n)
		room = m.work
	} else {
		room = make([]int, 4*n)
	}
	idx, seg, q, c := room[:0:n], room[n:n:2*n], room[2*n:2*n:3*n], room[3*n:3*n]
	s := 0
	for i, em := range ems {
		if barrier != nil && barrier[i] {
			s++
		}
		if use[i] {
			idx = append(idx, i)
			seg = append(seg, s)
			q = append(q, quarterOf(em))
			c = append(c, 2*int(math.Round(em*2)))
		}
	}
	var out []colWidth
	if m != nil {
		m.spare.out = grown(m.spare.out, len(ems))
		out = m.spare.out
		clear(out)
	} else {
		out = make([]colWidth, len(ems))
	}
	// changed[i] counts the lines before line i that changed since the
	// estimate in m, when there is one.
	var changed []int32
	if m != nil && len(m.ems) == len(ems) {
		m.count = grown(m.count, len(ems)+1)
		changed = m.count
		changed[0] = 0
		for i := range ems {
			changed[i+1] = changed[i]
			if ems[i] != m.ems[i] || use[i] != m.use[i] || barrier[i] != m.barrier[i] {
				changed[i+1]++
			}
		}
	}
	var span [][2]int32
	if m != nil {
		m.spare.span = grown(m.spare.span, len(ems))
		span = m.spare.span
		for i := range span {
			span[i] = [2]int32{-1, -1}
		}
	}
	// The windows only ever move down the page: each is tallied as it
	// slides, the lines it reaches added and those it leaves dropped.
	var tallyRoom *[]int32
	if m != nil {
		tallyRoom = &m.tallies
	}
	ts := newTallies(q, c, tallyRoom)
	here, before, after := &ts[0], &ts[1], &ts[2]
	for k, i := range idx {
		lo, hi := max(0, k-widthWindow), min(len(idx), k+widthWindow+1)
		for lo < k && seg[lo] != seg[k] {
			lo++
		}
		for hi > k+1 && seg[hi-1] != seg[k] {
			hi--
		}
		// Near the top or the foot of a column run, look further the other
		// way: a few short last lines must not make the column look narrow.
		for hi-lo < 2*widthWindow+1 && lo > 0 && seg[lo-1] == seg[k] {
			lo--
		}
		for hi-lo < 2*widthWindow+1 && hi < len(idx) && seg[hi] == seg[k] {
			hi++
		}
		if span != nil {
			span[i] = [2]int32{int32(idx[lo]), int32(idx[hi-1])}
		}
		if changed != nil && m.span[i] == span[i] && changed[span[i][1]+1] == changed[span[i][0]] {
			// The same lines, unchanged: the same widths.
			out[i] = m.out[i]
			continue
		}
		out[i].here = here.common(lo, hi)
		out[i].before = out[i].here
		if k-lo >= 3 {
			out[i].before = before.common(lo, k)
		}
		out[i].after = out[i].here
		if hi-k-1 >= 3 {
			out[i].after = after.common(k+1, hi)
		}
	}
	if m != nil {
		// This estimate is the memo's now, and the one before is spare.
		before := m.widthEstimate
		m.widthEstimate = widthEstimate{ems: ems, use: use, barrier: barrier, span: span, out: out}
		m.spare = before
	}
	return out
}

// A tally counts the lengths of a window of lines, lines lo to hi
// (exclusive) of q and c (as columnWidths has them), for a window that only
// moves forward: moving, it adds the lines it reaches and drops those it
// leaves, and a candidate's support is then five counts added up.
type tally struct {
	q, c    []int
	lo, hi  int
	base    int     // the shortest length counted, less two
	lengths []int32 // how many lines of the window are of each length (q − base)
	cands   []int32 // how many have each candidate (c − base)
	live    []int   // the candidates the window has
	at      []int32 // where each candidate is in live, plus one; 0 when it is not
}

// maxTally bounds a tally's counts, in quarter ems between the shortest
// and the longest line: the lines of a page with a line longer than any
// column (a few hundred ems) are counted by commonOf, window by window.
const maxTally = 4096

// newTallies makes three empty tallies of the lines q, c (a line's own
// window, and the parts before and after it), which share their bounds,
// found once. room, when not nil, is room for their counts, kept for the
// next tallies.
func newTallies(q, c []int, room *[]int32) *[3]tally {
	ts := &[3]tally{{q: q, c: c}, {q: q, c: c}, {q: q, c: c}}
	if len(q) == 0 {
		return ts
	}
	lo, hi := q[0], q[0]
	for k := range q {
		lo, hi = min(lo, q[k], c[k]-2), max(hi, q[k], c[k]+2)
	}
	if hi-lo < maxTally {
		n := hi - lo + 1
		var counts []int32 // the nine in one allocation
		if room != nil {
			*room = grown(*room, 9*n)
			counts = *room
			clear(counts)
		} else {
			counts = make([]int32, 9*n)
		}
		for k := range ts {
			r := counts[3*k*n : 3*(k+1)*n : 3*(k+1)*n]
			ts[k].base, ts[k].lengths, ts[k].cands, ts[k].at = lo, r[:n:n], r[n:2*n:2*n], r[2*n:]
		}
	}
	return ts
}

// common moves the window to lines lo to hi and returns commonOf of them.
func (t *tally) common(lo, hi int) float64 {
	if t.lengths == nil {
		return commonOf(t.q[lo:hi], t.c[lo:hi])
	}
	for ; t.hi < hi; t.hi++ {
		t.add(t.hi)
	}
	for ; t.lo < lo; t.lo++ {
		t.drop(t.lo)
	}
	best, support := 0, 0
	for _, v := range t.live {
		i := v - t.base
		n := int(t.lengths[i-2] + t.lengths[i-1] + t.lengths[i] + t.lengths[i+1] + t.lengths[i+2])
		if n > support || n == support && v > best {
			best, support = v, n
		}
	}
	return float64(best) / 4
}

func (t *tally) add(k int) {
	t.lengths[t.q[k]-t.base]++
	v := t.c[k] - t.base
	if t.cands[v]++; t.cands[v] == 1 {
		t.live = append(t.live, t.c[k])
		t.at[v] = int32(len(t.live))
	}
}

func (t *tally) drop(k int) {
	t.lengths[t.q[k]-t.base]--
	v := t.c[k] - t.base
	if t.cands[v]--; t.cands[v] == 0 {
		i := t.at[v] - 1 // move the last live candidate into its place
		last := t.live[len(t.live)-1]
		t.live[i], t.at[last-t.base] = last, i+1
		t.live, t.at[v] = t.live[:len(t.live)-1], 0
	}
}

// commonOf is commonWidth over lines whose lengths are already in quarter
// ems (q) and rounded to half ems (c, also in quarters, so even).
func commonOf(q, c []int) float64 {
	best, support := 0, 0
	// Most lines of a column are full: the same candidate comes again and
	// again, and its support does not change. seen marks the candidates
	// within 32 half ems of the first that are counted already; one
	// further away is counted each time it comes.
	var seen uint64
	for _, v := range c {
		if d := (v-c[0])/2 + 32; d >= 0 && d < 64 {
			if seen&(1<<d) != 0 {
				continue
			}
			seen |= 1 << d
		}
		n := 0
		for _, x := range q {
			if uint(x-v+2) <= 4 { // within half an em: -2 ≤ x-v ≤ 2
				n++
			}
		}
		if n > support || n == support && v > best {
			best, support = v, n
		}
	}
	return float64(best) / 4
}

// sideWidth is the common width of the lines on one side, or, when there
// are too few of them to say, the width around the line.
func sideWidth(ems []float64, here float64) float64 {
	if len(ems) < 3 {
		return here
	}
	return commonWidth(ems)
}

// commonWidth is the length most of ems agree on, within half an em; among
// equally supported lengths the longest, since short lines end paragraphs
// and full ones make the column.
func commonWidth(ems []float64) float64 {
	var qb, cb [2*widthWindow + 1]int // room for a window's lines without allocating
	q, c := qb[:0], cb[:0]
	for _, v := range ems {
		q, c = append(q, quarterOf(v)), append(c, 2*int(math.Round(v*2)))
	}
	return commonOf(q, c)
}

// quarterOf is a length in quarter ems.
func quarterOf(v float64) int {
	return int(math.Round(v * 4))
}
