package parse

import (
	"iter"
	"slices"
	"strings"
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
		i := r - scriptSetFirst
		if foldsScript[i/64]&(1<<(i%64)) == 0 {
			return r, false
		}
		k, _ := slices.BinarySearchFunc(scriptFolds[:], r, func(f scriptFold, r rune) int { return int(f.traditional - r) })
		return scriptFolds[k].simplified, true
	}
	if r >= '「' && r <= '』' {
		return quoteFolds[r-'「'].simplified, true
	}
	return r, false
}

// A scriptView is the fold one page is read through: the pairs it folds, by
// what they are read as.
type scriptView struct {
	pairs []scriptFold // sorted by simplified; nil when the page folds nothing
	folds runeSet      // the pairs' traditional runes
}

// foldScript returns text as the parser reads it and the view that undoes
// the fold.
func foldScript(text string) (string, scriptView) {
	v := newScriptView(func(yield func(rune) bool) {
		for _, r := range text {
			if !yield(r) {
				return
			}
		}
	})
	if v.pairs == nil {
		return text, v
	}
	return strings.Map(v.fold, text), v
}

// foldSheet returns the sheet as the parser reads it — s itself when it
// folds nothing, else a copy — and the view that undoes the fold.
func foldSheet(s *Sheet) (*Sheet, scriptView) {
	v := newScriptView(func(yield func(rune) bool) {
		for _, c := range s.Chars {
			if !yield(c.R) {
				return
			}
		}
	})
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

// newScriptView returns the fold of a page whose runes are runes.
func newScriptView(runes iter.Seq[rune]) scriptView {
	var seen runeSet
	var pairs []scriptFold
	for r := range runes {
		if s, ok := scriptFoldOf(r); ok && !seen.has(r) {
			seen.add(r)
			pairs = append(pairs, scriptFold{r, s})
		}
	}
	if pairs == nil {
		return scriptView{}
	}
	// A pair whose reading is printed on the page, or is the reading of
	// another pair, is not folded.
	slices.SortFunc(pairs, func(a, b scriptFold) int { return int(a.simplified - b.simplified) })
	var readings, clashes runeSet
	for i, p := range pairs {
		readings.add(p.simplified)
		if i > 0 && pairs[i-1].simplified == p.simplified {
			clashes.add(p.simplified)
		}
	}
	for r := range runes {
		if readings.has(r) {
			clashes.add(r)
		}
	}
	pairs = slices.DeleteFunc(pairs, func(p scriptFold) bool { return clashes.has(p.simplified) })
	if len(pairs) == 0 {
		return scriptView{}
	}
	v := scriptView{pairs: pairs}
	for _, p := range pairs {
		v.folds.add(p.traditional)
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

// A runeSet is a set of ideographs of the script sets' blocks and of the
// corner and curved quotes.
type runeSet struct {
	ideographs [len(foldsScript)]uint64
	quotes     uint64 // from U+2010 to U+204F: ‘’“”
	corners    uint64 // from U+3000 to U+303F: 「」『』
}

// bit returns the word of the set r is in and its bit there; nil for a rune
// the set cannot hold.
func (s *runeSet) bit(r rune) (*uint64, uint64) {
	switch {
	case r >= scriptSetFirst && r < ideographSetEnd:
		i := r - scriptSetFirst
		return &s.ideographs[i/64], 1 << (i % 64)
	case r >= 0x2010 && r < 0x2050:
		return &s.quotes, 1 << (r - 0x2010)
	case r >= 0x3000 && r < 0x3040:
		return &s.corners, 1 << (r - 0x3000)
	}
	return nil, 0
}

func (s *runeSet) add(r rune) {
	if w, b := s.bit(r); w != nil {
		*w |= b
	}
}

func (s *runeSet) has(r rune) bool {
	w, b := s.bit(r)
	return w != nil && *w&b != 0
}

func bySimplified(f scriptFold, r rune) int { return int(f.simplified - r) }

// unfold returns s as the page printed it.
func (v *scriptView) unfold(s string) string {
	if v.pairs == nil {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r < utf8.RuneSelf {
			return r
		}
		if k, ok := slices.BinarySearchFunc(v.pairs, r, bySimplified); ok {
			return v.pairs[k].traditional
		}
		return r
	}, s)
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
