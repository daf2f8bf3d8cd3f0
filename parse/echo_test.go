package parse

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// decodeRune3 reads every string of three bytes as utf8 does: valid runes,
// overlong forms, surrogates, short and stray bytes.
func TestDecodeRune3(t *testing.T) {
	b := make([]byte, 3)
	for v := range 1 << 24 {
		b[0], b[1], b[2] = byte(v>>16), byte(v>>8), byte(v)
		for _, s := range []string{string(b), string(b[:2])} {
			r, n := decodeRune3(s)
			if r2, n2 := utf8.DecodeRuneInString(s); r != r2 || n != n2 {
				t.Fatalf("decodeRune3(%q) = %U, %d; utf8 says %U, %d", s, r, n, r2, n2)
			}
		}
	}
}

// naiveEchoes is what echoes answers, said the plain way: each passage's
// bigrams taken from its text, each question a count of shared bigrams.
type naiveEchoes struct {
	heads, open, prev []bigramSet
}

func newNaiveEchoes(paras []para, groups []group) *naiveEchoes {
	n := &naiveEchoes{}
	for _, g := range groups {
		n.heads = append(n.heads, bigramsOf(g.kicker+g.title+g.subtitle))
	}
	for j, p := range paras {
		n.open = append(n.open, bigramsOf(clip(p.text, 120, false)))
		var before strings.Builder
		for k := max(0, j-3); k < j; k++ {
			before.WriteString(clip(paras[k].text, 200, true))
		}
		n.prev = append(n.prev, bigramsOf(clip(before.String(), 200, true)))
	}
	return n
}

func (n *naiveEchoes) next(j int) bigramSet {
	switch {
	case j >= len(n.open):
		return nil
	case j+1 >= len(n.open):
		return n.open[j]
	}
	return sortSet(append(append(bigramSet{}, n.open[j]...), n.open[j+1]...))
}

func (n *naiveEchoes) parting(end, start int) float64 {
	if end <= 0 || start >= len(n.open) || end >= len(n.prev) {
		return 0
	}
	before, after := n.prev[end], n.next(start)
	if len(before) == 0 || len(after) == 0 {
		return 0
	}
	c := float64(common(before, after)) / float64(min(len(before), len(after)))
	return max(-1, min(1, (0.1-c)/0.1))
}

// randomParas makes paragraphs of ideographs from a small stock (so that
// passages share bigrams), punctuation and Latin text, some empty, some
// long enough that only their opening and end are read.
func randomParas(r *rand.Rand, n int) []para {
	stock := []rune("发展经济工作全市会议推动质量新成效𠀀𠮷，。、ab1 ")
	out := make([]para, n)
	for i := range out {
		var b strings.Builder
		size := r.IntN(400)
		if r.IntN(8) == 0 {
			size = 0
		}
		if r.IntN(8) == 0 {
			size = 1000 + r.IntN(1000)
		}
		for range size {
			b.WriteRune(stock[r.IntN(len(stock))])
		}
		out[i].text = b.String()
	}
	return out
}

// TestEchoesAnswerAsTheirTexts checks echoes, with passages as bits and as
// sorted lists, against the bigrams of each passage's text.
func TestEchoesAnswerAsTheirTexts(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 9))
	for round := range 40 {
		paras := randomParas(r, 1+r.IntN(12))
		groups := make([]group, 1+r.IntN(4))
		for g := range groups {
			groups[g].title = randomParas(r, 1)[0].text
			if len(groups[g].title) > 60 {
				groups[g].title = clip(groups[g].title, 20, false)
			}
		}
		want := newNaiveEchoes(paras, groups)
		// A memo first read by echoes of other paragraphs, some the same.
		memo := new(echoMemo)
		newEchoes(memo, append(randomParas(r, r.IntN(6)), paras[:r.IntN(len(paras)+1)]...), groups)
		for _, mode := range []struct {
			name     string
			maxWords int
			memo     *echoMemo
		}{{"bits", maxPassageWords, nil}, {"lists", 0, nil}, {"bits, read before", maxPassageWords, memo}} {
			e := newEchoesWithin(mode.memo, paras, groups, mode.maxWords)
			for end := range len(paras) + 1 {
				for start := range len(paras) + 1 {
					if got, w := e.parting(end, start), want.parting(end, start); got != w {
						t.Fatalf("round %d, %s: parting(%d, %d) = %v, want %v", round, mode.name, end, start, got, w)
					}
				}
			}
			for g := range groups {
				for j := range paras {
					if got, w := e.found(g, &e.open[j]), common(want.heads[g], want.open[j]); got != w {
						t.Fatalf("round %d, %s: headline %d in opening %d: %d, want %d", round, mode.name, g, j, got, w)
					}
					if got, w := e.found(g, e.prev[j]), common(want.heads[g], want.prev[j]); got != w {
						t.Fatalf("round %d, %s: headline %d before paragraph %d: %d, want %d", round, mode.name, g, j, got, w)
					}
					if got, w := e.found(g, e.nextSet(j)), common(want.heads[g], want.next(j)); got != w {
						t.Fatalf("round %d, %s: headline %d after paragraph %d: %d, want %d", round, mode.name, g, j, got, w)
					}
					if got, w := e.found(g, want.open[j]), common(want.heads[g], want.open[j]); got != w {
						t.Fatalf("round %d, %s: headline %d in a set: %d, want %d", round, mode.name, g, got, w)
					}
				}
			}
			// Again, now that the next sets are made and kept.
			for end := range len(paras) + 1 {
				for start := range len(paras) + 1 {
					if got, w := e.parting(end, start), want.parting(end, start); got != w {
						t.Fatalf("round %d, %s, next sets made: parting(%d, %d) = %v, want %v", round, mode.name, end, start, got, w)
					}
				}
			}
		}
	}
}

// openingAndEnd reads the same sets as bigramsOf of the clipped text, on
// texts around and between the clip lengths, with repeated pairs, other
// runes and stray bytes.
func TestOpeningAndEnd(t *testing.T) {
	rng := rand.New(rand.NewPCG(10, 2))
	pool := []string{"中", "文", "报", "纸", "读", "日", "新", "闻", "a", "1", "，", "。", " ", "𠀀", "\xe4\xb8", "\xff"}
	for range 3000 {
		var b strings.Builder
		n := rng.IntN(400)
		for range n {
			k := rng.IntN(len(pool) - 2)
			if rng.IntN(200) == 0 {
				k = len(pool) - 1 - rng.IntN(2)
			}
			b.WriteString(pool[k])
		}
		s := b.String()
		for _, cut := range [][2]int{{120, 200}, {200, 120}, {5, 7}, {1, 1}} {
			o, e := openingAndEnd(s, cut[0], cut[1])
			wo, we := bigramsOf(clip(s, cut[0], false)), bigramsOf(clip(s, cut[1], true))
			if !slices.Equal(o, wo) || !slices.Equal(e, we) {
				t.Fatalf("openingAndEnd(%q, %d, %d) = %v, %v; want %v, %v", s, cut[0], cut[1], o, e, wo, we)
			}
		}
	}
}

// The echo memo's unit sets of a paragraph's opening and end, made from
// the numbers its echoes read, hold openingAndEnd's bigrams: with pairs in
// the Basic Multilingual Plane and past it, on texts the memo read and did
// not, with stray bytes, short and past the length where only the ends are
// read, as bits and as lists. The bigrams they share with each other and
// with a headline's set are those common counts.
func TestMemoUnitGrams(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 3))
	bmp := []string{"发", "展", "经", "济", "工", "作", "会", "议", "，", "。", "a", "1", " "}
	for round := range 300 {
		pool := bmp
		if round%3 == 0 {
			pool = append(slices.Clone(bmp), "𠀀", "𠮷")
		}
		paras := make([]para, 1+r.IntN(10))
		for i := range paras {
			var b strings.Builder
			n := r.IntN(500)
			if r.IntN(4) == 0 {
				n = 400 + r.IntN(100) // about the length past which only the ends are read
			}
			for range n {
				b.WriteString(pool[r.IntN(len(pool))])
				if r.IntN(300) == 0 {
					b.WriteString("\xe4\xb8")
				}
			}
			paras[i].text = b.String()
		}
		memo := new(echoMemo)
		if round%5 != 4 { // else the memo has read nothing of the page
			newEchoes(memo, paras, nil)
		}
		all := append(slices.Clone(paras), randomParas(r, 2)...)
		maxWords := maxPassageWords
		if round%2 == 1 {
			maxWords = 0 // sorted lists
		}
		opens, ends := memo.unitGramsWithin(all, maxWords)
		want := make([][2]bigramSet, len(all))
		for i, p := range all {
			want[i][0], want[i][1] = openingAndEnd(p.text, openRunes, endRunes)
			for k, g := range []*gramSet{&opens[i], &ends[i]} {
				w := want[i][k]
				if g.size != len(w) || slices.ContainsFunc(w, func(b bigram) bool { return !g.has(b) }) {
					t.Fatalf("round %d: unitGrams(%q)[%d] holds %d bigrams, not openingAndEnd's %v", round, p.text, k, g.size, w)
				}
			}
		}
		head := bigramsOf(all[0].text + all[len(all)-1].text)
		for i := range all {
			j := r.IntN(len(all))
			if got, w := commonGrams(&ends[i], &opens[j]), common(want[i][1], want[j][0]); got != w {
				t.Fatalf("round %d: commonGrams = %d, common %d", round, got, w)
			}
			if got, w := echoIn(head, &opens[i]), echo(head, want[i][0]); got != w {
				t.Fatalf("round %d: echoIn = %v, echo %v", round, got, w)
			}
		}
	}
}

// FuzzUnitGrams holds the unit sets of hostile paragraphs (any bytes, runes
// past U+FFFF, stray bytes, paragraphs cut at every newline) to
// openingAndEnd's, as bits and as lists, on a memo that read the page's
// echoes first and on one that did not: the sets hold its bigrams, and
// share with each other and with a headline what common and echo count.
func FuzzUnitGrams(f *testing.F) {
	for _, s := range []string{"", "经发展济\n会作工议", "𠀀𠮷发\n展𠀀\xe4\xb8经", "\xff\n\n\xe4", strings.Repeat("济发作展工经𠮷", 80) + "\n议会"} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, text string, echoed bool) {
		var paras []para
		for p := range strings.SplitSeq(text, "\n") {
			paras = append(paras, para{text: p})
		}
		for _, maxWords := range []int{maxPassageWords, 0} {
			memo := new(echoMemo)
			if echoed {
				newEchoes(memo, paras[:len(paras)/2], nil)
			}
			opens, ends := memo.unitGramsWithin(paras, maxWords)
			want := make([][2]bigramSet, len(paras))
			for i, p := range paras {
				want[i][0], want[i][1] = openingAndEnd(p.text, openRunes, endRunes)
				for k, g := range []*gramSet{&opens[i], &ends[i]} {
					w := want[i][k]
					if g.size != len(w) || slices.ContainsFunc(w, func(b bigram) bool { return !g.has(b) }) {
						t.Fatalf("unitGramsWithin(%q, %d)[%d] holds %d bigrams, not openingAndEnd's %v", p.text, maxWords, k, g.size, w)
					}
				}
			}
			head := bigramsOf(text)
			for i := range paras {
				j := len(paras) - 1 - i
				if got, w := commonGrams(&ends[i], &opens[j]), common(want[i][1], want[j][0]); got != w {
					t.Fatalf("commonGrams(%q, %q) = %d, common %d", paras[i].text, paras[j].text, got, w)
				}
				if got, w := echoIn(head, &opens[i]), echo(head, want[i][0]); got != w {
					t.Fatalf("echoIn(%q) = %v, echo %v", paras[i].text, got, w)
				}
			}
		}
	})
}
