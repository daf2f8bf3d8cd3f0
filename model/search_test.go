package model

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// The pages under testdata are copies of the corpus's gold pages: seed (a
// Simplified city daily, with its extracted text), d01 and d03–d06 (People's
// Daily, Simplified) and d02 (China Times, Traditional, with its extracted
// text).
var goldPages = []string{
	"000_5477695c32189c33.gold.json",
	"d01.gold.json", "d02.gold.json", "d03.gold.json",
	"d04.gold.json", "d05.gold.json", "d06.gold.json",
}

// loadPage reads a gold page from testdata into the model.
func loadPage(tb testing.TB, name string) *Page {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		tb.Fatal(err)
	}
	var pj PageJSON
	if err := json.Unmarshal(b, &pj); err != nil {
		tb.Fatalf("%s: %v", name, err)
	}
	p := &Page{Number: pj.Page, Date: pj.Date, Name: pj.Name, Source: name, Furniture: pj.Furniture}
	for _, a := range pj.Articles {
		p.Articles = append(p.Articles, &Article{
			Title: a.Title, Kicker: a.Kicker, Subtitle: a.Subtitle, Byline: a.Byline,
			ContinuedFrom: a.ContinuedFrom, ContinuedTo: a.ContinuedTo,
			Markers: a.Markers, Paragraphs: a.Paragraphs,
		})
	}
	return p
}

// goldIssue is the seven gold pages as one issue.
func goldIssue(tb testing.TB) *Issue {
	issue := &Issue{}
	for _, name := range goldPages {
		issue.Pages = append(issue.Pages, loadPage(tb, name))
	}
	return issue
}

// oneArticle is an issue of one page holding a.
func oneArticle(a *Article) *Issue {
	return &Issue{Pages: []*Page{{Number: 1, Articles: []*Article{a}}}}
}

// marked shows hits the way a reader sees them: each field with a hit, with
// every hit in it between « and ».
func marked(ix *Index, hits []Hit) []string {
	var out []string
	for i := 0; i < len(hits); {
		h := hits[i]
		s := ix.Text(h)
		var b strings.Builder
		at := 0
		for ; i < len(hits) && hits[i].Page == h.Page && hits[i].Article == h.Article &&
			hits[i].Field == h.Field && hits[i].Para == h.Para; i++ {
			b.WriteString(s[at:hits[i].Start] + "«" + s[hits[i].Start:hits[i].End] + "»")
			at = hits[i].End
		}
		b.WriteString(s[at:])
		name := h.Field.String()
		if h.Field == InParagraph {
			name = fmt.Sprintf("paragraph %d", h.Para)
		}
		out = append(out, fmt.Sprintf("%d/%d %s: %s", h.Page, h.Article, name, b.String()))
	}
	return out
}

func TestSearch(t *testing.T) {
	seed := loadPage(t, "000_5477695c32189c33.gold.json")
	d01 := loadPage(t, "d01.gold.json")
	seedHeads := &Article{ // the headline block of seed's third article
		Title: seed.Articles[2].Title, Subtitle: seed.Articles[2].Subtitle, Byline: seed.Articles[2].Byline,
	}
	pageOf := func(p *Page, article int) *Issue {
		return oneArticle(p.Articles[article])
	}
	// The pages' words stay in testdata: each query is a run of a field cut
	// out by rune offsets, and the want marks it where it stands.
	colQ, colWant := cut(t, seed.Articles[0].Paragraphs[1], 26, 31)
	lineQ, lineWant := cut(t, seed.Articles[0].Paragraphs[2], 32, 45)
	kickerQ, kickerWant := cut(t, d01.Articles[5].Kicker, 4, 8)
	subQ, subWant := cut(t, seedHeads.Subtitle, 8, 14)
	// The byline's query is its words after 本报 with the space left out.
	by, ok := strings.CutPrefix(seedHeads.Byline, "本报")
	if !ok || !strings.Contains(by, " ") {
		t.Fatalf("seed's byline %q: want 本报, then words with a space", seedHeads.Byline)
	}
	bylineQ, bylineWant := strings.ReplaceAll(by, " ", ""), "本报«"+by+"»"
	tests := []struct {
		name  string
		issue *Issue
		query string
		want  []string
	}{
		{"a phrase the page split across a column break",
			pageOf(seed, 0), colQ, []string{"0/0 paragraph 1: " + colWant}},
		{"a phrase the page split across a line break",
			pageOf(seed, 0), lineQ, []string{"0/0 paragraph 2: " + lineWant}},
		{"a letter-spaced passage typed as printed",
			oneArticle(&Article{Paragraphs: []string{"站点站长林晓岚介绍，坚持一手抓"}}), "林 晓 岚 介\n绍 ，坚 持 一",
			[]string{"0/0 paragraph 0: 站点站长«林晓岚介绍，坚持一»手抓"}},
		{"a query with spaces finds text without",
			oneArticle(&Article{Title: "晨光映照“邮路绿” 青春奋进新征程"}), "邮路 绿",
			[]string{"0/0 title: 晨光映照“«邮路绿»” 青春奋进新征程"}},
		{"text with spaces is found by a query without, spaces inside the hit",
			oneArticle(&Article{Paragraphs: []string{"截至 2 月 4 日，共有"}}), "2月4日",
			[]string{"0/0 paragraph 0: 截至 «2 月 4 日»，共有"}},
		{"whitespace is ignored on both sides, so Latin words run together",
			oneArticle(&Article{Paragraphs: []string{"some Latin words here"}}), "Latinwords",
			[]string{"0/0 paragraph 0: some «Latin words» here"}},
		{"a hit starts and ends on characters, not on the spaces around them",
			oneArticle(&Article{Paragraphs: []string{" \u3000税务 。"}}), " 税务 ",
			[]string{"0/0 paragraph 0:  \u3000«税务» 。"}},
		{"a full-width query finds half-width text",
			oneArticle(&Article{Paragraphs: []string{"编号ABC123的车"}}), "ＡＢＣ１２３",
			[]string{"0/0 paragraph 0: 编号«ABC123»的车"}},
		{"a half-width query finds full-width text",
			oneArticle(&Article{Paragraphs: []string{"编号ＡＢＣ１２３的车"}}), "ABC123",
			[]string{"0/0 paragraph 0: 编号«ＡＢＣ１２３»的车"}},
		{"a full-width comma is an ASCII comma",
			oneArticle(&Article{Paragraphs: []string{"1，2"}}), "1,2",
			[]string{"0/0 paragraph 0: «1，2»"}},
		{"half-width katakana is katakana",
			oneArticle(&Article{Paragraphs: []string{"日本のカタカナ"}}), "ｶﾀｶﾅ",
			[]string{"0/0 paragraph 0: 日本の«カタカナ»"}},
		{"an ideographic full stop has no ASCII twin",
			oneArticle(&Article{Paragraphs: []string{"完。又完."}}), "完.",
			[]string{"0/0 paragraph 0: 完。又«完.»"}},
		{"Latin case is folded",
			oneArticle(&Article{Paragraphs: []string{"新冠肺炎（COVID-19）疫情"}}), "covid-19",
			[]string{"0/0 paragraph 0: 新冠肺炎（«COVID-19»）疫情"}},
		{"case and width fold together",
			oneArticle(&Article{Paragraphs: []string{"区青少年5K越野赛"}}), "５ｋ",
			[]string{"0/0 paragraph 0: 区青少年«5K»越野赛"}},
		{"a Traditional query finds Simplified text",
			oneArticle(&Article{Title: "晨光映照“邮路绿” 青春奋进新征程"}), "郵路綠",
			[]string{"0/0 title: 晨光映照“«邮路绿»” 青春奋进新征程"}},
		{"a Simplified query finds Traditional text",
			oneArticle(&Article{Title: "市府籌辦城市論壇 廣邀學者 最看好陳國華",
				Paragraphs: []string{"論壇籌備進入尾聲，主辦單位邀請各地學者與會，台中市長陳國華也將上台致詞，相關細節仍在協調。"}}), "陈国华",
			[]string{
				"0/0 title: 市府籌辦城市論壇 廣邀學者 最看好«陳國華»",
				"0/0 paragraph 0: 論壇籌備進入尾聲，主辦單位邀請各地學者與會，台中市長«陳國華»也將上台致詞，相關細節仍在協調。",
			}},
		{"a Traditional query finds Simplified text, reverse",
			oneArticle(&Article{Paragraphs: []string{"台中市长陈国华30日"}}), "陳國華",
			[]string{"0/0 paragraph 0: 台中市长«陈国华»30日"}},
		{"one Traditional character with two Simplified ones: 畫 is 画 and 划",
			oneArticle(&Article{Paragraphs: []string{"台灣的計畫", "大陆的计划", "一幅画"}}), "计划",
			[]string{"0/0 paragraph 0: 台灣的«計畫»", "0/0 paragraph 1: 大陆的«计划»"}},
		{"乾 may be 干",
			oneArticle(&Article{Paragraphs: []string{"天气干燥", "乾隆年间"}}), "乾燥",
			[]string{"0/0 paragraph 0: 天气«干燥»"}},
		{"彷 may be 仿",
			oneArticle(&Article{Paragraphs: []string{"彷彿一夜之間"}}), "仿佛",
			[]string{"0/0 paragraph 0: «彷彿»一夜之間"}},
		{"different characters do not match",
			oneArticle(&Article{Title: seed.Articles[2].Title, Subtitle: seed.Articles[2].Subtitle}), "税收",
			nil},
		{"overlapping matches: the leftmost, not the one inside it",
			oneArticle(&Article{Paragraphs: []string{"aaa", "哈哈哈"}}), "aa",
			[]string{"0/0 paragraph 0: «aa»a"}},
		{"overlapping matches in Chinese",
			oneArticle(&Article{Paragraphs: []string{"哈哈哈"}}), "哈哈",
			[]string{"0/0 paragraph 0: «哈哈»哈"}},
		{"adjacent matches are separate hits",
			oneArticle(&Article{Paragraphs: []string{"哈哈哈哈哈"}}), "哈哈",
			[]string{"0/0 paragraph 0: «哈哈»«哈哈»哈"}},
		{"a hit in the kicker",
			oneArticle(&Article{Kicker: d01.Articles[5].Kicker, Title: d01.Articles[5].Title}), kickerQ,
			[]string{"0/0 kicker: " + kickerWant}},
		{"a hit in the subtitle",
			oneArticle(seedHeads), subQ,
			[]string{"0/0 subtitle: " + subWant}},
		{"a hit in the byline, across its space",
			oneArticle(seedHeads), bylineQ,
			[]string{"0/0 byline: " + bylineWant}},
		{"every field in reading order",
			oneArticle(&Article{Kicker: "甲乙", Title: "乙甲", Subtitle: "——甲", Byline: "记者甲", Paragraphs: []string{"甲", "", "乙甲乙"}}), "甲",
			[]string{
				"0/0 kicker: «甲»乙", "0/0 title: 乙«甲»", "0/0 subtitle: ——«甲»",
				"0/0 byline: 记者«甲»", "0/0 paragraph 0: «甲»", "0/0 paragraph 2: 乙«甲»乙",
			}},
		{"no match across two fields",
			oneArticle(&Article{Title: "税务", Subtitle: "蓝天", Paragraphs: []string{"税务", "蓝天"}}), "务蓝",
			nil},
		{"hits on several pages, in page order",
			&Issue{Pages: []*Page{
				{Articles: []*Article{{Title: "一"}, {Paragraphs: []string{"二一"}}}},
				{Articles: []*Article{{Title: "一二一"}}},
			}}, "一",
			[]string{"0/0 title: «一»", "0/1 paragraph 0: 二«一»", "1/0 title: «一»二«一»"}},
		{"an empty query finds nothing",
			pageOf(seed, 0), "",
			nil},
		{"a query of spaces finds nothing",
			pageOf(seed, 0), " \u3000\t",
			nil},
		{"a query longer than any text finds nothing",
			oneArticle(&Article{Title: "邮路", Paragraphs: []string{"邮路绿"}}), "邮路绿邮路绿",
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ix := NewIndex(tt.issue)
			got := marked(ix, ix.Search(tt.query))
			if !slices.Equal(got, tt.want) {
				t.Errorf("Search(%q)\n got %q\nwant %q", tt.query, got, tt.want)
			}
			if got := marked(ix, NewSearcher(ix).Search(tt.query)); !slices.Equal(got, tt.want) {
				t.Errorf("Searcher.Search(%q)\n got %q\nwant %q", tt.query, got, tt.want)
			}
		})
	}
}

// breakPhrases returns phrases of an extracted page that straddle a line
// break or a column break (a blank line): the last n characters of a line
// and the first n of the next non-blank one, as printed, with the break.
func breakPhrases(tb testing.TB, name string, n int) []string {
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		tb.Fatal(err)
	}
	var lines []string
	for l := range strings.Lines(string(b)) {
		if strings.TrimSpace(l) != "" {
			lines = append(lines, strings.TrimRight(l, "\n"))
		}
	}
	var phrases []string
	for i := 0; i+1 < len(lines); i++ {
		a, b := []rune(lines[i]), []rune(lines[i+1])
		if len(a) < n || len(b) < n {
			continue
		}
		phrases = append(phrases, string(a[len(a)-n:])+"\n"+string(b[:n]))
	}
	return phrases
}

func withoutSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// Every phrase the extractor broke across lines, and that the gold page holds
// in one paragraph, is found, and its hit is exactly that phrase.
func TestSearchFindsPhrasesAcrossBreaks(t *testing.T) {
	for _, page := range []struct{ text, gold string }{
		{"000_5477695c32189c33.txt", "000_5477695c32189c33.gold.json"},
		{"d02.txt", "d02.gold.json"},
	} {
		t.Run(page.text, func(t *testing.T) {
			issue := oneArticle(nil)
			issue.Pages[0] = loadPage(t, page.gold)
			ix := NewIndex(issue)
			var fields []string
			for _, a := range issue.Pages[0].Articles {
				fields = append(fields, a.Kicker, a.Title, a.Subtitle, a.Byline)
				fields = append(fields, a.Paragraphs...)
			}
			found := 0
			for _, phrase := range breakPhrases(t, page.text, 3) {
				want := withoutSpace(phrase)
				inGold := slices.ContainsFunc(fields, func(f string) bool {
					return strings.Contains(withoutSpace(f), want)
				})
				if !inGold {
					continue // a paragraph or a headline ends there
				}
				found++
				hits := ix.Search(phrase)
				if !slices.ContainsFunc(hits, func(h Hit) bool {
					return withoutSpace(ix.Text(h)[h.Start:h.End]) == want
				}) {
					t.Errorf("Search(%q) = %v: no hit on %s", phrase, marked(ix, hits), want)
				}
			}
			if found < 100 {
				t.Errorf("only %d phrases across breaks are in the gold page; the test proves little", found)
			}
			t.Logf("%d phrases across breaks found", found)
		})
	}
}

// naiveSearch is the specification of Search, written the slow and obvious
// way: each field on its own, as folded runes with their original spans,
// compared with the folded query at every position.
type naiveSearch struct {
	f      folder
	fields []naiveField
}

type naiveField struct {
	where        Hit
	runes        []rune // folded
	starts, ends []int  // of each folded rune's original
}

func newNaiveSearch(f folder, issue *Issue) *naiveSearch {
	n := &naiveSearch{f: f}
	for pi, p := range issue.Pages {
		for ai, a := range p.Articles {
			add := func(field Field, para int) {
				nf := naiveField{where: Hit{Page: pi, Article: ai, Field: field, Para: para}}
				s := a.Text(field, para)
				for i, r := range s {
					if r, ok := f.fold(r); ok {
						_, size := utf8.DecodeRuneInString(s[i:])
						nf.runes, nf.starts, nf.ends = append(nf.runes, r), append(nf.starts, i), append(nf.ends, i+size)
					}
				}
				n.fields = append(n.fields, nf)
			}
			for field := InKicker; field < InParagraph; field++ {
				add(field, 0)
			}
			for i := range a.Paragraphs {
				add(InParagraph, i)
			}
		}
	}
	return n
}

func (n *naiveSearch) search(query string) []Hit {
	q := []rune(n.f.foldString(query))
	if len(q) == 0 {
		return nil
	}
	var hits []Hit
	for _, f := range n.fields {
		for k := 0; k+len(q) <= len(f.runes); {
			if !slices.Equal(f.runes[k:k+len(q)], q) {
				k++
				continue
			}
			h := f.where
			h.Start, h.End = f.starts[k], f.ends[k+len(q)-1]
			hits = append(hits, h)
			k += len(q)
		}
	}
	return hits
}

// randomQuery takes a piece of the issue's text and, at random, spaces it out,
// widens or narrows it, changes its case or converts its script.
func randomQuery(rng *rand.Rand, issue *Issue, toTraditional, toSimplified func(string) string) string {
	p := issue.Pages[rng.IntN(len(issue.Pages))]
	a := p.Articles[rng.IntN(len(p.Articles))]
	var s string
	if rng.IntN(4) == 0 {
		s = a.Text(Field(rng.IntN(int(InParagraph))), 0)
	} else if len(a.Paragraphs) > 0 {
		s = a.Paragraphs[rng.IntN(len(a.Paragraphs))]
	}
	runes := []rune(s)
	if len(runes) == 0 {
		return ""
	}
	i := rng.IntN(len(runes))
	j := min(len(runes), i+1+rng.IntN(8))
	q := string(runes[i:j])
	switch rng.IntN(6) {
	case 0:
		q = toTraditional(q)
	case 1:
		q = toSimplified(q)
	case 2:
		q = strings.Join(strings.Split(q, ""), " ")
	case 3:
		q = strings.Map(func(r rune) rune { // widen ASCII
			if '!' <= r && r <= '~' {
				return r - '!' + '！'
			}
			return r
		}, q)
	case 4:
		q = strings.ToUpper(q)
	}
	return q
}

// Search agrees with naiveSearch on random pieces of the corpus, every hit
// covers text that folds to the query, and a Searcher typing the query one
// character at a time, then deleting it, agrees at every keystroke.
func TestSearchProperties(t *testing.T) {
	issue := goldIssue(t)
	ix := NewIndex(issue)
	toTraditional, toSimplified := converters(t)
	rng := rand.New(rand.NewPCG(1, 2))
	naive := newNaiveSearch(ix.fold, issue)
	typing := NewSearcher(ix)
	n := 1000
	if testing.Short() {
		n = 200
	}
	for range n {
		q := randomQuery(rng, issue, toTraditional, toSimplified)
		hits := ix.Search(q)
		if want := naive.search(q); !slices.Equal(hits, want) {
			t.Fatalf("Search(%q)\n got %v\nwant %v", q, marked(ix, hits), marked(ix, want))
		}
		if strings.TrimSpace(q) != "" && len(hits) == 0 {
			t.Fatalf("Search(%q) found nothing; the query is a piece of the issue", q)
		}
		fq := ix.fold.foldString(q)
		for i, h := range hits {
			s := ix.Text(h)
			if got := ix.fold.foldString(s[h.Start:h.End]); got != fq {
				t.Fatalf("Search(%q) hit %v covers %q, which folds to %q", q, h, s[h.Start:h.End], got)
			}
			if i > 0 && hits[i-1].compare(h) >= 0 {
				t.Fatalf("Search(%q) hits out of reading order: %v then %v", q, hits[i-1], h)
			}
		}
		runes := []rune(q)
		for k := 1; k <= len(runes); k++ {
			checkSearcher(t, ix, typing, string(runes[:k]))
		}
		for k := len(runes) - 1; k >= 1; k-- {
			checkSearcher(t, ix, typing, string(runes[:k]))
		}
	}
}

func checkSearcher(t *testing.T, ix *Index, s *Searcher, q string) {
	t.Helper()
	if got, want := s.Search(q), ix.Search(q); !slices.Equal(got, want) {
		t.Fatalf("Searcher.Search(%q)\n got %v\nwant %v", q, marked(ix, got), marked(ix, want))
	}
}

// A longer query matches only where the shorter one occurred, even where the
// shorter one's hits skipped it as overlapping: aab in aaab.
func TestSearcherKeepsOverlappingCandidates(t *testing.T) {
	ix := NewIndex(oneArticle(&Article{Paragraphs: []string{"aaab", "哈哈哈笑"}}))
	s := NewSearcher(ix)
	for _, step := range []struct {
		query string
		want  []string
	}{
		{"a", []string{"0/0 paragraph 0: «a»«a»«a»b"}},
		{"aa", []string{"0/0 paragraph 0: «aa»ab"}},
		{"aab", []string{"0/0 paragraph 0: a«aab»"}},
		{"aa", []string{"0/0 paragraph 0: «aa»ab"}},
		{"哈哈", []string{"0/0 paragraph 1: «哈哈»哈笑"}},
		{"哈哈笑", []string{"0/0 paragraph 1: 哈«哈哈笑»"}},
		{"哈 哈 笑 ", []string{"0/0 paragraph 1: 哈«哈哈笑»"}},
		{"", nil},
		{"笑", []string{"0/0 paragraph 1: 哈哈哈«笑»"}},
	} {
		if got := marked(ix, s.Search(step.query)); !slices.Equal(got, step.want) {
			t.Errorf("Search(%q)\n got %q\nwant %q", step.query, got, step.want)
		}
	}
}

// cut returns the runes from..to of s and s with them between « and »,
// failing when they are not the only such run in s.
func cut(t *testing.T, s string, from, to int) (query, marked string) {
	t.Helper()
	r := []rune(s)
	if to > len(r) {
		t.Fatalf("%d runes, want at least %d", len(r), to)
	}
	query = string(r[from:to])
	if strings.Count(s, query) != 1 {
		t.Fatalf("the run %d..%d occurs %d times", from, to, strings.Count(s, query))
	}
	return query, string(r[:from]) + "«" + query + "»" + string(r[to:])
}

func TestContext(t *testing.T) {
	ix := NewIndex(oneArticle(&Article{Title: "晨光映照“邮路绿” 青春奋进新征程", Paragraphs: []string{"邮路绿"}}))
	hits := ix.Search("邮路绿")
	if len(hits) != 2 {
		t.Fatalf("hits = %v", hits)
	}
	tests := []struct {
		name   string
		hit    Hit
		radius int
		want   [3]string
	}{
		{"a radius in characters", hits[0], 2, [3]string{"照“", "邮路绿", "” "}},
		{"a radius wider than the field", hits[0], 100, [3]string{"晨光映照“", "邮路绿", "” 青春奋进新征程"}},
		{"no context", hits[1], 5, [3]string{"", "邮路绿", ""}},
		{"a hit not in the index", Hit{Page: 3}, 5, [3]string{}},
		{"a hit beyond its field", Hit{Field: InParagraph, Start: 2, End: 99}, 5, [3]string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, m, a := ix.Context(tt.hit, tt.radius)
			if got := [3]string{b, m, a}; got != tt.want {
				t.Errorf("Context(%v, %d) = %q, want %q", tt.hit, tt.radius, got, tt.want)
			}
		})
	}
}

func TestCounts(t *testing.T) {
	issue := &Issue{Pages: []*Page{
		{Articles: []*Article{{Title: "税务", Paragraphs: []string{"税务税务"}}, {Title: "无"}}},
		{},
		{Articles: []*Article{{Byline: "稅務"}}},
	}}
	ix := NewIndex(issue)
	hits := append(ix.Search("税务"), Hit{Page: 7})
	want := [][]int{{3, 0}, {}, {1}}
	if got := ix.Counts(hits); !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("Counts = %v, want %v", got, want)
	}
}

func TestNewIndexOfNothing(t *testing.T) {
	for _, issue := range []*Issue{nil, {}, {Pages: []*Page{nil, {Articles: []*Article{nil, {}}}}}} {
		ix := NewIndex(issue)
		if hits := ix.Search("税"); hits != nil {
			t.Errorf("Search in %v = %v", issue, hits)
		}
	}
}

func TestStoryOf(t *testing.T) {
	// A story that starts on page 1 and goes on to page 3, and a story of
	// one part on page 3 before its second part.
	first := &Article{Title: "邮路绿", ContinuedTo: 3, Paragraphs: []string{"一邮", "二邮"}}
	rest := &Article{ContinuedFrom: 1, Paragraphs: []string{"三邮", "四邮"}}
	other := &Article{Title: "其他", Paragraphs: []string{"邮"}}
	issue := &Issue{
		Pages: []*Page{
			{Number: 1, Articles: []*Article{first}},
			{Number: 3, Articles: []*Article{other, rest}},
		},
		Stories: []*Story{
			{Parts: []*Article{first, rest}, Pages: []int{1, 3}},
			{Parts: []*Article{other}, Pages: []int{3}},
		},
	}
	ix := NewIndex(issue)
	type place struct {
		story, para int
		ok          bool
	}
	var got []place
	hits := ix.Search("邮")
	for _, h := range hits {
		s, p, ok := ix.StoryOf(h)
		got = append(got, place{s, p, ok})
	}
	want := []place{{0, 0, true}, {0, 0, true}, {0, 1, true}, {1, 0, true}, {0, 2, true}, {0, 3, true}}
	if !slices.Equal(got, want) {
		t.Errorf("StoryOf the hits of 邮 = %v, want %v", got, want)
	}
	if got, want := ix.StoryCounts(hits), []int{5, 1}; !slices.Equal(got, want) {
		t.Errorf("StoryCounts = %v, want %v", got, want)
	}
	if _, _, ok := ix.StoryOf(Hit{Page: 5}); ok {
		t.Errorf("StoryOf a hit outside the issue is ok")
	}
	issue.Stories = nil
	if _, _, ok := NewIndex(issue).StoryOf(hits[0]); ok {
		t.Errorf("StoryOf in an issue without stories is ok")
	}
}
