package parse

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// Running heads and feet fill the page's number, date and name, are kept
// as the page's furniture, and stay out of the articles.
func TestFurniture(t *testing.T) {
	tests := []struct {
		name       string
		head, foot []string
		number     int
		date       string
		pageName   string
		furniture  []string // as printed; nil: the head and foot lines, trimmed
		known      string
	}{
		{"a running head: date, weekday, name, page",
			[]string{"2019年2月21日 星期四 要闻 第3版"}, nil, 3, "2019-02-21", "要闻", nil, ""},
		{"a running head that opens with the paper's name",
			[]string{"晋中日报 2024年3月13日 星期三 第3版 要闻"}, nil, 3, "2024-03-13", "要闻", nil, ""},
		{"the running head last, as pdftotext -raw may write it",
			nil, []string{"2019年2月21日 星期四 要闻 第3版"}, 3, "2019-02-21", "要闻", nil, ""},
		{"a running head over three lines, as pdfminer writes it",
			[]string{"2019年2月21日 星期四", "", "要 闻", "", "第3版", ""}, nil, 3, "2019-02-21", "要闻",
			[]string{"2019年2月21日 星期四", "要 闻", "第3版"}, ""},
		{"a running foot of editors",
			[]string{"2024年3月13日 星期三 第3版"}, []string{"责任编辑：张三 美编：李四 校对：王五"}, 3, "2024-03-13", "", nil, ""},
		{"a page number in full-width digits",
			[]string{"第０３版"}, nil, 3, "", "", nil, ""},
		{"a page number with a section letter",
			[]string{"2018年12月3日 星期一 焦點新聞 第A3版"}, nil, 3, "2018-12-03", "焦點新聞", nil, ""},
		{"a page number with a section letter and no 第",
			[]string{"2018年12月3日 星期一 焦點新聞 A3版"}, nil, 3, "2018-12-03", "焦點新聞", nil,
			""},
		{"an ISO date and a page number",
			[]string{"3 2024-03-13"}, nil, 3, "2024-03-13", "", nil, ""},
		{"a page number in Chinese numerals on its own line",
			[]string{"第三版"}, nil, 3, "", "", nil,
			""},
		{"the date line without a weekday",
			[]string{"2019年2月21日"}, nil, 0, "2019-02-21", "", nil, ""},
		{"a running head of the page's name and number, no date",
			[]string{"社区·民生 第2版"}, nil, 2, "", "社区·民生", nil, ""},
		{"the number before the name",
			[]string{"第12版 要闻"}, nil, 12, "", "要闻", nil, ""},
		{"a name and number as the running foot",
			nil, []string{"国际副刊 第五版"}, 5, "", "国际副刊", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := Text(page(slices.Concat(tt.head, farmAfter, tt.foot)...))
			wantFurniture := tt.furniture
			if wantFurniture == nil {
				for _, l := range slices.Concat(tt.head, tt.foot) {
					if strings.TrimSpace(l) != "" {
						wantFurniture = append(wantFurniture, strings.TrimSpace(l))
					}
				}
			}
			var msg string
			if p.Number != tt.number || p.Date != tt.date || p.Name != tt.pageName {
				msg += fmt.Sprintf("number %d date %q name %q, want %d %q %q\n", p.Number, p.Date, p.Name, tt.number, tt.date, tt.pageName)
			}
			if got := slices.Sorted(slices.Values(p.Furniture)); !slices.Equal(got, slices.Sorted(slices.Values(wantFurniture))) {
				msg += fmt.Sprintf("furniture %q, want %q\n", p.Furniture, wantFurniture)
			}
			if len(p.Articles) != 1 || p.Articles[0].Title != "春耕备耕有序推进" || !slices.Equal(p.Articles[0].Paragraphs, farmParagraphs) {
				msg += "the story is not what it was without the furniture:\n" + describe(p)
			}
			report(t, msg, tt.known)
		})
	}
}

// Lines that look a little like furniture but are the story's own stay in
// the story.
func TestNotFurniture(t *testing.T) {
	story := page(
		"本报讯（记者王伟）2019年2",
		"月21日，全市春耕备耕工作会",
		"议召开。会议要求，各地要抢抓",
		"农时，做好种子调运和农机检修",
		"等工作。",
		"第3版面刊登的通知显示，今",
		"年全市计划播种粮食作物120万",
		"亩。",
		"春耕备耕有序推进",
	)
	p := Text(story)
	if len(p.Furniture) != 0 || p.Number != 0 || p.Date != "" {
		t.Errorf("furniture %q, number %d, date %q taken from the story", p.Furniture, p.Number, p.Date)
	}
	want := []string{
		"2019年2月21日，全市春耕备耕工作会议召开。会议要求，各地要抢抓农时，做好种子调运和农机检修等工作。",
		"第3版面刊登的通知显示，今年全市计划播种粮食作物120万亩。",
	}
	if got := paragraphs(p); !slices.Equal(got, want) {
		t.Errorf("paragraphs\n got %q\nwant %q", got, want)
	}
}

// TestLineEmFindsEditorsMarks holds line.editors, which lineEm finds as it
// measures a line, to namesEditors: a line that names the editors has it,
// on random lines of words, marks, spaces and bytes that are not UTF-8.
func TestLineEmFindsEditorsMarks(t *testing.T) {
	for _, r := range editorsWords.marks {
		if r < 0x3000 || r > 0x9FFF {
			t.Fatalf("editorsWords' mark %q is not among the runes lineEm reads in its quick step", r)
		}
	}
	pieces := append([]string{"中", "，", "a", " ", "\u3000", "\xe7", "\xbc", "\x96", "\xe7\xbc", "：", "编", "版", "校", "編"}, editorsWords.words...)
	seed := uint64(1)
	next := func(n int) int { seed = seed*6364136223846793005 + 1442695040888963407; return int(seed>>33) % n }
	for range 20000 {
		var b []byte
		for range next(12) {
			b = append(b, pieces[next(len(pieces))]...)
		}
		l := newLine(string(b))
		if namesEditors(l.text) && !l.editors {
			t.Fatalf("newLine(%q) names the editors but has no editors' mark", b)
		}
	}
}

// TestLineEmFindsSpaces holds lineEm's space, on which newLine takes a
// line as it is, to hasSpace, and its width to the plain sum of its runes'
// (a space 0.3 em, the others emWidth), on random text with bytes that are
// not UTF-8.
func TestLineEmFindsSpaces(t *testing.T) {
	r := rand.New(rand.NewPCG(16, 16))
	pieces := []string{"中", "，", "a", " ", "\t", "\u3000", "\u00a0", "\xe3", "\x80", "\xe3\x80", "\xc2", "\xa0", "编", "é", "😀"}
	for range 20000 {
		s := drawText(r, pieces, r.IntN(12))
		want := 0.0
		for _, c := range s {
			if c == ' ' {
				want += 0.3
			} else {
				want += emWidth(c)
			}
		}
		w, editors, space := lineEm(s, false)
		if space != hasSpace(s) || w != want {
			t.Fatalf("lineEm(%q, false) = %v, %v, %v; want space %v, width %v", s, w, editors, space, hasSpace(s), want)
		}
		if _, _, stopped := lineEm(s, true); stopped != space {
			t.Fatalf("lineEm(%q, true) finds a space: %v, want %v", s, stopped, space)
		}
	}
}
