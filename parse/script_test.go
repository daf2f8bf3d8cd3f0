package parse

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dubaoreader/dubao/model"
	"github.com/longbridgeapp/opencc"
)

func TestScriptFold(t *testing.T) {
	tests := []struct {
		name, text, read string
	}{
		{"Simplified text is read as printed", "本报讯（记者王伟）“你好”", "本报讯（记者王伟）“你好”"},
		{"Traditional words read as their Simplified twins", "本報訊（記者王偉）下轉第4版", "本报讯（记者王伟）下转第4版"},
		{"a Taiwan variant goes back through the standard form", "村裡", "村里"},
		{"a character Simplified also writes but converts is folded", "於是", "于是"},
		{"corner quotes read as curved ones", "「他說『好』」", "“他说‘好’”"},
		{"a character whose reading is printed too stays as printed", "之後 皇后", "之後 皇后"},
		{"two characters with one reading both stay", "乾燥 幹部 記者", "乾燥 幹部 记者"},
		{"corner and curved quotes on one page both stay", "「甲」“乙”", "「甲」“乙”"},
		{"a character Simplified writes and converts is not folded", "台风 干部", "台风 干部"},
		{"Latin, digits and punctuation are left alone", "COVID-19，5G。", "COVID-19，5G。"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			read, view := foldScript(tt.text)
			if read != tt.read {
				t.Errorf("foldScript(%q) reads %q, want %q", tt.text, read, tt.read)
			}
			if back := view.unfold(read); back != tt.text {
				t.Errorf("unfold(%q) = %q, want the printed %q", read, back, tt.text)
			}
		})
	}
}

// Undoing the fold gives back what was printed, whatever the page mixes.
func TestScriptFoldUndoes(t *testing.T) {
	var alphabet []rune
	for _, f := range scriptFolds[len(scriptFolds)-40:] {
		alphabet = append(alphabet, f.traditional, f.simplified)
	}
	alphabet = append(alphabet, '後', '后', '乾', '幹', '干', '「', '」', '“', '”', 'a', '。', ' ')
	r := &randSource{state: 9}
	for range 2000 {
		rs := make([]rune, r.intn(12))
		for i := range rs {
			rs[i] = alphabet[r.intn(len(alphabet))]
		}
		text := string(rs)
		read, view := foldScript(text)
		if utf8.RuneCountInString(read) != len(rs) {
			t.Fatalf("foldScript(%q) = %q, of another length", text, read)
		}
		if back := view.unfold(read); back != text {
			t.Fatalf("unfold(foldScript(%q)) = %q", text, back)
		}
		sheet := &Sheet{Chars: make([]Char, len(rs))}
		for i, c := range rs {
			sheet.Chars[i].R = c
		}
		folded, _ := foldSheet(sheet)
		for i, c := range folded.Chars {
			if c.R != []rune(read)[i] {
				t.Fatalf("foldSheet reads %q as %c at %d, foldScript as %q", text, c.R, i, read)
			}
			if sheet.Chars[i].R != rs[i] {
				t.Fatalf("foldSheet changed the caller's sheet")
			}
		}
	}
}

// The invented page of testdata/script, printed in Simplified and in
// Traditional with corner quotes, parses the same.
func TestTraditionalFixture(t *testing.T) {
	simplified, err := os.ReadFile(filepath.Join("testdata", "script", "simplified.txt"))
	if err != nil {
		t.Fatal(err)
	}
	traditional, err := os.ReadFile(filepath.Join("testdata", "script", "traditional.txt"))
	if err != nil {
		t.Fatal(err)
	}
	// The two files are twins character by character: what one prints
	// where the other prints something else is the conversion.
	s, tr := []rune(string(simplified)), []rune(string(traditional))
	if len(s) != len(tr) {
		t.Fatalf("the fixture's twins have %d and %d characters", len(s), len(tr))
	}
	conversion := map[rune]rune{}
	for i := range s {
		if c, ok := conversion[s[i]]; ok && c != tr[i] {
			t.Fatalf("the fixture converts %c to both %c and %c", s[i], c, tr[i])
		}
		conversion[s[i]] = tr[i]
	}
	want := parseOne(t, simplified)
	mapPageStrings(want, func(x string) string {
		return strings.Map(func(r rune) rune {
			if c, ok := conversion[r]; ok {
				return c
			}
			return r
		}, x)
	})
	got := parseOne(t, traditional)
	if d := pageDiff(want, got); d != "" {
		t.Errorf("the Traditional page parses otherwise than its Simplified twin: %s", d)
	}
	// What the twins should both say.
	if len(got.Articles) != 2 || got.Articles[0].Title != "山區學校用上新書桌" || got.Articles[0].Byline != "本報訊（記者王小明）" ||
		got.Articles[1].ContinuedTo != 4 || got.Name != "地方新聞" {
		t.Errorf("the Traditional page parses as %s", pageJSON(t, got))
	}
}

// Every training page of gen and gen-miner, converted to Traditional a
// character at a time with OpenCC's table (half of them with corner quotes
// too), parses as its Simplified twin does, converted the same way.
func TestTraditionalTwins(t *testing.T) {
	var pages []corpusPage
	for _, set := range []string{"gen", "gen-miner"} {
		names, _ := filepath.Glob(filepath.Join(corpusRoot, set, "g*.txt"))
		for _, name := range names {
			p := corpusPage{set: set, name: strings.TrimSuffix(filepath.Base(name), ".txt")}
			if n := genNumber(p.name); n == 0 || !trainSplit(p.name) {
				continue // the training split only: never the validation pages
			}
			text, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			p.text = text
			pages = append(pages, p)
		}
	}
	if len(pages) == 0 {
		t.Skip("no ../shared/corpus/gen beside the repository")
	}
	if testing.Short() {
		pages = pages[:len(pages)/8]
	}
	st := stCharacters(t)
	failed := 0
	for i, p := range pages {
		corners := i%2 == 0
		want := parseOne(t, p.text)
		mapPageStrings(want, func(s string) string { return toTraditional(st, s, corners) })
		got := parseOne(t, []byte(toTraditional(st, string(p.text), corners)))
		if d := pageDiff(want, got); d != "" {
			failed++
			if failed <= 10 {
				t.Errorf("%s/%s (corner quotes %v): the Traditional page parses otherwise than its Simplified twin: %s", p.set, p.name, corners, d)
			}
		}
	}
	if failed > 0 {
		t.Errorf("%d of %d pages parse otherwise in Traditional", failed, len(pages))
	}
}

// stCharacters returns OpenCC's Simplified-to-Traditional character table,
// each character's first candidate.
func stCharacters(tb testing.TB) map[rune]rune {
	tb.Helper()
	cc, err := opencc.New("s2t")
	if err != nil {
		tb.Fatal(err)
	}
	table := map[rune]rune{}
	for _, group := range cc.DictChains {
		for i, dict := range group.Dicts {
			if i >= len(group.Files) || !strings.HasPrefix(group.Files[i], "STCharacters") {
				continue
			}
			for _, id := range dict.Trie.PrefixPredict(nil, 0) {
				key, _ := dict.Trie.Key(id)
				v, _ := dict.Trie.Value(id)
				k, size := utf8.DecodeRune(key)
				if size != len(key) || v < 0 || v >= len(dict.Values) || len(dict.Values[v]) == 0 {
					continue
				}
				if t, size := utf8.DecodeRuneInString(dict.Values[v][0]); size == len(dict.Values[v][0]) {
					table[k] = t
				}
			}
		}
	}
	if len(table) < 2000 {
		tb.Fatalf("OpenCC's STCharacters gave %d characters", len(table))
	}
	return table
}

// toTraditional converts s a character at a time with st. A CJK radical (as
// pdfminer writes for some glyphs) becomes the Kangxi radical of its
// ideograph's Traditional form, or that form where it has none, as a
// Traditional font would print it; corners turns “”‘’ into 「」『』.
func toTraditional(st map[rune]rune, s string, corners bool) string {
	kangxi := map[rune]rune{}
	for r := rune(0x2F00); r <= 0x2FD5; r++ {
		kangxi[equivalentIdeograph(r)] = r
	}
	return strings.Map(func(r rune) rune {
		if e := equivalentIdeograph(r); e != 0 {
			if t, ok := st[e]; ok && t != e {
				if k, ok := kangxi[t]; ok {
					return k
				}
				return t
			}
			return r
		}
		if corners {
			switch r {
			case '“':
				return '「'
			case '”':
				return '」'
			case '‘':
				return '『'
			case '’':
				return '』'
			}
		}
		if t, ok := st[r]; ok {
			return t
		}
		return r
	}, s)
}

func parseOne(tb testing.TB, text []byte) *model.Page {
	tb.Helper()
	pages, err := Pages(text)
	if err != nil || len(pages) != 1 {
		tb.Fatalf("%d pages, %v", len(pages), err)
	}
	return pages[0]
}

// mapPageStrings replaces every string of p by f of it.
func mapPageStrings(p *model.Page, f func(string) string) {
	p.Name, p.Date = f(p.Name), f(p.Date)
	each := func(ss []string) {
		for i := range ss {
			ss[i] = f(ss[i])
		}
	}
	each(p.Furniture)
	for _, a := range p.Articles {
		a.Title, a.Kicker, a.Subtitle, a.Byline = f(a.Title), f(a.Kicker), f(a.Subtitle), f(a.Byline)
		each(a.Markers)
		each(a.Paragraphs)
	}
}

func pageJSON(tb testing.TB, p *model.Page) string {
	b, err := json.Marshal(p.JSON())
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

// pageDiff says where two parsed pages first differ, "" where they do not.
func pageDiff(want, got *model.Page) string {
	w, _ := json.Marshal(want.JSON())
	g, _ := json.Marshal(got.JSON())
	if string(w) == string(g) {
		return ""
	}
	if len(want.Articles) != len(got.Articles) {
		return fmt.Sprintf("%d articles, the twin %d", len(got.Articles), len(want.Articles))
	}
	for i, a := range want.Articles {
		aw, _ := json.Marshal(a.JSON())
		ag, _ := json.Marshal(got.Articles[i].JSON())
		if string(aw) != string(ag) {
			return fmt.Sprintf("article %d is\n%s\nthe twin's\n%s", i+1, ag, aw)
		}
	}
	return fmt.Sprintf("the page is\n%s\nthe twin's\n%s", g, w)
}

// The extracted PDF pages of testdata/geom, converted to Traditional a
// character at a time (with corner quotes), parse as their Simplified twins.
func TestTraditionalSheets(t *testing.T) {
	names, _ := filepath.Glob("testdata/geom/*.json")
	st := stCharacters(t)
	n := 0
	for _, name := range names {
		if strings.HasSuffix(name, ".golden.json") {
			continue
		}
		n++
		sheet := readSheet(t, name)
		want := SheetPage(sheet)
		mapPageStrings(want, func(s string) string { return toTraditional(st, s, true) })
		traditional := *sheet
		traditional.Chars = append([]Char(nil), sheet.Chars...)
		for i, c := range traditional.Chars {
			traditional.Chars[i].R = []rune(toTraditional(st, string(c.R), true))[0]
		}
		if d := pageDiff(want, SheetPage(&traditional)); d != "" {
			t.Errorf("%s: the Traditional page parses otherwise than its Simplified twin: %s", name, d)
		}
	}
	if n == 0 {
		t.Fatal("no fixtures in testdata/geom")
	}
}

// TestFoldsReadAsAWholeRead holds Pages' shortcut to the script fold: the
// runes decode gathers while it checks the bytes (scanUTF8), with the rest
// of the page read by foldsRead, are the runes foldScript reads of the page
// whole — on pages of Simplified and Traditional ideographs, quotes, form
// feeds, runes normalizeClean changes and bytes that are not text, at every
// length and alignment. A rune gathered from text the page no longer holds,
// or one missed, fails it.
func TestFoldsReadAsAWholeRead(t *testing.T) {
	pieces := []string{"中", "國", "说", "說", "铁", "鐵", "「", "」", "“", "”", "‘", "，", "a", "·", "\n", "\f", "\f\f", " ", "\u3000", "\u2f00", "\u2e80", "\uff21", "\u00a0", "\r", "\x00", "\xe4", "\xb8", "\U00020000", "\ufeff", "\ua000", "\u2015"}
	seed := uint64(7)
	next := func(n int) int { seed = seed*6364136223846793005 + 1442695040888963407; return int(seed>>33) % n }
	shortcuts := 0
	for range 20000 {
		var b []byte
		for range next(30) {
			if next(3) == 0 {
				b = append(b, "中文報紙"...)
				continue
			}
			b = append(b, pieces[next(len(pieces))]...)
		}
		var printed runeSet
		text, _, normal, read, err := decode(b, &printed)
		if err != nil {
			continue
		}
		pages := splitPages(text)
		if len(pages) != 1 {
			continue
		}
		page := pages[0]
		if !normal {
			page = normalizeClean(page)
		}
		got := foldsRead(text, pages[0], page, &printed, read)
		if got == nil {
			continue
		}
		shortcuts++
		var want runeSet
		addFolds(&want, page)
		if *got != want {
			t.Fatalf("page %q (read %d of %q): the runes gathered on the way differ from the page's read whole", page, read, text)
		}
	}
	if shortcuts < 1000 {
		t.Fatalf("only %d of the pages took the shortcut: the test checks too little", shortcuts)
	}
}
