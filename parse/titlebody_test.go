package parse

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
)

// TestTitleAsBody counts where the gold titles of the -raw training pages
// (gen g001–g200) land in the learned plan: a story's headline, a subhead
// (next to its story's headline, or elsewhere), a paragraph of their own,
// or inside a paragraph with other lines (a headline line read as body and
// joined on). DUBAO_TITLEBODY=1 go test ./parse -run TestTitleAsBody -v
// counts them; DUBAO_TITLEBODY=kind lists the cases of the kinds whose name
// holds it, and DUBAO_TITLELINES=1 shows the title line's scores and its
// neighbours'. It is a tool for reading the parser's errors, skipped in
// ordinary runs.
func TestTitleAsBody(t *testing.T) {
	which := os.Getenv("DUBAO_TITLEBODY")
	if which == "" {
		t.Skip("DUBAO_TITLEBODY=1")
	}
	pages, err := loadTrainPages(corpusRoot, "gen", trainSplit)
	if err != nil {
		t.Fatal(err)
	}
	counts := map[string]int{}
	var cases []string
	for _, p := range pages {
		text, _, _ := Decode(p.text)
		w := analyse(Normalize(splitPages(text)[0]))
		role := make([]string, len(w.units))
		cutOf := make([]int, len(w.units))
		for si, c := range w.plan {
			for k := c.i; k < c.j; k++ {
				cutOf[k] = si
				switch {
				case k >= c.hi && k < c.hj:
					role[k] = "H"
				case w.units[k].head:
					role[k] = "s"
				default:
					role[k] = "b"
				}
			}
		}
		rf := newRowFacts(w.units)
		ul := unitOdds(w.units, rf, &unitWeights)
		for _, g := range p.gold.Articles {
			T := flat(g.Title)
			if T == "" {
				continue
			}
			kind := "not a unit"
			at := -1
			for k, u := range w.units {
				if flat(u.text) == T {
					at = k
					break
				}
			}
			if at < 0 {
				for k, u := range w.units {
					if strings.Contains(flat(u.text), T) {
						at = k
						kind = "inside a unit"
						if u.head {
							kind += " (head)"
						}
						break
					}
				}
			}
			if at >= 0 && kind == "not a unit" {
				u := w.units[at]
				c := w.plan[cutOf[at]]
				switch {
				case role[at] == "H":
					kind = "ok: headline"
				case !u.head:
					kind = "para unit"
				case at == c.hj && c.hj > c.hi:
					kind = "subhead right after its story's headline"
				case at == c.hi-1:
					kind = "subhead right before its story's headline"
				case c.hj == c.hi && at == c.i:
					kind = "subhead opening a headless story"
				default:
					kind = "subhead elsewhere"
				}
			}
			counts[kind]++
			if at >= 0 && (which == "1" || strings.Contains(kind, which)) && !strings.HasPrefix(kind, "ok") {
				c := w.plan[cutOf[at]]
				var ctx []string
				for k := max(0, at-2); k < min(len(w.units), at+3); k++ {
					ctx = append(ctx, fmt.Sprintf("%s[%.1f/%.1f]%s", role[k], w.units[k].odds, ul[k], clip(w.units[k].text, 14, false)))
				}
				line := ""
				if os.Getenv("DUBAO_TITLELINES") != "" {
					for i := range w.ps {
						if isTextPiece(&w.ps[i]) && flat(w.ps[i].text) == T {
							line = fmt.Sprintf("LINE odds=%.2f start=%.2f", w.odds[i], w.starts[i])
							if pr := prevTextPiece(w.ps, i); pr >= 0 {
								line += fmt.Sprintf(" prev=%q", clip(w.ps[pr].text, 16, false))
							}
							if nx := nextTextPiece(w.ps, i); nx >= 0 {
								line += fmt.Sprintf(" next=%q(odds %.2f start %.2f)", clip(w.ps[nx].text, 16, false), w.odds[nx], w.starts[nx])
							}
							break
						}
					}
					cases = append(cases, fmt.Sprintf("%s %s: %s K=%s | %s", kind, p.name, T, flat(g.Kicker), line))
					continue
				}
				cases = append(cases, fmt.Sprintf("%s %s: %s K=%s | cut %v | %s", kind, p.name, T, flat(g.Kicker), c, strings.Join(ctx, " | ")))
			}
		}
	}
	var ks []string
	for k := range counts {
		ks = append(ks, k)
	}
	sort.Slice(ks, func(a, b int) bool { return counts[ks[a]] > counts[ks[b]] })
	for _, k := range ks {
		t.Logf("%5d %s", counts[k], k)
	}
	for _, c := range cases {
		t.Log(c)
	}
}
