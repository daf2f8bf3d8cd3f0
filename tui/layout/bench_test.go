package layout

import (
	"strings"
	"testing"
)

// issue is about the text of a 16-page issue: the corpus paragraphs (or the
// sample) repeated to some 200,000 characters.
func issue(b *testing.B) []string {
	paras := append(corpusParagraphs(b), samplePara)
	var out []string
	for n := 0; n < 200_000; {
		for _, p := range paras {
			out = append(out, p)
			n += len([]rune(p))
		}
	}
	return out
}

func BenchmarkWrap(b *testing.B) {
	paras := issue(b)
	long := strings.Join(paras[:min(len(paras), 40)], "")
	for _, width := range []int{40, 80} {
		b.Run("paragraph/"+itoa(width), func(b *testing.B) {
			b.SetBytes(int64(len(long)))
			b.ReportAllocs()
			for b.Loop() {
				narrow.WrapSpans(long, width)
			}
		})
	}
	size := 0
	for _, p := range paras {
		size += len(p)
	}
	b.Run("issue/80", func(b *testing.B) {
		b.SetBytes(int64(size))
		b.ReportAllocs()
		for b.Loop() {
			for _, p := range paras {
				narrow.Wrap(p, 80)
			}
		}
	})
}

func BenchmarkStringWidth(b *testing.B) {
	for _, c := range []struct{ name, s string }{
		{"ascii", strings.Repeat("The quick brown fox 1234. ", 40)},
		{"chinese", strings.Repeat(samplePara, 4)},
		{"punctuation", strings.Repeat("“”‘’…—、，。：；！？「」（）《》", 40)},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.s)))
			b.ReportAllocs()
			for b.Loop() {
				wide.StringWidth(c.s)
			}
		})
	}
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}
