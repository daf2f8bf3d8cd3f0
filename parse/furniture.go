package parse

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Page furniture: the running heads and feet that carry the date, the page
// number and the page's name, and the editors' credit line. They fill the
// page's fields and stay out of the articles.

var (
	// 2019年2月21日 星期四 要闻 第3版 — the date, then perhaps the weekday,
	// the page's name and its number, in any order after the date.
	furnDateCN     = regexp.MustCompile(`^(\d{4})年(\d{1,2})月(\d{1,2})日`)
	furnDateISO    = regexp.MustCompile(`(?:^|[^\d])(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[^\d])`)
	furnWeekday    = regexp.MustCompile(`星期[一二三四五六日天]|周[一二三四五六日]`)
	furnPageNo     = regexp.MustCompile(`第([0-9０-９]+|[一二三四五六七八九十百零〇两]+|[A-Za-z][0-9]+)版`)
	furnLonePage   = regexp.MustCompile(`^(?:第)?([0-9０-９]{1,3}|[A-Za-z][0-9]{1,2}|[一二三四五六七八九十]{1,3})版?$`)
	furnLetterPage = regexp.MustCompile(`(^|[^A-Za-z0-9])([A-Za-z][0-9]{1,2})版`)
)

// editorsWords name the editors' credits at a page's foot; an editors'
// line opens with one, after 本版 (namesEditors). A bare 编辑 is a word of
// text: it names the editor before a colon, full-width or half-width.
var editorsWords = newWordSet("责任编辑", "责编", "美编", "校对", "版式设计", "版面设计", "組版", "責任編輯", "美術編輯", "校對", "編輯：", "编辑：", "版式：",
	"編輯:", "编辑:", "版式:")

// namesEditors reports whether t is the editors' line: 责任编辑 / 美编 /
// 校对. The line opens with the credit; a sentence that holds the word
// (学校对面的商店, 请他校对书稿) is text.
func namesEditors(t string) bool {
	if !editorsWords.in(t) {
		return false // most lines: no need to look further
	}
	t = strings.TrimPrefix(strings.TrimLeft(t, " \u3000"), "本版")
	for _, w := range editorsWords.words {
		if strings.HasPrefix(t, w) {
			return true
		}
	}
	return false
}

// furniture is what the running heads and feet of a page say.
type furniture struct {
	page int
	date string
	name string
	text []string // the lines taken, as printed
}

// edgeLines is how many non-blank lines at the top and at the bottom of a
// page are looked at for furniture.
const edgeLines = 6

// takeFurniture finds the running heads and feet among the first and last
// lines of the page, records what they say, and marks them taken.
func takeFurniture(lines []line, taken []bool) furniture {
	var f furniture
	idx := edgeIndexes(lines)
	for _, i := range idx {
		t := lines[i].text
		if isFurnitureLine(t) {
			f.read(t)
			f.text = append(f.text, lines[i].raw)
			taken[i] = true
		}
	}
	// A short name line between two furniture lines at the top (要 闻) is
	// the page's name, as pdfminer prints it on a line of its own.
	for k := 1; k+1 < len(idx) && k < edgeLines; k++ {
		i := idx[k]
		if taken[i] || !taken[idx[k-1]] || !taken[idx[k+1]] {
			continue
		}
		t := lines[i].text
		if n := len([]rune(t)); n >= 1 && n <= 6 && !hasRuneIn(t, "，。、：；！？") {
			if f.name == "" {
				f.name = t
			}
			f.text = append(f.text, lines[i].raw)
			taken[i] = true
		}
	}
	// A box-by-box extractor may print the running head in the middle of
	// the page: a line that can only be furniture is taken anywhere, and a
	// short name beside a lone 第N版. Beside a 第N版 taken at the page's
	// edge, where pdfminer may list the name after a headline's box (要 闻
	// under the first headline, over 第3版), only a name spaced out as page
	// names are: of the 211 lines of two to six characters beside a lone
	// 第N版 in gen-miner g001–g200, gen-issue-miner and dev-miner, the 204
	// spaced out are all page names, the 7 others headlines or kickers.
	// So is such a name beside the date's line (2019年10月17日 星期四):
	// there, all 136 spaced out, of 147.
	for i := range lines {
		if lines[i].blank {
			continue
		}
		edge := taken[i]
		if !edge {
			if !furnitureOnly(lines[i].text, lines[i].editors) {
				continue
			}
			f.read(lines[i].text)
			f.text = append(f.text, lines[i].raw)
			taken[i] = true
		}
		lone := furnLonePage.MatchString(lines[i].text)
		dated := furnDateCN.MatchString(lines[i].text) && furnWeekday.MatchString(lines[i].text)
		if !lone && !dated {
			continue
		}
		for _, j := range []int{prevLine(lines, i), nextLine(lines, i)} {
			if j >= 0 && !taken[j] && isPageName(lines[j]) && (lone && !edge || spacedOut(lines[j].raw)) {
				if f.name == "" {
					f.name = lines[j].text
				}
				f.text = append(f.text, lines[j].raw)
				taken[j] = true
				break
			}
		}
	}
	return f
}

// plainFurniture reports whether t can only be a running head or foot:
// a date with its weekday, a lone 第N版, an editors' line.
func plainFurniture(t string) bool { return furnitureOnly(t, true) }

// furnitureOnly is plainFurniture(t), asking namesEditors only when
// editors says t may name the editors (line.editors).
func furnitureOnly(t string, editors bool) bool {
	if len(t) > 120 {
		return false
	}
	if editors && namesEditors(t) {
		return true
	}
	if len(t) <= 16 && strings.HasSuffix(t, "版") && furnLonePage.MatchString(t) {
		return true
	}
	if t == "" || !isDigit(rune(t[0])) {
		return false
	}
	if m := furnDateCN.FindStringIndex(t); m != nil {
		rest := t[m[1]:]
		return furnWeekday.MatchString(rest) && len([]rune(rest)) < 20
	}
	return false
}

// spacedOut reports whether raw is two or more characters set apart one
// by one, as pdfminer prints a page's name (要 闻): letterSpaced asks for
// three.
func spacedOut(raw string) bool {
	tokens := 0
	for t := range spaceFields(raw) {
		if r, n := utf8.DecodeRuneInString(t); n != len(t) || !isWide(r) {
			return false
		}
		tokens++
	}
	return tokens >= 2
}

// isPageName reports whether a line looks like a page's name (要闻,
// 国 际 副 刊): a few characters, no punctuation, set on its own.
func isPageName(l line) bool {
	n := len([]rune(l.text))
	if n < 2 || n > 6 || hasRuneIn(l.text, "，。、：；！？（）“”") {
		return false
	}
	return l.spaced || n <= 4
}

// prevLine and nextLine find the nearest non-blank line; -1 when none.
func prevLine(lines []line, i int) int {
	for j := i - 1; j >= 0; j-- {
		if !lines[j].blank {
			return j
		}
	}
	return -1
}

func nextLine(lines []line, i int) int {
	for j := i + 1; j < len(lines); j++ {
		if !lines[j].blank {
			return j
		}
	}
	return -1
}

// edgeIndexes lists the indexes of the first and last non-blank lines.
func edgeIndexes(lines []line) []int {
	var head, tail []int
	for i := 0; i < len(lines) && len(head) < edgeLines; i++ {
		if !lines[i].blank {
			head = append(head, i)
		}
	}
	for i := len(lines) - 1; i >= 0 && len(tail) < edgeLines; i-- {
		if !lines[i].blank {
			tail = append(tail, i)
		}
	}
	out := head
	for k := len(tail) - 1; k >= 0; k-- {
		i := tail[k]
		if len(head) > 0 && i <= head[len(head)-1] {
			continue
		}
		out = append(out, i)
	}
	return out
}

// isFurnitureLine reports whether t is a running head or foot.
func isFurnitureLine(t string) bool {
	t = withoutPaper(t)
	if namesEditors(t) {
		return true
	}
	if strings.Contains(t, "版") && furnLonePage.MatchString(t) {
		return true
	}
	if _, ok := namedPage(t); ok {
		return true
	}
	if m := startsYear(t); m != nil {
		rest := t[m[1]:]
		if rest == "" || furnWeekday.MatchString(rest) || furnPageNo.MatchString(rest) || furnLetterPage.MatchString(rest) {
			return true
		}
		return false
	}
	if strings.ContainsAny(t, "-/.") && furnDateISO.MatchString(t) { // the regexp's separators
		// 3 2019-02-21: a page number and an ISO date, nothing else.
		rest := furnDateISO.ReplaceAllString(t, " ")
		rest = strings.TrimSpace(furnPageNo.ReplaceAllString(rest, ""))
		return rest == "" || isNumber(rest)
	}
	return false
}

// pageNameMost is the most characters a page's name has (社区·民生,
// 国际副刊, 经济·社会).
const pageNameMost = 8

// namedPage reads a running head of a page's name and its number and
// nothing else, in either order: 社区·民生 第2版, 第2版 要闻. It returns the
// name.
func namedPage(t string) (string, bool) {
	loc := furnPageNo.FindStringIndex(t)
	if loc == nil {
		return "", false
	}
	rest := strings.Trim(t[:loc[0]]+" "+t[loc[1]:], " \u3000|｜/／·")
	// A continuation marker without brackets (下转第4版) is no running head.
	if rest == "" || runeLen(rest) > pageNameMost || hasRuneIn(rest, "，。、：；！？（）“”《》0123456789接转見见") {
		return "", false
	}
	return rest, true
}

// read takes the date, page number and name from a furniture line.
func (f *furniture) read(t string) {
	t = withoutPaper(t)
	if name, ok := namedPage(t); ok && f.name == "" && !furnDateCN.MatchString(t) {
		f.name = name
	}
	if m := furnDateCN.FindStringSubmatch(t); m != nil && f.date == "" {
		f.date = isoDate(m[1], m[2], m[3])
		rest := strings.TrimSpace(t[len(m[0]):])
		rest = strings.TrimSpace(furnWeekday.ReplaceAllString(rest, ""))
		rest = strings.TrimSpace(furnPageNo.ReplaceAllString(rest, ""))
		rest = strings.TrimSpace(furnLetterPage.ReplaceAllString(rest, "$1"))
		if rest != "" && f.name == "" && len([]rune(rest)) <= 8 {
			f.name = rest
		}
	} else if m := furnDateISO.FindStringSubmatch(t); m != nil && f.date == "" {
		f.date = isoDate(m[1], m[2], m[3])
		rest := strings.TrimSpace(furnDateISO.ReplaceAllString(t, " "))
		if f.page == 0 && isNumber(rest) {
			f.page, _ = strconv.Atoi(rest)
		}
	}
	if m := furnPageNo.FindStringSubmatch(t); m != nil && f.page == 0 {
		f.page = pageNumber(m[1])
	} else if m := furnLetterPage.FindStringSubmatch(t); m != nil && f.page == 0 {
		f.page = pageNumber(m[2])
	} else if m := furnLonePage.FindStringSubmatch(t); m != nil && f.page == 0 {
		f.page = pageNumber(m[1])
	}
}

func isoDate(y, m, d string) string {
	yy, _ := strconv.Atoi(y)
	mm, _ := strconv.Atoi(m)
	dd, _ := strconv.Atoi(d)
	if mm < 1 || mm > 12 || dd < 1 || dd > 31 {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", yy, mm, dd)
}

// pageNumber reads a page number written in ASCII, full-width or Chinese
// numerals; 0 when it cannot.
func pageNumber(s string) int {
	s = strings.Map(func(r rune) rune {
		if r >= '０' && r <= '９' {
			return r - '０' + '0'
		}
		return r
	}, s)
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	if len(s) > 0 && (s[0] >= 'A' && s[0] <= 'Z' || s[0] >= 'a' && s[0] <= 'z') {
		n, _ := strconv.Atoi(s[1:])
		return n
	}
	return chineseNumber(s)
}

// chineseNumber reads 一 … 九十九 (and 两, 〇); 0 when s is not one.
func chineseNumber(s string) int {
	digits := map[rune]int{'零': 0, '〇': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	total, cur := 0, 0
	for _, r := range s {
		switch r {
		case '十':
			if cur == 0 {
				cur = 1
			}
			total += cur * 10
			cur = 0
		case '百':
			if cur == 0 {
				cur = 1
			}
			total += cur * 100
			cur = 0
		default:
			d, ok := digits[r]
			if !ok {
				return 0
			}
			cur = cur*10 + d
		}
	}
	return total + cur
}

// furnPaperFirst is a paper's name printed before the date in a running
// head: 晋中日报 2024年3月13日 星期三 第3版.
var furnPaperFirst = regexp.MustCompile(`^(\p{Han}{1,10}?(?:日报|晚报|晨报|时报|商报|早报|周报|法制报|青年报|农民报|都市报|日報|晚報|晨報|時報|商報|早報|周報|週報|法制報|青年報|農民報|都市報))\s*\d{4}年`)

// startsYear is furnDateCN.FindStringIndex(t), asked only of a line that
// opens with four digits, as the regexp's match does.
func startsYear(t string) []int {
	if len(t) < 4 || !isDigit(rune(t[0])) || !isDigit(rune(t[1])) || !isDigit(rune(t[2])) || !isDigit(rune(t[3])) {
		return nil
	}
	return furnDateCN.FindStringIndex(t)
}

// withoutPaper returns the running head t without the paper's name that
// opens it, if it does; the name is read by PaperName.
func withoutPaper(t string) string {
	if !strings.Contains(t, "报") && !strings.Contains(t, "報") || !strings.Contains(t, "年") {
		return t // the regexp's paper names end in 报 (報), and a date with 年 follows
	}
	if m := furnPaperFirst.FindStringSubmatchIndex(t); m != nil {
		return strings.TrimSpace(t[m[3]:])
	}
	return t
}
