package parse

import (
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// worstCases are pages built to find the parser's slow paths: each is a few
// megabytes of one shape that a step might read again for every line, token
// or marker. Each must parse in time proportional to its length; the test
// only needs them to finish (a quadratic path takes minutes), and
// BenchmarkWorstCase reports the figures.
var worstCases = []struct {
	name string
	page func() string
}{
	{"a 1 MB line of credits that do not open a story", func() string {
		return repeatTo("本报讯息平台 ", 1<<20)
	}},
	{"a 1 MB line of credits", func() string {
		return "开头 " + repeatTo("本报讯 消息来源 ", 1<<20)
	}},
	{"a 1 MB line of datelines", func() string {
		return "开头 " + repeatTo("本报北京2月12日电 ", 1<<20)
	}},
	{"a 1 MB line of reporters' names", func() string {
		return "开头 " + repeatTo("本报记者道路 道路、道路 ", 1<<20)
	}},
	{"a 4 MB paragraph", func() string {
		return repeatTo("今年以来，全市经济运行稳中有进，", 4<<20) + "。\n"
	}},
	{"100k short lines", func() string {
		return repeatTo("短行。\n", 100_000*len("短行。\n"))
	}},
	{"10k headline-like lines", func() string {
		return repeatTo("\n推动高质量发展取得新成效\n\n", 10_000*len("\n推动高质量发展取得新成效\n\n"))
	}},
	{"10k headline lines that each continue the one before", func() string {
		return "\n" + repeatTo("推动高质量发展取得新成效\n》新篇章\n", 10_000*len("推动高质量发展取得新成效\n》新篇章\n")) + "\n正文。\n"
	}},
	{"many continuation markers", func() string {
		return repeatTo("正文内容（下转第2版） （上接第1版）正文\n", 1<<20)
	}},
	{"many markers on one line", func() string {
		return repeatTo("（下转第2版）", 1<<20) + "\n"
	}},
	{"many bylines on their own lines", func() string {
		return repeatTo("本报记者 张三\n", 1<<20)
	}},
	{"a 1 MB headline line of short phrases between body lines", func() string {
		body := "今年以来，全市经济运行稳中有进，消费市场持\n"
		return strings.Repeat(body, 8) + repeatTo("标题 ab ", 1<<20) + "\n" + strings.Repeat(body, 8)
	}},
	{"100k short lines without a stop", func() string {
		return repeatTo("推动发展\n", 100_000*len("推动发展\n"))
	}},
	{"short lines between body lines, 20k times", func() string {
		unit := "今年以来，全市经济运行稳中有进，消费市场持\n推动发展\n"
		return repeatTo(unit, 20_000*len(unit))
	}},
	{"blank-separated short lines and bylines, 20k times", func() string {
		unit := "\n推动发展\n本报记者 张三\n\n今年以来，全市经济运行稳中有进，消费市场持\n"
		return repeatTo(unit, 20_000*len(unit))
	}},
	{"4k headline lines between body lines of a -raw page", rawHeadlinesBetweenBodies},
	{"a letter-spaced 1 MB line", func() string {
		return repeatTo("林 晓 岚 介 ", 1<<20)
	}},
}

// rawHeadlinesBetweenBodies is a -raw page whose every other line reads as
// a headline (8 000 units, 4 000 headlines), all of the same few words as
// the body lines: every headline shares words with every paragraph.
func rawHeadlinesBetweenBodies() string {
	heads := []string{"推动高质量发展取得新成效", "全面深化改革开放新局面", "城市建设加快推进步伐", "乡村振兴战略扎实推进"}
	var b strings.Builder
	for k := range 4000 {
		b.WriteString(heads[k%len(heads)])
		b.WriteString("\n今年以来，全市经济运行稳中有进，消费市场持续优化推动高质量发展，城市建设\n")
	}
	return b.String()
}

// A page of many headlines costs the plan memory in proportion to its
// length: what the plan reads of the paragraphs for each headline
// (headShares, markRunPairs) keeps to the units a story holding it may
// reach. Read over the whole row, this page took some 1.8 GB and 28 s.
func TestManyHeadlinesMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("the page takes a second or two")
	}
	page := Normalize(rawHeadlinesBetweenBodies())
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	w := analyse(page)
	runtime.ReadMemStats(&after)
	if !w.raw || len(w.units) < 4000 {
		t.Fatalf("raw %v, %d units: the page no longer reads as meant", w.raw, len(w.units))
	}
	if mb := (after.TotalAlloc - before.TotalAlloc) >> 20; mb > 800 {
		t.Errorf("%d units took %d MB", len(w.units), mb)
	}
}

// repeatTo repeats s until the result is at least n bytes.
func repeatTo(s string, n int) string {
	return strings.Repeat(s, (n+len(s)-1)/len(s))
}

func TestWorstCasesFinish(t *testing.T) {
	if testing.Short() {
		t.Skip("worst cases take seconds")
	}
	for _, c := range worstCases {
		t.Run(c.name, func(t *testing.T) {
			page := c.page()
			ps, err := Pages([]byte(page))
			if err != nil {
				t.Fatal(err)
			}
			if len(ps) == 0 || len(ps[0].Articles) == 0 {
				t.Fatalf("%d bytes gave no article", len(page))
			}
		})
	}
}

// BenchmarkWorstCase parses each worst case; the figures should be of the
// order of BenchmarkParse's, not fall with the page's size.
func BenchmarkWorstCase(b *testing.B) {
	for _, c := range worstCases {
		page := []byte(c.page())
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(page)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Pages(page); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// splitSideBySide cleans the headline it reads token by token; the answer
// is the one cleaning it whole after every token gives, as it once did.
func TestSplitSideBySideCleansAsAWhole(t *testing.T) {
	whole := func(raw string) []string {
		var out []string
		cur := ""
		for _, t := range strings.FieldsFunc(raw, isSpace) {
			if cur != "" && runeLen(cur) >= 4 && runeLen(t) >= 4 && isWide(lastRune(cur)) && (isWide(firstRune(t)) || opensUnpadded(t)) {
				out = append(out, cur)
				cur = t
				continue
			}
			if cur == "" {
				cur = t
			} else {
				cur = cleanSpaces(cur+" "+t, false, false)
			}
		}
		if cur != "" {
			out = append(out, cur)
		}
		return out
	}
	pieces := []string{"C", "919", "x", "ab", "3", "D", "5K", "挑战", "穿过风雪的信使", "星空剧场", "“", "”", "·", "2024", "年", "，", "a1", "Z", "5G的新站点", "10月3日"}
	r := rand.New(rand.NewPCG(9, 9))
	for range 5000 {
		var b strings.Builder
		for range 1 + r.IntN(8) {
			b.WriteString(pieces[r.IntN(len(pieces))])
			if r.IntN(3) > 0 {
				b.WriteString([]string{" ", "  ", "\u3000"}[r.IntN(3)])
			}
		}
		raw := b.String()
		if got, want := splitSideBySide(raw), whole(raw); !slices.Equal(got, want) {
			t.Fatalf("splitSideBySide(%q) = %q, want %q", raw, got, want)
		}
	}
}
