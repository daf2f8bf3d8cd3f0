package tui

import (
	"cmp"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/dubaoreader/dubao/model"
)

// The pages the tests read. Golden screens are drawn from the corpus's gold
// article trees (testdata/*.gold.json), not from the parser's output, so
// that they change when the reader changes and not when the parser does.
var (
	samplePages = []string{"seed"}
	corpusPages = []string{"seed", "d01", "d02", "d03", "d04", "d05", "d06"}
)

// goldPage reads testdata/NAME.gold.json as a page.
func goldPage(t testing.TB, name string) *model.Page {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name+".gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	var pj model.PageJSON
	if err := json.Unmarshal(b, &pj); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	p := &model.Page{Number: pj.Page, Date: pj.Date, Name: pj.Name, Source: name}
	for _, aj := range pj.Articles {
		p.Articles = append(p.Articles, &model.Article{
			Title: aj.Title, Kicker: aj.Kicker, Subtitle: aj.Subtitle, Byline: aj.Byline,
			ContinuedFrom: aj.ContinuedFrom, ContinuedTo: aj.ContinuedTo,
			Markers: aj.Markers, Paragraphs: aj.Paragraphs,
		})
	}
	return p
}

// goldIssue is the issue of the named gold pages, ordered as parse.Issue
// orders pages: by number, pages without one after, in the order given.
func goldIssue(t testing.TB, names ...string) *model.Issue {
	t.Helper()
	is := &model.Issue{}
	for _, n := range names {
		is.Pages = append(is.Pages, goldPage(t, n))
	}
	unnumbered := func(p *model.Page) int {
		if p.Number == 0 {
			return 1
		}
		return 0
	}
	slices.SortStableFunc(is.Pages, func(a, b *model.Page) int {
		return cmp.Or(cmp.Compare(unnumbered(a), unnumbered(b)), cmp.Compare(a.Number, b.Number))
	})
	for _, p := range is.Pages {
		if p.Date != "" {
			is.Date = p.Date
			break
		}
	}
	return is
}
