package parse

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/dubaoreader/dubao/model"
)

// The small pages of these tests are set the way the corpus pages are: body
// columns of a fixed width in ems (an ideograph one em, a digit or Latin
// letter half), the first line of a paragraph two ems short (the extractor
// drops its indent), a character pushed down to the next line rather than
// let a comma start it.

// page joins lines into the text of a page.
func page(lines ...string) string { return strings.Join(lines, "\n") + "\n" }

// paragraphs returns the paragraphs of all the articles of p, in order.
func paragraphs(p *model.Page) []string {
	var out []string
	for _, a := range p.Articles {
		out = append(out, a.Paragraphs...)
	}
	return out
}

// Three paragraphs of one story, set in a column 14 ems wide: the text the
// reflow cases below cut differently.
var (
	busParagraphs = []string{
		"市民王女士说，过去坐公交去高铁站要倒两次车，现在方便多了，新线路开通后一趟就到。",
		"据了解，三条新线路均采用新能源公交车，早晚高峰发车间隔不超过10分钟。市民还可通过手机查询车辆位置。",
		"下一步，市公交公司还将根据客流变化，适时优化线路走向和站点设置。",
	}
	// With no blank line, as pdftotext -raw writes it.
	busRaw = page(
		"市民王女士说，过去坐公交",
		"去高铁站要倒两次车，现在方便",
		"多了，新线路开通后一趟就到。",
		"据了解，三条新线路均采用",
		"新能源公交车，早晚高峰发车间",
		"隔不超过10分钟。市民还可通过",
		"手机查询车辆位置。",
		"下一步，市公交公司还将根",
		"据客流变化，适时优化线路走向",
		"和站点设置。",
	)
	// The same lines as pdftotext without -raw writes them: a blank line
	// between text blocks, and one at the column break, mid-sentence.
	busBlocks = page(
		"市民王女士说，过去坐公交",
		"去高铁站要倒两次车，现在方便",
		"多了，新线路开通后一趟就到。",
		"",
		"据了解，三条新线路均采用",
		"新能源公交车，早晚高峰发车间",
		"",
		"隔不超过10分钟。市民还可通过",
		"手机查询车辆位置。",
		"",
		"下一步，市公交公司还将根",
		"据客流变化，适时优化线路走向",
		"和站点设置。",
	)
)

// More of the story, set in the same column, after the lines of each case:
// a column is judged on its lines around, as on a real page.
var (
	transitLines = []string{
		"近年来，我市持续加大公共",
		"交通投入，先后开通公交线路20",
		"余条，更新新能源公交车300多",
		"辆，城区公交站点500米覆盖率",
		"达到百分之百。",
		"市交通运输局有关负责人表",
		"示，将进一步完善公交线网，推",
		"动公交与地铁、出租车等多种交",
		"通方式融合衔接，让市民出行更",
		"加便捷舒适。",
		"据介绍，今年还将在主城区",
		"新建公交港湾式停靠站30处，改",
		"造提升候车亭100座，并在部分",
		"站点试点安装电子站牌，实时显",
		"示车辆到站信息。",
	}
	transitParagraphs = []string{
		"近年来，我市持续加大公共交通投入，先后开通公交线路20余条，更新新能源公交车300多辆，城区公交站点500米覆盖率达到百分之百。",
		"市交通运输局有关负责人表示，将进一步完善公交线网，推动公交与地铁、出租车等多种交通方式融合衔接，让市民出行更加便捷舒适。",
		"据介绍，今年还将在主城区新建公交港湾式停靠站30处，改造提升候车亭100座，并在部分站点试点安装电子站牌，实时显示车辆到站信息。",
	}
)

func TestReflow(t *testing.T) {
	tests := []struct {
		name  string
		page  string
		want  []string
		known string // a known parser bug this case shows; it is skipped
	}{
		{"a short line ends a paragraph",
			page(
				"3月15日起，市区将新增三",
				"条公交线路，覆盖城东新区、高",
				"铁站和大学城等客流集中的区域",
				"及周边的居民小区。",
				"据了解，三条新线路均采用",
				"新能源公交车，早晚高峰发车间",
				"隔不超过10分钟。",
			),
			[]string{
				"3月15日起，市区将新增三条公交线路，覆盖城东新区、高铁站和大学城等客流集中的区域及周边的居民小区。",
				"据了解，三条新线路均采用新能源公交车，早晚高峰发车间隔不超过10分钟。",
			}, ""},
		{"full line ending in 。 mid-paragraph",
			page(
				"3月15日起，市区将新增三",
				"条公交线路，覆盖城东新区、高",
				"铁站和大学城等客流集中区域。",
				"市公交公司有关负责人介绍，新",
				"线路开通后，城东新区居民到高",
				"铁站的换乘次数将由两次减少为",
				"一次。",
				"据了解，三条新线路均采用",
				"新能源公交车，早晚高峰发车间",
				"隔不超过10分钟。",
			),
			[]string{
				"3月15日起，市区将新增三条公交线路，覆盖城东新区、高铁站和大学城等客流集中区域。市公交公司有关负责人介绍，新线路开通后，城东新区居民到高铁站的换乘次数将由两次减少为一次。",
				"据了解，三条新线路均采用新能源公交车，早晚高峰发车间隔不超过10分钟。",
			}, ""},
		{"full line ending in 。 before an indented line ends a paragraph",
			busRaw, busParagraphs, ""},
		{"blank line mid-sentence at a column break (pdftotext without -raw)",
			busBlocks, busParagraphs, ""},
		{"the same text with no blank lines (pdftotext -raw)",
			busRaw, busParagraphs, ""},
		{"line short by the character pushed down before a comma",
			page(
				"为提升服务水平，馆里每周",
				"组织岗位练兵，借阅服务前台是",
				"每天与读者们面对面沟通的地",
				"方，我们通过抓好礼仪课、业务",
				"课的办法，积极打造贴心型前",
				"台。",
				"下一步，馆里将继续加强队",
				"伍建设。",
			),
			[]string{
				"为提升服务水平，馆里每周组织岗位练兵，借阅服务前台是每天与读者们面对面沟通的地方，我们通过抓好礼仪课、业务课的办法，积极打造贴心型前台。",
				"下一步，馆里将继续加强队伍建设。",
			}, ""},
		{"narrow letter-spaced column beside a picture",
			page(
				"为提升服务水平，锤炼窗口",
				"队伍，馆里首先把馆员能力培养",
				"放在了首位。“前台是每天与读",
				"者们面对面沟通的地方，我们通",
				"过抓好礼仪课、业务课、应急课",
				"的办法，打造贴心型前台。”副",
				"馆 长 林 晓 岚",
				"介 绍 ，坚 持",
				"一手抓作风",
				"建 设 ，一 手",
				"抓技能练习",
				"是全馆定的",
				"",
				"规矩。每周的例会与复盘，所有",
				"馆员都必须进行服务案例学习，",
				"同时要学习借阅规则。",
				"",
				"下一步，馆里将继续加强队",
				"伍建设。",
			),
			[]string{
				"为提升服务水平，锤炼窗口队伍，馆里首先把馆员能力培养放在了首位。“前台是每天与读者们面对面沟通的地方，我们通过抓好礼仪课、业务课、应急课的办法，打造贴心型前台。”副馆长林晓岚介绍，坚持一手抓作风建设，一手抓技能练习是全馆定的规矩。每周的例会与复盘，所有馆员都必须进行服务案例学习，同时要学习借阅规则。",
				"下一步，馆里将继续加强队伍建设。",
			}, ""},
		{"narrow letter-spaced column two lines below the top of the text",
			page(
				"“前台是每天与读者们面对",
				"面沟通的地方，我们通过抓好礼",
				"仪课、业务课、应急课的办法，",
				"积极打造贴心型前台。”副馆长",
				"林 晓 岚 介",
				"绍 ，坚 持 一",
				"手抓作风建",
				"设 ，一 手 抓",
				"技能练习是",
				"全馆定的规",
				"",
				"矩。每周的例会与复盘，所有馆",
				"员都必须进行服务案例学习，同",
				"时要学习借阅规则。",
			),
			[]string{
				"“前台是每天与读者们面对面沟通的地方，我们通过抓好礼仪课、业务课、应急课的办法，积极打造贴心型前台。”副馆长林晓岚介绍，坚持一手抓作风建设，一手抓技能练习是全馆定的规矩。每周的例会与复盘，所有馆员都必须进行服务案例学习，同时要学习借阅规则。",
			}, ""},
		{"last line one em short of its column, then an indented line",
			page(
				"市民王女士说，过去坐公交",
				"去高铁站要倒两次车，现在方便",
				"多了，开通后一趟就能到站。",
				"据了解，三条新线路均采用",
				"新能源公交车，早晚高峰发车间",
				"隔不超过10分钟。",
			),
			[]string{
				"市民王女士说，过去坐公交去高铁站要倒两次车，现在方便多了，开通后一趟就能到站。",
				"据了解，三条新线路均采用新能源公交车，早晚高峰发车间隔不超过10分钟。",
			}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := tt.page + page(transitLines...)
			want := slices.Concat(tt.want, transitParagraphs)
			p := Text(text)
			msg := ""
			if got := paragraphs(p); !slices.Equal(got, want) {
				msg = fmt.Sprintf("paragraphs\n got %q\nwant %q\n%s", got, want, describe(p))
			}
			report(t, msg, tt.known)
		})
	}
}

// Two stories on one page set in columns of different widths, 13 and 19
// ems: each column's width is estimated from its own lines.
func TestReflowColumnsOfDifferentWidths(t *testing.T) {
	text := page(
		"本报讯（记者李明）3月15",
		"日起，市区将新增三条公交线",
		"路，覆盖城东新区、高铁站和",
		"大学城等客流集中区域。",
		"据了解，三条新线路均采",
		"用新能源公交车，早晚高峰发",
		"车间隔不超过10分钟。市民可",
		"通过“掌上公交”查询车辆实",
		"时位置。",
		"市区新增三条公交线路",
		"本报讯（记者王伟）眼下正值春耕备耕",
		"关键时期，全市各地抢抓农时，组织农民开",
		"展土地深翻、种子调运和农机检修等工作，",
		"田间地头处处是忙碌的景象。",
		"市农业农村局相关负责人表示，今年全",
		"市计划播种粮食作物120万亩，将继续推广",
		"测土配方施肥和绿色防控技术，确保粮食稳",
		"产增产。",
		"春耕备耕有序推进",
	)
	want := []*model.Article{
		{Title: "市区新增三条公交线路", Byline: "本报讯（记者李明）", Paragraphs: []string{
			"3月15日起，市区将新增三条公交线路，覆盖城东新区、高铁站和大学城等客流集中区域。",
			"据了解，三条新线路均采用新能源公交车，早晚高峰发车间隔不超过10分钟。市民可通过“掌上公交”查询车辆实时位置。",
		}},
		{Title: "春耕备耕有序推进", Byline: "本报讯（记者王伟）", Paragraphs: []string{
			"眼下正值春耕备耕关键时期，全市各地抢抓农时，组织农民开展土地深翻、种子调运和农机检修等工作，田间地头处处是忙碌的景象。",
			"市农业农村局相关负责人表示，今年全市计划播种粮食作物120万亩，将继续推广测土配方施肥和绿色防控技术，确保粮食稳产增产。",
		}},
	}
	checkArticles(t, Text(text), want)
}

// checkArticles compares the articles of a page with want.
func checkArticles(t *testing.T, p *model.Page, want []*model.Article) {
	t.Helper()
	if msg := articlesDiffer(p, want); msg != "" {
		t.Error(msg)
	}
}

// articlesDiffer compares the articles of a page with want, field by
// field, and describes the differences; "" when there are none. Paragraphs
// and markers are compared only where want has them.
func articlesDiffer(p *model.Page, want []*model.Article) string {
	if len(p.Articles) != len(want) {
		return fmt.Sprintf("%d articles, want %d:\n%s", len(p.Articles), len(want), describe(p))
	}
	var b strings.Builder
	for i, a := range p.Articles {
		w := want[i]
		if a.Title != w.Title || a.Kicker != w.Kicker || a.Subtitle != w.Subtitle || a.Byline != w.Byline ||
			a.ContinuedFrom != w.ContinuedFrom || a.ContinuedTo != w.ContinuedTo {
			fmt.Fprintf(&b, "article %d\n got kicker %q title %q subtitle %q byline %q from %d to %d\nwant kicker %q title %q subtitle %q byline %q from %d to %d\n",
				i, a.Kicker, a.Title, a.Subtitle, a.Byline, a.ContinuedFrom, a.ContinuedTo,
				w.Kicker, w.Title, w.Subtitle, w.Byline, w.ContinuedFrom, w.ContinuedTo)
		}
		if w.Paragraphs != nil && !slices.Equal(a.Paragraphs, w.Paragraphs) {
			fmt.Fprintf(&b, "article %d paragraphs\n got %q\nwant %q\n", i, a.Paragraphs, w.Paragraphs)
		}
		if w.Markers != nil && !slices.Equal(a.Markers, w.Markers) {
			fmt.Fprintf(&b, "article %d markers = %q, want %q\n", i, a.Markers, w.Markers)
		}
	}
	if b.Len() > 0 {
		b.WriteString(describe(p))
	}
	return b.String()
}

// describe prints a page's articles, for failure messages.
func describe(p *model.Page) string {
	var b strings.Builder
	for i, a := range p.Articles {
		b.WriteString(strings.Join([]string{
			fmt.Sprintf("  [%d] kicker=%s", i, a.Kicker), "title=" + a.Title, "subtitle=" + a.Subtitle,
			"byline=" + a.Byline}, " | "))
		for _, q := range a.Paragraphs {
			b.WriteString("\n      ¶ " + q)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// report fails a test with msg, unless the test shows a known parser bug:
// then it is skipped, and reported when it passes, which means the bug is
// fixed and the note should go.
func report(t *testing.T, msg, known string) {
	t.Helper()
	switch {
	case known == "" && msg != "":
		t.Error(msg)
	case known != "" && msg == "":
		t.Errorf("known bug %q no longer shows: drop the note", known)
	case known != "":
		t.Skipf("known: %s\n%s", known, msg)
	}
}
