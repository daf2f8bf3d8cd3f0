package parse

import (
	"math/rand/v2"
	"runtime"
	"testing"
)

// A PDF page may set one paragraph in thousands of short lines (a column
// two characters wide, a tiny font): the paragraph is built from its lines
// in memory in proportion to its length, not copied again for every line.
func TestGeomLongParagraphInLinearMemory(t *testing.T) {
	const lines, size = 6000, 1.0
	st := &setter{s: Sheet{Width: 40, Height: 1.25*size*lines + 40}}
	st.column([]string{words('一', 2*lines)}, 10, 10, size, 2)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	p := SheetPage(&st.s)
	runtime.ReadMemStats(&after)
	got := 0
	for _, a := range p.Articles {
		for _, q := range a.Paragraphs {
			got += len([]rune(q))
		}
	}
	if got != 2*lines {
		t.Errorf("%d characters in paragraphs, want %d", got, 2*lines)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 40<<20 {
		t.Errorf("a paragraph of %d lines allocated %d MB", lines, alloc>>20)
	}
}

// joinTexts joins parts as joinText does one after another, empty parts
// and Latin words among them.
func TestJoinTextsAsJoinText(t *testing.T) {
	pieces := []string{"", "a", "word", "3", "中文", "x1", "。", "B"}
	rnd := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		parts := make([]string, rnd.IntN(6))
		for i := range parts {
			parts[i] = pieces[rnd.IntN(len(pieces))]
		}
		want := ""
		for _, p := range parts {
			want = joinText(want, p)
		}
		if got := joinTexts(parts); got != want {
			t.Fatalf("joinTexts(%q) = %q, want %q", parts, got, want)
		}
	}
}
