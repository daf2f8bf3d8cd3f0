package parse

import (
	"math/rand/v2"
	"testing"
)

// Two stories of two paragraphs each, on two subjects, with a subhead
// inside the first: the gap where the subject changes coheres least, and
// the subhead does not hide the first story's own cohesion.
func TestCohesionDropsWhereTheSubjectChanges(t *testing.T) {
	us := []unit{
		{text: "长江大桥今日通车，长江大桥全长三公里，连接两岸城区。"},
		{head: true, text: "两岸出行更方便"},
		{text: "长江大桥通车以后，两岸居民出行方便了许多。"},
		{text: "冬奥会滑雪比赛开幕，运动员在雪场训练。"},
		{text: "滑雪运动员说，冬奥会雪场的条件很好。"},
	}
	c := pageCohesion(us)
	if c[1] != 0 {
		t.Errorf("a headline-like unit has cohesion %.2f, want 0", c[1])
	}
	if c[3] != 0 {
		t.Errorf("cohesion where the subject changes = %.2f, want 0", c[3])
	}
	for _, k := range []int{2, 4} {
		if c[k] <= 0.05 {
			t.Errorf("cohesion inside a story before unit %d = %.2f, want more than 0.05", k, c[k])
		}
	}
	rf := newRowFacts(us)
	if got := rf.leastCohesion(2, 5); got != 0 {
		t.Errorf("least cohesion over both stories = %.2f, want 0", got)
	}
	if got := rf.leastCohesion(2, 3); got != c[2] {
		t.Errorf("least cohesion inside the first story = %.2f, want %.2f", got, c[2])
	}
}

// leastCohesion answers as a scan of the range would, on rows of every
// length and mix.
func TestLeastCohesionIsTheRangesMinimum(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	words := []string{"长江", "大桥", "通车", "滑雪", "比赛", "冬奥", "居民", "出行"}
	for n := 1; n < 40; n++ {
		us := make([]unit, n)
		for k := range us {
			us[k].head = rng.IntN(4) == 0
			for range 6 {
				us[k].text += words[rng.IntN(len(words))]
			}
		}
		rf := newRowFacts(us)
		for i := 0; i <= n; i++ {
			for j := i; j <= n; j++ {
				want := 1.0
				for k := i; k < j; k++ {
					if !us[k].head {
						want = min(want, rf.cohesion[k])
					}
				}
				if got := rf.leastCohesion(i, j); got != want {
					t.Fatalf("n=%d [%d,%d): leastCohesion = %v, want %v", n, i, j, got, want)
				}
			}
		}
	}
}
