package model

import (
	"fmt"
	"hash/fnv"
)

// A Story is one article of an issue read straight through: its parts on
// the pages it spans, joined where the paper printed （下转第4版） and
// （上接第1版）. Most stories have one part.
type Story struct {
	Parts []*Article // in reading order
	Pages []int      // the page number of each part (0 when unknown)

	// MissingFrom is the page a first part says it continues from, when that
	// page is not in the issue; MissingTo the page a last part says it goes
	// on to, likewise. 0 when there is nothing missing.
	MissingFrom, MissingTo int
}

// Lead is the part that carries the story's headline: the first part with a
// title, or the first part.
func (s *Story) Lead() *Article {
	for _, a := range s.Parts {
		if a.Title != "" {
			return a
		}
	}
	return s.Parts[0]
}

// Paragraphs returns every paragraph of every part, in reading order.
func (s *Story) Paragraphs() []string {
	var out []string
	for _, a := range s.Parts {
		out = append(out, a.Paragraphs...)
	}
	return out
}

// Seams returns, for each part after the first, the index in Paragraphs of
// its first paragraph: where the reader crosses from one page to the next.
func (s *Story) Seams() []int {
	var out []int
	n := 0
	for i, a := range s.Parts {
		if i > 0 {
			out = append(out, n)
		}
		n += len(a.Paragraphs)
	}
	return out
}

// Heading is what a list of headlines shows for the story.
func (s *Story) Heading() string {
	return s.Lead().Heading()
}

// StoryJSON is a story in the issue JSON: the article fields of the page
// schema with all paragraphs of all parts, and the pages it spans.
type StoryJSON struct {
	ArticleJSON
	Pages []int `json:"pages"`
}

// IssueJSON is the JSON form of an issue.
type IssueJSON struct {
	Date     string      `json:"date"`
	Pages    []PageJSON  `json:"pages"`
	Articles []StoryJSON `json:"articles"`
}

// JSON returns the story in the issue schema's form.
func (s *Story) JSON() StoryJSON {
	lead := s.Lead()
	out := StoryJSON{ArticleJSON: lead.JSON(), Pages: append([]int{}, s.Pages...)}
	first, last := s.Parts[0], s.Parts[len(s.Parts)-1]
	out.ContinuedFrom, out.ContinuedTo = first.ContinuedFrom, last.ContinuedTo
	out.Paragraphs = s.Paragraphs()
	if out.Paragraphs == nil {
		out.Paragraphs = []string{}
	}
	out.Markers = nil
	for _, a := range s.Parts {
		out.Markers = append(out.Markers, a.Markers...)
	}
	return out
}

// JSON returns the issue in its JSON form.
func (is *Issue) JSON() IssueJSON {
	out := IssueJSON{Date: is.Date, Pages: []PageJSON{}, Articles: []StoryJSON{}}
	for _, p := range is.Pages {
		out.Pages = append(out.Pages, p.JSON())
	}
	for _, s := range is.Stories {
		out.Articles = append(out.Articles, s.JSON())
	}
	return out
}

// Key names the story across runs, for remembering what was read: the page
// it starts on and the start of its heading, hashed.
func (s *Story) Key() string {
	h := fnv.New64a()
	page := 0
	if len(s.Pages) > 0 {
		page = s.Pages[0]
	}
	heading := []rune(s.Heading())
	if len(heading) > 32 {
		heading = heading[:32]
	}
	fmt.Fprintf(h, "%d\x00%s", page, string(heading))
	return fmt.Sprintf("%016x", h.Sum64())
}
