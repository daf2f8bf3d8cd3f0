package layout

import (
	"sort"
	"unicode/utf8"
)

// Span is one line of a wrapped paragraph: the bytes s[Start:End] of the
// paragraph s.
type Span struct {
	Start, End int
}

// Wrap breaks the paragraph s into lines at most width cells wide. It is
// WrapSpans with the lines cut out of s (no copying).
func (m Measure) Wrap(s string, width int) []string {
	spans := m.WrapSpans(s, width)
	lines := make([]string, len(spans))
	for i, sp := range spans {
		lines[i] = s[sp.Start:sp.End]
	}
	return lines
}

// WrapSpans breaks the paragraph s into lines at most width cells wide and
// returns where each line lies in s. s is one paragraph of plain text: a
// control character such as a newline is measured as zero width and kept
// with the character before it, not taken as a break.
//
// The lines give back s in order. The only bytes they leave out are dropped
// spaces: when a line ends at a single ASCII space that has a non-space
// character on each side, that space belongs to no line (so the gap between
// two spans is empty or that one space). Runs of two or more spaces, and
// spaces at either end of s, are text and are kept.
//
// Where lines break, best first:
//   - Anywhere the rules below allow: between two ideographs, at a space,
//     between a word and an ideograph. A line is filled as far as it will go
//     and then ends at the last such place that fits, which may leave it
//     short (oikomi: characters are pulled down to the next line, never
//     hung past the width).
//   - Inside a Latin word or number wider than the whole line, or inside a
//     —— or …… wider than the line, wherever the line is full.
//   - Before a run of spaces, or inside one.
//   - Before a [LineStartProhibited] rune, or after a [LineEndProhibited]
//     one (looking past spaces).
//   - Inside a Latin word or number (a run of printable ASCII and other
//     one-cell letters and digits, so 94.38%, COVID-19, 1/3 and 5K are each
//     one unit).
//   - Inside a pair of [Unsplittable] runes.
//   - After a zero-width joiner.
//
// A later choice is taken only when a line holds no break of an earlier
// kind. So a rule is broken only where the text the rules glue together,
// from one allowed break to the next, is wider than the line: a line may
// start with a closing mark when "字。」" has to go in four cells. Never
// before a zero-width rune: a combining mark stays with its base.
//
// No line is wider than width, with one exception: a character wider than
// the whole line (a two-cell character when width is 1) goes on a line by
// itself. A width of 2 or more always fits every line.
//
// A width below 1 means no limit: s comes back as one line. The empty
// string is one empty line.
func (m Measure) WrapSpans(s string, width int) []Span {
	if width <= 0 || s == "" {
		return []Span{{0, len(s)}}
	}
	b := breaker{s: s, t: runeTable(), amb: m.ambWidth(), width: width}
	spans := make([]Span, 0, len(s)/width+2)
	for p := 0; p < len(s); {
		end, next := b.line(p)
		spans = append(spans, Span{p, end})
		p = next
	}
	return spans
}

// Locate returns the line, and the cell column in it, at which byte offset
// off of s falls, given the spans WrapSpans returned for s: where a search
// hit is drawn. An offset in a dropped space falls at the end of the line
// before it; one at or past the end of s, at the end of the last line. off
// should be at a rune boundary.
func (m Measure) Locate(s string, spans []Span, off int) (line, col int) {
	line = sort.Search(len(spans), func(i int) bool { return spans[i].Start > off }) - 1
	if line < 0 {
		return 0, 0
	}
	sp := spans[line]
	return line, m.StringWidth(s[sp.Start:min(off, sp.End)])
}

// The kinds of break, best first; see WrapSpans.
const (
	levelFree     = iota // the rules allow it
	levelOverwide        // inside a word or pair wider than the line
	levelSpace           // before or inside a run of spaces
	levelKinsoku         // before a closing mark or after an opening one
	levelWord            // inside a word or number
	levelPair            // inside —— or ……
	levelCluster         // after a zero-width joiner
	numLevels
)

const zwj = '\u200d'

// A candidate is a place a line may end: the line is s[p:end] and the next
// starts at next (one past end for a dropped space).
type candidate struct{ end, next int }

type breaker struct {
	s     string
	t     *table
	amb   int
	width int
}

func (b *breaker) decode(i int) (rune, int, runeInfo) {
	if c := b.s[i]; c < utf8.RuneSelf {
		return rune(c), 1, b.t[c]
	}
	r, size := decodeRune(b.s, i)
	return r, size, infoOf(b.t, r)
}

// line lays out the line that starts at byte p: it walks forward, noting
// the last candidate of each kind, until the next character does not fit,
// and then ends the line at the last candidate of the best kind it saw.
func (b *breaker) line(p int) (end, next int) {
	s, width := b.s, b.width
	var (
		best     [numLevels]candidate
		w        int      // cells taken so far
		started  bool     // something is on the line
		prev     runeInfo // the character before i
		prevRune rune
		prevNS   runeInfo // the last non-space before i, for LineEndProhibited
		single   bool     // i follows a single space: the break is at the space
		afterRun bool     // i follows a run of spaces
		joined   bool     // the rune before i is a zero-width joiner
		inWord   = levelWord
		pairPos  int // prev's place in its run of an Unsplittable rune
		inPair   = levelPair
	)
	if s[p] == ' ' {
		prevNS = b.nonSpaceBefore(p)
	}
	for i := p; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = decodeRune(s, i)
		}
		in := infoOf(b.t, r)
		if in&flagGlue != 0 && started {
			joined = r == zwj
			i += size
			continue
		}
		rw := widthOf(in, b.amb)

		if in&flagSpace != 0 {
			j := i + 1
			for j < len(s) && s[j] == ' ' {
				j++
			}
			if j == i+1 && started && j < len(s) {
				if _, _, nextIn := b.decode(j); nextIn&flagGlue == 0 {
					// A single space between words: break here, dropping it.
					lvl := levelFree
					if prevNS&flagOpen != 0 || nextIn&flagClose != 0 {
						lvl = levelKinsoku
					}
					best[lvl] = candidate{i, j}
					if w+1 > width {
						return pick(&best, i)
					}
					w++
					i, single, joined = j, true, false
					continue
				}
			}
			for k := i; k < j; k++ {
				if started {
					best[levelSpace] = candidate{k, k}
				}
				if w+1 > width {
					return pick(&best, k)
				}
				w++
				started = true
			}
			i, afterRun, joined = j, true, false
			continue
		}

		if started {
			lvl := levelFree
			switch {
			case single:
				lvl = -1
			case afterRun:
				if prevNS&flagOpen != 0 || in&flagClose != 0 {
					lvl = levelKinsoku
				}
			default:
				if prev&flagOpen != 0 || in&flagClose != 0 {
					lvl = levelKinsoku
				}
				if prev&in&flagWord != 0 {
					lvl = max(lvl, inWord)
				}
				if in&flagPair != 0 && r == prevRune && pairPos%2 == 0 {
					lvl = max(lvl, inPair)
				}
			}
			if joined && lvl >= 0 {
				lvl = levelCluster
			}
			if lvl >= 0 {
				best[lvl] = candidate{i, i}
			}
		}
		if w+rw > width {
			if !started {
				return b.alone(i + size)
			}
			return pick(&best, i)
		}

		// The character fits; note what it starts or continues.
		joinsPrev := started && !single && !afterRun
		if in&flagWord != 0 && !(joinsPrev && prev&flagWord != 0) {
			inWord = levelWord
			if b.wordWider(i) {
				inWord = levelOverwide
			}
		}
		if in&flagPair != 0 {
			if joinsPrev && r == prevRune {
				pairPos++
			} else {
				pairPos = 0
				inPair = levelPair
				if 2*rw > width {
					inPair = levelOverwide
				}
			}
		}
		w += rw
		prev, prevRune, prevNS = in, r, in
		started, single, afterRun, joined = true, false, false, false
		i += size
	}
	return len(s), len(s)
}

// pick ends the line at the best candidate; at i, before the character that
// did not fit, if there is none (which the walk never leaves).
func pick(best *[numLevels]candidate, i int) (end, next int) {
	for _, c := range best {
		if c.end != 0 {
			return c.end, c.next
		}
	}
	return i, i
}

// alone ends a line that holds only the character ending at end, too wide
// for it, together with the zero-width runes after it.
func (b *breaker) alone(end int) (int, int) {
	s := b.s
	for end < len(s) {
		_, size, in := b.decode(end)
		if in&flagGlue == 0 {
			break
		}
		end += size
	}
	if end+1 < len(s) && s[end] == ' ' && s[end+1] != ' ' {
		if _, _, in := b.decode(end + 1); in&flagGlue == 0 {
			return end, end + 1
		}
	}
	return end, end
}

// wordWider reports whether the word that starts at byte i is wider than
// the line.
func (b *breaker) wordWider(i int) bool {
	w := 0
	for i < len(b.s) {
		_, size, in := b.decode(i)
		if in&(flagWord|flagGlue) == 0 {
			return false
		}
		if w += widthOf(in, b.amb); w > b.width {
			return true
		}
		i += size
	}
	return false
}

// nonSpaceBefore returns the info of the rune before the spaces that end at
// byte p, or 0 if only spaces come before.
func (b *breaker) nonSpaceBefore(p int) runeInfo {
	for p > 0 && b.s[p-1] == ' ' {
		p--
	}
	if p == 0 {
		return 0
	}
	r, _ := utf8.DecodeLastRuneInString(b.s[:p])
	return infoOf(b.t, r)
}
