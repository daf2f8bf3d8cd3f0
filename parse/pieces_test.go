package parse

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestReadPieceAgreesWithEachTest holds the one reading know makes of a
// piece to the functions that each find one of its facts.
func TestReadPieceAgreesWithEachTest(t *testing.T) {
	stock := []rune("本报讯記者电道导图圖摄攝绘文评通】（）()“”‘’—…·，。、：；！？ab12 　发展会议")
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
		}
	}
}

// TestMayLeadCreditPassesEveryCredit holds bylineLead's quick test to the
// regexp: every line the regexp takes for an opening credit passes it.
func TestMayLeadCreditPassesEveryCredit(t *testing.T) {
	tokens := []string{"本报", "本報", "讯", "訊", "新华社", "新華社", "据", "中新网", "人民网", "日报社", "电视台", "北京", "台北",
		"3", "１２", "月", "日", "电", "電", "（", "）", "(", ")", "记者", "記者", "毛静", "、", " ", "【", "】", "报道", "報導", "／", "消息"}
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
