package tui

import (
	"bufio"
	"io"
	"strings"

	"charm.land/glamour/v2"

	"github.com/dubaoreader/dubao/model"
	"github.com/dubaoreader/dubao/tui/layout"
)

// CatOptions say how Cat prints an issue.
type CatOptions struct {
	Width    int // the widest line, in cells; 80 when 0
	Measure  layout.Measure
	NoIndent bool // no first-line indent

	// Style is "" for plain text, or "dark" or "light" to render the text
	// through glamour's standard style of that name, keeping our line
	// breaks. (Not "notty": it shows the ** of the titles as they are.)
	Style string

	// Markdown prints Markdown source instead, each paragraph on one line
	// (Width and Style do not apply).
	Markdown bool

	// Story, when not nil, is the one story to print (see PickStory),
	// read straight through across its pages.
	Story *model.Story
}

// glamourMargin is the margin glamour's standard styles put left of a
// document (and we keep right of it).
const glamourMargin = 2

// Cat prints every article of the issue, page by page, as text reflowed to
// o.Width: each page's heading, then each article's kicker, title,
// subtitle and byline and its paragraphs, a blank line between. No line is
// wider than o.Width. What is not text in the issue (package clean) is
// taken out of it first: nothing of it is printed.
func Cat(w io.Writer, is *model.Issue, o CatOptions) error {
	cleanIssue(is) // see untrusted.go
	if o.Width <= 0 {
		o.Width = 80
	}
	if o.Markdown {
		bw := bufio.NewWriter(w)
		writeMarkdown(bw, is, o.Story)
		return bw.Flush()
	}
	write := func(w io.StringWriter, width int, markdown bool) {
		if o.Story != nil {
			writeLines(w, setIn(o.Measure, o.Story, width, !o.NoIndent), markdown)
			return
		}
		writeText(w, is, o.Measure, width, !o.NoIndent, markdown)
	}
	if o.Style == "" {
		bw := bufio.NewWriter(w)
		write(bw, o.Width, false)
		return bw.Flush()
	}
	// glamour wraps by words, which Chinese has none of between
	// characters: the lines are broken here, glamour keeps them
	// (WordWrap(0), PreservedNewLines) and only styles and indents them.
	r, err := glamour.NewTermRenderer(
		glamour.WithStandardStyle(o.Style),
		glamour.WithWordWrap(0),
		glamour.WithPreservedNewLines(),
	)
	if err != nil {
		return err
	}
	var md strings.Builder
	write(&md, max(o.Width-2*glamourMargin, 1), true)
	out, err := r.Render(md.String())
	if err != nil {
		return err
	}
	_, err = io.WriteString(w, out)
	return err
}

// writeText writes the issue as lines at most width cells wide, as plain
// text or as Markdown whose every line is one of those lines.
func writeText(w io.StringWriter, is *model.Issue, m layout.Measure, width int, ind, markdown bool) {
	line := func(s string, strong bool) {
		if markdown {
			s = escapeMarkdown(s)
			if strong {
				s = "**" + s + "**"
			}
		}
		w.WriteString(s)
		w.WriteString("\n")
	}
	blank := func() { w.WriteString("\n") }
	first := true
	for _, p := range is.Pages {
		if !first {
			blank()
		}
		first = false
		head := pageLabel(p)
		if d := p.Date; d != "" {
			head += "  " + longDate(d)
		}
		if markdown {
			// A heading is one line: cut it to fit beside the "# " glamour draws.
			w.WriteString("# " + escapeMarkdown(m.Truncate(head, width-2, "…")) + "\n")
		} else {
			line(m.Truncate(head, width, "…"), false)
			line(strings.Repeat("=", min(m.StringWidth(head), width)), false)
		}
		for i, a := range p.Articles {
			blank()
			if i > 0 {
				blank() // two blank lines between articles, one between paragraphs
			}
			writeLines(w, setIn(m, &model.Story{Parts: []*model.Article{a}, Pages: []int{p.Number}}, width, ind), markdown)
		}
	}
}

// writeLines writes the lines of a set story, as plain text or as
// Markdown whose every line is one of them.
func writeLines(w io.StringWriter, s *setArticle, markdown bool) {
	for _, l := range s.lines {
		if l.kind == lineBlank {
			w.WriteString("\n")
			continue
		}
		text := l.text
		if markdown {
			text = escapeMarkdown(text)
			if l.kind == lineTitle {
				text = "**" + text + "**"
			}
		} else if l.kind == lineSeam && l.lead > 0 {
			text = strings.Repeat(" ", l.lead) + text // （下转第N版） to the right
		}
		w.WriteString(text)
		w.WriteString("\n")
	}
}

// writeMarkdown writes the issue, or only story s when it is not nil, as
// Markdown: each page a heading, each article under it a heading of its
// own.
func writeMarkdown(w io.StringWriter, is *model.Issue, s *model.Story) {
	if s != nil {
		w.WriteString(StoryMarkdown(s, 1))
		return
	}
	for i, p := range is.Pages {
		if i > 0 {
			w.WriteString("\n")
		}
		head := pageLabel(p)
		if d := p.Date; d != "" {
			head += "  " + longDate(d)
		}
		w.WriteString("# " + escapeMarkdown(head) + "\n")
		for _, a := range p.Articles {
			w.WriteString("\n")
			w.WriteString(StoryMarkdown(&model.Story{Parts: []*model.Article{a}, Pages: []int{p.Number}}, 2))
		}
	}
}

// escapeMarkdown backslash-escapes the ASCII punctuation in s, so that
// Markdown shows it as it is: 1. is not a list, *x* not emphasis.
func escapeMarkdown(s string) string {
	if !strings.ContainsAny(s, "\\`*_{}[]<>()#+-.!|~&") {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if r < 0x80 && strings.ContainsRune("\\`*_{}[]<>()#+-.!|~&", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
