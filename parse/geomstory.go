package parse

import (
	"math"
	"slices"
	"strings"

	"github.com/dubaoreader/dubao/model"
)

// Headlines, stories and paragraphs of a page read from a PDF.

// Sizes relative to the body's.
const (
	titleSize  = 1.25 // a headline's characters are at least this much larger than the body's
	indentEms  = 1.0  // a paragraph's first line starts at least this far in
	shortEms   = 1.5  // a line that ends this far before its column's edge ends a paragraph
	headGapEms = 2.1  // a kicker or subtitle stands at most this far from its title, in the title's ems
)

// seqLines is the page's lines in reading order, with where each block starts.
type seqLines struct {
	lines []gline
	start []int // per block: its first line
	leaf  []*node
	edges []colEdges
}

// colEdges are the left and right edges of a block's column.
type colEdges struct{ left, right float64 }

// sequence lists the lines of the blocks in reading order.
func (g *geomPage) sequence(leaves []*node) *seqLines {
	sq := &seqLines{leaf: leaves}
	for k, lf := range leaves {
		sq.start = append(sq.start, len(sq.lines))
		var cs []Char
		var pics []model.Box
		for _, it := range lf.items {
			if it.char < 0 {
				pics = append(pics, it.box)
				continue
			}
			cs = append(cs, g.chars[it.char])
		}
		// A picture takes its place among the lines, by its top.
		ls := sheetLines(cs)
		for _, p := range pics {
			at := len(ls)
			for i, l := range ls {
				if l.box.Y0 >= p.Y0 {
					at = i
					break
				}
			}
			ls = slices.Insert(ls, at, gline{box: p, picture: true, group: -1})
		}
		for _, l := range ls {
			l.leaf = k
			sq.lines = append(sq.lines, l)
		}
		sq.edges = append(sq.edges, edgesOf(sq.lines[sq.start[k]:], g.body))
	}
	sq.start = append(sq.start, len(sq.lines))
	return sq
}

// edgesOf finds a block's column edges: where most of its body lines start
// and end.
func edgesOf(ls []gline, body float64) colEdges {
	var lefts, rights []float64
	for _, l := range ls {
		if l.picture || math.Abs(l.size-body) > 0.1*body {
			continue
		}
		lefts = append(lefts, l.box.X0)
		rights = append(rights, l.box.X1)
	}
	if len(lefts) == 0 {
		for _, l := range ls {
			lefts = append(lefts, l.box.X0)
			rights = append(rights, l.box.X1)
		}
	}
	if len(lefts) == 0 {
		return colEdges{}
	}
	return colEdges{left: slices.Min(lefts), right: slices.Max(rights)}
}

// markHeads finds the headline groups: runs of title lines, clearly larger
// than the body, with the kicker above and the subtitle below them.
func (g *geomPage) markHeads(sq *seqLines) {
	ls := sq.lines
	// A headline's first line has two characters at least; a line it
	// wraps onto may have one.
	isTitle := func(l *gline, wrapped bool) bool {
		if l.picture || runeLen(l.text) < 2 && !wrapped || len(findMarkers(l.text)) > 0 {
			return false
		}
		// Clearly larger than the body; or, where the PDF tells weights, a
		// bold line somewhat larger over a body that is not bold.
		return l.size >= titleSize*g.body ||
			l.weight >= 600 && g.bodyWeight > 0 && g.bodyWeight < 600 && l.size >= 1.05*g.body
	}
	group := 0
	for i := 0; i < len(ls); {
		// A headline set vertically is a stack of one-character lines.
		vertical := i+1 < len(ls) && runeLen(ls[i].text) == 1 && isTitle(&ls[i], true) && isTitle(&ls[i+1], true) &&
			runeLen(ls[i+1].text) == 1 && near(ls[i], ls[i+1])
		if !isTitle(&ls[i], vertical) {
			i++
			continue
		}
		j := i + 1
		for j < len(ls) && isTitle(&ls[j], true) && nearAny(ls[i:j], ls[j]) {
			j++
		}
		for k := i; k < j; k++ {
			ls[k].head, ls[k].group = roleTitle, group
		}
		// Of a run of large lines, the largest are the title: smaller
		// ones over it are its kicker, under it its subtitle.
		biggest := 0.0
		for k := i; k < j; k++ {
			biggest = max(biggest, ls[k].size)
		}
		var big model.Box
		for k := i; k < j; k++ {
			if ls[k].size >= 0.8*biggest {
				big = big.Union(ls[k].box)
			}
		}
		split := false
		for k := i; k < j; k++ {
			switch l := &ls[k]; {
			case l.size >= 0.8*biggest:
			case l.box.Y1 <= big.Y0+0.2*l.size:
				l.head, split = roleKicker, true
			case l.box.Y0 >= big.Y1-0.2*l.size:
				l.head, split = roleSubtitle, true
			}
		}
		top, bottom := ls[i], ls[j-1]
		// The kicker: a line or two just above the title.
		for k, n := i-1, 0; !split && k >= 0 && n < 2 && g.beside(sq, k, i, top, true); k-- {
			ls[k].head, ls[k].group = roleKicker, group
			if k == 0 || !sameRow(ls[k-1], ls[k]) {
				n++
			}
		}
		// The subtitle: a line or a few just below it.
		for k, n := j, 0; !split && k < len(ls) && n < 4 && (g.beside(sq, k, j-1, bottom, false) || k > 0 && g.wrapsOn(ls[k-1], ls[k])); k++ {
			ls[k].head, ls[k].group = roleSubtitle, group
			j = k + 1
			if k+1 == len(ls) || !sameRow(ls[k+1], ls[k]) {
				n++
			}
		}
		group++
		i = j
	}
}

// near reports whether two title lines are one headline: one under the
// other, close.
func near(a, b gline) bool {
	if sameRow(a, b) {
		return math.Abs(b.box.X0-a.box.X1) < 4*max(a.size, b.size)
	}
	return b.box.Y0-a.box.Y1 < 1.3*max(a.size, b.size) && overlaps(a.box.X0, a.box.X1, b.box.X0, b.box.X1)
}

func nearAny(run []gline, b gline) bool {
	for _, a := range run {
		if near(a, b) {
			return true
		}
	}
	return false
}

// sameRow reports whether two lines stand on one baseline.
func sameRow(a, b gline) bool {
	return math.Abs(a.box.Y1-b.box.Y1) < 0.25*min(a.size, b.size)
}

func overlaps(a0, a1, b0, b1 float64) bool { return a0 < b1 && b0 < a1 }

// beside reports whether line k stands by the title line t (line ti) as its
// kicker (above) or subtitle (below): smaller, close, under or over it, and
// not a line of a column of body text.
func (g *geomPage) beside(sq *seqLines, k, ti int, t gline, above bool) bool {
	l := sq.lines[k]
	if l.picture || l.head != roleNone || l.size >= t.size || runeLen(l.text) < 2 {
		return false
	}
	if isBylineLine(l.gapped) || len(findMarkers(l.text)) > 0 || bylineStart(l.text) {
		return false
	}
	// The line's whole row, which the cut may have parted at its gaps.
	row := l.box
	for j := k - 1; j >= 0 && sameRow(sq.lines[j], l) && !sq.lines[j].picture; j-- {
		row = row.Union(sq.lines[j].box)
	}
	for j := k + 1; j < len(sq.lines) && sameRow(sq.lines[j], l) && !sq.lines[j].picture; j++ {
		row = row.Union(sq.lines[j].box)
	}
	if !overlaps(row.X0, row.X1, t.box.X0, t.box.X1) {
		return false
	}
	gap := t.box.Y0 - l.box.Y1
	if !above {
		gap = l.box.Y0 - t.box.Y1
	}
	if gap < -0.2*t.size || gap > headGapEms*t.size {
		return false
	}
	// Not a line of a column of body text: a block of a few rows of its
	// own, not one of several columns side by side; or the title's block.
	rows := 0
	for j := sq.start[l.leaf]; j < sq.start[l.leaf+1]; j++ {
		if j == sq.start[l.leaf] || !sameRow(sq.lines[j-1], sq.lines[j]) {
			rows++
		}
	}
	if l.leaf == sq.lines[ti].leaf || rows <= 2 && !g.amongColumns(sq, l.leaf) {
		return true
	}
	// Or a column's first line, set apart from the column: a subtitle
	// over the first column.
	if above || k != sq.start[l.leaf] {
		return false
	}
	if strings.HasPrefix(l.text, "——") || math.Abs(l.size-g.body) > 0.03*g.body {
		return true
	}
	next := sq.lines[k+1]
	return !next.picture && next.box.Y0-l.box.Y1 > max(g.pitch-g.body, 0)+0.25*g.body
}

// geomStory is the lines of one story, in reading order.
type geomStory struct {
	lines []int
	group int // its headline group, -1 for none
}

func (st *geomStory) firstText(sq *seqLines) *gline {
	for _, k := range st.lines {
		if !sq.lines[k].picture {
			return &sq.lines[k]
		}
	}
	return nil
}

// stories finds the stories under n: a part of the page that holds one
// headline group, with nothing above it, is one story; otherwise its parts
// are looked at, and a part without a headline goes with the story before
// it — unless it opens with a picture or a （上接…） marker, or that story
// ended with （下转…）.
func (g *geomPage) stories(root *node, sq *seqLines) []geomStory {
	ord := map[*node]int{}
	for k, lf := range sq.leaf {
		ord[lf] = k
	}
	var walk func(n *node) []geomStory
	walk = func(n *node) []geomStory {
		first, last := n.span(ord)
		a, b := sq.start[first], sq.start[last+1]
		groups := map[int]bool{}
		gbottom := math.Inf(-1)
		gid := -1
		for k := a; k < b; k++ {
			if gr := sq.lines[k].group; gr >= 0 {
				groups[gr] = true
				gbottom = max(gbottom, sq.lines[k].box.Y1)
				gid = gr
			}
		}
		if len(groups) == 0 && len(n.parts) == 0 {
			return []geomStory{rangeStory(a, b, -1)}
		}
		if len(groups) == 1 {
			// Nothing may stand above the headline or beside it.
			above := false
			for k := a; k < b; k++ {
				l := sq.lines[k]
				if l.group < 0 && l.box.Y0 < gbottom-0.3*g.body {
					above = true
					break
				}
			}
			if !above && !g.farApart(n) {
				return []geomStory{rangeStory(a, b, gid)}
			}
		}
		if len(n.parts) == 0 {
			// One block with several headlines: each opens a story.
			var out []geomStory
			cur := geomStory{group: -1}
			for k := a; k < b; k++ {
				if gr := sq.lines[k].group; gr >= 0 && gr != cur.group {
					if len(cur.lines) > 0 {
						out = append(out, cur)
					}
					cur = geomStory{group: gr}
				}
				cur.lines = append(cur.lines, k)
			}
			return append(out, cur)
		}
		var all []geomStory
		for _, p := range n.parts {
			all = append(all, walk(p)...)
		}
		var out []geomStory
		for i := 0; i < len(all); i++ {
			st := all[i]
			// What follows a headline standing alone is its story, and
			// so is the rest of its headline in a block of its own.
			if len(out) > 0 && headOnly(&out[len(out)-1], sq) && (st.group < 0 || st.group == out[len(out)-1].group) {
				prev := &out[len(out)-1]
				prev.lines = append(prev.lines, st.lines...)
				continue
			}
			if st.group >= 0 || g.opensStory(&st, sq) {
				out = append(out, st)
				continue
			}
			// A column that starts level with the columns of a story
			// before it, a gutter to their right, goes on with them.
			if k := g.levelWith(&st, out, sq); k >= 0 && k != len(out)-1 {
				out[k].lines = append(out[k].lines, st.lines...)
				continue
			}
			// A column left of a centred headline is the story's.
			if i+1 < len(all) && all[i+1].group >= 0 && g.centredOver(all[i:], sq) &&
				(len(out) == 0 || g.endsStory(&out[len(out)-1], sq) || g.gapBetween(&st, &all[i+1], sq) <= g.gapBetween(&out[len(out)-1], &st, sq)) {
				all[i+1].lines = append(st.lines, all[i+1].lines...)
				continue
			}
			if len(out) > 0 && !g.endsStory(&out[len(out)-1], sq) && !g.farBelow(&out[len(out)-1], &st, sq) {
				prev := &out[len(out)-1]
				prev.lines = append(prev.lines, st.lines...)
				continue
			}
			out = append(out, st)
		}
		return out
	}
	return walk(root)
}

func rangeStory(a, b, group int) geomStory {
	st := geomStory{group: group}
	for k := a; k < b; k++ {
		st.lines = append(st.lines, k)
	}
	return st
}

// span is the first and last block under n, in reading order.
func (n *node) span(ord map[*node]int) (int, int) {
	if len(n.parts) == 0 {
		k := ord[n]
		return k, k
	}
	a, _ := n.parts[0].span(ord)
	_, b := n.parts[len(n.parts)-1].span(ord)
	return a, b
}

// opensStory reports whether a story without a headline stands on its own:
// it opens with a picture, a （上接…） marker, or a credit.
func (g *geomPage) opensStory(st *geomStory, sq *seqLines) bool {
	// A picture over the whole width of what follows it, not one set
	// into a column of text.
	if len(st.lines) > 0 && sq.lines[st.lines[0]].picture {
		pic := sq.lines[st.lines[0]].box
		var text model.Box
		for _, k := range st.lines[1:] {
			text = text.Union(sq.lines[k].box)
		}
		return text.Empty() || pic.X1-pic.X0 >= 0.9*(text.X1-text.X0)
	}
	l := st.firstText(sq)
	if l == nil {
		return false
	}
	for _, m := range findMarkers(l.text) {
		if m.from && m.start == 0 {
			return true
		}
	}
	return false
}

// endsStory reports whether a story's last line is a （下转…） marker.
func (g *geomPage) endsStory(st *geomStory, sq *seqLines) bool {
	for i := len(st.lines) - 1; i >= 0; i-- {
		l := sq.lines[st.lines[i]]
		if l.picture {
			continue
		}
		for _, m := range findMarkers(l.text) {
			if !m.from {
				return true
			}
		}
		return false
	}
	return false
}

// article builds the model's article of a story.
func (g *geomPage) article(st geomStory, sq *seqLines) *model.Article {
	a := &model.Article{}
	var kicker, title, subtitle string
	var kickers, titles, subtitles []gline
	var body []int
	seen := map[int]bool{}
	for _, k := range st.lines {
		l := sq.lines[k]
		if !seen[l.leaf] {
			seen[l.leaf] = true
			a.Region = append(a.Region, sq.leaf[l.leaf].box)
		}
		switch {
		case l.picture:
		case l.group >= 0 && l.group == st.group && l.head == roleKicker:
			kickers = append(kickers, l)
		case l.group >= 0 && l.group == st.group && l.head == roleTitle:
			titles = append(titles, l)
		case l.group >= 0 && l.group == st.group && l.head == roleSubtitle:
			subtitles = append(subtitles, l)
		default:
			body = append(body, k)
		}
	}
	for _, l := range rowOrder(kickers) {
		kicker = joinHeadline(kicker, l.text)
	}
	for _, l := range rowOrder(titles) {
		title = joinHeadline(title, l.text)
	}
	for _, l := range rowOrder(subtitles) {
		subtitle = joinHeadline(subtitle, l.text)
	}
	// A title may carry a marker: （上接第1版）.
	var ms []marker
	title, ms = cutMarkerText(title)
	markArticle(a, ms)
	a.Kicker, a.Title, a.Subtitle = kicker, title, subtitle

	paras := g.paragraphs(body, sq)
	for n, p := range paras {
		text, ms := cutMarkerText(p)
		markArticle(a, ms)
		if n == 0 && a.Byline == "" && len(a.Paragraphs) == 0 {
			if by := leadingByline(sq.lines[body[0]].gapped); by != "" {
				a.Byline = by
				text = strings.TrimSpace(strings.TrimPrefix(text, strings.ReplaceAll(by, " ", "")))
			}
			if a.Byline != "" && text == "" {
				continue
			}
			if by, rest := splitByline(text); by != "" && a.Byline == "" {
				a.Byline, text = by, rest
			}
		}
		if text != "" {
			a.Paragraphs = append(a.Paragraphs, text)
		}
	}
	if a.Title == "" && a.Kicker == "" && a.Subtitle == "" && len(a.Paragraphs) == 0 && a.Byline == "" && len(a.Markers) == 0 {
		return nil
	}
	return a
}

// paragraphs joins body lines into paragraphs: a line set in from its
// column's edge opens one, and so does a line after a short line, on a page
// whose paragraphs are not indented. A byline on a line of its own is a
// paragraph of its own.
func (g *geomPage) paragraphs(body []int, sq *seqLines) []string {
	indented := 0
	for _, k := range body {
		if g.indented(sq, k) {
			indented++
		}
	}
	indentStyle := indented*20 >= len(body)
	// A paragraph's lines are joined once it ends: joined one by one, a
	// paragraph of many short lines would be copied over and over
	// (TestGeomLongParagraphInLinearMemory).
	var out, run []string
	flush := func(out, run []string) []string {
		if len(run) == 0 {
			return out
		}
		return append(out, joinTexts(run))
	}
	prev := -1
	for _, k := range body {
		l := sq.lines[k]
		start := prev < 0
		if !start {
			p := sq.lines[prev]
			short := g.short(sq, prev)
			switch {
			case g.indented(sq, k):
				start = true
			case !indentStyle && short:
				start = true
			case short && (isBylineLine(p.gapped) || len(findMarkers(p.text)) > 0):
				start = true
			case len(findMarkers(l.text)) > 0 && findMarkers(l.text)[0].start == 0:
				start = true
			}
		}
		if start {
			out = flush(out, run)
			run = run[:0]
		}
		run = append(run, l.text)
		prev = k
	}
	return flush(out, run)
}

// indented reports whether line k starts in from its column's left edge.
func (g *geomPage) indented(sq *seqLines, k int) bool {
	l := sq.lines[k]
	left, _ := g.lineEdges(sq, k)
	d := l.box.X0 - left
	return d >= indentEms*l.size && d <= 4*l.size
}

// short reports whether line k ends well before its column's right edge.
func (g *geomPage) short(sq *seqLines, k int) bool {
	l := sq.lines[k]
	_, right := g.lineEdges(sq, k)
	return right-l.box.X1 >= shortEms*l.size
}

// lineEdges are the edges of the column at line k: its block's, narrowed
// by a picture beside the line.
func (g *geomPage) lineEdges(sq *seqLines, k int) (left, right float64) {
	l := sq.lines[k]
	e := sq.edges[l.leaf]
	left, right = e.left, e.right
	for j := sq.start[l.leaf]; j < sq.start[l.leaf+1]; j++ {
		p := sq.lines[j]
		if !p.picture || p.box.Y1 <= l.box.Y0 || p.box.Y0 >= l.box.Y1 {
			continue
		}
		if p.box.X1 <= l.box.X0+g.body {
			left = max(left, p.box.X1)
		} else if p.box.X0 >= l.box.X1-g.body {
			right = min(right, p.box.X0)
		}
	}
	// A line beside a picture starts a little after it.
	if left > e.left {
		lefts := []float64{}
		for j := sq.start[l.leaf]; j < sq.start[l.leaf+1]; j++ {
			q := sq.lines[j]
			if !q.picture && q.box.X0 >= left-g.body && q.box.X0 < left+3*g.body {
				lefts = append(lefts, q.box.X0)
			}
		}
		if len(lefts) > 0 {
			left = slices.Min(lefts)
		}
	}
	return left, right
}

// rowOrder sorts a headline's lines as they are read: row by row, each from
// left to right.
func rowOrder(ls []gline) []gline {
	slices.SortStableFunc(ls, func(a, b gline) int {
		if sameRow(a, b) {
			return sign(a.box.X0 - b.box.X0)
		}
		return sign(a.box.Y1 - b.box.Y1)
	})
	return ls
}

// centredOver reports whether the headless story ss[0] and the ones after
// the story ss[1] are the columns of ss[1], its headline centred over them
// all, the columns starting under the headline.
func (g *geomPage) centredOver(ss []geomStory, sq *seqLines) bool {
	var head, body model.Box
	add := func(st geomStory) {
		for _, k := range st.lines {
			l := sq.lines[k]
			if l.group >= 0 && l.group == ss[1].group {
				head = head.Union(l.box)
			} else {
				body = body.Union(l.box)
			}
		}
	}
	add(ss[0])
	add(ss[1])
	for _, st := range ss[2:] {
		if st.group >= 0 || g.opensStory(&st, sq) {
			break
		}
		add(st)
	}
	var first model.Box
	for _, k := range ss[0].lines {
		first = first.Union(sq.lines[k].box)
	}
	if head.Empty() || first.Y0 < head.Y1-0.3*g.body {
		return false
	}
	return math.Abs((body.X0+body.X1)/2-(head.X0+head.X1)/2) < 0.6*g.body
}

// gapBetween is the white space between two stories side by side, from
// the right edge of a to the left edge of b.
func (g *geomPage) gapBetween(a, b *geomStory, sq *seqLines) float64 {
	right, left := math.Inf(-1), math.Inf(1)
	for _, k := range a.lines {
		right = max(right, sq.lines[k].box.X1)
	}
	for _, k := range b.lines {
		left = min(left, sq.lines[k].box.X0)
	}
	return math.Abs(left - right)
}

// headOnly reports whether a story is a headline and nothing else yet.
func headOnly(st *geomStory, sq *seqLines) bool {
	for _, k := range st.lines {
		if sq.lines[k].group < 0 {
			return false
		}
	}
	return st.group >= 0
}

// leadingByline is the byline a body's first line opens with, printed
// apart from the text after it (本报记者 叶传增 杨文明  面对…), or the whole
// line when it is a byline; "" when there is none.
func leadingByline(gapped string) string {
	words := strings.Fields(gapped)
	for n := len(words); n >= 1; n-- {
		by := strings.Join(words[:n], " ")
		if isBylineLine(by) {
			return tidyByline(by)
		}
	}
	return ""
}

// amongColumns reports whether block k stands beside another block of
// two lines or so that starts at the same height, a gutter away: one of a
// row of short columns, such as a caption set in columns under its picture.
func (g *geomPage) amongColumns(sq *seqLines, k int) bool {
	b := sq.leaf[k].box
	for m, lf := range sq.leaf {
		o := lf.box
		if m == k || math.Abs(o.Y0-b.Y0) > 0.5*g.body || overlaps(o.X0, o.X1, b.X0, b.X1) {
			continue
		}
		if gap := max(o.X0-b.X1, b.X0-o.X1); gap > 2*g.body {
			continue // a block of another story, beyond a gutter's width
		}
		if rows := blockRows(sq, m); rows >= 2 && rows <= blockRows(sq, k)+1 {
			return true
		}
	}
	return false
}

// wrapsOn reports whether line b carries on subtitle line a: set just
// under it, the same size, within its width.
func (g *geomPage) wrapsOn(a, b gline) bool {
	return a.head == roleSubtitle && !b.picture && b.head == roleNone &&
		math.Abs(a.size-b.size) < 0.05*a.size && b.box.Y0-a.box.Y1 < 0.6*a.size && b.box.Y0 > a.box.Y0 &&
		b.box.X0 >= a.box.X0-a.size && b.box.X1 <= a.box.X1+a.size &&
		!isBylineLine(b.gapped) && !bylineStart(b.text) && len(findMarkers(b.text)) == 0
}

// blockRows counts the rows of block k.
func blockRows(sq *seqLines, k int) int {
	rows := 0
	for j := sq.start[k]; j < sq.start[k+1]; j++ {
		if j == sq.start[k] || !sameRow(sq.lines[j-1], sq.lines[j]) {
			rows++
		}
	}
	return rows
}

// levelWith finds the story among ss (with a headline or not: a
// continuation) whose text ends, a gutter to the left
// of the column st, in a column that starts at the same height as st: the
// story st goes on from. -1 when there is none.
func (g *geomPage) levelWith(st *geomStory, ss []geomStory, sq *seqLines) int {
	var col model.Box
	for _, k := range st.lines {
		col = col.Union(sq.lines[k].box)
	}
	if col.Empty() {
		return -1
	}
	best, bestGap := -1, 2*g.body
	for i := range ss {
		if g.endsStory(&ss[i], sq) {
			continue
		}
		// The story's columns: its blocks of body text.
		blocks := map[int]model.Box{}
		for _, k := range ss[i].lines {
			if l := sq.lines[k]; l.group < 0 && !l.picture {
				blocks[l.leaf] = blocks[l.leaf].Union(l.box)
			}
		}
		for _, b := range blocks {
			gap := col.X0 - b.X1
			if gap >= 0 && gap <= bestGap && math.Abs(b.Y0-col.Y0) < 0.5*g.body {
				best, bestGap = i, gap
			}
		}
	}
	return best
}

// farApart reports whether n's parts stand one above the other with a wide
// white space between two of them: more than three lines' height, which no
// story leaves inside itself.
func (g *geomPage) farApart(n *node) bool {
	for i := 1; i < len(n.parts); i++ {
		a, b := n.parts[i-1].box, n.parts[i].box
		if b.Y0-a.Y1 > 3*g.pitch {
			return true
		}
	}
	return false
}

// farBelow reports whether story st starts more than three lines' height
// below the end of story prev.
func (g *geomPage) farBelow(prev, st *geomStory, sq *seqLines) bool {
	bottom, top := math.Inf(-1), math.Inf(1)
	for _, k := range prev.lines {
		bottom = max(bottom, sq.lines[k].box.Y1)
	}
	for _, k := range st.lines {
		top = min(top, sq.lines[k].box.Y0)
	}
	return top-bottom > 3*g.pitch
}
