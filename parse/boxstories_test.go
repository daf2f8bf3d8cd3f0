package parse

import (
	"slices"
	"testing"
)

// TestPlanBoxStories runs the box stage's plan over rows of units whose
// gold is known, scored by agreement with gold as the trainer scores the
// plan nearest gold: the plan must be able to hold each layout.
func TestPlanBoxStories(t *testing.T) {
	H := func() unit { return unit{head: true} }
	P := func() unit { return unit{} }
	from := func() unit { return unit{from: true} }
	cases := []struct {
		name   string
		us     []unit
		brk    []bool // a blank line before each unit
		art    []int  // each unit's gold article
		isHead []bool
		want   []cut
	}{
		{
			"two headline boxes, then the two bodies in order: a row",
			[]unit{H(), H(), P(), P(), P(), P()},
			[]bool{false, true, true, true, true, true},
			[]int{0, 1, 0, 0, 1, 1},
			[]bool{true, true, false, false, false, false},
			[]cut{{i: 2, j: 4, hi: 0, hj: 1}, {i: 4, j: 6, hi: 1, hj: 2}},
		},
		{
			"two headline boxes, then a label in the box of the first body (核心阅读): a row whose body opens with the label",
			[]unit{H(), H(), H(), P(), P(), P()},
			[]bool{false, true, true, false, true, true},
			[]int{0, 1, 0, 0, 1, 1},
			[]bool{true, true, false, false, false, false},
			[]cut{{i: 2, j: 4, hi: 0, hj: 1}, {i: 4, j: 6, hi: 1, hj: 2}},
		},
		{
			"a kicker and a title in one box: one headline, no row",
			[]unit{H(), H(), P(), P()},
			[]bool{false, false, true, true},
			[]int{0, 0, 0, 0},
			[]bool{true, true, false, false},
			[]cut{{i: 0, j: 4, hi: 0, hj: 2}},
		},
		{
			"headlines before and after their bodies on one page",
			[]unit{H(), P(), P(), P(), H()},
			[]bool{false, true, true, true, true},
			[]int{0, 0, 1, 1, 1},
			[]bool{true, false, false, false, true},
			[]cut{{i: 0, j: 2, hi: 0, hj: 1}, {i: 2, j: 5, hi: 4, hj: 5}},
		},
		{
			"a continued-from paragraph opens a story, whatever the scores say",
			[]unit{H(), P(), from(), P()},
			[]bool{false, true, true, true},
			[]int{0, 0, 0, 0},
			[]bool{true, false, false, false},
			[]cut{{i: 0, j: 2, hi: 0, hj: 1}, {i: 2, j: 4, hi: 2, hj: 2}},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			bf := &boxFacts{brk: c.brk}
			sc := &goldBoxScorer{us: c.us, art: c.art, isHead: c.isHead, story_: agreement(c.us, c.art, c.isHead)}
			plan, _ := planBoxStories(c.us, bf, sc)
			if !slices.Equal(plan, c.want) {
				t.Errorf("plan %v, want %v", plan, c.want)
			}
		})
	}
}
