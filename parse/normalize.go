package parse

import (
	"strings"
	"unicode/utf8"

	"github.com/dubaoreader/dubao/model/clean"
)

//go:generate go run ./internal/radicalgen -in ../../shared/data/EquivalentUnifiedIdeograph.txt -out radicals_table.go

// Normalize puts right the code points a PDF extractor gets wrong in a page's
// text, and leaves everything else as it is:
//
//   - A CJK radical or stroke (U+2E80–U+2FDF, U+31C0–U+31EF) that has an
//     equivalent unified ideograph becomes that ideograph (⽉ → 月, ⺠ → 民),
//     as Unicode's Equivalent_Unified_Ideograph says. Where a font draws the
//     radical as either form of a character (⼾ is 户 in a Simplified font and
//     戶 in a Traditional one), it becomes the form the page itself writes
//     more often, or failing that the form of the page's script.
//   - U+2015 HORIZONTAL BAR becomes U+2014 EM DASH on a line with CJK text,
//     where it is the Chinese dash (中国―东盟 → 中国—东盟).
//   - U+2215 DIVISION SLASH becomes U+FF0F FULLWIDTH SOLIDUS on a line with
//     CJK text, where it parts a reporter from a place (【黃志明∕高雄報導】).
//   - No-break and other Unicode spaces (U+00A0, U+1680, U+2000–U+200A,
//     U+202F, U+205F) become an ASCII space; U+3000 IDEOGRAPHIC SPACE stays,
//     for it can mark a paragraph indent.
//   - Zero-width characters are dropped: U+200B ZERO WIDTH SPACE, U+200C
//     ZERO WIDTH NON-JOINER, U+200D ZERO WIDTH JOINER, U+2060 WORD JOINER and
//     U+FEFF ZERO WIDTH NO-BREAK SPACE (a byte order mark inside the text).
//
// What is not text by package clean's rule (control and bidirectional
// characters) is dropped, as Decode drops it, and bytes that are not UTF-8
// become U+FFFD, so that what Normalize returns it returns unchanged.
//
// Full-width letters and digits, other dashes (U+2013, U+2014) and line and
// page breaks are kept. Text with nothing to put right is returned as it is,
// without allocating.
func Normalize(text string) string {
	return normalizeClean(clean.Text(text))
}

// normalizeClean is Normalize of text that clean.Text leaves as it is, as
// Decode returns it.
func normalizeClean(text string) string {
	i := firstToNormalize(text)
	if i < 0 {
		return text
	}
	choices := chooseAlternates(text)
	var b strings.Builder
	b.Grow(len(text))
	b.WriteString(text[:i])
	for i < len(text) {
		if !mayNormalizeAt(text, i) {
			// Copy the run up to the next rune that may change.
			j := i + 1
			for j < len(text) && !mayNormalizeAt(text, j) {
				j++
			}
			b.WriteString(text[i:j])
			i = j
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case isZeroWidth(r):
			// dropped
		case isOtherSpace(r):
			b.WriteByte(' ')
		case r == '\u2015':
			if lineHasCJK(text, i, i+size) {
				b.WriteRune('\u2014')
			} else {
				b.WriteRune(r)
			}
		case r == '\u2215':
			if lineHasCJK(text, i, i+size) {
				b.WriteRune('／')
			} else {
				b.WriteRune(r)
			}
		default:
			if eq := choices.equivalent(r); eq != 0 {
				b.WriteRune(eq)
			} else {
				b.WriteString(text[i : i+size])
			}
		}
		i += size
	}
	return b.String()
}

// mayNormalizeAt reports whether text[i:] may start with a rune Normalize
// changes, judging by its first byte, and its second (see mayNormalize).
func mayNormalizeAt(text string, i int) bool {
	return text[i] >= 0xC2 && i+1 < len(text) && mayNormalize(text[i], text[i+1])
}

// mayNormalize reports whether a rune whose UTF-8 encoding starts with bytes
// c0 and c1 may be one Normalize changes: U+00A0 (C2 A0), U+1680 (E1 9A),
// U+2000–U+207F (E2 80, E2 81), U+2200–U+223F (E2 88), U+2E80–U+2FFF (E2 BA to E2 BF), U+31C0–
// U+31FF (E3 87) or U+FEC0–U+FEFF (EF BB). It is false for the bytes of
// every ideograph and of the common punctuation.
func mayNormalize(c0, c1 byte) bool {
	switch c0 {
	case 0xC2:
		return c1 == 0xA0
	case 0xE1:
		return c1 == 0x9A
	case 0xE2:
		return c1 == 0x80 || c1 == 0x81 || c1 == 0x88 || c1 >= 0xBA
	case 0xE3:
		return c1 == 0x87
	case 0xEF:
		return c1 == 0xBB
	}
	return false
}

// firstToNormalize returns the byte offset of the first rune in text that
// Normalize changes, or -1.
func firstToNormalize(text string) int {
	for i := 0; i+1 < len(text); i++ {
		if c := text[i]; c >= 0xE4 && c <= 0xE9 && i+2 < len(text) && text[i+1] < 0xC2 && text[i+2] < 0xC2 {
			i += 2 // an ideograph, whose bytes start no rune Normalize changes
			continue
		}
		if text[i] < 0xC2 || !mayNormalize(text[i], text[i+1]) {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(text[i:]); toNormalize(r) {
			return i
		}
	}
	return -1
}

// toNormalize reports whether r is a rune normalizeClean may change.
func toNormalize(r rune) bool {
	return isZeroWidth(r) || isOtherSpace(r) || r == '\u2015' || r == '\u2215' || equivalentIdeograph(r) != 0
}

// isZeroWidth reports whether r is an invisible character Normalize drops.
func isZeroWidth(r rune) bool {
	return r >= '\u200B' && r <= '\u200D' || r == '\u2060' || r == '\uFEFF'
}

// isOtherSpace reports whether r is a Unicode space that Normalize turns
// into an ASCII space: every space separator but U+0020 and U+3000.
func isOtherSpace(r rune) bool {
	return r == '\u00A0' || r == '\u1680' || r >= '\u2000' && r <= '\u200A' || r == '\u202F' || r == '\u205F'
}

// equivalentIdeograph returns the unified ideograph Unicode gives as the
// equivalent of the radical or stroke r, or 0.
func equivalentIdeograph(r rune) rune {
	switch {
	case r >= radicalFirst && r <= radicalLast:
		return radicalEquivalents[r-radicalFirst]
	case r >= strokeFirst && r <= strokeLast:
		return strokeEquivalents[r-strokeFirst]
	}
	return 0
}

// lineHasCJK reports whether the line of text around text[start:end] has an
// ideograph or CJK punctuation outside that span.
func lineHasCJK(text string, start, end int) bool {
	lineStart := strings.LastIndexByte(text[:start], '\n') + 1
	lineEnd := len(text)
	if j := strings.IndexByte(text[end:], '\n'); j >= 0 {
		lineEnd = end + j
	}
	return hasCJKText(text[lineStart:start]) || hasCJKText(text[end:lineEnd])
}

func hasCJKText(s string) bool {
	for _, r := range s {
		switch {
		case r >= 0x2E80 && r <= 0x303F, // radicals, CJK punctuation
			r >= 0x3400 && r <= 0x9FFF, // ideographs
			r >= 0xF900 && r <= 0xFAFF, // compatibility ideographs
			r >= 0xFF00 && r <= 0xFF60, // full-width forms
			r >= 0x20000 && r <= 0x3FFFF:
			return true
		}
	}
	return false
}

// A radicalAlternate is a radical that a font draws as the simplified or the
// traditional form of one character, depending on its locale.
type radicalAlternate struct {
	radical, simplified, traditional rune
}

// alternateChoices holds, for each entry of radicalAlternates, the form a
// page uses: 0 where the radical is not on the page.
type alternateChoices [len(radicalAlternates)]rune

// equivalent returns the ideograph the radical or stroke r stands for on
// this page, or 0.
func (c *alternateChoices) equivalent(r rune) rune {
	eq := equivalentIdeograph(r)
	if eq == 0 {
		return 0
	}
	for i, a := range radicalAlternates {
		if a.radical == r && c[i] != 0 {
			return c[i]
		}
	}
	return eq
}

// chooseAlternates decides, for each radical of radicalAlternates on the
// page, which form it stands for: the one the page writes more often as an
// ideograph; failing that, the one of the page's script; failing that,
// Unicode's equivalent.
func chooseAlternates(text string) alternateChoices {
	var c alternateChoices
	script := scriptUnknown
	for i, a := range radicalAlternates {
		if !strings.ContainsRune(text, a.radical) {
			continue
		}
		simplified := strings.Count(text, string(a.simplified))
		traditional := strings.Count(text, string(a.traditional))
		switch {
		case simplified > traditional:
			c[i] = a.simplified
			continue
		case traditional > simplified:
			c[i] = a.traditional
			continue
		}
		if script == scriptUnknown {
			script = pageScript(text)
		}
		switch script {
		case scriptSimplified:
			c[i] = a.simplified
		case scriptTraditional:
			c[i] = a.traditional
		default:
			c[i] = equivalentIdeograph(a.radical)
		}
	}
	return c
}

// A hanScript is the script a page writes Chinese in.
type hanScript int

const (
	scriptUnknown hanScript = iota
	scriptSimplified
	scriptTraditional
	scriptNeither // counted, and undecided
)

// pageScript tells whether text is written in Simplified or Traditional
// Chinese by counting the ideographs only one of them writes, radicals
// counted as their equivalents but for those of radicalAlternates, which
// could be either. It stops counting once one script leads by
// scriptDecided; an even count is scriptNeither.
func pageScript(text string) hanScript {
	const scriptDecided = 32
	var simplified, traditional int
	for _, r := range text {
		if simplified-traditional >= scriptDecided || traditional-simplified >= scriptDecided {
			break
		}
		if eq := equivalentIdeograph(r); eq != 0 {
			for _, a := range radicalAlternates {
				if a.radical == r {
					eq = 0 // no evidence either way
				}
			}
			r = eq
		}
		switch ideographScript(r) {
		case scriptSimplified:
			simplified++
		case scriptTraditional:
			traditional++
		}
	}
	switch {
	case simplified > traditional:
		return scriptSimplified
	case traditional > simplified:
		return scriptTraditional
	}
	return scriptNeither
}

// ideographScript returns scriptSimplified for an ideograph only Simplified
// Chinese writes, scriptTraditional for one only Traditional Chinese writes,
// and scriptUnknown for any other rune.
func ideographScript(r rune) hanScript {
	if r < scriptSetFirst || r >= ideographSetEnd {
		return scriptUnknown
	}
	i := r - scriptSetFirst
	switch {
	case simplifiedOnly[i/64]&(1<<(i%64)) != 0:
		return scriptSimplified
	case traditionalOnly[i/64]&(1<<(i%64)) != 0:
		return scriptTraditional
	}
	return scriptUnknown
}
