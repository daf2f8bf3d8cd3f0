package parse

import (
	"fmt"
	"os"
	"slices"
	"testing"
	"unicode/utf8"
)

// TestMergeCases reads, over the five held-out folds of TestPlanFolds,
// where the learned plan parts from the plan nearest gold over the same
// units: DUBAO_MERGES=1 go test ./parse -run TestMergeCases -v. For every
// story start of gold's the plan misses (MISS) it prints the units around
// it, gold's and the plan's story and part of each (H a headline line, s a
// subhead, b a paragraph), their gap and unit scores, and how much the
// plan's score falls when it is made to start a story there; per page
// (SIDE), the side gold's and the plan's headlines stand on (planSide),
// the plan's edits, and the plan made with the other side forced. It sums
// the missed starts by kind (HIST: the unit there, the story's headline's
// side, the fall), the characters from each to the plan's nearest start
// (CHARS), and the plan's starts gold lacks (EXTRA; DUBAO_MERGES=x lists
// them). It reads only training pages.
func TestMergeCases(t *testing.T) {
	mode := os.Getenv("DUBAO_MERGES")
	if mode == "" {
		t.Skip("DUBAO_MERGES=1 lists the folds' merged stories")
	}
	needCorpus(t, "gen")
	pages := loadTraining(t)
	plans, golds := trainPlansOf(t, pages)
	hist, chars, extra := map[string]int{}, map[string]int{}, map[string]int{}
	kindOf := func(us []unit, c cut) string {
		kind := "para"
		if us[c.i].head {
			kind = "head"
		}
		switch {
		case c.hj == c.hi:
			return kind + "/nohead"
		case c.hi == c.i:
			return kind + "/headBefore"
		}
		return kind + "/headAfter"
	}
	for fold := range 5 {
		held, fit, rawFit := foldFit(pages, plans, fold)
		pw := foldPlan(t, fit, rawFit)
		for n, p := range plans {
			if !held(n) {
				continue
			}
			us := p.w.units
			rf := newRowFacts(us)
			pr := newPlanRowOver(us, rf, &pw)
			end := partEnds(us)
			got := bestPlanWithin(us, pr.score, end)
			rf.side = planSide(got)
			got = bestPlanWithin(us, pr.score, end)
			total := func(plan []cut) float64 {
				s := 0.0
				for _, c := range plan {
					s += pr.score(c)
				}
				return s
			}
			best := total(got)
			l := scoreWork(t, p.w, got, golds[n])
			other := -1.0
			if rf.side < 0 {
				other = 1
			}
			side := rf.side
			rf.side = other
			alt := bestPlanWithin(us, pr.score, end)
			altTotal := total(alt)
			rf.side = side
			t.Logf("SIDE %s gold %.2f plan %.2f edits %d of %d | side %.0f forced: score %.2f against %.2f, edits %d",
				pages[n].name, planSide(p.gold), side, l.Edits, l.GoldChars, other, altTotal, best, scoreWork(t, p.w, alt, golds[n]).Edits)
			mark := func(plan []cut) []string {
				m := make([]string, len(us))
				for si, c := range plan {
					for k := c.i; k < c.j; k++ {
						role := "b"
						if k >= c.hi && k < c.hj {
							role = "H"
						} else if us[k].head {
							role = "s"
						}
						m[k] = fmt.Sprintf("%2d%s", si, role)
					}
				}
				return m
			}
			gm, lm := mark(p.gold), mark(got)
			show := func(k int) {
				for q := max(0, k-3); q < min(len(us), k+4); q++ {
					sep := " "
					if q == k {
						sep = ">"
					}
					t.Logf("  %s%3d g%s p%s odds=%5.1f gap=%5.1f unit=%5.1f w=%4.1f %s", sep, q, gm[q], lm[q], us[q].odds, pr.gaps[q], pr.heads[q], us[q].width, clip(us[q].text, 30, false))
				}
			}
			starts, gstarts := map[int]bool{}, map[int]bool{}
			for _, c := range got {
				starts[c.i] = true
			}
			for _, c := range p.gold {
				gstarts[c.i] = true
			}
			for _, c := range got {
				if c.i == 0 || gstarts[c.i] {
					continue
				}
				nc := 0
				for q := c.i; q < c.j; q++ {
					nc += utf8.RuneCountInString(us[q].text)
				}
				extra[kindOf(us, c)+" stories"]++
				extra[kindOf(us, c)+" chars"] += nc
				if mode == "x" {
					t.Logf("EXTRA %s at unit %d (%s) %d chars", pages[n].name, c.i, kindOf(us, c), nc)
					show(c.i)
				}
			}
			for gi, c := range p.gold {
				k := c.i
				if k == 0 || starts[k] {
					continue
				}
				forced := bestPlanWithin(us, func(x cut) float64 {
					s := pr.score(x)
					if x.i < k && x.j > k {
						s -= 1e6 // no story runs over k
					}
					return s
				}, end)
				d := best - total(forced)
				fall := "fall<1"
				switch {
				case d >= 5:
					fall = "fall>=5"
				case d >= 2:
					fall = "fall2-5"
				case d >= 1:
					fall = "fall1-2"
				}
				hist[kindOf(us, c)+" "+fall]++
				lo, hi := k, k // the plan's nearest starts on either side
				for lo > 0 && !starts[lo] {
					lo--
				}
				for hi < len(us) && !starts[hi] {
					hi++
				}
				cl, ch := 0, 0
				for q := lo; q < k; q++ {
					cl += utf8.RuneCountInString(us[q].text)
				}
				for q := k; q < hi; q++ {
					ch += utf8.RuneCountInString(us[q].text)
				}
				chars[kindOf(us, c)] += min(cl, ch)
				t.Logf("MISS %s gold story %d at unit %d (%s): a start there costs the plan %.2f", pages[n].name, gi, k, kindOf(us, c), d)
				show(k)
			}
		}
	}
	for _, m := range []struct {
		name string
		m    map[string]int
	}{{"HIST", hist}, {"CHARS", chars}, {"EXTRA", extra}} {
		var keys []string
		for k := range m.m {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			t.Logf("%s %s %d", m.name, k, m.m[k])
		}
	}
}
