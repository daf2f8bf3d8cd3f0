package tui

import (
	"cmp"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dubaoreader/dubao/model"
	"github.com/dubaoreader/dubao/parse"
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
	is.Stories = parse.Stories(is.Pages)
	return is
}

// frontPage is a front page whose lead story goes on to page 11, where
// d04's continuation takes it up with （上接第1版）: with d04, an issue
// with a story across a seam (as parse/issue_test.go makes one).
func frontPage() *model.Page {
	return &model.Page{Number: 1, Name: "要闻", Date: "2019-02-22", Source: "front", Articles: []*model.Article{
		{
			Title:       "关于支持小农户发展庭院经济的几项措施",
			Byline:      "本报北京2月21日电（记者林一帆）",
			ContinuedTo: 11, Markers: []string{"（下转第11版）"},
			Paragraphs: []string{
				"某某部办公室、某某局办公室日前印发了《关于支持小农户发展庭院经济的几项措施》。",
				"措施提出，往后几年，小农户种菜养禽、编织手工将是庭院经济的主要形式。",
				"（一）帮助小农户学会新的庭院技术。加快推广小型大棚，鼓励小农户投入时间、",
			},
		},
		{Title: "春风送暖", Paragraphs: []string{"一则短讯：小农户的春天。"}},
	}}
}

// seamIssue is the front page and d04 (page 11) as one issue, stories
// joined: the front page's lead goes on into d04's third article.
func seamIssue(t testing.TB) *model.Issue {
	t.Helper()
	is := &model.Issue{Date: "2019-02-22", Pages: []*model.Page{frontPage(), goldPage(t, "d04")}}
	is.Stories = parse.Stories(is.Pages)
	return is
}

// quotedTerm is the term the seed page's headline puts in quotes (“…”),
// read from its gold page.
func quotedTerm(t testing.TB) string {
	t.Helper()
	for _, a := range goldPage(t, "seed").Articles {
		if _, rest, ok := strings.Cut(a.Title, "“"); ok {
			if q, _, ok := strings.Cut(rest, "”"); ok && q != "" {
				return q
			}
		}
	}
	t.Fatal("no headline of the seed page quotes a term")
	return ""
}
