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

// longest returns the list row of the issue's longest article.
func longest(m *Model) int {
	best, bestLen := 0, -1
	for i, r := range m.list.rows {
		if !r.isArticle() {
			continue
		}
		n := 0
		for _, p := range m.issue.Pages[r.page].Articles[r.art].Paragraphs {
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

// BenchmarkReflowIssue sets every article of the seven corpus pages at a
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
		for _, p := range is.Pages {
			for _, a := range p.Articles {
				_ = setIn(mm, a, w, true)
			}
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
