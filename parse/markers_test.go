package parse

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/dubaoreader/dubao/model"
)

func TestFindMarkers(t *testing.T) {
	type m struct {
		text string
		from bool
		page int
	}
	tests := []struct {
		name string
		line string
		want []m
	}{
		{"上接 at the head of a line", "（上接第2版）修缮老旧街巷，", []m{{"（上接第2版）", true, 2}}},
		{"下转 at the end of a line", "落在实处见效。（下转第4版）", []m{{"（下转第4版）", false, 4}}},
		{"转 alone", "（转第4版）", []m{{"（转第4版）", false, 4}}},
		{"接 alone", "（接第1版）", []m{{"（接第1版）", true, 1}}},
		{"紧接", "（紧接第3版）", []m{{"（紧接第3版）", true, 3}}},
		{"续", "（续第2版）", []m{{"（续第2版）", true, 2}}},
		{"ASCII brackets", "(下转第4版)", []m{{"(下转第4版)", false, 4}}},
		{"mixed brackets", "（下转第4版)", []m{{"（下转第4版)", false, 4}}},
		{"full-width digit", "（下转第４版）", []m{{"（下转第４版）", false, 4}}},
		{"full-width digits", "（上接第１２版）", []m{{"（上接第１２版）", true, 12}}},
		{"Chinese numeral", "（上接第二版）", []m{{"（上接第二版）", true, 2}}},
		{"Chinese numeral with 十", "（下转第十二版）", []m{{"（下转第十二版）", false, 12}}},
		{"Chinese numeral 二十", "（下转第二十版）", []m{{"（下转第二十版）", false, 20}}},
		{"no 第", "（下转4版）", []m{{"（下转4版）", false, 4}}},
		{"a section letter", "（下转第A3版）", []m{{"（下转第A3版）", false, 3}}},
		{"spaces inside, as extracted", "（下转 第 3 版）", []m{{"（下转 第 3 版）", false, 3}}},
		{"bare 上接 at the head of a line", "上接第2版", []m{{"上接第2版", true, 2}}},
		{"bare 下转 at the end of a line", "确保粮食稳产增产。下转第4版", []m{{"下转第4版", false, 4}}},
		{"two markers on one line", "（上接第2版）（下转第3版）", []m{{"（上接第2版）", true, 2}, {"（下转第3版）", false, 3}}},
		{"转 in a sentence", "他们转第3批物资到灾区。", nil},
		{"接 and 版 in a sentence", "市民接第二版教材", nil},
		{"a 版 with no verb", "第二版教材（修订版）", nil},
		{"bare marker in the middle of a line", "他说下转第4版的稿件", nil},
		{"下轉 in Traditional script", "工作還在推進。（下轉第4版）", []m{{"（下轉第4版）", false, 4}}},
		{"轉 alone in Traditional script", "（轉第4版）", []m{{"（轉第4版）", false, 4}}},
		{"緊接 in Traditional script", "（緊接第3版）", []m{{"（緊接第3版）", true, 3}}},
		{"續 in Traditional script", "（續第2版）", []m{{"（續第2版）", true, 2}}},
		{"bare 下轉 at the end of a line", "工作還在推進。下轉第4版", []m{{"下轉第4版", false, 4}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []m
			for _, x := range findMarkers(tt.line) {
				got = append(got, m{x.text, x.from, x.page})
				if tt.line[x.start:x.end] != x.text {
					t.Errorf("marker %q has offsets [%d,%d) of %q", x.text, x.start, x.end, tt.line)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("findMarkers(%q)\n got %v\nwant %v", tt.line, got, tt.want)
			}
		})
	}
}

// A page with the end of a story continued from page 2 and a story that
// goes on to page 4. first are the lines of the first paragraph, with its
// marker; last the last lines of the page's last paragraph, with its
// marker, before the story's headline.
func markerPage(first, last []string, blanks bool) string {
	lines := slices.Concat(
		first,
		[]string{
			"持续改善城市人居环境提升",
			"品质。加快补齐公共服务设施的",
			"短板，让居民生活更便利舒心。",
			"本报讯（记者王伟）眼下正",
			"值春耕备耕关键时期，全市各地",
			"抢抓农时，组织农民开展土地深",
			"翻、种子调运和农机检修等工",
			"作。",
			"在城南镇的一处育秧大棚",
			"里，技术员正在指导农户调试播",
			"种设备。合作社负责人张建国",
			"说，种子和化肥已到位。",
			"市农业农村局相关负责人表",
			"示，今年全市计划播种粮食作物",
			"120万亩，将继续推广测土配方",
		},
		last,
		[]string{"春耕备耕有序推进"},
	)
	if blanks {
		// pdftotext without -raw parts the text blocks with blank lines.
		var out []string
		for i, l := range lines {
			if i > 0 && hasPrefixAny(l, "毫不", "本报讯", "在城南", "市农业", "春耕", "（下转", "下转", "本报记者") {
				out = append(out, "")
			}
			out = append(out, l)
		}
		lines = out
	}
	return page(lines...)
}

// The first paragraph of markerPage, after a marker inline or on a line of
// its own.
var (
	firstInline = func(marker string) []string {
		return []string{marker + "修缮老旧街巷，", "整治背街楼、改造供水管网，增", "设社区养老食堂。推进垃圾分", "类、完善停车设施。"}
	}
	firstOwnLine = func(marker string) []string {
		return []string{marker, "修缮老旧街巷，整治背街楼、改", "造供水管网，增设社区养老食", "堂。推进垃圾分类、完善停车设", "施。"}
	}
)

// markerArticles is what markerPage holds, with the markers as printed.
func markerArticles(fromPage, toPage int, fromMarker, toMarker string) []*model.Article {
	return []*model.Article{
		{ContinuedFrom: fromPage, Markers: []string{fromMarker}, Paragraphs: []string{
			"修缮老旧街巷，整治背街楼、改造供水管网，增设社区养老食堂。推进垃圾分类、完善停车设施。",
			"持续改善城市人居环境提升品质。加快补齐公共服务设施的短板，让居民生活更便利舒心。",
		}},
		{Title: "春耕备耕有序推进", Byline: "本报讯（记者王伟）", ContinuedTo: toPage, Markers: []string{toMarker}, Paragraphs: []string{
			"眼下正值春耕备耕关键时期，全市各地抢抓农时，组织农民开展土地深翻、种子调运和农机检修等工作。",
			"在城南镇的一处育秧大棚里，技术员正在指导农户调试播种设备。合作社负责人张建国说，种子和化肥已到位。",
			"市农业农村局相关负责人表示，今年全市计划播种粮食作物120万亩，将继续推广测土配方施肥。",
		}},
	}
}

// endingIn changes the end of the last paragraph of markerArticles.
func endingIn(end string, arts []*model.Article) []*model.Article {
	ps := arts[1].Paragraphs
	ps[len(ps)-1] = strings.TrimSuffix(ps[len(ps)-1], "施肥。") + end
	return arts
}

func TestContinuationMarkers(t *testing.T) {
	tests := []struct {
		name  string
		page  string
		want  []*model.Article
		known string
	}{
		{"in the text, at the head of the first line and the end of the last",
			markerPage(firstInline("（上接第2版）"), []string{"施肥。（下转第4版）"}, false),
			markerArticles(2, 4, "（上接第2版）", "（下转第4版）"), ""},
		{"on lines of their own",
			markerPage(firstOwnLine("（上接第2版）"), []string{"施肥。", "（下转第4版）"}, false),
			markerArticles(2, 4, "（上接第2版）", "（下转第4版）"), ""},
		{"on lines of their own, with blank lines",
			markerPage(firstOwnLine("（上接第2版）"), []string{"施肥。", "（下转第4版）"}, true),
			markerArticles(2, 4, "（上接第2版）", "（下转第4版）"), ""},
		{"without brackets",
			markerPage(firstOwnLine("上接第2版"), []string{"施肥。", "下转第4版"}, false),
			markerArticles(2, 4, "上接第2版", "下转第4版"), ""},
		{"ASCII brackets and a full-width digit",
			markerPage(firstInline("(上接第2版)"), []string{"施肥。（下转第４版）"}, false),
			markerArticles(2, 4, "(上接第2版)", "（下转第４版）"), ""},
		{"Chinese numerals",
			markerPage(firstInline("（上接第二版）"), []string{"施肥。（下转第十二版）"}, true),
			markerArticles(2, 12, "（上接第二版）", "（下转第十二版）"), ""},
		{"接 and 转 alone",
			markerPage(firstInline("（接第1版）"), []string{"施肥技术。（转第4版）"}, false),
			endingIn("施肥技术。", markerArticles(1, 4, "（接第1版）", "（转第4版）")), ""},
		{"extracted with spaces",
			markerPage(firstInline("（上接第 2 版） "), []string{"施肥。 （下转第 4 版）"}, true),
			markerArticles(2, 4, "（上接第2版）", "（下转第4版）"), ""},
		{"the marker wrapped over two lines",
			markerPage(firstInline("（上接第2版）"), []string{"施肥。下转第", "4版"}, false),
			markerArticles(2, 4, "（上接第2版）", "下转第4版"),
			"a marker broken over two lines is not found: its parts stay in the text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := Text(tt.page)
			msg := articlesDiffer(p, tt.want)
			for _, a := range p.Articles {
				for _, q := range append([]string{a.Title, a.Byline}, a.Paragraphs...) {
					if strings.Contains(q, "版") {
						msg += fmt.Sprintf("a marker left in the text: %q\n", q)
					}
				}
			}
			report(t, msg, tt.known)
		})
	}
}

// A continuation marker is not lost, wherever it stands and however many
// there are: it is kept in Article.Markers (or, where no article can take
// it, somewhere in the tree).
func TestMarkersAreKept(t *testing.T) {
	tests := []struct {
		name  string
		page  string
		known string
	}{
		{"a story continued to two pages",
			page("本报讯（记者何晴）3月12日上午，会议召开（下转第3版）（下转第4版）"),
			""},
		{"two markers on lines of their own",
			page("会议召开了。", "（下转第3版）", "（下转第4版）"),
			""},
		{"continued from two pages",
			page("（上接第2版）会议召开。（上接第3版）会议继续。"),
			""},
		{"a marker alone on the page",
			page("（转4版）"),
			""},
		{"a marker before any text",
			page("（下转第3版）", "会议召开了。"),
			""},
		{"a marker on a byline's line",
			page("本报记者 史俊杰（下转第2版）", "正文一行字在这里。"), ""},
		{"a marker on a headline's line",
			page("市区新增三条公交线路覆盖城东新区和大学城（下转第3版）", "本报讯（记者何晴）3月12日上午，会议召开。"), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			report(t, checkNothingLost([]byte(tt.page)), tt.known)
		})
	}
}

// A marker on the line of a byline or a headline still says where the
// story goes on, and leaves the byline or the headline.
func TestMarkersLeaveBylinesAndHeadlines(t *testing.T) {
	tests := []struct {
		name  string
		page  string
		want  []*model.Article
		known string
	}{
		{"on a byline's line",
			markerPage(firstInline("（上接第2版）"), []string{"施肥。", "本报记者 王伟（下转第4版）"}, true),
			nil,
			""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := Text(tt.page)
			msg := ""
			to := 0
			for _, a := range p.Articles {
				to = max(to, a.ContinuedTo)
				for _, f := range []string{a.Title, a.Kicker, a.Subtitle, a.Byline} {
					if strings.Contains(f, "下转") {
						msg += fmt.Sprintf("the marker is left in %q\n", f)
					}
				}
			}
			if to != 4 {
				msg += fmt.Sprintf("no article goes on to page 4\n%s", describe(p))
			}
			report(t, msg, tt.known)
		})
	}
}
