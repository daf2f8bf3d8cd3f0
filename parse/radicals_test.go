package parse

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/dubaoreader/dubao/model"
)

// A page as pdfminer writes it: running head over three lines, headline
// before the body, blank lines between text boxes, a justified line spread
// with spaces, and Kangxi and supplement radicals (⽉ ⼈ ⺠ ⼯ ⼾ …) in place
// of one ideograph in several.
var minerPage = page(
	"2019年3⽉13⽇ 星期三",
	"",
	"要 闻",
	"",
	"第3版",
	"",
	"农村饮⽔⼯程惠及2万余⼾",
	"",
	"本报讯（记者李明）3⽉12",
	"⽇，记者从市⽔利局了解到，今",
	"年全市将实施农村饮⽔安全巩固",
	"提 升 ⼯ 程 ， 惠 及 农 ⼾ 2 万 余 ⼾ 、",
	"⼈⼝6万多⼈。",
	"",
	"市⽔利局有关负责⼈介绍，",
	"⼯程建成后，村⺠在家打开⽔龙",
	"头就能⽤上放心⽔。目前，各县",
	"（区、市）已完成前期⼯作，计",
	"划于5⽉底前全面开⼯。",
	"",
	"近年来，我市把农村饮⽔安",
	"全作为重⼤⺠生⼯程来抓，农村",
	"自来⽔普及率达到95％以上，供",
	"⽔设备还亮相中国―东盟博览",
	"会。",
)

func TestRadicalsOnAPage(t *testing.T) {
	p := Text(minerPage)
	want := []*model.Article{{
		Title:  "农村饮水工程惠及2万余户",
		Byline: "本报讯（记者李明）",
		Paragraphs: []string{
			"3月12日，记者从市水利局了解到，今年全市将实施农村饮水安全巩固提升工程，惠及农户2万余户、人口6万多人。",
			"市水利局有关负责人介绍，工程建成后，村民在家打开水龙头就能用上放心水。目前，各县（区、市）已完成前期工作，计划于5月底前全面开工。",
			"近年来，我市把农村饮水安全作为重大民生工程来抓，农村自来水普及率达到95％以上，供水设备还亮相中国—东盟博览会。",
		},
	}}
	if msg := articlesDiffer(p, want); msg != "" {
		t.Error(msg)
	}
	if p.Number != 3 || p.Date != "2019-03-13" || p.Name != "要闻" {
		t.Errorf("number %d date %q name %q, want 3 2019-03-13 要闻", p.Number, p.Date, p.Name)
	}
	// In any order: the name line is found after the lines around it.
	if got, want := slices.Sorted(slices.Values(p.Furniture)), []string{"2019年3月13日 星期三", "第3版", "要 闻"}; !slices.Equal(got, want) {
		t.Errorf("furniture %q, want %q", got, want)
	}
}

// fields returns every string of a page's tree, named.
func fields(p *model.Page) map[string]string {
	out := map[string]string{"name": p.Name, "date": p.Date}
	for i, f := range p.Furniture {
		out[fmt.Sprintf("furniture %d", i)] = f
	}
	for i, a := range p.Articles {
		for name, s := range map[string]string{"title": a.Title, "kicker": a.Kicker, "subtitle": a.Subtitle, "byline": a.Byline} {
			out[fmt.Sprintf("article %d %s", i, name)] = s
		}
		for k, q := range a.Paragraphs {
			out[fmt.Sprintf("article %d paragraph %d", i, k)] = q
		}
		for k, m := range a.Markers {
			out[fmt.Sprintf("article %d marker %d", i, k)] = m
		}
	}
	return out
}

// No radical is left in any field of the pdfminer pages, whose text writes
// about one ideograph in ten as one, and no horizontal bar between CJK
// characters.
func TestNoRadicalLeft(t *testing.T) {
	pages := loadCorpus(t, "dev-miner")
	for _, c := range pages {
		t.Run(c.name, func(t *testing.T) {
			radicals := strings.Count(string(c.text), "⼈") + strings.Count(string(c.text), "⽉")
			if radicals == 0 {
				t.Fatal("no radicals on the page: is it the pdfminer text?")
			}
			ps, err := Pages(c.text)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range ps {
				for name, s := range fields(p) {
					for _, r := range s {
						if r >= 0x2E80 && r <= 0x2FDF {
							t.Errorf("%s keeps the radical %c (%U): %s", name, r, r, clip(s, 40, false))
						}
					}
					if i := strings.IndexRune(s, '―'); i >= 0 {
						t.Errorf("%s keeps a horizontal bar: %s", name, s)
					}
				}
			}
		})
	}
}

// Radicals in every field of a small page: the running head, the
// headline, the byline and the body.
func TestRadicalsInEveryField(t *testing.T) {
	p := Text(page(
		"2024年3⽉13⽇ 星期三 要闻 第3版",
		"",
		"⻓江⼤保护⼈⺠在⾏动",
		"",
		"本报讯（记者⽅静）3⽉12⽇，",
		"记者从市⽣态环境局了解到，今",
		"年全市将实施⻓江岸线修复⼯程，",
		"⼈⺠群众⽣活环境持续改善。",
	))
	want := []*model.Article{{
		Title:      "长江大保护人民在行动",
		Byline:     "本报讯（记者方静）",
		Paragraphs: []string{"3月12日，记者从市生态环境局了解到，今年全市将实施长江岸线修复工程，人民群众生活环境持续改善。"},
	}}
	if msg := articlesDiffer(p, want); msg != "" {
		t.Error(msg)
	}
	if got, want := p.Furniture, []string{"2024年3月13日 星期三 要闻 第3版"}; !slices.Equal(got, want) {
		t.Errorf("furniture %q, want %q", got, want)
	}
}
