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

// textLine is one line of a story set in its column.
type textLine struct {
	text  string
	kind  lineKind
	lead  int // cells of space before text: centring
	width int // cells text takes
	block int // the block it belongs to: 0 the head, p+1 the story's paragraph p, then the tail
	off   int // its place in the block: see anchor

	// sec, field and para say which text of the story the line shows
	// (field is noField for a seam, a note or a blank): field of the part
	// of section sec (see storyView.sec), paragraph para of that part; and
	// from where in it: text[i] is byte from+i of that text. from is
	// negative on an indented first line, whose indent is no part of the
	// text. Search hits are placed by them.
	sec   int
	field model.Field
	para  int
	from  int
}

// noField marks a line that shows no text of the story's own.
const noField model.Field = 255

// fieldStart and fieldEnd return the bytes of the line's field that the
// line shows: [fieldStart, fieldEnd).
func (l *textLine) fieldStart() int { return max(l.from, 0) }
func (l *textLine) fieldEnd() int   { return l.from + len(l.text) }

// setArticle is a story wrapped to one column width: its lines, and the
// first line of each block, for keeping a paragraph in view across widths.
type setArticle struct {
	lines []textLine
	start []int // start[b] is the index of block b's first line
}

// wrapKey is what a set story depends on.
type wrapKey struct {
	s      *model.Story
	width  int
	indent bool
}

// seamMark is the quiet line where a story goes on from one page to the
// next: the page its next part is printed on.
func seamMark(page int, trad bool) string {
	if page <= 0 {
		return inScript("— 转下一版 —", trad)
	}
	return fmt.Sprintf(inScript("— 转第%d版 —", trad), page)
}

// setIn sets story s in a column width cells wide, and reads it straight
// through: the headline — kicker, title and subtitle centred, the byline —
// then the paragraphs of every part reflowed by m (the first line indented
// when ind is set) with a blank line between them, and at each seam between
// two parts a centred mark of the page the story goes on to, followed by
// what the next part prints of its own head. Where the paper says the
// story comes from or goes on to a page that is not in the issue, a line
// at the top or the end says so; where that page is in the issue but the
// part was not found on it, the paper's own （上接第N版） and （下转第N版）.
//
// Lines are grouped in blocks: block 0 is the head, block p+1 holds the
// story's paragraph p (in Story.Paragraphs) and the blank line after it,
// with the seam before it when it opens a part, and the last block the
// tail. A line's off places it in its block: for a paragraph's text the
// byte of the paragraph it starts at, and the blank after it the
// paragraph's length and one; in the lines of a seam, before the
// paragraph, -n … -1; in the head and the tail, 0, 1, 2 ….
func setIn(m layout.Measure, s *model.Story, width int, ind bool) *setArticle {
	return setInScript(m, s, width, ind, false)
}

// setInScript is setIn with the reader's own notes (转第N版, 下转第N版 …)
// in Traditional when trad is set.
func setInScript(m layout.Measure, s *model.Story, width int, ind, trad bool) *setArticle {
	out := &setArticle{}
	v := storyView{s: s}
	for i, a := range s.Parts {
		if a == s.Lead() {
			v.lead = i
			break
		}
	}
	block, seq := 0, 0
	pending := -1 // the first line of a seam waiting for its paragraph's block
	// add adds a line showing text, which is bytes from… of field f of
	// section sec (para for a paragraph); off -1 numbers it in its block.
	add := func(kind lineKind, text string, centre bool, off, sec int, f model.Field, para, from int) {
		w := m.StringWidth(text)
		lead := 0
		if centre && w < width {
			lead = (width - w) / 2
		}
		if off < 0 {
			off, seq = seq, seq+1
		}
		out.lines = append(out.lines, textLine{text: text, kind: kind, lead: lead, width: w, block: block, off: off,
			sec: sec, field: f, para: para, from: from})
	}
	note := func(kind lineKind, text string, centre bool) {
		for _, l := range m.Wrap(text, width) {
			add(kind, l, centre, -1, 0, noField, 0, 0)
		}
	}
	blank := func() {
		if n := len(out.lines); n > 0 && out.lines[n-1].kind != lineBlank {
			add(lineBlank, "", false, -1, 0, noField, 0, 0)
		}
	}
	// newBlock starts block b, taking into it the seam waiting for it.
	newBlock := func(b int) {
		block, seq = b, 0
		first := len(out.lines)
		if pending >= 0 {
			first = pending
			n := len(out.lines) - pending
			for i := pending; i < len(out.lines); i++ {
				out.lines[i].block, out.lines[i].off = b, i-pending-n
			}
			pending = -1
		}
		for len(out.start) <= b {
			out.start = append(out.start, first)
		}
	}
	// head adds the kicker, title, subtitle and byline of part p.
	head := func(p int) {
		a, sec := s.Parts[p], v.sec(p, model.InKicker)
		heading := func(kind lineKind, f model.Field) {
			text := a.Text(f, 0)
			for _, sp := range headingSpans(m, text, width) {
				add(kind, text[sp.Start:sp.End], true, -1, sec, f, 0, sp.Start)
			}
		}
		heading(lineKicker, model.InKicker)
		heading(lineTitle, model.InTitle)
		heading(lineSubtitle, model.InSubtitle)
		if a.Byline != "" {
			blank()
			for _, sp := range m.WrapSpans(a.Byline, width) {
				add(lineByline, a.Byline[sp.Start:sp.End], false, -1, sec, model.InByline, 0, sp.Start)
			}
		}
	}

	newBlock(0)
	first, last := s.Parts[0], s.Parts[len(s.Parts)-1]
	switch {
	case s.MissingFrom > 0:
		note(lineSeam, fmt.Sprintf(inScript("上接第%d版，本期未收录", trad), s.MissingFrom), true)
	case first.ContinuedFrom > 0:
		note(lineSeam, fmt.Sprintf(inScript("（上接第%d版）", trad), first.ContinuedFrom), false)
	}
	head(v.lead)
	if len(out.lines) > 0 {
		blank()
	}
	n := 0 // paragraphs so far
	for p, a := range s.Parts {
		if p > 0 {
			if pending < 0 {
				pending = len(out.lines)
			}
			page := 0
			if p < len(s.Pages) {
				page = s.Pages[p]
			}
			note(lineSeam, seamMark(page, trad), true)
			blank()
		}
		if p != v.lead {
			before := len(out.lines)
			head(p)
			if len(out.lines) > before {
				blank()
			}
		}
		for i, para := range a.Paragraphs {
			newBlock(n + 1)
			n++
			text, shift := para, 0
			if ind {
				text, shift = indent+para, len(indent)
			}
			for _, sp := range m.WrapSpans(text, width) {
				add(lineBody, text[sp.Start:sp.End], false, max(sp.Start-shift, 0), p+1, model.InParagraph, i, sp.Start-shift)
			}
			if n := len(out.lines); n > 0 && out.lines[n-1].kind != lineBlank {
				add(lineBlank, "", false, len(text)+1, 0, noField, 0, 0)
			}
		}
	}
	newBlock(n + 1) // the tail
	if n == 0 {
		note(lineEmpty, m.Truncate(inScript("（本篇没有正文）", trad), width, ""), false)
	}
	switch {
	case s.MissingTo > 0:
		note(lineSeam, fmt.Sprintf(inScript("下转第%d版，本期未收录", trad), s.MissingTo), true)
	case last.ContinuedTo > 0:
		for _, l := range m.Wrap(fmt.Sprintf(inScript("（下转第%d版）", trad), last.ContinuedTo), width) {
			add(lineSeam, l, false, -1, 0, noField, 0, 0)
			l := &out.lines[len(out.lines)-1]
			l.lead = max(width-l.width, 0) // set right, as printed
		}
	}
	if n := len(out.lines); n > 0 && out.lines[n-1].kind == lineBlank {
		out.lines = out.lines[:n-1]
		for b := range out.start {
			out.start[b] = min(out.start[b], n-1)
		}
	}
	return out
}

// anchor is a place in a set story that survives re-wrapping: a block and
// a line's off in it (see setIn). In a paragraph off is a byte, and the
// line holding that byte comes back at any width; in the head, a seam or
// the tail it is the line's number, which comes back at the same width.
type anchor struct{ block, off int }

// anchorAt returns the anchor of line i.
func (s *setArticle) anchorAt(i int) anchor {
	if i <= 0 || len(s.lines) == 0 {
		return anchor{}
	}
	l := s.lines[min(i, len(s.lines)-1)]
	return anchor{block: l.block, off: l.off}
}

// lineOf returns the line of anchor a: the last line of its block at or
// before its off, or the block's first line.
func (s *setArticle) lineOf(a anchor) int {
	if len(s.lines) == 0 || a.block < 0 {
		return 0
	}
	if a.block >= len(s.start) {
		return len(s.lines) - 1
	}
	first := s.start[a.block]
	last := len(s.lines)
	if a.block+1 < len(s.start) {
		last = min(s.start[a.block+1], last)
	}
	i := min(first, len(s.lines)-1)
	for j := first; j < last; j++ {
		if s.lines[j].off <= a.off {
			i = j
		}
	}
	return i
}

// headingLines breaks a kicker, title or subtitle into lines for centring:
// at the spaces between its parts (a headline's 鄰里聲音變多 居民盼舊貌新生)
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
