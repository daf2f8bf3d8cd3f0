package parse

import (
	"regexp"
	"slices"
	"strings"
)

// Headlines. A headline is set larger than the body and across its
// columns, so its lines do not fit the column flow: they are wider than the
// column, or short lines standing between the end of one story and the
// start of the next. Headline lines that stand together make a block; a
// block holds the headlines of one or more stories.

// classify gives every piece its role: headline, byline or body, and
// returns how many pieces changed.
func classify(ps []piece) int {
	changed := 0
	for i := range ps {
		p := &ps[i]
		if p.role != roleBody || p.text == "" {
			continue
		}
		switch {
		case p.leads:
			// A story opens here; its byline is taken off the paragraph later.
		case p.credit:
		case p.narrow:
		case p.bylineOnly:
			p.role = roleByline
			changed++
		case !p.spaced && p.squeezed > max(p.width.before, p.width.after)+1.5:
			p.role = roleHead
			changed++
		}
	}
	return changed
}

// sectionHead matches the numbered heading of a section inside a story:
// 七、健全社区养老服务, （三）推进…, 第二部分.
var sectionHead = regexp.MustCompile(`^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十0-9]+[）)]|[0-9]+[、.．]|第[一二三四五六七八九十]+[部章节条])`)

// creditLine matches the credit under a picture or at a story's end:
// 林小川摄（新华社发）, 新华社记者周原摄, 制图：陈一帆, 张三/图. A bare 图
// at the end is no credit: on the corpus pages every such line is a body
// line wrapped inside a word (图书, 地图) or a headline (…新蓝图).
//
// Each word is also matched in its Traditional form (攝, 製圖, 圖片：…),
// as a page set in Traditional script prints it.
var creditLine = regexp.MustCompile(`(?:[摄攝]|供[图圖]|[制製][图圖]|[绘繪]|[／/\s][图圖])(?:[（(][^）)]{1,12}[）)])?$|^(?:[制製][图圖]|[图圖]|[摄攝]影|[绘繪][图圖]|[图圖]片|[图圖]文|文字|版式|[设設][计計])[：:／/]`)

// isCredit reports whether a line is such a credit: body text, never a
// headline.
var creditRunes = newRuneMarks("摄图绘圖攝繪")

func isCredit(t string) bool {
	return len(t) < 90 && mayBeCredit(t) && creditRunes.in(t) && creditLine.MatchString(t)
}

// mayBeCredit is creditLine's quick test on a line's ends: a match ends
// the line with 摄, 图 or 绘 (攝, 圖, 繪), or with the bracket closing its
// note, or opens it with one of the words of its second way.
func mayBeCredit(t string) bool {
	switch lastRune(t) {
	case '摄', '图', '绘', '攝', '圖', '繪', '）', ')':
		return true
	}
	switch firstRune(t) {
	case '制', '图', '摄', '绘', '文', '版', '设', '製', '圖', '攝', '繪', '設':
		return true
	}
	return false
}

// squeezedEm is the width of a line with its punctuation squeezed to half
// an em, as a newspaper sets it when a line runs long: a body line full of
// punctuation can hold two characters more than the column.
func squeezedEm(p *piece) float64 {
	w := p.em
	for _, r := range p.text {
		if isWide(r) && !isIdeograph(r) && r != '—' && r != '…' && r != '·' {
			w -= 0.5
		}
	}
	return w
}

// A block is a run of headline pieces, from piece first to piece last. A
// doubtful block may as well be a subheading inside a story; assembly
// decides.
type block struct {
	first, last int
	doubtful    bool
}

// findBlocks finds the headline blocks: runs of headline and byline pieces
// together with the short, unpunctuated lines next to them. A run of short
// lines with no wide line among them is plainly a headline block where a
// story ends or begins around it; elsewhere it is doubtful.
func findBlocks(ps []piece) []block {
	markBeforeStarts(ps)
	var out []block
	i := 0
	for i < len(ps) {
		if !headish(ps, i) {
			i++
			continue
		}
		j := i
		for k := i + 1; k < len(ps); k++ {
			if ps[k].role == roleBlank {
				continue
			}
			if !headish(ps, k) {
				break
			}
			j = k
		}
		b := block{first: i, last: j}
		if k := detachLabel(ps, b); k >= 0 {
			// A short line set apart from the headline above it and run
			// straight into the text below: a label such as 核心阅读, or a
			// headline of its own; assembly decides.
			out = append(out, headBlock(ps, block{first: i, last: prevText(ps, k)}))
			if maybeHeadBlock(ps, block{first: k, last: k}) {
				out = append(out, headBlock(ps, block{first: k, last: k, doubtful: true}))
			}
			i = j + 1
			continue
		}
		switch {
		case isHeadBlock(ps, b):
		case maybeHeadBlock(ps, b):
			b.doubtful = true
		default:
			i = j + 1
			continue
		}
		out = append(out, headBlock(ps, b))
		i = j + 1
	}
	out = append(out, findHeadRuns(ps)...)
	slices.SortFunc(out, func(a, b block) int { return a.first - b.first })
	return out
}

// findHeadRuns finds the headline blocks the line-by-line test misses: a
// run of two to five unpunctuated lines between the end of one paragraph
// and the start of the next, none of which a paragraph would end with — a
// kicker and a title as wide as the column, say. A run with a line too
// wide for the column, or beside a byline, is plainly a headline; others
// are doubtful, for assembly to decide.
func findHeadRuns(ps []piece) []block {
	var out []block
	for i := range ps {
		if !openLine(ps, i) {
			continue
		}
		prev := prevText(ps, i)
		if prev >= 0 && ps[prev].role == roleBody && !ps[prev].credit && (!endsParagraph(ps, prev) || openLine(ps, prev)) {
			continue // not the start of a run
		}
		if oneWideLine(ps, i) {
			// One line after a paragraph's end, wider than the columns
			// around it, and the text after it fits its column: a one-line
			// headline set across columns.
			out = append(out, headBlock(ps, block{first: i, last: i, doubtful: true}))
			continue
		}
		var room [6]int
		run := append(room[:0], i)
		for k := nextText(ps, i); k >= 0 && len(run) < len(room) && openLine(ps, k); k = nextText(ps, k) {
			run = append(run, k)
		}
		// The run's last line may be the first line of the next paragraph.
		for len(run) >= 2 && !startsAfterRun(ps, run[len(run)-1]) {
			run = run[:len(run)-1]
		}
		before, after := bodyWidths(ps, run[0], -1), bodyWidths(ps, run[len(run)-1], +1)
		if len(run) < 2 || len(run) > 5 {
			continue
		}
		// No line of it may look like a body line of the column before it
		// or after it: full, or indented as a paragraph's first line.
		bodyLike := false
		for _, k := range run {
			for _, w := range []float64{before, after, ps[k].width.here} {
				if w > 0 && ps[k].em >= w-2.75 && ps[k].em <= w+0.75 {
					bodyLike = true
				}
			}
		}
		if bodyLike {
			continue
		}
		// Nor may it run on as a paragraph does: 压 / 贷，降低…
		flows := false
		for n := 1; n < len(run); n++ {
			if pushedDown(ps[run[n-1]].text, ps[run[n]].text) {
				flows = true
			}
		}
		if flows {
			continue
		}
		b := block{first: run[0], last: run[len(run)-1], doubtful: true}
		for _, k := range run {
			if ps[k].role == roleHead || ps[k].role == roleByline {
				b.doubtful = false
			}
		}
		out = append(out, headBlock(ps, b))
	}
	return out
}

// oneWideLine reports whether open line i is wider than the columns before
// and after it while the line after it fits the column after.
func oneWideLine(ps []piece, i int) bool {
	before, after := bodyWidths(ps, i, -1), bodyWidths(ps, i, +1)
	if !widerThanAll(ps[i].em, before, after, ps[i].width.here) {
		return false
	}
	n := nextText(ps, i)
	return n < 0 || ps[n].role != roleBody || ps[n].em <= after+0.75
}

// widerThanAll reports whether a line of em width is wider than each known
// column width around it, by more than a line's slack.
func widerThanAll(em float64, widths ...float64) bool {
	known := 0
	for _, w := range widths {
		if w <= 0 {
			continue
		}
		if em < w+slack {
			return false
		}
		known++
	}
	return known >= 2
}

// openLine reports whether body piece i may be a line of a headline run: no
// punctuation a paragraph ends with, nothing a story opens with, and
// nothing that finishes a line before it.
func openLine(ps []piece, i int) bool {
	p := &ps[i]
	if p.role != roleBody || p.text == "" || p.spaced || p.narrow || len(p.markers) > 0 || p.leads || p.credit {
		return false
	}
	if p.ideographs < 2 || p.closesEarly || noLineStart(firstRune(p.text)) || p.unclosed {
		return false
	}
	switch lastRune(p.text) {
	case '。', '，', '、', '；', '：', '！', '？', '…', '”', ',', ';', '—':
		return false
	case '）':
		return columnTag(p.text) && !hasRuneIn(p.text, "。，；：")
	}
	return true
}

// startsAfterRun reports whether what follows piece k starts something new:
// the page ends, a headline, a byline or a continuation, or a paragraph's
// indented first line.
func startsAfterRun(ps []piece, k int) bool {
	n := nextText(ps, k)
	if n < 0 || ps[n].role != roleBody || ps[n].leads || ps[n].bylineOnly {
		return true
	}
	if _, ok := ps[n].from(); ok {
		return true
	}
	q := &ps[n]
	if noLineStart(firstRune(q.text)) || q.closesEarly {
		return false
	}
	return looksIndented(q) || q.short() && closesSentence(lastRune(q.text))
}

// detachLabel returns the last line of block b if it is a short line, not
// a wide one, with a blank line before it and body text right after it; -1
// otherwise.
func detachLabel(ps []piece, b block) int {
	k := b.last
	if k == b.first || k == 0 || ps[k-1].role != roleBlank || ps[k].role != roleBody || ps[k].em > 6 {
		return -1
	}
	if k+1 >= len(ps) || ps[k+1].role != roleBody || ps[k+1].text == "" {
		return -1
	}
	return k
}

// headBlock marks the pieces of a block as headline lines and returns it.
func headBlock(ps []piece, b block) block {
	for k := b.first; k <= b.last; k++ {
		if ps[k].role == roleBody {
			ps[k].role = roleHead
			ps[k].doubt = b.doubtful
		}
	}
	return b
}

// maybeHeadBlock reports whether a run of short lines inside the text may
// be a headline: one or two lines that read as a phrase, not a sentence.
func maybeHeadBlock(ps []piece, b block) bool {
	n := 0
	for k := b.first; k <= b.last; k++ {
		p := &ps[k]
		if p.role == roleBlank {
			continue
		}
		n++
		if p.role == roleByline || hasRuneIn(p.text, "。；！？，、") || sectionHead.MatchString(p.text) || strings.HasSuffix(p.text, "——") {
			return false
		}
	}
	return n <= 2
}

// headish reports whether piece i may belong to a headline block.
func headish(ps []piece, i int) bool {
	p := &ps[i]
	switch p.role {
	case roleHead, roleByline:
		return true
	case roleBody:
	default:
		return false
	}
	if p.text == "" || p.spaced || p.narrow || len(p.markers) > 0 || p.leads {
		return false
	}
	finishes := p.closesEarly || noLineStart(firstRune(p.text))
	if j := prevText(ps, i); j >= 0 && ps[j].role == roleHead && !ps[j].doubt &&
		(finishes || firstRune(p.text) == '（' && p.short()) {
		return true // the tail of a wrapped headline
	}
	if finishes || firstRune(p.text) == '（' {
		return false // it finishes a bracket the line before opened
	}
	if p.credit || p.ideographs < 2 && !neighbourIsHead(ps, i) {
		return false
	}
	switch lastRune(p.text) {
	case '。', '，', '、', '；', '：', ',', ';':
		return false
	}
	next, prev := nextText(ps, i), prevText(ps, i)
	if next >= 0 && noLineStart(firstRune(ps[next].text)) && ps[next].role == roleBody {
		return false // the line goes on
	}
	if prev >= 0 && ps[prev].role == roleBody && (!endsParagraph(ps, prev) || ps[prev].unclosed) {
		return false // the line finishes a paragraph
	}
	if next == i+1 && ps[next].role == roleBody && ps[next].em >= ps[next].width.here-1.25 && !closesSentence(lastRune(ps[next].text)) && !ps[next].leads {
		return false // a full line follows: this one opens its paragraph
	}
	if p.short() || neighbourIsHead(ps, i) {
		return true
	}
	// Set apart by blank lines, or last on the page, after a sentence's end.
	return (blankAround(ps, i) || next < 0) && (prev < 0 || closesSentence(lastRune(ps[prev].text)))
}

// blankAround reports whether piece i has a blank line on both sides; the
// top and the foot of the page count as blank.
func blankAround(ps []piece, i int) bool {
	return (i == 0 || ps[i-1].role == roleBlank || prevText(ps, i) < 0) &&
		(i+1 == len(ps) || ps[i+1].role == roleBlank || nextText(ps, i) < 0)
}

// neighbourIsHead reports whether the piece next to i is a wide headline
// line or a byline, so that a line of any length beside it belongs with it.
func neighbourIsHead(ps []piece, i int) bool {
	if j := prevText(ps, i); j >= 0 && ps[j].role == roleHead && !ps[j].doubt {
		return true
	}
	if j := nextText(ps, i); j >= 0 && (ps[j].role == roleHead && !ps[j].doubt || ps[j].role == roleByline) {
		return true
	}
	return false
}

// endsParagraph reports whether body piece i plainly ends a paragraph: it is
// short for its column, or it closes a sentence.
func endsParagraph(ps []piece, i int) bool {
	p := &ps[i]
	if _, ok := p.to(); ok {
		return true // （下转第4版）: the story ends here on this page
	}
	return closesSentence(lastRune(p.text)) || p.short()
}

// isHeadBlock decides whether a run of headish pieces is plainly a
// headline block.
func isHeadBlock(ps []piece, b block) bool {
	lines, bylines := 0, 0
	for k := b.first; k <= b.last; k++ {
		switch ps[k].role {
		case roleHead:
			return true
		case roleByline:
			bylines++
		case roleBlank:
			continue
		}
		lines++
	}
	if bylines > 0 && lines > bylines {
		return true // a headline with its byline under it
	}
	prev, next := prevText(ps, b.first), nextText(ps, b.last)
	if next < 0 {
		return true // at the foot of the page
	}
	if prev < 0 {
		return false // at the top, a short line may open the first story
	}
	if ps[next].leads {
		return true
	}
	if _, ok := ps[next].from(); ok {
		return true
	}
	if _, ok := ps[prev].to(); ok {
		return true
	}
	// The column changes across the block: one story ends, another begins.
	before, after := bodyWidths(ps, b.first, -1), bodyWidths(ps, b.last, +1)
	if before > 0 && after > 0 && (before-after >= 3 || after-before >= 3) {
		return true
	}
	return false
}

// bodyWidths is the common width of the body lines on one side of piece i
// (dir −1 before it, +1 after it), up to a headline; 0 when there are too
// few to say.
func bodyWidths(ps []piece, i, dir int) float64 {
	var room [widthWindow]float64
	ems := room[:0]
	for j := i + dir; j >= 0 && j < len(ps) && len(ems) < widthWindow; j += dir {
		switch ps[j].role {
		case roleBody:
			if ps[j].text != "" && !ps[j].spaced {
				ems = append(ems, ps[j].em)
			}
		case roleBlank, roleFurniture:
		default:
			j = -2 // a headline or byline ends the run
		}
	}
	if len(ems) < 4 {
		return 0
	}
	return commonWidth(ems)
}

// prevText and nextText find the nearest piece before or after i that has
// text and is not furniture; -1 when there is none.
func prevText(ps []piece, i int) int {
	for j := i - 1; j >= 0; j-- {
		if ps[j].role != roleBlank && ps[j].role != roleFurniture && (ps[j].text != "" || len(ps[j].markers) > 0) {
			return j
		}
	}
	return -1
}

func nextText(ps []piece, i int) int {
	for j := i + 1; j < len(ps); j++ {
		if ps[j].role != roleBlank && ps[j].role != roleFurniture && (ps[j].text != "" || len(ps[j].markers) > 0) {
			return j
		}
	}
	return -1
}

// A group is the headline of one story: kicker, title (one or more lines),
// subtitle, and a byline printed with them.
type group struct {
	kicker, title, subtitle, byline string
	gap                             int      // the number of paragraphs before it
	pos                             int      // index of its first piece
	marks                           []marker // continuation markers printed in it
}

// groupsOf splits a headline block into the headlines of its stories and
// names the part each line plays.
func groupsOf(ps []piece, b block, rawMode bool, pw *pageWords) []group {
	// Logical lines: physical lines joined where a headline wraps.
	type hline struct {
		text   string
		parts  int  // physical lines in it
		byline bool // a byline line
		blankB bool // a blank line before it
		gapped bool // the extractor kept a phrase gap inside it
		pos    int
		marks  []marker
	}
	var hl []hline
	var carried []marker
	blankBefore := false
	longest := 0.0
	for k := b.first; k <= b.last; k++ {
		longest = max(longest, ps[k].em)
	}
	var lastLine headLine // the last physical line of the last logical one
	for k := b.first; k <= b.last; k++ {
		p := &ps[k]
		if p.role == roleBlank {
			blankBefore = true
			continue
		}
		if p.text == "" {
			continue
		}
		texts := []string{cleanSpaces(p.raw, p.spaced, true)}
		if rawMode && p.role == roleHead {
			texts = splitSideBySide(p.raw)
		}
		for n, t := range texts {
			t, ms := cutMarkerText(t)
			if t == "" {
				// A marker alone: it goes with the headline line before.
				if len(hl) > 0 {
					hl[len(hl)-1].marks = append(hl[len(hl)-1].marks, ms...)
				} else {
					carried = append(carried, ms...)
				}
				continue
			}
			h := hline{text: t, parts: 1, byline: p.role == roleByline, blankB: blankBefore && n == 0, pos: k, marks: append(carried, ms...)}
			carried = nil
			h.gapped = strings.Contains(t, " ") && !h.byline
			blankBefore = false
			line := headLine{text: t, raw: p.raw, em: p.em, beside: n > 0, piece: k}
			if len(texts) > 1 {
				line.em = textEm(t)
			}
			if len(hl) > 0 && !h.byline && !hl[len(hl)-1].byline && !h.blankB && hl[len(hl)-1].parts < maxHeadlineLines && wrapsOn(lastLine, line, longest, pw) {
				last := &hl[len(hl)-1]
				last.text = joinHeadline(last.text, t)
				last.parts++
				last.marks = append(last.marks, h.marks...)
				lastLine = line
				continue
			}
			hl = append(hl, h)
			lastLine = line
		}
	}
	// Split into groups: at blank lines, and between two wrapped titles.
	var groups [][]hline
	for i, h := range hl {
		newGroup := i == 0
		if i > 0 && !h.byline {
			prev := hl[i-1]
			switch {
			case h.blankB && !hasClause(h.text) && !strings.HasPrefix(h.text, "——"):
				newGroup = true
			case prev.byline:
				newGroup = true
			case h.parts > 1 && prev.parts > 1:
				newGroup = true
			case rawMode && h.pos == prev.pos:
				newGroup = true // two headlines side by side on one line
			case len(groups) > 0 && len(groups[len(groups)-1]) >= 3:
				newGroup = true
			}
		}
		if newGroup {
			groups = append(groups, nil)
		}
		groups[len(groups)-1] = append(groups[len(groups)-1], h)
	}
	out := make([]group, 0, len(groups))
	for _, g := range groups {
		var gr group
		gr.pos = g[0].pos
		var rest []hline
		var bylines []string // joined once: a block may hold thousands
		for _, h := range g {
			gr.marks = append(gr.marks, h.marks...)
			switch {
			case h.byline:
				bylines = append(bylines, tidyByline(h.text))
			case strings.HasPrefix(h.text, "——") || strings.HasPrefix(h.text, "—— "):
				gr.subtitle = joinHeadline(gr.subtitle, strings.Replace(h.text, "—— ", "——", 1))
			default:
				rest = append(rest, h)
			}
		}
		gr.byline = strings.Join(bylines, " ")
		switch len(rest) {
		case 0:
		case 1:
			gr.title = rest[0].text
		case 2:
			a, b := rest[0], rest[1]
			if !kickerFirst(headPart{a.text, a.parts}, headPart{b.text, b.parts}) {
				gr.title, gr.subtitle = a.text, joinHeadline(b.text, gr.subtitle)
			} else {
				gr.kicker, gr.title = a.text, b.text
			}
		default:
			gr.kicker, gr.title = rest[0].text, rest[1].text
			for _, h := range rest[2:] {
				gr.subtitle = joinHeadline(gr.subtitle, h.text)
			}
		}
		if gr.title == "" && gr.kicker == "" && gr.subtitle != "" {
			gr.title, gr.subtitle = gr.subtitle, ""
		}
		out = append(out, gr)
	}
	return out
}

// titleOfTwo decides which of two headline lines is the title: 0 when the
// first is (title, subtitle), 1 when the second is (kicker, title).
func titleOfTwo(a, b string, aParts, bParts int, aGap, bGap bool) int {
	// A sentence of clauses is the kicker or the subtitle, even when it
	// wraps or its phrases are set apart.
	aClause, bClause := hasClause(a), hasClause(b)
	switch {
	case aClause && !bClause:
		return 1
	case bClause && !aClause:
		return 0
	}
	switch {
	case aParts > 1 && bParts == 1:
		return 0 // a title wraps; a kicker or subtitle is set small
	case bParts > 1 && aParts == 1:
		return 1
	case aGap && !bGap:
		return 0 // a title's phrases are set apart
	case bGap && !aGap:
		return 1
	}
	switch {
	case columnTag(a) && !columnTag(b):
		return 0
	case columnTag(b) && !columnTag(a):
		return 1
	}
	// No cue but length: a kicker leads into a shorter title, a subtitle
	// explains a shorter one; a very short first line is a kicker's label.
	la, lb := runeLen(a), runeLen(b)
	if la < lb && la > 6 {
		return 0
	}
	return 1
}

// hasClause reports whether a headline line reads as a sentence of clauses.
func hasClause(s string) bool {
	return clauseRunes.in(s)
}

var clauseRunes = newRuneMarks("，,；：")

// columnTag reports whether a headline ends with a column's tag in brackets,
// as People's Daily titles do: （权威发布）.
func columnTag(s string) bool {
	return strings.HasSuffix(s, "）") && strings.Contains(s, "（")
}

// maxHeadlineLines is the most physical lines joined into one headline
// line. No printed headline wraps to a tenth of it; past it, a block of many
// thousand short lines would be joined line after line, at a cost in the
// square of the block's length.
const maxHeadlineLines = 64

// wraps reports whether headline line b continues line a: it starts with a
// character no line may start with, or a is a long line and b a short tail.
func wraps(a, b string) bool {
	if noLineStart(firstRune(b)) {
		return true
	}
	if opensPair(lastRune(a)) {
		return true
	}
	la, lb := textEm(a), textEm(b)
	if la < 12 || hasClause(b) || strings.HasPrefix(b, "——") {
		return false
	}
	// A wrapped headline leaves a short tail; a kicker over a short title
	// is a line of its own.
	return lb <= 6 || lb <= 0.45*la || lb <= 0.56*la && hasRuneIn(b, "（）“”《》")
}

// splitSideBySide cuts a wide headline line where pdftotext -raw printed two
// headlines that stand side by side on the page: 穿过风雪的信使 星空剧场…,
// or a headline and a text that opens with a number set flush against
// what follows (opensUnpadded): 穿过风雪的信使 5G来到…
//
// The headline read so far grows token by token, cleaned as cleanSpaces
// would clean it whole: a space stays only where keepSpace keeps it between
// its last token and the next (cleaning it again changes nothing before).
// A long line costs time in its length.
func splitSideBySide(raw string) []string {
	var out []string
	var cur strings.Builder
	curRunes, lastTok := 0, 0 // runes in cur; where its last token starts
	for t := range spaceFields(raw) {
		tRunes := runeLen(t)
		if cur.Len() > 0 && curRunes >= 4 && tRunes >= 4 && isWide(lastRune(cur.String())) && (isWide(firstRune(t)) || opensUnpadded(t)) {
			out = append(out, cur.String())
			cur = strings.Builder{}
			cur.WriteString(t)
			curRunes, lastTok = tRunes, 0
			continue
		}
		if cur.Len() > 0 && keepSpace(cur.String()[lastTok:], t, false, false) {
			cur.WriteByte(' ')
			curRunes++
			lastTok = cur.Len()
		}
		cur.WriteString(t)
		curRunes += tRunes
	}
	if cur.Len() > 0 {
		out = append(out, cur.String())
	}
	return out
}

// joinHeadline joins two lines of one headline part.
func joinHeadline(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	case isLatin(lastRune(a)) && isLatin(firstRune(b)) && !isDigit(lastRune(a)):
		return a + " " + b
	}
	return a + b
}

// markBeforeStarts marks as headline lines the few unpunctuated lines that
// stand between the end of one story and a line that plainly starts the next
// (a byline, a continuation): there, a page prints the headline of the story
// that ended, or of the one that starts.
func markBeforeStarts(ps []piece) {
	for i := range ps {
		p := &ps[i]
		if p.role != roleBody {
			continue
		}
		if _, ok := p.from(); !ok && !p.leads {
			continue
		}
		var run []int
		j := prevText(ps, i)
		for ; j >= 0 && len(run) < 4; j = prevText(ps, j) {
			q := &ps[j]
			if q.role == roleHead || q.role == roleByline {
				run = nil // a headline block is there already
				break
			}
			if q.role != roleBody || q.spaced || len(q.markers) > 0 || q.leads || q.credit {
				break
			}
			if r := lastRune(q.text); r == '。' || r == '，' || r == '、' || r == '；' || r == '：' || r == '！' || r == '？' || r == '”' || r == '…' {
				break
			}
			run = append(run, j)
		}
		if len(run) == 0 || len(run) == 4 {
			continue
		}
		if j >= 0 && ps[j].role == roleBody && !closesSentence(lastRune(ps[j].text)) {
			continue // the run is the end of a paragraph
		}
		for _, k := range run {
			ps[k].role = roleHead
		}
	}
}

// ideographs counts the Han characters in s.
func ideographs(s string) int {
	n := 0
	for _, r := range s {
		if isIdeograph(r) {
			n++
		}
	}
	return n
}
