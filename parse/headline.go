package parse

import (
	"math"
	"slices"
	"strings"
	"unicode/utf8"
)

// A headline's parts, learned. The lines of one story's headline are cut
// into parts where a part ends (else the line wraps on into the next one),
// and the parts are named: one part is the title; of two, the first is a
// kicker (引题) over the title or the title over a subtitle (副题); of
// three or more, the first two are named as two are and the rest is the
// subtitle (kicker, title, subtitle, or title, subtitle run on). Both
// judgements are logistic scores over the named features below
// (weights_gen.go).

// The wrap features: whether headline line a wraps on into line b.
const (
	wfBias         = iota
	wfFull         // a is within an em of the headline's longest line: set full, it may wrap
	wfShorter      // b is two ems or more shorter than a
	wfSameLength   // a and b are within an em of each other
	wfClosed       // a ends with a closing mark: ） ” 。 ！ ？
	wfDashEnd      // a ends with —— (a kicker leading into its title)
	wfDashOpen     // b opens with —— (a subtitle)
	wfMustWrap     // b opens with a mark no line may open with, or a ends with an opening one
	wfUnclosed     // a leaves a bracket or quote open
	wfTagEnd       // a ends with a column tag
	wfTagAfter     // b ends with a column tag
	wfFewAfter     // b holds three characters or fewer
	wfClauseA      // a reads as a sentence of clauses
	wfClauseB      // b does
	wfRuleWraps    // the hand-made rule says a wraps into b
	wfGapA         // the extractor kept a phrase gap in a
	wfSplitsWord   // the page's own lines print a's last character and b's first side by side: the break splits a word
	wfSplitsPhrase // … and the two characters either side of the break, too
	numWrapFeatures
)

var wrapFeatureNames = [numWrapFeatures]string{
	"bias", "full", "shorter", "sameLength", "closed", "dashEnd", "dashOpen", "mustWrap", "unclosed",
	"tagEnd", "tagAfter", "fewAfter", "clauseA", "clauseB", "ruleWraps", "gapA", "splitsWord", "splitsPhrase",
}

// The kicker features: of two parts x and y, whether x is a kicker over
// the title y (else x is the title over the subtitle y).
const (
	kfBias           = iota
	kfDashOpen       // y opens with ——
	kfDashEnd        // x ends with ——
	kfTagX           // x ends with a column tag
	kfTagY           // y ends with one
	kfLongerX        // x has more characters than y
	kfClauseX        // x reads as a sentence of clauses
	kfClauseY        // y does
	kfShortX         // x holds eight characters or fewer
	kfWrappedX       // x wraps over two lines or more
	kfWrappedY       // y does
	kfBracketY       // y stands in brackets: (2019年9月30日)
	kfRuleTitle      // the hand-made rule takes x for the title
	kfLeadsIn        // x ends with a word that leads into what follows: 强调, ：
	kfReportY        // y ends by reporting who took part: 出席, 主持, 致辞, 批示
	kfLongerByX      // x is two ems or more wider than y
	kfLongerByY      // y is two ems or more wider than x
	kfDigitY         // y holds a figure: a subtitle's fact (超9000列), seldom a title's
	kfQuoteY         // y opens with a quotation: a title that quotes someone, under its kicker
	kfListX          // x lists with 、: a kicker naming who acts (甲部、乙部印发…)
	kfBracketFigureY // y stands in brackets and holds a figure: a speech's date or a notice's number under its title
	kfOpensOnY       // y opens with a word that goes on from a subject before it (在, 为, 把…): a title under the kicker that names who acts
	numKickerFeatures
)

var kickerFeatureNames = [numKickerFeatures]string{
	"bias", "dashOpen", "dashEnd", "tagX", "tagY", "longerX", "clauseX", "clauseY", "shortX", "wrappedX",
	"wrappedY", "bracketY", "ruleTitle", "leadsIn", "reportY", "longerByX", "longerByY", "digitY", "quoteY", "listX",
	"bracketFigureY", "opensOnY",
}

type (
	wrapVec   [numWrapFeatures]float64
	kickerVec [numKickerFeatures]float64
)

// A headLine is one printed line of a headline.
type headLine struct {
	text   string  // as printed, spaces cleaned
	raw    string  // with the extractor's phrase gaps
	em     float64 // its width in ems
	beside bool    // printed on one line with the line before, side by side (pdftotext -raw)
	piece  int     // the piece it was printed on
}

// Tried and not kept (round 21): bracketFigureB, b stands in brackets and
// holds a figure (a speech's date or a notice's number under its title is
// no wrap of it). Held out over five folds of the headline samples
// (TestHeadlineFolds) wrap errors went 58 -> 59 of 1,648: the brackets'
// own lines stayed wrapped (ruleWraps and sameLength outweigh its -1.7).
// With only the wrap weights refitted, the -raw plan folds over seeds
// 0/100/200 went 0.878/0.812/0.090 -> 0.875/0.813/0.094.

// wrapFeatures are the features of the break between lines a and b of a
// headline whose longest line is longest ems, on a page whose own text
// says which characters go together.
func wrapFeatures(a, b headLine, longest float64, pw *pageWords) wrapVec {
	var f wrapVec
	f[wfBias] = 1
	f[wfFull] = b2f(a.em >= longest-1)
	f[wfShorter] = b2f(b.em <= a.em-2)
	f[wfSameLength] = b2f(math.Abs(a.em-b.em) <= 1)
	r := lastRune(a.text)
	f[wfClosed] = b2f(r == '）' || r == ')' || r == '”' || endsStop(r))
	f[wfDashEnd] = b2f(strings.HasSuffix(a.text, "——"))
	f[wfDashOpen] = b2f(strings.HasPrefix(b.text, "——"))
	f[wfMustWrap] = b2f(noLineStart(firstRune(b.text)) || opensPair(r))
	f[wfUnclosed] = b2f(unclosed(a.text))
	f[wfTagEnd] = b2f(columnTagAtEnd(a.text))
	f[wfTagAfter] = b2f(columnTagAtEnd(b.text))
	f[wfFewAfter] = b2f(runeLen(b.text) <= 3)
	f[wfClauseA] = b2f(hasClause(a.text))
	f[wfClauseB] = b2f(hasClause(b.text))
	f[wfRuleWraps] = b2f(wraps(a.text, b.text))
	f[wfGapA] = b2f(strings.Contains(a.raw, " "))
	f[wfSplitsWord] = b2f(pw.pairs(r, firstRune(b.text)))
	f[wfSplitsPhrase] = b2f(pw.prints(lastRunes(a.text, 2) + firstRunes(b.text, 2)))
	return f
}

// pageWords is what a page's own text says about which characters go
// together: a page-local model of its language, with no dictionary. A
// headline that wraps in the middle of a word splits a pair of ideographs
// the page's lines print side by side elsewhere (通报, 执委), where a
// kicker ends a phrase. Only pairs within a line count, so that no break
// between two lines vouches for itself. Made on first asking.
type pageWords struct {
	ps    []piece
	made  bool
	lines []byte          // the page's text lines, one a line
	room  *[]byte         // room for lines, kept for the next page, or nil
	asked int             // how many pairs were asked for
	looks int             // how many strings were looked for (prints)
	set   bigramSet       // the pairs, made once asked for more than pairScans
	found map[string]bool // what the searches of lines found, by the string searched for
	// texts are the paragraphs' texts of the page's first reflow, by
	// their first piece, for the reflows after it (keptText); textsKept
	// says that reflow ran.
	texts     []keptText
	textsKept bool
}

// pairScans is how many pairs a page's text is searched for before its
// pairs are gathered into a set: a page asks a few dozen (one for each
// break between headline lines), for which searching costs less than the
// set's sort (a sixth of a parse), while a page of thousands of headline
// lines must not search its text thousands of times.
const pairScans = 64

func newPageWords(ps []piece) *pageWords { return &pageWords{ps: ps} }

// newPageWordsIn is newPageWords, writing the page's lines in room, when
// asked for them.
func newPageWordsIn(ps []piece, room *[]byte) *pageWords { return &pageWords{ps: ps, room: room} }

func (w *pageWords) make() {
	if w.made {
		return
	}
	w.made = true
	n := 0
	for i := range w.ps {
		if p := &w.ps[i]; isTextPiece(p) {
			n += len(p.text) + 1
		}
	}
	var b []byte
	if w.room != nil {
		b = slices.Grow((*w.room)[:0], n)
	} else {
		b = make([]byte, 0, n)
	}
	for i := range w.ps {
		if p := &w.ps[i]; isTextPiece(p) {
			b = append(append(b, p.text...), '\n')
		}
	}
	w.lines = b
	if w.room != nil {
		*w.room = b
	}
}

// pairs reports whether the page prints ideographs x and y side by side.
func (w *pageWords) pairs(x, y rune) bool {
	if w == nil || !isIdeograph(x) || !isIdeograph(y) {
		return false
	}
	w.make()
	if w.asked++; w.asked > pairScans {
		return w.pairSet().has(bigram(x)<<32 | bigram(y))
	}
	var pair [2 * utf8.UTFMax]byte
	n := utf8.EncodeRune(pair[:], x)
	n += utf8.EncodeRune(pair[n:], y)
	return w.search(string(pair[:n]))
}

// prints reports whether a line of the page holds s (four characters or more).
func (w *pageWords) prints(s string) bool {
	if w == nil || runeLen(s) < 4 {
		return false
	}
	w.make()
	// A page that looks for many strings (a huge page) first asks its
	// pairs: a string one of whose pairs of ideographs the page never
	// prints is nowhere in it, and the search of its whole text is spared.
	if w.looks++; w.looks > pairScans {
		set := w.pairSet()
		for _, b := range bigramsOf(s) {
			if !set.has(b) {
				return false
			}
		}
	}
	return w.search(s)
}

// search reports whether the page's lines hold s, searching them once for
// each s: the wrap of two headline lines is weighed by the hand-made
// reflow, the units and the stories alike.
func (w *pageWords) search(s string) bool {
	if found, ok := w.found[s]; ok {
		return found
	}
	found := containsBytes(w.lines, s)
	if w.found == nil {
		w.found = make(map[string]bool)
	}
	w.found[s] = found
	return found
}

// pairSet is the set of the pairs of ideographs the page's lines print.
func (w *pageWords) pairSet() bigramSet {
	if w.set == nil {
		w.set = bigramsOf(string(w.lines))
	}
	return w.set
}

// lastRunes and firstRunes are the last and first n characters of s.
func lastRunes(s string, n int) string {
	r := []rune(s)
	return string(r[max(0, len(r)-n):])
}

func firstRunes(s string, n int) string {
	r := []rune(s)
	return string(r[:min(n, len(r))])
}

// A headPart is a part of a headline: its text and how many lines it wraps
// over.
type headPart struct {
	text  string
	lines int
}

func kickerFeatures(x, y headPart) kickerVec {
	var f kickerVec
	f[kfBias] = 1
	f[kfDashOpen] = b2f(strings.HasPrefix(y.text, "——"))
	f[kfDashEnd] = b2f(strings.HasSuffix(x.text, "——"))
	f[kfTagX] = b2f(columnTagAtEnd(x.text))
	f[kfTagY] = b2f(columnTagAtEnd(y.text))
	f[kfLongerX] = b2f(runeLen(x.text) > runeLen(y.text))
	f[kfClauseX] = b2f(hasClause(x.text))
	f[kfClauseY] = b2f(hasClause(y.text))
	f[kfShortX] = b2f(runeLen(x.text) <= 8)
	f[kfWrappedX] = b2f(x.lines > 1)
	f[kfWrappedY] = b2f(y.lines > 1)
	f[kfBracketY] = b2f(strings.HasPrefix(y.text, "（") || strings.HasPrefix(y.text, "("))
	f[kfRuleTitle] = b2f(titleOfTwo(x.text, y.text, x.lines, y.lines, false, false) == 0)
	f[kfLeadsIn] = b2f(endsWithAny(x.text, leadInWords[:]))
	f[kfReportY] = b2f(endsWithAny(y.text, reportWords[:]))
	ex, ey := textEm(x.text), textEm(y.text)
	f[kfLongerByX] = b2f(ex >= ey+2)
	f[kfLongerByY] = b2f(ey >= ex+2)
	f[kfDigitY] = b2f(strings.IndexFunc(y.text, isDigit) >= 0)
	f[kfQuoteY] = b2f(strings.HasPrefix(y.text, "“") || strings.HasPrefix(y.text, "「"))
	f[kfListX] = b2f(strings.Contains(x.text, "、"))
	f[kfBracketFigureY] = b2f(bracketFigure(y.text))
	f[kfOpensOnY] = b2f(strings.ContainsRune(openWords, firstRune(y.text)))
	return f
}

// openWords are one-character function words that open a title going on
// from a subject its kicker names (在…, 为…, 把…).
const openWords = "在为把将从对向以于被"

// bracketFigure reports whether a headline line stands in brackets and
// holds a figure: （2019年9月30日）, （第一号）, not a column tag (民生观).
func bracketFigure(s string) bool {
	r := []rune(s)
	if len(r) < 3 || r[0] != '（' && r[0] != '(' || r[len(r)-1] != '）' && r[len(r)-1] != ')' {
		return false
	}
	return strings.IndexFunc(s, isDigit) >= 0 || strings.ContainsAny(s, "号一二三四五六七八九十") && strings.ContainsRune(s, '第')
}

// leadInWords end a kicker that leads into its title: 某某在某地调研时强调,
// 张三：.
var leadInWords = [...]string{"强调", "：", ":"}

// reportWords end a subtitle that reports who took part: 李四出席并致辞.
var reportWords = [...]string{"出席", "主持", "致辞", "批示", "讲话", "贺电", "贺信", "演讲"}

// reporterOpeners open a reporter's credit line, in either script.
var reporterOpeners = [...]string{"本报记者", "记者", "本報記者", "記者"}

func hasPrefixAny(s string, prefixes ...string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

func endsWithAny(s string, words []string) bool {
	for _, w := range words {
		if strings.HasSuffix(s, w) {
			return true
		}
	}
	return false
}

// linear is a linear model's score of the features f under the weights w
// (of the same length: a model's vector, sliced).
func linear(w, f []float64) float64 {
	s := 0.0
	for k := range f {
		s += w[k] * f[k]
	}
	return s
}

// headParts joins the lines of a headline into its parts.
func headParts(ls []headLine, w *wrapVec, pw *pageWords) []headPart {
	longest := 0.0
	for _, l := range ls {
		longest = max(longest, l.em)
	}
	var out []headPart
	for i, l := range ls {
		if i > 0 && !l.beside {
			f := wrapFeatures(ls[i-1], l, longest, pw)
			if linear(w[:], f[:]) > 0 {
				last := &out[len(out)-1]
				last.text = joinHeadline(last.text, l.text)
				last.lines++
				continue
			}
		}
		out = append(out, headPart{text: l.text, lines: 1})
	}
	return out
}

// splitHeadline names the parts of a headline: kicker, title, subtitle.
func splitHeadline(ls []headLine, ww *wrapVec, kw *kickerVec, pw *pageWords) (kicker, title, subtitle string) {
	parts := headParts(ls, ww, pw)
	switch len(parts) {
	case 0:
	case 1:
		title = parts[0].text
	default:
		// Of three parts or more, the first two are judged as two are,
		// and the rest is the subtitle: a title over its subtitle (——…)
		// and a next story's headline, run into one head by the box
		// stage, had the subtitle for title when the first was taken for
		// a kicker.
		f := kickerFeatures(parts[0], parts[1])
		if linear(kw[:], f[:]) > 0 {
			kicker, title = parts[0].text, parts[1].text
		} else {
			title, subtitle = parts[0].text, parts[1].text
		}
		for _, p := range parts[2:] {
			subtitle = joinHeadline(subtitle, p.text)
		}
	}
	return kicker, title, strings.Replace(subtitle, "—— ", "——", 1)
}

// wrapsOn reports whether headline line a wraps on into line b, by the
// learned wrap score. Two headlines side by side on one printed line are
// two: a line wraps down, never sideways.
func wrapsOn(a, b headLine, longest float64, pw *pageWords) bool {
	if b.beside {
		return false
	}
	f := wrapFeatures(a, b, longest, pw)
	return linear(wrapWeights[:], f[:]) > 0
}

// kickerFirst reports whether of two headline parts the first is a kicker
// over the title, by the learned kicker score.
func kickerFirst(x, y headPart) bool {
	f := kickerFeatures(x, y)
	return linear(kickerWeights[:], f[:]) > 0
}

// A headline's last part may be set as a paragraph of one line: the line
// model reads the short line under a kicker (引题) as body, and the story's
// title is lost to its text. A story's one-line paragraph right after its
// headline is taken into the headline when the tail model, a logistic score
// over the features below (weights_gen.go), says it is a line of that
// headline: the title under a kicker, a subtitle, the next line of a title
// that wraps. So is a headline-like line of one printed line that the plan
// left as the story's first subhead: the title under a kicker the plan cut
// short (the title's line, set as a subhead's, stands between the kicker
// and the body). It is decided once the plan has cut the stories, so that
// the plan's units stay as the line model laid them out.
const (
	tfBias      = iota
	tfWraps     // the wrap model's score of the headline's last line wrapping on into this one
	tfClosed    // the line closes a sentence: 。！？…
	tfClause    // the line reads as a sentence of clauses
	tfFull      // the line fills its column, as a body line does
	tfShort     // the line is two ems or more shorter than its column
	tfLeadIn    // the headline's last line ends leading in: —— or ：
	tfNextHead  // a headline-like line or the page's end follows it
	tfNextLeads // a paragraph that opens with a dateline or a credit follows it, as a story's body opens
	tfHeadWide  // the headline's last line is wider than its column
	tfDashOpen  // the line opens with ——, as a subtitle does
	tfCredit    // the line reads as a credit or a reporter's name: 本报记者X, X摄
	tfHeadLines // the headline holds two printed lines or more
	tfHead      // the line is headline-like (a subhead of the plan's), not a paragraph
	tfTitleOdds // … its log-odds as a line of a story's headline rather than a subhead's, /10
	tfFirst     // -raw: the line opens a paragraph of more lines (the title under its kicker, run by the paragraph model into the body after it)
	tfFirstBare // … and holds no sentence punctuation, as a title's line seldom does
	tfRestOpens // … and the paragraph's next line opens as a story, a caption or a subtitle does: a dateline, a credit, a date, ——, a quotation
	tfAfterBody // -raw: the headline stands after its story's body, and the line opens the next story
	tfTag       // the line ends with a column tag, as a title under its kicker does: （街巷记）
	numTailFeatures
)

var tailFeatureNames = [numTailFeatures]string{
	"bias", "wraps", "closed", "clause", "full", "short", "leadIn", "nextHead", "nextLeads", "headWide",
	"dashOpen", "credit", "headLines", "head", "titleOdds", "first", "firstBare", "restOpens", "afterBody", "tag",
}

type tailVec [numTailFeatures]float64

// Tried and not kept (round 26): of the tail model's samples on the
// training pages' plans nearest gold, 391 are the first line of a longer
// paragraph, and 17 of them a title's (a title under its kicker that the
// paragraph model ran into the body after it); the model names 14 of the 17
// wrong. Held out (TestTailFolds), 36 of 636 samples were wrong:
//   - echo, the share of the line's ideograph pairs the next openEchoRunes
//     characters after it hold: 37.
//   - the next line set short as a paragraph's first line (looksIndented): 36.
//   - the next line filling its column, as a paragraph's second line does: 37.
// And in the kicker model, echoY (the share of y's ideograph pairs that the
// story's first openEchoRunes characters of body hold, less x's: a subtitle
// states facts the body repeats, 28% of subtitles against 13% of titles
// under a kicker are so echoed by 0.15 more) fitted a weight of -0.25 and
// left TestHeadlineFolds at 64 of 871 two-part headlines wrong.

// tailFeatures are the features of unit k, a one-line paragraph or a
// headline-like line of one printed line, as a line of the headline
// [hi, k) before it; ok is false when k is no such line (a byline, a line
// set apart as a body opens, a headline-like line printed beside another,
// or any headline-like line unless heads: the pages of pdftotext -raw,
// where the headline and its subheads are all the plan's units, not the
// box stage's). On those pages the line may also be the first of a
// paragraph of more lines: the paragraph model runs a title's line that
// the line model read as body into the paragraph after it.
func tailFeatures(us []unit, hi, k int, ps []piece, paras []para, pw *pageWords, heads bool) (f tailVec, ok bool) {
	if k <= hi || k >= len(us) {
		return f, false
	}
	u, h := &us[k], &us[k-1]
	if !h.head || u.byline {
		return f, false
	}
	line, first, ok := tailLine(u, ps, paras, heads)
	if !ok || u.head && !heads || setApart(line.text) {
		return f, false
	}
	pc := &ps[line.piece]
	hls := h.headLines()
	last := hls[len(hls)-1]
	wf := wrapFeatures(last, line, max(last.em, line.em), pw)
	n := 0
	for j := hi; j < k; j++ {
		n += len(us[j].headLines())
	}
	f[tfBias] = 1
	f[tfWraps] = linear(wrapWeights[:], wf[:])
	f[tfClosed] = b2f(closesSentence(lastRune(line.text)))
	f[tfClause] = b2f(hasClause(line.text))
	f[tfFull] = b2f(math.Abs(line.em-pc.width.here) <= 0.75)
	f[tfShort] = b2f(line.em <= pc.width.here-2)
	f[tfLeadIn] = b2f(strings.HasSuffix(last.text, "——") || endsWithAny(last.text, []string{"：", ":"}))
	f[tfHeadWide] = b2f(h.width > 0 && last.em > h.width+0.75)
	f[tfDashOpen] = b2f(strings.HasPrefix(line.text, "——"))
	f[tfCredit] = b2f(pc.bylineOnly || pc.credit || hasPrefixAny(line.text, reporterOpeners[:]...))
	f[tfHeadLines] = b2f(n > 1)
	f[tfTag] = b2f(columnTagAtEnd(line.text))
	if first {
		next := &ps[nextTextPiece(ps, line.piece)]
		f[tfFirst] = 1
		f[tfFirstBare] = b2f(!pc.punct)
		f[tfRestOpens] = b2f(next.leads || next.credit || opensWithDate(next.text) || strings.HasPrefix(next.text, "——") || strings.HasPrefix(next.text, "“"))
		f[tfNextLeads] = b2f(next.leads)
		return f, true
	}
	f[tfCredit] = b2f(f[tfCredit] > 0 || u.credit)
	f[tfNextHead] = b2f(k+1 == len(us) || us[k+1].head)
	f[tfNextLeads] = b2f(k+1 < len(us) && !us[k+1].head && (us[k+1].leads || us[k+1].byline))
	if u.head {
		f[tfHead] = 1
		f[tfTitleOdds] = u.title / 10
	}
	return f, true
}

// tailLine is unit u as a line that may go on from the headline before
// it: a headline-like unit of one printed line, a one-line paragraph, or,
// when first may be, the first line of a longer paragraph (first says so).
func tailLine(u *unit, ps []piece, paras []para, mayFirst bool) (l headLine, first, ok bool) {
	if u.head {
		if len(u.lines) > 1 || u.beside || u.source {
			return headLine{}, false, false
		}
		return u.line(), false, true
	}
	p := &paras[u.para]
	pc := &ps[p.first]
	if p.first != p.last {
		// The line must open the paragraph's text as printed, so that
		// the paragraph can give it up whole.
		if nx := nextTextPiece(ps, p.first); !mayFirst || pc.leads || pc.text == "" || !strings.HasPrefix(p.text, pc.text) || nx < 0 || nx > p.last {
			return headLine{}, false, false
		}
		return headLine{text: pc.text, raw: pc.raw, em: pc.em, piece: p.first}, true, true
	}
	return headLine{text: u.text, raw: pc.raw, em: pc.em, piece: p.first}, false, true
}

// headlineTrail reports whether the story cut c of a -raw page, whose
// headline stands after its body, takes the paragraph after it — the next
// story's first — or that paragraph's first line into the headline, by the
// tail model w: the title under a kicker that the line model read as body,
// printed where the next story opens.
func headlineTrail(us []unit, c cut, ps []piece, paras []para, pw *pageWords, w *tailVec, rawMode bool) bool {
	f, ok := trailFeatures(us, c, ps, paras, pw, rawMode)
	return ok && linear(w[:], f[:]) > 0
}

// trailFeatures are the tail features of the unit after the headline of
// story cut c when that headline stands after its body (ok false when it
// does not, or the unit after is no paragraph).
func trailFeatures(us []unit, c cut, ps []piece, paras []para, pw *pageWords, rawMode bool) (f tailVec, ok bool) {
	if !rawMode || c.hj <= c.hi || c.hi <= c.i || c.hj != c.j || c.j >= len(us) || us[c.j].head {
		return f, false
	}
	f, ok = tailFeatures(us, c.hi, c.j, ps, paras, pw, rawMode)
	f[tfAfterBody] = 1
	return f, ok
}

// headlineTail reports whether the story cut c, whose headline stands
// before its body, takes the one-line paragraph (or, on a -raw page, the
// one-line subhead) right after its headline into the headline, by the
// tail model w.
func headlineTail(us []unit, c cut, ps []piece, paras []para, pw *pageWords, w *tailVec, rawMode bool) bool {
	if c.hj <= c.hi || c.hj >= c.j {
		return false
	}
	f, ok := tailFeatures(us, c.hi, c.hj, ps, paras, pw, rawMode)
	return ok && linear(w[:], f[:]) > 0
}

// A story of a -raw page that the plan leaves with no headline may open
// with its title: a line the line model read as body, set as a paragraph
// of one line or run by the paragraph model into the body after it (of the
// 27 titled gold stories of gen g001–g200 that the learned plan heads with
// nothing, 5 open their first paragraph with their title). The opening
// model, a logistic score over the features below (weights_gen.go), says
// whether that line is the story's headline; it is decided once the plan
// has cut the stories, as the tail model is, and moves no plan. Fitted on
// the first lines of the headless stories of the -raw training pages'
// plans nearest gold and of their learned plans (159, 19 of them titles),
// it names 16 wrong held out over five folds (TestOpenFolds), 13 of them
// titles missed: a narrow model, most such titles read as body are like
// the lines of a body.
const (
	ofBias      = iota
	ofClosed    // the line closes a sentence or a clause: 。！？…”）
	ofClause    // the line reads as a sentence of clauses
	ofFull      // the line fills its column, as a body line does
	ofShort     // the line is two ems or more shorter than its column
	ofFirst     // the line opens a paragraph of more lines
	ofBare      // the line holds no sentence punctuation, as a title's line seldom does
	ofRestOpens // the text after it opens as a story, a caption or a subtitle does: a dateline, a credit, a date, ——, a quotation
	ofDashEnd   // the line ends with ——, as a kicker does
	ofFewChars  // the line holds four characters or fewer
	ofPrevOpen  // the unit before the story ends without closing a sentence: the line may go on from it
	ofPrevHead  // the unit before the story is a headline-like line
	ofEcho      // the share of the line's ideograph pairs that the next openEchoRunes characters of the story hold (0 to 1): its body repeats a title's words
	numOpenFeatures
)

var openFeatureNames = [numOpenFeatures]string{
	"bias", "closed", "clause", "full", "short", "first", "bare", "restOpens", "dashEnd", "fewChars", "prevOpen", "prevHead", "echo",
}

type openVec [numOpenFeatures]float64

// openFeatures are the opening model's features of the first line of
// story cut c, which has no headline; ok is false where the story has a
// headline or opens with no such line (a byline, a line set apart as a
// body opens, a headline-like line).
func openFeatures(us []unit, c cut, ps []piece, paras []para) (f openVec, l headLine, first, ok bool) {
	if c.hj > c.hi || c.i >= c.j {
		return f, l, false, false
	}
	u := &us[c.i]
	if u.head || u.byline || u.leads || u.credit {
		return f, l, false, false
	}
	l, first, ok = tailLine(u, ps, paras, true)
	if !ok || setApart(l.text) || !first && !bodyAfter(us, c.i+1, c.j) {
		// A line that is all of its story's text stays its body: a
		// title heads a body.
		return f, l, false, false
	}
	pc := &ps[l.piece]
	f[ofBias] = 1
	r := lastRune(l.text)
	f[ofClosed] = b2f(closesSentence(r))
	f[ofClause] = b2f(hasClause(l.text))
	f[ofFull] = b2f(math.Abs(l.em-pc.width.here) <= 0.75)
	f[ofShort] = b2f(l.em <= pc.width.here-2)
	f[ofBare] = b2f(!pc.punct)
	f[ofDashEnd] = b2f(strings.HasSuffix(l.text, "——"))
	f[ofFewChars] = b2f(runeLen(l.text) <= 4)
	if first {
		next := &ps[nextTextPiece(ps, l.piece)]
		f[ofFirst] = 1
		f[ofRestOpens] = b2f(next.leads || next.credit || opensWithDate(next.text) || strings.HasPrefix(next.text, "——") || strings.HasPrefix(next.text, "“"))
	} else if c.i+1 < c.j {
		n := &us[c.i+1]
		f[ofRestOpens] = b2f(n.leads || n.byline || n.credit || opensWithDate(n.text) || strings.HasPrefix(n.text, "——") || strings.HasPrefix(n.text, "“"))
	}
	if c.i > 0 {
		p := &us[c.i-1]
		f[ofPrevOpen] = b2f(p.open)
		f[ofPrevHead] = b2f(p.head)
	}
	f[ofEcho] = pairShare(l.text, storyTextAfter(us, c, paras, l.text))
	return f, l, first, true
}

// bodyAfter says whether units i to j hold a paragraph.
func bodyAfter(us []unit, i, j int) bool {
	for k := i; k < j; k++ {
		if !us[k].head {
			return true
		}
	}
	return false
}

// openEchoRunes is how much of a story's text after its first line
// ofEcho reads: about two paragraphs' openings.
const openEchoRunes = 200

// storyTextAfter are the ideograph pairs of the first openEchoRunes
// characters of story cut c's paragraphs after its first line, line.
func storyTextAfter(us []unit, c cut, paras []para, line string) bigramSet {
	var sb strings.Builder
	n := 0
	for k := c.i; k < c.j && n < openEchoRunes; k++ {
		if us[k].head {
			continue
		}
		t := paras[us[k].para].text
		if k == c.i {
			t = strings.TrimPrefix(t, line)
		}
		t = clip(t, openEchoRunes-n, false)
		sb.WriteString(t)
		n += runeLen(t)
	}
	return bigramsOf(sb.String())
}

// pairShare is the share of s's ideograph pairs that set holds (0 when s
// has none).
func pairShare(s string, set bigramSet) float64 {
	n, in := 0, 0
	for b := range pairsIn(s) {
		n++
		in += oneIf(set.has(b))
	}
	if n == 0 {
		return 0
	}
	return float64(in) / float64(n)
}

// headlineOpening reports whether story cut c of a -raw page, which has
// no headline, opens with its title, by the opening model w; l is the
// title's line and first says it opened a longer paragraph.
func headlineOpening(us []unit, c cut, ps []piece, paras []para, w *openVec, rawMode bool) (l headLine, first, ok bool) {
	if !rawMode {
		return l, false, false
	}
	f, l, first, ok := openFeatures(us, c, ps, paras)
	return l, first, ok && linear(w[:], f[:]) > 0
}
