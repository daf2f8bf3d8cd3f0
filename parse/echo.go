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
// every paragraph, made once per page.
type echoes struct {
	heads []bigramSet // each headline's
	open  []bigramSet // the opening (120 characters) of each paragraph
	prev  []bigramSet // the 200 characters before each paragraph
	next  []bigramSet // nextSet(j), made on first asking
}

func newEchoes(paras []para, groups []group) *echoes {
	e := &echoes{
		heads: make([]bigramSet, len(groups)),
		open:  make([]bigramSet, len(paras)),
		prev:  make([]bigramSet, len(paras)),
		next:  make([]bigramSet, len(paras)),
	}
	for i, g := range groups {
		e.heads[i] = bigramsOf(g.kicker + g.title + g.subtitle)
	}
	// The 200 characters before paragraph j: the ends of the three
	// paragraphs before it, each cut to its last 200 characters once.
	ends := make([]string, len(paras))
	for j, p := range paras {
		e.open[j] = bigramsOf(clip(p.text, 120, false))
		ends[j] = clip(p.text, 200, true)
	}
	buf := make([]rune, 0, 600)
	for j := range paras {
		buf = buf[:0]
		for k := max(0, j-3); k < j; k++ {
			for _, r := range ends[k] {
				buf = append(buf, r)
			}
		}
		tail := buf // the last 200 of them, buf keeping its room
		if len(tail) > 200 {
			tail = tail[len(tail)-200:]
		}
		e.prev[j] = runeBigrams(tail)
	}
	return e
}

// nextSet is the opening of paragraphs j and j+1 together.
func (e *echoes) nextSet(j int) bigramSet {
	if j >= len(e.open) {
		return nil
	}
	if j+1 >= len(e.open) {
		return e.open[j]
	}
	if e.next[j] == nil {
		e.next[j] = union(e.open[j], e.open[j+1])
	}
	return e.next[j]
}

// shift is how much more the text from paragraph j on echoes headline g
// than the text before it.
func (e *echoes) shift(g, j int) float64 {
	if j <= 0 || j >= len(e.open) {
		return 0
	}
	return e.opening(g, j) - e.share(g, e.prev[j])
}

// opening is how much the opening of a story starting at paragraph j
// echoes headline g. A story may open with a scene and name its subject
// only in its second paragraph, which counts a little less.
func (e *echoes) opening(g, j int) float64 {
	v := e.share(g, e.open[j])
	if j+1 < len(e.open) {
		v = max(v, 0.6*e.share(g, e.open[j+1]))
	}
	return v
}

// share is the part of headline g's bigrams found in set.
func (e *echoes) share(g int, set bigramSet) float64 {
	if len(e.heads[g]) == 0 {
		return 0
	}
	return float64(e.found(g, set)) / float64(len(e.heads[g]))
}

// found counts headline g's bigrams found in set.
func (e *echoes) found(g int, set bigramSet) int {
	n := 0
	for _, b := range e.heads[g] {
		if _, ok := slices.BinarySearch(set, b); ok {
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
	before, after := e.prev[end], e.nextSet(start)
	if len(before) == 0 || len(after) == 0 {
		return 0
	}
	c := float64(common(before, after)) / float64(min(len(before), len(after)))
	return max(-1, min(1, (0.1-c)/0.1))
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

func runeBigrams(rs []rune) bigramSet {
	out := make(bigramSet, 0, len(rs))
	for i := 1; i < len(rs); i++ {
		if isIdeograph(rs[i-1]) && isIdeograph(rs[i]) {
			out = append(out, bigram(rs[i-1])<<32|bigram(rs[i]))
		}
	}
	return sortSet(out)
}

func sortSet(s bigramSet) bigramSet {
	slices.Sort(s)
	return slices.Compact(s)
}

// union merges two sets.
func union(a, b bigramSet) bigramSet {
	out := make(bigramSet, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			out = append(out, a[i])
			i++
		case a[i] > b[j]:
			out = append(out, b[j])
			j++
		default:
			out = append(out, a[i])
			i++
			j++
		}
	}
	out = append(out, a[i:]...)
	return append(out, b[j:]...)
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
	count := utf8.RuneCountInString(s)
	if count <= n {
		return s
	}
	if tail {
		i := len(s)
		for k := 0; k < n; k++ {
			_, size := utf8.DecodeLastRuneInString(s[:i])
			i -= size
		}
		return s[i:]
	}
	i := 0
	for k := 0; k < n; k++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}
