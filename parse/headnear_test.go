package parse

import (
	"os"
	"testing"
)

// TestHeadNear counts, on the -raw training pages read by the learned
// plan, the units right beside a story's headline that gold reads as lines
// of that headline: DUBAO_HEADNEAR=1 go test ./parse -run TestHeadNear -v
// (=v lists them).
func TestHeadNear(t *testing.T) {
	mode := os.Getenv("DUBAO_HEADNEAR")
	if mode == "" {
		t.Skip("DUBAO_HEADNEAR=1 counts the headline lines the plan leaves beside a headline")
	}
	needCorpus(t, "gen")
	type key struct{ where, kind string }
	counts := map[key][2]int{}
	for _, set := range []string{"gen", "gen-issue"} {
		pages, err := loadTrainPages(corpusRoot, set, trainSplit)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range pages {
			w := learnedWork(t, p)
			if !w.raw {
				continue
			}
			labels := labelLines(w.ps, p.gold)
			us := w.units
			artOf := func(k int) (int, bool) {
				l := labels[us[k].piece]
				return l.article, l.label == lbHead
			}
			for ci, c := range w.plan {
				if c.hj <= c.hi {
					continue
				}
				ha, _ := artOf(c.hi)
				look := func(where string, k int) {
					if k < 0 || k >= len(us) || k >= c.hi && k < c.hj {
						return
					}
					kind := "para"
					switch {
					case us[k].head:
						kind = "head"
					case !us[k].oneLine:
						kind = "long"
					}
					a, head := artOf(k)
					n := counts[key{where, kind}]
					y := head && a == ha && ha >= 0
					if y {
						n[0]++
					} else {
						n[1]++
					}
					counts[key{where, kind}] = n
					if mode == "v" && y {
						t.Logf("%s %s/%s story %d: %q beside %q", where, set, p.name, ci, us[k].text, us[c.hi].text)
					}
				}
				if c.hi == c.i {
					look("before:next", c.hj)
					look("before:prev", c.hi-1)
				} else {
					look("after:prev", c.hi-1)
					look("after:next", c.hj)
				}
			}
		}
	}
	for k, n := range counts {
		t.Logf("%-12s %-5s gold headline line %4d, not %5d", k.where, k.kind, n[0], n[1])
	}
}
