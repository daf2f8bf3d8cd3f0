package parse

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Line labels from gold. The trainer learns from pages whose gold article
// trees are known; it needs to know, for every text line, what the line is
// in gold: a headline line, a paragraph's first line or a later one, a
// byline, and which article it belongs to. The labels come from finding
// each line's text in the gold fields, in reading order.

type lineLabel uint8

const (
	lbNone   lineLabel = iota // not found in gold (furniture the parser missed, a label)
	lbHead                    // a line of a headline: kicker, title or subtitle
	lbStart                   // the first line of a paragraph
	lbCont                    // a later line of a paragraph
	lbByline                  // a byline on its own line
)

// headField says which part of a headline a head line is.
type headField uint8

const (
	hfNone headField = iota
	hfKicker
	hfTitle
	hfSubtitle
)

type labelled struct {
	label   lineLabel
	article int // index into the gold articles, -1 for none
	field   headField
	subhead bool // a body line of a short paragraph that closes no sentence: a subhead, a label
}

// headish reports whether a line is set as headlines are: a headline's,
// or a subhead's inside a story.
func (l labelled) headish() bool { return l.label == lbHead || l.subhead }

type goldArticle struct {
	Title         string   `json:"title"`
	Kicker        string   `json:"kicker"`
	Subtitle      string   `json:"subtitle"`
	Byline        string   `json:"byline"`
	ContinuedFrom int      `json:"continued_from"`
	ContinuedTo   int      `json:"continued_to"`
	Paragraphs    []string `json:"paragraphs"`
}

type goldPage struct {
	Page     int           `json:"page"`
	Date     string        `json:"date"`
	Articles []goldArticle `json:"articles"`
}

func readGold(path string) (*goldPage, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var g goldPage
	if err := json.Unmarshal(b, &g); err != nil {
		return nil, err
	}
	return &g, nil
}

func flat(s string) string {
	return strings.Join(strings.Fields(s), "")
}

// labelLines labels every text piece of a page by its gold.
func labelLines(ps []piece, g *goldPage) []labelled {
	type art struct {
		k, t, s, by, body string
		starts            map[int]bool
		used              []bool
		subheads          []bool // per byte: in a subhead paragraph
	}
	arts := make([]art, len(g.Articles))
	for a, ga := range g.Articles {
		x := art{k: flat(ga.Kicker), t: flat(ga.Title), s: flat(ga.Subtitle), by: flat(ga.Byline), starts: map[int]bool{}}
		var sb strings.Builder
		for _, p := range ga.Paragraphs {
			x.starts[sb.Len()] = true
			f := flat(p)
			sb.WriteString(f)
			sub := len([]rune(f)) <= 40 && !endsSentenceText(f)
			for range len(f) {
				x.subheads = append(x.subheads, sub)
			}
		}
		x.body = sb.String()
		x.used = make([]bool, len(x.body))
		arts[a] = x
	}
	out := make([]labelled, len(ps))
	lastArt, lastEnd := -1, 0
	free := func(a, at, n int) bool {
		for k := at; k < at+n; k++ {
			if arts[a].used[k] {
				return false
			}
		}
		return true
	}
	take := func(i, a, at, n int) {
		for k := at; k < at+n; k++ {
			arts[a].used[k] = true
		}
		l := lbCont
		if arts[a].starts[at] {
			l = lbStart
		}
		out[i] = labelled{label: l, article: a, subhead: arts[a].subheads[at]}
		lastArt, lastEnd = a, at+n
	}
	for i := range ps {
		out[i].article = -1
		p := &ps[i]
		if !isTextPiece(p) {
			continue
		}
		t := flat(cleanSpaces(p.raw, p.spaced, false))
		if m, _ := cutMarkerText(t); m != "" {
			t = flat(m)
		}
		if t == "" {
			continue
		}
		// Goes on where the last line stopped.
		if lastArt >= 0 && strings.HasPrefix(arts[lastArt].body[lastEnd:], t) && free(lastArt, lastEnd, len(t)) {
			take(i, lastArt, lastEnd, len(t))
			continue
		}
		// Opens with a byline, then the body.
		found := false
		for a := range arts {
			x := &arts[a]
			if x.by != "" && strings.HasPrefix(t, x.by) {
				rest := t[len(x.by):]
				if rest == "" || strings.HasPrefix(x.body, rest) && free(a, 0, len(rest)) {
					if rest == "" {
						out[i] = labelled{label: lbByline, article: a}
					} else {
						take(i, a, 0, len(rest))
						out[i].label = lbStart
					}
					found = true
					break
				}
			}
		}
		if found {
			continue
		}
		for a := range arts {
			x := &arts[a]
			switch {
			case x.t != "" && strings.Contains(x.t, t):
				out[i] = labelled{label: lbHead, article: a, field: hfTitle}
			case x.k != "" && strings.Contains(x.k, t):
				out[i] = labelled{label: lbHead, article: a, field: hfKicker}
			case x.s != "" && strings.Contains(x.s, t):
				out[i] = labelled{label: lbHead, article: a, field: hfSubtitle}
			case x.by != "" && strings.Contains(x.by, t):
				out[i] = labelled{label: lbByline, article: a}
			default:
				continue
			}
			found = true
			break
		}
		if found {
			continue
		}
		for a := range arts {
			x := &arts[a]
			for off := 0; ; {
				k := strings.Index(x.body[off:], t)
				if k < 0 {
					break
				}
				if free(a, off+k, len(t)) {
					take(i, a, off+k, len(t))
					found = true
					break
				}
				off += k + 1
			}
			if found {
				break
			}
		}
	}
	return out
}

// corpusRoot is the shared corpus beside the repository.
const corpusRoot = "../../shared/corpus"

// needCorpus skips the test unless the corpus folder set (or the corpus
// itself, for "") is beside the repository.
func needCorpus(t *testing.T, set string) {
	t.Helper()
	if _, err := os.Stat(filepath.Join(corpusRoot, set)); err != nil {
		t.Skip("no ../shared/corpus beside the repository")
	}
}

// A trainPage is a page of text and its gold, for training or validation.
type trainPage struct {
	set, name string
	text      []byte
	gold      *goldPage
}

// loadTrainPages reads the pages of a corpus set whose names pass keep.
func loadTrainPages(dir, set string, keep func(name string) bool) ([]trainPage, error) {
	golds, err := filepath.Glob(filepath.Join(dir, set, "*.gold.json"))
	if err != nil {
		return nil, err
	}
	var out []trainPage
	for _, gp := range golds {
		name := strings.TrimSuffix(filepath.Base(gp), ".gold.json")
		if keep != nil && !keep(name) {
			continue
		}
		text, err := os.ReadFile(filepath.Join(dir, set, name+".txt"))
		if err != nil {
			return nil, err
		}
		g, err := readGold(gp)
		if err != nil {
			return nil, err
		}
		out = append(out, trainPage{set: set, name: name, text: text, gold: g})
	}
	return out, nil
}

// genNumber is the number of a gen page (g017 → 17), or 0.
func genNumber(name string) int {
	if len(name) != 4 || name[0] != 'g' {
		return 0
	}
	n := 0
	for _, r := range name[1:] {
		if r < '0' || r > '9' {
			return 0
		}
		n = n*10 + int(r-'0')
	}
	return n
}

func trainSplit(name string) bool { n := genNumber(name); return n == 0 || n <= 200 }
func validSplit(name string) bool { n := genNumber(name); return n > 200 }
