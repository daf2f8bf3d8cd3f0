package parse

import (
	"runtime"
	"slices"
	"strings"
	"testing"
)

func TestJoinRunOns(t *testing.T) {
	body := func(s string) piece { return piece{line: line{text: s}, role: roleBody} }
	head := func(s string) piece { return piece{line: line{text: s}, role: roleHead} }
	onePer := func(ps []piece) []para {
		out := make([]para, len(ps))
		for i := range ps {
			out[i] = para{text: ps[i].text, first: i, last: i}
		}
		return out
	}
	cases := []struct {
		name   string
		ps     []piece
		starts []float64
		edit   func(paras []para)
		story  []int // the story's paragraphs, one a piece when nil
		want   []string
	}{
		{"a headline-like line scored as no paragraph's start goes on with the one before",
			[]piece{body("新线路开通后让居民出行更方"), head("便"), body("5月起新增的三条公交")},
			[]float64{0, -4.7, 6.8}, nil, nil,
			[]string{"新线路开通后让居民出行更方便", "5月起新增的三条公交"}},
		{"a subhead scored as a paragraph's start stays a paragraph",
			[]piece{body("记者近日走访了城东几个社区。"), head("社区食堂受欢迎"), body("每到中午，社区食堂里")},
			[]float64{0, 7.5, 5.9}, nil, nil,
			[]string{"记者近日走访了城东几个社区。", "社区食堂受欢迎", "每到中午，社区食堂里"}},
		{"the line after a headline-like first line goes on with it",
			[]piece{body("王阿姨说。"), head("“社区食堂开到家门口，"), body("老人们吃饭方便多了！”")},
			[]float64{0, 3, -4}, nil, nil,
			[]string{"王阿姨说。", "“社区食堂开到家门口，老人们吃饭方便多了！”"}},
		{"two body paragraphs stay as the reflow parted them",
			[]piece{body("一段话的末行，"), body("下一段")},
			[]float64{0, -3}, nil, nil,
			[]string{"一段话的末行，", "下一段"}},
		{"a byline is no line of a paragraph",
			[]piece{head("本报记者 张三"), body("这是正文")},
			[]float64{0, -3}, func(p []para) { p[0].byline = true }, nil,
			[]string{"本报记者 张三", "这是正文"}},
		{"a continued-to marker ends its paragraph",
			[]piece{head("标题一样的行"), body("正文接着")},
			[]float64{0, -3}, func(p []para) { p[0].to = &marker{page: 4} }, nil,
			[]string{"标题一样的行", "正文接着"}},
		{"a line printed between them keeps them apart",
			[]piece{head("标题一样的行"), body("另一栏的行"), body("正文接着")},
			[]float64{0, 0, -3}, nil, []int{0, 2},
			[]string{"标题一样的行", "正文接着"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			paras := onePer(c.ps)
			s := []story{{paras: c.story, group: -1}}
			if s[0].paras == nil {
				for k := range paras {
					s[0].paras = append(s[0].paras, k)
				}
			}
			if c.edit != nil {
				c.edit(paras)
			}
			joinRunOns(c.ps, paras, s, c.starts)
			var got []string
			for _, k := range s[0].paras {
				got = append(got, paras[k].text)
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

// TestJoinRunOnsInLinearMemory: a story of 4,000 lines that each go on
// with the one before, headline-like lines and body lines by turns, is
// joined into one paragraph copying its text a few times, not once a line
// (some 140 MB when the paragraph's text grew line by line). The paragraph
// reads as the lines joined one by one (joinText), Latin words spaced.
func TestJoinRunOnsInLinearMemory(t *testing.T) {
	const n = 4000
	texts := []string{"今年以来，全市经济运行稳中有进，消费市场持", "续优化", "GDP", "growth", "3.5%"}
	ps := make([]piece, n)
	paras := make([]para, n)
	starts := make([]float64, n)
	s := story{group: -1}
	want, size := "", 0
	for i := range ps {
		r := roleBody
		if i%2 == 1 {
			r = roleHead
		}
		ps[i] = piece{line: line{text: texts[i%len(texts)]}, role: r}
		paras[i] = para{text: ps[i].text, first: i, last: i}
		starts[i] = -1
		s.paras = append(s.paras, i)
		size += len(ps[i].text)
		if i < 50 {
			want = joinText(want, ps[i].text)
		}
	}
	stories := []story{s}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	joinRunOns(ps, paras, stories, starts)
	runtime.ReadMemStats(&after)
	if got := stories[0].paras; len(got) != 1 || paras[got[0]].last != n-1 {
		t.Fatalf("the story's paragraphs are %v, want one of every line", got)
	}
	if text := paras[stories[0].paras[0]].text; !strings.HasPrefix(text, want) || len(text) < size {
		t.Errorf("the paragraph reads %.80q…, %d bytes of %d; want it to open %q", text, len(text), size, want)
	}
	if mb := (after.TotalAlloc - before.TotalAlloc) >> 20; mb > 16 {
		t.Errorf("%d lines of %d bytes took %d MB", n, size, mb)
	}
}
