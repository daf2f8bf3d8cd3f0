package parse

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestCommonOfCountsEveryCandidate holds commonOf to its definition: the
// candidate most lengths fall within half an em of, the longest on a tie,
// with candidates near the first and far from it (which commonOf does not
// mark as counted) alike.
func TestCommonOfCountsEveryCandidate(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for round := range 2000 {
		n := 1 + r.IntN(2*widthWindow+1)
		q, c := make([]int, n), make([]int, n)
		spread := []int{4, 40, 400}[r.IntN(3)]
		for i := range q {
			em := float64(r.IntN(spread*4)) / 16
			q[i], c[i] = quarterOf(em), 2*int(math.Round(em*2))
		}
		best, support := 0, 0
		for _, v := range c {
			k := 0
			for _, x := range q {
				if x-v >= -2 && x-v <= 2 {
					k++
				}
			}
			if k > support || k == support && v > best {
				best, support = v, k
			}
		}
		if got, want := commonOf(q, c), float64(best)/4; got != want {
			t.Fatalf("round %d: commonOf(%v, %v) = %v, want %v", round, q, c, got, want)
		}
	}
}

// TestColumnWidthsTallyAsCommonOf holds columnWidths, whose windows are
// tallied as they slide, to commonOf over each window: on columns of
// ordinary lines and on pages with a line far longer than a column.
func TestColumnWidthsTallyAsCommonOf(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 5))
	for round := range 500 {
		n := 1 + r.IntN(80)
		ems := make([]float64, n)
		use, barrier := make([]bool, n), make([]bool, n)
		for i := range ems {
			ems[i] = float64(r.IntN(20)) + float64(r.IntN(4))/4
			use[i] = r.IntN(10) > 0
			barrier[i] = r.IntN(15) == 0
		}
		if round%5 == 0 {
			ems[r.IntN(n)] = 5000 // beyond a tally
		}
		got := columnWidths(ems, use, barrier)
		want := plainColumnWidths(ems, use, barrier)
		if !slices.Equal(got, want) {
			t.Fatalf("round %d: tallied %v, window by window %v", round, got, want)
		}
	}
}

// plainColumnWidths is columnWidths with commonOf asked of every window.
func plainColumnWidths(ems []float64, use, barrier []bool) []colWidth {
	var idx, seg, q, c []int
	s := 0
	for i, em := range ems {
		if barrier[i] {
			s++
		}
		if use[i] {
			idx, seg = append(idx, i), append(seg, s)
			q, c = append(q, quarterOf(em)), append(c, 2*int(math.Round(em*2)))
		}
	}
	out := make([]colWidth, len(ems))
	for k, i := range idx {
		lo, hi := k, k+1
		for lo > 0 && seg[lo-1] == seg[k] && k-lo < widthWindow {
			lo--
		}
		for hi < len(idx) && seg[hi] == seg[k] && hi-k-1 < widthWindow {
			hi++
		}
		for hi-lo < 2*widthWindow+1 && lo > 0 && seg[lo-1] == seg[k] {
			lo--
		}
		for hi-lo < 2*widthWindow+1 && hi < len(idx) && seg[hi] == seg[k] {
			hi++
		}
		here := commonOf(q[lo:hi], c[lo:hi])
		out[i] = colWidth{here, here, here}
		if k-lo >= 3 {
			out[i].before = commonOf(q[lo:k], c[lo:k])
		}
		if hi-k-1 >= 3 {
			out[i].after = commonOf(q[k+1:hi], c[k+1:hi])
		}
	}
	return out
}

// TestColumnWidthsAgainAsAfresh holds columnWidthsAgain, which keeps the
// widths of the lines whose windows did not change, to columnWidths made
// afresh: after a few lines become headlines (as findHeadLines finds them),
// and after any line changes its width, its use or its barrier.
func TestColumnWidthsAgainAsAfresh(t *testing.T) {
	r := rand.New(rand.NewPCG(8, 13))
	for round := range 500 {
		n := 1 + r.IntN(120)
		ems := make([]float64, n)
		use, barrier := make([]bool, n), make([]bool, n)
		for i := range ems {
			ems[i] = float64(12+r.IntN(8)) + float64(r.IntN(4))/4
			use[i] = r.IntN(10) > 0
			barrier[i] = r.IntN(30) == 0
		}
		var m widthMemo
		columnWidthsAgain(ems, use, barrier, &m)
		for again := range 3 {
			ems, use, barrier = slices.Clone(ems), slices.Clone(use), slices.Clone(barrier)
			for range r.IntN(4) {
				i := r.IntN(n)
				switch r.IntN(4) {
				case 0: // found to be a headline
					use[i], barrier[i] = false, true
				case 1:
					ems[i] = float64(r.IntN(30))
				case 2:
					use[i] = !use[i]
				default:
					barrier[i] = !barrier[i]
				}
			}
			got := columnWidthsAgain(ems, use, barrier, &m)
			if want := columnWidths(ems, use, barrier); !slices.Equal(got, want) {
				t.Fatalf("round %d, again %d: kept %v, afresh %v", round, again, got, want)
			}
		}
	}
}
