package parse

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dubaoreader/dubao/model"
)

// Nothing is lost: every character of the input that is not white space,
// after Normalize, lands in exactly one place of the tree — a title,
// kicker, subtitle, byline, paragraph or continuation marker of an
// article, or a furniture line of its page. (Page.Name, Number and Date
// are read from the furniture, which keeps their characters.)

// runeCounts counts the runes of s that are not white space.
type runeCounts map[rune]int

func (c runeCounts) add(s string) {
	for _, r := range s {
		if !unicode.IsSpace(r) {
			c[r]++
		}
	}
}

// inputRunes counts the characters of a page file as the parser must keep
// them: decoded, each page normalised. It returns false when Decode
// refuses the bytes.
func inputRunes(b []byte) (runeCounts, bool) {
	text, _, err := Decode(b)
	if err != nil {
		return nil, false
	}
	c := runeCounts{}
	for _, p := range splitPages(text) {
		c.add(Normalize(p))
	}
	return c, true
}

// treeRunes counts the characters of the parsed pages.
func treeRunes(pages []*model.Page) runeCounts {
	c := runeCounts{}
	for _, p := range pages {
		for _, f := range p.Furniture {
			c.add(f)
		}
		for _, a := range p.Articles {
			c.add(a.Kicker)
			c.add(a.Title)
			c.add(a.Subtitle)
			c.add(a.Byline)
			for _, q := range a.Paragraphs {
				c.add(q)
			}
			for _, m := range a.Markers {
				c.add(m)
			}
		}
	}
	return c
}

// lostOrAdded describes how the tree's characters differ from the input's:
// "" when they are the same multiset.
func lostOrAdded(in, tree runeCounts) string {
	var lost, added []string
	for r, n := range in {
		if d := n - tree[r]; d > 0 {
			lost = append(lost, fmt.Sprintf("%q×%d", r, d))
		}
	}
	for r, n := range tree {
		if d := n - in[r]; d > 0 {
			added = append(added, fmt.Sprintf("%q×%d", r, d))
		}
	}
	if len(lost) == 0 && len(added) == 0 {
		return ""
	}
	slices.Sort(lost)
	slices.Sort(added)
	return fmt.Sprintf("lost %v, added %v", clipList(lost), clipList(added))
}

func clipList(s []string) []string {
	if len(s) > 12 {
		return append(s[:12:12], fmt.Sprintf("… %d more", len(s)-12))
	}
	return s
}

// checkNothingLost parses b and returns what went missing or appeared, ""
// when nothing did (or when the bytes are refused as they should be).
func checkNothingLost(b []byte) string {
	in, ok := inputRunes(b)
	pages, crash, err := pagesOrPanic(b)
	switch {
	case crash != "":
		return "panic: " + crash
	case !ok && err == nil:
		return "Decode refused the bytes, Pages parsed them"
	case !ok:
		return ""
	case err != nil:
		if len(in) == 0 {
			return "" // white space only: nothing to keep
		}
		return fmt.Sprintf("Pages failed on decodable text: %v", err)
	}
	return lostOrAdded(in, treeRunes(pages))
}

func TestNothingLostOnCorpus(t *testing.T) {
	for _, p := range allCorpus(t) {
		if d := checkNothingLost(p.text); d != "" {
			t.Errorf("%s/%s: %s", p.set, p.name, d)
		}
	}
}

// mutations change a page the ways extractors and damaged files do. Each
// takes the page's lines and returns new ones.
var mutations = []struct {
	name string
	do   func(r *rand.Rand, lines []string) []string
}{
	{"drop a line", func(r *rand.Rand, ls []string) []string {
		i := r.IntN(len(ls))
		return slices.Delete(ls, i, i+1)
	}},
	{"duplicate a line", func(r *rand.Rand, ls []string) []string {
		i := r.IntN(len(ls))
		return slices.Insert(ls, i, ls[i])
	}},
	{"insert a blank line", func(r *rand.Rand, ls []string) []string {
		return slices.Insert(ls, r.IntN(len(ls)+1), "")
	}},
	{"remove the blank lines", func(_ *rand.Rand, ls []string) []string {
		return slices.DeleteFunc(ls, func(l string) bool { return strings.TrimSpace(l) == "" })
	}},
	{"join two lines", func(r *rand.Rand, ls []string) []string {
		if len(ls) < 2 {
			return ls
		}
		i := r.IntN(len(ls) - 1)
		sep := []string{"", " ", "  "}[r.IntN(3)]
		return slices.Replace(ls, i, i+2, ls[i]+sep+ls[i+1])
	}},
	{"split a line", func(r *rand.Rand, ls []string) []string {
		i := r.IntN(len(ls))
		rs := []rune(ls[i])
		if len(rs) < 2 {
			return ls
		}
		k := 1 + r.IntN(len(rs)-1)
		return slices.Replace(ls, i, i+1, string(rs[:k]), string(rs[k:]))
	}},
	{"move a block of lines", func(r *rand.Rand, ls []string) []string {
		if len(ls) < 4 {
			return ls
		}
		i := r.IntN(len(ls) - 1)
		j := i + 1 + r.IntN(min(20, len(ls)-i-1))
		block := slices.Clone(ls[i:j])
		ls = slices.Delete(ls, i, j)
		return slices.Insert(ls, r.IntN(len(ls)+1), block...)
	}},
	{"insert characters", func(r *rand.Rand, ls []string) []string {
		for range 1 + r.IntN(6) {
			i := r.IntN(len(ls))
			rs := []rune(ls[i])
			k := r.IntN(len(rs) + 1)
			ls[i] = string(rs[:k]) + randomInsert(r) + string(rs[k:])
		}
		return ls
	}},
	{"insert markers", func(r *rand.Rand, ls []string) []string {
		// One to three, near each other: a story may go on to two pages.
		i := r.IntN(len(ls))
		for range 1 + r.IntN(3) {
			m := markerSamples[r.IntN(len(markerSamples))]
			i = min(len(ls)-1, i+r.IntN(2))
			switch r.IntN(3) {
			case 0:
				ls = slices.Insert(ls, i, m) // on a line of its own
			case 1:
				ls[i] = m + ls[i]
			default:
				ls[i] += m
			}
		}
		return ls
	}},
	{"insert furniture", func(r *rand.Rand, ls []string) []string {
		f := furnitureSamples[r.IntN(len(furnitureSamples))]
		return slices.Insert(ls, r.IntN(len(ls)+1), f)
	}},
	{"insert a byline", func(r *rand.Rand, ls []string) []string {
		b := bylineSamples[r.IntN(len(bylineSamples))]
		i := r.IntN(len(ls))
		if r.IntN(2) == 0 {
			return slices.Insert(ls, i, b)
		}
		ls[i] = b + ls[i]
		return ls
	}},
	{"letter-space a line", func(r *rand.Rand, ls []string) []string {
		i := r.IntN(len(ls))
		ls[i] = strings.Join(strings.Split(ls[i], ""), " ")
		return ls
	}},
	{"indent a line", func(r *rand.Rand, ls []string) []string {
		i := r.IntN(len(ls))
		ls[i] = []string{"\u3000\u3000", "  ", "\t", " "}[r.IntN(4)] + ls[i]
		return ls
	}},
	{"insert a form feed", func(r *rand.Rand, ls []string) []string {
		i := r.IntN(len(ls))
		ls[i] = "\f" + ls[i]
		return ls
	}},
}

var (
	markerSamples = []string{
		"（下转第3版）", "（上接第2版）", "（转第4版）", "（接第1版）", "(下转第12版)",
		"（下转第４版）", "（上接第二版）", "下转第5版", "上接第A3版", "（紧接第十二版）",
		"（续第2版）", "（下转 第 3 版）", "（下转第3版)", "（上接第版）", "（下转第99999999999999999999版）",
	}
	furnitureSamples = []string{
		"2019年2月21日 星期四 要闻 第3版", "第3版", "责任编辑：张三 美编：李四 校对：王五",
		"2024-03-13 3", "要 闻", "第 三 版", "2019年13月40日 星期八", "A3版", "第０３版",
	}
	bylineSamples = []string{
		"本报讯 （记者苏晴）", "本报记者 高俊明", "记者 王伟 通讯员 李娜", "新华社北京3月5日电（记者王亮）",
		"本报评论员", "【許文翔／台北報導】", "本报北京 2 月 20 日电 （记者范晓梅）", "文/图 张三",
	}
	insertSets = []string{
		"的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处府研",
		"ABCxyz0123456789", "，。、；：？！“”‘’（）《》【】…—·％", "―⽉⼈⺠⻓⼾", "\u200b\u00a0\u3000\ufeff",
		"\x01\x02\x1b\x7f\v", "C 919", "3 D", "5K ", "\uFFFD", "𠀀𪚥", "한국어", "①②Ⅲ",
	}
)

// randomInsert returns a few random characters, or a marker, byline or
// furniture line to run into the text.
func randomInsert(r *rand.Rand) string {
	switch r.IntN(8) {
	case 0:
		return markerSamples[r.IntN(len(markerSamples))]
	case 1:
		return bylineSamples[r.IntN(len(bylineSamples))]
	case 2:
		return " "
	}
	set := []rune(insertSets[r.IntN(len(insertSets))])
	var b strings.Builder
	for range 1 + r.IntN(4) {
		b.WriteRune(set[r.IntN(len(set))])
	}
	return b.String()
}

// mutate applies n random mutations to a page, and returns the page and
// the names of the mutations.
func mutate(r *rand.Rand, page string, n int) (string, []string) {
	lines := strings.Split(strings.TrimRight(page, "\n"), "\n")
	var names []string
	for range n {
		if len(lines) == 0 {
			lines = []string{""}
		}
		m := mutations[r.IntN(len(mutations))]
		lines = m.do(r, lines)
		names = append(names, m.name)
	}
	return strings.Join(lines, "\n") + "\n", names
}

// TestNothingLost checks the property on many mutated copies of every
// corpus page. On a failure it reports the smallest input it can find
// that still fails.
func TestNothingLost(t *testing.T) {
	rounds := 20
	if n, err := strconv.Atoi(os.Getenv("DUBAO_ROUNDS")); err == nil {
		rounds = n // go test ./parse -run TestNothingLost with DUBAO_ROUNDS=1000 searches longer
	}
	if testing.Short() {
		rounds = 8
	}
	r := rand.New(rand.NewPCG(2024, 313))
	failures := 0
	for _, p := range allCorpus(t) {
		for round := range rounds {
			page, names := mutate(r, string(p.text), 1+r.IntN(8))
			d := checkNothingLost([]byte(page))
			if d == "" {
				continue
			}
			small := minimise(page)
			failures++
			t.Errorf("%s/%s round %d (%s): %s\nsmallest failing input (%d lines):\n%s\nit gives: %s",
				p.set, p.name, round, strings.Join(names, ", "), d,
				len(strings.SplitAfter(strings.TrimSuffix(small, "\n"), "\n")), small, checkNothingLost([]byte(small)))
			if failures >= 5 {
				t.Fatal("too many failures")
			}
		}
	}
}

// minimise cuts a failing page down: whole lines first, then characters
// of the lines left, as long as it keeps failing.
func minimise(page string) string {
	fails := func(s string) bool { return checkNothingLost([]byte(s)) != "" }
	lines := strings.SplitAfter(page, "\n")
	for chunk := len(lines) / 2; chunk >= 1; chunk /= 2 {
		for i := 0; i < len(lines); {
			try := slices.Concat(lines[:i], lines[min(len(lines), i+chunk):])
			if len(try) > 0 && fails(strings.Join(try, "")) {
				lines = try
				continue
			}
			i += chunk
		}
	}
	// Then characters, line by line, from each line's end and start.
	for i := range lines {
		for {
			rs := []rune(lines[i])
			done := true
			for k := range rs {
				try := slices.Clone(lines)
				try[i] = string(slices.Delete(slices.Clone(rs), k, k+1))
				if fails(strings.Join(try, "")) {
					lines = try
					done = false
					break
				}
			}
			if done {
				break
			}
		}
	}
	return strings.Join(lines, "")
}

// fuzzDeadline is how long Pages may take on one fuzz input.
const fuzzDeadline = 10 * time.Second

// FuzzParse feeds arbitrary bytes to Pages: it must not panic, must return
// pages or an error, and the pages it returns keep every character.
func FuzzParse(f *testing.F) {
	// The corpus pages, cut in pieces of a dozen lines: the fuzzer
	// minimises every new input it finds interesting, which takes a minute
	// on a whole page and a moment on a piece of one.
	for _, p := range allCorpus(f) {
		lines := bytes.SplitAfter(p.text, []byte("\n"))
		for i := 0; i < len(lines); i += 12 {
			f.Add(bytes.Join(lines[i:min(len(lines), i+12)], nil))
		}
	}
	f.Add([]byte{})
	f.Add([]byte("   \n\t\u3000\n"))
	f.Add([]byte("\f\f\f"))
	f.Add([]byte("\x00\x01\x02\xff\xfe\x89PNG\r\n\x1a\n"))
	f.Add([]byte("%PDF-1.7\n1 0 obj"))
	f.Add([]byte(strings.Repeat("一二三四五六七八九十，", 120))) // a long line; TestHugePage has longer
	f.Add([]byte("（下转第3版）\n（上接第2版）"))
	f.Add([]byte("本报记者 高俊明（下转第2版）\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		// A parse that hangs is a failure too: the watchdog kills the
		// worker, and the fuzzer keeps the input.
		watchdog := time.AfterFunc(fuzzDeadline, func() {
			panic(fmt.Sprintf("Pages took more than %v on %d bytes", fuzzDeadline, len(b)))
		})
		defer watchdog.Stop()
		pages, crash, err := pagesOrPanic(b)
		if crash != "" {
			t.Fatalf("Pages panicked: %s", crash)
		}
		if err != nil {
			if pages != nil {
				t.Errorf("Pages returned pages with the error %v", err)
			}
			return
		}
		if len(pages) == 0 {
			t.Fatal("Pages returned no pages and no error")
		}
		for _, p := range pages {
			if p == nil {
				t.Fatal("a nil page")
			}
			for _, a := range p.Articles {
				for _, s := range append([]string{a.Title, a.Kicker, a.Subtitle, a.Byline}, a.Paragraphs...) {
					if !utf8.ValidString(s) {
						t.Errorf("invalid UTF-8 in the tree: %q", s)
					}
				}
			}
		}
		if d := checkNothingLost(b); d != "" {
			t.Errorf("%s", d)
		}
	})
}

// pagesOrPanic is Pages, with a panic caught and returned with its stack.
func pagesOrPanic(b []byte) (pages []*model.Page, crash string, err error) {
	defer func() {
		if r := recover(); r != nil {
			crash = fmt.Sprintf("%v\n%s", r, debug.Stack())
		}
	}()
	pages, err = Pages(b)
	return pages, "", err
}

// TestNothingLostOnMatchPages: the match stage's pages (testdata/match),
// on which the gate fires and the page is planned anew, lose no character
// and print none twice, as they are and mutated: the corpus pages above
// seldom reach the stage.
func TestNothingLostOnMatchPages(t *testing.T) {
	names, err := filepath.Glob(filepath.Join("testdata", "match", "*.txt"))
	if err != nil || len(names) == 0 {
		t.Fatalf("no match pages: %v", err)
	}
	r := rand.New(rand.NewPCG(16, 855))
	for _, name := range names {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if d := checkNothingLost(b); d != "" {
			t.Errorf("%s: %s", name, d)
		}
		for round := range 40 {
			page, names := mutate(r, string(b), 1+r.IntN(4))
			if d := checkNothingLost([]byte(page)); d != "" {
				t.Fatalf("%s round %d (%s): %s\nsmallest failing input:\n%s", name, round, strings.Join(names, ", "), d, minimise(page))
			}
		}
	}
}
