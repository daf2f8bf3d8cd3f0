package layout

import (
	"slices"
	"strings"
	"testing"
)

func TestWrap(t *testing.T) {
	tests := []struct {
		name  string
		m     Measure
		s     string
		width int
		want  []string
	}{
		{"between ideographs anywhere", narrow, "市侨商会三届五次全委会议", 8,
			[]string{"市侨商会", "三届五次", "全委会议"}},
		{"no line starts with ，", narrow, "我们今天，去北京", 8,
			[]string{"我们今", "天，去北", "京"}},
		{"no line starts with 。」", narrow, "他说好的。」然后走了", 10,
			[]string{"他说好", "的。」然后", "走了"}},
		{"opening quote not left at line end", narrow, "他说：“我们来了”", 8,
			[]string{"他说：", "“我们来", "了”"}},
		{"opening bracket not left at line end", narrow, "会议（扩大）召开", 6,
			[]string{"会议", "（扩", "大）召", "开"}},
		{"currency sign stays with its number", narrow, "价格为￥100元", 8,
			[]string{"价格为", "￥100元"}},
		{"—— stays whole", narrow, "他说——这是真的", 5,
			[]string{"他", "说——", "这是", "真的"}},
		{"—— stays whole in wide mode", wide, "他说——这是真的", 6,
			[]string{"他", "说——", "这是真", "的"}},
		{"…… stays whole", narrow, "好的……走吧", 5,
			[]string{"好", "的……", "走吧"}},
		{"a run of dashes splits between pairs", wide, "————————", 6,
			[]string{"——", "——", "——", "——"}},
		{"number 94.38% not split", narrow, "增长率达到94.38%。", 12,
			[]string{"增长率达到", "94.38%。"}},
		{"COVID-19 not split", narrow, "新冠COVID-19疫情", 10,
			[]string{"新冠", "COVID-19疫", "情"}},
		{"fraction and year not split", narrow, "2024年1/3的", 5,
			[]string{"2024", "年1/3", "的"}},
		{"mixed Latin words break at spaces, dropping one", narrow, "The quick brown fox", 10,
			[]string{"The quick", "brown fox"}},
		{"space at the line end is dropped", narrow, "hello world", 5,
			[]string{"hello", "world"}},
		{"run of spaces is kept", narrow, "a  b", 3,
			[]string{"a  ", "b"}},
		{"word wider than the line is broken hard", narrow, "internationalization", 5,
			[]string{"inter", "natio", "naliz", "ation"}},
		{"word wider than the line starts its own line", narrow, "中文internationalization", 8,
			[]string{"中文", "internat", "ionaliza", "tion"}},
		{"word wider than the line breaks, not the rule", narrow, "“internationalization”", 8,
			[]string{"“interna", "tionaliz", "ation”"}},
		{"word kept whole where it and a rule cannot both hold", narrow, "（COVID）", 8,
			[]string{"（COVID", "）"}},
		{"—— wider than the line splits before a rule breaks", wide, "a——", 3,
			[]string{"a—", "—"}},
		{"closing marks wider than the line break the rule, not the width", narrow, "好。」）》", 4,
			[]string{"好。", "」）", "》"}},
		{"wide quotes in wide mode", wide, "“十四五”规划", 10,
			[]string{"“十四五”", "规划"}},
		{"a string that exactly fits", narrow, "市侨商会", 8,
			[]string{"市侨商会"}},
		{"empty string is one empty line", narrow, "", 8,
			[]string{""}},
		{"only spaces are kept, broken hard", narrow, "     ", 2,
			[]string{"  ", "  ", " "}},
		{"width 1 puts a wide character alone", narrow, "中a文", 1,
			[]string{"中", "a", "文"}},
		{"width 1 still drops a single space", narrow, "中 文", 1,
			[]string{"中", "文"}},
		{"width below 1 means no limit", narrow, "市侨商会三届五次", 0,
			[]string{"市侨商会三届五次"}},
		{"combining mark stays with its base", narrow, "cafe\u0301 cafe\u0301", 4,
			[]string{"cafe\u0301", "cafe\u0301"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.m.Wrap(tt.s, tt.width)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Wrap(%q, %d) =\n\t%q\nwant\n\t%q", tt.s, tt.width, got, tt.want)
			}
			checkWrap(t, tt.m, tt.s, tt.width, tt.m.WrapSpans(tt.s, tt.width))
		})
	}
}

func TestWrapCorpusFitsAndKeepsRules(t *testing.T) {
	paras := append(corpusParagraphs(t), samplePara)
	for _, m := range []Measure{narrow, wide} {
		for _, width := range []int{10, 24, 40, 61, 80} {
			for _, p := range paras {
				checkWrap(t, m, p, width, m.WrapSpans(p, width))
			}
		}
	}
}

func TestLocate(t *testing.T) {
	s := "增长率达到94.38%。The quick brown fox"
	spans := narrow.WrapSpans(s, 12)
	// 增长率达到 | 94.38%。The | quick brown | fox
	tests := []struct {
		name      string
		hit       string
		line, col int
	}{
		{"first character", "增", 0, 0},
		{"inside the first line", "达到", 0, 6},
		{"start of a later line", "94", 1, 0},
		{"after a wide character", "The", 1, 8},
		{"word after a dropped space", "brown", 2, 6},
		{"last line", "fox", 3, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			off := strings.Index(s, tt.hit)
			line, col := narrow.Locate(s, spans, off)
			if line != tt.line || col != tt.col {
				t.Errorf("Locate(%q) = line %d col %d, want line %d col %d (lines %q)",
					tt.hit, line, col, tt.line, tt.col, narrow.Wrap(s, 12))
			}
		})
	}
	off := strings.Index(s, " quick")
	if line, col := narrow.Locate(s, spans, off); line != 1 || col != 11 {
		t.Errorf("a dropped space should fall at the end of the line before: line %d col %d", line, col)
	}
}
