package layout

import (
	"math/rand/v2"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// The sets as the brief for this package gives them; the package's own sets
// must hold at least these.
const (
	briefStart = "、，。．：；！？”’」』）］｝】〕〗〉》—–～·…%％‰°′″℃,.;:!?)]}" +
		"ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶー々〻"
	briefEnd = "“‘「『（［｛【〔〖〈《([{￥$"
)

func TestKinsokuSetsHoldTheBrief(t *testing.T) {
	for _, c := range []struct{ name, brief, set string }{
		{"LineStartProhibited", briefStart, LineStartProhibited},
		{"LineEndProhibited", briefEnd, LineEndProhibited},
		{"Unsplittable", "—…", Unsplittable},
	} {
		for _, r := range c.brief {
			if !strings.ContainsRune(c.set, r) {
				t.Errorf("%s lacks %q", c.name, r)
			}
		}
	}
}

// TestWrapProperties wraps thousands of random paragraphs of ideographs,
// Latin words, numbers, spaces and every kinsoku character, at widths 2 to
// 200 in both modes, and checks what WrapSpans promises (see checkWrap).
func TestWrapProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(20240313, 1))
	var st wrapStats
	n := 4000
	if testing.Short() {
		n = 500
	}
	for range n {
		s := randomParagraph(rng)
		for _, m := range []Measure{narrow, wide} {
			for _, width := range []int{2 + rng.IntN(11), 13 + rng.IntN(48), 61 + rng.IntN(140)} {
				st.add(checkWrap(t, m, s, width, m.WrapSpans(s, width)))
				if t.Failed() {
					t.Fatalf("paragraph %q, width %d, %v", s, width, m.Ambiguous())
				}
			}
		}
	}
	t.Logf("%d lines; of %d breaks, %d would break a rule, all where the glued run is wider than the line",
		st.lines, st.breaks, st.excused)
	if st.excused == 0 || st.breaks < 4*st.excused {
		t.Errorf("the generator should make some, not %d of %d, breaks where the rules cannot hold", st.excused, st.breaks)
	}
}

// randomParagraph makes a paragraph of up to 160 pieces: ideographs, Latin
// words and numbers, spaces (single, runs, at the ends), closing and
// opening marks (runs of them too), —— and …… (alone, paired and in runs),
// and other wide characters.
func randomParagraph(rng *rand.Rand) string {
	const (
		wordRunes = "abcdefxyzABCXYZ0123456789"
		wordGlue  = ".%/-,:"
		others    = "０１２３⼈⽉あアー々〇㈠①"
	)
	start, end, other := []rune(briefStart), []rune(briefEnd), []rune(others)
	var b strings.Builder
	for range rng.IntN(160) {
		switch x := rng.IntN(100); {
		case x < 40:
			b.WriteRune(rune(0x4e00 + rng.IntN(0x9fa5-0x4e00)))
		case x < 52:
			for i := range 1 + rng.IntN(14) {
				if i > 0 && rng.IntN(5) == 0 {
					b.WriteByte(wordGlue[rng.IntN(len(wordGlue))])
				} else {
					b.WriteByte(wordRunes[rng.IntN(len(wordRunes))])
				}
			}
		case x < 59:
			b.WriteString(strings.Repeat(" ", 1+rng.IntN(3)/2))
		case x < 72:
			b.WriteRune(start[rng.IntN(len(start))])
		case x < 80:
			b.WriteRune(end[rng.IntN(len(end))])
		case x < 86:
			b.WriteString(strings.Repeat(string("—…―⋯"[rng.IntN(4)*3:][:3]), []int{1, 2, 2, 2, 3, 4}[rng.IntN(6)]))
		default:
			b.WriteRune(other[rng.IntN(len(other))])
		}
	}
	return b.String()
}

type wrapStats struct{ lines, breaks, excused int }

func (s *wrapStats) add(o wrapStats) {
	s.lines += o.lines
	s.breaks += o.breaks
	s.excused += o.excused
}

// checkWrap checks what WrapSpans promises for s at width:
//
//  1. no line is wider than width (at width 1, a line may hold one
//     character that is wider, alone);
//  2. the lines give back s in order, leaving out only single spaces
//     between two non-spaces, at a break;
//  3. no line but the first starts with a LineStartProhibited rune and
//     no line but the last ends with a LineEndProhibited one, unless the
//     text that the rules glue together around that break, from one
//     allowed break to the next, is wider than the line;
//  4. at width 4 or more, no —— or …… is split;
//  5. no Latin word or number is split unless it is wider than the line.
//
// 3, 4 and 5 are checked only on plain text: valid UTF-8 with no rune of zero
// width.
func checkWrap(t *testing.T, m Measure, s string, width int, spans []Span) (st wrapStats) {
	t.Helper()
	lines := m.Wrap(s, width)
	if len(lines) != len(spans) {
		t.Fatalf("Wrap gave %d lines, WrapSpans %d", len(lines), len(spans))
	}
	if s == "" || width <= 0 {
		if len(spans) != 1 || spans[0] != (Span{0, len(s)}) {
			t.Errorf("want one line of all of %q at width %d, got %v", s, width, spans)
		}
		return st
	}
	st.lines = len(spans)

	// 2. Nothing lost, nothing moved.
	if spans[0].Start != 0 || spans[len(spans)-1].End != len(s) {
		t.Errorf("lines %v do not cover %q", spans, s)
		return st
	}
	for i, sp := range spans {
		if sp.Start >= sp.End {
			t.Errorf("line %d is empty: %v", i, spans)
			return st
		}
		if lines[i] != s[sp.Start:sp.End] {
			t.Errorf("line %d is %q, its span says %q", i, lines[i], s[sp.Start:sp.End])
		}
		if i == 0 {
			continue
		}
		prev := spans[i-1]
		switch gap := sp.Start - prev.End; {
		case gap == 0:
		case gap == 1 && s[prev.End] == ' ' && s[prev.End-1] != ' ' && s[sp.Start] != ' ':
		default:
			t.Errorf("between lines %d and %d, %q is lost (lines %q)", i-1, i, s[prev.End:max(prev.End, sp.Start)], lines)
			return st
		}
	}

	// 1. No overflow.
	for i, line := range lines {
		w := m.StringWidth(line)
		if w <= width {
			continue
		}
		r, size := utf8.DecodeRuneInString(line)
		if width == 1 && m.RuneWidth(r) == 2 && m.StringWidth(line[size:]) == 0 {
			continue
		}
		t.Errorf("line %d %q is %d cells, wider than %d", i, line, w, width)
	}

	// 3, 4 and 5, rune by rune, for text without controls, zero-width runes
	// or invalid UTF-8, which the oracle does not know.
	if !plain(s) {
		return st
	}
	o := newOracle(s)
	for i := 1; i < len(spans); i++ {
		st.breaks++
		k := o.runeAt(spans[i].Start)
		if spans[i].Start > spans[i-1].End {
			k-- // the break is at the dropped space
		}
		first, _ := utf8.DecodeRuneInString(lines[i])
		last, ok := lastNonSpace(lines[i-1])
		if isClose(first) || ok && isOpen(last) {
			start, end := o.chain(k)
			if w := m.StringWidth(s[start:end]); w <= width {
				t.Errorf("break %d between %q and %q breaks a rule, though %q (%d cells) fits in %d",
					i, lines[i-1], lines[i], s[start:end], w, width)
			}
			st.excused++
		}
		if width >= 4 && o.splitsPair(k) {
			t.Errorf("break %d splits a pair: %q | %q", i, lines[i-1], lines[i])
		}
		if word := o.word(k); word != "" && m.StringWidth(word) <= width {
			t.Errorf("break %d splits %q, which fits in %d: %q | %q", i, word, width, lines[i-1], lines[i])
		}
	}
	return st
}

func plain(s string) bool {
	for _, r := range s {
		if r == utf8.RuneError || narrow.RuneWidth(r) == 0 {
			return false
		}
	}
	return true
}

func lastNonSpace(line string) (rune, bool) {
	line = strings.TrimRight(line, " ")
	r, size := utf8.DecodeLastRuneInString(line)
	return r, size > 0
}

var closes, opens, pairs = runeSet(LineStartProhibited), runeSet(LineEndProhibited), runeSet(Unsplittable)

func runeSet(s string) map[rune]bool {
	set := map[rune]bool{}
	for _, r := range s {
		set[r] = true
	}
	return set
}

func isClose(r rune) bool { return closes[r] }
func isOpen(r rune) bool  { return opens[r] }
func isPair(r rune) bool  { return pairs[r] }

// isWord is the test's own reading of "a Latin word or number".
func isWord(r rune) bool {
	return r > ' ' && r < 0x7f ||
		r >= '０' && r <= '９' || r >= 'Ａ' && r <= 'Ｚ' || r >= 'ａ' && r <= 'ｚ' ||
		(unicode.IsLetter(r) || unicode.IsDigit(r)) && narrow.RuneWidth(r) == 1
}

// An oracle answers, from the rules alone and rune by rune, where a
// paragraph may break.
type oracle struct {
	rs  []rune
	off []int // byte offset of each rune, then len(s)
}

func newOracle(s string) *oracle {
	o := &oracle{}
	for i, r := range s {
		o.rs = append(o.rs, r)
		o.off = append(o.off, i)
	}
	o.off = append(o.off, len(s))
	return o
}

func (o *oracle) runeAt(off int) int {
	return sort.SearchInts(o.off, off)
}

// single reports whether rune k is a space with a non-space on each side.
func (o *oracle) single(k int) bool {
	return o.rs[k] == ' ' && k > 0 && k+1 < len(o.rs) &&
		o.rs[k-1] != ' ' && o.rs[k+1] != ' ' && narrow.RuneWidth(o.rs[k+1]) > 0
}

// nonSpaceBefore returns the rune before the spaces that end before rune k.
func (o *oracle) nonSpaceBefore(k int) rune {
	for k > 0 && o.rs[k-1] == ' ' {
		k--
	}
	if k == 0 {
		return 0
	}
	return o.rs[k-1]
}

// free reports whether the rules allow a break before rune k.
func (o *oracle) free(k int) bool {
	a, b := o.rs[k-1], o.rs[k]
	switch {
	case narrow.RuneWidth(b) == 0 || a == '\u200d':
		return false
	case b == ' ':
		return o.single(k) && !isOpen(a) && !isClose(o.rs[k+1])
	case a == ' ':
		return !o.single(k-1) && !isOpen(o.nonSpaceBefore(k)) && !isClose(b)
	case isOpen(a), isClose(b), isWord(a) && isWord(b):
		return false
	}
	return !o.splitsPair(k)
}

// splitsPair reports whether a break before rune k splits a pair of an
// Unsplittable rune, counting pairs from the start of their run.
func (o *oracle) splitsPair(k int) bool {
	if k == 0 || k >= len(o.rs) || !isPair(o.rs[k]) || o.rs[k-1] != o.rs[k] {
		return false
	}
	run := 1
	for j := k - 1; j > 0 && o.rs[j-1] == o.rs[k]; j-- {
		run++
	}
	return run%2 == 1
}

// word returns the word a break before rune k splits, if any.
func (o *oracle) word(k int) string {
	if k == 0 || k >= len(o.rs) || !isWord(o.rs[k-1]) || !isWord(o.rs[k]) {
		return ""
	}
	start, end := k-1, k
	for start > 0 && isWord(o.rs[start-1]) {
		start--
	}
	for end < len(o.rs) && isWord(o.rs[end]) {
		end++
	}
	return string(o.rs[start:end])
}

// chain returns the bytes glued to the break before rune k: from the
// allowed break before it to the allowed break after it.
func (o *oracle) chain(k int) (start, end int) {
	c0 := k - 1
	for c0 > 0 && !o.free(c0) {
		c0--
	}
	if o.single(c0) {
		c0++
	}
	c1 := k + 1
	for c1 < len(o.rs) && !o.free(c1) {
		c1++
	}
	return o.off[c0], o.off[min(c1, len(o.rs))]
}
