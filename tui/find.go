package tui

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/dubaoreader/dubao/model"
	"github.com/dubaoreader/dubao/tui/layout"
)

// FindOptions say how Find prints the matches of a query.
type FindOptions struct {
	JSON bool // one JSON object a line (JSON Lines), a FoundJSON each

	// Terminal draws the match in reverse video and the headline in bold;
	// otherwise the match is set between ⟦ and ⟧, marks that no newspaper
	// prints (the 【】 that some do would be ambiguous).
	Terminal bool

	Measure layout.Measure // for cutting long headlines
}

// FoundJSON is one match as Find prints it with JSON set.
type FoundJSON struct {
	Page      int    `json:"page"`                // the 第N版 printed on the page, 0 when it does not say
	PageName  string `json:"page_name,omitempty"` // 要闻
	File      string `json:"file,omitempty"`      // the page file
	Article   int    `json:"article"`             // the article's index on its page, from 0
	Title     string `json:"title"`               // its headline; a continuation's is its story's, after （续）
	Field     string `json:"field"`               // kicker, title, subtitle, byline or paragraph
	Paragraph *int   `json:"paragraph,omitempty"` // the paragraph's index in the article, from 0, for a match in one
	Start     int    `json:"start"`               // byte offsets of the match in the field's UTF-8 text
	End       int    `json:"end"`
	Before    string `json:"before"` // up to contextRunes characters of the field before the match
	Match     string `json:"match"`  // the field's text matched, as printed
	After     string `json:"after"`
}

// contextRunes is how many characters Find shows either side of a match;
// headlineCells how wide it lets a headline be.
const (
	contextRunes  = 15
	headlineCells = 32
)

// fieldLabels name the fields other than paragraphs, before their context.
var fieldLabels = map[model.Field]string{
	model.InKicker:   "引题：",
	model.InTitle:    "标题：",
	model.InSubtitle: "副题：",
	model.InByline:   "署名：",
}

// Find prints each match of query in the issue, in reading order (page by
// page, article by article), and returns how many there are. It matches as
// the reader's search does (model.Index).
//
// As text a match is one line: the page, the article's headline, and the
// match in up to contextRunes characters of its context either side,
// never reaching into another paragraph; … marks where the context is cut,
// and a label where the match is not in a paragraph:
//
//	第3版 王根元主持召开市总工会三届七次…  …理论学习中心组会议围绕⟦市委⟧、省总工会…
func Find(w io.Writer, is *model.Issue, query string, o FindOptions) (int, error) {
	ix := model.NewIndex(is)
	hits := ix.Search(query)
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for _, h := range hits {
		f := found(is, ix, h)
		if o.JSON {
			if err := enc.Encode(f.FoundJSON); err != nil {
				return 0, err
			}
			continue
		}
		f.write(bw, o)
	}
	return len(hits), bw.Flush()
}

// foundMatch is a match as Find prints it, and whether its context is cut
// short of the start and the end of its field.
type foundMatch struct {
	FoundJSON
	field            model.Field
	cutStart, cutEnd bool
}

// found gathers what Find prints of hit h.
func found(is *model.Issue, ix *model.Index, h model.Hit) foundMatch {
	p := is.Pages[h.Page]
	a := p.Articles[h.Article]
	title := a.Title
	if title == "" {
		heading := a.Heading()
		if s, _, ok := ix.StoryOf(h); ok && s < len(is.Stories) {
			heading = is.Stories[s].Heading()
		}
		title = continued + heading
	}
	before, match, after := ix.Context(h, contextRunes)
	f := foundMatch{
		FoundJSON: FoundJSON{
			Page: p.Number, PageName: p.Name, File: p.Source, Article: h.Article, Title: title,
			Field: h.Field.String(), Start: h.Start, End: h.End,
			Before: before, Match: match, After: after,
		},
		field:    h.Field,
		cutStart: len(before) < h.Start,
		cutEnd:   h.End+len(after) < len(ix.Text(h)),
	}
	if h.Field == model.InParagraph {
		para := h.Para
		f.Paragraph = &para
	}
	return f
}

// write writes the match as a line of text.
func (f *foundMatch) write(w *bufio.Writer, o FindOptions) {
	const (
		bold, unbold       = "\x1b[1m", "\x1b[22m"
		reverse, unreverse = "\x1b[7m", "\x1b[27m"
	)
	page := "版次不详"
	if f.Page > 0 {
		page = fmt.Sprintf("第%d版", f.Page)
	}
	head := page + " " + fit(o.Measure, oneLine(f.Title), headlineCells)
	open, shut := "⟦", "⟧"
	if o.Terminal {
		head = bold + head + unbold
		open, shut = reverse, unreverse
	}
	w.WriteString(head + "  " + fieldLabels[f.field])
	if f.cutStart {
		w.WriteString("…")
	}
	w.WriteString(oneLine(f.Before) + open + oneLine(f.Match) + shut + oneLine(f.After))
	if f.cutEnd {
		w.WriteString("…")
	}
	w.WriteString("\n")
}

// oneLine turns the control characters of s into spaces, so that a match
// prints on one line.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
}
