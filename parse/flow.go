package parse

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"
)

// Reflow: body lines become paragraphs. A line that is short for its column
// ends a paragraph; a full line goes on, unless it closes a sentence and the
// next line is indented the way a paragraph's first line is (the extractor
// drops the indent, so the first line of a paragraph is two characters
// shorter than the column). Blank lines are no evidence by themselves: an
// extractor writes one at every column break, in the middle of sentences.

// A para is a paragraph of body text, or a byline standing on its own line.
type para struct {
	text   string
	first  int      // index of its first piece
	last   int      // index of its last piece
	hard   bool     // a story must start here: a byline, a continuation, a headline before it
	byline bool     // a standalone byline, not body text
	from   *marker  // the first continued-from marker in it
	to     *marker  // a continued-to marker in it
	marks  []marker // every continuation marker in it, in order
	width  float64  // the column width where it starts
}

// reflow joins the body pieces into paragraphs and lays out the page's
// items in order: paragraphs, headlines, and doubtful lines. A headline
// block forces the next paragraph to start a story.
//
// starts, when given, holds the learned score of every body piece as a
// paragraph's first line; the paragraph then ends where the next body
// piece scores above zero, in place of the hand-made rule.
//
// pw is the page's own words, made once a page (analyseWith).
func reflow(ps []piece, blocks []block, rawMode bool, starts []float64, pw *pageWords) ([]para, []group, []item) {
	indented := indentStyle(ps)
	var blockAt []int32 // by piece: one more than the index of the block starting there (the last such), or 0
	if len(blocks) > 0 {
		blockAt = make([]int32, len(ps))
		for k, b := range blocks {
			if b.first >= 0 && b.first < len(ps) {
				blockAt[b.first] = int32(k) + 1
			}
		}
	}
	var (
		out      []para
		groups   []group
		items    []item
		cur      para // the current paragraph, while inPara
		inPara   bool
		text     []byte // the current paragraph's, its buffer serving paragraph after paragraph
		first    = true // the current piece is the first line of a paragraph
		hardNext = true
	)
	// The page's first reflow keeps its paragraphs' texts in pw, and a
	// later one that joins the same lines into the same text takes the
	// string kept (keptText).
	keeping := pw != nil && !pw.textsKept
	if keeping {
		pw.textsKept = true
	} else if pw != nil {
		// Room for about as many paragraphs as the first reflow made.
		out = make([]para, 0, len(pw.texts)+len(pw.texts)/8+4)
	}
	flush := func() {
		if inPara {
			if s, ok := pw.keptText(cur.first, cur.last, text); ok && !keeping {
				cur.text = s
			} else {
				cur.text = string(text)
			}
			if keeping {
				pw.texts = append(pw.texts, keptText{first: cur.first, last: cur.last, text: cur.text})
			}
			items = append(items, item{kind: itPara, para: len(out)})
			out = append(out, cur)
			cur, inPara = para{}, false
			text = text[:0]
		}
		first = true
	}
	var floats []floating
	var pending []marker // markers waiting for a paragraph
	for i := 0; i < len(ps); i++ {
		p := &ps[i]
		if p.role == roleBody && starts != nil && floatsBetween(ps, i, starts) {
			// A headline box printed between a paragraph left open and
			// the next paragraph's opening: the paragraph ends before it.
			flush()
			floats = append(floats, floating{text: cleanSpaces(p.raw, p.spaced, true), para: len(out), piece: i})
			continue
		}
		if p.role == roleBody && floatsIn(ps, i) {
			// One printed in the middle of a paragraph: the paragraph goes
			// on around it.
			floats = append(floats, floating{text: cleanSpaces(p.raw, p.spaced, true), para: len(out), piece: i})
			continue
		}
		if blockAt != nil && blockAt[i] > 0 {
			blk := blocks[blockAt[i]-1]
			flush()
			gs := groupsOf(ps, blk, rawMode, pw)
			if !blk.doubtful {
				for _, g := range gs {
					g.gap = len(out)
					items = append(items, item{kind: itGroup, group: len(groups)})
					groups = append(groups, g)
				}
				hardNext = true
			} else {
				g := mergeGroups(gs)
				g.gap = len(out)
				items = append(items, item{kind: itCand, para: len(out), group: len(groups)})
				out = append(out, para{text: blockText(ps, blk), first: i, width: p.width.here, hard: hardNext})
				hardNext = false
				groups = append(groups, g)
			}
			i = blk.last
			continue
		}
		switch p.role {
		case roleBlank, roleFurniture:
			continue
		case roleHead:
			flush()
			hardNext = true
			continue
		case roleByline:
			flush()
			text, marks := cutMarkerText(cleanSpaces(p.raw, p.spaced, true))
			by := para{text: tidyByline(text), first: i, last: i, byline: true, hard: hardNext, width: p.width.here}
			by.mark(marks...)
			items = append(items, item{kind: itPara, para: len(out)})
			out = append(out, by)
			continue
		}
		from, hasFrom := p.from()
		if hasFrom || p.leads {
			flush()
			hardNext = true
		}
		_ = from
		if !inPara {
			if p.text == "" && !hasFrom {
				// A marker alone on its line: it belongs to the paragraph
				// before it, or, at the top of the page, to the next one.
				if len(out) > 0 {
					out[len(out)-1].mark(p.markers...)
				} else {
					pending = append(pending, p.markers...)
				}
				continue
			}
			cur, inPara = para{first: i, hard: hardNext, width: p.width.here}, true
			hardNext = false
			cur.mark(pending...)
			pending = nil
		}
		cur.mark(p.markers...)
		if len(text) > 0 && p.text != "" {
			// Only an ASCII last byte can end in a Latin letter: the
			// others are not decoded.
			if prev := rune(text[len(text)-1]); prev < utf8.RuneSelf && isLatin(prev) && !isDigit(prev) && isLatin(firstRune(p.text)) && !isDigit(firstRune(p.text)) {
				text = append(text, ' ')
			}
		}
		text = append(text, p.text...)
		cur.last = i
		if _, ok := p.to(); ok {
			flush()
			hardNext = true
			continue
		}
		if starts != nil && learnedBreak(ps, i, starts) || starts == nil && breaksAfter(ps, i, first, indented) {
			flush()
			continue
		}
		first = false
	}
	flush()
	if len(pending) > 0 {
		// Markers and nothing else: a paragraph of no text keeps them.
		items = append(items, item{kind: itPara, para: len(out)})
		p := para{first: len(ps) - 1, last: len(ps) - 1}
		p.mark(pending...)
		out = append(out, p)
	}
	for _, f := range floats {
		out, groups, items = placeFloating(f, out, groups, items)
	}
	return out, groups, items
}

// A floating line is a short line an extractor printed in the middle of a
// paragraph: a headline's box read out of order.
type floating struct {
	text  string
	para  int // the paragraph it interrupted
	piece int
}

// floatsIn reports whether piece i floats in the middle of a paragraph: a
// short phrase, or a line wider than its column (wideLine), set apart by
// blank lines, between a full line that breaks off mid-sentence and a full
// line that goes on with it.
func floatsIn(ps []piece, i int) bool {
	p := &ps[i]
	if !blankAround(ps, i) || !p.short() && !wideLine(p) || !floatText(p) {
		return false
	}
	_, next, ok := brokenBodyAround(ps, i, i)
	if !ok {
		return false
	}
	b := &ps[next]
	return b.text != "" && b.em >= b.width.here-1.25 && !b.leads && !opensPair(firstRune(b.text))
}

// floatText reports whether p's text may be a floating headline line's: two
// ideographs or more, not spaced out, no markers, no clause punctuation,
// and no credit, lead or byline.
func floatText(p *piece) bool {
	return !p.spaced && ideographs(p.text) >= 2 && len(p.markers) == 0 &&
		!hasRuneIn(p.text, "。，、；：！？") && !p.credit && !p.leads && !p.bylineOnly
}

// brokenBodyAround is the text pieces before piece a and after piece b, ok
// when both are body lines and the one before fills its column and breaks
// off mid-sentence: where a floating line interrupts a paragraph.
func brokenBodyAround(ps []piece, a, b int) (prev, next int, ok bool) {
	prev, next = prevText(ps, a), nextText(ps, b)
	if prev < 0 || next < 0 || ps[prev].role != roleBody || ps[next].role != roleBody {
		return prev, next, false
	}
	p := &ps[prev]
	return prev, next, p.text != "" && p.full(0) && !closesSentence(lastRune(p.text))
}

// wideLine reports whether a line of ideographs alone runs past its
// column by an em or more: a headline set in larger type than the body.
func wideLine(p *piece) bool {
	return p.em >= p.width.here+1 && ideographs(p.text) == runeLen(p.text)
}

// floatsBetween reports whether piece i is a line of a headline's box
// that an extractor printed between the text of two stories, by the
// learned paragraph starts: a box of one or two lines, the last falling
// short of its column, set apart by blank lines, whose lines close no
// sentence and hold no clause punctuation (floatLine), after a full body
// line that breaks off mid-sentence and before a body line that opens a
// paragraph. Reflow would run it into the open paragraph. Such a line is
// the headline of the story that opens after it: of the lines of gen-miner
// and gen-issue-miner g001–g200 through pdfminer that stand so, 6 are
// gold's headline lines and one a caption's broken credit. A box whose
// one line fills its column stays: of two such lines, one was a
// headline's, the other the half of a sentence a column break parts.
func floatsBetween(ps []piece, i int, starts []float64) bool {
	a, b, ok := floatBox(ps, i)
	if !ok || !ps[b].short() {
		return false
	}
	for k := a; k <= b; k++ {
		if !floatLine(&ps[k]) {
			return false
		}
	}
	_, next, ok := brokenBodyAround(ps, a, b)
	return ok && starts[next] > 0
}

// floatBox is the first and last piece of the box piece i stands in — its
// run of pieces between blank lines — when it holds one or two.
func floatBox(ps []piece, i int) (a, b int, ok bool) {
	a, b = i, i
	if a > 0 && ps[a-1].role != roleBlank {
		a--
	} else if b+1 < len(ps) && ps[b+1].role != roleBlank {
		b++
	}
	return a, b, (a == 0 || ps[a-1].role == roleBlank) && (b+1 == len(ps) || ps[b+1].role == roleBlank)
}

// floatLine reports whether piece p may be a line of a floating headline
// box: a body line of two ideographs or more, not letter-spaced, with no
// marker, byline or credit, no sentence or clause punctuation and no
// closing quote or bracket before an opening one (the tail of a quote the
// paragraph opened).
func floatLine(p *piece) bool {
	return p.role == roleBody && floatText(p) && !strings.ContainsRune(p.text, '…') && !closesFirst(p.text)
}

// closesFirst reports whether s closes a quote or bracket before it opens
// one.
func closesFirst(s string) bool {
	for _, r := range s {
		switch {
		case opensPair(r):
			return false
		case closesPair(r):
			return true
		}
	}
	return false
}

// placeFloating puts a floating headline where its story starts: before
// the nearby paragraph that echoes it most, if one does; otherwise it stays
// text, as a paragraph of its own after the one it interrupted.
func placeFloating(f floating, paras []para, groups []group, items []item) ([]para, []group, []item) {
	g := group{title: f.text, pos: f.piece}
	heads := bigramsOf(f.text)
	best, bestK := 0.0, -1
	for k := max(0, f.para-6); k < len(paras) && k <= f.para+2 && len(heads) > 0; k++ {
		opening := bigramsOf(clip(paras[k].text, 60, false))
		if v := float64(common(heads, opening)) / float64(len(heads)); v > best {
			best, bestK = v, k
		}
	}
	at := -1 // the item before which the new item goes
	for n, it := range items {
		if (it.kind == itPara || it.kind == itCand) && it.para == bestK {
			at = n
		}
	}
	if best >= 0.5 && at >= 0 {
		paras[bestK].hard = true
		g.gap = bestK
		items = append(items[:at], append([]item{{kind: itGroup, group: len(groups)}}, items[at:]...)...)
		return paras, append(groups, g), items
	}
	// No story here names it: keep it as text, at the end of the page's
	// paragraphs so that indexes stay in order.
	for n, it := range items {
		if it.kind == itPara && it.para == f.para {
			at = n + 1
		}
	}
	if at < 0 {
		at = len(items)
	}
	paras = append(paras, para{text: f.text, first: f.piece, last: f.piece})
	items = append(items[:at], append([]item{{kind: itPara, para: len(paras) - 1}}, items[at:]...)...)
	return renumber(paras, groups, items), groups, items
}

// mark records continuation markers on a paragraph.
func (p *para) mark(ms ...marker) {
	for _, m := range ms {
		m := m
		p.marks = append(p.marks, m)
		if m.from && p.from == nil {
			p.from = &m
		}
		if !m.from {
			p.to = &m
		}
	}
}

// cutMarkerText takes the continuation markers out of a text.
func cutMarkerText(t string) (string, []marker) {
	ms := findMarkers(t)
	if len(ms) == 0 {
		return t, nil
	}
	var b strings.Builder
	last := 0
	for _, m := range ms {
		b.WriteString(t[last:m.start])
		last = m.end
	}
	b.WriteString(t[last:])
	return strings.TrimSpace(b.String()), ms
}

// blockText is the text of a doubtful block read as body text.
func blockText(ps []piece, b block) string {
	var sb strings.Builder
	for k := b.first; k <= b.last; k++ {
		sb.WriteString(ps[k].text)
	}
	return sb.String()
}

// mergeGroups reads the groups of a doubtful block as one headline.
func mergeGroups(gs []group) group {
	if len(gs) == 1 {
		return gs[0]
	}
	var g group
	for _, x := range gs {
		g.title = joinHeadline(g.title, joinHeadline(x.kicker, joinHeadline(x.title, x.subtitle)))
		if x.byline != "" {
			g.byline = joinHeadline(g.byline, x.byline)
		}
	}
	if len(gs) > 0 {
		g.pos = gs[0].pos
	}
	return g
}

// breaksAfter decides whether the paragraph ends after body piece i.
func breaksAfter(ps []piece, i int, first, indented bool) bool {
	p := &ps[i]
	j := nextBody(ps, i)
	if j < 0 {
		return true
	}
	q := &ps[j]
	if p.text == "" {
		return false
	}
	if q.role != roleBody || q.leads {
		return true
	}
	if first && p.leads {
		// The line opens with a byline, set with room around it: only a
		// byline that fills the line ends there, and not when its credit
		// in brackets follows on the next line.
		loc := bylineLead.FindStringIndex(p.text)
		return loc != nil && loc[1] == len(p.text) && !opensPair(firstRune(q.text))
	}
	if noLineStart(firstRune(q.text)) || opensPair(lastRune(p.text)) || p.unclosed {
		return false
	}
	if p.spaced {
		return false // a justified line is a full line
	}
	indent := 0.0
	if first && indented {
		indent = 2
	}
	if (p.narrow || q.narrow || p.em <= 6 && q.em <= 6) && !endsStop(lastRune(strings.TrimRight(p.text, "”’」』"))) {
		return false // a narrow column beside a picture goes on
	}
	if pushedDown(p.text, q.text) {
		return false // the line gave its last character to the next
	}
	if closesSentence(lastRune(p.text)) && (mayOpenSection(q.text) && sectionHead.MatchString(q.text) || dialogueTurn(p.text, q.text)) {
		return true
	}
	if !p.full(indent) {
		return true
	}
	if first && indented && looksIndented(q) && !q.closesEarly {
		// A first line followed by another indented line: the first was a
		// paragraph of its own (a subheading), if a full line comes next.
		if k := nextBody(ps, j); k >= 0 && ps[k].role == roleBody && ps[k].full(0) {
			return true
		}
	}
	if !closesSentence(lastRune(p.text)) {
		return false
	}
	// A full line that closes a sentence: a new paragraph starts if the next
	// line is indented and is not itself the short end of this one.
	if !indented || q.spaced {
		return false
	}
	if !looksIndented(q) {
		return false
	}
	k := nextBody(ps, j)
	if k < 0 {
		return true
	}
	r := &ps[k]
	// q starts a paragraph if a full line follows it, or another indented
	// one (q is then a paragraph of one line, such as a subheading).
	return r.role != roleBody || r.full(0) || looksIndented(r) || noLineStart(firstRune(r.text))
}

// learnedBreak decides whether the paragraph ends after body piece i by the
// learned score of the next body piece: the end of the text, a headline or
// a byline after it end it always, and so does a continued-to marker
// closing it (the story's part ends there), a dateline broken over the two
// lines never.
func learnedBreak(ps []piece, i int, starts []float64) bool {
	j := nextBody(ps, i)
	if j < 0 || ps[j].role != roleBody || ps[j].leads || endsPart(ps, i) {
		return true
	}
	if ps[i].text == "" || brokenDateline(&ps[i], &ps[j]) {
		// A dateline the extractor broke over two lines (本报X地10月20 /
		// 日电（记者…）) goes on: it opens the paragraph it credits.
		return false
	}
	return starts[j] > 0
}

// pushedDown reports whether line p ends short because the line breaker
// pushed its last character down to the next line, to keep the punctuation
// after it from starting a line: 窗 / 口，我们.
func pushedDown(p, q string) bool {
	if last := lastRune(p); closesSentence(last) || !isIdeograph(last) {
		return false
	}
	r0, n := decodeRune3(q)
	r1, m := decodeRune3(q[n:])
	return m > 0 && isIdeograph(r0) && (noLineStart(r1) || r1 == '…')
}

// dialogueTurn reports whether q opens a new quotation after p closed one
// with the end of a sentence: “您好，请取号！” / “您好，请坐…
func dialogueTurn(p, q string) bool {
	if !strings.HasSuffix(p, "”") {
		return false // most lines: no need to decode
	}
	last, n := utf8.DecodeLastRuneInString(p)
	before, m := utf8.DecodeLastRuneInString(p[:len(p)-n])
	if m == 0 || last != '”' || !endsStop(before) {
		return false
	}
	return firstRune(q) == '“'
}

// looksIndented reports whether a full line would be two characters short
// of its column, as a paragraph's first line is.
func looksIndented(q *piece) bool {
	w := q.width.here
	return !q.spaced && q.em >= w-3.25 && q.em <= w-1.75
}

// nextBody finds the next piece after i that is not blank or furniture.
func nextBody(ps []piece, i int) int {
	for j := i + 1; j < len(ps); j++ {
		if ps[j].role != roleBlank && ps[j].role != roleFurniture {
			return j
		}
	}
	return -1
}

// indentStyle reports whether the page indents its paragraphs: after a line
// that plainly ends a paragraph, the next line is mostly two characters
// shorter than the column.
func indentStyle(ps []piece) bool {
	indented, flush := 0, 0
	for i := range ps {
		p := &ps[i]
		if p.role != roleBody || p.text == "" || p.spaced || p.em > p.width.here-3 || !endsStop(lastRune(strings.TrimRight(p.text, "”’」』"))) {
			continue
		}
		j := nextBody(ps, i)
		if j < 0 || ps[j].role != roleBody || ps[j].spaced {
			continue
		}
		q := &ps[j]
		k := nextBody(ps, j)
		if k < 0 || ps[k].role != roleBody || !ps[k].full(0) {
			continue // q may be a one-line paragraph
		}
		w := q.width.here
		switch {
		case q.em >= w-3.25 && q.em <= w-1.25:
			indented++
		case q.em > w-1.25:
			flush++
		}
	}
	return indented >= flush
}

// A keptText is the text of a paragraph of a page's first reflow, of
// pieces first to last.
type keptText struct {
	first, last int
	text        string
}

// keptText returns the text the page's first reflow made of pieces first
// to last, when it is text.
func (w *pageWords) keptText(first, last int, text []byte) (string, bool) {
	if w == nil {
		return "", false
	}
	k, ok := slices.BinarySearchFunc(w.texts, first, func(t keptText, first int) int { return cmp.Compare(t.first, first) })
	if !ok || w.texts[k].last != last || w.texts[k].text != string(text) {
		return "", false
	}
	return w.texts[k].text, true
}
