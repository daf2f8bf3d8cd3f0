package tui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dubaoreader/dubao/model"
	"github.com/dubaoreader/dubao/tui/layout"
)

func TestHeadingLines(t *testing.T) {
	m := layout.NewMeasure(layout.Narrow)
	tests := []struct {
		name  string
		text  string
		width int
		want  []string
	}{
		{"a heading that fits is one line", "区侨联召开线上座谈会议", 40, []string{"区侨联召开线上座谈会议"}},
		{"parts stay whole where they can",
			"林秀珠感嘆 老街再造第3年 鄰里聲音變多 居民盼舊貌新生 盼市府多支持", 50,
			[]string{"林秀珠感嘆 老街再造第3年 鄰里聲音變多", "居民盼舊貌新生 盼市府多支持"}},
		{"lines come out even, not a full line and a stub",
			"李长青主持召开市侨商会三届五次全委（扩大）会议", 40,
			[]string{"李长青主持召开市侨商会三", "届五次全委（扩大）会议"}},
		{"a part wider than the line is broken",
			"授予河西街道巡河队伍时代先锋称号", 12,
			[]string{"授予河西街道", "巡河队伍时代", "先锋称号"}},
		{"nothing is nothing", "", 10, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := headingLines(m, tt.text, tt.width)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("headingLines(%q, %d)\n got %q\nwant %q", tt.text, tt.width, got, tt.want)
			}
			for _, l := range got {
				if m.StringWidth(l) > tt.width {
					t.Errorf("%q is wider than %d", l, tt.width)
				}
			}
		})
	}
}

func TestSetIn(t *testing.T) {
	m := layout.NewMeasure(layout.Narrow)
	a := &model.Article{
		Kicker: "引题", Title: "标题", Subtitle: "——副题", Byline: "本报记者 某某",
		ContinuedFrom: 2, ContinuedTo: 5,
		Paragraphs: []string{"第一段。", "第二段。"},
	}
	s := setIn(m, one(a), 20, true)
	got := setLines(s)
	want := []string{
		"（上接第2版）",
		"        引题",
		"        标题",
		"       ——副题",
		"",
		"本报记者 某某",
		"",
		"　　第一段。",
		"",
		"　　第二段。",
		"",
		"       （下转第5版）",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("set as\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if s.start[1] != 7 || s.start[2] != 9 || s.start[3] != 11 {
		t.Errorf("blocks start at %v", s.start)
	}
	noIndent := setIn(m, one(a), 20, false)
	if noIndent.lines[7].text != "第一段。" {
		t.Errorf("without the indent: %q", noIndent.lines[7].text)
	}
}

// one is a story of one article.
func one(a *model.Article) *model.Story {
	return &model.Story{Parts: []*model.Article{a}, Pages: []int{0}}
}

// setLines returns the lines of a set story as they are drawn in the
// column: centred or set right by their lead.
func setLines(s *setArticle) []string {
	var out []string
	for _, l := range s.lines {
		out = append(out, strings.Repeat(" ", l.lead)+l.text)
	}
	return out
}

func TestSetInAStoryAcrossASeam(t *testing.T) {
	m := layout.NewMeasure(layout.Narrow)
	head := &model.Article{Title: "标题", Byline: "本报记者 某某", ContinuedTo: 4, Paragraphs: []string{"第一段。", "第二段，"}}
	tail := &model.Article{ContinuedFrom: 1, Paragraphs: []string{"接着讲。", "完。"}}
	tests := []struct {
		name   string
		story  *model.Story
		want   []string
		blocks []int // the first line of each block
	}{
		{"both parts, a mark at the seam", &model.Story{Parts: []*model.Article{head, tail}, Pages: []int{1, 4}}, []string{
			"          标题",
			"",
			"本报记者 某某",
			"",
			"　　第一段。",
			"",
			"　　第二段，",
			"",
			"      — 转第4版 —",
			"",
			"　　接着讲。",
			"",
			"　　完。",
		}, []int{0, 4, 6, 8, 12, 13}},
		{"the part after missing", &model.Story{Parts: []*model.Article{head}, Pages: []int{1}, MissingTo: 4}, []string{
			"          标题",
			"",
			"本报记者 某某",
			"",
			"　　第一段。",
			"",
			"　　第二段，",
			"",
			" 下转第4版，本期未收录",
		}, []int{0, 4, 6, 8}},
		{"the part before missing", &model.Story{Parts: []*model.Article{tail}, Pages: []int{4}, MissingFrom: 1}, []string{
			" 上接第1版，本期未收录",
			"",
			"　　接着讲。",
			"",
			"　　完。",
		}, []int{0, 2, 4, 5}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := setIn(m, tt.story, 24, true)
			got := setLines(s)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("set as\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			if fmt.Sprint(s.start) != fmt.Sprint(tt.blocks) {
				t.Errorf("blocks start at %v, want %v", s.start, tt.blocks)
			}
		})
	}
}

func TestAnchorsSurviveRewrapping(t *testing.T) {
	m := layout.NewMeasure(layout.Narrow)
	para := strings.Repeat("一二三四五六七八九十，", 20)
	a := &model.Article{Title: "标题", ContinuedTo: 2, Paragraphs: []string{para, para, para}}
	b := &model.Article{Title: "标题（续）", ContinuedFrom: 1, Paragraphs: []string{para, para}}
	story := &model.Story{Parts: []*model.Article{a, b}, Pages: []int{1, 2}}
	narrow := setIn(m, story, 20, true)
	wide := setIn(m, story, 60, true)
	for i := range narrow.lines {
		at := narrow.anchorAt(i)
		j := wide.lineOf(at)
		nl, wl := narrow.lines[i], wide.lines[j]
		switch {
		case nl.kind == lineBlank && nl.off > 0:
			if wl.kind != lineBlank || wl.block != nl.block || wide.lines[j+1].block != nl.block+1 {
				t.Errorf("line %d, the blank after block %d, comes back as line %d (%q)", i, nl.block, j, wl.text)
			}
		case nl.off < 0 || nl.block == 0:
			// The head and the seam: the same line, as far as it goes.
			if wl.block != nl.block || wl.off != nl.off || wl.text != nl.text {
				t.Errorf("line %d (%q, block %d at %d) comes back as line %d (%q, block %d at %d)", i, nl.text, nl.block, nl.off, j, wl.text, wl.block, wl.off)
			}
		case wl.block != nl.block || wl.off > nl.off:
			t.Errorf("line %d (block %d at %d) comes back as line %d (block %d at %d)", i, nl.block, nl.off, j, wl.block, wl.off)
		}
	}
	if got := narrow.lineOf(narrow.anchorAt(len(narrow.lines) + 5)); got != len(narrow.lines)-1 {
		t.Errorf("past the end comes back as line %d, want the last, %d", got, len(narrow.lines)-1)
	}
}

// TestLinesKnowTheirField checks what search highlights rest on: every
// line that shows text of the story says which part (by its section),
// which field and where, so that the line's text is that field's bytes
// from there, and the lines of a field, in order, hold all of its text but
// the spaces between lines.
func TestLinesKnowTheirField(t *testing.T) {
	is := goldIssue(t, corpusPages...)
	is.Stories = append(is.Stories, seamIssue(t).Stories...)
	for _, amb := range []layout.Ambiguous{layout.Narrow, layout.Wide} {
		m := layout.NewMeasure(amb)
		for _, width := range []int{9, 20, 37, 76} {
			for _, ind := range []bool{true, false} {
				for _, story := range is.Stories {
					_, st := readIssue(&model.Issue{Pages: []*model.Page{{Articles: story.Parts}}, Stories: []*model.Story{story}})
					v := st.all[0]
					s := setIn(m, story, width, ind)
					seen := map[[3]int]string{}
					// part is the article whose text section sec shows.
					part := func(sec int) *model.Article {
						if sec == 0 {
							return story.Parts[v.lead]
						}
						return story.Parts[sec-1]
					}
					for i, l := range s.lines {
						if l.field == noField {
							continue
						}
						text := part(l.sec).Text(l.field, l.para)
						skip := l.fieldStart() - l.from
						if l.fieldEnd() > len(text) || l.text[skip:] != text[l.fieldStart():l.fieldEnd()] {
							t.Fatalf("%v width %d: line %d %q is not %s %d from %d of %q", amb, width, i, l.text, l.field, l.para, l.from, text)
						}
						if skip > 0 && l.text[:skip] != indent {
							t.Errorf("line %d: %q before the field's text", i, l.text[:skip])
						}
						k := [3]int{l.sec, int(l.field), l.para}
						seen[k] += l.text[skip:]
					}
					for k, got := range seen {
						want := strings.ReplaceAll(part(k[0]).Text(model.Field(k[1]), k[2]), " ", "")
						if strings.ReplaceAll(got, " ", "") != want {
							t.Errorf("%v width %d: section %d %s %d is shown as %q, want %q", amb, width, k[0], model.Field(k[1]), k[2], got, want)
						}
					}
					// Every paragraph of every part is shown.
					n := 0
					for _, a := range story.Parts {
						n += len(a.Paragraphs)
					}
					paras := 0
					for k := range seen {
						if model.Field(k[1]) == model.InParagraph {
							paras++
						}
					}
					if paras != n {
						t.Errorf("%v width %d: %d paragraphs shown of %d", amb, width, paras, n)
					}
				}
			}
		}
	}
}
