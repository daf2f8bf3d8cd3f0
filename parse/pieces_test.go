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
