package parse

import (
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"
)

// TestReadPieceAgreesWithEachTest holds the one reading know makes of a
// piece to the functions that each find one of its facts.
func TestReadPieceAgreesWithEachTest(t *testing.T) {
	stock := []rune("本报讯記者电道导图圖摄攝绘文评通】（）()“”‘’—…·，。、：；！？ab12 　发展会议新华社来源视觉中国人民片制供,;!?")
	r := rand.New(rand.NewPCG(4, 2))
	for round := range 20000 {
		var b strings.Builder
		for range r.IntN(45) {
			b.WriteRune(stock[r.IntN(len(stock))])
		}
		text := b.String()
		em := textEm(text)
		got := readPiece(text, em)
		p := piece{line: line{text: text, em: em}}
		switch {
		case got.ideographs != ideographs(text):
			t.Fatalf("round %d, %q: ideographs %d, want %d", round, text, got.ideographs, ideographs(text))
		case got.closesEarly != closesEarly(text):
			t.Fatalf("round %d, %q: closesEarly %v", round, text, got.closesEarly)
		case got.unclosed != unclosed(text):
			t.Fatalf("round %d, %q: unclosed %v", round, text, got.unclosed)
		case got.squeezed != squeezedEm(&p):
			t.Fatalf("round %d, %q: squeezed %v, want %v", round, text, got.squeezed, squeezedEm(&p))
		case got.mayLead != hasRuneIn(text[:min(len(text), 90)], "讯訊电電道導导"):
			t.Fatalf("round %d, %q: mayLead %v", round, text, got.mayLead)
		case got.mayByline != mayBeBylineLine(text):
			t.Fatalf("round %d, %q: mayByline %v", round, text, got.mayByline)
		case got.mayCredit != hasRuneIn(text, "摄图绘圖攝"):
			t.Fatalf("round %d, %q: mayCredit %v", round, text, got.mayCredit)
		case got.maySource != hasRuneIn(text, sourceWords.marks):
			t.Fatalf("round %d, %q: maySource %v", round, text, got.maySource)
		case got.punct != hasSentencePunct(text):
			t.Fatalf("round %d, %q: punct %v", round, text, got.punct)
		case got.dispatch != dispatchSet.in(text):
			t.Fatalf("round %d, %q: dispatch %v", round, text, got.dispatch)
		case got.runes != runeLen(text):
			t.Fatalf("round %d, %q: runes %d, want %d", round, text, got.runes, runeLen(text))
		}
	}
}

// TestPiecesKeepTheirRuneCounts holds the count of runes each text piece
// keeps from its reading (know), which the line features take for
// runeLen of its text, to its text as the features see it, on the pages
// of testdata/corpus: a piece's text does not change once it is read.
func TestPiecesKeepTheirRuneCounts(t *testing.T) {
	files, _ := filepath.Glob("testdata/corpus/*/*.txt")
	if len(files) == 0 {
		t.Skip("no pages in testdata/corpus")
	}
	for _, f := range files {
		text := decodedFile(t, f)
		for _, pg := range splitPages(text) {
			w := analyse(normalizeClean(pg))
			for i := range w.ps {
				if p := &w.ps[i]; isTextPiece(p) && p.runes != runeLen(p.text) {
					t.Fatalf("%s: piece %d %q keeps %d runes, holds %d", f, i, p.text, p.runes, runeLen(p.text))
				}
			}
		}
	}
}

// TestSourceMarksAreCommonIdeographs holds readPiece's quick test of
// namesSource to what it can see: the marks of sourceWords are looked for
// among the common ideographs alone.
func TestSourceMarksAreCommonIdeographs(t *testing.T) {
	for _, r := range sourceWords.marks {
		if r < 0x4E00 || r > 0x9FFF {
			t.Errorf("sourceWords mark %q is no common ideograph: readPiece does not look for it", r)
		}
	}
}

// TestMayLeadCreditPassesEveryCredit holds bylineLead's quick test to the
// regexp: every line the regexp takes for an opening credit passes it.
func TestMayLeadCreditPassesEveryCredit(t *testing.T) {
	tokens := []string{"本报", "本報", "讯", "訊", "新华社", "新華社", "据", "中新网", "人民网", "日报社", "电视台", "北京", "台北",
		"3", "１２", "月", "日", "电", "電", "（", "）", "(", ")", "记者", "記者", "苏晴", "、", " ", "【", "】", "报道", "報導", "／", "消息"}
	r := rand.New(rand.NewPCG(8, 1))
	credits := 0
	for range 200000 {
		var b strings.Builder
		for range 1 + r.IntN(9) {
			b.WriteString(tokens[r.IntN(len(tokens))])
		}
		line := b.String()
		if bylineLead.MatchString(line) {
			credits++
			if !mayLeadCredit(line) {
				t.Fatalf("%q opens with a credit, but fails the quick test", line)
			}
		}
	}
	if credits < 100 {
		t.Fatalf("only %d credits made: the test says little", credits)
	}
}

// TestTailBodyGap: pdftotext -raw prints the tail of a headline that wraps
// before the first line of the body beside it, past a gap; the tail goes
// back to the headline, and a gap the page sets around a number, or one
// after a line of a body, cuts nothing.
func TestTailBodyGap(t *testing.T) {
	body := []string{
		"余株樱花竞相开放，吸引不少市",
		"民前来观赏拍照。公园管理处提",
		"醒游客文明赏花。园内还新设了",
		"导览标识和休息座椅，方便游客",
		"们歇脚。节假日客流较大，园方",
	}
	tests := []struct {
		name       string
		lines      []string
		head, rest string // the pieces the gap's line becomes; "" for no cut
		// headAsBody: the line before the gap's line is a headline's
		// that the line roles read as body (unreadHeadTail).
		headAsBody bool
	}{
		{"a headline's tail before the body's first line",
			[]string{"城东公园樱花进入盛花期游客如织（春日", "走笔） 连日来，城东公园内的"},
			"走笔）", "连日来，城东公园内的", false},
		{"a number set apart in a body line",
			[]string{"城东公园樱花进入盛花期游客如织（春日", "走笔） 2019 年，城东公园内的"},
			"", "", false},
		{"a gap after a line of a body",
			[]string{"连日来，城东公园内樱花开放，", "正忙 连日来，城东公园内的"},
			"", "", true},
		{"a headline's tail under a first line read as body, a date after it",
			[]string{"公园管理处提醒游客文明赏花。", "城东公园樱花进入盛花期游客如织", "迎客 3月2日，城东公园内的"},
			"迎客", "3月2日，城东公园内的", true},
		{"a headline's tail under a first line read as body",
			[]string{"公园管理处提醒游客文明赏花。", "城东公园樱花进入盛花期游客如织", "迎客 连日来，城东公园内的"},
			"迎客", "连日来，城东公园内的", true},
		{"a dateline's tail under a first line read as body",
			[]string{"公园管理处提醒游客文明赏花。", "城东公园樱花进入盛花期游客如织", "日电 连日来，城东公园内的"},
			"", "", true},
		{"a spaced phrase under a first line read as body",
			[]string{"公园管理处提醒游客文明赏花。", "城东公园樱花进入盛花期游客如织", "迎客 看花"},
			"", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := splitLines(page(append(tt.lines, body...)...))
			ps := cutPieces(lines, make([]bool, len(lines)))
			findHeadLines(ps)
			g := len(tt.lines) - 1 // the gap's line
			if got := ps[g-1].role; tt.headAsBody != (got == roleBody) {
				t.Fatalf("the line before the gap's has role %d: the case tests another path", got)
			}
			out, cut := cutHeadFromBody(ps)
			switch {
			case tt.head == "" && cut:
				t.Fatalf("cut %q from %q", out[g].text, out[g+1].text)
			case tt.head == "":
			case !cut || len(out) != len(ps)+1:
				t.Fatalf("no cut: %d pieces from %d", len(out), len(ps))
			case out[g].text != tt.head || out[g].role != roleHead || out[g+1].text != tt.rest:
				t.Fatalf("got %q (role %d) and %q, want %q and %q", out[g].text, out[g].role, out[g+1].text, tt.head, tt.rest)
			}
		})
	}
}

// TestOpensUnpadded: a run of digits or letters set flush against the
// ideograph after it opens a text; one the extractor set apart on its far
// side too, or one alone, is the room a page sets around a number.
func TestOpensUnpadded(t *testing.T) {
	for s, want := range map[string]bool{
		"10月3日，城东": true,
		"5G的新站点":   true,
		"2024“新”":  true,
		"10 月 3 日": false,
		"3.5 亿元":   false,
		"连日来，城东公园": false,
		"Z":        false,
		"919":      false,
	} {
		if got := opensUnpadded(s); got != want {
			t.Errorf("opensUnpadded(%q) = %v, want %v", s, got, want)
		}
	}
}
