package parse

import (
	"regexp"
	"strings"
)

// Bylines: the credit that opens an article's first paragraph
// (本报讯（记者苏晴）, 本报北京2月20日电（记者范晓梅）, 新华社北京3月5日电,
// 【許文翔／台北報導】) or stands on a line of its own (本报记者 高俊明,
// 记者 王伟 通讯员 李娜, 本报评论员).

const (
	hanName = `[\p{Han}·]{2,5}`
	// A dateline: a place, then the month and day of the dispatch, 电 or 讯
	// (電, 訊 in Traditional text).
	dateline = `[\p{Han}]{0,10}?[0-9０-９]{1,2}月[0-9０-９]{1,2}日(?:电|讯|電|訊)`
	// The credit in brackets after it: （记者X）, （记者X 通讯员Y）, （程维安、邓晓岩）.
	creditBracket = `(?:\s*[（(][^（()）。！？]{1,40}[）)])?`
)

var (
	// An opening credit at the start of a paragraph.
	bylineLead = regexp.MustCompile(`^(?:` +
		`本报讯` + creditBracket +
		`|本[报報]` + dateline + creditBracket +
		`|(?:新华社|新華社|中新社|中新网|人民网|央视网|新华网|据新华社)` + dateline + creditBracket +
		`|[\p{Han}]{2,6}(?:社|网|報|报|台)` + dateline + creditBracket +
		`|【[^】\n]{1,24}(?:报道|報導|报导|讯|訊|电|電)】` +
		`|(?:新华社|本报|本報)(?:记者|記者)` + hanName + `(?:[、\s]` + hanName + `)*` + `(?:报道|報導)` +
		`)`)

	// A byline standing alone on its line.
	bylineLine = regexp.MustCompile(`^(?:` +
		`(?:□\s*)?(?:本[报報]|新华社|新華社|特约|特派)?(?:记者|記者|评论员|評論員|通讯员|通訊員)\s*` + hanName + `(?:[\s、，]+(?:(?:本[报報])?(?:记者|記者|通讯员|通訊員|实习生|實習生)\s*)?` + hanName + `)*` +
		`|本[报報](?:评论员|評論員|特约评论员)` +
		`|(?:文/图|文／图|文图|摄影|攝影|文|图)(?:[/／:：]\s*|\s+)` + hanName + `(?:[\s、]+` + hanName + `)*` +
		`|【[^】\n]{1,24}】` +
		`)$`)
)

// bylineStart reports whether a body line opens with a credit, which starts
// a new article.
func bylineStart(t string) bool {
	// Every credit bylineLead knows names a dispatch or a report within its
	// first characters; most lines name none, and need no regexp.
	head := t[:min(len(t), 90)]
	if !dispatchSet.in(head) || !mayLeadCredit(t) {
		return false
	}
	loc := bylineLead.FindStringIndex(t)
	return loc != nil && creditEnds(t, loc[1])
}

// mayLeadCredit is bylineLead's quick test: every credit it knows opens
// with 【, 本报, 本報 or 新华社, or names its dispatch in a dateline that
// ends in 日电 or 日讯 (日電, 日訊).
func mayLeadCredit(t string) bool {
	return strings.HasPrefix(t, "【") || strings.HasPrefix(t, "本报") || strings.HasPrefix(t, "本報") ||
		strings.HasPrefix(t, "新华社") || strings.HasPrefix(t, "新華社") || namesDispatchDay(t)
}

// namesDispatchDay reports whether t holds 日电, 日讯, 日電 or 日訊: it looks
// for 日 once and asks what follows each, where a search for each of the
// four would read t four times.
func namesDispatchDay(t string) bool {
	for {
		i := strings.Index(t, "日")
		if i < 0 {
			return false
		}
		t = t[i+len("日"):]
		if isDispatchWord(firstRune(t)) {
			return true
		}
	}
}

// isDispatchWord reports whether r is the word that ends a dispatch's
// dateline (本报北京3月5日电, 本报讯), in either script: 电, 讯, 電, 訊.
func isDispatchWord(r rune) bool {
	switch r {
	case '电', '讯', '電', '訊':
		return true
	}
	return false
}

// creditEnds reports whether a credit matched up to end really ends there:
// 本报讯 followed straight by more ideographs is a word (本报讯息平台).
func creditEnds(t string, end int) bool {
	if !strings.HasSuffix(t[:end], "讯") && !strings.HasSuffix(t[:end], "訊") {
		return true
	}
	return end == len(t) || !isIdeograph(firstRune(t[end:]))
}

// isBylineLine reports whether the whole line is a byline.
func isBylineLine(t string) bool {
	return mayBeBylineLine(t) && opensBylineLine(t) && bylineLine.MatchString(t)
}

// bylineLineOpeners are the runes a line that bylineLine matches may open
// with: the first of each of its ways (TestBylineLineOpeners).
const bylineLineOpeners = "□本新特记記评評通文摄攝图【"

// opensBylineLine reports whether t opens with one of bylineLineOpeners:
// most lines that pass mayBeBylineLine name 记, 文 or 通 further in, and
// need no regexp.
func opensBylineLine(t string) bool {
	r, _ := decodeRune3(t)
	return strings.ContainsRune(bylineLineOpeners, r)
}

// mayBeBylineLine is isBylineLine's quick test: a byline line is short and
// names a reporter, a commentator, a picture or a bracketed credit. Taking
// spaces out of a line only shortens it, so when the test fails on a line's
// text with every space taken out, isBylineLine fails on any cleaning of it:
// it may be asked before the line is cleaned.
func mayBeBylineLine(t string) bool {
	return len(t) <= 90 && hasRuneIn(t, "记記评評通文图圖摄攝】")
}

// splitByline takes the opening credit off an article's first paragraph.
func splitByline(p string) (byline, rest string) {
	if !mayLeadCredit(p) {
		return "", p
	}
	loc := bylineLead.FindStringIndex(p)
	if loc == nil || !creditEnds(p, loc[1]) {
		return "", p
	}
	byline = strings.TrimSpace(p[:loc[1]])
	if strings.HasPrefix(byline, "据") || strings.HasPrefix(byline, "據") {
		// 据新华社北京3月5日电（记者X）: a source the story quotes, not
		// its byline; the paragraph keeps it (the corpus's convention).
		// 據 is its Traditional form.
		return "", p
	}
	rest = strings.TrimLeft(p[loc[1]:], " ")
	// 新华社北京2月20日电 某某委员会…: the dateline without a bracket ends the
	// credit; what follows is the story.
	return tidyByline(byline), rest
}

// tidyByline writes a byline the way the page prints it, without the spaces
// an extractor put before the bracket.
func tidyByline(b string) string {
	b = strings.ReplaceAll(b, " （", "（")
	b = strings.ReplaceAll(b, " (", "(")
	return b
}
