package model

import (
	"fmt"
	"testing"
)

// benchIssue is a 16-page issue made of the seven gold pages, repeated, and
// the bytes of text it holds.
func benchIssue(b *testing.B) (*Issue, int64) {
	b.Helper()
	issue := &Issue{Date: "2024-03-13"}
	size := 0
	for i := range 16 {
		p := loadPage(b, goldPages[i%len(goldPages)])
		p.Number = i + 1
		issue.Pages = append(issue.Pages, p)
		for _, a := range p.Articles {
			size += len(a.Kicker) + len(a.Title) + len(a.Subtitle) + len(a.Byline)
			for _, para := range a.Paragraphs {
				size += len(para)
			}
		}
	}
	return issue, int64(size)
}

func BenchmarkNewIndex(b *testing.B) {
	issue, size := benchIssue(b)
	newFolder() // the script classes are built once per process, not per index
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		NewIndex(issue)
	}
}

// BenchmarkIncrementalSearch types a four-character query one keystroke at a
// time into a fresh Searcher, as the reader's search prompt does, and reports
// the time per keystroke; the first keystroke scans the whole issue.
func BenchmarkIncrementalSearch(b *testing.B) {
	issue, size := benchIssue(b)
	ix := NewIndex(issue)
	for _, query := range []string{
		"工作会议", // Simplified, on Simplified pages
		"高雄市長", // Traditional, on the Traditional page
		"高雄市长", // Simplified, on the Traditional page
		"脱贫攻坚", // in a kicker and in paragraphs
	} {
		keys := []string{}
		for i := range query {
			if i > 0 {
				keys = append(keys, query[:i])
			}
		}
		keys = append(keys, query)
		b.Run(query, func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			hits := 0
			for b.Loop() {
				s := NewSearcher(ix)
				for _, k := range keys {
					hits = len(s.Search(k))
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(keys)), "ns/key")
			b.ReportMetric(float64(hits), "hits")
		})
	}
}

// BenchmarkSearch searches the whole issue afresh for each prefix of a query:
// what every keystroke would cost without a Searcher.
func BenchmarkSearch(b *testing.B) {
	issue, size := benchIssue(b)
	ix := NewIndex(issue)
	for _, query := range []string{"的", "工作", "工作会议", "ＣＯＶＩＤ", "陳國華"} {
		b.Run(fmt.Sprintf("%s", query), func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			hits := 0
			for b.Loop() {
				hits = len(ix.Search(query))
			}
			b.ReportMetric(float64(hits), "hits")
		})
	}
}
