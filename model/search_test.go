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
	d02 := loadPage(t, "d02.gold.json")
	seedHeads := &Article{ // the headline block of seed's third article
		Title: seed.Articles[2].Title, Subtitle: seed.Articles[2].Subtitle, Byline: seed.Articles[2].Byline,
	}
	pageOf := func(p *Page, article int) *Issue {
		return oneArticle(p.Articles[article])
	}
	tests := []struct {
		name  string
		issue *Issue
		query string
		want  []string
	}{
		{"a phrase the page split across a column break",
			pageOf(seed, 0), "二十大精神",
			[]string{"0/0 paragraph 1: 王根元指出，2023年，全市各级工会认真学习贯彻党的«二十大精神»、中国工会十八大精神，紧紧围绕助推“156”战略举措，在职工思想引领、助力转型发展、确保政治安全、加强组织建设、维护职工权益、关爱服务职工、推进党的建设等各方面工作都取得了突出成效。"}},
		{"a phrase the page split across a line break",
			pageOf(seed, 0), "新时代中国特色社会主义思想",
			[]string{"0/0 paragraph 2: 王根元强调，今年，各级工会要坚持党对工会工作的全面领导，用习近平«新时代中国特色社会主义思想»凝心铸魂；要主动服务和融入新发展格局，在推动高质量发展、深化全方位转型中充分发挥工人阶级主力军作用；要始终坚持以职工为中心的工作导向，扎实做好工会维权服务工作，切实维护劳动领域政治安全；要始终保持积极进取、改革创新的精神状态，持续深化工会改革，加强工会组织自身建设，以只争朝夕的紧迫感，真抓实干、奋勇争先，团结动员全市广大职工为书写中国式现代化晋中篇章作出工会组织新的更大贡献，以优异成绩迎接新中国成立75周年。"}},
		{"a letter-spaced passage typed as printed",
			oneArticle(&Article{Paragraphs: []string{"分局局长郭树书介绍，坚持一手抓"}}), "郭 树 书 介\n绍 ，坚 持 一",
			[]string{"0/0 paragraph 0: 分局局长«郭树书介绍，坚持一»手抓"}},
		{"a query with spaces finds text without",
			oneArticle(&Article{Title: "芳华不负“税务蓝” 巾帼建功新时代"}), "税务 蓝",
			[]string{"0/0 title: 芳华不负“«税务蓝»” 巾帼建功新时代"}},
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
			oneArticle(&Article{Paragraphs: []string{"省全民健身5K挑战赛"}}), "５ｋ",
			[]string{"0/0 paragraph 0: 省全民健身«5K»挑战赛"}},
		{"a Traditional query finds Simplified text",
			oneArticle(&Article{Title: seed.Articles[2].Title}), "稅務藍",
			[]string{"0/0 title: 芳华不负“«税务蓝»” 巾帼建功新时代"}},
		{"a Simplified query finds Traditional text",
			oneArticle(&Article{Title: d02.Articles[1].Title, Paragraphs: d02.Articles[1].Paragraphs[:1]}), "韩国瑜",
			[]string{
				"0/0 title: 華府鎖定藍綠白地方首長 修補關係 美邀訪我政壇新星 最關注«韓國瑜»",
				"0/0 paragraph 0: 我九合一選舉結果出乎美方預料，為重新了解台灣政局，美方積極透過智庫邀訪藍白綠地方首長赴美，除了柯文哲預計明年3月訪美外，綠營地方最大咖的桃園市長鄭文燦也有赴美計畫，高雄市長«韓國瑜»更是各界邀訪對象，但因上任後行程太滿，行程尚未排定。",
			}},
		{"a Traditional query finds Simplified text, reverse",
			oneArticle(&Article{Paragraphs: []string{"高雄市长韩国瑜30日"}}), "韓國瑜",
			[]string{"0/0 paragraph 0: 高雄市长«韩国瑜»30日"}},
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
			oneArticle(&Article{Kicker: d01.Articles[5].Kicker, Title: d01.Articles[5].Title}), "三年行动",
			[]string{"0/0 kicker: 脱贫攻坚«三年行动»开局良好"}},
		{"a hit in the subtitle",
			oneArticle(seedHeads), "第一税务分局",
			[]string{"0/0 subtitle: ——介休市税务局«第一税务分局»谱写税务华章贡献“她”力量"}},
		{"a hit in the byline, across its space",
			oneArticle(seedHeads), "记者史俊杰",
			[]string{"0/0 byline: 本报«记者 史俊杰»"}},
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
			oneArticle(&Article{Title: "税务", Paragraphs: []string{"税务蓝"}}), "税务蓝税务蓝",
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

func TestContext(t *testing.T) {
	ix := NewIndex(oneArticle(&Article{Title: "芳华不负“税务蓝” 巾帼建功新时代", Paragraphs: []string{"税务蓝"}}))
	hits := ix.Search("税务蓝")
	if len(hits) != 2 {
		t.Fatalf("hits = %v", hits)
	}
	tests := []struct {
		name   string
		hit    Hit
		radius int
		want   [3]string
	}{
		{"a radius in characters", hits[0], 2, [3]string{"负“", "税务蓝", "” "}},
		{"a radius wider than the field", hits[0], 100, [3]string{"芳华不负“", "税务蓝", "” 巾帼建功新时代"}},
		{"no context", hits[1], 5, [3]string{"", "税务蓝", ""}},
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
	first := &Article{Title: "税务蓝", ContinuedTo: 3, Paragraphs: []string{"一税", "二税"}}
	rest := &Article{ContinuedFrom: 1, Paragraphs: []string{"三税", "四税"}}
	other := &Article{Title: "其他", Paragraphs: []string{"税"}}
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
	hits := ix.Search("税")
	for _, h := range hits {
		s, p, ok := ix.StoryOf(h)
		got = append(got, place{s, p, ok})
	}
	want := []place{{0, 0, true}, {0, 0, true}, {0, 1, true}, {1, 0, true}, {0, 2, true}, {0, 3, true}}
	if !slices.Equal(got, want) {
		t.Errorf("StoryOf the hits of 税 = %v, want %v", got, want)
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
