package parse

import (
	"slices"
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
// far more than they are made: they are tables, each member found in a step.
type echoes struct {
	heads []bigramSet   // each headline's
	open  []bigramTable // the opening (120 characters) of each paragraph
	prev  []bigramTable // the 200 characters before each paragraph
	// nextLen[j] is how many bigrams the openings of paragraphs j and j+1
	// hold together (nextSet(j)), or -1 until it is asked.
	nextLen []int
}

func newEchoes(paras []para, groups []group) *echoes {
	e := &echoes{
		heads:   make([]bigramSet, len(groups)),
		open:    make([]bigramTable, len(paras)),
		prev:    make([]bigramTable, len(paras)),
		nextLen: make([]int, len(paras)),
	}
	for i, g := range groups {
		e.heads[i] = bigramsOf(g.kicker + g.title + g.subtitle)
	}
	// The 200 characters before paragraph j: the ends of the three
	// paragraphs before it, each cut to its last 200 characters and
	// decoded once, into one buffer.
	ends := make([][]rune, len(paras))
	room := 0
	for _, p := range paras {
		room += min(len(p.text), 200) // a rune takes a byte or more
	}
	endRunes := make([]rune, 0, room)
	var t tableMaker
	for j, p := range paras {
		e.open[j] = t.make(appendRunes(t.runes[:0], clip(p.text, 120, false)))
		at := len(endRunes)
		endRunes = appendRunes(endRunes, clip(p.text, 200, true))
		ends[j] = endRunes[at:]
		e.nextLen[j] = -1
	}
	for j := range paras {
		buf := t.runes[:0]
		for k := max(0, j-3); k < j; k++ {
			buf = append(buf, ends[k]...)
		}
		e.prev[j] = t.make(buf[max(0, len(buf)-200):])
		t.runes = buf // buf keeps its room for the next
	}
	return e
}

// appendRunes appends the runes of s to rs.
func appendRunes(rs []rune, s string) []rune {
	for _, r := range s {
		rs = append(rs, r)
	}
	return rs
}

// nextSet is the opening of paragraphs j and j+1 together: the two tables
// asked as one.
func (e *echoes) nextSet(j int) tablePair {
	switch {
	case j >= len(e.open):
		return tablePair{&bigramTable{}, &bigramTable{}}
	case j+1 >= len(e.open):
		return tablePair{&e.open[j], &bigramTable{}}
	}
	return tablePair{&e.open[j], &e.open[j+1]}
}

// nextSize is how many bigrams nextSet(j) holds.
func (e *echoes) nextSize(j int) int {
	if j >= len(e.open) {
		return 0
	}
	if e.nextLen[j] < 0 {
		e.nextLen[j] = e.nextSet(j).size()
	}
	return e.nextLen[j]
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
	n := 0
	for _, b := range e.heads[g] {
		if set.has(b) {
			n++
		}
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
	before, after := &e.prev[end], e.nextSet(start)
	n := e.nextSize(start)
	if len(before.list) == 0 || n == 0 {
		return 0
	}
	shared := 0
	for _, x := range before.list {
		if after.has(x) {
			shared++
		}
	}
	c := float64(shared) / float64(min(len(before.list), n))
	return max(-1, min(1, (0.1-c)/0.1))
}

// A tablePair is the union of two tables, asked without being made.
type tablePair struct{ a, b *bigramTable }

func (p tablePair) has(x bigram) bool { return p.a.has(x) || p.b.has(x) }

// size is how many bigrams the pair holds together.
func (p tablePair) size() int {
	n := len(p.a.list)
	for _, x := range p.b.list {
		if !p.a.has(x) {
			n++
		}
	}
	return n
}

// A bigramTable is a set of bigrams kept by hash, open addressing: each
// member is found in a step or two, where a sorted set takes a search.
type bigramTable struct {
	list []bigram // the members, each once
	slot []bigram // a power of two of slots; 0, which no bigram is, is empty
}

// newTable makes room for up to n members.
func newTable(n int) bigramTable {
	size := 8
	for size < 2*n {
		size *= 2
	}
	buf := make([]bigram, n+size)
	return bigramTable{list: buf[:0:n], slot: buf[n:]}
}

// at is where b's search starts in the table.
func (t bigramTable) at(b bigram) int {
	return int(uint64(b) * 0x9E3779B97F4A7C15 >> 32 & uint64(len(t.slot)-1))
}

func (t *bigramTable) add(b bigram) {
	for i := t.at(b); ; i = (i + 1) & (len(t.slot) - 1) {
		switch t.slot[i] {
		case 0:
			t.slot[i] = b
			t.list = append(t.list, b)
			return
		case b:
			return
		}
	}
}

func (t bigramTable) has(b bigram) bool {
	if len(t.list) == 0 {
		return false
	}
	for i := t.at(b); ; i = (i + 1) & (len(t.slot) - 1) {
		switch t.slot[i] {
		case 0:
			return false
		case b:
			return true
		}
	}
}

// A tableMaker makes the tables of ideograph pairs in runs of runes; its
// buffers serve table after table.
type tableMaker struct {
	runes []rune   // the caller's buffer of runes
	pairs []bigram // the pairs of the run being made
}

// make is the table of the ideograph pairs in rs.
func (m *tableMaker) make(rs []rune) bigramTable {
	m.pairs = m.pairs[:0]
	for i := 1; i < len(rs); i++ {
		if isIdeograph(rs[i-1]) && isIdeograph(rs[i]) {
			m.pairs = append(m.pairs, bigram(rs[i-1])<<32|bigram(rs[i]))
		}
	}
	t := newTable(len(m.pairs))
	for _, b := range m.pairs {
		t.add(b)
	}
	return t
}

// has reports whether the sorted set holds b.
func (s bigramSet) has(b bigram) bool {
	_, ok := slices.BinarySearch(s, b)
	return ok
}

// bigramsOf returns the set of ideograph pairs in s.
func bigramsOf(s string) bigramSet {
	out := make(bigramSet, 0, len(s)/3) // an ideograph is three bytes
	prev := rune(0)
	for len(s) > 0 {
		r, n := utf8.DecodeRuneInString(s)
		s = s[n:]
		if isIdeograph(r) && isIdeograph(prev) {
			out = append(out, bigram(prev)<<32|bigram(r))
		}
		prev = r
	}
	return sortSet(out)
}

func sortSet(s bigramSet) bigramSet {
	slices.Sort(s)
	return slices.Compact(s)
}

// common counts the bigrams two sets share.
func common(a, b bigramSet) int {
	n, i, j := 0, 0, 0
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

// clip keeps the first (or, with tail, the last) n runes of s.
func clip(s string, n int, tail bool) string {
	if len(s) <= n { // fewer bytes than n: fewer runes too
		return s
	}
	if !tail {
		i := 0
		for k := 0; k < n && i < len(s); k++ {
			_, size := utf8.DecodeRuneInString(s[i:])
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
