package model

import (
	"strings"
	"testing"
)

func TestIssueScript(t *testing.T) {
	issue := func(paragraphs ...string) *Issue {
		return &Issue{Pages: []*Page{{Articles: []*Article{{Title: paragraphs[0], Paragraphs: paragraphs[1:]}}}}}
	}
	for _, c := range []struct {
		name string
		is   *Issue
		want Script
	}{
		{"simplified", issue("山区学校用上新书桌", "孩子们终于有了合适的书桌。"), Simplified},
		{"traditional", issue("山區學校用上新書桌", "孩子們終於有了合適的書桌。"), Traditional},
		{"shared characters only", issue("大山", "了干后"), Simplified},
		{"no chinese", issue("COVID-19", "2026"), Simplified},
		{"empty", &Issue{}, Simplified},
		{"furniture counts", &Issue{Pages: []*Page{{Furniture: []string{"地方新聞 第2版"}}}}, Traditional},
	} {
		if got := IssueScript(c.is); got != c.want {
			t.Errorf("%s: IssueScript = %v, want %v", c.name, got, c.want)
		}
	}
}

// BenchmarkIssueScript tells an issue of 40 pages of 5 000 characters each.
func BenchmarkIssueScript(b *testing.B) {
	para := strings.Repeat("孩子們終於有了合適的書桌，縣教育局還為每所學校配發了圖書櫃。", 20)
	var pages []*Page
	for range 40 {
		pages = append(pages, &Page{Articles: []*Article{{Title: "山區學校用上新書桌", Paragraphs: []string{para, para, para, para, para, para, para, para}}}})
	}
	is := &Issue{Pages: pages}
	IssueScript(is) // the tables
	b.ResetTimer()
	for b.Loop() {
		IssueScript(is)
	}
}
