package tui

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/dubaoreader/dubao/model"
)

// The story as text to take away: copied to the clipboard (y), or printed
// by dubao cat --story. Clean text is what the paper printed, without the
// reader's furniture: the kicker, the title, the subtitle and the byline
// each on a line, then the paragraphs of every part, each on one line,
// with a blank line between.

// StoryText returns story s as clean text.
func StoryText(s *model.Story) string {
	var b strings.Builder
	lead := s.Lead()
	head := 0
	for _, l := range []string{lead.Kicker, lead.Title, lead.Subtitle, lead.Byline} {
		if l = strings.TrimSpace(l); l != "" {
			b.WriteString(l)
			b.WriteByte('\n')
			head++
		}
	}
	for i, p := range s.Paragraphs() {
		if i > 0 || head > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(p)
		b.WriteByte('\n')
	}
	return b.String()
}

// StoryMarkdown returns story s as Markdown: the title a heading of the
// given level, the kicker above it and the subtitle below in emphasis,
// the byline, and a paragraph of Markdown for each of the story's.
func StoryMarkdown(s *model.Story, level int) string {
	var b strings.Builder
	lead := s.Lead()
	para := func(text string) {
		if text = strings.TrimSpace(text); text != "" {
			if b.Len() > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(text)
			b.WriteByte('\n')
		}
	}
	if k := strings.TrimSpace(lead.Kicker); k != "" {
		para("*" + escapeMarkdown(k) + "*")
	}
	title := lead.Title
	if title == "" {
		title = continued + s.Heading()
	}
	para(strings.Repeat("#", level) + " " + escapeMarkdown(oneLine(title)))
	if st := strings.TrimSpace(lead.Subtitle); st != "" {
		para("*" + escapeMarkdown(st) + "*")
	}
	para(escapeMarkdown(lead.Byline))
	for _, p := range s.Paragraphs() {
		para(escapeMarkdown(p))
	}
	return b.String()
}

// PickStory returns the story of the issue that sel names: its number in
// the reader's order, from 1 (as the header counts them), or words of its
// headline — the one whose headline is sel, else the first whose headline
// holds it.
func PickStory(is *model.Issue, sel string) (*model.Story, error) {
	_, st := readIssue(is)
	n := len(st.all)
	if i, err := strconv.Atoi(strings.TrimSpace(sel)); err == nil {
		if i < 1 || i > n {
			return nil, fmt.Errorf("--story %d: there are %d stories, from 1", i, n)
		}
		return st.all[i-1].s, nil
	}
	want := strings.TrimSpace(sel)
	if want == "" {
		return nil, fmt.Errorf("--story: want a number or words of a headline")
	}
	for _, v := range st.all {
		if strings.TrimSpace(v.s.Heading()) == want {
			return v.s, nil
		}
	}
	for _, v := range st.all {
		if strings.Contains(v.s.Heading(), want) {
			return v.s, nil
		}
	}
	return nil, fmt.Errorf("--story %q: no headline holds it", sel)
}
