package parse

import (
	"math"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"testing"
)

// TestStoriesJoinsPagesAsIssueDoes joins the pages Issue read, taken out of
// it: the same stories, part for part.
func TestStoriesJoinsPagesAsIssueDoes(t *testing.T) {
	is, _, err := Issue([]File{{"01.txt", []byte(frontPage)}, {"11.txt", readCorpus(t, "dev/d04.txt")}, {"03.txt", readCorpus(t, "seed/000_5477695c32189c33.txt")}})
	if err != nil {
		t.Fatal(err)
	}
	got := Stories(is.Pages)
	if len(got) != len(is.Stories) {
		t.Fatalf("%d stories, Issue made %d", len(got), len(is.Stories))
	}
	joined := 0
	for i, s := range got {
		w := is.Stories[i]
		if len(s.Parts) != len(w.Parts) || s.MissingFrom != w.MissingFrom || s.MissingTo != w.MissingTo {
			t.Fatalf("story %d: %d parts, missing %d/%d; Issue's: %d parts, missing %d/%d",
				i, len(s.Parts), s.MissingFrom, s.MissingTo, len(w.Parts), w.MissingFrom, w.MissingTo)
		}
		for j := range s.Parts {
			if s.Parts[j] != w.Parts[j] || s.Pages[j] != w.Pages[j] {
				t.Errorf("story %d part %d differs", i, j)
			}
		}
		if len(s.Parts) > 1 {
			joined++
		}
	}
	if joined != 1 {
		t.Errorf("%d stories joined across pages, want 1", joined)
	}
}

// TestJoinWrapped: headline-like lines the wrap model says wrap on into the
// next are one unit, their printed lines kept; a label set inside a story,
// a dateline, a blank line or a headline printed beside another parts them.
func TestJoinWrapped(t *testing.T) {
	head := func(piece int, text string, wraps bool) unit {
		return unit{head: true, piece: piece, text: text, raw: text, em: textEm(text), wrapsNext: wraps}
	}
	tests := []struct {
		name string
		us   []unit
		want []string // the units' texts
	}{
		{"a title that wraps", []unit{head(0, "城东公园樱花进入盛花期（春日", true), head(1, "走笔）", false)},
			[]string{"城东公园樱花进入盛花期（春日走笔）"}},
		{"a kicker over a title that wraps", []unit{head(0, "春日走笔", false), head(1, "城东公园樱花进入盛花期（春日", true), head(2, "走笔）", false)},
			[]string{"春日走笔", "城东公园樱花进入盛花期（春日走笔）"}},
		{"a label under a title", []unit{head(0, "城东公园樱花进入盛花期", true), head(1, "核心阅读", false)},
			[]string{"城东公园樱花进入盛花期", "核心阅读"}},
		{"a dateline under a title", []unit{head(0, "城东公园樱花进入盛花期", true), head(1, "本报北京3月5日电", false)},
			[]string{"城东公园樱花进入盛花期", "本报北京3月5日电"}},
		{"a blank line between", []unit{head(0, "城东公园樱花进入盛花期", true), head(2, "游客如织", false)},
			[]string{"城东公园樱花进入盛花期", "游客如织"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps := make([]piece, 3)
			ps[1].role = roleBlank
			if tt.us[1].piece == 1 {
				ps[1].role = roleHead
			}
			got := joinWrapped(ps, slices.Clone(tt.us))
			var texts []string
			lines := 0
			for _, u := range got {
				texts = append(texts, u.text)
				lines += len(u.headLines())
			}
			if !slices.Equal(texts, tt.want) || lines != len(tt.us) {
				t.Fatalf("got %q (%d lines), want %q (%d)", texts, lines, tt.want, len(tt.us))
			}
		})
	}
}

// TestPlanScoredAgainAsAfresh holds the plan's second hearing, with the
// side of its first plan known, to working every story's score out afresh:
// scoreAgain adds up what score kept of each story, and must come to the
// same sum, to the last bit, on the -raw pages of testdata/corpus and for
// either side. A story feature that heard the side besides sfSideAgree
// would fail here.
func TestPlanScoredAgainAsAfresh(t *testing.T) {
	files, _ := filepath.Glob("testdata/corpus/dev/*.txt")
	if len(files) == 0 {
		t.Skip("no -raw pages in testdata/corpus/dev")
	}
	pw := &planWeights{gapWeights, unitWeights, storyWeights}
	for _, f := range files {
		text := decodedFile(t, f)
		w := analyse(normalizeClean(text))
		for _, side := range []float64{0.6, -1} {
			pr := newPlanRow(w.units, pw)
			pr.keep = true
			bestPlan(w.units, pr.score)
			pr.rf.side = side
			fresh := newPlanRow(w.units, pw)
			fresh.rf.side = side
			asked := 0
			bestPlan(w.units, func(c cut) float64 {
				asked++
				got, want := pr.scoreAgain(c), fresh.score(c)
				if got != want || pr.next < 0 {
					t.Fatalf("%s, side %v: story %+v scores %v again, %v afresh", f, side, c, got, want)
				}
				return want
			})
			if asked != len(pr.kept) {
				t.Fatalf("%s: the plan asked %d stories again, %d before", f, asked, len(pr.kept))
			}
		}
	}
}

// TestAddTermsAsPlainLoop holds addTerms, which skips the zero features, to
// the plain loop that adds every term, bit for bit, on vectors of mostly
// zero features (of both signs, and sums that cancel to zero), the story
// weights among the weights.
func TestAddTermsAsPlainLoop(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 18))
	values := []float64{0, math.Copysign(0, -1), 1, -1, 0.5, 3, -2.25, 1e-300}
	for trial := range 20000 {
		n := 1 + rng.IntN(numStoryFeatures)
		w, f := make([]float64, n), make([]float64, n)
		for k := range w {
			if trial%2 == 0 && n <= len(storyWeights) {
				w[k] = storyWeights[k]
			} else {
				w[k] = values[rng.IntN(len(values))] * float64(rng.IntN(7)-3)
			}
			if rng.IntN(3) == 0 {
				f[k] = values[rng.IntN(len(values))]
			}
		}
		s := []float64{0, 1, -1, 0.1}[rng.IntN(4)]
		want := s
		for k := range w {
			want += w[k] * f[k]
		}
		if got := addTerms(s, w, f); math.Float64bits(got) != math.Float64bits(want) {
			t.Fatalf("addTerms(%v, %v, %v) = %v, the plain loop %v", s, w, f, got, want)
		}
	}
}

// TestWeightsAreFinite: addTerms skips a zero story feature, which a
// weight of ±Inf or NaN would not leave at zero.
func TestWeightsAreFinite(t *testing.T) {
	for n, w := range storyWeights {
		if math.IsInf(w, 0) || math.IsNaN(w) {
			t.Errorf("storyWeights[%s] = %v", storyFeatureNames[n], w)
		}
	}
}

// TestStoryEchoAsAfresh holds storyEcho, which keeps what it works out in
// a slot per headline and body (echoSlot), to storyEchoAfresh: every story
// the plan search weighs on two -raw pages, asked in a shuffled order and
// then again, and stories off its path (a body from anywhere) between,
// gets the echoes worked out afresh, so no two stories that may differ
// share a slot.
func TestStoryEchoAsAfresh(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 18))
	for _, name := range []string{"dev/d01.txt", "dev/d03.txt"} {
		w := analyseWith(string(readCorpus(t, name)), true)
		us := w.units
		rf := newRowFacts(us)
		first, last := firstParas(us), lastParas(us)
		type ask struct {
			c cut
			a int
		}
		var asks []ask
		for j := 1; j <= len(us); j++ {
			for i := j - 1; i >= max(0, j-longestStory); i-- {
				if a := first[i]; a < j {
					cutsWithin(i, j, a, last[j]+1, func(c cut) {
						if c.hj > c.hi {
							asks = append(asks, ask{c, a})
							// The same headline over a body from any unit near.
							asks = append(asks, ask{c, max(0, min(len(us)-1, a+rng.IntN(2*longestStory+1)-longestStory))})
						}
					})
				}
			}
		}
		kept := 0
		for round := range 2 {
			rng.Shuffle(len(asks), func(x, y int) { asks[x], asks[y] = asks[y], asks[x] })
			for _, q := range asks {
				own, other := rf.storyEcho(us, q.c, q.a)
				wantOwn, wantOther := rf.storyEchoAfresh(us, q.c, q.a)
				if own != wantOwn || other != wantOther {
					t.Fatalf("%s: round %d: storyEcho(%+v, %d) = %v, %v; afresh %v, %v", name, round, q.c, q.a, own, other, wantOwn, wantOther)
				}
				if round == 0 && rf.echoSlot(q.c, q.a) != nil {
					kept++
				}
			}
		}
		if kept < len(asks)/4 {
			t.Fatalf("%s: %d of %d asks kept", name, kept, len(asks))
		}
	}
}

// TestHeadSharesAsPlainCount holds headShares, which reads the paragraphs
// once for all the page's headline runs and looks up only the pairs a run
// may hold (markRunPairs, pairHash), to its plain count: the paragraphs of
// the reach that hold a pair of the headline's lines anywhere in their
// text, for every headline of every run of two -raw pages.
func TestHeadSharesAsPlainCount(t *testing.T) {
	for _, name := range []string{"dev/d01.txt", "dev/d03.txt"} {
		w := analyseWith(string(readCorpus(t, name)), true)
		us := w.units
		rf := newRowFacts(us)
		texts := make([]bigramSet, len(us))
		for k := range us {
			texts[k] = bigramsOf(us[k].text)
		}
		tried := 0
		for hi := range us {
			if !us[hi].head || rf.runStart[hi] != hi {
				continue
			}
			for hj := hi + 1; hj <= rf.runEnd[hi]; hj++ {
				got := rf.headShares(us, hi, hj)
				var heads bigramSet
				for l := hi; l < min(hj, hi+maxHeadlineLines); l++ {
					heads = union(heads, us[l].headGrams)
				}
				lo, top := storyReach(hi, min(hj, hi+maxHeadlineLines), len(us))
				n := 0
				for k := lo; k < top; k++ {
					if !us[k].head && common(texts[k], heads) > 0 {
						n++
					}
					if got.before(k+1) != n {
						t.Fatalf("%s: headShares(%d, %d) counts %d paragraphs before unit %d, the plain count %d", name, hi, hj, got.before(k+1), k+1, n)
					}
				}
				tried++
			}
		}
		if tried == 0 {
			t.Fatalf("%s: no headline runs", name)
		}
	}
}

// TestPlanPairAsTwoPlans holds planStoriesPair, which scores the plan for
// pages drawn apart from what the first plan kept of each story, to the
// two plans made one after the other, each afresh: the same cuts, and for
// either side every story's score the same to the last bit, on the -raw
// pages of testdata/corpus, also with room kept for only some of the
// stories (as on a page of more than maxKept).
func TestPlanPairAsTwoPlans(t *testing.T) {
	files, _ := filepath.Glob("testdata/corpus/dev/*.txt")
	gen, _ := filepath.Glob("testdata/corpus/gen/*.txt")
	files = append(files, gen...)
	if len(files) == 0 {
		t.Skip("no -raw pages in testdata/corpus")
	}
	pw := &planWeights{gapWeights, unitWeights, storyWeights}
	dw := &planWeights{drawnGapWeights, drawnUnitWeights, drawnStoryWeights}
	for _, f := range files {
		text := decodedFile(t, f)
		w := analyse(normalizeClean(text))
		if !w.raw || len(w.units) == 0 {
			continue
		}
		plan, drawn, _ := planStoriesPair(w.units, newRowFacts(w.units), pw, dw)
		if want := planStoriesOver(w.units, newRowFacts(w.units), pw); !slices.Equal(plan, want) {
			t.Fatalf("%s: the pair's plan %v, alone %v", f, plan, want)
		}
		if want := planStoriesOver(w.units, newRowFacts(w.units), dw); !slices.Equal(drawn, want) {
			t.Fatalf("%s: the pair's drawn plan %v, alone %v", f, drawn, want)
		}
		for _, side := range []float64{0, 0.6, -1} {
			for _, room := range []int{maxKept, 7} {
				pr := newPlanRow(w.units, pw)
				pr.alt = newPlanRowOver(w.units, pr.rf, dw)
				pr.keep = true
				bestPlan(w.units, func(c cut) float64 {
					if len(pr.kept) >= room {
						pr.keep = false
					}
					return pr.score(c)
				})
				dr := pr.alt
				dr.kept, dr.alt = pr.kept, dr
				pr.rf.side = side
				fresh := newPlanRow(w.units, dw)
				fresh.rf.side = side
				asked := 0
				bestPlan(w.units, func(c cut) float64 {
					asked++
					got, want := dr.scoreAgain(c), fresh.score(c)
					if math.Float64bits(got) != math.Float64bits(want) {
						t.Fatalf("%s, side %v, room %d: story %+v scores %v from the pair, %v afresh", f, side, room, c, got, want)
					}
					return want
				})
				if asked < len(pr.kept) || room == 7 && dr.next >= 0 {
					t.Fatalf("%s: the plan asked %d stories, %d kept, next %d", f, asked, len(pr.kept), dr.next)
				}
			}
		}
	}
}
