package layout

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

var (
	narrow = NewMeasure(Narrow)
	wide   = NewMeasure(Wide)
)

func TestStringWidth(t *testing.T) {
	tests := []struct {
		name         string
		s            string
		narrow, wide int
	}{
		{"empty", "", 0, 0},
		{"ASCII is one cell a rune", "COVID-19 94.38%", 15, 15},
		{"ideographs are two cells", "市侨商会", 8, 8},
		{"full-width punctuation is two cells", "，。：；！？「」（）《》", 24, 24},
		{"curly quotes follow the mode", "“十四五”", 8, 10},
		{"dash and ellipsis follow the mode", "——……", 4, 8},
		{"middle dot follows the mode", "卡尔·马克思", 11, 12},
		{"box drawing follows the mode", "╭─│╯", 4, 8},
		{"Kangxi radicals are two cells", "⼈⽉", 4, 4},
		{"full-width digits are two cells", "２０２４", 8, 8},
		{"ideographic space is two cells", "\u3000\u3000", 4, 4},
		{"combining mark takes no cell", "e\u0301", 1, 1},
		{"zero-width joiner and space take no cell", "a\u200db\u200b", 2, 2},
		{"controls take no cell", "a\tb\n\x00", 2, 2},
		{"degree and per mille follow the mode", "℃°‰", 3, 6},
		{"emoji are two cells", "📰", 2, 2},
		{"astral ideograph is two cells", "𠮷", 2, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := narrow.StringWidth(tt.s); got != tt.narrow {
				t.Errorf("narrow StringWidth(%q) = %d, want %d", tt.s, got, tt.narrow)
			}
			if got := wide.StringWidth(tt.s); got != tt.wide {
				t.Errorf("wide StringWidth(%q) = %d, want %d", tt.s, got, tt.wide)
			}
			for _, m := range []Measure{narrow, wide} {
				sum := 0
				for _, r := range tt.s {
					sum += m.RuneWidth(r)
				}
				if got := m.StringWidth(tt.s); got != sum {
					t.Errorf("%v: StringWidth %d is not the sum of RuneWidths %d", m.Ambiguous(), got, sum)
				}
			}
		})
	}
}

func TestZeroMeasureIsNarrow(t *testing.T) {
	if (Measure{}) != narrow || NewMeasure(Ambiguous(7)) != narrow {
		t.Error("the zero Measure and an unknown mode should both be Narrow")
	}
	if narrow.Ambiguous() != Narrow || wide.Ambiguous() != Wide {
		t.Error("Ambiguous does not give back the mode")
	}
}

func TestAmbiguousFromEnv(t *testing.T) {
	tests := []struct {
		name, value string
		want        Ambiguous
	}{
		{"unset is narrow", "", Narrow},
		{"1 is wide", "1", Wide},
		{"true is wide", "true", Wide},
		{"T is wide", "T", Wide},
		{"0 is narrow", "0", Narrow},
		{"false is narrow", "false", Narrow},
		{"what ParseBool rejects is narrow", "yes", Narrow},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			getenv := func(k string) string {
				if k == "RUNEWIDTH_EASTASIAN" {
					return tt.value
				}
				return ""
			}
			if got := AmbiguousFromEnv(getenv); got != tt.want {
				t.Errorf("RUNEWIDTH_EASTASIAN=%q: %v, want %v", tt.value, got, tt.want)
			}
		})
	}
}

func TestTruncate(t *testing.T) {
	tests := []struct {
		name    string
		m       Measure
		s       string
		w       int
		tail    string
		want    string
		wantLen int // cells
	}{
		{"fits unchanged", narrow, "市侨商会", 8, "…", "市侨商会", 8},
		{"cut with a tail", narrow, "市侨商会三届五次", 8, "…", "市侨商…", 7},
		{"wide char not split", narrow, "市侨商会", 5, "", "市侨", 4},
		{"wide char not split before the tail", narrow, "市侨商会", 6, "…", "市侨…", 5},
		{"wide tail takes two cells", wide, "市侨商会三届", 8, "…", "市侨商…", 8},
		{"tail wider than w is left off", narrow, "市侨商会", 1, "……", "", 0},
		{"zero width", narrow, "市侨", 0, "…", "", 0},
		{"Latin", narrow, "COVID-19 pandemic", 9, "...", "COVID-...", 9},
		{"combining mark stays with its base", narrow, "ée\u0301e\u0301xyz", 3, "", "ée\u0301e\u0301", 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.m.Truncate(tt.s, tt.w, tt.tail)
			if got != tt.want {
				t.Errorf("Truncate(%q, %d, %q) = %q, want %q", tt.s, tt.w, tt.tail, got, tt.want)
			}
			if n := tt.m.StringWidth(got); n != tt.wantLen || n > max(tt.w, 0) {
				t.Errorf("Truncate(%q, %d, %q) is %d cells, want %d", tt.s, tt.w, tt.tail, n, tt.wantLen)
			}
		})
	}
}

func TestPad(t *testing.T) {
	tests := []struct {
		name string
		m    Measure
		s    string
		w    int
		want string
	}{
		{"short string padded", narrow, "要闻", 6, "要闻  "},
		{"exact fit unchanged", narrow, "要闻", 4, "要闻"},
		{"longer string truncated", narrow, "第3版要闻", 6, "第3版 "},
		{"straddling wide char becomes a space", narrow, "要闻", 3, "要 "},
		{"ambiguous quote is wide in wide mode", wide, "“要”", 7, "“要” "},
		{"zero width", narrow, "要闻", 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.m.Pad(tt.s, tt.w)
			if got != tt.want {
				t.Errorf("Pad(%q, %d) = %q, want %q", tt.s, tt.w, got, tt.want)
			}
			if n := tt.m.StringWidth(got); n != max(tt.w, 0) {
				t.Errorf("Pad(%q, %d) is %d cells", tt.s, tt.w, n)
			}
		})
	}
}

func TestColumns(t *testing.T) {
	tests := []struct {
		name string
		m    Measure
		s    string
		want []int
	}{
		{"empty has only the total", narrow, "", []int{0}},
		{"mixed Latin and ideographs", narrow, "3月12日", []int{0, 1, 3, 4, 5, 7}},
		{"ambiguous by mode, narrow", narrow, "“要”", []int{0, 1, 3, 4}},
		{"ambiguous by mode, wide", wide, "“要”", []int{0, 2, 4, 6}},
		{"combining mark shares its base's end", narrow, "e\u0301x", []int{0, 1, 1, 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.m.Columns(tt.s)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Columns(%q) = %v, want %v", tt.s, got, tt.want)
			}
			if len(got) != utf8.RuneCountInString(tt.s)+1 || got[len(got)-1] != tt.m.StringWidth(tt.s) {
				t.Errorf("Columns(%q) = %v: want a start per rune and the width last", tt.s, got)
			}
		})
	}
}

// TestRuneTable checks the table the width lookups read against working
// each rune out again, and that the kinsoku sets are all in it.
func TestRuneTable(t *testing.T) {
	tab := runeTable()
	const kinsoku = flagClose | flagOpen | flagPair
	for r := rune(0); r < 0x10000; r++ {
		if got, want := tab[r]&^kinsoku, classify(r)&^kinsoku; got != want {
			t.Fatalf("%U: table has %08b, classify gives %08b", r, got, want)
		}
	}
	for _, set := range []string{LineStartProhibited, LineEndProhibited, Unsplittable} {
		for _, r := range set {
			if r >= 0x10000 {
				t.Errorf("%U is above the basic multilingual plane, out of the table", r)
			}
		}
	}
	if strings.ContainsAny(LineStartProhibited, LineEndProhibited) {
		t.Error("a rune may neither start nor end a line")
	}
}
