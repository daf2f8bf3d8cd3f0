package model

import (
	"testing"
	"unicode/utf8"

	"github.com/longbridgeapp/opencc"
)

func TestFold(t *testing.T) {
	f := newFolder()
	tests := []struct {
		name, in, want string
	}{
		{"ASCII spaces go", "a b\tc\r\nd", "abcd"},
		{"the ideographic space and other spaces go", "邮\u3000路\u00a0绿\u2003天", "邮路绿天"},
		{"zero-width and format characters go", "邮\u200b路\u00ad绿\ufeff", "邮路绿"},
		{"full-width Latin and digits narrow", "ＡＢＣ１２３", "abc123"},
		{"full-width punctuation narrows where ASCII has it", "（１，２）！？＃", "(1,2)!?#"},
		{"Chinese punctuation without an ASCII twin stays", "。、“”《》——……", "。、“”《》——……"},
		{"half-width katakana widens", "ｶﾀｶﾅ", "カタカナ"},
		{"half-width ideographic stop widens", "｡", "。"},
		{"Latin case", "COVID-19 Ünïcödé", "covid-19ünïcödé"},
		{"other cased scripts", "ΑΒΓ Σς ДЖ", "αβγσσдж"},
		{"the Kelvin sign is a k", "\u212a", "k"},
		{"Traditional to the Simplified representative", "郵路綠陳國華", "邮路绿陈国华"},
		{"Simplified stays", "邮路绿陈国华", "邮路绿陈国华"},
		{"one class for 畫 画 划 劃", "畫画划劃", "画画画画"},
		{"one class for 乾 干 幹", "乾干幹", "干干干"},
		{"one class for 後 后", "後后", "后后"},
		{"one class for 發 髮 发", "發髮发", "发发发"},
		{"a Taiwan variant joins its standard form", "著着", "着着"},
		{"a compatibility ideograph is its unified one", "\uf91c\uf900", "卵岂"}, // 豈 is 岂
		{"a Kangxi radical is its ideograph", "\u2f49\u2f08", "月人"},
		{"invalid UTF-8 is U+FFFD", "a\xffb", "a\ufffdb"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := f.foldString(tt.in); got != tt.want {
				t.Errorf("fold(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestFoldIsIdempotent(t *testing.T) {
	f := newFolder()
	for r := rune(0); r <= utf8.MaxRune; r++ {
		a, ok := f.fold(r)
		if !ok {
			continue
		}
		if b, ok := f.fold(a); !ok || b != a {
			t.Errorf("fold(%U) = %U, which folds to %U (%v)", r, a, b, ok)
		}
	}
}

func TestAppendMappedPointsBack(t *testing.T) {
	f := newFolder()
	s := "晨光 映照“郵路綠”ＡＢ\u200bc"
	text, from := f.appendMapped(nil, nil, s)
	if len(text) != len(from) {
		t.Fatalf("%d bytes of text, %d offsets", len(text), len(from))
	}
	if want := f.foldString(s); string(text) != want {
		t.Fatalf("text = %q, want %q", text, want)
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRune(text[i:])
		o, _ := utf8.DecodeRuneInString(s[from[i]:])
		if fo, _ := f.fold(o); fo != r {
			t.Errorf("folded %q at %d points back at %q, which folds to %q", r, i, o, fo)
		}
		for k := range size {
			if from[i+k] != from[i] {
				t.Errorf("the bytes of %q at %d point back at different runes", r, i)
			}
		}
		i += size
	}
}

func TestScriptClasses(t *testing.T) {
	classes, err := scriptClasses()
	if err != nil {
		t.Fatal(err)
	}
	if len(classes) < 4000 {
		t.Errorf("%d characters fold to another; OpenCC's tables have over 4000", len(classes))
	}
	// A class that grew large would fold unrelated characters together.
	members := map[rune]int{}
	for _, rep := range classes {
		members[rep]++
	}
	for rep, n := range members {
		if n+1 > 8 {
			t.Errorf("the class of %c has %d members", rep, n+1)
		}
		if _, ok := classes[rep]; ok {
			t.Errorf("the representative %c folds further", rep)
		}
	}
}

// Every character OpenCC converts from Traditional to Simplified, in the
// conversions search claims, folds the same as what it converts to.
func TestFoldAgreesWithOpenCC(t *testing.T) {
	f := newFolder()
	toTraditional, toSimplified := converters(t)
	for _, conversion := range []string{"t2s", "tw2s", "hk2s"} {
		cc, err := opencc.New(conversion)
		if err != nil {
			t.Fatal(err)
		}
		for _, group := range cc.DictChains {
			for _, dict := range group.Dicts {
				for _, id := range dict.Trie.PrefixPredict(nil, 0) {
					key, _ := dict.Trie.Key(id)
					if utf8.RuneCount(key) != 1 {
						continue
					}
					v, _ := dict.Trie.Value(id)
					for _, s := range dict.Values[v] {
						if f.foldString(string(key)) != f.foldString(s) {
							t.Errorf("%s: %s converts to %s, but they fold to %s and %s",
								conversion, key, s, f.foldString(string(key)), f.foldString(s))
						}
					}
				}
			}
		}
	}
	// And phrase by phrase, the way OpenCC converts running text, over the
	// corpus: the same, character for character, but where OpenCC's phrase
	// tables or its Simplified-to-Traditional table (which search leaves out)
	// choose a spelling the character tables do not know.
	known := map[[2]rune]bool{
		{'具', '俱'}: true, // 家具 is 傢俱 (STPhrases)
		{'背', '揹'}: true, // 背着 is 揹着 (STCharacters)
	}
	for _, page := range goldPages {
		p := loadPage(t, page)
		for _, a := range p.Articles {
			for _, text := range append([]string{a.Kicker, a.Title, a.Subtitle, a.Byline}, a.Paragraphs...) {
				for _, converted := range []string{toSimplified(text), toTraditional(text)} {
					x, y := []rune(text), []rune(converted)
					if len(x) != len(y) {
						t.Errorf("%s: %q converts to %q, of another length", page, text, converted)
						continue
					}
					for i := range x {
						fx, _ := f.fold(x[i])
						fy, _ := f.fold(y[i])
						if fx != fy && !known[[2]rune{x[i], y[i]}] {
							t.Errorf("%s: %c in %q converts to %c, which folds to %c, not %c",
								page, x[i], string(x[max(0, i-3):min(len(x), i+4)]), y[i], fy, fx)
						}
					}
				}
			}
		}
	}
}

// converters returns OpenCC's conversions of running text (phrase tables
// included) to Traditional and to Simplified, for tests to write queries with.
func converters(tb testing.TB) (toTraditional, toSimplified func(string) string) {
	tb.Helper()
	s2t, err := opencc.New("s2t")
	if err != nil {
		tb.Fatal(err)
	}
	t2s, err := opencc.New("t2s")
	if err != nil {
		tb.Fatal(err)
	}
	convert := func(cc *opencc.OpenCC) func(string) string {
		return func(s string) string {
			out, err := cc.Convert(s)
			if err != nil {
				tb.Fatalf("convert %q: %v", s, err)
			}
			return out
		}
	}
	return convert(s2t), convert(t2s)
}

// BenchmarkScriptClasses measures what the first NewIndex of a process pays
// to build the Traditional–Simplified classes from OpenCC's tables.
func BenchmarkScriptClasses(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := buildScriptClasses(); err != nil {
			b.Fatal(err)
		}
	}
}
