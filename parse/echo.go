package parse

import (
	"iter"
	"math/bits"
	"slices"
	"sync"
	"unicode/utf8"
)

// Echoes: how much of a headline a passage repeats. A story opens by naming
// its subject, so the text after a story's start echoes its headline more
// than the text before; and the paragraphs of one story share more of their
// words than two stories do. Words here are pairs of ideographs, which need
// no dictionary.

// A bigram is a pair of ideographs, packed in one number.
type bigram uint64

// A bigramSet is a sorted list of distinct bigrams.
type bigramSet []bigram

// echoes holds the bigrams of every headline and of the passages around
// every paragraph, made once per page. The passages' sets are asked about
// far more than they are made. The page's bigrams are numbered once, and a
// passage is a bit for each number: a member is found in a step, and two
// passages are compared a word of bits at a time.
type echoes struct {
	dict  *bigramDict
	heads []bigramSet // each headline's
	// headIDs are each headline's bigrams that the paragraphs' passages
	// hold, by number: the others are in no passage.
	headIDs [][]int32
	open    []passage // the opening (openRunes characters) of each paragraph
	prev    []passage // the endRunes characters before each paragraph
	next    []passage // nextSet(j), made on first asking
}

// The characters of a paragraph that echoes reads: its opening, and its
// end, of which the text before a paragraph is made.
const (
	openRunes = 120 // a story's opening names its subject
	endRunes  = 200 // the text before a paragraph: the ends of …
	prevParas = 3   // … up to three paragraphs before it
)

// maxPassageWords bounds the bits of a page's passages, in 64-bit words
// (8 MB): a page that would need more, some thousands of paragraphs of
// varied text, keeps each passage as a sorted list of numbers instead.
const maxPassageWords = 1 << 20

// newEchoes makes the echoes of a page's paragraphs and headlines; memo,
// when not nil, keeps what they read of the paragraphs for the page's
// next echoes.
func newEchoes(memo *echoMemo, paras []para, groups []group) *echoes {
	return newEchoesWithin(memo, paras, groups, maxPassageWords)
}

// An echoMemo keeps what the echoes of a page read of its paragraphs, for
// the next echoes made of the same page: the page's bigram numbers, and
// the numbered bigrams of each paragraph's opening and end, by its text.
// A page is cut into paragraphs twice (before the learned paragraph starts
// and after) and most come out the same.
type echoMemo struct {
	dict  bigramDict
	paras map[string]paraGrams
	slab  []int32 // the numbers of the openings and ends, one after another
	// read says the page's paragraphs were read (dict, paras and slab
	// are the page's); a memo taken from the pool has room, not these.
	read bool
	// bits is room for the passages' bits (passageOf): only room,
	// written before being read.
	bits []uint64
	// units is room for the bits of the sets unitGrams makes, which live
	// as long as the page's units: a slab, taken from the front
	// (unitRoom).
	units []uint64
	// reader keeps its buffers for the next paragraph read, on this page
	// or the next.
	reader gramReader
	// room is the rest of a page's room the memo keeps.
	room pageRoom
}

// A pageRoom is room for what a page's parse works with and drops when it
// is done, kept (in an echoMemo, from the pool) for the next page to write
// over: each is written whole before it is read, and nothing of the page
// that the parse returns points into it.
type pageRoom struct {
	rows   []string // the page's text cut at its line ends (splitLinesInto)
	lines  []line
	pieces []piece
	feats  []lineFacts
	words  []byte // the page's text lines (pageWords)
	// widths is room for the page's column widths (findHeadLinesWith).
	widths widthMemo
	// steps is room for the hand-made assembly's table (assembler.run),
	// every state of which it writes before reading.
	steps []assemblyStep
	// shuffle is room for putting a page drawn shuffled back in order
	// (unshuffleLines).
	shuffle shuffleText
}

// memoPool keeps the echo memos of pages parsed, for their room: a page's
// tables and slabs are most of what a parse allocates, and the next page
// needs the like.
var memoPool = sync.Pool{New: func() any { return new(echoMemo) }}

// newEchoMemo is an empty memo, from the pool.
func newEchoMemo() *echoMemo {
	m := memoPool.Get().(*echoMemo)
	m.read = false
	return m
}

// release gives m back to the pool; nothing may use it after, nor anything
// its echoes made of the page's paragraphs: the sets unitGrams gave the
// page's units are room of m's too (unitRoom), which the next page writes.
func (m *echoMemo) release() {
	if m != nil {
		memoPool.Put(m)
	}
}

// start makes m the memo of a page whose paragraphs' openings and ends take
// about room runes and kept numbers, keeping the room it has.
func (m *echoMemo) start(room, kept int) {
	m.read = true
	m.dict.reset(room / 3) // most pairs are ideographs, half of them new; the table grows if more
	if m.paras == nil {
		m.paras = make(map[string]paraGrams)
	}
	clear(m.paras)
	m.slab = slices.Grow(m.slab[:0], kept)
	m.units = m.units[:0]
}

// startOn starts m (start) as the memo of the page of paras, with room for
// their openings' and ends' runes, about (an ideograph takes three bytes),
// and their numbers.
func (m *echoMemo) startOn(paras []para) {
	room, kept := 0, 0
	for _, p := range paras {
		n := len(p.text) / 3
		room += min(n, openRunes+endRunes)
		kept += min(n, openRunes) + min(n, endRunes)
	}
	m.start(room, kept)
}

// paraGrams is what echoes read of a paragraph: the numbers of its
// opening's bigrams, and its end.
type paraGrams struct {
	open []int32
	end  paraEnd
	// strays says the text holds a byte that is no UTF-8, which clip
	// counts from the end otherwise than from the start.
	strays bool
}

// A paraEnd is the end of a paragraph (its last endRunes characters): the
// number of the bigram each rune makes with the one before it, or -1 where
// they are not two ideographs (and at its first rune); and its first and
// last rune.
type paraEnd struct {
	pair        []int32
	first, last rune
}

// newEchoesWithin makes the echoes of a page, its passages as bits when
// they fit in maxWords words.
func newEchoesWithin(memo *echoMemo, paras []para, groups []group, maxWords int) *echoes {
	e := &echoes{
		heads:   make([]bigramSet, len(groups)),
		headIDs: make([][]int32, len(groups)),
		open:    make([]passage, len(paras)),
		prev:    make([]passage, len(paras)),
		next:    make([]passage, len(paras)),
	}
	if memo == nil {
		memo = new(echoMemo)
	}
	if !memo.read {
		memo.startOn(paras)
	}
	e.dict = &memo.dict
	// Each paragraph's opening and end, read once a page.
	openIDs := make([][]int32, len(paras))
	ends := make([]paraEnd, len(paras))
	rd := &memo.reader
	last := -1 // the last paragraph with an end
	for j := range paras {
		g, ok := memo.paras[paras[j].text]
		if !ok {
			g = rd.read(&memo.dict, &memo.slab, paras[j].text)
			memo.paras[paras[j].text] = g
		}
		openIDs[j], ends[j] = g.open, g.end
		if len(g.end.pair) == 0 {
			continue
		}
		// The text before a paragraph runs on from one end to the next:
		// number the pair they make, for the texts that hold both.
		if last >= 0 && j-last < prevParas && isIdeograph(ends[last].last) && isIdeograph(ends[j].first) {
			e.dict.number(bigram(ends[last].last)<<32 | bigram(ends[j].first))
		}
		last = j
	}
	for i, g := range groups {
		e.heads[i] = bigramsOf(g.kicker + g.title + g.subtitle)
		for _, b := range e.heads[i] {
			if id, ok := e.dict.lookup(b); ok {
				e.headIDs[i] = append(e.headIDs[i], id)
			}
		}
	}
	// With the bigrams counted, the passages.
	words := (e.dict.n + 63) / 64
	var slab []uint64
	if n := 2 * len(paras) * words; n <= maxWords {
		// The memo's room, when the echoes before are done with it.
		if cap(memo.bits) < n {
			memo.bits = make([]uint64, n)
		}
		slab = memo.bits[:n]
		clear(slab)
	}
	var before []int32
	for j := range paras {
		e.open[j] = e.passageOf(&slab, words, openIDs[j])
		before = e.appendBefore(before[:0], ends, j)
		e.prev[j] = e.passageOf(&slab, words, before)
	}
	return e
}

// A gramReader reads the openings and ends of paragraphs, keeping its
// buffers from one to the next.
type gramReader struct {
	rs  []rune
	pid []int32
}

// read decodes the opening and the end of a paragraph's text and numbers
// their bigrams in dict.
func (rd *gramReader) read(dict *bigramDict, slab *[]int32, text string) paraGrams {
	var open, end int // how many runes of rs are the opening, and the end
	var strays bool
	rs := rd.rs[:0]
	if len(text) <= 4*(openRunes+endRunes) {
		rs, strays = appendRunes(rs, text)
		open, end = min(len(rs), openRunes), min(len(rs), endRunes)
	} else {
		rs, _ = appendRunes(rs, clip(text, openRunes, false))
		open = len(rs)
		rs, _ = appendRunes(rs, clip(text, endRunes, true))
		end = len(rs) - open
	}
	rd.rs = rs
	// The number of the pair each rune makes with the one before it, in
	// the opening and the end, or -1.
	pid := slices.Grow(rd.pid[:0], len(rs))[:len(rs)]
	rd.pid = pid
	// Only the opening's runes and the end's are numbered (the middle of a
	// short text's, read whole, is not asked for).
	ids := 0
	if len(rs) > 0 {
		pid[0] = -1
	}
	for k, span := range [2][2]int{{1, open}, {max(open, len(rs)-end+1), len(rs)}} {
		lo, hi := span[0], span[1]
		if lo >= hi {
			continue
		}
		prev := rs[lo-1]
		ideo, out := isIdeograph(prev), pid[lo:hi]
		for i, r := range rs[lo:hi] {
			id := int32(-1)
			now := isIdeograph(r)
			if ideo && now {
				id = dict.number(bigram(prev)<<32 | bigram(r))
				ids += 1 - k
			}
			out[i] = id
			ideo, prev = now, r
		}
	}
	g := paraGrams{strays: strays}
	out := slices.Grow(*slab, ids+end)
	from := len(out)
	for _, id := range pid[:open] {
		if id >= 0 { // the first rune's is -1
			out = append(out, id)
		}
	}
	g.open = out[from:len(out):len(out)]
	if end > 0 {
		// The end's, -1 at its first rune, which has no pair in it.
		from = len(out)
		out = append(append(out, -1), pid[len(rs)-end+1:]...)
		g.end = paraEnd{pair: out[from:len(out):len(out)], first: rs[len(rs)-end], last: rs[len(rs)-1]}
	}
	*slab = out
	return g
}

// appendBefore appends to ids the numbers of the bigrams of the text
// before paragraph j: the last endRunes characters of the ends of the
// paragraphs before it, one after another.
func (e *echoes) appendBefore(ids []int32, ends []paraEnd, j int) []int32 {
	lo, total := max(0, j-prevParas), 0
	for k := lo; k < j; k++ {
		total += len(ends[k].pair)
	}
	start := max(0, total-endRunes) // the first rune of the text
	t := 0                          // the place in the text of the first rune of ends[k]
	var before rune                 // the rune before ends[k]'s first
	for k := lo; k < j; k++ {
		end := &ends[k]
		n := len(end.pair)
		switch {
		case n == 0:
			continue
		case t+n <= start: // the whole end is before the text
			before = end.last
			t += n
			continue
		}
		i := max(0, start+1-t) // the first rune whose pair is in the text
		if i == 0 {
			if isIdeograph(before) && isIdeograph(end.first) {
				id, _ := e.dict.lookup(bigram(before)<<32 | bigram(end.first)) // numbered with the ends
				ids = append(ids, id)
			}
			i = 1
		}
		for _, id := range end.pair[i:] {
			if id >= 0 {
				ids = append(ids, id)
			}
		}
		t += n
		before = end.last
	}
	return ids
}

// appendRunes appends the runes of s to rs, and says whether s holds a
// byte that is no UTF-8 (read as utf8.RuneError).
func appendRunes(rs []rune, s string) (_ []rune, strays bool) {
	n := len(rs)
	rs = slices.Grow(rs, len(s))[:n+len(s)] // no more runes than bytes
	for i := 0; i < len(s); n++ {
		if c := s[i]; c < utf8.RuneSelf {
			rs[n] = rune(c)
			i++
			continue
		}
		if i+2 < len(s) {
			if r, ok := wide3(s[i], s[i+1], s[i+2]); ok { // decodeRune3's, in line
				rs[n] = r
				i += 3
				continue
			}
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		strays = strays || size == 1
		rs[n] = r
		i += size
	}
	return rs[:n], strays
}

// A gramSet is a paragraph unit's opening or end as the plans ask about
// it (storyUnits): its bigrams by the numbers the page's dict gives them,
// as bits, a word for every 64 of the page's bigrams numbered when the
// units were laid out, or, on a page too big for that (maxPassageWords),
// as a sorted list. The plans only ask how many bigrams a set shares with
// a headline's or another's, which the numbers answer as the bigrams
// would: held as bigrams, the sets had to be sorted by bigram, the page's
// bigrams ranked for that, and shared bigrams counted by a walk through
// both sets (on the seed page 1.1 M of 12.2 M instructions a parse, 0.1 M
// as numbers).
type gramSet struct {
	bits []uint64
	ids  []int32 // when bits is nil
	size int     // how many bigrams it holds
	dict *bigramDict
}

// has reports whether g holds b.
func (g *gramSet) has(b bigram) bool {
	if g.size == 0 {
		return false
	}
	id, ok := g.dict.lookup(b)
	return ok && g.hasID(id)
}

// hasID reports whether g holds the bigram numbered id.
func (g *gramSet) hasID(id int32) bool {
	if g.bits == nil {
		_, ok := slices.BinarySearch(g.ids, id)
		return ok
	}
	return uint32(id)/64 < uint32(len(g.bits)) && g.bits[uint32(id)/64]&(1<<(uint32(id)%64)) != 0
}

// commonGrams counts the bigrams a and b share: common of the two sets.
// The sets of one layout are all bits or all lists.
func commonGrams(a, b *gramSet) int {
	if a.size == 0 || b.size == 0 {
		return 0
	}
	n := 0
	if a.bits == nil || b.bits == nil {
		for i, j := 0, 0; i < len(a.ids) && j < len(b.ids); {
			x, y := a.ids[i], b.ids[j]
			n += oneIf(x == y)
			i += oneIf(x <= y)
			j += oneIf(y <= x)
		}
		return n
	}
	for w := range min(len(a.bits), len(b.bits)) {
		n += bits.OnesCount64(a.bits[w] & b.bits[w])
	}
	return n
}

// A headSet is a headline's bigrams as unit sets are asked about them,
// again and again: the numbers of those the page's dict holds (no set
// holds another), and how many there are in all.
type headSet struct {
	ids []int32
	n   int
}

// headSetOf is head's headSet in dict d, which may be nil.
func headSetOf(head bigramSet, d *bigramDict) headSet {
	h := headSet{n: len(head)}
	if d == nil {
		return h
	}
	for _, b := range head {
		if id, ok := d.lookup(b); ok {
			h.ids = append(h.ids, id)
		}
	}
	return h
}

// echo is the share of a headline's bigrams that g holds: echo(head, g)
// of sets of bigrams.
func (g *gramSet) echo(h headSet) float64 {
	if h.n == 0 || g.size == 0 {
		return 0
	}
	n := 0
	if bits := g.bits; bits != nil {
		for _, id := range h.ids { // hasID's test, in line
			if w := uint32(id) / 64; w < uint32(len(bits)) {
				n += int(bits[w] >> (uint32(id) % 64) & 1)
			}
		}
	} else {
		for _, id := range h.ids {
			n += oneIf(g.hasID(id))
		}
	}
	return float64(n) / float64(h.n)
}

// echoIn is echo(head, body) of a unit's set, asked once.
func echoIn(head bigramSet, body *gramSet) float64 {
	if len(head) == 0 || body.size == 0 {
		return 0
	}
	return body.echo(headSetOf(head, body.dict))
}

// unitsDict is the dict the paragraph units' sets are numbered in, nil
// when none has a set.
func unitsDict(us []unit) *bigramDict {
	for k := range us {
		if d := us[k].grams.dict; d != nil {
			return d
		}
	}
	return nil
}

// unitGrams are the sets of the openings (openRunes characters) and the
// ends (endRunes) of the paragraphs, as openingAndEnd reads them, numbered
// in m's dict: from the numbers the page's echoes read of a paragraph of
// the same text, else read now and kept for the page's next echoes. A text
// with a stray byte, which clip counts from the end otherwise than from
// the start, has its sets read by openingAndEnd. m may be nil. The sets'
// bits are room of m's (unitRoom).
func (m *echoMemo) unitGrams(paras []para) (open, end []gramSet) {
	return m.unitGramsWithin(paras, maxPassageWords)
}

// unitGramsWithin is unitGrams, the sets as bits when they fit in maxWords
// words.
func (m *echoMemo) unitGramsWithin(paras []para, maxWords int) (open, end []gramSet) {
	if m == nil {
		m = new(echoMemo)
	}
	if !m.read {
		m.startOn(paras)
	}
	// The numbers first: a text read now may number bigrams new to the
	// page, and every set then has a word for each.
	ids := make([][2][]int32, len(paras))
	rd := &m.reader
	for j := range paras {
		t := paras[j].text
		g, ok := m.paras[t]
		if !ok {
			g = rd.read(&m.dict, &m.slab, t)
			m.paras[t] = g
		}
		if !g.strays {
			ids[j] = [2][]int32{g.open, g.end.pair}
			continue
		}
		o, e := openingAndEnd(t, openRunes, endRunes)
		for k, set := range [2]bigramSet{o, e} {
			ids[j][k] = make([]int32, len(set))
			for i, b := range set {
				ids[j][k][i] = m.dict.number(b)
			}
		}
	}
	open, end = make([]gramSet, len(paras)), make([]gramSet, len(paras))
	words := (m.dict.n + 63) / 64
	var room []uint64
	if n := 2 * len(paras) * words; n <= maxWords {
		room = m.unitRoom(n)
	}
	for j := range paras {
		for k, out := range [2]*gramSet{&open[j], &end[j]} {
			out.dict = &m.dict
			if room == nil {
				out.ids = slices.Compact(slices.Sorted(func(yield func(int32) bool) {
					for _, id := range ids[j][k] {
						if id >= 0 && !yield(id) { // an end's first rune has no pair: -1
							return
						}
					}
				}))
				out.size = len(out.ids)
				continue
			}
			out.bits, room = room[:words:words], room[words:]
			for _, id := range ids[j][k] {
				if id >= 0 {
					w, bit := &out.bits[uint32(id)/64], uint64(1)<<(uint32(id)%64)
					out.size += oneIf(*w&bit == 0) // a bigram the set holds once
					*w |= bit
				}
			}
		}
	}
	return open, end
}

// unitRoom is n words of room, cleared, from the front of m.units, which a
// new slab replaces when it is too short: the sets unitGrams makes live as
// long as the page's units.
func (m *echoMemo) unitRoom(n int) []uint64 {
	if cap(m.units)-len(m.units) < n {
		m.units = make([]uint64, 0, max(n, 2*cap(m.units), 1024))
	}
	k := len(m.units)
	m.units = m.units[:k+n]
	clear(m.units[k:])
	return m.units[k : k+n : k+n]
}

// A passage is the set of bigrams of a stretch of text, by their numbers:
// a bit for each of the page's bigrams or, on a page too big for that, a
// sorted list.
type passage struct {
	bits []uint64
	ids  []int32 // when bits is nil
	size int     // how many bigrams it holds
	dict *bigramDict
}

// passageOf makes the passage of the bigrams numbered ids: its bits taken
// from the front of slab, words of them, or, when slab is nil, the list.
func (e *echoes) passageOf(slab *[]uint64, words int, ids []int32) passage {
	p := passage{dict: e.dict}
	if *slab == nil {
		p.ids = slices.Compact(slices.Sorted(slices.Values(ids)))
		p.size = len(p.ids)
		return p
	}
	p.bits, *slab = (*slab)[:words:words], (*slab)[words:]
	for _, id := range ids {
		p.bits[uint32(id)/64] |= 1 << (uint32(id) % 64) // numbers are never negative
	}
	for _, w := range p.bits {
		p.size += bits.OnesCount64(w)
	}
	return p
}

func (p *passage) hasID(id int32) bool {
	if p.bits == nil {
		_, ok := slices.BinarySearch(p.ids, id)
		return ok
	}
	// A number given after the passage was made (a paragraph read by
	// unitGrams) is in none of its words.
	return uint32(id)/64 < uint32(len(p.bits)) && p.bits[uint32(id)/64]&(1<<(uint32(id)%64)) != 0
}

func (p passage) has(b bigram) bool {
	id, ok := p.dict.lookup(b)
	return ok && p.hasID(id)
}

// common counts the bigrams two passages share.
func (p *passage) common(q *passage) int {
	if p.bits == nil || q.bits == nil {
		return len(p.ids) + len(q.ids) - len(unionIDs(p.ids, q.ids))
	}
	n := 0
	for w := range p.bits {
		n += bits.OnesCount64(p.bits[w] & q.bits[w])
	}
	return n
}

// unionIDs is the sorted union of two sorted lists.
func unionIDs(a, b []int32) []int32 {
	out := make([]int32, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		switch {
		case a[0] < b[0]:
			out, a = append(out, a[0]), a[1:]
		case a[0] > b[0]:
			out, b = append(out, b[0]), b[1:]
		default:
			out, a, b = append(out, a[0]), a[1:], b[1:]
		}
	}
	return append(append(out, a...), b...)
}

// nextSet is the opening of paragraphs j and j+1 together.
func (e *echoes) nextSet(j int) *passage {
	switch {
	case j >= len(e.open):
		return &passage{}
	case j+1 >= len(e.open):
		return &e.open[j]
	}
	if n := &e.next[j]; n.dict == nil {
		a, b := &e.open[j], &e.open[j+1]
		n.dict = e.dict
		if a.bits == nil {
			n.ids = unionIDs(a.ids, b.ids)
			n.size = len(n.ids)
		} else {
			n.bits = make([]uint64, len(a.bits))
			for w := range a.bits {
				n.bits[w] = a.bits[w] | b.bits[w]
				n.size += bits.OnesCount64(n.bits[w])
			}
		}
	}
	return &e.next[j]
}

// shift is how much more the text from paragraph j on echoes headline g
// than the text before it.
func (e *echoes) shift(g, j int) float64 {
	if j <= 0 || j >= len(e.open) {
		return 0
	}
	return e.opening(g, j) - e.share(g, &e.prev[j])
}

// opening is how much the opening of a story starting at paragraph j
// echoes headline g. A story may open with a scene and name its subject
// only in its second paragraph, which counts a little less.
func (e *echoes) opening(g, j int) float64 {
	v := e.share(g, &e.open[j])
	if j+1 < len(e.open) {
		v = max(v, 0.6*e.share(g, &e.open[j+1]))
	}
	return v
}

// A bigramLookup is a set of bigrams that can be asked whether it holds one.
type bigramLookup interface {
	has(b bigram) bool
}

// share is the part of headline g's bigrams found in set.
func (e *echoes) share(g int, set bigramLookup) float64 {
	if len(e.heads[g]) == 0 {
		return 0
	}
	return float64(e.found(g, set)) / float64(len(e.heads[g]))
}

// found counts headline g's bigrams found in set.
func (e *echoes) found(g int, set bigramLookup) int {
	switch p := set.(type) {
	case *passage:
		return e.foundIn(g, p)
	case passage:
		return e.foundIn(g, &p)
	}
	n := 0
	for _, b := range e.heads[g] {
		if set.has(b) {
			n++
		}
	}
	return n
}

// foundIn counts headline g's bigrams found in passage p, by number.
func (e *echoes) foundIn(g int, p *passage) int {
	if p.size == 0 {
		return 0
	}
	n := 0
	if p.bits == nil {
		for _, id := range e.headIDs[g] {
			if p.hasID(id) {
				n++
			}
		}
		return n
	}
	for _, id := range e.headIDs[g] {
		n += int(p.bits[uint32(id)/64] >> (uint32(id) % 64) & 1)
	}
	return n
}

// parting measures how little the text before paragraph end (exclusive)
// and the text from paragraph start on share: +1 when they share no bigram,
// 0 at the sharing usual between two stories' paragraphs and within one,
// −1 when they share much, as one story's paragraphs do.
func (e *echoes) parting(end, start int) float64 {
	if end <= 0 || start >= len(e.open) || end >= len(e.prev) {
		return 0
	}
	before := &e.prev[end]
	var shared, size int // what before and the text from start on share, and that text's size
	if a := &e.open[start]; before.bits != nil && a.bits != nil && start+1 < len(e.open) && e.next[start].dict == nil {
		// The opening of start and start+1, counted as it is read, not
		// kept: most next sets are asked for here once.
		b := &e.open[start+1]
		for w := range a.bits {
			u := a.bits[w] | b.bits[w]
			size += bits.OnesCount64(u)
			shared += bits.OnesCount64(before.bits[w] & u)
		}
	} else {
		after := e.nextSet(start)
		size, shared = after.size, before.common(after)
	}
	if before.size == 0 || size == 0 {
		return 0
	}
	c := float64(shared) / float64(min(before.size, size))
	return max(-1, min(1, (0.1-c)/0.1))
}

// A bigramDict numbers the bigrams of a page, 0, 1, 2 … in the order first
// met. It is a hash table, open addressing, that grows as it fills; a pair
// of runes of the Basic Multilingual Plane, as nearly every pair is, takes
// four bytes in it, so that the table stays small.
type bigramDict struct {
	slots []dictSlot       // a power of two of them
	wide  map[bigram]int32 // the pairs with a rune past U+FFFF
	n     int              // bigrams numbered
}

// A dictSlot holds a pair of BMP runes, packed, and its number; a pair of
// 0, which no pair of ideographs is, marks it empty.
type dictSlot struct {
	pair uint32
	id   int32
}

// reset empties d for about n bigrams, keeping its table when that is
// big enough and not many times too big. The numbers d gives do not hang
// on the table's size.
func (d *bigramDict) reset(n int) {
	size := 64
	for size < 2*n {
		size *= 2
	}
	if len(d.slots) < size || len(d.slots) > 8*size {
		d.slots = make([]dictSlot, size)
	} else {
		clear(d.slots)
	}
	d.wide, d.n = nil, 0
}

// packed is b's two runes in four bytes, when both are in the BMP.
func packed(b bigram) (uint32, bool) {
	if b>>32 > 0xFFFF || b&0xFFFFFFFF > 0xFFFF {
		return 0, false
	}
	return uint32(b>>32)<<16 | uint32(b&0xFFFF), true
}

// at is where a packed pair's search starts in the table.
func (d *bigramDict) at(pair uint32) int {
	return int(uint64(pair) * 0x9E3779B97F4A7C15 >> 32 & uint64(len(d.slots)-1))
}

// lookup finds b's number.
func (d *bigramDict) lookup(b bigram) (int32, bool) {
	pair, ok := packed(b)
	if !ok {
		id, ok := d.wide[b]
		return id, ok
	}
	for i := d.at(pair); ; i = (i + 1) & (len(d.slots) - 1) {
		switch d.slots[i].pair {
		case 0:
			return 0, false
		case pair:
			return d.slots[i].id, true
		}
	}
}

// number is b's number, given it when b is new.
func (d *bigramDict) number(b bigram) int32 {
	pair, ok := packed(b)
	if !ok {
		if id, ok := d.wide[b]; ok {
			return id
		}
		if d.wide == nil {
			d.wide = make(map[bigram]int32)
		}
		d.wide[b] = int32(d.n)
		d.n++
		return d.wide[b]
	}
	for i := d.at(pair); ; i = (i + 1) & (len(d.slots) - 1) {
		switch d.slots[i].pair {
		case 0:
			if 2*(d.n-len(d.wide)+1) > len(d.slots) {
				d.grow()
				return d.number(b)
			}
			d.slots[i] = dictSlot{pair, int32(d.n)}
			d.n++
			return d.slots[i].id
		case pair:
			return d.slots[i].id
		}
	}
}

// grow doubles the table.
func (d *bigramDict) grow() {
	old := d.slots
	d.slots = make([]dictSlot, 2*len(old))
	for _, s := range old {
		if s.pair == 0 {
			continue
		}
		i := d.at(s.pair)
		for d.slots[i].pair != 0 {
			i = (i + 1) & (len(d.slots) - 1)
		}
		d.slots[i] = s
	}
}

// has reports whether the sorted set holds b.
func (s bigramSet) has(b bigram) bool {
	_, ok := slices.BinarySearch(s, b)
	return ok
}

// bigramsOf returns the set of ideograph pairs in s.
func bigramsOf(s string) bigramSet {
	out := make(bigramSet, 0, len(s)/3) // an ideograph is three bytes
	for b := range pairsIn(s) {
		out = append(out, b)
	}
	return sortSet(out)
}

// pairsIn yields every pair of ideographs that stand side by side in s,
// in order, as the one bigram of both.
func pairsIn(s string) iter.Seq[bigram] {
	return func(yield func(bigram) bool) {
		prev, ideo := rune(0), false
		for i := 0; i < len(s); {
			r, ok := rune(0), false
			if i+2 < len(s) {
				r, ok = wide3(s[i], s[i+1], s[i+2]) // decodeRune3's, in line
			}
			if ok {
				i += 3
			} else {
				var n int
				r, n = utf8.DecodeRuneInString(s[i:])
				i += n
			}
			now := isIdeograph(r)
			if now && ideo && !yield(bigram(prev)<<32|bigram(r)) {
				return
			}
			prev, ideo = r, now
		}
	}
}

// openingAndEnd are the bigram sets of the first open and the last end
// runes of s: bigramsOf(clip(s, open, false)) and bigramsOf(clip(s, end,
// true)). On a text short enough that the two overlap, s is read once and
// the pairs that both hold are sorted once; a longer text is read only at
// its two ends.
func openingAndEnd(s string, open, end int) (bigramSet, bigramSet) {
	if len(s) > 4*(open+end) { // more runes than both: they cannot overlap
		return bigramsOf(clip(s, open, false)), bigramsOf(clip(s, end, true))
	}
	// Pair i is the runes i-1 and i. The opening holds the pairs before
	// g, the end those from e on (its first rune starts no pair); where
	// e < g, in order of i, those before e are the opening's alone, those
	// from g on the end's alone, and those between both's.
	n := runeLen(s)
	g, e := min(n, open), max(0, n-end)+1
	pairs := make(bigramSet, 0, min(n, open+end))
	cg, ce := -1, -1 // how many pairs before g, and before e
	prev, ideo := rune(0), false
	for i, t := 0, s; len(t) > 0; i++ {
		if i == g {
			cg = len(pairs)
		}
		if i == e {
			ce = len(pairs)
		}
		r, size := decodeRune3(t)
		if size == 1 && r == utf8.RuneError {
			// clip counts a stray byte back and forth alike only in
			// valid text.
			return bigramsOf(clip(s, open, false)), bigramsOf(clip(s, end, true))
		}
		t = t[size:]
		now := isIdeograph(r)
		if now && ideo && (i < g || i >= e) {
			pairs = append(pairs, bigram(prev)<<32|bigram(r))
		}
		prev, ideo = r, now
	}
	if cg < 0 {
		cg = len(pairs)
	}
	if ce < 0 {
		ce = len(pairs)
	}
	if g <= e {
		return sortSet(pairs[:cg:cg]), sortSet(pairs[ce:])
	}
	a, b, c := sortSet(pairs[:ce:ce]), sortSet(pairs[ce:cg:cg]), sortSet(pairs[cg:])
	opening, ending := b, b
	var out bigramSet // room for both unions
	if len(a) > 0 || len(c) > 0 {
		out = make(bigramSet, 0, len(a)+len(b)+len(b)+len(c))
	}
	if len(a) > 0 {
		opening = mergeSets(out, a, b)
		out = out[len(opening):len(opening)]
	}
	if len(c) > 0 {
		ending = mergeSets(out, b, c)
	}
	return opening, ending
}

// sortSet sorts s and drops its repeats. The sets of a page are mostly
// short (a paragraph's opening or end): those are sorted by insertion,
// which there takes about a quarter less time than slices.Sort.
func sortSet(s bigramSet) bigramSet {
	if len(s) > shortSet {
		slices.Sort(s)
		return slices.Compact(s)
	}
	for i := 1; i < len(s); i++ {
		v, j := s[i], i
		for ; j > 0 && s[j-1] > v; j-- {
			s[j] = s[j-1]
		}
		s[j] = v
	}
	return slices.Compact(s)
}

// shortSet is the longest set that sortSet sorts by insertion.
const shortSet = 96

// common counts the bigrams two sets share.
func common(a, b bigramSet) int {
	n, i, j := 0, 0, 0
	if len(a) <= 4*len(b) && len(b) <= 4*len(a) {
		// Two sets of like size: the walk steps past the smaller of the
		// two, or both when they are equal, with no branch on which, for
		// their order follows no pattern a processor could predict.
		for i < len(a) && j < len(b) {
			x, y := a[i], b[j]
			n += oneIf(x == y)
			i += oneIf(x <= y)
			j += oneIf(y <= x)
		}
		return n
	}
	// A few in many (a headline's bigrams in a passage's): the walk mostly
	// steps through the many, as a processor predicts.
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return n
}

// oneIf is 1 when b holds, else 0; compiled without a branch.
func oneIf(b bool) int {
	if b {
		return 1
	}
	return 0
}

// clip keeps the first (or, with tail, the last) n runes of s.
func clip(s string, n int, tail bool) string {
	if len(s) <= n { // fewer bytes than n: fewer runes too
		return s
	}
	if !tail {
		i := 0
		for k := 0; k < n && i < len(s); k++ {
			_, size := decodeRune3(s[i:]) // utf8's, with an ideograph's in line
			i += size
		}
		return s[:i]
	}
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i := len(s)
	for k := 0; k < n; k++ {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:]
}
