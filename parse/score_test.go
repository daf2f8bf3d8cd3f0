package parse

// A port of the corpus scorer, ../shared/tools/paperscore (Python), so that
// the corpus regression test runs on a clean clone with no ../shared beside
// it. It follows the script line for line: the same article matching, the
// same Levenshtein distance (bit-parallel, any length), the same alignment
// (difflib.SequenceMatcher with autojunk off) to map paragraph boundaries,
// the same micro-averaged totals. TestScorerMatchesPaperscore checks it
// against the script wherever the script is at hand.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// A scoredPage is a page as paperscore reads one: missing fields empty.
type scoredPage struct {
	page     string // str(page) as Python writes it: "3", "None"
	date     string // str(date or '')
	articles []scoredArticle
}

type scoredArticle struct {
	title, kicker, subtitle, byline string
	from, to                        int
	paragraphs                      []string
}

// field returns one of the fields paperscore compares as text.
func (a *scoredArticle) field(name string) string {
	switch name {
	case "kicker":
		return a.kicker
	case "subtitle":
		return a.subtitle
	case "byline":
		return a.byline
	}
	panic("no field " + name)
}

// loadScored reads a page of the schema as paperscore's load does.
func loadScored(b []byte) (scoredPage, error) {
	var d map[string]any
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber() // Python keeps 3 and 3.0 apart
	if err := dec.Decode(&d); err != nil {
		return scoredPage{page: "None", date: "None"}, err
	}
	p := scoredPage{page: pyStr(d["page"]), date: pyStr(orEmpty(d["date"]))}
	arts, _ := d["articles"].([]any)
	for _, x := range arts {
		a, ok := x.(map[string]any)
		if !ok {
			continue
		}
		sa := scoredArticle{
			title: pyStr(orEmpty(a["title"])), kicker: pyStr(orEmpty(a["kicker"])),
			subtitle: pyStr(orEmpty(a["subtitle"])), byline: pyStr(orEmpty(a["byline"])),
			from: pyInt(a["continued_from"]), to: pyInt(a["continued_to"]),
		}
		paras, _ := a["paragraphs"].([]any)
		for _, q := range paras {
			sa.paragraphs = append(sa.paragraphs, pyStr(q))
		}
		p.articles = append(p.articles, sa)
	}
	return p, nil
}

// orEmpty is Python's `x or ”`.
func orEmpty(x any) any {
	switch v := x.(type) {
	case nil:
		return ""
	case bool:
		if !v {
			return ""
		}
	case json.Number:
		if f, err := v.Float64(); err == nil && f == 0 {
			return ""
		}
	case string:
		if v == "" {
			return ""
		}
	case []any:
		if len(v) == 0 {
			return ""
		}
	case map[string]any:
		if len(v) == 0 {
			return ""
		}
	}
	return x
}

// pyStr is Python's str() of a JSON value, for the values a page holds.
func pyStr(x any) string {
	switch v := x.(type) {
	case nil:
		return "None"
	case string:
		return v
	case bool:
		if v {
			return "True"
		}
		return "False"
	case json.Number:
		return v.String()
	}
	b, _ := json.Marshal(x)
	return string(b)
}

// pyInt is paperscore's _int: int(x or 0), -1 when that fails.
func pyInt(x any) int {
	switch v := x.(type) {
	case nil:
		return 0
	case bool:
		if v {
			return 1
		}
		return 0
	case json.Number:
		if n, err := v.Int64(); err == nil {
			return int(n)
		}
		if f, err := v.Float64(); err == nil {
			return int(f)
		}
	case string:
		if v == "" {
			return 0
		}
		if n, err := strconv.Atoi(strings.TrimSpace(v)); err == nil {
			return n
		}
	}
	return -1
}

// pyIsSpace is Python's str.isspace for one character, which the scorer's
// \s and strip() use: Go's unicode.IsSpace and the four information
// separators U+001C–U+001F.
func pyIsSpace(r rune) bool {
	return unicode.IsSpace(r) || r >= 0x1C && r <= 0x1F
}

// nows removes all white space, as paperscore's nows; it returns runes,
// which is how Python indexes the string.
func nows(s string) []rune {
	out := make([]rune, 0, len(s)/3)
	for _, r := range s {
		if !pyIsSpace(r) {
			out = append(out, r)
		}
	}
	return out
}

// levenshtein is the edit distance of a and b, by Myers's bit-parallel
// algorithm over words of 64 bits, as paperscore computes it with Python's
// unbounded integers.
func levenshtein(a, b []rune) int {
	if slices.Equal(a, b) {
		return 0
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	m := len(a)
	if m == 0 {
		return len(b)
	}
	words := (m + 63) / 64
	peq := map[rune][]uint64{}
	for i, c := range a {
		v := peq[c]
		if v == nil {
			v = make([]uint64, words)
			peq[c] = v
		}
		v[i/64] |= 1 << (i % 64)
	}
	lastMask := ^uint64(0)
	if m%64 != 0 {
		lastMask = 1<<(m%64) - 1
	}
	hbWord, hbBit := (m-1)/64, uint64(1)<<((m-1)%64)
	pv, mv := make([]uint64, words), make([]uint64, words)
	for w := range pv {
		pv[w] = ^uint64(0)
	}
	pv[words-1] &= lastMask
	zero := make([]uint64, words)
	xv, xh, ph, mh := make([]uint64, words), make([]uint64, words), make([]uint64, words), make([]uint64, words)
	score := m
	for _, c := range b {
		eq := peq[c]
		if eq == nil {
			eq = zero
		}
		var carry uint64
		for w := range words {
			xv[w] = eq[w] | mv[w]
			// xh = (((eq & pv) + pv) ^ pv) | eq
			t := eq[w] & pv[w]
			s := t + pv[w]
			c1 := uint64(0)
			if s < t {
				c1 = 1
			}
			s2 := s + carry
			if s2 < s {
				c1 = 1
			}
			carry = c1
			xh[w] = (s2 ^ pv[w]) | eq[w]
		}
		for w := range words {
			mask := ^uint64(0)
			if w == words-1 {
				mask = lastMask
			}
			ph[w] = mv[w] | (^(xh[w] | pv[w]) & mask)
			mh[w] = pv[w] & xh[w]
		}
		if ph[hbWord]&hbBit != 0 {
			score++
		} else if mh[hbWord]&hbBit != 0 {
			score--
		}
		// ph = (ph << 1) | 1, mh = mh << 1, both masked
		cp, cm := uint64(1), uint64(0)
		for w := range words {
			np, nm := ph[w]>>63, mh[w]>>63
			ph[w] = ph[w]<<1 | cp
			mh[w] = mh[w]<<1 | cm
			cp, cm = np, nm
		}
		ph[words-1] &= lastMask
		mh[words-1] &= lastMask
		for w := range words {
			mask := ^uint64(0)
			if w == words-1 {
				mask = lastMask
			}
			pv[w] = mh[w] | (^(xv[w] | ph[w]) & mask)
			mv[w] = ph[w] & xv[w]
		}
	}
	return score
}

// boundaries are the offsets in the white-space-free body where one
// paragraph ends and the next begins.
func boundaries(paras []string) []int {
	total := 0
	for _, p := range paras {
		total += len(nows(p))
	}
	var out []int
	n := 0
	for _, p := range paras[:max(0, len(paras)-1)] {
		n += len(nows(p))
		if n > 0 && n < total {
			out = append(out, n)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// A matchBlock is one of difflib's matching blocks: a[i:i+size] ==
// b[j:j+size].
type matchBlock struct{ i, j, size int }

// sequenceMatcher is difflib.SequenceMatcher(None, a, b, autojunk=False),
// as far as get_matching_blocks.
type sequenceMatcher struct {
	a, b []rune
	b2j  map[rune][]int
}

func newSequenceMatcher(a, b []rune) *sequenceMatcher {
	s := &sequenceMatcher{a: a, b: b, b2j: map[rune][]int{}}
	for j, r := range b {
		s.b2j[r] = append(s.b2j[r], j)
	}
	return s
}

// findLongestMatch is difflib's find_longest_match with no junk: the
// longest matching block in a[alo:ahi] and b[blo:bhi], the earliest in a
// and then in b among the longest.
func (s *sequenceMatcher) findLongestMatch(alo, ahi, blo, bhi int) matchBlock {
	a, b := s.a, s.b
	besti, bestj, bestsize := alo, blo, 0
	j2len := map[int]int{}
	for i := alo; i < ahi; i++ {
		newj2len := map[int]int{}
		for _, j := range s.b2j[a[i]] {
			if j < blo {
				continue
			}
			if j >= bhi {
				break
			}
			k := j2len[j-1] + 1
			newj2len[j] = k
			if k > bestsize {
				besti, bestj, bestsize = i-k+1, j-k+1, k
			}
		}
		j2len = newj2len
	}
	for besti > alo && bestj > blo && a[besti-1] == b[bestj-1] {
		besti, bestj, bestsize = besti-1, bestj-1, bestsize+1
	}
	for besti+bestsize < ahi && bestj+bestsize < bhi && a[besti+bestsize] == b[bestj+bestsize] {
		bestsize++
	}
	return matchBlock{besti, bestj, bestsize}
}

// matchingBlocks is difflib's get_matching_blocks, without the final
// sentinel (which map_offsets drops, having size 0).
func (s *sequenceMatcher) matchingBlocks() []matchBlock {
	type span struct{ alo, ahi, blo, bhi int }
	queue := []span{{0, len(s.a), 0, len(s.b)}}
	var blocks []matchBlock
	for len(queue) > 0 {
		q := queue[len(queue)-1]
		queue = queue[:len(queue)-1]
		x := s.findLongestMatch(q.alo, q.ahi, q.blo, q.bhi)
		if x.size == 0 {
			continue
		}
		blocks = append(blocks, x)
		if q.alo < x.i && q.blo < x.j {
			queue = append(queue, span{q.alo, x.i, q.blo, x.j})
		}
		if x.i+x.size < q.ahi && x.j+x.size < q.bhi {
			queue = append(queue, span{x.i + x.size, q.ahi, x.j + x.size, q.bhi})
		}
	}
	slices.SortFunc(blocks, func(x, y matchBlock) int {
		if x.i != y.i {
			return x.i - y.i
		}
		if x.j != y.j {
			return x.j - y.j
		}
		return x.size - y.size
	})
	var out []matchBlock
	var cur matchBlock
	for _, x := range blocks {
		if cur.i+cur.size == x.i && cur.j+cur.size == x.j {
			cur.size += x.size
			continue
		}
		if cur.size > 0 {
			out = append(out, cur)
		}
		cur = x
	}
	if cur.size > 0 {
		out = append(out, cur)
	}
	return out
}

// mapOffsets maps offsets in p onto g through the matching blocks.
func mapOffsets(g, p []rune, offs []int) []int {
	if len(offs) == 0 {
		return nil
	}
	if slices.Equal(g, p) {
		return slices.Clone(offs)
	}
	blocks := newSequenceMatcher(g, p).matchingBlocks()
	out := make([]int, 0, len(offs))
	for _, q := range offs {
		mapped, dist, have := -1, 0, false
		for _, blk := range blocks {
			a0, b0, size := blk.i, blk.j, blk.size
			if b0 <= q && q <= b0+size {
				mapped, dist, have = a0+(q-b0), 0, true
				break
			}
			d, cand := q-b0-size, a0+size
			if q < b0 {
				d, cand = b0-q, a0
			}
			if !have || d < dist {
				mapped, dist, have = cand, d, true
			}
		}
		out = append(out, mapped)
	}
	return out
}

// scoreCounts are paperscore's counts for one page, or summed over pages.
type scoreCounts struct {
	NGold, NPred, Matched, Correct int
	TitleOK, TitleN                int
	HeadOK                         int // matched articles whose kicker, title and subtitle run together are gold's: title_acc but for the headline's split
	Edits, GoldChars               int
	PbTP, PbFP, PbFN               int
	Exact, GoldParas               int
	KickerOK, KickerN              int
	SubtitleOK, SubtitleN          int
	BylineOK, BylineN              int
	ContOK, ContN                  int
	PageOK, DateOK, Pages          int
}

func (c *scoreCounts) add(d scoreCounts) {
	c.NGold += d.NGold
	c.NPred += d.NPred
	c.Matched += d.Matched
	c.Correct += d.Correct
	c.TitleOK += d.TitleOK
	c.TitleN += d.TitleN
	c.HeadOK += d.HeadOK
	c.Edits += d.Edits
	c.GoldChars += d.GoldChars
	c.PbTP += d.PbTP
	c.PbFP += d.PbFP
	c.PbFN += d.PbFN
	c.Exact += d.Exact
	c.GoldParas += d.GoldParas
	c.KickerOK += d.KickerOK
	c.KickerN += d.KickerN
	c.SubtitleOK += d.SubtitleOK
	c.SubtitleN += d.SubtitleN
	c.BylineOK += d.BylineOK
	c.BylineN += d.BylineN
	c.ContOK += d.ContOK
	c.ContN += d.ContN
	c.PageOK += d.PageOK
	c.DateOK += d.DateOK
	c.Pages += d.Pages
}

// fieldCounts returns pointers to the ok and n counts of a text field.
func (c *scoreCounts) fieldCounts(name string) (ok, n *int) {
	switch name {
	case "kicker":
		return &c.KickerOK, &c.KickerN
	case "subtitle":
		return &c.SubtitleOK, &c.SubtitleN
	case "byline":
		return &c.BylineOK, &c.BylineN
	}
	panic("no field " + name)
}

var scoredFields = [...]string{"kicker", "subtitle", "byline"}

// scorePage is paperscore's score_page.
func scorePage(gold, pred scoredPage) scoreCounts {
	G, Pr := gold.articles, pred.articles
	gb := make([][]rune, len(G))
	for i, a := range G {
		gb[i] = nows(strings.Join(a.paragraphs, ""))
	}
	pb := make([][]rune, len(Pr))
	for j, a := range Pr {
		pb[j] = nows(strings.Join(a.paragraphs, ""))
	}
	type pair struct {
		sim  float64
		i, j int
	}
	cache := map[[2]int]int{}
	var pairs []pair
	for i, g := range gb {
		for j, p := range pb {
			L := max(len(g), len(p))
			if L == 0 {
				continue
			}
			if float64(min(len(g), len(p)))/float64(L) < 0.5 {
				continue
			}
			d := levenshtein(g, p)
			cache[[2]int{i, j}] = d
			if sim := 1 - float64(d)/float64(L); sim >= 0.5 {
				pairs = append(pairs, pair{sim, i, j})
			}
		}
	}
	// Python sorts (sim, -i, -j, i, j) in reverse: the most similar first,
	// then the lowest i, then the lowest j.
	slices.SortStableFunc(pairs, func(x, y pair) int {
		switch {
		case x.sim != y.sim:
			if x.sim > y.sim {
				return -1
			}
			return 1
		case x.i != y.i:
			return x.i - y.i
		}
		return x.j - y.j
	})
	gm, pm := map[int]int{}, map[int]int{}
	for _, p := range pairs {
		_, gi := gm[p.i]
		_, pj := pm[p.j]
		if !gi && !pj {
			gm[p.i], pm[p.j] = p.j, p.i
		}
	}

	c := scoreCounts{NGold: len(G), NPred: len(Pr), Matched: len(gm), TitleN: len(G)}
	for _, g := range gb {
		c.GoldChars += len(g)
	}
	for i, a := range G {
		c.GoldParas += len(a.paragraphs)
		gbd := boundaries(a.paragraphs)
		j, matched := gm[i]
		if !matched {
			c.Edits += len(gb[i])
			c.PbFN += len(gbd)
			for _, f := range scoredFields {
				if len(nows(a.field(f))) > 0 {
					_, n := c.fieldCounts(f)
					*n++
				}
			}
			for _, v := range []int{a.from, a.to} {
				if v != 0 {
					c.ContN++
				}
			}
			continue
		}
		p := Pr[j]
		d := cache[[2]int{i, j}]
		c.Edits += d
		if float64(d) <= 0.05*float64(len(gb[i])) {
			c.Correct++
		}
		if string(nows(a.title)) == string(nows(p.title)) {
			c.TitleOK++
		}
		if string(nows(a.field("kicker")+a.title+a.field("subtitle"))) == string(nows(p.field("kicker")+p.title+p.field("subtitle"))) {
			c.HeadOK++
		}
		for _, f := range scoredFields {
			gv, pv := string(nows(a.field(f))), string(nows(p.field(f)))
			if gv != "" || pv != "" {
				ok, n := c.fieldCounts(f)
				*n++
				if gv == pv {
					*ok++
				}
			}
		}
		for _, v := range [][2]int{{a.from, p.from}, {a.to, p.to}} {
			if v[0] != 0 || v[1] != 0 {
				c.ContN++
				if v[0] == v[1] {
					c.ContOK++
				}
			}
		}
		pbd := mapOffsets(gb[i], pb[j], boundaries(p.paragraphs))
		gset, used := map[int]bool{}, map[int]bool{}
		for _, q := range gbd {
			gset[q] = true
		}
		for _, q := range pbd {
			if gset[q] && !used[q] {
				used[q] = true
				c.PbTP++
			} else {
				c.PbFP++
			}
		}
		c.PbFN += len(gset) - len(used)
		pool := map[string]int{}
		for _, q := range p.paragraphs {
			pool[strings.TrimFunc(q, pyIsSpace)]++
		}
		for _, q := range a.paragraphs {
			q = strings.TrimFunc(q, pyIsSpace)
			if pool[q] > 0 {
				pool[q]--
				c.Exact++
			}
		}
	}
	for j, p := range Pr {
		if _, ok := pm[j]; !ok {
			c.Edits += len(pb[j])
			c.PbFP += len(boundaries(p.paragraphs))
		}
	}
	if gold.page == pred.page {
		c.PageOK = 1
	}
	if gold.date == pred.date {
		c.DateOK = 1
	}
	c.Pages = 1
	return c
}

// scoreMetrics are paperscore's figures; NaN where it prints '-' (null).
type scoreMetrics struct {
	ArticlesP, ArticlesR, ArticlesF1 float64
	TitleAcc                         float64
	KickerAcc, SubtitleAcc           float64
	BylineAcc, ContAcc               float64
	BodyCER                          float64
	ParaP, ParaR, ParaF1             float64
	ExactPara                        float64
	PageAcc, DateAcc                 float64
}

func ratio(a, b int, empty float64) float64 {
	if b == 0 {
		return empty
	}
	return float64(a) / float64(b)
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// metrics is paperscore's metrics.
func (c scoreCounts) metrics() scoreMetrics {
	ifZero := func(cond bool) float64 {
		if cond {
			return 1
		}
		return 0
	}
	P := ratio(c.Correct, c.NPred, ifZero(c.NGold == 0))
	R := ratio(c.Correct, c.NGold, 1)
	pp := ratio(c.PbTP, c.PbTP+c.PbFP, ifZero(c.PbFN == 0))
	pr := ratio(c.PbTP, c.PbTP+c.PbFN, ifZero(c.PbFP == 0))
	nan := math.NaN()
	m := scoreMetrics{
		ArticlesP: P, ArticlesR: R, ArticlesF1: f1(P, R),
		TitleAcc:    ratio(c.TitleOK, c.TitleN, 1),
		KickerAcc:   ratio(c.KickerOK, c.KickerN, nan),
		SubtitleAcc: ratio(c.SubtitleOK, c.SubtitleN, nan),
		BylineAcc:   ratio(c.BylineOK, c.BylineN, nan),
		ContAcc:     ratio(c.ContOK, c.ContN, nan),
		BodyCER:     ratio(c.Edits, c.GoldChars, 0),
		ParaP:       pp, ParaR: pr, ParaF1: f1(pp, pr),
		ExactPara: ratio(c.Exact, c.GoldParas, 1),
		PageAcc:   ratio(c.PageOK, c.Pages, 1), DateAcc: ratio(c.DateOK, c.Pages, 1),
	}
	if c.NGold == 0 && c.NPred == 0 {
		m.ArticlesF1 = 1
	}
	return m
}

// scoreLine is paperscore's last line.
func (m scoreMetrics) scoreLine() string {
	return fmt.Sprintf("score: articles_f1=%.3f title_acc=%.3f body_cer=%.3f para_f1=%.3f exact_para=%.3f",
		m.ArticlesF1, m.TitleAcc, m.BodyCER, m.ParaF1, m.ExactPara)
}

// scoreColumns are the columns of paperscore's table.
var scoreColumns = []struct {
	head string
	get  func(c scoreCounts, m scoreMetrics) string
}{
	{"art", func(c scoreCounts, _ scoreMetrics) string { return strconv.Itoa(c.NGold) }},
	{"pred", func(c scoreCounts, _ scoreMetrics) string { return strconv.Itoa(c.NPred) }},
	{"artP", func(_ scoreCounts, m scoreMetrics) string { return fig(m.ArticlesP) }},
	{"artR", func(_ scoreCounts, m scoreMetrics) string { return fig(m.ArticlesR) }},
	{"artF1", func(_ scoreCounts, m scoreMetrics) string { return fig(m.ArticlesF1) }},
	{"title", func(_ scoreCounts, m scoreMetrics) string { return fig(m.TitleAcc) }},
	{"kick", func(_ scoreCounts, m scoreMetrics) string { return fig(m.KickerAcc) }},
	{"subt", func(_ scoreCounts, m scoreMetrics) string { return fig(m.SubtitleAcc) }},
	{"byln", func(_ scoreCounts, m scoreMetrics) string { return fig(m.BylineAcc) }},
	{"cont", func(_ scoreCounts, m scoreMetrics) string { return fig(m.ContAcc) }},
	{"CER", func(_ scoreCounts, m scoreMetrics) string { return fig(m.BodyCER) }},
	{"parP", func(_ scoreCounts, m scoreMetrics) string { return fig(m.ParaP) }},
	{"parR", func(_ scoreCounts, m scoreMetrics) string { return fig(m.ParaR) }},
	{"parF1", func(_ scoreCounts, m scoreMetrics) string { return fig(m.ParaF1) }},
	{"exact", func(_ scoreCounts, m scoreMetrics) string { return fig(m.ExactPara) }},
	{"pg", func(_ scoreCounts, m scoreMetrics) string { return fig(m.PageAcc) }},
	{"date", func(_ scoreCounts, m scoreMetrics) string { return fig(m.DateAcc) }},
}

func fig(v float64) string {
	if math.IsNaN(v) {
		return "-"
	}
	return fmt.Sprintf("%.3f", v)
}

// A pageScore is one row of the table.
type pageScore struct {
	name   string
	counts scoreCounts
}

// scoreTable writes paperscore's table for pages and their total, and its
// score line.
func scoreTable(pages []pageScore) string {
	w := 5
	for _, p := range pages {
		w = max(w, len(p.name))
	}
	var b strings.Builder
	row := func(name string, c scoreCounts) {
		m := c.metrics()
		b.WriteString(fmt.Sprintf("%-*s", w, name))
		for _, col := range scoreColumns {
			fmt.Fprintf(&b, " %*s", max(len(col.head), 5), col.get(c, m))
		}
		b.WriteByte('\n')
	}
	b.WriteString(strings.Repeat(" ", w))
	for _, col := range scoreColumns {
		fmt.Fprintf(&b, " %*s", max(len(col.head), 5), col.head)
	}
	b.WriteByte('\n')
	var tot scoreCounts
	for _, p := range pages {
		row(p.name, p.counts)
		tot.add(p.counts)
	}
	row("TOTAL", tot)
	b.WriteString(tot.metrics().scoreLine())
	b.WriteByte('\n')
	return b.String()
}
