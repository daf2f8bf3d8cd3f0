package tui

import (
	"encoding/json"
	"os"
	"path/filepath"
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

// goldIssue is the issue of the named gold pages.
func goldIssue(t testing.TB, names ...string) *model.Issue {
	t.Helper()
	var pages []*model.Page
	for _, n := range names {
		pages = append(pages, goldPage(t, n))
	}
	return NewIssue(pages)
}
