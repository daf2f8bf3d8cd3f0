package tui

import (
	"os"
	"path/filepath"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/dubaoreader/dubao/model"
	"github.com/dubaoreader/dubao/parse"
	"github.com/dubaoreader/dubao/tui/layout"
)

// parsedIssue parses the named page files in testdata, as dubao does.
func parsedIssue(b *testing.B, names ...string) (*model.Issue, int) {
	b.Helper()
	var files []parse.File
	size := 0
	for _, n := range names {
		data, err := os.ReadFile(filepath.Join("testdata", n+".txt"))
		if err != nil {
			b.Fatal(err)
		}
		size += len(data)
		files = append(files, parse.File{Name: n + ".txt", Data: data})
	}
	is, _, err := parse.Issue(files)
	if err != nil {
		b.Fatal(err)
	}
	return is, size
}

// longest returns the list row of the issue's longest story.
func longest(m *Model) int {
	best, bestLen := 0, -1
	for i, r := range m.list.rows {
		if !r.isStory() {
			continue
		}
		n := 0
		for _, p := range m.st.all[r.story].s.Paragraphs() {
			n += len(p)
		}
		if n > bestLen {
			best, bestLen = i, n
		}
	}
	return best
}

// BenchmarkView draws a 200×60 screen of the corpus's longest article,
// scrolled into its middle. Goal: ≤ 1 ms.
func BenchmarkView(b *testing.B) {
	is, _ := parsedIssue(b, corpusPages...)
	m := New(is, Options{Width: 200, Height: 60, Measure: layout.NewMeasure(layout.Narrow)})
	m.list.cur = longest(m)
	m.sync()
	send(m, keys("enter space space")...)
	b.SetBytes(int64(len(m.View().Content)))
	b.ReportAllocs()
	for b.Loop() {
		_ = m.View()
	}
}

// BenchmarkReflowIssue sets every story of the seven corpus pages at a
// new width, as a resize would if every article were open. Goal: ≤ 5 ms.
func BenchmarkReflowIssue(b *testing.B) {
	is, _ := parsedIssue(b, corpusPages...)
	mm := layout.NewMeasure(layout.Narrow)
	text := 0
	for _, p := range is.Pages {
		for _, a := range p.Articles {
			for _, para := range a.Paragraphs {
				text += len(para)
			}
		}
	}
	b.SetBytes(int64(text))
	b.ReportAllocs()
	widths := []int{76, 51, 120}
	i := 0
	for b.Loop() {
		w := widths[i%len(widths)]
		i++
		for _, s := range is.Stories {
			_ = setIn(mm, s, w, true)
		}
	}
}

// BenchmarkResize is what the reader does on a resize: the open article
// set again, the list fitted, the help laid out, header and status built.
func BenchmarkResize(b *testing.B) {
	is, _ := parsedIssue(b, corpusPages...)
	m := New(is, Options{Width: 200, Height: 60})
	m.list.cur = longest(m)
	m.sync()
	sizes := []tea.WindowSizeMsg{{Width: 200, Height: 60}, {Width: 120, Height: 40}, {Width: 81, Height: 30}}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		m.Update(sizes[i%len(sizes)])
		i++
		clear(m.body.cache) // as if each size were new
	}
}

// BenchmarkStart goes from the sample's bytes to the first frame: parse
// them into an issue, make the model, size it, draw. Goal: ≤ 50 ms.
func BenchmarkStart(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("testdata", "seed.txt"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		is, _, err := parse.Issue([]parse.File{{Name: "sample", Data: data}})
		if err != nil {
			b.Fatal(err)
		}
		m := New(is, Options{})
		m.Init()
		m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
		_ = m.View()
	}
}

// BenchmarkStartModel is BenchmarkStart without the parsing: the reader's
// own share of the start, from a parsed issue to the first frame.
func BenchmarkStartModel(b *testing.B) {
	is, size := parsedIssue(b, samplePages[0])
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		m := New(is, Options{})
		m.Init()
		m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
		_ = m.View()
	}
}

// sixteenPages is a 16-page issue of the gold pages, repeated and numbered
// 1 to 16, as model's BenchmarkIncrementalSearch builds one, and the bytes
// of text it holds.
func sixteenPages(b *testing.B) (*model.Issue, int64) {
	b.Helper()
	is := &model.Issue{Date: "2024-03-13"}
	size := 0
	for i := range 16 {
		p := goldPage(b, corpusPages[i%len(corpusPages)])
		p.Number = i + 1
		is.Pages = append(is.Pages, p)
		for _, a := range p.Articles {
			size += len(a.Kicker) + len(a.Title) + len(a.Subtitle) + len(a.Byline)
			for _, para := range a.Paragraphs {
				size += len(para)
			}
		}
	}
	return is, int64(size)
}

// BenchmarkSearchKeystroke types a query into the reader's search prompt a
// character at a time on a 16-page issue, as a person does, and reports the
// time per keystroke: what Update does (search, counts, the list fitted
// again with its hit counts, the body's marks worked out again, the reader
// moved to the match) and the View that follows. The / that opens the
// prompt and the esc that closes it are counted in, so the figure is a
// little high. Goal: ≤ 2 ms.
func BenchmarkSearchKeystroke(b *testing.B) {
	is, size := sixteenPages(b)
	for _, query := range []string{"工作会议", "高雄市长", "脱贫攻坚", "的"} {
		b.Run(query, func(b *testing.B) {
			m := New(is, Options{Width: 200, Height: 60, Measure: layout.NewMeasure(layout.Narrow)})
			m.ensureIndex() // built once per issue, at start
			var typed []tea.Msg
			for _, r := range query {
				typed = append(typed, keyPress(string(r)))
			}
			b.SetBytes(size)
			b.ReportAllocs()
			n := 0
			for b.Loop() {
				m.Update(keyPress("/"))
				for _, k := range typed {
					m.Update(k)
					m.Update(searchDueMsg{}) // a frame later, as typed by a person
					_ = m.View()
					n++
				}
				m.Update(keyPress("esc"))
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(n), "ns/key")
			b.ReportMetric(float64(len(m.search.ix.Search(query))), "hits")
		})
	}
}
