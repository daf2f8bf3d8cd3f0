package model

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Search finds a query in the text of an issue: every kicker, title,
// subtitle, byline and paragraph of every article, in reading order. It
// matches under the folding described in fold.go (whitespace ignored,
// full-width and half-width forms, Latin case, Traditional and Simplified
// characters) and reports each match as byte offsets into the original field,
// so that highlights land on exactly the characters matched.
//
// A match never spans two fields. Matches are the leftmost non-overlapping
// ones, as an editor highlights them: 哈哈 in 哈哈哈 is one hit, at the start;
// in 哈哈哈哈 two adjacent hits.

// Field names the part of an article a hit is in. The fields are in reading
// order.
type Field uint8

const (
	InKicker    Field = iota // Article.Kicker, the 引题 above the headline
	InTitle                  // Article.Title
	InSubtitle               // Article.Subtitle, the 副题 below it
	InByline                 // Article.Byline
	InParagraph              // Article.Paragraphs[Hit.Para]
)

var fieldNames = [...]string{"kicker", "title", "subtitle", "byline", "paragraph"}

// String returns the field's name as the page schema spells it: "kicker",
// "title", "subtitle", "byline", or "paragraph".
func (f Field) String() string {
	if int(f) < len(fieldNames) {
		return fieldNames[f]
	}
	return "Field(" + strconv.Itoa(int(f)) + ")"
}

// Text returns the article's text in field f; para says which paragraph for
// InParagraph. It returns "" for a field or paragraph the article has not.
func (a *Article) Text(f Field, para int) string {
	switch f {
	case InKicker:
		return a.Kicker
	case InTitle:
		return a.Title
	case InSubtitle:
		return a.Subtitle
	case InByline:
		return a.Byline
	case InParagraph:
		if 0 <= para && para < len(a.Paragraphs) {
			return a.Paragraphs[para]
		}
	}
	return ""
}

// A Hit is one match of a query: the field it is in, and the bytes of that
// field's original text it covers. Text[Start:End] begins at the first
// character matched and ends after the last; it holds any whitespace the
// match skipped inside, never any before or after.
type Hit struct {
	Page    int   // index in Issue.Pages
	Article int   // index in Page.Articles
	Field   Field // which text of the article
	Para    int   // index in Article.Paragraphs when Field is InParagraph, else 0
	Start   int   // byte offset in the field's text of the first character matched
	End     int   // byte offset just after the last character matched
}

// compare orders hits by where they are in reading order.
func (h Hit) compare(o Hit) int {
	return cmp.Or(
		cmp.Compare(h.Page, o.Page),
		cmp.Compare(h.Article, o.Article),
		cmp.Compare(h.Field, o.Field),
		cmp.Compare(h.Para, o.Para),
		cmp.Compare(h.Start, o.Start),
	)
}

// An Index holds the folded text of an issue for search. Build it once per
// issue with NewIndex; it is read only after, so any number of goroutines may
// search it. It keeps the issue's strings, not the issue: changing the issue
// later does not change the index.
type Index struct {
	fold     folder
	text     string  // every field folded, each followed by '\n', which no folded query holds
	from     []int32 // for each byte of text, the offset in its field of the rune it came from
	fields   []indexedField
	articles []int // the number of articles on each page

	stories    [][]storyPart // for each article of each page, its place in Issue.Stories
	storyCount int
}

// An indexedField is one field of the index: where it is in the issue and
// where its folded text starts.
type indexedField struct {
	at    int    // offset of the field's folded text in Index.text
	where Hit    // Page, Article, Field and Para of the field
	text  string // the field as printed
}

// NewIndex folds the text of the issue into an index. The first index built
// in a process also builds the Traditional–Simplified tables (about 15 ms).
// A nil issue gives an empty index.
func NewIndex(issue *Issue) *Index {
	ix := &Index{fold: newFolder()}
	if issue == nil {
		return ix
	}
	size := 0
	for _, p := range issue.Pages {
		if p == nil {
			continue
		}
		for _, a := range p.Articles {
			if a == nil {
				continue
			}
			size += len(a.Kicker) + len(a.Title) + len(a.Subtitle) + len(a.Byline) + 4
			for _, para := range a.Paragraphs {
				size += len(para) + 1
			}
		}
	}
	text := make([]byte, 0, size)
	ix.from = make([]int32, 0, size)

	add := func(where Hit, s string) {
		at := len(text)
		text, ix.from = ix.fold.appendMapped(text, ix.from, s)
		if len(text) == at {
			return // nothing to find in it
		}
		text = append(text, '\n')
		ix.from = append(ix.from, int32(len(s)))
		ix.fields = append(ix.fields, indexedField{at: at, where: where, text: s})
	}
	ix.articles = make([]int, len(issue.Pages))
	for pi, p := range issue.Pages {
		if p == nil {
			continue
		}
		ix.articles[pi] = len(p.Articles)
		for ai, a := range p.Articles {
			if a == nil {
				continue
			}
			where := Hit{Page: pi, Article: ai}
			for f := InKicker; f < InParagraph; f++ {
				where.Field = f
				add(where, a.Text(f, 0))
			}
			where.Field = InParagraph
			for i, para := range a.Paragraphs {
				where.Para = i
				add(where, para)
			}
		}
	}
	ix.text = string(text)
	ix.indexStories(issue)
	return ix
}

// Search returns the matches of query in reading order: the leftmost
// non-overlapping ones. A query that folds to nothing (empty, or only
// whitespace) matches nothing.
func (ix *Index) Search(query string) []Hit {
	q := ix.fold.foldString(query)
	if q == "" {
		return nil
	}
	return ix.hits(ix.scan(q), len(q))
}

// scan returns where the folded query q starts in the folded text,
// overlapping occurrences included.
func (ix *Index) scan(q string) []int32 {
	var at []int32
	text := ix.text
	_, step := utf8.DecodeRuneInString(q)
	for i := 0; i <= len(text)-len(q); {
		j := strings.Index(text[i:], q)
		if j < 0 {
			break
		}
		at = append(at, int32(i+j))
		i += j + step
	}
	return at
}

// hits turns the starts of occurrences of an n-byte folded query into the
// leftmost non-overlapping hits.
func (ix *Index) hits(at []int32, n int) []Hit {
	if len(at) == 0 {
		return nil
	}
	out := make([]Hit, 0, len(at))
	f, end := 0, 0
	for _, p := range at {
		p := int(p)
		if p < end {
			continue // overlaps the hit before
		}
		end = p + n
		for f+1 < len(ix.fields) && ix.fields[f+1].at <= p {
			f++
		}
		field := &ix.fields[f]
		h := field.where
		h.Start = int(ix.from[p])
		_, size := utf8.DecodeLastRuneInString(ix.text[p:end])
		last := int(ix.from[end-size])
		_, size = utf8.DecodeRuneInString(field.text[last:])
		h.End = last + size
		out = append(out, h)
	}
	return out
}

// field returns the indexed field that h is in, or nil.
func (ix *Index) field(h Hit) *indexedField {
	if h.Field != InParagraph {
		h.Para = 0
	}
	h.Start = 0
	i, ok := slices.BinarySearchFunc(ix.fields, h, func(f indexedField, h Hit) int {
		return f.where.compare(h)
	})
	if !ok {
		return nil
	}
	return &ix.fields[i]
}

// Text returns the original text of the field that h is in: the string its
// Start and End are offsets into, as the issue held it when indexed. It
// returns "" for a hit that is not in this index.
func (ix *Index) Text(h Hit) string {
	if f := ix.field(h); f != nil {
		return f.text
	}
	return ""
}

// Context returns the text of a hit's field around it: up to radius
// characters (runes) before the match, the match, and up to radius characters
// after, all from the original text and never reaching into another field. It
// returns three empty strings for a hit that is not in this index.
func (ix *Index) Context(h Hit, radius int) (before, match, after string) {
	s := ix.Text(h)
	if h.Start < 0 || h.Start > h.End || h.End > len(s) {
		return "", "", ""
	}
	b, e := h.Start, h.End
	for i := 0; i < radius && b > 0; i++ {
		_, size := utf8.DecodeLastRuneInString(s[:b])
		b -= size
	}
	for i := 0; i < radius && e < len(s); i++ {
		_, size := utf8.DecodeRuneInString(s[e:])
		e += size
	}
	return s[b:h.Start], s[h.Start:h.End], s[h.End:e]
}

// Counts returns how many of hits are in each article: counts[p][a] for
// Issue.Pages[p].Articles[a], as the headline list shows them. Hits outside
// the indexed issue are not counted.
func (ix *Index) Counts(hits []Hit) [][]int {
	counts := make([][]int, len(ix.articles))
	for p, n := range ix.articles {
		counts[p] = make([]int, n)
	}
	for _, h := range hits {
		if 0 <= h.Page && h.Page < len(counts) && 0 <= h.Article && h.Article < len(counts[h.Page]) {
			counts[h.Page][h.Article]++
		}
	}
	return counts
}

// A Searcher searches an index as a query is typed, one keystroke at a time.
// It keeps where each prefix of the query occurs, so that a query that
// extends the last one only re-checks the places the last one occurred, and a
// query cut back to an earlier prefix (backspace) costs nothing; any other
// edit scans the issue again. Its answers are always those of Index.Search.
// A Searcher is not safe for use by several goroutines at once.
type Searcher struct {
	ix    *Index
	steps []searchStep // each step's query extends the one before it
}

// A searchStep is a folded query and every place it occurs, overlapping
// occurrences included: a longer query may occur where a shorter one's
// leftmost non-overlapping matches skipped (aab in aaab).
type searchStep struct {
	query string
	at    []int32
}

// NewSearcher returns a Searcher over ix.
func NewSearcher(ix *Index) *Searcher {
	return &Searcher{ix: ix}
}

// Search returns the matches of query, as Index.Search does.
func (s *Searcher) Search(query string) []Hit {
	q := s.ix.fold.foldString(query)
	if q == "" {
		return nil
	}
	for len(s.steps) > 0 && !strings.HasPrefix(q, s.steps[len(s.steps)-1].query) {
		s.steps = s.steps[:len(s.steps)-1]
	}
	if len(s.steps) == 0 {
		s.steps = append(s.steps, searchStep{query: q, at: s.ix.scan(q)})
	} else if last := s.steps[len(s.steps)-1]; last.query != q {
		s.steps = append(s.steps, searchStep{query: q, at: s.ix.narrow(last, q)})
	}
	return s.ix.hits(s.steps[len(s.steps)-1].at, len(q))
}

// narrow returns the places where q, an extension of prev.query, occurs:
// those of prev followed by the rest of q.
func (ix *Index) narrow(prev searchStep, q string) []int32 {
	rest := q[len(prev.query):]
	var at []int32
	for _, p := range prev.at {
		if strings.HasPrefix(ix.text[int(p)+len(prev.query):], rest) {
			at = append(at, p)
		}
	}
	return at
}
