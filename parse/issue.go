package parse

import (
	"fmt"
	"path"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/dubaoreader/dubao/model"
)

// A File is one page file of an issue: its name, which may tell the page's
// number (01.txt, page03.txt, rmrb2024031303.txt), and its bytes.
type File struct {
	Name string
	Data []byte
}

// Issue parses the files of one day's paper and assembles them: the pages
// ordered by the number printed on them or, failing that, the number in the
// file's name; the stories continued from page to page joined. A file that
// cannot be read as pages is reported in errs and left out; err is set only
// when no page at all could be read.
func Issue(files []File) (is *model.Issue, errs []error, err error) {
	return IssueReading(files, nil)
}

// IssueReading is Issue with the PDFs among the files read by ex; with a
// nil ex a PDF is refused as Pages refuses it.
func IssueReading(files []File, ex Extractor) (is *model.Issue, errs []error, err error) {
	return Assemble(PagesOf(files, ex))
}

// Parsed is what became of one page file: its pages, or why it has none.
type Parsed struct {
	Name  string // the file's name, as File.Name
	Pages []*model.Page
	Err   error
}

// Assemble makes an issue of page files already parsed — by PagesOf, or
// kept from an earlier parse — as Issue does. It sets each page's Source,
// and its Number from the file's name when the page prints none.
func Assemble(files []Parsed) (is *model.Issue, errs []error, err error) {
	type placed struct {
		page *model.Page
		key  int // the page number to order by
		seq  int // position among all pages read
	}
	var all []placed
	for _, f := range files {
		pages, err := f.Pages, f.Err
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", f.Name, err))
			continue
		}
		fromName := 0
		if len(pages) == 1 {
			fromName = nameNumber(f.Name)
		}
		for i, p := range pages {
			p.Source = f.Name
			if len(pages) > 1 {
				p.Source = fmt.Sprintf("%s (page %d)", f.Name, i+1)
			}
			if p.Number == 0 {
				p.Number = fromName
			}
			all = append(all, placed{page: p, key: p.Number, seq: len(all)})
		}
	}
	if len(all) == 0 {
		if len(errs) > 0 {
			return nil, errs, errs[0]
		}
		return nil, nil, ErrNoPages
	}
	// Pages without a number keep their place after the numbered ones.
	slices.SortStableFunc(all, func(a, b placed) int {
		ka, kb := a.key, b.key
		if ka == 0 {
			ka = 1 << 20
		}
		if kb == 0 {
			kb = 1 << 20
		}
		if ka != kb {
			return ka - kb
		}
		return a.seq - b.seq
	})
	is = &model.Issue{}
	for _, p := range all {
		is.Pages = append(is.Pages, p.page)
	}
	is.Date = issueDate(is.Pages)
	is.Stories = joinStories(is.Pages)
	return is, errs, nil
}

// PagesOf parses the files at once — PDFs among them read by ex, refused
// when ex is nil — a goroutine each and no more running
// than GOMAXPROCS: the pages of an issue do not depend on one another. The
// results are in the files' order, however the goroutines finish.
func PagesOf(files []File, ex Extractor) []Parsed {
	out := make([]Parsed, len(files))
	slots := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for i, f := range files {
		wg.Go(func() {
			slots <- struct{}{}
			defer func() { <-slots }()
			out[i].Name = f.Name
			out[i].Pages, out[i].Err = PagesReading(f.Data, ex)
		})
	}
	wg.Wait()
	return out
}

// nameDigits finds the last run of digits in a file name.
var nameDigits = regexp.MustCompile(`(\d+)\D*$`)

// nameNumber reads a page number from a file's name: 03.txt, page3.txt,
// 第3版.txt; in rmrb2024031303.txt the digits after the date. 0 when the
// name tells none.
func nameNumber(name string) int {
	base := strings.TrimSuffix(path.Base(strings.ReplaceAll(name, "\\", "/")), path.Ext(name))
	m := nameDigits.FindStringSubmatch(base)
	if m == nil {
		return 0
	}
	d := m[1]
	if len(d) >= 9 && isoDate(d[:4], d[4:6], d[6:8]) != "" {
		d = d[8:] // a date, then the page
	}
	if len(d) > 3 {
		return 0
	}
	n, _ := strconv.Atoi(d)
	return n
}

// issueDate is the date most pages print.
func issueDate(pages []*model.Page) string {
	count := map[string]int{}
	best := ""
	for _, p := range pages {
		if p.Date == "" {
			continue
		}
		count[p.Date]++
		if count[p.Date] > count[best] || count[p.Date] == count[best] && p.Date < best {
			best = p.Date
		}
	}
	return best
}

// Stories joins the articles of an issue's pages, in the issue's order,
// into its stories as Issue does: for pages that were not read by Issue,
// such as an issue's pages kept as JSON.
func Stories(pages []*model.Page) []*model.Story {
	return joinStories(pages)
}

// joinStories makes the issue's stories: every article once, in reading
// order, an article that says （下转第4版） joined with the one on page 4
// that says （上接第N版） — chosen by the page numbers and, where a page has
// several, by how well the text goes on.
func joinStories(pages []*model.Page) []*model.Story {
	type ref struct{ page, art int }
	onPage := map[int][]int{} // page number → indexes into pages
	for i, p := range pages {
		if p.Number > 0 {
			onPage[p.Number] = append(onPage[p.Number], i)
		}
	}
	next := map[ref]ref{}
	taken := map[ref]bool{}
	for pi, p := range pages {
		for ai, a := range p.Articles {
			if a.ContinuedTo == 0 || a.ContinuedTo == p.Number {
				continue
			}
			best, bestScore := ref{-1, -1}, -1.0
			for _, qi := range onPage[a.ContinuedTo] {
				for bi, b := range pages[qi].Articles {
					r := ref{qi, bi}
					if taken[r] || b.ContinuedFrom == 0 || p.Number > 0 && b.ContinuedFrom != p.Number {
						continue
					}
					if s := goesOnScore(a, b); s > bestScore {
						best, bestScore = r, s
					}
				}
			}
			if best.page >= 0 {
				next[ref{pi, ai}] = best
				taken[best] = true
			}
		}
	}
	var out []*model.Story
	for pi, p := range pages {
		for ai := range p.Articles {
			r := ref{pi, ai}
			if taken[r] {
				continue // a later part of a story begun elsewhere
			}
			s := &model.Story{}
			seen := map[ref]bool{}
			for ok := true; ok && !seen[r]; r, ok = next[r] {
				seen[r] = true
				s.Parts = append(s.Parts, pages[r.page].Articles[r.art])
				s.Pages = append(s.Pages, pages[r.page].Number)
			}
			first, last := s.Parts[0], s.Parts[len(s.Parts)-1]
			if first.ContinuedFrom > 0 && len(onPage[first.ContinuedFrom]) == 0 {
				s.MissingFrom = first.ContinuedFrom
			}
			if last.ContinuedTo > 0 && len(onPage[last.ContinuedTo]) == 0 {
				s.MissingTo = last.ContinuedTo
			}
			out = append(out, s)
		}
	}
	return out
}

// goesOnScore says how well article b reads as the rest of article a: a
// repeated headline, a sentence broken off and taken up, shared words.
func goesOnScore(a, b *model.Article) float64 {
	score := 0.0
	if b.Title != "" && a.Title != "" {
		score += 2 * float64(common(bigramsOf(a.Title), bigramsOf(b.Title))) / float64(max(1, len(bigramsOf(a.Title))))
	}
	if len(a.Paragraphs) > 0 && len(b.Paragraphs) > 0 {
		last := a.Paragraphs[len(a.Paragraphs)-1]
		if !closesSentence(lastRune(last)) {
			score += 0.5
		}
		ab := bigramsOf(strings.Join(a.Paragraphs, ""))
		bb := bigramsOf(strings.Join(b.Paragraphs, ""))
		if n := min(len(ab), len(bb)); n > 0 {
			score += float64(common(ab, bb)) / float64(n)
		}
	}
	return score
}
