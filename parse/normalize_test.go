package parse

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestNormalize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"Kangxi radical moon", "2⽉21⽇", "2月21日"},
		{"Kangxi radical person", "⼈⺠", "人民"},
		{"supplement radical people", "⺠", "民"},
		{"C-simplified radical long stays simplified", "⻓", "长"},
		{"Kangxi radical long stays traditional", "⾧", "長"},
		{"C-simplified radical on a Traditional page", "這個國家的⻓江", "這個國家的长江"},
		{"Kangxi radical long on a Simplified page", "这个国家的⾧江", "这个国家的長江"},
		{"CJK stroke", "㇐", "一"},
		{"radical with no equivalent is kept", "\u2E80", "\u2E80"},
		{"door on a page that writes 户", "农⼾，农户", "农户，农户"},
		{"door on a page that writes 戶", "农⼾，农戶", "农戶，农戶"},
		{"door on a Simplified page by its script", "这个⼾口", "这个户口"},
		{"door on a Traditional page by its script", "這個⼾口", "這個戶口"},
		{"door where the page's own 户 outvotes its script", "這個⼾，户户", "這個户，户户"},
		{"door with no clue to the script", "⼾", "戶"},
		{"door on a Simplified page of radicals", "⻓⻔⼾", "长门户"},
		{"doors are no evidence of the script", "⼾⼾⼾这", "户户户这"},
		{"horizontal bar between CJK", "中国―东盟", "中国—东盟"},
		{"horizontal bar between digits on a CJK line", "建设6―8英寸", "建设6—8英寸"},
		{"horizontal bar between Latin on a CJK line", "美的M―Smart智", "美的M—Smart智"},
		{"horizontal bar ending a CJK line", "为中国―\n东盟", "为中国—\n东盟"},
		{"double horizontal bar", "――介绍", "——介绍"},
		{"horizontal bar on a Latin line", "―Quote\n中文", "―Quote\n中文"},
		{"division slash in a Chinese byline", "【黃志明∕高雄報導】", "【黃志明／高雄報導】"},
		{"division slash on a Latin line", "a∕b\n中文", "a∕b\n中文"},
		{"em and en dash kept", "中国—东盟 1–2", "中国—东盟 1–2"},
		{"no-break space", "3\u00A0月", "3 月"},
		{"thin and narrow spaces", "a\u2009b\u202Fc\u3000d", "a b c\u3000d"},
		{"ideographic space kept", "\u3000\u3000本报讯", "\u3000\u3000本报讯"},
		{"zero-width characters dropped", "本\u200B报\u200C讯\u200D（\u2060记者\uFEFF）", "本报讯（记者）"},
		{"full-width letters and digits kept", "ＡＢＣ１２３", "ＡＢＣ１２３"},
		{"form feed kept", "第一页\f第二页", "第一页\f第二页"},
		{"nothing to do", "本报讯（记者苏晴）3月12日", "本报讯（记者苏晴）3月12日"},
		{"empty", "", ""},
		{"invalid UTF-8 becomes U+FFFD", "\xff⽉\xfe", "\uFFFD月\uFFFD"},
		{"a zero-width joiner between bad bytes: the bytes are not joined into one", "\xe2\u200d\x80\x8d", "\uFFFD\uFFFD\uFFFD"},
		{"controls dropped", "第\x1b[2J1\u0085版\u202E", "第[2J1版"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Normalize(tt.in); got != tt.want {
				t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestNormalizeLeavesCleanTextAlone(t *testing.T) {
	page := testdataText(t, "decode/seed.txt")
	if got := Normalize(page); got != page {
		t.Fatalf("Normalize changed a page with nothing to put right")
	}
	if n := testing.AllocsPerRun(10, func() { Normalize(page) }); n != 0 {
		t.Errorf("Normalize allocated %v times on a page with nothing to put right", n)
	}
}

func TestNormalizeIsIdempotent(t *testing.T) {
	for _, name := range minerPages(t) {
		once := Normalize(testdataText(t, name+".txt"))
		if twice := Normalize(once); twice != once {
			t.Errorf("%s: Normalize(Normalize(page)) differs from Normalize(page)", name)
		}
	}
}

// The pdfminer pages write about one ideograph in ten as a radical. After
// Normalize none is left, each stands for the ideograph the gold has, and
// the page's ideographs are the gold's plus its furniture (date line, page
// name), which the gold leaves out.
func TestNormalizeMinerPages(t *testing.T) {
	for _, name := range minerPages(t) {
		t.Run(filepath.Base(name), func(t *testing.T) {
			page := testdataText(t, name+".txt")
			got := Normalize(page)
			gold := goldStrings(t, name+".gold.json")

			for _, r := range got {
				if r >= 0x2E80 && r <= 0x2FDF {
					t.Errorf("radical %c (%U) left in the text", r, r)
				}
			}
			in, out := []rune(page), []rune(got)
			if len(in) != len(out) {
				t.Fatalf("Normalize turned %d characters into %d", len(in), len(out))
			}
			radicals := 0
			for i, r := range in {
				if equivalentIdeograph(r) == 0 {
					continue
				}
				radicals++
				ideograph := out[i]
				if !strings.ContainsRune(gold, ideograph) {
					t.Errorf("radical %c became %c (%U), which the gold page never writes", r, ideograph, ideograph)
				}
			}
			if radicals < 400 {
				t.Errorf("only %d radicals on the page; is it the pdfminer text?", radicals)
			}

			have, want := ideographCounts(got), ideographCounts(gold)
			extra := 0
			for r, n := range want {
				if have[r] < n {
					t.Errorf("the gold has %c %d times, the normalised page %d", r, n, have[r])
				}
			}
			for r, n := range have {
				extra += max(0, n-want[r])
			}
			if extra > 20 {
				t.Errorf("the normalised page has %d ideographs more than the gold; more than its furniture", extra)
			}
		})
	}
}

// minerPages returns the paths under testdata, without extension, of the
// pdfminer pages.
func minerPages(t testing.TB) []string {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("testdata", "decode", "miner", "*.txt"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no pdfminer pages in testdata/decode/miner (%v)", err)
	}
	names := make([]string, len(paths))
	for i, p := range paths {
		names[i] = strings.TrimSuffix(strings.TrimPrefix(p, "testdata"+string(filepath.Separator)), ".txt")
	}
	return names
}

func testdataText(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// goldStrings returns all the strings of a gold page's JSON run together.
func goldStrings(t testing.TB, name string) string {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(testdataText(t, name)), &v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	var b strings.Builder
	var walk func(any)
	walk = func(v any) {
		switch v := v.(type) {
		case string:
			b.WriteString(v)
		case []any:
			for _, e := range v {
				walk(e)
			}
		case map[string]any:
			for _, e := range v {
				walk(e)
			}
		}
	}
	walk(v)
	return b.String()
}

func ideographCounts(s string) map[rune]int {
	counts := make(map[rune]int)
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			counts[r]++
		}
	}
	return counts
}

func BenchmarkNormalize(b *testing.B) {
	for _, bc := range []struct{ name, file string }{
		{"clean page", "decode/seed.txt"},
		{"pdfminer page", "decode/miner/d04.txt"},
	} {
		page := testdataText(b, bc.file)
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(page)))
			b.ReportAllocs()
			for b.Loop() {
				Normalize(page)
			}
		})
	}
}

func FuzzNormalize(f *testing.F) {
	for _, name := range minerPages(f) {
		f.Add(string([]rune(testdataText(f, name+".txt"))[:300]))
	}
	f.Add("中国―东盟\u00A0\u200B⼾户")
	f.Add("⼾\n―\u3000\uFEFF")
	f.Fuzz(func(t *testing.T, in string) {
		out := Normalize(in)
		if utf8.ValidString(in) && !utf8.ValidString(out) {
			t.Errorf("Normalize(%q) = %q, not valid UTF-8", in, out)
		}
		for _, r := range out {
			if equivalentIdeograph(r) != 0 {
				t.Errorf("Normalize(%q) left radical %U", in, r)
			}
		}
		if again := Normalize(out); again != out {
			t.Errorf("Normalize is not idempotent on %q: %q, then %q", in, out, again)
		}
	})
}
