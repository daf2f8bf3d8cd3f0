package parse

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestWordSetFindsWhatContainsFinds holds a word set's quick test to the
// plain search for each of its words.
func TestWordSetFindsWhatContainsFinds(t *testing.T) {
	sets := [][]string{
		{"责任编辑", "责编", "美编", "校对", "版式设计", "組版", "編輯：", "版式："},
		{"摄", "制图", "供图", "新华社发", "来源：", "来源:", "视觉中国", "人民视觉"},
		{"ab", "b", "中国"},
	}
	r := rand.New(rand.NewPCG(7, 7))
	for _, words := range sets {
		ws := newWordSet(words...)
		if n := len([]rune(ws.marks)); n == 0 || n > len(words) {
			t.Fatalf("%v: marks %q", words, ws.marks)
		}
		stock := []rune(strings.Join(words, "") + "发展会议，")
		for range 5000 {
			var b strings.Builder
			for range r.IntN(12) {
				b.WriteRune(stock[r.IntN(len(stock))])
			}
			line := b.String()
			want := false
			for _, w := range words {
				want = want || strings.Contains(line, w)
			}
			if got := ws.in(line); got != want {
				t.Fatalf("%v: in(%q) = %v, want %v", words, line, got, want)
			}
		}
	}
	if got := newWordSet("责任编辑", "责编", "美编", "校对", "校對").marks; got != "编校" {
		t.Errorf("marks %q, want 编校: the rune in most words first", got)
	}
}

// TestRuneLenCountsAsUTF8 holds runeLen to utf8.RuneCountInString, on text
// and on bytes that are not UTF-8.
func TestRuneLenCountsAsUTF8(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 5))
	pieces := []string{"中", "，", "a", "·", "—", "\u3000", "\U00020000", "\xe4", "\xb8", "\xe4\xb8", "\xed\xa0\x80", "\xe0\x80\x80", "\xef\xbf\xbd", "\xc2"}
	for range 20000 {
		var b strings.Builder
		for range r.IntN(12) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := b.String()
		if got, want := runeLen(s), utf8.RuneCountInString(s); got != want {
			t.Fatalf("runeLen(%q) = %d, want %d", s, got, want)
		}
	}
}

// TestContainsTextFindsWhatContainsFinds holds containsText to
// strings.Contains, on text and on bytes that are not UTF-8, with needles
// cut from the text (found) and made up (mostly not).
func TestContainsTextFindsWhatContainsFinds(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 3))
	pieces := []string{"中", "国", "发", "展", "，", "a", "\n", "—", "\U00020000", "\xe4", "\xb8", "\xe4\xb8", "\xad"}
	text := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		return b.String()
	}
	for range 20000 {
		s := text(r.IntN(60))
		sub := text(r.IntN(5))
		if r.IntN(2) == 0 && len(s) > 0 {
			i := r.IntN(len(s))
			sub = s[i : i+r.IntN(min(16, len(s)-i)+1)]
		}
		if got, want := containsText(s, sub), strings.Contains(s, sub); got != want {
			t.Fatalf("containsText(%q, %q) = %v, want %v", s, sub, got, want)
		}
	}
}
