package tui

import (
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
		{"a heading that fits is one line", "全国政协召开远程讨论会", 40, []string{"全国政协召开远程讨论会"}},
		{"parts stay whole where they can",
			"童惠珍感慨 民進黨執政3年 僑界聲音消失 僑胞嘆民不聊生 盼韓帶來活水", 50,
			[]string{"童惠珍感慨 民進黨執政3年 僑界聲音消失", "僑胞嘆民不聊生 盼韓帶來活水"}},
		{"lines come out even, not a full line and a stub",
			"王根元主持召开市总工会三届七次全委（扩大）会议", 40,
			[]string{"王根元主持召开市总工会三", "届七次全委（扩大）会议"}},
		{"a part wider than the line is broken",
			"授予北京榜样优秀群体时代楷模称号", 12,
			[]string{"授予北京榜样", "优秀群体时代", "楷模称号"}},
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
	s := setIn(m, a, 20, true)
	var got []string
	for _, l := range s.lines {
		got = append(got, strings.Repeat(" ", l.lead)+l.text)
	}
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
	noIndent := setIn(m, a, 20, false)
	if noIndent.lines[7].text != "第一段。" {
		t.Errorf("without the indent: %q", noIndent.lines[7].text)
	}
}

func TestAnchorsSurviveRewrapping(t *testing.T) {
	m := layout.NewMeasure(layout.Narrow)
	para := strings.Repeat("一二三四五六七八九十，", 20)
	a := &model.Article{Title: "标题", Paragraphs: []string{para, para, para}}
	narrow := setIn(m, a, 20, true)
	wide := setIn(m, a, 60, true)
	for i := range narrow.lines {
		at := narrow.anchorAt(i)
		j := wide.lineOf(at)
		nl, wl := narrow.lines[i], wide.lines[j]
		switch {
		case nl.kind == lineBlank && nl.block > 0:
			if wl.kind != lineBlank || wide.lines[j+1].block != nl.block+1 {
				t.Errorf("line %d, the blank before block %d, comes back as line %d (%q)", i, nl.block+1, j, wl.text)
			}
		case nl.block == 0:
			if j != 0 {
				t.Errorf("line %d of the head comes back as line %d", i, j)
			}
		case wl.block != nl.block || wl.off > nl.off:
			t.Errorf("line %d (block %d at %d) comes back as line %d (block %d at %d)", i, nl.block, nl.off, j, wl.block, wl.off)
		}
	}
}

// TestLinesKnowTheirField checks what search highlights rest on: every
// line that shows text of the article says which field and where, so that
// the line's text is that field's bytes from there, and the lines of a
// field, in order, hold all of its text but the spaces between lines.
func TestLinesKnowTheirField(t *testing.T) {
	is := goldIssue(t, corpusPages...)
	for _, amb := range []layout.Ambiguous{layout.Narrow, layout.Wide} {
		m := layout.NewMeasure(amb)
		for _, width := range []int{9, 20, 37, 76} {
			for _, ind := range []bool{true, false} {
				for _, p := range is.Pages {
					for _, a := range p.Articles {
						s := setIn(m, a, width, ind)
						seen := map[[2]int]string{}
						for i, l := range s.lines {
							if l.field == noField {
								continue
							}
							text := a.Text(l.field, l.para)
							skip := l.fieldStart() - l.from
							if l.fieldEnd() > len(text) || l.text[skip:] != text[l.fieldStart():l.fieldEnd()] {
								t.Fatalf("%v width %d: line %d %q is not %s %d from %d of %q", amb, width, i, l.text, l.field, l.para, l.from, text)
							}
							if skip > 0 && l.text[:skip] != indent {
								t.Errorf("line %d: %q before the field's text", i, l.text[:skip])
							}
							k := [2]int{int(l.field), l.para}
							seen[k] += l.text[skip:]
						}
						for k, got := range seen {
							want := strings.ReplaceAll(a.Text(model.Field(k[0]), k[1]), " ", "")
							if strings.ReplaceAll(got, " ", "") != want {
								t.Errorf("%v width %d: %s %d is shown as %q, want %q", amb, width, model.Field(k[0]), k[1], got, want)
							}
						}
					}
				}
			}
		}
	}
}
