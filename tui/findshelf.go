package tui

import (
	"bufio"
	"encoding/json"
	"io"

	"github.com/dubaoreader/dubao/model"
)

// FindDay prints the matches hits (in reading order, as model.Index.Search
// finds them in is) of one day of a shelf, as Find prints an issue's,
// each line led by the date and the paper, and in JSON with them named.
// It needs no Index of the issue: a shelf's search finds its hits from the
// cache's folded text (package shelf).
func FindDay(w io.Writer, is *model.Issue, hits []model.Hit, date, paper string, o FindOptions) error {
	cleanIssue(is) // see untrusted.go
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	stories := storyIndex(is)
	trad := !o.JSON && o.Words.Traditional(is)
	heads := map[[2]int]string{} // made once an article, as Find makes them
	day := date
	if paper != "" {
		day += " " + paper
	}
	for _, h := range hits {
		f, ok := foundIn(is, stories, h, contextRunes)
		if !ok {
			continue
		}
		f.Date, f.Paper, f.day = date, paper, day
		if o.JSON {
			if err := enc.Encode(f.FoundJSON); err != nil {
				return err
			}
			continue
		}
		at := [2]int{h.Page, h.Article}
		head, ok := heads[at]
		if !ok {
			head = lineHead(f.Page, f.Title, day, o, trad)
			heads[at] = head
		}
		f.write(bw, head, o, trad)
	}
	return bw.Flush()
}

// storyIndex maps each article of the issue to its story's index.
func storyIndex(is *model.Issue) map[*model.Article]int {
	out := map[*model.Article]int{}
	for i, s := range is.Stories {
		for _, a := range s.Parts {
			out[a] = i
		}
	}
	return out
}

// foundIn gathers what Find prints of hit h of the issue, as found does
// with an Index, with around characters of context either side; false for
// a hit not in the issue.
func foundIn(is *model.Issue, stories map[*model.Article]int, h model.Hit, around int) (foundMatch, bool) {
	if h.Page < 0 || h.Page >= len(is.Pages) || h.Article < 0 || h.Article >= len(is.Pages[h.Page].Articles) {
		return foundMatch{}, false
	}
	p := is.Pages[h.Page]
	a := p.Articles[h.Article]
	text := a.Text(h.Field, h.Para)
	if h.Start < 0 || h.Start > h.End || h.End > len(text) {
		return foundMatch{}, false
	}
	story := stories[a]
	title := a.Title
	if title == "" {
		heading := a.Heading()
		if story < len(is.Stories) {
			heading = is.Stories[story].Heading()
		}
		title = continued + heading
	}
	if i := runeOffset(title, titleRunes); i < len(title) {
		title = title[:i] + "…"
	}
	before, match, after := model.Context(text, h.Start, h.End, around)
	f := foundMatch{
		FoundJSON: FoundJSON{
			Story: story, Page: p.Number, PageName: p.Name, File: p.Source, Article: h.Article, Title: title,
			Field: h.Field.String(), Start: h.Start, End: h.End,
			Before: before, Match: match, After: after,
		},
		field:    h.Field,
		cutStart: len(before) < h.Start,
		cutEnd:   h.End+len(after) < len(text),
	}
	if h.Field == model.InParagraph {
		para := h.Para
		f.Paragraph = &para
	}
	return f, true
}
