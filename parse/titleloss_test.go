package parse

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
)

// TestTitleLoss sorts the gold titles of the gen training pages (g001–g200)
// that the plan nearest gold still gets wrong by the stage that lost them:
// DUBAO_TITLE_LOSS=1 go test ./parse -run TestTitleLoss -v (=v lists each).
// The plan cannot mend them; they cap the -raw plan's title_acc. A title is
// counted when the plan's article opens with the gold article's first
// paragraph (as DUBAO_SHOW_TITLES in TestTrain pairs them).
//   - body: a line of the gold title has headline log-odds of 0 or less, so
//     the line model (roles.go) set it in the body;
//   - joined: the headline's lines all stand, but the title took its
//     kicker's or its subtitle's line (the wrap model, headline.go);
//   - split: the title's own lines were cut into two parts (wrap model);
//   - named: the parts are right, but the kicker model took the kicker for
//     the title or the title for a kicker;
//   - lost: no line of the title is read as body, yet the article has no
//     title, or another headline's.
func TestTitleLoss(t *testing.T) {
	mode := os.Getenv("DUBAO_TITLE_LOSS")
	if mode == "" {
		t.Skip("DUBAO_TITLE_LOSS=1 sorts the titles the plan nearest gold loses by the stage that lost them")
	}
	needCorpus(t, "gen")
	pages, err := loadTrainPages(corpusRoot, "gen", trainSplit)
	if err != nil {
		t.Fatal(err)
	}
	plans, _ := trainPlansOf(t, pages)
	counts := map[string]int{}
	titles := 0
	for n, p := range plans {
		g := pages[n].gold
		paras, groups, stories := storiesOf(p.w.ps, p.w.units, p.w.paras, p.gold, p.w.raw, p.w.words)
		arts := buildArticles(paras, groups, stories)
		for ai, ga := range g.Articles {
			if flat(ga.Title) == "" || len(ga.Paragraphs) == 0 {
				continue
			}
			titles++
			for _, a := range arts {
				if len(a.Paragraphs) == 0 || flat(a.Paragraphs[0]) != flat(ga.Paragraphs[0]) || flat(a.Title) == flat(ga.Title) {
					continue
				}
				why := titleLoss(p, ai, flat(ga.Kicker), flat(ga.Title), flat(ga.Subtitle), flat(a.Kicker), flat(a.Title), flat(a.Subtitle))
				counts[why]++
				if mode == "v" {
					t.Logf("%s %-6s gold K=%q T=%q S=%q | got K=%q T=%q S=%q", pages[n].name, why, ga.Kicker, ga.Title, ga.Subtitle, a.Kicker, a.Title, a.Subtitle)
				}
			}
		}
	}
	var whys []string
	for k := range counts {
		whys = append(whys, k)
	}
	sort.Slice(whys, func(i, j int) bool { return counts[whys[i]] > counts[whys[j]] })
	var parts []string
	for _, k := range whys {
		parts = append(parts, fmt.Sprintf("%s %d", k, counts[k]))
	}
	t.Logf("%d gold titles; lost by the plan nearest gold: %s", titles, strings.Join(parts, ", "))
}

// titleLoss names the stage that lost gold article ai's title (see
// TestTitleLoss), given the gold headline's parts and the article's.
func titleLoss(p trainPlan, ai int, gk, gt, gs, k, tt, s string) string {
	for i, l := range p.labels {
		if l.article == ai && l.label == lbHead && l.field == hfTitle && p.w.odds[i] <= 0 {
			return "body"
		}
	}
	if k+tt+s != gk+gt+gs || tt == "" {
		return "lost"
	}
	switch {
	case strings.Contains(tt, gt):
		return "joined"
	case strings.Contains(gt, tt):
		return "split"
	}
	return "named"
}
