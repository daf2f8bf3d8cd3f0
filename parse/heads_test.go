package parse

import (
	"fmt"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/dubaoreader/dubao/model"
)

// Two stories for the headline cases, set in a column 14 ems wide: the
// first one's lines differ from case to case, the second one's (about
// spring farming) come in four prints — its headline after or before its
// body, with blank lines between text blocks (pdftotext, pdfminer) or none
// (pdftotext -raw). farmParagraphs is what it holds.
var (
	routeParagraphs = []string{
		"3月15日起，市区将新增三条公交线路，覆盖城东新区、高铁站和大学城等客流集中区域。",
		"据了解，三条新线路均采用新能源公交车，早晚高峰发车间隔不超过10分钟。市民可通过手机查询车辆位置。",
		"市公交公司有关负责人表示，将根据客流变化，适时优化线路走向和站点设置。",
	}
	farmParagraphs = []string{
		"眼下正值春耕备耕关键时期，全市各地抢抓农时，组织农民开展土地深翻、种子调运和农机检修等工作。",
		"在城南镇的一处育秧大棚里，技术员正在指导农户调试播种设备。合作社负责人张建国说，种子和化肥已到位。",
		"市农业农村局相关负责人表示，今年全市计划播种粮食作物120万亩。",
	}
	farmAfterBlanks = []string{
		"本报讯（记者王伟）眼下正",
		"值春耕备耕关键时期，全市各地",
		"抢抓农时，组织农民开展土地深",
		"翻、种子调运和农机检修等工",
		"作。",
		"",
		"在城南镇的一处育秧大棚",
		"里，技术员正在指导农户调试播",
		"种设备。合作社负责人张建国",
		"说，种子和化肥已到位。",
		"",
		"市农业农村局相关负责人表",
		"示，今年全市计划播种粮食作物",
		"120万亩。",
		"",
		"春耕备耕有序推进",
	}
	farmAfter = []string{
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
		"120万亩。",
		"春耕备耕有序推进",
	}
	farmBeforeBlanks = []string{
		"春耕备耕有序推进",
		"",
		"本报讯（记者王伟）眼下正",
		"值春耕备耕关键时期，全市各地",
		"抢抓农时，组织农民开展土地深",
		"翻、种子调运和农机检修等工",
		"作。",
		"",
		"在城南镇的一处育秧大棚",
		"里，技术员正在指导农户调试播",
		"种设备。合作社负责人张建国",
		"说，种子和化肥已到位。",
		"",
		"市农业农村局相关负责人表",
		"示，今年全市计划播种粮食作物",
		"120万亩。",
	}
	farmBefore = []string{
		"春耕备耕有序推进",
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
		"120万亩。",
	}
)

// Headlines, kickers, subtitles and bylines, wherever the extractor put
// them. Each page holds two stories in a column 14 ems wide (or a few
// briefs); every article is compared whole: its heads, its byline and its
// paragraphs.
func TestHeadlinesAndBylines(t *testing.T) {
	tests := []struct {
		name  string
		page  string
		want  []*model.Article
		known string // a known parser bug this case shows; it is skipped
	}{
		{"headline after its body, blank lines (pdftotext)",
			page(slices.Concat(
				[]string{
					"本报讯（记者李明）3月15",
					"日起，市区将新增三条公交线",
					"路，覆盖城东新区、高铁站和大",
					"学城等客流集中区域。",
					"",
					"据了解，三条新线路均采用",
					"新能源公交车，早晚高峰发车间",
					"隔不超过10分钟。市民可通过手",
					"机查询车辆位置。",
					"",
					"市公交公司有关负责人表",
					"示，将根据客流变化，适时优化",
					"线路走向和站点设置。",
					"",
					"市区新增三条公交线路",
					"",
				},
				farmAfterBlanks,
			)...),
			[]*model.Article{
				{Title: "市区新增三条公交线路", Byline: "本报讯（记者李明）", Paragraphs: routeParagraphs},
				{Title: "春耕备耕有序推进", Byline: "本报讯（记者王伟）", Paragraphs: farmParagraphs},
			}, ""},
		{"headline after its body, no blank lines (pdftotext -raw)",
			page(slices.Concat(
				[]string{
					"本报讯（记者李明）3月15",
					"日起，市区将新增三条公交线",
					"路，覆盖城东新区、高铁站和大",
					"学城等客流集中区域。",
					"据了解，三条新线路均采用",
					"新能源公交车，早晚高峰发车间",
					"隔不超过10分钟。市民可通过手",
					"机查询车辆位置。",
					"市公交公司有关负责人表",
					"示，将根据客流变化，适时优化",
					"线路走向和站点设置。",
					"市区新增三条公交线路",
				},
				farmAfter,
			)...),
			[]*model.Article{
				{Title: "市区新增三条公交线路", Byline: "本报讯（记者李明）", Paragraphs: routeParagraphs},
				{Title: "春耕备耕有序推进", Byline: "本报讯（记者王伟）", Paragraphs: farmParagraphs},
			}, ""},
		{"headline before its body (pdfminer)",
			page(slices.Concat(
				[]string{
					"市区新增三条公交线路",
					"",
					"本报讯（记者李明）3月15",
					"日起，市区将新增三条公交线",
					"路，覆盖城东新区、高铁站和大",
					"学城等客流集中区域。",
					"",
					"据了解，三条新线路均采用",
					"新能源公交车，早晚高峰发车间",
					"隔不超过10分钟。市民可通过手",
					"机查询车辆位置。",
					"",
					"市公交公司有关负责人表",
					"示，将根据客流变化，适时优化",
					"线路走向和站点设置。",
					"",
				},
				farmBeforeBlanks,
			)...),
			[]*model.Article{
				{Title: "市区新增三条公交线路", Byline: "本报讯（记者李明）", Paragraphs: routeParagraphs},
				{Title: "春耕备耕有序推进", Byline: "本报讯（记者王伟）", Paragraphs: farmParagraphs},
			}, ""},
		{"headline before its body, no blank lines",
			page(slices.Concat(
				[]string{
					"市区新增三条公交线路",
					"本报讯（记者李明）3月15",
					"日起，市区将新增三条公交线",
					"路，覆盖城东新区、高铁站和大",
					"学城等客流集中区域。",
					"据了解，三条新线路均采用",
					"新能源公交车，早晚高峰发车间",
					"隔不超过10分钟。市民可通过手",
					"机查询车辆位置。",
					"市公交公司有关负责人表",
					"示，将根据客流变化，适时优化",
					"线路走向和站点设置。",
				},
				farmBefore,
			)...),
			[]*model.Article{
				{Title: "市区新增三条公交线路", Byline: "本报讯（记者李明）", Paragraphs: routeParagraphs},
				{Title: "春耕备耕有序推进", Byline: "本报讯（记者王伟）", Paragraphs: farmParagraphs},
			}, ""},
		{"headline over two lines",
			page(slices.Concat(
				[]string{
					"本报讯（记者李明）3月15",
					"日起，市区将新增三条公交线",
					"路，覆盖城东新区、高铁站和大",
					"学城等客流集中区域。",
					"",
					"据了解，三条新线路均采用",
					"新能源公交车，早晚高峰发车间",
					"隔不超过10分钟。市民可通过手",
					"机查询车辆位置。",
					"",
					"市公交公司有关负责人表",
					"示，将根据客流变化，适时优化",
					"线路走向和站点设置。",
					"",
					"市区将新增三条公交线路覆盖城东新区",
					"和大学城",
					"",
				},
				farmAfterBlanks,
			)...),
			[]*model.Article{
				{Title: "市区将新增三条公交线路覆盖城东新区和大学城", Byline: "本报讯（记者李明）", Paragraphs: routeParagraphs},
				{Title: "春耕备耕有序推进", Byline: "本报讯（记者王伟）", Paragraphs: farmParagraphs},
			}, ""},
		{"headline over two lines, before its body",
			page(slices.Concat(
				[]string{
					"市区将新增三条公交线路覆盖城东新区",
					"和大学城",
					"",
					"本报讯（记者李明）3月15",
					"日起，市区将新增三条公交线",
					"路，覆盖城东新区、高铁站和大",
					"学城等客流集中区域。",
					"",
					"据了解，三条新线路均采用",
					"新能源公交车，早晚高峰发车间",
					"隔不超过10分钟。市民可通过手",
					"机查询车辆位置。",
					"",
					"市公交公司有关负责人表",
					"示，将根据客流变化，适时优化",
					"线路走向和站点设置。",
					"",
				},
				farmBeforeBlanks,
			)...),
			[]*model.Article{
				{Title: "市区将新增三条公交线路覆盖城东新区和大学城", Byline: "本报讯（记者李明）", Paragraphs: routeParagraphs},
				{Title: "春耕备耕有序推进", Byline: "本报讯（记者王伟）", Paragraphs: farmParagraphs},
			}, ""},
		{"kicker above the headline",
			page(slices.Concat(
				[]string{
					"本报讯（记者李明）3月15",
					"日起，市区将新增三条公交线",
					"路，覆盖城东新区、高铁站和大",
					"学城等客流集中区域。",
					"",
					"据了解，三条新线路均采用",
					"新能源公交车，早晚高峰发车间",
					"隔不超过10分钟。市民可通过手",
					"机查询车辆位置。",
					"",
					"市公交公司有关负责人表",
					"示，将根据客流变化，适时优化",
					"线路走向和站点设置。",
					"",
					"方便市民出行，助力绿色交通",
					"市区新增三条公交线路",
					"",
				},
				farmAfterBlanks,
			)...),
			[]*model.Article{
				{Kicker: "方便市民出行，助力绿色交通", Title: "市区新增三条公交线路", Byline: "本报讯（记者李明）", Paragraphs: routeParagraphs},
				{Title: "春耕备耕有序推进", Byline: "本报讯（记者王伟）", Paragraphs: farmParagraphs},
			}, ""},
		{"kicker above the headline, before its body",
			page(slices.Concat(
				[]string{
					"方便市民出行，助力绿色交通",
					"市区新增三条公交线路",
					"",
					"本报讯（记者李明）3月15",
					"日起，市区将新增三条公交线",
					"路，覆盖城东新区、高铁站和大",
					"学城等客流集中区域。",
					"",
					"据了解，三条新线路均采用",
					"新能源公交车，早晚高峰发车间",
					"隔不超过10分钟。市民可通过手",
					"机查询车辆位置。",
					"",
					"市公交公司有关负责人表",
					"示，将根据客流变化，适时优化",
					"线路走向和站点设置。",
					"",
				},
				farmBeforeBlanks,
			)...),
			[]*model.Article{
				{Kicker: "方便市民出行，助力绿色交通", Title: "市区新增三条公交线路", Byline: "本报讯（记者李明）", Paragraphs: routeParagraphs},
				{Title: "春耕备耕有序推进", Byline: "本报讯（记者王伟）", Paragraphs: farmParagraphs},
			}, ""},
		{"headline and the next column's first line on one line, no blank lines",
			page(
				"本报讯（记者李明）3月15",
				"日起，市区将新增三条公交线",
				"路，覆盖城东新区、高铁站和大",
				"学城等客流集中区域。",
				"据了解，三条新线路均采用",
				"新能源公交车，早晚高峰发车间",
				"隔不超过10分钟。市民可通过手",
				"机查询车辆位置。",
				"市公交公司有关负责人表",
				"示，将根据客流变化，适时优化",
				"线路走向和站点设置。",
				"市区新增三条公交线路 眼下正值春耕时节，全市各地",
				"抢抓农时，组织农民开展土地深",
				"翻、种子调运和农机检修等工",
				"作。",
				"在城南镇的一处育秧大棚",
				"里，技术员正在指导农户调试播",
				"种设备。合作社负责人张建国",
				"说，种子和化肥已到位。",
				"市农业农村局相关负责人表",
				"示，今年全市计划播种粮食作物",
				"120万亩。",
				"春耕备耕有序推进",
			),
			[]*model.Article{
				{Title: "市区新增三条公交线路", Byline: "本报讯（记者李明）", Paragraphs: routeParagraphs},
				{Title: "春耕备耕有序推进", Paragraphs: append([]string{"眼下正值春耕时节，全市各地抢抓农时，组织农民开展土地深翻、种子调运和农机检修等工作。"}, farmParagraphs[1:]...)},
			}, ""},
		{"kicker above the headline, no blank lines",
			page(slices.Concat(
				[]string{
					"本报讯（记者李明）3月15",
					"日起，市区将新增三条公交线",
					"路，覆盖城东新区、高铁站和大",
					"学城等客流集中区域。",
					"据了解，三条新线路均采用",
					"新能源公交车，早晚高峰发车间",
					"隔不超过10分钟。市民可通过手",
					"机查询车辆位置。",
					"市公交公司有关负责人表",
					"示，将根据客流变化，适时优化",
					"线路走向和站点设置。",
					"方便市民出行，助力绿色交通",
					"市区新增三条公交线路",
				},
				farmAfter,
			)...),
			[]*model.Article{
				{Kicker: "方便市民出行，助力绿色交通", Title: "市区新增三条公交线路", Byline: "本报讯（记者李明）", Paragraphs: routeParagraphs},
				{Title: "春耕备耕有序推进", Byline: "本报讯（记者王伟）", Paragraphs: farmParagraphs},
			}, ""},
		{"subtitle starting with ——",
			page(slices.Concat(
				[]string{
					"本报讯（记者李明）3月15",
					"日起，市区将新增三条公交线",
					"路，覆盖城东新区、高铁站和大",
					"学城等客流集中区域。",
					"",
					"据了解，三条新线路均采用",
					"新能源公交车，早晚高峰发车间",
					"隔不超过10分钟。市民可通过手",
					"机查询车辆位置。",
					"",
					"市公交公司有关负责人表",
					"示，将根据客流变化，适时优化",
					"线路走向和站点设置。",
					"",
					"市区新增三条公交线路",
					"——城东新区到高铁站只需换乘一次",
					"",
				},
				farmAfterBlanks,
			)...),
			[]*model.Article{
				{Title: "市区新增三条公交线路", Subtitle: "——城东新区到高铁站只需换乘一次", Byline: "本报讯（记者李明）", Paragraphs: routeParagraphs},
				{Title: "春耕备耕有序推进", Byline: "本报讯（记者王伟）", Paragraphs: farmParagraphs},
			}, ""},
		{"subtitle starting with —— and a space",
			page(slices.Concat(
				[]string{
					"市区新增三条公交线路",
					"—— 城东新区到高铁站只需换乘一次",
					"",
					"本报讯（记者李明）3月15",
					"日起，市区将新增三条公交线",
					"路，覆盖城东新区、高铁站和大",
					"学城等客流集中区域。",
					"",
					"据了解，三条新线路均采用",
					"新能源公交车，早晚高峰发车间",
					"隔不超过10分钟。市民可通过手",
					"机查询车辆位置。",
					"",
					"市公交公司有关负责人表",
					"示，将根据客流变化，适时优化",
					"线路走向和站点设置。",
					"",
				},
				farmBeforeBlanks,
			)...),
			[]*model.Article{
				{Title: "市区新增三条公交线路", Subtitle: "——城东新区到高铁站只需换乘一次", Byline: "本报讯（记者李明）", Paragraphs: routeParagraphs},
				{Title: "春耕备耕有序推进", Byline: "本报讯（记者王伟）", Paragraphs: farmParagraphs},
			}, ""},
		{"subtitle without ——",
			page(slices.Concat(
				[]string{
					"本报讯（记者李明）3月15",
					"日起，市区将新增三条公交线",
					"路，覆盖城东新区、高铁站和大",
					"学城等客流集中区域。",
					"据了解，三条新线路均采用",
					"新能源公交车，早晚高峰发车间",
					"隔不超过10分钟。市民可通过手",
					"机查询车辆位置。",
					"市公交公司有关负责人表",
					"示，将根据客流变化，适时优化",
					"线路走向和站点设置。",
					"市区新增三条公交线路",
					"覆盖城东新区、高铁站和大学城，高峰10分钟一班",
				},
				farmAfter,
			)...),
			[]*model.Article{
				{Title: "市区新增三条公交线路", Subtitle: "覆盖城东新区、高铁站和大学城，高峰10分钟一班", Byline: "本报讯（记者李明）", Paragraphs: routeParagraphs},
				{Title: "春耕备耕有序推进", Byline: "本报讯（记者王伟）", Paragraphs: farmParagraphs},
			}, ""},
		{"byline on its own line after the headline",
			page(slices.Concat(
				[]string{
					"3月15日起，市区将新增三",
					"条公交线路，覆盖城东新区、高",
					"铁站和大学城等客流集中区域。",
					"",
					"据了解，三条新线路均采用",
					"新能源公交车，早晚高峰发车间",
					"隔不超过10分钟。市民可通过手",
					"机查询车辆位置。",
					"",
					"市公交公司有关负责人表",
					"示，将根据客流变化，适时优化",
					"线路走向和站点设置。",
					"",
					"市区新增三条公交线路",
					"",
					"本报记者 李明",
					"",
				},
				farmAfterBlanks,
			)...),
			[]*model.Article{
				{Title: "市区新增三条公交线路", Byline: "本报记者 李明", Paragraphs: routeParagraphs},
				{Title: "春耕备耕有序推进", Byline: "本报讯（记者王伟）", Paragraphs: farmParagraphs},
			}, ""},
		{"byline on its own line under a headline at the top of the page",
			page(slices.Concat(
				[]string{
					"市区新增三条公交线路",
					"本报记者 李明",
					"",
					"3月15日起，市区将新增三",
					"条公交线路，覆盖城东新区、高",
					"铁站和大学城等客流集中区域。",
					"",
					"据了解，三条新线路均采用",
					"新能源公交车，早晚高峰发车间",
					"隔不超过10分钟。市民可通过手",
					"机查询车辆位置。",
					"",
					"市公交公司有关负责人表",
					"示，将根据客流变化，适时优化",
					"线路走向和站点设置。",
					"",
				},
				farmBeforeBlanks,
			)...),
			[]*model.Article{
				{Title: "市区新增三条公交线路", Byline: "本报记者 李明", Paragraphs: routeParagraphs},
				{Title: "春耕备耕有序推进", Byline: "本报讯（记者王伟）", Paragraphs: farmParagraphs},
			}, ""},
		{"byline on its own line under a headline before its body",
			page(slices.Concat(
				farmBeforeBlanks,
				[]string{
					"",
					"市区新增三条公交线路",
					"本报记者 李明",
					"",
					"3月15日起，市区将新增三",
					"条公交线路，覆盖城东新区、高",
					"铁站和大学城等客流集中区域。",
					"",
					"据了解，三条新线路均采用",
					"新能源公交车，早晚高峰发车间",
					"隔不超过10分钟。市民可通过手",
					"机查询车辆位置。",
					"",
					"市公交公司有关负责人表",
					"示，将根据客流变化，适时优化",
					"线路走向和站点设置。",
				},
			)...),
			[]*model.Article{
				{Title: "春耕备耕有序推进", Byline: "本报讯（记者王伟）", Paragraphs: farmParagraphs},
				{Title: "市区新增三条公交线路", Byline: "本报记者 李明", Paragraphs: routeParagraphs},
			}, ""},
		{"byline of a reporter and a correspondent on its own line",
			page(slices.Concat(
				[]string{
					"3月15日起，市区将新增三",
					"条公交线路，覆盖城东新区、高",
					"铁站和大学城等客流集中区域。",
					"",
					"据了解，三条新线路均采用",
					"新能源公交车，早晚高峰发车间",
					"隔不超过10分钟。市民可通过手",
					"机查询车辆位置。",
					"",
					"市公交公司有关负责人表",
					"示，将根据客流变化，适时优化",
					"线路走向和站点设置。",
					"",
					"市区新增三条公交线路",
					"",
					"记者 王伟 通讯员 李娜",
					"",
				},
				farmAfterBlanks,
			)...),
			[]*model.Article{
				{Title: "市区新增三条公交线路", Byline: "记者 王伟 通讯员 李娜", Paragraphs: routeParagraphs},
				{Title: "春耕备耕有序推进", Byline: "本报讯（记者王伟）", Paragraphs: farmParagraphs},
			}, ""},
		{"byline of a reporter and a correspondent on its own line, before the body",
			page(slices.Concat(
				farmBeforeBlanks,
				[]string{
					"",
					"市区新增三条公交线路",
					"记者 王伟 通讯员 李娜",
					"",
					"3月15日起，市区将新增三",
					"条公交线路，覆盖城东新区、高",
					"铁站和大学城等客流集中区域。",
					"",
					"据了解，三条新线路均采用",
					"新能源公交车，早晚高峰发车间",
					"隔不超过10分钟。市民可通过手",
					"机查询车辆位置。",
					"",
					"市公交公司有关负责人表",
					"示，将根据客流变化，适时优化",
					"线路走向和站点设置。",
				},
			)...),
			[]*model.Article{
				{Title: "春耕备耕有序推进", Byline: "本报讯（记者王伟）", Paragraphs: farmParagraphs},
				{Title: "市区新增三条公交线路", Byline: "记者 王伟 通讯员 李娜", Paragraphs: routeParagraphs},
			}, ""},
		{"本报讯 with the reporter in brackets, spaced as extracted",
			page(slices.Concat(
				[]string{
					"本报讯 （记者何晴）3月15",
					"日起，市区将新增三条公交线",
					"路，覆盖城东新区、高铁站和大",
					"学城等客流集中区域。",
					"",
					"据了解，三条新线路均采用",
					"新能源公交车，早晚高峰发车间",
					"隔不超过10分钟。市民可通过手",
					"机查询车辆位置。",
					"",
					"市公交公司有关负责人表",
					"示，将根据客流变化，适时优化",
					"线路走向和站点设置。",
					"",
					"市区新增三条公交线路",
					"",
				},
				farmAfterBlanks,
			)...),
			[]*model.Article{
				{Title: "市区新增三条公交线路", Byline: "本报讯（记者何晴）", Paragraphs: routeParagraphs},
				{Title: "春耕备耕有序推进", Byline: "本报讯（记者王伟）", Paragraphs: farmParagraphs},
			}, ""},
		{"本报讯 with a reporter and a correspondent",
			page(slices.Concat(
				[]string{
					"本报讯（记者王伟 通讯员",
					"李娜）3月15日起，市区将新增",
					"三条公交线路，覆盖城东新区、",
					"高铁站和大学城等客流集中区",
					"域。",
					"",
					"据了解，三条新线路均采用",
					"新能源公交车，早晚高峰发车间",
					"隔不超过10分钟。市民可通过手",
					"机查询车辆位置。",
					"",
					"市公交公司有关负责人表",
					"示，将根据客流变化，适时优化",
					"线路走向和站点设置。",
					"",
					"市区新增三条公交线路",
					"",
				},
				farmAfterBlanks,
			)...),
			[]*model.Article{
				{Title: "市区新增三条公交线路", Byline: "本报讯（记者王伟 通讯员李娜）", Paragraphs: routeParagraphs},
				{Title: "春耕备耕有序推进", Byline: "本报讯（记者王伟）", Paragraphs: farmParagraphs},
			}, "an opening byline loses the space between reporter and correspondent: 本报讯（记者王伟 通讯员李娜） becomes 本报讯（记者王伟通讯员李娜）"},
		{"a dateline with the reporter",
			page(slices.Concat(
				[]string{
					"新华社北京3月5日电（记者",
					"王亮）3月15日起，市区将新增",
					"三条公交线路，覆盖城东新区、",
					"高铁站和大学城等客流集中区",
					"域。",
					"据了解，三条新线路均采用",
					"新能源公交车，早晚高峰发车间",
					"隔不超过10分钟。市民可通过手",
					"机查询车辆位置。",
					"市公交公司有关负责人表",
					"示，将根据客流变化，适时优化",
					"线路走向和站点设置。",
					"市区新增三条公交线路",
				},
				farmAfter,
			)...),
			[]*model.Article{
				{Title: "市区新增三条公交线路", Byline: "新华社北京3月5日电（记者王亮）", Paragraphs: routeParagraphs},
				{Title: "春耕备耕有序推进", Byline: "本报讯（记者王伟）", Paragraphs: farmParagraphs},
			}, ""},
		{"a dateline with no bracket",
			page(slices.Concat(
				[]string{
					"新华社北京2月20日电 3月1",
					"5日起，市区将新增三条公交线",
					"路，覆盖城东新区、高铁站和大",
					"学城等客流集中区域。",
					"据了解，三条新线路均采用",
					"新能源公交车，早晚高峰发车间",
					"隔不超过10分钟。市民可通过手",
					"机查询车辆位置。",
					"市公交公司有关负责人表",
					"示，将根据客流变化，适时优化",
					"线路走向和站点设置。",
					"市区新增三条公交线路",
				},
				farmAfter,
			)...),
			[]*model.Article{
				{Title: "市区新增三条公交线路", Byline: "新华社北京2月20日电", Paragraphs: routeParagraphs},
				{Title: "春耕备耕有序推进", Byline: "本报讯（记者王伟）", Paragraphs: farmParagraphs},
			}, ""},
		{"本报评论员 on its own line under the headline",
			page(slices.Concat(
				farmBeforeBlanks,
				[]string{
					"",
					"市区新增三条公交线路",
					"本报评论员",
					"",
					"3月15日起，市区将新增三",
					"条公交线路，覆盖城东新区、高",
					"铁站和大学城等客流集中区域。",
					"",
					"据了解，三条新线路均采用",
					"新能源公交车，早晚高峰发车间",
					"隔不超过10分钟。市民可通过手",
					"机查询车辆位置。",
					"",
					"市公交公司有关负责人表",
					"示，将根据客流变化，适时优化",
					"线路走向和站点设置。",
				},
			)...),
			[]*model.Article{
				{Title: "春耕备耕有序推进", Byline: "本报讯（记者王伟）", Paragraphs: farmParagraphs},
				{Title: "市区新增三条公交线路", Byline: "本报评论员", Paragraphs: routeParagraphs},
			}, ""},
		{"本报评论员 under the headline at the top of the page",
			page(slices.Concat(
				[]string{
					"市区新增三条公交线路",
					"本报评论员",
					"",
					"3月15日起，市区将新增三",
					"条公交线路，覆盖城东新区、高",
					"铁站和大学城等客流集中区域。",
					"",
					"据了解，三条新线路均采用",
					"新能源公交车，早晚高峰发车间",
					"隔不超过10分钟。市民可通过手",
					"机查询车辆位置。",
					"",
					"市公交公司有关负责人表",
					"示，将根据客流变化，适时优化",
					"线路走向和站点设置。",
					"",
				},
				farmBeforeBlanks,
			)...),
			[]*model.Article{
				{Title: "市区新增三条公交线路", Byline: "本报评论员", Paragraphs: routeParagraphs},
				{Title: "春耕备耕有序推进", Byline: "本报讯（记者王伟）", Paragraphs: farmParagraphs},
			}, ""},
		{"a reporter and place in lenticular brackets",
			page(slices.Concat(
				[]string{
					"國民黨下月召開全代會",
					"",
					"【林子豪／台北報導】國民",
					"黨主席吳敦義昨日表示，黨內將",
					"於下月召開全國代表大會，討論",
					"明年地方選舉的提名作業。",
					"",
					"吳敦義說，黨中央會充分尊",
					"重地方黨部的意見，並在近期公",
					"布相關時程。",
					"",
				},
				farmBeforeBlanks,
			)...),
			[]*model.Article{
				{Title: "國民黨下月召開全代會", Byline: "【林子豪／台北報導】", Paragraphs: []string{
					"國民黨主席吳敦義昨日表示，黨內將於下月召開全國代表大會，討論明年地方選舉的提名作業。",
					"吳敦義說，黨中央會充分尊重地方黨部的意見，並在近期公布相關時程。",
				}},
				{Title: "春耕备耕有序推进", Byline: "本报讯（记者王伟）", Paragraphs: farmParagraphs},
			}, ""},
		{"short briefs with no byline, headlines after their bodies",
			page(slices.Concat(
				farmAfterBlanks,
				[]string{
					"",
					"为满足市民阅读需求，市图",
					"书馆自本月起将周末开放时间延",
					"长至晚上9点，并新增自助借还",
					"设备5台。",
					"",
					"市图书馆延长开放时间",
					"",
					"连日来，城东公园内的200",
					"余株樱花竞相开放，吸引不少市",
					"民前来观赏拍照。公园管理处提",
					"醒游客文明赏花。",
					"",
					"城东公园樱花进入盛花期",
					"",
					"今年以来，全市新建公共充",
					"电桩800个，新能源汽车充电难",
					"问题得到有效缓解。",
					"",
					"全市新增公共充电桩800个",
				},
			)...),
			[]*model.Article{
				{Title: "春耕备耕有序推进", Byline: "本报讯（记者王伟）", Paragraphs: farmParagraphs},
				{Title: "市图书馆延长开放时间", Paragraphs: []string{
					"为满足市民阅读需求，市图书馆自本月起将周末开放时间延长至晚上9点，并新增自助借还设备5台。",
				}},
				{Title: "城东公园樱花进入盛花期", Paragraphs: []string{
					"连日来，城东公园内的200余株樱花竞相开放，吸引不少市民前来观赏拍照。公园管理处提醒游客文明赏花。",
				}},
				{Title: "全市新增公共充电桩800个", Paragraphs: []string{
					"今年以来，全市新建公共充电桩800个，新能源汽车充电难问题得到有效缓解。",
				}},
			}, ""},
		{"short briefs with no byline, headlines before their bodies",
			page(slices.Concat(
				farmBeforeBlanks,
				[]string{
					"",
					"市图书馆延长开放时间",
					"",
					"为满足市民阅读需求，市图",
					"书馆自本月起将周末开放时间延",
					"长至晚上9点，并新增自助借还",
					"设备5台。",
					"",
					"城东公园樱花进入盛花期",
					"",
					"连日来，城东公园内的200",
					"余株樱花竞相开放，吸引不少市",
					"民前来观赏拍照。公园管理处提",
					"醒游客文明赏花。",
					"",
					"全市新增公共充电桩800个",
					"",
					"今年以来，全市新建公共充",
					"电桩800个，新能源汽车充电难",
					"问题得到有效缓解。",
				},
			)...),
			[]*model.Article{
				{Title: "春耕备耕有序推进", Byline: "本报讯（记者王伟）", Paragraphs: farmParagraphs},
				{Title: "市图书馆延长开放时间", Paragraphs: []string{
					"为满足市民阅读需求，市图书馆自本月起将周末开放时间延长至晚上9点，并新增自助借还设备5台。",
				}},
				{Title: "城东公园樱花进入盛花期", Paragraphs: []string{
					"连日来，城东公园内的200余株樱花竞相开放，吸引不少市民前来观赏拍照。公园管理处提醒游客文明赏花。",
				}},
				{Title: "全市新增公共充电桩800个", Paragraphs: []string{
					"今年以来，全市新建公共充电桩800个，新能源汽车充电难问题得到有效缓解。",
				}},
			}, ""},
		{"short briefs with no byline, headlines after their bodies, no blank lines",
			page(slices.Concat(
				farmAfter,
				[]string{
					"为满足市民阅读需求，市图",
					"书馆自本月起将周末开放时间延",
					"长至晚上9点，并新增自助借还",
					"设备5台。",
					"市图书馆延长开放时间",
					"连日来，城东公园内的200",
					"余株樱花竞相开放，吸引不少市",
					"民前来观赏拍照。公园管理处提",
					"醒游客文明赏花。",
					"城东公园樱花进入盛花期",
					"今年以来，全市新建公共充",
					"电桩800个，新能源汽车充电难",
					"问题得到有效缓解。",
					"全市新增公共充电桩800个",
				},
			)...),
			[]*model.Article{
				{Title: "春耕备耕有序推进", Byline: "本报讯（记者王伟）", Paragraphs: farmParagraphs},
				{Title: "市图书馆延长开放时间", Paragraphs: []string{
					"为满足市民阅读需求，市图书馆自本月起将周末开放时间延长至晚上9点，并新增自助借还设备5台。",
				}},
				{Title: "城东公园樱花进入盛花期", Paragraphs: []string{
					"连日来，城东公园内的200余株樱花竞相开放，吸引不少市民前来观赏拍照。公园管理处提醒游客文明赏花。",
				}},
				{Title: "全市新增公共充电桩800个", Paragraphs: []string{
					"今年以来，全市新建公共充电桩800个，新能源汽车充电难问题得到有效缓解。",
				}},
			}, ""},
		{"short briefs with no byline, headlines before their bodies, no blank lines",
			page(slices.Concat(
				farmBefore,
				[]string{
					"市图书馆延长开放时间",
					"为满足市民阅读需求，市图",
					"书馆自本月起将周末开放时间延",
					"长至晚上9点，并新增自助借还",
					"设备5台。",
					"城东公园樱花进入盛花期",
					"连日来，城东公园内的200",
					"余株樱花竞相开放，吸引不少市",
					"民前来观赏拍照。公园管理处提",
					"醒游客文明赏花。",
					"全市新增公共充电桩800个",
					"今年以来，全市新建公共充",
					"电桩800个，新能源汽车充电难",
					"问题得到有效缓解。",
				},
			)...),
			[]*model.Article{
				{Title: "春耕备耕有序推进", Byline: "本报讯（记者王伟）", Paragraphs: farmParagraphs},
				{Title: "市图书馆延长开放时间", Paragraphs: []string{
					"为满足市民阅读需求，市图书馆自本月起将周末开放时间延长至晚上9点，并新增自助借还设备5台。",
				}},
				{Title: "城东公园樱花进入盛花期", Paragraphs: []string{
					"连日来，城东公园内的200余株樱花竞相开放，吸引不少市民前来观赏拍照。公园管理处提醒游客文明赏花。",
				}},
				{Title: "全市新增公共充电桩800个", Paragraphs: []string{
					"今年以来，全市新建公共充电桩800个，新能源汽车充电难问题得到有效缓解。",
				}},
			}, "the short headline of a brief with no byline, before its body, is run into the first line of the body (城东公园樱花进入盛花期今年以来…)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			report(t, articlesDiffer(Text(tt.page), tt.want), tt.known)
		})
	}
}

// The credit that opens a story's first paragraph is taken off it, as the
// page prints it; the rest is the paragraph.
func TestOpeningByline(t *testing.T) {
	tests := []struct {
		name, line   string // the first line as extracted
		byline, rest string
		known        string
	}{
		{"本报讯 and the reporter", "本报讯（记者何晴）3月12日上午，", "本报讯（记者何晴）", "3月12日上午，", ""},
		{"本报讯 spaced before its bracket", "本报讯 （记者何晴）3 月", "本报讯（记者何晴）", "3月", ""},
		{"本报讯 with a reporter and a correspondent", "本报讯（记者王伟 通讯员李娜）近日，", "本报讯（记者王伟 通讯员李娜）", "近日，",
			"the space between reporter and correspondent is lost"},
		{"a dateline and the reporter", "新华社北京3月5日电（记者王亮）国务院", "新华社北京3月5日电（记者王亮）", "国务院", ""},
		{"a dateline with no bracket", "新华社北京2月20日电 中央宣传部20日", "新华社北京2月20日电", "中央宣传部20日", ""},
		{"本报 and a dateline, spaced as pdftotext writes it", "本报北京 2 月 20 日电 （记者赵秀英）全国政协", "本报北京2月20日电（记者赵秀英）", "全国政协", ""},
		{"several reporters", "本报北京2月12日电（陈思远、刘晓峰、孙阳）人民网", "本报北京2月12日电（陈思远、刘晓峰、孙阳）", "人民网", ""},
		{"a reporter and a place in lenticular brackets", "【林子豪／台北報導】國民黨主席", "【林子豪／台北報導】", "國民黨主席", ""},
		{"a sentence that starts with 记者 is no byline", "记者从市发展改革委获悉，今年", "", "记者从市发展改革委获悉，今年", ""},
		{"a sentence that names the paper is no byline", "本报讯息平台显示，今年", "", "本报讯息平台显示，今年",
			""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := cleanSpaces(tt.line, letterSpaced(tt.line), false)
			byline, rest := splitByline(text)
			msg := ""
			if byline != tt.byline || rest != tt.rest {
				msg = fmt.Sprintf("splitByline(%q) = %q, %q; want %q, %q", text, byline, rest, tt.byline, tt.rest)
			}
			if starts := bylineStart(text); starts != (tt.byline != "") {
				msg += fmt.Sprintf("\nbylineStart(%q) = %v", text, starts)
			}
			report(t, msg, tt.known)
		})
	}
}

// A byline standing on a line of its own.
func TestBylineLine(t *testing.T) {
	tests := []struct {
		line  string
		want  bool
		known string
	}{
		{"本报记者 史俊杰", true, ""},
		{"本报记者 史俊杰 王伟", true, ""},
		{"记者 王伟 通讯员 李娜", true, ""},
		{"本报记者 王伟 通讯员 李娜", true, ""},
		{"本报评论员", true, ""},
		{"文/图 张三", true, ""},
		{"记者从市发展改革委获悉", false, ""},
		{"市区新增三条公交线路", false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			p := piece{line: newLine(tt.line)}
			p.know()
			msg := ""
			if p.bylineOnly != tt.want {
				msg = fmt.Sprintf("%q read as a byline line: %v, want %v", tt.line, p.bylineOnly, tt.want)
			}
			report(t, msg, tt.known)
		})
	}
}

// A headline at the foot of the page, after its story's last line.
func TestHeadlineAtTheFoot(t *testing.T) {
	tests := []struct {
		name, last string
		known      string
	}{
		{"after a short last line", "施肥。", ""},
		{"after a last line a little longer than the headline", "施肥和绿色防控技术。", ""},
		{"after a last line as long as the headline", "施肥和绿色防控。", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := endingIn(tt.last, markerArticles(2, 0, "（上接第2版）", ""))
			want[1].Markers = nil
			report(t, articlesDiffer(Text(markerPage(firstInline("（上接第2版）"), []string{tt.last}, false)), want), tt.known)
		})
	}
}

// Two headline lines with no dash: which is the title. The cues, strongest
// first: a sentence of clauses is never the title; the title wraps or keeps
// a phrase gap; a column tag in brackets marks the title; else the lengths.
func TestTitleOfTwo(t *testing.T) {
	for _, c := range []struct {
		a, b         string
		aParts, bPts int
		want         int
	}{
		{"方便市民出行，助力绿色交通", "市区新增三条公交线路", 1, 1, 1},
		{"市区新增三条公交线路", "多部门出台措施，帮助企业渡难关", 1, 1, 0},
		// A long subtitle of clauses wraps; it is still the subtitle.
		{"市区新增三条公交线路", "多部门出台措施，帮助企业复工复产渡过难关", 1, 2, 0},
		{"春耕备耕", "全市春耕备耕工作有序推进", 1, 1, 1},
		{"全市春耕备耕工作有序推进", "农资储备充足", 1, 1, 1},
		{"城东新区开通首条地铁线", "沿线居民出行时间缩短一半以上", 1, 1, 0},
		{"脱贫攻坚开局良好", "农村贫困发生率继续下降（权威发布）", 1, 1, 1},
		{"市区新增三条公交线路", "覆盖城东新区高铁站和大学城", 2, 1, 0},
	} {
		aGap, bGap := hasRuneIn(c.a, " "), hasRuneIn(c.b, " ")
		if got := titleOfTwo(c.a, c.b, c.aParts, c.bPts, aGap, bGap); got != c.want {
			t.Errorf("titleOfTwo(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}

// A line that ends in a bare 图 is a wrapped body line or a headline; a
// credit names its maker first.
func TestCreditLine(t *testing.T) {
	for _, c := range []struct {
		line string
		want bool
	}{
		{"本报记者李明摄", true},
		{"王芳摄（新华社发）", true},
		{"制图：赵亮", true},
		{"图/刘强", true},
		{"刘强/图", true},
		{"陈红 图", true},
		{"绘就城乡发展新蓝图", false},
		{"读者可在市图", false},
		{"一幅幅精美的地图", false},
		// The same in Traditional script.
		{"本報記者李明攝", true},
		{"王芳攝（新華社發）", true},
		{"製圖：趙亮", true},
		{"圖/劉強", true},
		{"劉強/圖", true},
		{"陳紅 圖", true},
		{"繪就城鄉發展新藍圖", false},
		{"一幅幅精美的地圖", false},
	} {
		if got := isCredit(c.line); got != c.want {
			t.Errorf("isCredit(%q) = %v, want %v", c.line, got, c.want)
		}
	}
	// A line that names a picture's source, in either script.
	for _, c := range []struct {
		line string
		want bool
	}{
		{"本版制图：赵亮", true},
		{"本版製圖：趙亮", true},
		{"來源：市統計處", true},
		{"圖片：視覺中國", true},
		{"城鄉發展新藍圖", false},
	} {
		if got := namesSource(c.line); got != c.want {
			t.Errorf("namesSource(%q) = %v, want %v", c.line, got, c.want)
		}
	}
}

// TestSourceWordsFolded holds namesSource to a Traditional page read
// through the script fold: a page that prints both 製 and 制 keeps 製 as
// printed while 圖 is read as 图, so its credit 製圖 reads as 製图, a
// spelling of neither script, and still names the picture's source.
func TestSourceWordsFolded(t *testing.T) {
	page := "深化體制改革試點\n本版製圖：趙亮\n新華社發\n"
	folded, _ := foldScript(page)
	lines := strings.Split(folded, "\n")
	if !strings.Contains(lines[1], "製图") {
		t.Fatalf("the fold read %q as %q: the test wants 製 kept and 圖 folded", "本版製圖：趙亮", lines[1])
	}
	for _, l := range lines[1:3] {
		if !namesSource(l) {
			t.Errorf("namesSource(%q) = false on the folded page", l)
		}
	}
	if namesSource(lines[0]) {
		t.Errorf("namesSource(%q) = true", lines[0])
	}
}

// TestRegexpOpeners holds the quick tests that look at a line's first rune
// before a regexp anchored at the line's start is asked (opensBylineLine,
// mayOpenSection) to their regexps: every rune a match may open with, read
// from the regexp's syntax, passes the test.
func TestRegexpOpeners(t *testing.T) {
	tests := []struct {
		name  string
		re    *regexp.Regexp
		opens func(string) bool
	}{
		{"bylineLine", bylineLine, opensBylineLine},
		{"sectionHead", sectionHead, mayOpenSection},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			re, err := syntax.Parse(tt.re.String(), syntax.Perl)
			if err != nil {
				t.Fatal(err)
			}
			firsts, empty := openingRunes(re.Simplify())
			if empty {
				t.Fatalf("%s matches an empty line", tt.name)
			}
			for i := 0; i+1 < len(firsts); i += 2 {
				if firsts[i+1]-firsts[i] > 64 {
					t.Fatalf("%s may open with any of %q to %q", tt.name, firsts[i], firsts[i+1])
				}
				for r := firsts[i]; r <= firsts[i+1]; r++ {
					if !tt.opens(string(r) + "x") {
						t.Errorf("%s may open with %q, which its quick test turns away", tt.name, r)
					}
				}
			}
		})
	}
}

// openingRunes is the ranges (lo, hi pairs) of the runes a match of re may
// open with, and whether it may match the empty string.
func openingRunes(re *syntax.Regexp) (ranges []rune, empty bool) {
	switch re.Op {
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return nil, true
		}
		return []rune{re.Rune[0], re.Rune[0]}, false
	case syntax.OpCharClass:
		return re.Rune, false
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return []rune{0, unicode.MaxRune}, false
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return nil, true
	case syntax.OpCapture, syntax.OpPlus:
		return openingRunes(re.Sub[0])
	case syntax.OpStar, syntax.OpQuest:
		ranges, _ = openingRunes(re.Sub[0])
		return ranges, true
	case syntax.OpRepeat:
		ranges, empty = openingRunes(re.Sub[0])
		return ranges, empty || re.Min == 0
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			r, e := openingRunes(sub)
			ranges, empty = append(ranges, r...), empty || e
		}
		return ranges, empty
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			r, e := openingRunes(sub)
			ranges = append(ranges, r...)
			if !e {
				return ranges, false
			}
		}
		return ranges, true
	}
	panic(fmt.Sprintf("openingRunes: op %v", re.Op))
}
