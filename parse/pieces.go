package parse

import (
	"strings"
	"unicode/utf8"
)

// A piece is a line of the page, or a part of one, with its role: body text,
// a headline line, a byline on its own line. Extractors sometimes print two
// things on one line (a headline's last characters and the first line of the
// next story's body); such a line becomes two pieces.
type piece struct {
	line
	role    role
	width   colWidth
	markers []marker // continuation markers cut from this line
	src     int      // index of the page line it came from
	doubt   bool     // a headline line of a doubtful block
	narrow  bool     // a line of a narrow column beside a picture

	// What the text says about itself, worked out once.
	leads      bool // it opens with a byline: a story starts here
	bylineOnly bool // the whole line is a byline
	credit     bool // it is a picture's or a story's credit (…摄)
	namesSrc   bool // it names a picture's or a chart's source (namesSource)
	punct      bool // it holds sentence punctuation (hasSentencePunct)
	dispatch   bool // it holds a rune of dispatchSet (讯, 电 …), anywhere

	// How the text reads as a line, for the steps that ask again and again.
	ideographs  int     // ideographs in it
	runes       int     // runes in it (runeLen)
	closesEarly bool    // it closes a bracket or quote before opening one
	unclosed    bool    // it leaves a bracket or quote open
	squeezed    float64 // its width with punctuation squeezed (squeezedEm)
}

// know works out what a piece's text says about itself, reading it once:
// what each of bylineStart, mayBeBylineLine and isCredit looks for first
// is found in that reading, and only a line that has it is asked further.
func (p *piece) know() {
	r := readPiece(p.text, p.em)
	p.leads = r.mayLead && bylineStart(p.text)
	p.bylineOnly = !p.leads && r.mayByline && isBylineLine(cleanSpaces(p.raw, p.spaced, true))
	p.credit = r.mayCredit && isCredit(p.text)
	p.namesSrc = r.maySource && namesSource(p.text)
	p.punct = r.punct
	p.dispatch = r.dispatch
	p.ideographs = r.ideographs
	p.runes = r.runes
	p.closesEarly = r.closesEarly
	p.unclosed = r.unclosed
	p.squeezed = r.squeezed
}

// A pieceReading is what one reading of a piece's text finds: the facts
// know keeps, each as its own function (ideographs, closesEarly, unclosed,
// squeezedEm) finds it, and the quick tests of the byline and credit
// functions.
type pieceReading struct {
	ideographs            int
	runes                 int // runeLen's count: a rune a step, as utf8 decodes
	closesEarly, unclosed bool
	squeezed              float64
	mayLead               bool // bylineStart's quick test: 讯, 电 … in the first 90 bytes
	mayByline             bool // mayBeBylineLine
	mayCredit             bool // isCredit's quick test: 摄, 图 …
	maySource             bool // namesSource's quick test: a mark of sourceWords
	punct                 bool // hasSentencePunct
	dispatch              bool // dispatchSet.in, on the whole text
}

// readPiece reads text, em ems wide, once.
func readPiece(text string, em float64) pieceReading {
	r := pieceReading{squeezed: em}
	round, quote := 0, 0
	early := false // closesEarly has its answer
	for i, size := 0, 0; i < len(text); i += size {
		// A run of the common ideographs the switch below does not name,
		// most of a line, read in a loop of its own, which keeps what it
		// counts in registers (the seed page's lines in 0.49 M
		// instructions, not 0.62 M).
		n := 0
		for ; i+2 < len(text); i += 3 {
			b0, b1, b2 := text[i], text[i+1], text[i+2]
			if b0-0xE4 > 0xE9-0xE4 || b1&0xC0 != 0x80 || b2&0xC0 != 0x80 {
				break
			}
			k := (uint32(b0&0x0F)<<12 | uint32(b1&0x3F)<<6 | uint32(b2&0x3F)) - 0x4E00
			if k >= 0x5200 || bylineIdeographs[k/64]&(1<<(k%64)) != 0 {
				break
			}
			n++
		}
		r.runes += n
		r.ideographs += n
		if i >= len(text) {
			break
		}
		r.runes++
		c, ideo := rune(0), false
		if c, ideo = commonIdeograph(text, i); ideo {
			size = 3
		} else {
			c, size = rune(text[i]), 1
			if c >= utf8.RuneSelf {
				c, size = decodeRune3(text[i:])
			}
			ideo = isIdeograph(c)
		}
		if ideo {
			// Most of a line: counted, and asked only whether it is one
			// of the ideographs that say a line may be a byline or a
			// credit.
			r.ideographs++
			if k := uint32(c) - 0x4E00; k < 0x5200 && bylineIdeographs[k/64]&(1<<(k%64)) == 0 {
				continue // a common ideograph the switch does not name: one test, not a search
			}
			r.maySource = r.maySource || strings.ContainsRune(sourceWords.marks, c)
			switch c {
			case '讯', '訊', '电', '電', '道', '導', '导':
				r.mayLead = r.mayLead || i+utf8.RuneLen(c) <= 90
				r.dispatch = true
			case '记', '記', '评', '評', '通', '文':
				r.mayByline = true
			case '图', '圖', '摄', '攝':
				r.mayByline, r.mayCredit = true, true
			case '绘':
				r.mayCredit = true
			}
			continue
		}
		if isWide(c) && c != '—' && c != '…' && c != '·' {
			r.squeezed -= 0.5
		}
		switch c {
		case '（', '(':
			round++
			early = true
		case '）', ')':
			if round > 0 {
				round--
			}
			r.closesEarly = r.closesEarly || !early
			early = true
		case '“':
			quote++
			early = true
		case '”':
			if quote > 0 {
				quote--
			}
			r.closesEarly = r.closesEarly || !early
			early = true
		case '】':
			r.mayByline = true
		case '。', '，', '、', '；', '：', '！', '？', ',', ';', '!', '?': // hasSentencePunct's
			r.punct = true
		}
	}
	r.unclosed = round > 0 || quote > 0
	r.mayByline = r.mayByline && len(text) <= 90
	return r
}

// bylineIdeographs marks, among the common ideographs (U+4E00 to U+9FFF),
// those readPiece's switch names and the marks of sourceWords, so that the
// others, most of a line, pass with a test of one bit whose answer the
// processor can guess. The marks are all common ideographs
// (TestSourceMarksAreCommonIdeographs): a line with none has none of the
// words.
var bylineIdeographs = func() (t [0x5200 / 64]uint64) {
	for _, r := range "讯訊电電道導导记記评評通文图圖摄攝绘" + sourceWords.marks {
		t[(r-0x4E00)/64] |= 1 << ((r - 0x4E00) % 64)
	}
	return t
}()

type role uint8

const (
	roleBody   role = iota
	roleHead        // a line of a headline block: kicker, title, subtitle
	roleByline      // a byline standing on its own line
	roleBlank       // a blank line
	roleFurniture
)

// cutPieces turns the page's lines into pieces: furniture lines are set
// aside, continuation markers are cut out of the text, and a line that holds
// the end of one thing and the start of a story with a byline is cut in two.
func cutPieces(lines []line, furniture []bool) []piece { return cutPiecesInto(nil, lines, furniture) }

// cutPiecesInto is cutPieces, writing the pieces in room's array when it
// holds them all (a page's pieces are one or two per line).
func cutPiecesInto(room []piece, lines []line, furniture []bool) []piece {
	out := room[:0]
	if cap(out) < len(lines) {
		out = make([]piece, 0, len(lines))
	}
	for i, l := range lines {
		switch {
		case furniture[i]:
			out = append(out, piece{line: l, role: roleFurniture, src: i})
			continue
		case l.blank:
			out = append(out, piece{line: l, role: roleBlank, src: i})
			continue
		}
		parts, n := splitAtByline(l)
		for _, part := range parts[:n] {
			out = append(out, piece{line: part, src: i})
			p := &out[len(out)-1] // cut and read in place: a piece is large to copy
			p.cutMarkers()
			p.know()
		}
	}
	return out
}

// splitAtByline cuts a line where, after a space, a story opens with a
// byline: "②） 本报北京2月12日电（程维安、张晓". It returns the n parts of
// the line, one or two.
//
// The work per candidate token is bounded, so that a long line with many
// tokens that might open a credit costs time in proportion to its length:
// whether the rest is letter-spaced is counted once from the end, and only
// the first creditReach bytes of the rest are cleaned and read.
func splitAtByline(l line) (parts [2]line, n int) {
	if !strings.ContainsRune(l.raw, ' ') || !dispatchSet.in(l.raw) {
		return [2]line{l}, 1 // one token, or none that names a dispatch (mayOpenCredit)
	}
	tokens := strings.FieldsFunc(l.raw, isSpace)
	// singles[k] counts the one-wide-character tokens in tokens[k:], as
	// letterSpaced counts them; dispatch[k] says whether tokens[k] holds
	// the character of a dispatch or report (mayOpenCredit).
	singles := make([]int, len(tokens)+1)
	dispatch := make([]bool, len(tokens))
	for k := len(tokens) - 1; k >= 0; k-- {
		singles[k] = singles[k+1]
		if r, n := utf8.DecodeRuneInString(tokens[k]); n == len(tokens[k]) && isWide(r) {
			singles[k]++
		}
		dispatch[k] = dispatchSet.in(tokens[k])
	}
	for k := 1; k < len(tokens); k++ {
		// A credit opens with 本报, 新华社, 【 or some other name, and names
		// its dispatch within a few characters: look no further otherwise.
		if !mayOpenCredit(tokens[k:], dispatch[k:]) {
			continue
		}
		spaced := singles[k] >= 3 && singles[k]*2 >= len(tokens)-k
		if bylineStart(cleanSpaces(joinReach(tokens[k:]), spaced, false)) {
			left := newLine(strings.Join(tokens[:k], " "))
			right := newLine(strings.Join(tokens[k:], " "))
			return [2]line{left, right}, 2
		}
	}
	return [2]line{l}, 1
}

// creditReach is how far into a line's rest, in bytes, a credit is looked
// for. The longest credit bylineLead knows — a name, a place, a date and a
// bracket of forty characters — is under 250 bytes; only a list of some
// fifty reporters' names would run past this.
const creditReach = 512

// joinReach joins the first tokens, with a space between them, up to
// creditReach bytes or the first token past it.
func joinReach(tokens []string) string {
	var b strings.Builder
	for i, t := range tokens {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t)
		if b.Len() >= creditReach {
			break
		}
	}
	return b.String()
}

// dispatchSet holds the characters of a dispatch or report: 讯, 电, 道.
var dispatchSet = newRuneMarks("讯訊电電道導导")

// mayOpenCredit reports whether the tokens from here may open a byline:
// their first few hold the character of a dispatch or report (dispatch
// says which tokens hold one).
func mayOpenCredit(tokens []string, dispatch []bool) bool {
	if !isIdeograph(firstRune(tokens[0])) && firstRune(tokens[0]) != '【' {
		return false
	}
	n := 0
	for k, t := range tokens {
		if dispatch[k] {
			return true
		}
		if n += len(t); n > 60 {
			return false
		}
	}
	return false
}

// cutMarkers takes continuation markers out of a piece's text and keeps
// them beside it. The piece keeps its printed width: the marker took room on
// the line.
func (p *piece) cutMarkers() {
	ms := findMarkers(p.text)
	if len(ms) == 0 {
		return
	}
	var b strings.Builder
	last := 0
	for _, m := range ms {
		b.WriteString(p.text[last:m.start])
		last = m.end
	}
	b.WriteString(p.text[last:])
	p.markers = ms
	p.text = strings.TrimSpace(b.String())
}

// from and to report the continuation markers a piece carries.
func (p *piece) from() (marker, bool) {
	for _, m := range p.markers {
		if m.from {
			return m, true
		}
	}
	return marker{}, false
}

func (p *piece) to() (marker, bool) {
	for _, m := range p.markers {
		if !m.from {
			return m, true
		}
	}
	return marker{}, false
}

// full reports whether the piece fills its column, less indent ems, within
// the page's slack. A letter-spaced line is full: the extractor spread it
// because it was justified.
func (p *piece) full(indent float64) bool {
	return p.spaced || p.em >= p.width.here-indent-slack
}

// short reports whether the piece falls plainly short of its column: short
// enough to be a headline or a paragraph's last line, not a full line that
// lost an em to the extractor.
func (p *piece) short() bool {
	return !p.spaced && p.em <= p.width.here-3
}

// cutHeadFromBody cuts a headline line where pdftotext -raw printed the
// first line of the column beside the headline after it, past a gap:
// "菜篮子量足价稳走势好 今年起，改编自同名获奖小说". The part after the gap is
// body text when it reads as a sentence and is as wide as the column the
// text after it is set in.
//
// The other way round, pdftotext -raw prints the last line of a wrapped
// headline before the first line of the body beside it: "走笔） 连日来，城东公园"
// under "城东公园樱花进入盛花期游客如织（春日" (tailBodyGap).
func cutHeadFromBody(ps []piece) ([]piece, bool) {
	var out []piece
	pw := newPageWords(ps)
	for i := range ps {
		p := ps[i]
		left, right, ok := headBodyGap(ps, i)
		if !ok {
			left, right, ok = tailBodyGap(ps, i, pw)
		}
		if !ok {
			if out != nil {
				out = append(out, p)
			}
			continue
		}
		if out == nil {
			out = append(make([]piece, 0, len(ps)+4), ps[:i]...)
		}
		head := piece{line: newLine(left), src: p.src, role: roleHead}
		head.cutMarkers()
		head.know()
		body := piece{line: newLine(right), src: p.src}
		body.cutMarkers()
		body.know()
		out = append(out, head, body)
	}
	if out == nil {
		return ps, false
	}
	return out, true
}

// headBodyGap finds where headline piece i holds body text after a gap.
func headBodyGap(ps []piece, i int) (left, right string, ok bool) {
	p := &ps[i]
	if p.role != roleHead || p.doubt || !strings.ContainsRune(p.raw, ' ') || len(p.markers) > 0 {
		return "", "", false
	}
	n := nextText(ps, i)
	if n < 0 || ps[n].role != roleBody {
		return "", "", false
	}
	after := bodyWidths(ps, i, +1)
	if after == 0 {
		return "", "", false
	}
	tokens := strings.FieldsFunc(p.raw, isSpace)
	for k := len(tokens) - 1; k >= 1; k-- {
		left, right = strings.Join(tokens[:k], " "), strings.Join(tokens[k:], " ")
		r := newLine(right)
		if r.em > after+0.75 {
			break
		}
		if r.spaced || !hasRuneIn(r.text, "，、；：") || closesSentence(lastRune(r.text)) || isDigit(lastRune(tokens[k-1])) {
			continue
		}
		if r.em >= after-2.75 && runeLen(cleanSpaces(left, false, true)) >= 4 {
			return left, right, true
		}
	}
	return "", "", false
}

// unreadHeadTail reports whether left, the text before the first gap of a
// body line, may be the tail of a headline whose other lines the line
// roles read as body, line h: pdftotext -raw printed the tail and the
// first line of the body beside it as one line ("迎客 连日来，城东公园…"
// under a headline's first line). Line h is a body line left open (no
// punctuation ends it, and it opens no byline); left holds an ideograph
// and does not end a dateline (电 or 讯: "本报电", a wrapped dateline's
// "电"); right opens with an ideograph or an opening quote and holds
// minTextPastGap runes at least. The wrap model and the column width
// decide the rest (tailBodyGap).
//
// Counted on the training pages (gen g001–g200, gen-issue, dev; gold
// ends a headline part or starts a paragraph, byline or headline at the
// gap): of the body lines that pass these tests and the wrap and width
// tests, 9 hold gold's boundary and none does not
// (TestTailCutsFallOnGoldBoundaries). Without the dateline test 6 more
// are cut, all on gold's boundary too, a dateline's tail and the body
// ("电 连日来，…"), but those the byline stage already parts and reads
// right: cut as a headline there, three pages lost their story. The lines
// the rune count turns away hold one or two runes after a gap set in a
// spaced-out phrase ("看 花"): 10 of them, none a boundary.
func unreadHeadTail(h *piece, left, right string) bool {
	if h.role != roleBody || h.spaced || h.leads || h.bylineOnly || len(h.markers) > 0 {
		return false
	}
	if r := lastRune(h.text); closesSentence(r) || hasSentencePunct(string(r)) {
		return false
	}
	if strings.IndexFunc(left, isIdeograph) < 0 || isDispatchWord(lastRune(left)) {
		return false
	}
	r := firstRune(right)
	return (isIdeograph(r) || r == '“' || opensUnpadded(right)) && runeLen(cleanSpaces(right, false, false)) >= minTextPastGap
}

// minTextPastGap is the fewest runes of text after a gap that
// unreadHeadTail reads as the body beside a headline's tail: the spaced
// phrases of body text leave one or two.
const minTextPastGap = 4

// opensUnpadded reports whether s opens with a run of Latin letters or
// digits set flush against the ideograph after it (10月29日，… 5G的…): a
// page that set room around the run would have set it on both sides, so
// a gap before such a run is no room around a number but a gap between
// two texts. On the training pages (gen g001–g200, gen-issue, dev, the
// made stories/train pages), every one of the 31 gaps after an ideograph
// or a closing mark and before such a run holds gold's boundary of a
// headline part, a byline or a paragraph.
func opensUnpadded(s string) bool {
	i := 0
	for i < len(s) && isLatin(rune(s[i])) {
		i++
	}
	if i == 0 {
		return false
	}
	r := firstRune(s[i:])
	return isIdeograph(r) || r == '“' || r == '（'
}

// tailBodyGap finds where body piece i opens with the last line of the
// headline line before it, past a gap: the part before the gap opens no
// dateline or date (setApart) and holds no sentence punctuation, the
// learned wrap model says the headline wraps on into it, and the part after
// it fits the column the text after it is set in. A gap beside a Latin letter or a digit is the room a page sets
// around a number (1986 年), no gap between two texts.
func tailBodyGap(ps []piece, i int, pw *pageWords) (left, right string, ok bool) {
	p := &ps[i]
	if p.role != roleBody || p.spaced || !strings.ContainsRune(p.raw, ' ') || len(p.markers) > 0 {
		return "", "", false
	}
	h := prevText(ps, i)
	if h < 0 || ps[h].text == "" {
		return "", "", false
	}
	gap := strings.IndexFunc(p.raw, isSpace)
	left, right = p.raw[:gap], strings.TrimFunc(p.raw[gap:], isSpace)
	if hasSentencePunct(left) || setApart(left) || isLatin(lastRune(left)) || isLatin(firstRune(right)) && !opensUnpadded(right) {
		return "", "", false
	}
	if ps[h].role != roleHead && !unreadHeadTail(&ps[h], left, right) {
		return "", "", false
	}
	after := bodyWidths(ps, i, +1)
	if after == 0 || newLine(right).em > after+0.75 {
		return "", "", false
	}
	a := headLine{text: ps[h].text, raw: ps[h].raw, em: ps[h].em}
	b := headLine{text: left, raw: left, em: textEm(left)}
	if !wrapsOn(a, b, max(a.em, b.em), pw) {
		return "", "", false
	}
	return left, right, true
}
