package parse

//go:generate go run ./internal/lexgen -out lexicon_gen.go

import (
	"strings"
	"sync"
	"unicode/utf8"
)

// The lexicon: the common Chinese words of two to four ideographs
// (lexicon_gen.go, from jieba's dictionary). A line of Chinese prose breaks
// wherever the column ends, so about half of a story's line breaks fall
// inside a word; a break between two lines that do not follow each other
// seldom does (on the made shuffled training pages a kept word spans 51 % of
// true breaks and 5 % of breaks to a line start drawn at random). spanBand
// reads that across a break.

// lexiconSpan is how many ideographs each side of a break spanBand looks at:
// a word of at most four spans a break with at most three on either side.
const lexiconSpan = 3

var lexicon struct {
	once  sync.Once
	bands map[uint64]uint8 // packed word → its band + 1
}

// lexKey packs two to four ideographs of the Basic Multilingual Plane into
// one key, sixteen bits each, the first highest; an absent third or fourth
// is zero, which no ideograph is.
func lexKey(rs []rune) uint64 {
	var k uint64
	for _, r := range rs {
		k = k<<16 | uint64(r)
	}
	return k << (16 * (4 - len(rs)))
}

func loadLexicon() {
	m := make(map[uint64]uint8, 72000)
	var rs [4]rune
	for b, words := range lexiconBands {
		for w := range strings.FieldsSeq(words) {
			n := 0
			for _, r := range w {
				rs[n] = r
				n++
			}
			m[lexKey(rs[:n])] = uint8(b + 1)
		}
	}
	lexicon.bands = m
}

// lexIdeograph reports whether r can be part of a lexicon word.
func lexIdeograph(r rune) bool { return r >= 0x3400 && r <= 0x9fff }

// spanBand returns how common the most common lexicon word is that spans
// the break between the end of before and the start of after (taking at
// least one ideograph from each): its band + 1 (1 for the rarest kept
// words, one more for each doubling of the count), or 0 when no word spans
// the break. Only the ideographs touching the break count: a space, a
// digit or a mark on either side of it ends the word.
func spanBand(before, after string) int {
	var tail, head [lexiconSpan]rune
	nt := 0
	for s := strings.TrimRight(before, " \t\u3000"); nt < lexiconSpan && s != ""; nt++ {
		r, size := utf8.DecodeLastRuneInString(s)
		if !lexIdeograph(r) {
			break
		}
		tail[lexiconSpan-1-nt] = r
		s = s[:len(s)-size]
	}
	nh := 0
	for s := strings.TrimLeft(after, " \t\u3000"); nh < lexiconSpan && s != ""; nh++ {
		r, size := utf8.DecodeRuneInString(s)
		if !lexIdeograph(r) {
			break
		}
		head[nh] = r
		s = s[size:]
	}
	if nt == 0 || nh == 0 {
		return 0
	}
	lexicon.once.Do(loadLexicon)
	best := 0
	var rs [4]rune
	for k := 1; k <= nt; k++ {
		for m := 1; m <= nh && k+m <= 4; m++ {
			n := copy(rs[:], tail[lexiconSpan-k:])
			n += copy(rs[n:], head[:m])
			if b := int(lexicon.bands[lexKey(rs[:n])]); b > best {
				best = b
			}
		}
	}
	return best
}
