package tui

import (
	"fmt"
	"strings"

	"github.com/dubaoreader/dubao/model"
	"github.com/dubaoreader/dubao/tui/layout"
)

// indent is the first-line indent of a paragraph: two ideographic spaces,
// as Chinese is set.
const indent = "\u3000\u3000"

// lineKind is what part of an article a line belongs to, which says how it
// is drawn.
type lineKind uint8

const (
	lineBlank lineKind = iota
	lineKicker
	lineTitle
	lineSubtitle
	lineByline
	lineSeam
	lineBody
	lineEmpty // the note that an article has no text
)

// textLine is one line of an article set in its column.
type textLine struct {
	text  string
	kind  lineKind
	lead  int // cells of space before text: centring
	width int // cells text takes
	block int // the block it belongs to: 0 the head, i+1 paragraph i, then the tail
	off   int // byte offset in the block's paragraph at which the line starts

	// field and para say which text of the article the line shows (noField
	// for a seam, a note or a blank), and from where in it: text[i] is
	// byte from+i of that text. from is negative on an indented first line,
	// whose indent is no part of the text. Search hits are placed by them.
	field model.Field
	para  int
	from  int
}

// noField marks a line that shows no text of the article's own.
const noField model.Field = 255

// fieldStart and fieldEnd return the bytes of the line's field that the
// line shows: [fieldStart, fieldEnd).
func (l *textLine) fieldStart() int { return max(l.from, 0) }
func (l *textLine) fieldEnd() int   { return l.from + len(l.text) }

// setArticle is an article wrapped to one column width: its lines, and the
// first line of each block, for keeping a paragraph in view across widths.
type setArticle struct {
	lines []textLine
	start []int // start[b] is the index of block b's first line
}

// wrapKey is what a set article depends on.
type wrapKey struct {
	a      *model.Article
	width  int
	indent bool
}

// setIn sets article a in a column width cells wide: kicker, title and
// subtitle centred, the byline, then the paragraphs reflowed by m (the
// first line indented when ind is set) with a blank line between them,
// and the continuation marks. Blank lines belong to the block above them.
func setIn(m layout.Measure, a *model.Article, width int, ind bool) *setArticle {
	s := &setArticle{}
	block := 0
	// add adds a line showing text, which is bytes from… of the article's
	// field f (para for a paragraph).
	add := func(kind lineKind, text string, centre bool, off int, f model.Field, para, from int) {
		w := m.StringWidth(text)
		lead := 0
		if centre && w < width {
			lead = (width - w) / 2
		}
		s.lines = append(s.lines, textLine{text: text, kind: kind, lead: lead, width: w, block: block, off: off,
			field: f, para: para, from: from})
	}
	blank := func() {
		if n := len(s.lines); n > 0 && s.lines[n-1].kind != lineBlank {
			add(lineBlank, "", false, 0, noField, 0, 0)
		}
	}
	heading := func(kind lineKind, f model.Field) {
		text := a.Text(f, 0)
		for _, sp := range headingSpans(m, text, width) {
			add(kind, text[sp.Start:sp.End], true, 0, f, 0, sp.Start)
		}
	}

	s.start = append(s.start, 0)
	if a.ContinuedFrom > 0 {
		for _, l := range m.Wrap(fmt.Sprintf("（上接第%d版）", a.ContinuedFrom), width) {
			add(lineSeam, l, false, 0, noField, 0, 0)
		}
	}
	heading(lineKicker, model.InKicker)
	heading(lineTitle, model.InTitle)
	heading(lineSubtitle, model.InSubtitle)
	if a.Byline != "" {
		blank()
		for _, sp := range m.WrapSpans(a.Byline, width) {
			add(lineByline, a.Byline[sp.Start:sp.End], false, 0, model.InByline, 0, sp.Start)
		}
	}
	if len(s.lines) > 0 {
		blank()
	}
	if len(a.Paragraphs) == 0 {
		add(lineEmpty, m.Truncate("（本篇没有正文）", width, ""), false, 0, noField, 0, 0)
	}
	for i, p := range a.Paragraphs {
		block = i + 1
		s.start = append(s.start, len(s.lines))
		text, shift := p, 0
		if ind {
			text, shift = indent+p, len(indent)
		}
		for _, sp := range m.WrapSpans(text, width) {
			add(lineBody, text[sp.Start:sp.End], false, max(sp.Start-shift, 0), model.InParagraph, i, sp.Start-shift)
		}
		blank()
	}
	if a.ContinuedTo > 0 {
		block = len(a.Paragraphs) + 1
		s.start = append(s.start, len(s.lines))
		for _, l := range m.Wrap(fmt.Sprintf("（下转第%d版）", a.ContinuedTo), width) {
			add(lineSeam, l, false, 0, noField, 0, 0)
			last := &s.lines[len(s.lines)-1]
			last.lead = max(width-last.width, 0) // set right, as printed
		}
	}
	if n := len(s.lines); n > 0 && s.lines[n-1].kind == lineBlank {
		s.lines = s.lines[:n-1]
	}
	return s
}

// anchor is a place in an article that survives re-wrapping: a block and
// a byte offset in its paragraph, or -1 for the blank line above the block.
type anchor struct{ block, off int }

// anchorAt returns the anchor of line i.
func (s *setArticle) anchorAt(i int) anchor {
	if i <= 0 || len(s.lines) == 0 {
		return anchor{}
	}
	i = min(i, len(s.lines)-1)
	l := s.lines[i]
	if l.kind == lineBlank && l.block > 0 {
		// The blank line after a paragraph: the line before the next block.
		return anchor{block: l.block + 1, off: -1}
	}
	return anchor{block: l.block, off: l.off}
}

// lineOf returns the line holding anchor a: the last line of its block
// starting at or before its offset.
func (s *setArticle) lineOf(a anchor) int {
	if a.block <= 0 || a.block >= len(s.start) {
		return 0
	}
	first := s.start[a.block]
	if a.off < 0 {
		return max(first-1, 0)
	}
	last := len(s.lines)
	if a.block+1 < len(s.start) {
		last = s.start[a.block+1]
	}
	i := first
	for j := first; j < last; j++ {
		if s.lines[j].kind != lineBlank && s.lines[j].off <= a.off {
			i = j
		}
	}
	return i
}

// headingLines breaks a kicker, title or subtitle into lines for centring:
// at the spaces between its parts (a headline's 僑界聲音消失 僑胞嘆民不聊生)
// rather than inside them where it can, and into lines of even length
// rather than a full line and a stub.
func headingLines(m layout.Measure, text string, width int) []string {
	var lines []string
	for _, sp := range headingSpans(m, text, width) {
		lines = append(lines, text[sp.Start:sp.End])
	}
	return lines
}

// headingSpans is headingLines giving where each line lies in text, so that
// a search hit's offsets in the heading say where it is drawn. A line holds
// the spaces between its parts as printed; those between lines belong to
// none.
func headingSpans(m layout.Measure, text string, width int) []layout.Span {
	if text == "" {
		return nil
	}
	if m.StringWidth(text) <= width {
		return []layout.Span{{Start: 0, End: len(text)}}
	}
	lines := packParts(m, text, width)
	// The narrowest width that needs no more lines evens them out.
	for w := (m.StringWidth(text) + len(lines) - 1) / len(lines); w < width; w++ {
		if l := packParts(m, text, w); len(l) <= len(lines) {
			return l
		}
	}
	return lines
}

// packParts fills lines of at most width cells with the space-separated
// parts of text, breaking a part only when it is wider than a line.
func packParts(m layout.Measure, text string, width int) []layout.Span {
	var lines []layout.Span
	cur, curW := layout.Span{Start: -1}, 0
	for i := 0; i < len(text); {
		if text[i] == ' ' {
			i++
			continue
		}
		part := layout.Span{Start: i, End: len(text)}
		if j := strings.IndexByte(text[i:], ' '); j >= 0 {
			part.End = i + j
		}
		i = part.End
		pw := m.StringWidth(text[part.Start:part.End])
		gap := part.Start - cur.End // the spaces before the part, a cell each
		switch {
		case cur.Start >= 0 && curW+gap+pw <= width:
			cur.End, curW = part.End, curW+gap+pw
			continue
		case cur.Start >= 0:
			lines = append(lines, cur)
		}
		cur, curW = part, pw
		if pw > width {
			wrapped := m.WrapSpans(text[part.Start:part.End], width)
			for _, sp := range wrapped[:len(wrapped)-1] {
				lines = append(lines, layout.Span{Start: part.Start + sp.Start, End: part.Start + sp.End})
			}
			last := wrapped[len(wrapped)-1]
			cur = layout.Span{Start: part.Start + last.Start, End: part.Start + last.End}
			curW = m.StringWidth(text[cur.Start:cur.End])
		}
	}
	if cur.Start >= 0 {
		lines = append(lines, cur)
	}
	return lines
}
