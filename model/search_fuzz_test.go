package model

import (
	"slices"
	"testing"
	"unicode/utf8"
)

// FuzzSearch searches a title and paragraphs for a query: it never panics,
// every hit lies within its field on rune boundaries and covers text that
// folds to the query, the hits agree with naiveSearch, and a Searcher typing
// the query agrees with Search at every keystroke.
func FuzzSearch(f *testing.F) {
	f.Add("晨光映照“邮路绿” 青春奋进新征程", "邮路 绿荫", "郵路綠")
	f.Add("aaa", "aaaa", "aa")
	f.Add("ＡＢＣ１２３", "abc 123", "Abc1")
	f.Add("\u3000 \u200b", "\xff\xfe", "\ufffd")
	for _, name := range goldPages {
		p := loadPage(f, name)
		for i, a := range p.Articles {
			if len(a.Paragraphs) == 0 {
				continue
			}
			para := a.Paragraphs[0]
			runes := []rune(para)
			q := string(runes[len(runes)/3 : min(len(runes), len(runes)/3+1+i)])
			f.Add(a.Title, para, q)
		}
	}
	folder := newFolder()
	f.Fuzz(func(t *testing.T, title, para, query string) {
		issue := oneArticle(&Article{Title: title, Paragraphs: []string{para, title + para}})
		ix := NewIndex(issue)
		hits := ix.Search(query)
		fq := folder.foldString(query)
		for _, h := range hits {
			s := ix.Text(h)
			if h.Start < 0 || h.Start >= h.End || h.End > len(s) {
				t.Fatalf("hit %v out of its field of %d bytes", h, len(s))
			}
			if !onRuneBoundary(s, h.Start) || !onRuneBoundary(s, h.End) {
				t.Fatalf("hit %v not on rune boundaries of %q", h, s)
			}
			if got := folder.foldString(s[h.Start:h.End]); got != fq {
				t.Fatalf("hit %v covers %q, which folds to %q, not %q", h, s[h.Start:h.End], got, fq)
			}
		}
		if want := newNaiveSearch(folder, issue).search(query); !slices.Equal(hits, want) {
			t.Fatalf("Search(%q) = %v, want %v", query, hits, want)
		}
		s := NewSearcher(ix)
		for k := range query {
			if k > 64 {
				break // long enough to have typed
			}
			if k > 0 && !slices.Equal(s.Search(query[:k]), ix.Search(query[:k])) {
				t.Fatalf("Searcher.Search(%q) differs from Search", query[:k])
			}
		}
		if !slices.Equal(s.Search(query), hits) {
			t.Fatalf("Searcher.Search(%q) differs from Search", query)
		}
	})
}

// onRuneBoundary says whether i is where a rune of s, as range decodes
// them, starts, or the end of s.
func onRuneBoundary(s string, i int) bool {
	for j := 0; j < len(s); {
		if j == i {
			return true
		}
		_, size := utf8.DecodeRuneInString(s[j:])
		j += size
	}
	return i == len(s)
}
