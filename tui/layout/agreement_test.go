package layout

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// agreementChild tells a re-executed test binary to compare widths in the
// mode its environment gave x/ansi.
const agreementChild = "LAYOUT_AGREEMENT_CHILD"

// builtinRunes are the characters a Chinese newspaper page is made of besides
// ideographs: punctuation, box drawing, full-width forms, radicals and
// numbered signs. They make the agreement test mean something without the
// corpus. (Not Latin-1: in Wide mode x/ansi's two methods disagree with each
// other on letters such as é, so no Measure can match both there.)
func builtinRunes() []rune {
	rs := []rune("“”‘’…—–―⋯·、，。：；！？「」『』（）《》【】〔〕〖〗〈〉" +
		"─│╭╮╰╯├┤┌┐└┘┼━┃═║" +
		"　※№℃°‰′″√×÷±≤≥∕①②③④⑤⑥⑦⑧⑨⑩⑴⒈ⅠⅡⅢⅣⅤ￥＄￡￠" +
		"⼈⽉⼀⼆⼤⽇⺠⻅⻓⻔⻘⾦" +
		LineStartProhibited + LineEndProhibited + Unsplittable)
	for _, rg := range [][2]rune{
		{0x20, 0x7e},     // ASCII
		{0x2000, 0x206f}, // general punctuation
		{0x2500, 0x257f}, // box drawing
		{0x2e80, 0x2ef3}, // CJK radicals supplement
		{0x2f00, 0x2fd5}, // Kangxi radicals
		{0x3000, 0x303f}, // CJK symbols and punctuation
		{0x3040, 0x30ff}, // kana
		{0xfe10, 0xfe1f}, // vertical forms
		{0xfe30, 0xfe4f}, // CJK compatibility forms
		{0xff01, 0xffee}, // half- and full-width forms
	} {
		for r := rg[0]; r <= rg[1]; r++ {
			rs = append(rs, r)
		}
	}
	return rs
}

// TestRendererAgreement checks that Measure gives the widths the renderer
// draws with, x/ansi's StringWidth (grapheme clusters) and StringWidthWc
// (wcwidth), on every rune and line of the corpus and on builtinRunes, in
// both Ambiguous modes. x/ansi picks its mode once, at init, from
// RUNEWIDTH_EASTASIAN, so each mode runs in a child process: this test runs
// its own binary again with the variable set.
func TestRendererAgreement(t *testing.T) {
	if mode := os.Getenv(agreementChild); mode != "" {
		checkAgreement(t, mode)
		return
	}
	for _, ea := range []string{"0", "1"} {
		t.Run("RUNEWIDTH_EASTASIAN="+ea, func(t *testing.T) {
			cmd := exec.Command(os.Args[0], "-test.run=^TestRendererAgreement$", "-test.v", "-test.count=1")
			cmd.Env = append(os.Environ(), "RUNEWIDTH_EASTASIAN="+ea, agreementChild+"="+ea)
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("child: %v\n%s", err, out)
			}
			if !bytes.Contains(out, []byte("agreement checked")) {
				t.Fatalf("child ran no comparison:\n%s", out)
			}
			for _, line := range strings.Split(string(out), "\n") {
				if strings.Contains(line, "agreement_test.go") {
					t.Log(strings.TrimSpace(line))
				}
			}
		})
	}
}

func checkAgreement(t *testing.T, mode string) {
	want := map[string]Ambiguous{"0": Narrow, "1": Wide}[mode]
	a := AmbiguousFromEnv(os.Getenv)
	if a != want {
		t.Fatalf("AmbiguousFromEnv = %v, want %v for RUNEWIDTH_EASTASIAN=%s", a, want, mode)
	}
	// The comparison means nothing unless x/ansi saw the same setting.
	if got, wantW := ansi.StringWidthWc("“…”"), 3*NewMeasure(want).ambWidth(); got != wantW {
		t.Fatalf("x/ansi is not in %v mode: “…” is %d cells, want %d", want, got, wantW)
	}
	m := NewMeasure(a)

	texts := corpusText(t)
	texts = append(texts, samplePara)
	seen := map[rune]bool{}
	var runes []rune
	for _, r := range builtinRunes() {
		if !seen[r] {
			seen[r] = true
			runes = append(runes, r)
		}
	}
	for _, s := range texts {
		for _, r := range s {
			if !seen[r] {
				seen[r] = true
				runes = append(runes, r)
			}
		}
	}
	slices.Sort(runes)

	// Where x/ansi's two methods disagree with each other on a rune (Latin-1
	// letters such as ù in Wide mode), no Measure can match both; there the
	// rune, and a line holding it, is held to wcwidth alone.
	split := map[rune]bool{}
	for _, r := range runes {
		s := string(r)
		got := m.RuneWidth(r)
		if sw := m.StringWidth(s); sw != got {
			t.Errorf("%U %q: StringWidth %d, RuneWidth %d", r, s, sw, got)
		}
		if ansi.StringWidth(s) != ansi.StringWidthWc(s) {
			split[r] = true
		} else if w := ansi.StringWidth(s); w != got {
			t.Errorf("%U %q: RuneWidth %d, ansi.StringWidth %d", r, s, got, w)
		}
		if w := ansi.StringWidthWc(s); w != got {
			t.Errorf("%U %q: RuneWidth %d, ansi.StringWidthWc %d", r, s, got, w)
		}
	}
	for _, s := range texts {
		got := m.StringWidth(s)
		if w := ansi.StringWidth(s); w != got && !strings.ContainsFunc(s, func(r rune) bool { return split[r] }) {
			t.Errorf("StringWidth %d, ansi.StringWidth %d: %q", got, w, s)
		}
		if w := ansi.StringWidthWc(s); w != got {
			t.Errorf("StringWidth %d, ansi.StringWidthWc %d: %q", got, w, s)
		}
	}

	// Past the corpus: Measure is x/ansi's wcwidth rune for rune, and how
	// often the grapheme method (a different width table) differs from both
	// is worth knowing.
	var graphemeOff []string
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if !utf8.ValidRune(r) || r == 0x1b || r == 0x9b || r == 0x9d || r == 0x90 || r == 0x98 || r == 0x9e || r == 0x9f {
			continue // surrogates, and controls that open an escape sequence
		}
		s := string(r)
		got := m.RuneWidth(r)
		if w := ansi.StringWidthWc(s); w != got {
			t.Errorf("%U: RuneWidth %d, ansi.StringWidthWc %d", r, got, w)
		}
		if w := ansi.StringWidth(s); w != got {
			graphemeOff = append(graphemeOff, fmt.Sprintf("%U=%d/%d", r, got, w))
		}
	}
	sample := graphemeOff[:min(len(graphemeOff), 12)]
	t.Logf("agreement checked (%v): %d corpus and built-in runes (%d on which x/ansi's methods disagree, held to wcwidth) and %d lines agree; "+
		"of all runes, %d differ between wcwidth and grapheme width, e.g. %s",
		a, len(runes), len(split), len(texts), len(graphemeOff), strings.Join(sample, " "))
}
