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

	// Words is the script of the words Find adds on a line of text (标题：,
	// 版次不详, （续）): by default (WordsAuto) the script the issue's pages
	// are printed in. JSON names the fields in English whatever it is.
	Words Words
}

// FoundJSON is one match as Find prints it with JSON set.
type FoundJSON struct {
	Date      string `json:"date,omitempty"`      // the issue's date, 2024-03-13, when known
	Paper     string `json:"paper,omitempty"`     // the paper's name, when the shelf names it
	Story     int    `json:"story"`               // the story's index among the issue's, from 0, as dubao parse lists them
	Page      int    `json:"page"`                // the 第N版 printed on the page, 0 when it does not say
	PageName  string `json:"page_name,omitempty"` // 要闻
	File      string `json:"file,omitempty"`      // the page file
	Article   int    `json:"article"`             // the article's index on its page, from 0
	Title     string `json:"title"`               // its headline; a continuation's is its story's, after （续）; cut to titleRunes characters
	Field     string `json:"field"`               // kicker, title, subtitle, byline or paragraph
	Paragraph *int   `json:"paragraph,omitempty"` // the paragraph's index in the article, from 0, for a match in one
	Start     int    `json:"start"`               // byte offsets of the match in the field's UTF-8 text
	End       int    `json:"end"`
	Before    string `json:"before"` // up to contextRunes characters of the field before the match
	Match     string `json:"match"`  // the field's text matched, as printed
	After     string `json:"after"`
}

// contextRunes is how many characters Find shows either side of a match;
// headlineCells how wide it lets a headline be on a line of text, and
// titleRunes how long in JSON — a story with no headline is named by its
// first paragraph, which may be any length.
const (
	contextRunes  = 15
	headlineCells = 32
	titleRunes    = 100
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
//	第3版 李长青主持召开市侨商会三届五次…  …理论学习中心组会议围绕⟦市委⟧、省侨商会…
func Find(w io.Writer, is *model.Issue, query string, o FindOptions) (int, error) {
	cleanIssue(is) // see untrusted.go
	ix := model.NewIndex(is)
	hits := ix.Search(query)
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	trad := !o.JSON && o.Words.Traditional(is)
	// What is printed of a match is as long as its context, not as its
	// paragraph: the cost is linear in the text, however long the
	// paragraphs. An article's title and the head of its lines are made
	// once.
	type names struct{ title, head string }
	articles := map[[2]int]names{}
	for _, h := range hits {
		at := [2]int{h.Page, h.Article}
		n, ok := articles[at]
		if !ok {
			n.title = articleTitle(is, ix, h)
			n.head = lineHead(is.Pages[h.Page].Number, n.title, "", o, trad)
			articles[at] = n
		}
		f := found(is, ix, h, n.title)
		if o.JSON {
			if err := enc.Encode(f.FoundJSON); err != nil {
				return 0, err
			}
			continue
		}
		f.write(bw, n.head, o, trad)
	}
	return len(hits), bw.Flush()
}

// foundMatch is a match as Find prints it, and whether its context is cut
// short of the start and the end of its field.
type foundMatch struct {
	FoundJSON
	field            model.Field
	cutStart, cutEnd bool
	day              string // the date and paper before the line, for a shelf's
}

// articleTitle is the title Find gives the article of hit h: its
// headline, or a continuation's story's after （续）, cut to titleRunes
// characters and on one line.
func articleTitle(is *model.Issue, ix *model.Index, h model.Hit) string {
	a := is.Pages[h.Page].Articles[h.Article]
	title := a.Title
	story, _, ok := ix.StoryOf(h)
	if title == "" {
		heading := a.Heading()
		if ok && story < len(is.Stories) {
			heading = is.Stories[story].Heading()
		}
		title = continued + heading
	}
	if i := runeOffset(title, titleRunes); i < len(title) {
		title = title[:i] + "…"
	}
	return title
}

// runeOffset returns the byte offset of the nth rune of s, or len(s).
func runeOffset(s string, n int) int {
	for i := range s {
		if n == 0 {
			return i
		}
		n--
	}
	return len(s)
}

// found gathers what Find prints of hit h, in an article titled title.
func found(is *model.Issue, ix *model.Index, h model.Hit, title string) foundMatch {
	p := is.Pages[h.Page]
	story, _, _ := ix.StoryOf(h)
	before, match, after := ix.Context(h, contextRunes)
	f := foundMatch{
		FoundJSON: FoundJSON{
			Date: is.Date, Story: story,
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

// The escape sequences Find writes on a terminal.
const (
	bold, unbold       = "\x1b[1m", "\x1b[22m"
	reverse, unreverse = "\x1b[7m", "\x1b[27m"
)

// lineHead is what a line of text starts with for a match in an article
// of page number titled title: the page and the title, cut to fit, after
// the day (date and paper) for a match on a shelf; its words in
// Traditional when trad is set.
func lineHead(number int, title, day string, o FindOptions, trad bool) string {
	page := inScript("版次不详", trad)
	if number > 0 {
		page = fmt.Sprintf("第%d版", number)
	}
	if rest, ok := strings.CutPrefix(title, continued); ok && trad {
		title = inScript(continued, trad) + rest
	}
	head := page + " " + fit(o.Measure, oneLine(title), headlineCells)
	if day != "" {
		head = oneLine(day) + " " + head
	}
	if o.Terminal {
		head = bold + head + unbold
	}
	return head
}

// write writes the match as a line of text, after head (see lineHead),
// its field's label in Traditional when trad is set.
func (f *foundMatch) write(w *bufio.Writer, head string, o FindOptions, trad bool) {
	open, shut := "⟦", "⟧"
	if o.Terminal {
		open, shut = reverse, unreverse
	}
	label := fieldLabels[f.field]
	if label != "" {
		label = inScript(label, trad)
	}
	w.WriteString(head + "  " + label)
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
	if !strings.ContainsFunc(s, unicode.IsControl) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
}
