package parse

import (
	"bytes"
	"iter"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Character classes as a Chinese page uses them.

// isWide reports whether r is set on the ideograph grid: ideographs, kana,
// CJK and full-width punctuation, and the quotes, dashes and ellipses that a
// Chinese font draws one em wide.
func isWide(r rune) bool {
	switch {
	case r < 0x2000:
		return r == '·' // U+00B7, a Chinese font draws it on the grid
	case r >= 0x2E80 && r <= 0x9FFF: // radicals, CJK punctuation, kana, ideographs
		return true
	}
	return isWideRest(r)
}

// isWideRest is isWide of the runes a page holds fewer of, kept apart so
// that isWide is inlined.
func isWideRest(r rune) bool {
	switch {
	case r >= 0x2010 && r <= 0x2027: // ‐ – — ― ‘ ’ “ ” … ‧
		return true
	case r >= 0x2030 && r <= 0x203B: // ‰ ′ ″ ※
		return true
	case r >= 0x2100 && r <= 0x2BFF: // letterlike, number forms Ⅱ, arrows, ①, boxes, shapes
		return true
	case r >= 0xAC00 && r <= 0xD7AF: // Hangul
		return true
	case r >= 0xF900 && r <= 0xFAFF: // compatibility ideographs
		return true
	case r >= 0xFE30 && r <= 0xFE4F: // vertical forms
		return true
	case r >= 0xFF00 && r <= 0xFF60, r >= 0xFFE0 && r <= 0xFFE6: // full-width forms
		return true
	case r >= 0x20000 && r <= 0x3FFFF: // extension ideographs
		return true
	}
	return false
}

// isIdeograph reports whether r is a Han character.
func isIdeograph(r rune) bool {
	switch {
	case r < 0x2E80:
		return false
	case r >= 0x4E00 && r <= 0x9FFF:
		return true
	}
	return isRareIdeograph(r)
}

// isRareIdeograph is isIdeograph of the runes from U+2E80 on outside the
// common ideographs, kept apart, and out of line, so that isIdeograph is
// inlined.
//
//go:noinline
func isRareIdeograph(r rune) bool {
	switch {
	case r >= 0xFF00 && r <= 0xFFEF: // full-width punctuation and forms
		return false
	case r >= 0x3000 && r < 0x3040: // CJK punctuation, 。、《》【】 …, and 々 〇 among it
		return hanPunctuation&(1<<(r-0x3000)) != 0
	}
	return unicode.Is(unicode.Han, r)
}

// hanPunctuation marks the Han runes among U+3000 to U+303F, the CJK
// punctuation of every page, which a search of unicode.Han's table would
// otherwise answer rune by rune.
var hanPunctuation = func() (m uint64) {
	for r := rune(0x3000); r < 0x3040; r++ {
		if unicode.Is(unicode.Han, r) {
			m |= 1 << (r - 0x3000)
		}
	}
	return m
}()

// isLatin reports whether r is an ASCII letter or digit.
func isLatin(r rune) bool {
	return r < 0x80 && (r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func isSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\u3000' || r == '\u00a0'
}

// hasSpace reports whether s holds a rune isSpace knows; it looks for
// their bytes, which in UTF-8 text only they make.
func hasSpace(s string) bool {
	return strings.IndexByte(s, ' ') >= 0 || strings.IndexByte(s, '\t') >= 0 ||
		strings.Contains(s, "\u3000") || strings.Contains(s, "\u00a0")
}

// spaceFields is strings.FieldsFuncSeq(s, isSpace), finding isSpace's runes
// by their bytes as hasSpace does, not by decoding every rune: a byte that
// continues a rune starts none of them, valid UTF-8 or not.
func spaceFields(s string) iter.Seq[string] {
	return func(yield func(string) bool) {
		start := -1 // where the field being read starts, or -1
		for i := 0; i < len(s); {
			n := 0
			switch s[i] {
			case ' ', '\t':
				n = 1
			case 0xC2: // U+00A0
				if i+1 < len(s) && s[i+1] == 0xA0 {
					n = 2
				}
			case 0xE3: // U+3000
				if i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0x80 {
					n = 3
				}
			}
			if n == 0 {
				if start < 0 {
					start = i
				}
				for i++; i < len(s) && s[i]&0xC0 == 0x80; i++ {
				}
				continue
			}
			if start >= 0 {
				if !yield(s[start:i]) {
					return
				}
				start = -1
			}
			i += n
		}
		if start >= 0 {
			yield(s[start:])
		}
	}
}

// closesSentence reports whether a line ending in r ends a sentence: a
// paragraph may end after it.
func closesSentence(r rune) bool {
	switch r {
	case '。', '！', '？', '…', '”', '」', '』', '）', '!', '?', '．', '’', ')', '】', '》', '：', '；':
		return true
	}
	return false
}

// endsStop reports whether r is a full stop, exclamation or question mark
// (possibly closed by a quote or bracket before it in the caller's view).
func endsStop(r rune) bool {
	switch r {
	case '。', '！', '？', '!', '?', '…':
		return true
	}
	return false
}

// noLineStart reports whether r may not begin a line in Chinese typesetting:
// a line that starts with it continues the line before.
func noLineStart(r rune) bool {
	switch r {
	case '，', '。', '、', '：', '；', '！', '？', '”', '’', '」', '』', '）', '》', '〉', '】', '〕', '％', '%', ',', '.', ';', ':', ')', '·':
		return true
	}
	return false
}

// closesPair reports whether r closes a bracket or quote.
func closesPair(r rune) bool {
	switch r {
	case '”', '’', '」', '』', '）', '》', '〉', '】', '〕', ')':
		return true
	}
	return false
}

// opensPair reports whether r opens a bracket or quote; a line ending in it
// continues on the next.
func opensPair(r rune) bool {
	switch r {
	case '“', '‘', '「', '『', '（', '《', '〈', '【', '〔', '(':
		return true
	}
	return false
}

// emWidth is the width of r in ems as the page set it: one for a character
// on the ideograph grid, about half for Latin letters and digits.
func emWidth(r rune) float64 {
	switch {
	case isWide(r):
		return 1
	case r == ' ':
		return 0
	case r >= '0' && r <= '9':
		return 0.55 // proportional digits in a CJK font, measured on the corpus
	case r >= 'A' && r <= 'Z', r == '%', r == '@', r == '&':
		return 0.7
	case r == '.', r == ',', r == ':', r == ';', r == '\'', r == '!', r == '|':
		return 0.3
	}
	return 0.5
}

// unclosed reports whether s opens a bracket or quote that it does not
// close, so that the text goes on after it.
func unclosed(s string) bool {
	round, quote := 0, 0
	for _, r := range s {
		switch r {
		case '（', '(':
			round++
		case '）', ')':
			if round > 0 {
				round--
			}
		case '“':
			quote++
		case '”':
			if quote > 0 {
				quote--
			}
		}
	}
	return round > 0 || quote > 0
}

// closesEarly reports whether s closes a bracket or quote before opening
// one: it finishes something the line before began.
func closesEarly(s string) bool {
	for _, r := range s {
		switch r {
		case '（', '(', '“':
			return false
		case '）', ')', '”':
			return true
		}
	}
	return false
}

// hasRuneIn reports whether s holds any of the runes of set. set is a
// handful of characters; each is looked for, as the bytes set holds it in,
// with strings.Contains, which is fast on the bytes of CJK text.
func hasRuneIn(s string, set string) bool {
	for i := 0; i < len(set); {
		n := 1 // the rune's bytes: its first and the continuation bytes after it
		for i+n < len(set) && set[i+n]&0xC0 == 0x80 {
			n++
		}
		if strings.Contains(s, set[i:i+n]) {
			return true
		}
		i += n
	}
	return false
}

// A runeMarks is a handful of runes a line is searched for in one pass, as
// hasRuneIn searches for each in a pass of its own: the set is held as
// the bits of its ASCII runes and of the last two bytes of its others, and
// a rune of the line whose last two bytes have bits is looked up in the
// runes.
type runeMarks struct {
	ascii [2]uint64 // bit c for the ASCII rune c
	last  uint64    // bit b&63 for the last byte b of each longer rune
	next  uint64    // bit b&63 for the byte b before the last of each
	runes string    // the set's runes, as given
}

func newRuneMarks(runes string) runeMarks {
	rs := runeMarks{runes: runes}
	for i := 0; i < len(runes); i++ {
		b := runes[i]
		switch {
		case b < utf8.RuneSelf:
			rs.ascii[b>>6] |= 1 << (b & 63)
		case b&0xC0 == 0x80 && (i+1 == len(runes) || runes[i+1]&0xC0 != 0x80):
			rs.last |= 1 << (b & 63)
			rs.next |= 1 << (runes[i-1] & 63)
		}
	}
	return rs
}

// in reports whether s holds any of the set's runes, byte for byte as
// hasRuneIn(s, rs.runes) does, on bytes that are not UTF-8 too.
func (rs *runeMarks) in(s string) bool {
	for i := 0; i < len(s); {
		b := s[i]
		if b&0xF0 == 0xE0 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			// A three-byte rune, as most of a Chinese line is.
			if rs.last&(1<<(s[i+2]&63)) != 0 && rs.next&(1<<(s[i+1]&63)) != 0 && strings.Contains(rs.runes, s[i:i+3]) {
				return true
			}
			i += 3 // continuation bytes start no rune
			continue
		}
		if b < utf8.RuneSelf {
			if rs.ascii[b>>6]&(1<<(b&63)) != 0 {
				return true
			}
			i++
			continue
		}
		// A rune of the set starts only at a byte that is no continuation
		// byte; its lead byte tells its length.
		n := 0
		switch {
		case b&0xE0 == 0xC0:
			n = 2
		case b&0xF0 == 0xE0:
			n = 3
		case b&0xF8 == 0xF0:
			n = 4
		}
		if n == 0 || i+n > len(s) {
			i++
			continue
		}
		if rs.last&(1<<(s[i+n-1]&63)) != 0 && rs.next&(1<<(s[i+n-2]&63)) != 0 && strings.Contains(rs.runes, s[i:i+n]) {
			return true
		}
		i++
	}
	return false
}

// runeLen is the number of runes in s, as utf8.RuneCountInString counts
// them; the three-byte runes of CJK text are counted without decoding.
func runeLen(s string) int {
	n := 0
	for i := 0; i < len(s); n++ {
		switch {
		case s[i] < utf8.RuneSelf:
			i++
		case i+2 < len(s) && s[i] >= 0xE1 && s[i] != 0xED && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 && s[i] <= 0xEF:
			i += 3 // wide3's runes
		default:
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
		}
	}
	return n
}

// wide3 decodes the three bytes of b0, b1, b2 when they are a three-byte
// rune that needs no further check (the ideographs, kana and CJK and
// full-width punctuation of a Chinese page are all such): utf8's decoding
// is then inlined where a page's text is read rune by rune.
func wide3(b0, b1, b2 byte) (rune, bool) {
	if b0 < 0xE1 || b0 > 0xEF || b0 == 0xED || b1&0xC0 != 0x80 || b2&0xC0 != 0x80 {
		return 0, false // E0 and ED leads limit their second byte: let utf8 decide
	}
	return rune(b0&0x0F)<<12 | rune(b1&0x3F)<<6 | rune(b2&0x3F), true
}

// decodeRune3 is utf8.DecodeRuneInString, with the three-byte runes that
// wide3 decodes (most of a Chinese page) decoded in line.
func decodeRune3(s string) (rune, int) {
	if len(s) >= 3 {
		if r, ok := wide3(s[0], s[1], s[2]); ok {
			return r, 3
		}
	}
	return utf8.DecodeRuneInString(s)
}

// commonIdeograph decodes the rune of s at byte i when it is one of the
// common ideographs, U+4E00 to U+9FFF, of which most of a Chinese page is
// made: three bytes from E4 B8 80 to E9 BF BF.
func commonIdeograph(s string, i int) (rune, bool) {
	if i+2 >= len(s) || s[i]-0xE4 > 0xE9-0xE4 || s[i+1]&0xC0 != 0x80 || s[i+2]&0xC0 != 0x80 {
		return 0, false
	}
	r := rune(s[i]&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F) // U+4000 to U+9FFF
	return r, r >= 0x4E00
}

// containsText is strings.Contains(s, sub) for a long s of CJK text: it
// looks for sub's last byte, which in such text is a continuation byte of
// sixty-four values spread evenly, where strings.Index looks for its first,
// which is one of a handful (E4–E9) and is found at nearly every third byte.
func containsText(s, sub string) bool {
	k := len(sub) - 1
	if k < 2 {
		return strings.Contains(s, sub)
	}
	c := sub[k]
	for i := k; i < len(s); i++ {
		j := strings.IndexByte(s[i:], c)
		if j < 0 {
			return false
		}
		if i += j; s[i-k:i+1] == sub {
			return true
		}
	}
	return false
}

// containsBytes is containsText over the bytes of s.
func containsBytes(s []byte, sub string) bool {
	k := len(sub) - 1
	if k < 2 {
		for i := 0; i+len(sub) <= len(s); i++ {
			if string(s[i:i+len(sub)]) == sub {
				return true
			}
		}
		return false
	}
	c := sub[k]
	for i := k; i < len(s); i++ {
		j := bytes.IndexByte(s[i:], c)
		if j < 0 {
			return false
		}
		if i += j; string(s[i-k:i+1]) == sub {
			return true
		}
	}
	return false
}

// A wordSet is a list of words a line may hold, with a few runes of which
// every word holds one, chosen when the set is made: a line that has none
// of them, as most lines have not, holds none of the words, and is told so
// by a few quick searches.
type wordSet struct {
	words  []string
	marks  string
	set    runeMarks  // marks'
	marked [][]string // the words of each mark, in marks' order: each word under the first mark it holds
}

// newWordSet makes the set of words, choosing its marks greedily: the rune
// in the most words not yet marked, until every word is.
func newWordSet(words ...string) wordSet {
	ws := wordSet{words: words}
	marked := make([]bool, len(words))
	for {
		best, most := rune(0), 0
		for i, w := range words {
			if marked[i] {
				continue
			}
			for _, r := range w {
				n := 0
				for j, v := range words {
					if !marked[j] && strings.ContainsRune(v, r) {
						n++
					}
				}
				if n > most {
					best, most = r, n
				}
			}
		}
		if most == 0 {
			ws.mark()
			return ws
		}
		ws.marks += string(best)
		for j, v := range words {
			marked[j] = marked[j] || strings.ContainsRune(v, best)
		}
	}
}

// mark files each word under the first of the marks it holds, once the
// marks are chosen: a line holds a word only if it holds that mark.
func (ws *wordSet) mark() {
	ws.set = newRuneMarks(ws.marks)
	ms := []rune(ws.marks)
	ws.marked = make([][]string, len(ms))
	for _, w := range ws.words {
		for i, m := range ms {
			if strings.ContainsRune(w, m) {
				ws.marked[i] = append(ws.marked[i], w)
				break
			}
		}
	}
}

// in reports whether t holds any of the words: those filed under a mark
// t holds.
func (ws *wordSet) in(t string) bool {
	if !ws.set.in(t) {
		return false
	}
	i := 0
	for _, m := range ws.marks {
		if strings.ContainsRune(t, m) {
			for _, w := range ws.marked[i] {
				if strings.Contains(t, w) {
					return true
				}
			}
		}
		i++
	}
	return false
}
