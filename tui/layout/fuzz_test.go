package layout

import (
	"testing"
)

// FuzzWrap wraps anything at any width: it must never panic, never overflow
// (bar the one documented case) and never lose or move a byte. Seeded with
// paragraphs of the corpus.
func FuzzWrap(f *testing.F) {
	seeds := append([]string{samplePara, "", " ", "  a  ", "中 a", "——————", "。。。。", "“”“”",
		"e\u0301\u0301x", "👨\u200d👩\u200d👧", "\xe4\xb8", "a\nb\tc"}, corpusParagraphs(f)...)
	for i, s := range seeds {
		if i > 200 {
			break
		}
		f.Add(s, 2+i%40, i%2 == 1)
	}
	f.Fuzz(func(t *testing.T, s string, width int, wideMode bool) {
		m := narrow
		if wideMode {
			m = wide
		}
		width %= 300
		spans := m.WrapSpans(s, width)
		checkWrap(t, m, s, width, spans)
	})
}
