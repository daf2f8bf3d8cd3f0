package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/dubaoreader/dubao/tui/layout"
)

// TestCatFitsTheWidth prints the corpus at many widths, as plain text and
// through glamour, in both ambiguous modes: no line may be wider than asked.
func TestCatFitsTheWidth(t *testing.T) {
	is := goldIssue(t, corpusPages...)
	for _, amb := range []layout.Ambiguous{layout.Narrow, layout.Wide} {
		m := layout.NewMeasure(amb)
		for _, style := range []string{"", "dark", "light"} {
			for _, w := range []int{10, 24, 41, 80, 133} {
				var out strings.Builder
				if err := Cat(&out, is, CatOptions{Width: w, Measure: m, Style: style}); err != nil {
					t.Fatal(err)
				}
				for i, l := range strings.Split(ansi.Strip(out.String()), "\n") {
					if lw := m.StringWidth(l); lw > w {
						t.Errorf("%v %q width %d: line %d is %d cells: %q", amb, style, w, i, lw, l)
					}
				}
			}
		}
	}
}

// TestCatLosesNoText checks that every paragraph of every article comes
// out whole, in order, only broken into lines.
func TestCatLosesNoText(t *testing.T) {
	is := goldIssue(t, corpusPages...)
	var out strings.Builder
	if err := Cat(&out, is, CatOptions{Width: 37, NoIndent: true}); err != nil {
		t.Fatal(err)
	}
	text := strings.ReplaceAll(out.String(), "\n", "")
	at := 0
	for _, p := range is.Pages {
		for _, a := range p.Articles {
			for _, para := range append([]string{a.Title, a.Byline}, a.Paragraphs...) {
				want := strings.ReplaceAll(para, " ", "")
				i := strings.Index(strings.ReplaceAll(text[at:], " ", ""), want)
				if i < 0 {
					t.Fatalf("%s: %.30q… is not in the output (after byte %d)", p.Source, para, at)
				}
				// Move on past this paragraph in the text with spaces.
				at += len(strings.SplitN(text[at:], want[:min(len(want), 6)], 2)[0])
			}
		}
	}
}

func TestCatMarkdownIsEscaped(t *testing.T) {
	tests := []struct{ in, want string }{
		{"1. 不是列表", `1\. 不是列表`},
		{"*强调*与_下划线_", `\*强调\*与\_下划线\_`},
		{"＃全角不变", "＃全角不变"},
		{"# 标题", `\# 标题`},
		{"a<b>c", `a\<b\>c`},
	}
	for _, tt := range tests {
		if got := escapeMarkdown(tt.in); got != tt.want {
			t.Errorf("escapeMarkdown(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCatPlain(t *testing.T) {
	var out strings.Builder
	if err := Cat(&out, goldIssue(t, "d01"), CatOptions{Width: 40}); err != nil {
		t.Fatal(err)
	}
	s := out.String()
	// The page's lead headline, up to its bracketed column tag.
	lead, _, _ := strings.Cut(goldPage(t, "d01").Articles[0].Title, "（")
	for _, want := range []string{"第3版  2019年2月21日 星期四\n", "\n\n" + lead, "\x3000\x3000"[:0] + indent} {
		if !strings.Contains(s, want) {
			t.Errorf("no %q in\n%.400s", want, s)
		}
	}
	if strings.Contains(s, "\x1b") {
		t.Error("plain text has escape sequences")
	}
}
