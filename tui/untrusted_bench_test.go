package tui

import (
	"io"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/dubaoreader/dubao/model"
	"github.com/dubaoreader/dubao/tui/layout"
)

// longParagraphIssue is an issue of one article with no headline whose one
// paragraph is about n bytes of Chinese, 市委 in every sentence.
func longParagraphIssue(n int) *model.Issue {
	const sentence = "今天天气很好，市委召开会议。" // 42 bytes
	a := &model.Article{Paragraphs: []string{strings.Repeat(sentence, n/len(sentence))}}
	p := &model.Page{Number: 1, Articles: []*model.Article{a}}
	return &model.Issue{Pages: []*model.Page{p}, Stories: []*model.Story{{Parts: []*model.Article{a}, Pages: []int{1}}}}
}

// BenchmarkFindLongParagraph is dubao search on one paragraph of 4 MB with
// a match in every sentence (95 000 of them), as text and as JSON, from
// the issue to the last line printed. Goal: under 0.5 s.
func BenchmarkFindLongParagraph(b *testing.B) {
	is := longParagraphIssue(4 << 20)
	size := int64(len(is.Pages[0].Articles[0].Paragraphs[0]))
	for _, asJSON := range []bool{false, true} {
		name := "text"
		if asJSON {
			name = "json"
		}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				n, err := Find(io.Discard, is, "市委", FindOptions{JSON: asJSON, Measure: layout.NewMeasure(layout.Narrow)})
				if err != nil || n < 90000 {
					b.Fatalf("%d matches, %v", n, err)
				}
			}
		})
	}
}

// typed10KB is 10 KB of text as a terminal without bracketed paste
// delivers a paste: a key press per character.
func typed10KB(text string) []tea.Msg {
	var msgs []tea.Msg
	for _, r := range text {
		msgs = append(msgs, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	return msgs
}

// BenchmarkTypeIntoPrompt types 10 KB into the search prompt of a 16-page
// issue, a key press per character, as a paste arrives in a terminal
// without bracketed paste: each key press through Update, and after every
// 16 of them the search that has come due and a frame drawn (bubbletea
// draws at most 60 frames a second, not one per message; the search is due
// a frame after the first key of a batch). Goal: under 1 s for the 10 KB.
func BenchmarkTypeIntoPrompt(b *testing.B) {
	is, _ := sixteenPages(b)
	for _, c := range []struct{ name, text string }{
		{"ascii", strings.Repeat("abcdefghij", 1024)},
		{"chinese", strings.Repeat("市委召开全会部署全年工作", 10240/36)},
	} {
		b.Run(c.name, func(b *testing.B) {
			msgs := typed10KB(c.text)
			b.SetBytes(int64(len(c.text)))
			b.ReportAllocs()
			for b.Loop() {
				m := New(is, Options{Width: 120, Height: 40, Measure: layout.NewMeasure(layout.Narrow)})
				m.ensureIndex()
				m.Update(keyPress("/"))
				for i, msg := range msgs {
					m.Update(msg)
					if i%16 == 15 {
						m.Update(searchDueMsg{})
						_ = m.View()
					}
				}
				m.Update(searchDueMsg{})
				_ = m.View()
				if m.search.query != c.text {
					b.Fatalf("searched for %d bytes of %d", len(m.search.query), len(c.text))
				}
				if len(m.prompt.text) != len(c.text) {
					b.Fatalf("the prompt holds %d bytes of %d", len(m.prompt.text), len(c.text))
				}
			}
		})
	}
}
