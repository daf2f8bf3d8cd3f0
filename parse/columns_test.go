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

// TestWidthMemoMeasuresAsAfresh holds columnWidths with a memo, over
// rounds that leave lines out and add barriers (as headline finding does)
// and a round that takes lines back in, to columnWidths without one.
func TestWidthMemoMeasuresAsAfresh(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 5))
	for round := range 300 {
		n := 1 + r.IntN(80)
		ems := make([]float64, n)
		use, barrier := make([]bool, n), make([]bool, n)
		for i := range ems {
			ems[i] = float64(10+r.IntN(10)) + float64(r.IntN(4))/4
			use[i] = r.IntN(10) > 0
			barrier[i] = r.IntN(20) == 0
		}
		var memo widthMemo
		for step := range 5 {
			use, barrier = slices.Clone(use), slices.Clone(barrier)
			for i := range use {
				if use[i] && r.IntN(8) == 0 {
					use[i], barrier[i] = false, r.IntN(2) == 0
				}
				if step == 3 && r.IntN(4) == 0 {
					use[i] = true // taken back in: the memo must not be trusted
				}
			}
			got := columnWidths(ems, use, barrier, &memo)
			want := columnWidths(ems, use, barrier, nil)
			if !slices.Equal(got, want) {
				t.Fatalf("round %d, step %d: with the memo %v, afresh %v", round, step, got, want)
			}
		}
	}
}
