package parse

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// Extractor spaces: pdftotext puts spaces around digits and Latin letters
// and between the characters of a spread line; the page set none there.
func TestCleanSpaces(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		headline bool // cleaned as a headline line, keeping a deliberate gap
		want     string
	}{
		{"between CJK characters", "邮路 绿", false, "邮路绿"},
		{"between CJK and digits", "3 月 12 日", false, "3月12日"},
		{"between a number and CJK", "全市 54名选手", false, "全市54名选手"},
		{"between CJK and Latin", "全民健身 5K 挑战赛", false, "全民健身5K挑战赛"},
		{"before a bracket", "本报讯 （记者苏晴）", false, "本报讯（记者苏晴）"},
		{"around punctuation", "绍 ，坚 持", false, "绍，坚持"},
		{"a letter-spaced passage", "林 晓 岚 介", false, "林晓岚介"},
		{"a letter-spaced line with punctuation", "客 流 回 升 。 “ 销 量 明 显 高 于 往", false, "客流回升。“销量明显高于往"},
		{"kept between Latin words", "New York Times 报道", false, "New York Times报道"},
		{"kept between a word and a number", "iPhone 15 发布", false, "iPhone 15发布"},
		{"kept between two numbers", "电话 0354 3022123", false, "电话0354 3022123"},
		{"a letter cut from its number", "C 919 大型客机", false, "C919大型客机"},
		{"a number cut from its letter", "3 D打印", false, "3D打印"},
		{"several spaces", "3   月", false, "3月"},
		{"an ideographic space", "3\u3000月", false, "3月"},
		{"a headline's gap is kept", "晨光映照“邮路绿” 青春奋进新征程", true, "晨光映照“邮路绿” 青春奋进新征程"},
		{"a headline's gap is one space", "晨光映照“邮路绿”   青春奋进新征程", true, "晨光映照“邮路绿” 青春奋进新征程"},
		{"a body line has no gap", "晨光映照“邮路绿” 青春奋进新征程", false, "晨光映照“邮路绿”青春奋进新征程"},
		{"a headline's digits are joined", "全市城镇登记失业率降至 1.7%", true, "全市城镇登记失业率降至1.7%"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := cleanSpaces(tt.in, letterSpaced(tt.in), tt.headline); got != tt.want {
				t.Errorf("cleanSpaces(%q, headline %v) = %q, want %q", tt.in, tt.headline, got, tt.want)
			}
		})
	}
}

// A page's text, spaces and all, as pdftotext writes it: the paragraphs and
// the headline come out as the page set them.
func TestExtractorSpacesOnAPage(t *testing.T) {
	body := []string{
		"本报讯 （记者苏晓芳）3 月 10",
		"日上午，全市首届科技创新成果展",
		"开幕，3 D打印设备、C 919 大型客",
		"机模型等展品亮相。",
		"展会现场，来自 New York 的研",
		"究团队展示了新型无人机。参观者",
		"可以体验 VR 驾驶，还可以报名参",
		"加 5K 欢乐跑活动，共有 1200 名市",
		"民报名。",
		"据悉，本次展会将持续至 3 月",
		"15 日，咨询电话 0354 3022123。",
	}
	const title, gapless = "科创成果集中亮相 点亮城市未来", "科创成果集中亮相点亮城市未来"
	next := []string{ // the start of another story
		"本报讯（记者王伟）眼下正",
		"值春耕备耕关键时期，全市各地",
		"抢抓农时，组织农民开展土地深",
		"翻、种子调运和农机检修等工",
		"作。",
	}
	const atTheFoot = ""
	want := "3月10日上午，全市首届科技创新成果展开幕，3D打印设备、C919大型客机模型等展品亮相。" +
		"展会现场，来自New York的研究团队展示了新型无人机。参观者可以体验VR驾驶，还可以报名参加5K欢乐跑活动，共有1200名市民报名。" +
		"据悉，本次展会将持续至3月15日，咨询电话0354 3022123。"
	tests := []struct {
		name  string
		page  string
		known string
	}{
		{"blank lines around the headline (pdftotext)", page(slices.Concat(body, []string{"", title + "  ", ""}, next)...), ""},
		{"headline before the body (pdfminer)", page(slices.Concat([]string{title, ""}, body)...), ""},
		// pdftotext -raw writes no gap in a headline: a space there parts
		// two headlines set side by side.
		{"no blank lines (pdftotext -raw)", page(slices.Concat(body, []string{gapless}, next)...), ""},
		{"last on the page, after a blank line", page(slices.Concat(body, []string{"", title})...), atTheFoot},
		{"last on the page, no blank lines", page(slices.Concat(body, []string{gapless})...), atTheFoot},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := Text(tt.page)
			var msg string
			if len(p.Articles) == 0 {
				msg = "no articles"
			} else {
				a := p.Articles[0]
				wantTitle := title
				if !strings.Contains(tt.page, title) {
					wantTitle = gapless
				}
				if a.Title != wantTitle || a.Byline != "本报讯（记者苏晓芳）" {
					msg += fmt.Sprintf("title %q byline %q, want %q %q\n", a.Title, a.Byline, wantTitle, "本报讯（记者苏晓芳）")
				}
				if got := strings.Join(a.Paragraphs, ""); got != want {
					msg += fmt.Sprintf("text\n got %q\nwant %q\n", got, want)
				}
			}
			report(t, msg, tt.known)
		})
	}
}

// TestTrimSpacesTrimsAsTrimFunc holds trimSpaces, which keeps most lines
// without decoding them, to strings.TrimFunc with isSpace, on text and on
// bytes that are not UTF-8 (the bytes of the spaces cut apart).
func TestTrimSpacesTrimsAsTrimFunc(t *testing.T) {
	r := rand.New(rand.NewPCG(6, 6))
	pieces := []string{" ", "\t", "\u3000", "\u00a0", "中", "a", "，", "\xe3", "\xe3\x80", "\x80", "\xa0", "\xc2", "\u3001", "\u00a1"}
	for range 50000 {
		s := drawText(r, pieces, r.IntN(8))
		if got, want := trimSpaces(s), strings.TrimFunc(s, isSpace); got != want {
			t.Fatalf("trimSpaces(%q) = %q, want %q", s, got, want)
		}
	}
}
