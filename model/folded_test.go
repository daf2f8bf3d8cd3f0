package model

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// SearchPage on each page's folded text finds exactly what an Index of the
// whole issue finds, on random pieces of the corpus folded every way.
func TestSearchPageAgreesWithIndex(t *testing.T) {
	issue := goldIssue(t)
	ix := NewIndex(issue)
	folded := make([]string, len(issue.Pages))
	for i, p := range issue.Pages {
		folded[i] = FoldPage(p)
	}
	toTraditional, toSimplified := converters(t)
	rng := rand.New(rand.NewPCG(3, 4))
	queries := []string{"的", "工作", "，", "a"}
	for range 300 {
		queries = append(queries, randomQuery(rng, issue, toTraditional, toSimplified))
	}
	for _, q := range queries {
		fq := FoldQuery(q)
		var got []Hit
		for i, p := range issue.Pages {
			got = append(got, SearchPage(p, i, folded[i], fq)...)
		}
		if want := ix.Search(q); !slices.Equal(got, want) {
			t.Fatalf("SearchPage(%q)\n got %v\nwant %v", q, marked(ix, got), marked(ix, want))
		}
	}
}

// A folded text that is not the page's finds nothing rather than hits in
// the wrong places, and never panics.
func TestSearchPageOfAnotherPage(t *testing.T) {
	issue := goldIssue(t)
	a, b := issue.Pages[0], issue.Pages[1]
	fb := FoldPage(b)
	for _, q := range []string{"的", "工作", "中国"} {
		fq := FoldQuery(q)
		for _, h := range SearchPage(a, 0, fb, fq) {
			text := a.Articles[h.Article].Text(h.Field, h.Para)
			if got := FoldQuery(text[h.Start:h.End]); got != fq {
				t.Fatalf("hit %v covers %q, not %q", h, text[h.Start:h.End], q)
			}
		}
	}
	if hits := SearchPage(a, 0, "", FoldQuery("的")); hits != nil {
		t.Fatalf("empty folded text: %v", hits)
	}
}

// indexFolded finds what strings.Index finds: Chinese text and queries,
// ASCII ones, mixed, overlapping and at either end.
func TestIndexFoldedIsIndex(t *testing.T) {
	alphabet := []string{"工", "作", "发", "展", "a", "b", "\n", "，", "𠀀", "é"}
	rng := rand.New(rand.NewPCG(11, 11))
	word := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		return b.String()
	}
	for range 20000 {
		s, q := word(rng.IntN(30)), word(1+rng.IntN(3))
		if got, want := indexFolded(s, q), strings.Index(s, q); got != want {
			t.Fatalf("indexFolded(%q, %q) = %d, want %d", s, q, got, want)
		}
	}
}
