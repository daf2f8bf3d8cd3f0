package parse

import (
	"math/bits"
	"slices"
	"sync"
	"unicode/utf8"

	"github.com/dubaoreader/dubao/model"
)

// A page printed in Traditional Chinese is read as its Simplified twin: the
// parser's words (本报讯, 记者, 摄, 下转), its character tables and the
// weights it learned from Simplified pages see each Traditional ideograph as
// the Simplified one it stands for (報 as 报, 於 as 于, 裡 as 里) and the
// corner quotes 「」『』 as “”‘’. The page's text keeps what it printed: the
// fold is undone on every string of the parsed page.
//
// The fold is one to one on each page, so that undoing it is exact: a
// character is not folded where the page also prints what it would fold to
// (a page with both 後 and 后 keeps both), nor where two of the page's
// characters would fold to one (乾 and 幹 both to 干); those are read as
// printed. A page with nothing to fold — every Simplified page of plain
// text — is parsed as it is, at the cost of one look at each ideograph.

// A scriptFold is one pair of the fold: what the page prints and what it is
// read as.
type scriptFold struct{ traditional, simplified rune }

// quoteFolds are the corner quotes Traditional papers print and the curved
// quotes Simplified ones print in their place.
var quoteFolds = [...]scriptFold{{'「', '“'}, {'」', '”'}, {'『', '‘'}, {'』', '’'}}

// scriptFoldOf returns what r is read as, and whether that is another rune.
func scriptFoldOf(r rune) (rune, bool) {
	if r >= scriptSetFirst && r < ideographSetEnd {
		if s := scriptFoldTable()[r-scriptSetFirst]; s != 0 {
			return rune(s), true
		}
		return r, false
	}
	if r >= '「' && r <= '』' {
		return quoteFolds[r-'「'].simplified, true
	}
	return r, false
}

// scriptFoldTable returns scriptFolds as a table by what the page prints,
// from scriptSetFirst: what it is read as, 0 where it is not folded. It is
// made on the first call (some 3 000 stores into 54 kB) and read only after.
var scriptFoldTable = sync.OnceValue(func() *[ideographSetEnd - scriptSetFirst]uint16 {
	var t [ideographSetEnd - scriptSetFirst]uint16
	for _, f := range scriptFolds {
		t[f.traditional-scriptSetFirst] = uint16(f.simplified)
	}
	return &t
})

// printedAs returns what the page printed for r, the reading of one of the
// pairs, sorted by their readings.
func printedAs(pairs []scriptFold, r rune) rune {
	lo, hi := 0, len(pairs)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if pairs[m].simplified < r {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return pairs[lo].traditional
}

// A scriptView is the fold one page is read through: the pairs it folds, by
// what they are read as.
type scriptView struct {
	pairs    []scriptFold // sorted by simplified; nil when the page folds nothing
	folds    runeSet      // the pairs' traditional runes
	readings runeSet      // the pairs' simplified runes
}

// foldScript returns text as the parser reads it and the view that undoes
// the fold.
func foldScript(text string) (string, scriptView) {
	return foldScriptRead(text, nil)
}

// foldScriptRead is foldScript with text's runes that it reads (those
// foldRuneAt decodes) in printed, when they have been read already (by
// scanUTF8), or nil.
func foldScriptRead(text string, printed *runeSet) (string, scriptView) {
	if printed == nil {
		printed = new(runeSet)
		addFolds(printed, text)
	}
	v := newScriptView(printed)
	if v.pairs == nil {
		return text, v
	}
	return v.rewrite(text, &v.folds, false), v
}

// addFolds adds to printed the runes of text that foldRuneAt decodes.
func addFolds(printed *runeSet, text string) {
	// The loop of foldRuneAt(text, i) over i, stepping past the runes it
	// decodes, written on the rest of the text so that it holds no bounds
	// checks (the seed page's 26 KB in 0.37 M instructions, not 0.43 M).
	for s := text; len(s) >= 3; {
		if c0, c1, c2 := s[0], s[1]^0x80, s[2]^0x80; c0-0xE2 <= 0xE9-0xE2 && c1|c2 < 0x40 {
			printed.add(rune(c0&0x0F)<<12 | rune(c1)<<6 | rune(c2))
			s = s[3:]
			continue
		}
		s = s[1:]
	}
}

// foldRuneAt decodes the rune at s[i:], which holds three bytes at least,
// when it is one the fold reads or writes. Those are all three bytes long,
// led by E2 to E9: the ideographs from U+3400, the corner quotes and the
// curved ones. It decodes them itself, as a page is mostly such runes and
// the fold's look at each must cost less than utf8's decoding would.
func foldRuneAt(s string, i int) (rune, bool) {
	c0, c1, c2 := s[i], s[i+1]^0x80, s[i+2]^0x80
	if c0-0xE2 > 0xE9-0xE2 || c1|c2 >= 0x40 {
		return 0, false
	}
	return rune(c0&0x0F)<<12 | rune(c1)<<6 | rune(c2), true
}

// foldSheet returns the sheet as the parser reads it — s itself when it
// folds nothing, else a copy — and the view that undoes the fold.
func foldSheet(s *Sheet) (*Sheet, scriptView) {
	var printed runeSet
	for _, c := range s.Chars {
		printed.add(c.R)
		// The sheet's lines are normalised after the fold: a radical
		// prints the ideograph it will become (⻔ as 门), or either form
		// where a font draws it as both.
		if eq := equivalentIdeograph(c.R); eq != 0 {
			printed.add(eq)
			for _, a := range radicalAlternates {
				if a.radical == c.R {
					printed.add(a.simplified)
					printed.add(a.traditional)
				}
			}
		}
	}
	v := newScriptView(&printed)
	if v.pairs == nil {
		return s, v
	}
	folded := *s
	folded.Chars = slices.Clone(s.Chars)
	for i := range folded.Chars {
		folded.Chars[i].R = v.fold(folded.Chars[i].R)
	}
	return &folded, v
}

// newScriptView returns the fold of a page that prints the runes of printed
// (of those a runeSet holds).
func newScriptView(printed *runeSet) scriptView {
	var pairs []scriptFold
	for i, w := range printed.ideographs {
		for w &= foldsScript[i]; w != 0; w &= w - 1 {
			r := scriptSetFirst + rune(i*64+bits.TrailingZeros64(w))
			s, _ := scriptFoldOf(r)
			pairs = append(pairs, scriptFold{r, s})
		}
	}
	for _, q := range quoteFolds {
		if printed.has(q.traditional) {
			pairs = append(pairs, q)
		}
	}
	if pairs == nil {
		return scriptView{}
	}
	// A pair whose reading is printed on the page, or is the reading of
	// another pair, is not folded.
	slices.SortFunc(pairs, func(a, b scriptFold) int { return int(a.simplified - b.simplified) })
	clash := func(i int) bool {
		s := pairs[i].simplified
		return printed.has(s) || i > 0 && pairs[i-1].simplified == s || i+1 < len(pairs) && pairs[i+1].simplified == s
	}
	kept := make([]scriptFold, 0, len(pairs))
	for i, p := range pairs {
		if !clash(i) {
			kept = append(kept, p)
		}
	}
	if len(kept) == 0 {
		return scriptView{}
	}
	v := scriptView{pairs: kept}
	for _, p := range kept {
		v.folds.add(p.traditional)
		v.readings.add(p.simplified)
	}
	return v
}

// fold returns what the page's rune r is read as.
func (v *scriptView) fold(r rune) rune {
	if v.folds.has(r) {
		s, _ := scriptFoldOf(r)
		return s
	}
	return r
}

// rewrite returns s with each rune of set replaced: by its reading, or with
// unfold by what the page printed. Every rune of the fold is three bytes
// long, and so is what it is replaced by, so the rewriting is done in place
// on a copy of s's bytes; s itself when it holds none.
func (v *scriptView) rewrite(s string, set *runeSet, unfold bool) string {
	var b []byte
	var table *[ideographSetEnd - scriptSetFirst]uint16
	for i := 0; i+2 < len(s); i++ {
		r, ok := foldRuneAt(s, i)
		if !ok {
			continue
		}
		// set.has(r), with the ideographs' test in line.
		if k := uint(r - scriptSetFirst); k < uint(len(set.ideographs)*64) && set.ideographs[k/64]&(1<<(k%64)) == 0 ||
			k >= uint(len(set.ideographs)*64) && !set.hasOther(r) {
			i += 2
			continue
		}
		if b == nil {
			b = []byte(s)
		}
		var to rune
		switch {
		case unfold:
			to = printedAs(v.pairs, r)
		case r >= scriptSetFirst:
			if table == nil {
				table = scriptFoldTable()
			}
			to = rune(table[r-scriptSetFirst])
		default:
			to, _ = scriptFoldOf(r)
		}
		utf8.EncodeRune(b[i:i+3], to)
		i += 2
	}
	if b == nil {
		return s
	}
	return string(b)
}

// A runeSet is a set of ideographs of the script sets' blocks and of the
// corner and curved quotes.
type runeSet struct {
	ideographs [len(foldsScript)]uint64
	quotes     uint64 // from U+2010 to U+204F: ‘’“”
	corners    uint64 // from U+3000 to U+303F: 「」『』
}

// add and has test an ideograph (most of a page's runes) in line and leave
// the rest to other.

func (s *runeSet) add(r rune) {
	if k := uint(r - scriptSetFirst); k < uint(len(s.ideographs)*64) {
		s.ideographs[k/64] |= 1 << (k % 64)
	} else if w, b := s.other(r); w != nil {
		*w |= b
	}
}

func (s *runeSet) has(r rune) bool {
	if k := uint(r - scriptSetFirst); k < uint(len(s.ideographs)*64) {
		return s.ideographs[k/64]&(1<<(k%64)) != 0
	}
	return s.hasOther(r)
}

func (s *runeSet) hasOther(r rune) bool {
	w, b := s.other(r)
	return w != nil && *w&b != 0
}

// other returns the word of the set a rune other than an ideograph is in and
// its bit there; nil for a rune the set cannot hold.
func (s *runeSet) other(r rune) (*uint64, uint64) {
	switch {
	case r >= 0x2010 && r < 0x2050:
		return &s.quotes, 1 << (r - 0x2010)
	case r >= 0x3000 && r < 0x3040:
		return &s.corners, 1 << (r - 0x3000)
	}
	return nil, 0
}

// unfold returns s as the page printed it.
func (v *scriptView) unfold(s string) string {
	if v.pairs == nil {
		return s
	}
	return v.rewrite(s, &v.readings, true)
}

// unfoldPage puts back what the page printed in every string of p.
func (v *scriptView) unfoldPage(p *model.Page) {
	if v.pairs == nil {
		return
	}
	p.Name, p.Date = v.unfold(p.Name), v.unfold(p.Date)
	unfoldAll(v, p.Furniture)
	for _, a := range p.Articles {
		if a == nil {
			continue
		}
		a.Title, a.Kicker, a.Subtitle, a.Byline = v.unfold(a.Title), v.unfold(a.Kicker), v.unfold(a.Subtitle), v.unfold(a.Byline)
		unfoldAll(v, a.Markers)
		unfoldAll(v, a.Paragraphs)
	}
}

func unfoldAll(v *scriptView, ss []string) {
	for i, s := range ss {
		ss[i] = v.unfold(s)
	}
}
