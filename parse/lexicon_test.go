package parse

import (
	"strings"
	"testing"
)

func TestSpanBand(t *testing.T) {
	cases := []struct {
		before, after string
		spans         bool
	}{
		{"我们明天一起去北", "京看望老朋友", true},   // 北京
		{"我们明天一起去", "北京看望老朋友", false},  // the break falls between words
		{"会议讨论了经济发", "展的新局面吗", true},   // 发展
		{"会议讨论了经济发", "  展的新局面吗", true}, // leading spaces are no word's end
		{"会议讨论了经济发。", "展的新局面吗", false}, // a mark ends the word
		{"会议讨论了经济发", "3展的新局面吗", false}, // so does a digit
		{"", "展的新局面吗", false},
		{"经济发", "", false},
	}
	for _, c := range cases {
		if got := spanBand(c.before, c.after) > 0; got != c.spans {
			t.Errorf("spanBand(%q, %q) > 0 = %v, want %v", c.before, c.after, got, c.spans)
		}
	}
	// A more common word ranks higher: both pairs are words, 发展 far the
	// more common in the dictionary.
	if a, b := spanBand("发", "展"), spanBand("砥", "砺"); a <= b {
		t.Errorf("spanBand: 发展 band %d, 砥砺 band %d; want the first higher", a, b)
	}
}

func TestLexKeysDistinct(t *testing.T) {
	seen := map[uint64]string{}
	for _, words := range lexiconBands {
		for w := range strings.FieldsSeq(words) {
			rs := []rune(w)
			if len(rs) < 2 || len(rs) > 4 {
				t.Fatalf("lexicon word %q: %d ideographs", w, len(rs))
			}
			k := lexKey(rs)
			if o, ok := seen[k]; ok {
				t.Fatalf("lexicon words %q and %q share key %x", o, w, k)
			}
			seen[k] = w
		}
	}
	if len(seen) < 50000 {
		t.Errorf("lexicon holds %d words; the generator kept 70 k", len(seen))
	}
}

// TestLexiconSeparates measures, on the made shuffled training pages, how
// often a lexicon word spans a line's break to its reading successor and to
// another line start: the figures lexgen's minCount was chosen by. It fails
// when the lexicon stops telling the two apart.
func TestLexiconSeparates(t *testing.T) {
	var pages []orderedPage
	for _, p := range loadOrdered(t, "full") {
		if drawNumber(p.name) < 50 {
			pages = append(pages, p)
		}
	}
	if len(pages) == 0 {
		t.Skipf("no made shuffled pages in %s: skipped", shuffledRoot)
	}
	var trueN, trueSpan, otherN, otherSpan int
	for _, p := range pages {
		n := len(p.lines)
		text := func(i int) string { return p.lines[i].text }
		for i := range n {
			next := p.succ[i]
			if next < 0 {
				continue
			}
			other := (i*7919 + 13) % n // a fixed stand-in for a random start
			if other == next || other == i+1 {
				continue
			}
			if !endsIdeograph(text(i)) || !startsIdeograph(text(next)) || !startsIdeograph(text(other)) {
				continue
			}
			trueN++
			otherN++
			if spanBand(text(i), text(next)) > 0 {
				trueSpan++
			}
			if spanBand(text(i), text(other)) > 0 {
				otherSpan++
			}
		}
	}
	tr, or := float64(trueSpan)/float64(trueN), float64(otherSpan)/float64(otherN)
	t.Logf("a word spans %d of %d true breaks (%.3f), %d of %d breaks to another start (%.3f)", trueSpan, trueN, tr, otherSpan, otherN, or)
	if tr < 0.4 || or > 0.1 {
		t.Errorf("the lexicon no longer separates true breaks (%.3f) from others (%.3f)", tr, or)
	}
}

func endsIdeograph(s string) bool {
	rs := []rune(strings.TrimSpace(s))
	return len(rs) > 0 && lexIdeograph(rs[len(rs)-1])
}

func startsIdeograph(s string) bool {
	rs := []rune(strings.TrimSpace(s))
	return len(rs) > 0 && lexIdeograph(rs[0])
}
