package parse

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestPageWordsPairs holds the page's pairs to what its lines print: the
// same answer while the text is searched for each pair and after the
// pairs are gathered into a set, and never a pair across two lines.
func TestPageWordsPairs(t *testing.T) {
	alphabet := []rune("报通执委会议发展经济社会文化")
	rng := rand.New(rand.NewPCG(1, 2))
	var ps []piece
	for range 40 {
		var b strings.Builder
		for range 1 + rng.IntN(12) {
			b.WriteRune(alphabet[rng.IntN(len(alphabet))])
		}
		ps = append(ps, piece{role: roleBody, line: line{text: b.String()}})
	}
	printed := func(x, y rune) bool {
		for _, p := range ps {
			if strings.Contains(p.text, string([]rune{x, y})) {
				return true
			}
		}
		return false
	}
	w := newPageWords(ps)
	asked := 0
	for round := range 3 {
		for _, x := range alphabet {
			for _, y := range alphabet {
				asked++
				if got, want := w.pairs(x, y), printed(x, y); got != want {
					t.Fatalf("round %d, question %d: pairs(%c, %c) = %v, the lines say %v", round, asked, x, y, got, want)
				}
			}
		}
	}
	if asked <= pairScans || w.set == nil {
		t.Fatalf("asked %d pairs, set made: %v — the test must reach the set", asked, w.set != nil)
	}
	last := []rune(ps[0].text)
	first := []rune(ps[1].text)
	if x, y := last[len(last)-1], first[0]; !printed(x, y) && w.pairs(x, y) {
		t.Errorf("pairs(%c, %c) vouched for a pair across two lines", x, y)
	}
}
