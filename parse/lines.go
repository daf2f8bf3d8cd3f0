package parse

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// A line is one line of a page as the extractor wrote it, with what the
// later steps need to know about it.
type line struct {
	raw    string  // as extracted (code points normalised), trimmed
	text   string  // extractor spaces removed
	em     float64 // printed width of text in ems
	spaced bool    // letter-spaced: the extractor spread a justified line
	blank  bool    // a blank line
	indent bool    // the extractor kept a leading indent
	// editors says text holds a mark of editorsWords: only then may it
	// name the editors (namesEditors).
	editors bool
}

// splitLines cuts a page's text into lines and prepares each one.
func splitLines(page string) []line { return splitLinesInto(new(pageRoom), page) }

// splitLinesInto is splitLines, cutting the rows in room's array and
// writing the lines in its lines' when they hold them all, and keeping
// both there.
func splitLinesInto(room *pageRoom, page string) []line {
	rows := room.rows[:0] // strings.Split(page, "\n"), in room
	for s := page; ; {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			rows = append(rows, s)
			break
		}
		rows, s = append(rows, s[:i]), s[i+1:]
	}
	room.rows = rows
	if len(rows) > 0 && rows[len(rows)-1] == "" {
		rows = rows[:len(rows)-1]
	}
	rejoinMarkers(rows)
	out := room.lines[:0]
	if cap(out) < len(rows) {
		out = make([]line, 0, len(rows))
	}
	for _, r := range rows {
		out = append(out, newLine(r))
	}
	room.lines = out
	return out
}

var (
	// A continuation marker the line end cut in two: （下转第9 / 版）.
	markerHead = regexp.MustCompile(`[（(]\s*(?:上接|紧接|緊接|下转|下轉|接|转|轉)\s*(?:第\s*)?[0-9０-９一二三四五六七八九十]*\s*$`)
	markerTail = regexp.MustCompile(`^\s*[0-9０-９一二三四五六七八九十]*\s*版\s*[）)]`)
)

// rejoinMarkers moves the head of a continuation marker cut at a line's end
// down to the line that holds its tail, so that the marker is whole.
func rejoinMarkers(rows []string) {
	for i := 0; i+1 < len(rows); i++ {
		if !hasOpenBracket(rows[i]) || !strings.Contains(rows[i], "接") && !strings.Contains(rows[i], "转") && !strings.Contains(rows[i], "轉") {
			continue // a marker's head opens a bracket and says 接 or 转 (轉)
		}
		loc := markerHead.FindStringIndex(rows[i])
		if loc == nil || !markerTail.MatchString(rows[i+1]) {
			continue
		}
		rows[i+1] = strings.TrimRight(rows[i][loc[0]:], " ") + strings.TrimLeft(rows[i+1], " ")
		rows[i] = strings.TrimRight(rows[i][:loc[0]], " ")
	}
}

// hasOpenBracket is strings.ContainsAny(s, "（("), which would look for
// each rune of s among the two: the one is looked for by its byte, the other
// by its first, which in CJK text only full-width punctuation shares, where
// 接 and 转 share theirs with many ideographs.
func hasOpenBracket(s string) bool {
	return strings.IndexByte(s, '(') >= 0 || strings.Contains(s, "（")
}

func newLine(r string) line {
	indent := strings.HasPrefix(r, "\u3000") || strings.HasPrefix(r, "  ")
	raw := trimSpaces(r)
	if raw == "" {
		return line{blank: true}
	}
	if em, editors, space := lineEm(raw, true); !space {
		// Most lines: nothing to clean, no room the spaces stood for.
		return line{raw: raw, text: raw, indent: indent, em: em, editors: editors}
	}
	l := line{raw: raw, indent: indent, spaced: letterSpaced(raw)}
	l.text = cleanSpaces(raw, l.spaced, false)
	l.em, l.editors, _ = lineEm(l.text, false)
	l.em += spaceEm(raw, l.spaced)
	return l
}

// trimSpaces is strings.TrimFunc(s, isSpace). A line that neither starts
// with a byte that opens one of isSpace's runes nor ends with one that closes
// one, as most do not, is kept as it is without decoding a rune.
func trimSpaces(s string) string {
	if len(s) > 0 && spaceEdge[s[0]]&spaceFirst == 0 && spaceEdge[s[len(s)-1]]&spaceLast == 0 {
		return s
	}
	return strings.TrimFunc(s, isSpace)
}

// spaceEdge marks the bytes that start (spaceFirst) and end (spaceLast) the
// runes isSpace knows, as UTF-8 writes them.
var spaceEdge = func() (t [256]uint8) {
	for _, r := range " \t\u3000\u00a0" {
		b := []byte(string(r))
		t[b[0]] |= spaceFirst
		t[b[len(b)-1]] |= spaceLast
	}
	return t
}()

const (
	spaceFirst = 1 << iota
	spaceLast
)

// spaceEm is the room the extractor's spaces stand for. Where a space
// touches a Latin letter or a digit, the page set extra room around the
// Latin run (about half an em in all), which the cleaned text no longer
// shows; spaces between CJK characters stand for nothing.
func spaceEm(raw string, spaced bool) float64 {
	if spaced || !hasSpace(raw) {
		return 0
	}
	var w float64
	prev := rune(0)
	inSpace := false
	for _, r := range raw {
		if isSpace(r) {
			inSpace = true
			continue
		}
		if inSpace && prev != 0 && (isLatin(prev) || isLatin(r)) {
			w += 0.25
		}
		inSpace = false
		prev = r
	}
	return w
}

// textEm is the printed width of s in ems.
func textEm(s string) float64 {
	w, _, _ := lineEm(s, false)
	return w
}

// lineEm is textEm(s); whether s may hold a mark of editorsWords: all are
// runes of three bytes from U+3000 to U+9FFF (TestLineEmFindsEditorsMarks),
// which lineEm reads in its quick step, asking of the last two bytes of
// each what editorsWords' marks ask (runeMarks); and whether s holds a
// rune isSpace knows (hasSpace). With stop, it stops at that rune, and w
// and editors are then of s up to it.
func lineEm(s string, stop bool) (w float64, editors, space bool) {
	last, next := editorsWords.set.last, editorsWords.set.next
	for i, size := 0, 0; i < len(s); i += size {
		if i+2 < len(s) && s[i]-0xE3 <= 0xE9-0xE3 && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			// U+3000 to U+9FFF, CJK punctuation, kana and ideographs:
			// most of a line, each an em (isWide).
			w++
			size = 3
			if last&(1<<(s[i+2]&63)) != 0 && next&(1<<(s[i+1]&63)) != 0 {
				editors = true
			}
			if s[i] == 0xE3 && s[i+1] == 0x80 && s[i+2] == 0x80 { // U+3000
				space = true
				if stop {
					return w, editors, space
				}
			}
			continue
		}
		r := rune(s[i])
		size = 1
		if r >= utf8.RuneSelf {
			r, size = decodeRune3(s[i:])
		}
		if r == ' ' || r == '\t' || r == '\u00a0' {
			space = true
			if stop {
				return w, editors, space
			}
		}
		if r == ' ' {
			w += 0.3
			continue
		}
		w += emWidth(r)
	}
	return w, editors, space
}

// letterSpaced reports whether the extractor spread the characters of s
// apart with spaces, as pdfminer does with a justified line and as narrow
// columns beside a picture are set (林 晓 岚 介).
func letterSpaced(s string) bool {
	if !hasSpace(s) {
		return false // one token
	}
	tokens, singles := 0, 0
	for t := range spaceFields(s) {
		tokens++
		if r, n := utf8.DecodeRuneInString(t); n == len(t) && isWide(r) {
			singles++
		}
	}
	return singles >= 3 && singles*2 >= tokens
}

// cleanSpaces removes the spaces an extractor puts between characters that
// the page set without one: between CJK characters, between CJK and Latin
// or digits (3 月 → 3月, 5K 挑战 → 5K挑战), around punctuation, and across a
// letter-spaced passage. A space stays between two Latin words and between
// two numbers. With keepGaps, a space between two runs of CJK text, as in a
// headline's deliberate gap (晨光映照“邮路绿” 青春奋进新征程), stays too.
func cleanSpaces(s string, spaced, keepGaps bool) string {
	if !hasSpace(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	prev := "" // the token before, none at first (a token is never empty)
	for t := range spaceFields(s) {
		if prev != "" && keepSpace(prev, t, spaced, keepGaps) {
			b.WriteByte(' ')
		}
		b.WriteString(t)
		prev = t
	}
	return b.String()
}

func keepSpace(left, right string, spaced, keepGaps bool) bool {
	l, _ := utf8.DecodeLastRuneInString(left)
	r, _ := utf8.DecodeRuneInString(right)
	if isLatin(l) && isLatin(r) {
		if spaced {
			return false
		}
		a, b := trailingAlnum(left), leadingAlnum(right)
		// A lone letter against a number is one token cut apart: C 919, 3 D.
		if (isNumber(a) && isSingleLetter(b)) || (isSingleLetter(a) && isNumber(b)) {
			return false
		}
		return true
	}
	if keepGaps && !spaced && isWide(l) && isWide(r) &&
		utf8.RuneCountInString(left) >= 2 && utf8.RuneCountInString(right) >= 2 {
		return true
	}
	return false
}

func trailingAlnum(s string) string {
	i := len(s)
	for i > 0 && isLatin(rune(s[i-1])) {
		i--
	}
	return s[i:]
}

func leadingAlnum(s string) string {
	i := 0
	for i < len(s) && isLatin(rune(s[i])) {
		i++
	}
	return s[:i]
}

func isNumber(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isDigit(rune(s[i])) {
			return false
		}
	}
	return true
}

func isSingleLetter(s string) bool {
	return len(s) == 1 && !isDigit(rune(s[0]))
}

// firstRune and lastRune of a string, or 0 when it is empty.
func firstRune(s string) rune {
	r, n := decodeRune3(s)
	if n == 0 {
		return 0
	}
	return r
}

func lastRune(s string) rune {
	if n := len(s); n >= 3 {
		if r, ok := wide3(s[n-3], s[n-2], s[n-1]); ok {
			return r
		}
	}
	r, n := utf8.DecodeLastRuneInString(s)
	if n == 0 {
		return 0
	}
	return r
}
