package parse

// Rejoining: an extractor that reads a page box by box (pdfminer) may print
// the first part of a story, then another story, then the rest of the
// first. The first part then ends in the middle of a sentence, on a full
// line, just before a headline; the rest starts in the middle of one, on a
// full, unindented line, just after a headline. rejoin puts the parts back
// together: the first part moves down to meet the rest, beside the headline
// that stands before the rest.

// rejoin returns the paragraphs and items with broken stories rejoined,
// renumbered in their new order.
func rejoin(ps []piece, paras []para, groups []group, items []item) ([]para, []item) {
	moved := false
	for k := 0; k < len(items); k++ {
		if items[k].kind != itPara || !opensOut(ps, &paras[items[k].para]) {
			continue
		}
		if k+1 >= len(items) || items[k+1].kind == itPara {
			continue // the story goes on here
		}
		b := continuationAfter(ps, paras, items, k+1)
		if b < 0 {
			continue
		}
		// The run of paragraphs that ends at item k: back to its start.
		s := k
		for s > 0 && items[s-1].kind == itPara && !paras[items[s].para].hard {
			s--
		}
		if items[b-1].kind == itCand {
			// A doubtful line before the rest of a broken story is its
			// headline, printed beside the rest.
			items[b-1].kind = itGroup
		}
		run := append([]item(nil), items[s:k+1]...)
		pa, pb := run[len(run)-1].para, items[b].para
		paras[pb].text = joinText(paras[pa].text, paras[pb].text)
		paras[pb].hard = paras[pa].hard && len(run) == 1
		paras[pb].first = paras[pa].first
		marks := append(append([]marker(nil), paras[pa].marks...), paras[pb].marks...)
		paras[pb].marks, paras[pb].from, paras[pb].to = nil, nil, nil
		paras[pb].mark(marks...)
		run = run[:len(run)-1]
		// items without [s, k], with the run put back just before b.
		var out []item
		out = append(out, items[:s]...)
		out = append(out, items[k+1:b]...)
		out = append(out, run...)
		out = append(out, items[b:]...)
		items = out
		moved = true
		k = s - 1
	}
	if !moved {
		return paras, items
	}
	return renumber(paras, groups, items), items
}

// renumber renumbers the paragraphs in the items' order, and the headlines'
// places, after items moved; it returns the paragraphs in their new order.
func renumber(paras []para, groups []group, items []item) []para {
	var out []para
	for k := range items {
		switch items[k].kind {
		case itPara, itCand:
			if items[k].kind == itCand {
				groups[items[k].group].gap = len(out)
			}
			out = append(out, paras[items[k].para])
			items[k].para = len(out) - 1
		case itGroup:
			groups[items[k].group].gap = len(out)
		}
	}
	return out
}

// opensOut reports whether paragraph p breaks off in mid-sentence on a full
// line: its text goes on somewhere else.
func opensOut(ps []piece, p *para) bool {
	if p.byline || p.to != nil || p.text == "" {
		return false
	}
	r := lastRune(p.text)
	if closesSentence(r) || r == '，' || r == '、' || r == '—' {
		return false
	}
	last := &ps[p.last]
	return last.full(0)
}

// continuationAfter finds, from item k on, the first paragraph that stands
// right after a headline (or a doubtful line) and begins in mid-sentence: a full line that is
// not indented, opens with no byline, marker, bracket or quote. It returns
// the item's index, or -1.
func continuationAfter(ps []piece, paras []para, items []item, k int) int {
	for ; k < len(items); k++ {
		if items[k].kind != itPara || k == 0 || items[k-1].kind == itPara {
			continue
		}
		p := &paras[items[k].para]
		if p.byline || p.from != nil {
			continue
		}
		first := &ps[p.first]
		if first.leads || opensPair(firstRune(first.text)) || sectionHead.MatchString(first.text) {
			continue
		}
		if first.spaced || first.em >= first.width.here-1.25 {
			return k
		}
	}
	return -1
}

// joinText joins two parts of one paragraph.
func joinText(a, b string) string {
	if spaceBetween(a, b) {
		return a + " " + b
	}
	return a + b
}

// spaceBetween reports whether joinText puts a space between a and b: two
// words of Latin letters.
func spaceBetween(a, b string) bool {
	return isLatin(lastRune(a)) && !isDigit(lastRune(a)) && isLatin(firstRune(b)) && !isDigit(firstRune(b))
}
