package parse

import (
	"math"
	"math/rand/v2"
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
