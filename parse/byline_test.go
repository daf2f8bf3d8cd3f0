package parse

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// A dispatch the story quotes (据新华社…电) opens a story, as a byline
// does, but stays in its first paragraph: the corpus's gold never takes it
// for the byline. So too with 據, the Traditional 据.
func TestQuotedDispatchStaysInText(t *testing.T) {
	for _, line := range []string{
		"据新华社北京3月5日电（记者王亮）国务院",
		"据新华社上海6月2日电（记者李明、王芳）今天",
		"据新华社伦敦4月8日电 英国",
		"據新华社北京3月5日电（记者王亮）国务院",
		"據新華社北京3月5日電（記者王亮）國務院",
	} {
		if by, rest := splitByline(line); by != "" || rest != line {
			t.Errorf("splitByline(%q) = %q, %q; want no byline and the line", line, by, rest)
		}
		if !bylineStart(line) {
			t.Errorf("bylineStart(%q) = false; a quoted dispatch opens a story", line)
		}
	}
}

// A dateline the extractor broke over two lines never ends a paragraph,
// whatever the learned score of the line after it says.
func TestBrokenDatelineGoesOn(t *testing.T) {
	body := func(s string) piece {
		p := piece{line: line{text: s}, role: roleBody}
		p.know()
		return p
	}
	starts := []float64{0, 5, -5}
	ps := []piece{body("本报北京3月5日"), body("电（记者王亮）近日，市里"), body("召开会议。")}
	if learnedBreak(ps, 0, starts) {
		t.Errorf("a paragraph ends inside the dateline %q / %q", ps[0].text, ps[1].text)
	}
	ps[0] = body("会议由市长主持。")
	if !learnedBreak(ps, 0, starts) {
		t.Errorf("the learned score no longer ends the paragraph after %q", ps[0].text)
	}
}

// A Traditional page's dateline ends in 電 or 訊: the credit comes off the
// first paragraph as a Simplified one does, and the dateline broken over two
// lines goes on.
func TestTraditionalDateline(t *testing.T) {
	for _, c := range []struct{ line, byline, rest string }{
		{"本報台北3月5日電（記者王亮）市府今天", "本報台北3月5日電（記者王亮）", "市府今天"},
		{"新華社北京3月5日電 國務院", "新華社北京3月5日電", "國務院"},
		{"中央社台北５月２日訊（記者林英）立法院", "中央社台北５月２日訊（記者林英）", "立法院"},
	} {
		if by, rest := splitByline(c.line); by != c.byline || rest != c.rest {
			t.Errorf("splitByline(%q) = %q, %q; want %q, %q", c.line, by, rest, c.byline, c.rest)
		}
	}
	body := func(s string) piece {
		p := piece{line: line{text: s}, role: roleBody}
		p.know()
		return p
	}
	ps := []piece{body("本報台北3月5"), body("日電（記者王亮）市府今天"), body("召開會議。")}
	if learnedBreak(ps, 0, []float64{0, 5, -5}) {
		t.Errorf("a paragraph ends inside the dateline %q / %q", ps[0].text, ps[1].text)
	}
}

// TestBrokenDatelineAsPlain holds brokenDateline, which asks what know
// found of the two lines, to the test on their texts it stands for, on
// random lines of datelines' parts.
func TestBrokenDatelineAsPlain(t *testing.T) {
	stock := []string{"本报", "本報", "新华社", "北京", "台北", "3月", "5", "１０", "日", "电", "讯", "電", "訊", "道", "（", "记者", "王亮", "）", "，", "。", "会议", " ", "【", "】", "据"}
	r := rand.New(rand.NewPCG(9, 17))
	line := func() piece {
		var b strings.Builder
		for range r.IntN(9) {
			b.WriteString(stock[r.IntN(len(stock))])
		}
		p := piece{line: line{text: b.String()}, role: roleBody}
		p.know()
		return p
	}
	broken := 0
	for round := range 50000 {
		a, b := line(), line()
		want := !hasSentencePunct(a.text) && !bylineStart(a.text) && bylineStart(a.text+b.text)
		if got := brokenDateline(&a, &b); got != want {
			t.Fatalf("round %d: brokenDateline(%q, %q) = %v, want %v", round, a.text, b.text, got, want)
		}
		if want {
			broken++
		}
	}
	if broken == 0 {
		t.Fatal("no random pair was a broken dateline: the test tells nothing")
	}
}

// TestNamesDispatchDayAsContains holds namesDispatchDay to a search for each
// of its four words, on random strings of their characters and others.
func TestNamesDispatchDayAsContains(t *testing.T) {
	runes := []rune("日电讯電訊月本a 1（")
	rng := rand.New(rand.NewPCG(9, 18))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteRune(runes[rng.IntN(len(runes))])
		}
		s := b.String()
		want := strings.Contains(s, "日电") || strings.Contains(s, "日讯") || strings.Contains(s, "日電") || strings.Contains(s, "日訊")
		if got := namesDispatchDay(s); got != want {
			t.Fatalf("namesDispatchDay(%q) = %v, want %v", s, got, want)
		}
	}
}
