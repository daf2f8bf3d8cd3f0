package parse

import "strings"

// Run-on lines: a line the line model read as headline-like, which the
// story plan (or, on a page with blank lines, the box stage) then kept in a
// story's body as a subhead, is a paragraph of its own there. Often it is
// no subhead but a line of the paragraph beside it: the first line of a
// paragraph that reads like a heading (“社区食堂开到 / 家门口，老人们…”), or
// the short last line of one (…让居民出行更方 / 便). The learned
// paragraph-start score of every line (roles.go), fitted on gold's
// paragraphs, subheads among them, says which: where the line after a
// subhead's paragraph, or the subhead's own line, scores as no paragraph's
// first line, the two are one paragraph.

// joinRunOns joins, in every story, a paragraph made of a headline-like
// line with the paragraph printed next to it, before or after, where the
// learned score of the later one's first line reads it as going on with
// the earlier (starts). The joined paragraph keeps the earlier's index;
// the later's is left out of the story.
func joinRunOns(ps []piece, paras []para, stories []story, starts []float64) {
	// The texts of a paragraph and of those joined to it are joined once,
	// at the end of the run: joined one by one, a long run of lines that
	// go on would be copied over and over (TestJoinRunOnsInLinearMemory).
	var run []string
	end := func(a *para) {
		if len(run) > 1 {
			a.text = joinTexts(run)
		}
		run = run[:0]
	}
	for n := range stories {
		s := &stories[n]
		out := s.paras[:0]
		for _, k := range s.paras {
			if len(out) > 0 && runsOn(ps, &paras[out[len(out)-1]], &paras[k], starts) {
				a, b := &paras[out[len(out)-1]], &paras[k]
				if len(run) == 0 {
					run = append(run, a.text)
				}
				run = append(run, b.text)
				a.last = b.last
				a.mark(b.marks...)
				*b = para{first: b.first, last: b.last}
				continue
			}
			if len(out) > 0 {
				end(&paras[out[len(out)-1]])
			}
			out = append(out, k)
		}
		if len(out) > 0 {
			end(&paras[out[len(out)-1]])
		}
		s.paras = out
	}
}

// joinTexts is the parts joined one after another by joinText, each copied
// once: a space goes where joinText would put one between the text so far
// (whose end is the last part not empty) and the next part.
func joinTexts(parts []string) string {
	var b strings.Builder
	last := ""
	for _, p := range parts {
		if last != "" && spaceBetween(last, p) {
			b.WriteByte(' ')
		}
		b.WriteString(p)
		if p != "" {
			last = p
		}
	}
	return b.String()
}

// runsOn reports whether paragraph b goes on with paragraph a, printed just
// before it: one of them is a headline-like line kept in the body, no
// byline, continuation marker or credit parts them, and b's first line
// scores as no paragraph's first line.
func runsOn(ps []piece, a, b *para, starts []float64) bool {
	if a.byline || b.byline || a.to != nil || b.from != nil || a.text == "" || b.text == "" {
		return false
	}
	if a.last < 0 || b.first < 0 || a.last >= len(ps) || b.first >= len(ps) || nextTextPiece(ps, a.last) != b.first {
		return false
	}
	if ps[a.last].role != roleHead && ps[b.first].role != roleHead {
		return false // two body paragraphs: the reflow parted them
	}
	q := &ps[b.first]
	return !q.leads && !q.bylineOnly && !q.credit && starts[b.first] <= 0
}
