package parse

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestWordSetFindsWhatContainsFinds holds a word set's quick test to the
// plain search for each of its words, and so does a set of the words in
// every script's spelling (scriptWordSet), whose marks are chosen from the
// words as given.
func TestWordSetFindsWhatContainsFinds(t *testing.T) {
	sets := []wordSet{
		newWordSet("责任编辑", "责编", "美编", "校对", "版式设计", "組版", "編輯：", "版式："),
		newWordSet("摄", "制图", "供图", "新华社发", "来源：", "来源:", "视觉中国", "人民视觉"),
		newWordSet("ab", "b", "中国"),
		scriptWordSet("摄", "制图", "供图", "新华社发", "来源：", "视觉中国", "人民视觉"),
		sourceWords,
	}
	r := rand.New(rand.NewPCG(7, 7))
	for _, ws := range sets {
		words := ws.words
		if n := len([]rune(ws.marks)); n == 0 || n > len(words) {
			t.Fatalf("%v: marks %q", words, ws.marks)
		}
		for _, w := range words {
			if !ws.in("见" + w + "。") {
				t.Fatalf("%v (marks %q): a line holding %q is not found", words, ws.marks, w)
			}
		}
		stock := []rune(strings.Join(words, "") + "发展会议，")
		for range 5000 {
			var b strings.Builder
			for range r.IntN(12) {
				b.WriteRune(stock[r.IntN(len(stock))])
			}
			line := b.String()
			want := false
			for _, w := range words {
				want = want || strings.Contains(line, w)
			}
			if got := ws.in(line); got != want {
				t.Fatalf("%v: in(%q) = %v, want %v", words, line, got, want)
			}
		}
	}
	if got := newWordSet("责任编辑", "责编", "美编", "校对", "校對").marks; got != "编校" {
		t.Errorf("marks %q, want 编校: the rune in most words first", got)
	}
}

// drawText joins n pieces drawn by r: the random text, UTF-8 and not, that
// the tests below hold a quick reading to its plain form on.
func drawText(r *rand.Rand, pieces []string, n int) string {
	var b strings.Builder
	for range n {
		b.WriteString(pieces[r.IntN(len(pieces))])
	}
	return b.String()
}

// TestRuneLenCountsAsUTF8 holds runeLen to utf8.RuneCountInString, on text
// and on bytes that are not UTF-8.
func TestRuneLenCountsAsUTF8(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 5))
	pieces := []string{"中", "，", "a", "·", "—", "\u3000", "\U00020000", "\xe4", "\xb8", "\xe4\xb8", "\xed\xa0\x80", "\xe0\x80\x80", "\xef\xbf\xbd", "\xc2"}
	for range 20000 {
		s := drawText(r, pieces, r.IntN(12))
		if got, want := runeLen(s), utf8.RuneCountInString(s); got != want {
			t.Fatalf("runeLen(%q) = %d, want %d", s, got, want)
		}
	}
}

// TestContainsTextFindsWhatContainsFinds holds containsText and
// containsBytes to strings.Contains, on text and on bytes that are not UTF-8, with needles
// cut from the text (found) and made up (mostly not).
func TestContainsTextFindsWhatContainsFinds(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 3))
	pieces := []string{"中", "国", "发", "展", "，", "a", "\n", "—", "\U00020000", "\xe4", "\xb8", "\xe4\xb8", "\xad"}
	for range 20000 {
		s := drawText(r, pieces, r.IntN(60))
		sub := drawText(r, pieces, r.IntN(5))
		if r.IntN(2) == 0 && len(s) > 0 {
			i := r.IntN(len(s))
			sub = s[i : i+r.IntN(min(16, len(s)-i)+1)]
		}
		if got, want := containsText(s, sub), strings.Contains(s, sub); got != want {
			t.Fatalf("containsText(%q, %q) = %v, want %v", s, sub, got, want)
		}
		if got, want := containsBytes([]byte(s), sub), strings.Contains(s, sub); got != want {
			t.Fatalf("containsBytes(%q, %q) = %v, want %v", s, sub, got, want)
		}
	}
}

// TestQuickReadsAnswerAsPlainOnes holds the inline decoding of the common
// ideographs (commonIdeograph), textEm and readPiece's count of ideographs
// to plain decoding rune by rune, on text and on bytes that are not UTF-8.
func TestQuickReadsAnswerAsPlainOnes(t *testing.T) {
	r := rand.New(rand.NewPCG(4, 4))
	pieces := []string{"中", "一", "龥", "䷀", "㐀", "。", "　", "，", " ", "a", "1", "—", "…", "（", "”", "\U00020000", "\xe4", "\xb8", "\xe4\xb8", "\xe9\xbf", "\xed\xa0\x80", "\xe0\x80\x80", "\xef\xbf\xbd"}
	for _, r := range "讯訊电電道導导记記评評通文图圖摄攝绘】（）“”(、；：！？,;!?" + sourceWords.marks { // what readPiece looks out for
		pieces = append(pieces, string(r))
	}
	for range 20000 {
		s := drawText(r, pieces, r.IntN(16))
		var w float64
		ideographs := 0
		for i := 0; i < len(s); {
			c, size := utf8.DecodeRuneInString(s[i:])
			got, ok := commonIdeograph(s, i)
			if want := size == 3 && c >= 0x4E00 && c <= 0x9FFF; ok != want || ok && got != c {
				t.Fatalf("commonIdeograph(%q, %d) = %U, %v; want %U, %v", s, i, got, ok, c, want)
			}
			if c == ' ' {
				w += 0.3
			} else {
				w += emWidth(c)
			}
			if isIdeograph(c) {
				ideographs++
			}
			i += size
		}
		if got := textEm(s); got != w {
			t.Fatalf("textEm(%q) = %v, want %v", s, got, w)
		}
		if got := readPiece(s, 0).ideographs; got != ideographs {
			t.Fatalf("readPiece(%q) counts %d ideographs, want %d", s, got, ideographs)
		}
		if got, want := readPiece(s, 20), plainReadPiece(s, 20); got != want {
			t.Fatalf("readPiece(%q) = %+v, want %+v", s, got, want)
		}
		if got := readPiece(s, 20); got.punct != hasSentencePunct(s) || got.maySource != hasRuneIn(s, sourceWords.marks) {
			t.Fatalf("readPiece(%q) = %+v: punct or maySource is not hasRuneIn's", s, got)
		}
	}
}

// plainReadPiece is readPiece rune by rune, as it was before it read the common
// ideographs apart.
func plainReadPiece(text string, em float64) pieceReading {
	r := pieceReading{squeezed: em}
	round, quote := 0, 0
	early := false // closesEarly has its answer
	for i, size := 0, 0; i < len(text); i += size {
		var c rune
		c, size = utf8.DecodeRuneInString(text[i:])
		r.runes++
		ideo := isIdeograph(c)
		if ideo {
			r.ideographs++
		}
		if isWide(c) && !ideo && c != '—' && c != '…' && c != '·' {
			r.squeezed -= 0.5
		}
		r.maySource = r.maySource || strings.ContainsRune(sourceWords.marks, c)
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
		case '讯', '訊', '电', '電', '道', '導', '导':
			r.mayLead = r.mayLead || i+utf8.RuneLen(c) <= 90
			r.dispatch = true
		case '记', '記', '评', '評', '通', '文', '】':
			r.mayByline = true
		case '图', '圖', '摄', '攝':
			r.mayByline, r.mayCredit = true, true
		case '绘':
			r.mayCredit = true
		case '。', '，', '、', '；', '：', '！', '？', ',', ';', '!', '?':
			r.punct = true
		}
	}
	r.unclosed = round > 0 || quote > 0
	r.mayByline = r.mayByline && len(text) <= 90
	return r
}

// TestDialogueTurnAsDecoded holds dialogueTurn, which looks at the bytes a
// closing quote ends with before it decodes, to decoding the last runes.
func TestDialogueTurnAsDecoded(t *testing.T) {
	r := rand.New(rand.NewPCG(6, 6))
	pieces := []string{"。", "！", "”", "“", "中", "a", "\x9d", "\xe2\x80", "\xe2", "\x80\x9d"}
	text := func() string { return drawText(r, pieces, r.IntN(5)) }
	for range 20000 {
		p, q := text(), text()
		last, n := utf8.DecodeLastRuneInString(p)
		before, m := utf8.DecodeLastRuneInString(p[:len(p)-n])
		want := m > 0 && last == '”' && endsStop(before) && firstRune(q) == '“'
		if got := dialogueTurn(p, q); got != want {
			t.Fatalf("dialogueTurn(%q, %q) = %v, want %v", p, q, got, want)
		}
	}
}

// TestLineTestsAnswerAsPlainOnes holds the line tests that skip work on
// most lines (endsSentenceText trims only a line ending in a closing quote
// or bracket, mayOpenSection switches on the first rune, closesOpenBracket
// reads each line byte by byte only so far as the bracket that tells,
// hasOpenBracket looks for the brackets by their bytes) to their plain
// forms, on text and on bytes that are not UTF-8.
func TestLineTestsAnswerAsPlainOnes(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	pieces := []string{"中", "。", "！", "”", "’", "」", "』", "）", ")", "（", "(", "一", "十", "第", "3", "a", " ", "\xef", "\xbc", "\x88", "\xef\xbc", "\x80", "\ufffd"}
	text := func() string { return drawText(r, pieces, r.IntN(10)) }
	for range 50000 {
		s, u := text(), text()
		if got, want := endsSentenceText(s), endsStop(lastRune(strings.TrimRight(s, "”’」』）)"))); got != want {
			t.Fatalf("endsSentenceText(%q) = %v, want %v", s, got, want)
		}
		f := firstRune(s)
		if got, want := mayOpenSection(s), f == '（' || f == '(' || f == '第' || isDigit(f) || strings.ContainsRune("一二三四五六七八九十", f); got != want {
			t.Fatalf("mayOpenSection(%q) = %v, want %v", s, got, want)
		}
		if got, want := hasOpenBracket(s), strings.ContainsAny(s, "（("); got != want {
			t.Fatalf("hasOpenBracket(%q) = %v, want %v", s, got, want)
		}
		open := strings.LastIndexAny(s, "（(")
		want := false
		if open >= 0 && !strings.ContainsAny(s[open:], "）)") {
			end := strings.IndexAny(u, "）)")
			want = end >= 0 && !strings.ContainsAny(u[:end], "（(")
		}
		if got := closesOpenBracket(s, u); got != want {
			t.Fatalf("closesOpenBracket(%q, %q) = %v, want %v", s, u, got, want)
		}
	}
}

// TestRuneMarksAnswerAsHasRuneIn holds a runeMarks's one pass to hasRuneIn's
// search for each rune, on bytes that are not UTF-8 too.
func TestRuneMarksAnswerAsHasRuneIn(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 9))
	pieces := []string{"中", "。", "，", "讯", "電", "；", ",", "a", " ", "\xef", "\xbc", "\x8c", "\xe3\x80", "\x80", "\xe8", "\xae\xaf", "\ufffd", "é", "😀", "\xf0\x9f", "\xc3"}
	sets := []string{"。，、；：！？,;!?", "讯訊电電道導导", "，,；：", "é😀a", "\ufffd"}
	for range 50000 {
		s := drawText(r, pieces, r.IntN(12))
		for _, set := range sets {
			rs := newRuneMarks(set)
			if got, want := rs.in(s), hasRuneIn(s, set); got != want {
				t.Fatalf("newRuneMarks(%q).in(%q) = %v, want %v", set, s, got, want)
			}
		}
	}
}

// TestIsIdeographAnswersAsUnicodeHan holds isIdeograph, with its quick
// steps (the common ideographs, CJK punctuation by hanPunctuation), to the
// plain question of unicode.Han, full-width forms aside, over every rune.
func TestIsIdeographAnswersAsUnicodeHan(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		want := unicode.Is(unicode.Han, r) && !(r >= 0xFF00 && r <= 0xFFEF)
		if got := isIdeograph(r); got != want {
			t.Errorf("isIdeograph(%U) = %v, unicode.Han says %v", r, got, want)
		}
	}
}

// TestSpaceFields checks spaceFields against strings.FieldsFuncSeq with
// isSpace, on invented lines with every space and broken bytes.
func TestSpaceFields(t *testing.T) {
	for _, s := range []string{"", " ", "新闻 报道", "\u3000\u3000本报讯 记者\t王明\u00a0报道 ", "a\u00a0 b\u3000c", "\xe3\x80 \x80\x80x", "\xc2\u00a0\xe4\u3000\xa0", "摄影  张 三 ", "\xf0\x80\x80\x80 \xe3\x80\x80"} {
		want := slices.Collect(strings.FieldsFuncSeq(s, isSpace))
		if got := slices.Collect(spaceFields(s)); !slices.Equal(got, want) {
			t.Errorf("spaceFields(%q) = %q, want %q", s, got, want)
		}
	}
}
