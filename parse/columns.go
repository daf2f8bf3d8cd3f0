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
//
// With a memo, the widths of windows the last call with that memo measured
// are taken from it (see widthMemo).
func columnWidths(ems []float64, use, barrier []bool, memo *widthMemo) []colWidth {
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
	idx := make([]int, 0, n)
	seg := make([]int, 0, n)
	q := make([]int, 0, n)
	c := make([]int, 0, n)
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
	out := make([]colWidth, len(ems))
	known := memo != nil && memo.knows(ems, use)
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
		var was memoLine // the windows around line i the memo knows
		if known {
			was = memo.lines[i]
		}
		now := memoLine{here: windowKey{idx[lo], idx[hi-1], hi - lo}, width: was.width}
		if now.here != was.here {
			now.width.here = commonOf(q[lo:hi], c[lo:hi])
		}
		if k-lo < 3 {
			now.width.before = now.width.here
		} else if now.before = (windowKey{idx[lo], idx[k-1], k - lo}); now.before != was.before {
			now.width.before = commonOf(q[lo:k], c[lo:k])
		}
		if hi-k-1 < 3 {
			now.width.after = now.width.here
		} else if now.after = (windowKey{idx[k+1], idx[hi-1], hi - k - 1}); now.after != was.after {
			now.width.after = commonOf(q[k+1:hi], c[k+1:hi])
		}
		out[i] = now.width
		if memo != nil {
			memo.lines[i] = now
		}
	}
	return out
}

// A widthMemo remembers the widths columnWidths measured, window by
// window, for a later call on the same lines with some of them left out:
// headline finding measures the page again without the headlines it found,
// and most windows are then as they were. A window is known by its first
// and last line and how many lines it holds; with lines only ever left
// out, never taken in, the same three mean the same lines, and the same
// width.
type widthMemo struct {
	ems   []float64  // the lengths of the lines measured
	use   []bool     // the lines that took part
	lines []memoLine // for each line that took part, its windows and widths
}

// A windowKey names a window of lines: its first and last, and how many.
type windowKey struct{ first, last, n int }

// A memoLine is what columnWidths measured around one line: the window
// around it (here) and those before and after it, each named when it was
// measured on its own (three lines or more), and the widths.
type memoLine struct {
	here, before, after windowKey
	width               colWidth
}

// knows reports whether the memo speaks of the lines ems, of which use
// take part, and remembers them for the call about to measure them.
func (m *widthMemo) knows(ems []float64, use []bool) bool {
	known := len(m.ems) == len(ems)
	for i := 0; known && i < len(ems); i++ {
		known = m.ems[i] == ems[i] && (m.use[i] || !use[i])
	}
	if !known {
		m.lines = make([]memoLine, len(ems))
	}
	m.ems, m.use = ems, use
	return known
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
	q := make([]int, len(ems))
	c := make([]int, len(ems))
	for i, v := range ems {
		q[i], c[i] = quarterOf(v), 2*int(math.Round(v*2))
	}
	return commonOf(q, c)
}

// quarterOf is a length in quarter ems.
func quarterOf(v float64) int {
	return int(math.Round(v * 4))
}
