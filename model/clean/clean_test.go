package clean

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestText(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"text passes", "市委召开会议。\n\tABC\f第2版", "市委召开会议。\n\tABC\f第2版"},
		{"an OSC title", "a\x1b]0;pwned\x07b", "a]0;pwnedb"},
		{"an OSC 52 clipboard write", "\x1b]52;c;ZWNobyBoaQ==\x07", "]52;c;ZWNobyBoaQ=="},
		{"a CSI clear", "\x1b[2J清屏", "[2J清屏"},
		{"a DCS", "\x1bPq#0\x1b\\", "Pq#0\\"},
		{"an OSC 8 link", "\x1b]8;;http://x\x1b\\链接\x1b]8;;\x1b\\", "]8;;http://x\\链接]8;;\\"},
		{"C1 controls, CSI among them", "a\u0085b\u009b2Jc\u009d", "ab2Jc"},
		{"DEL, BS, NUL, CR, VT", "a\x7fb\bc\x00d\re\vf", "abcdef"},
		{"bidi overrides and isolates", "\u202Etxt.exe\u202C \u2066x\u2069\u200E\u200F\u061C", "txt.exe x"},
		{"bad bytes become U+FFFD", "a\x9bb\xffc", "a\uFFFDb\uFFFDc"},
		{"zero-width and other format characters are text", "a\u200Bb\u00ADc", "a\u200Bb\u00ADc"},
	} {
		if got := Text(c.in); got != c.want {
			t.Errorf("%s: Text(%q) = %q, want %q", c.name, c.in, got, c.want)
		}
	}
}

func TestLine(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"a name passes", "2024-03-13 晋中日报/01.txt", "2024-03-13 晋中日报/01.txt"},
		{"ESC and BEL as pictures", "a\x1b]0;t\x07", "a␛]0;t␇"},
		{"line breaks and tabs shown", "a\nb\tc\fd", "a␊b␉c␌d"},
		{"DEL", "a\x7f", "a␡"},
		{"C1 and bidi as U+FFFD", "\u009b\u202E", "\uFFFD\uFFFD"},
		{"bad bytes as U+FFFD", "\xff\xfe", "\uFFFD\uFFFD"},
	} {
		if got := Line(c.in); got != c.want {
			t.Errorf("%s: Line(%q) = %q, want %q", c.name, c.in, got, c.want)
		}
	}
}

func TestCleanTextIsNotCopied(t *testing.T) {
	s := strings.Repeat("市委召开会议。", 100)
	if n := testing.AllocsPerRun(10, func() { Text(s); Line(s) }); n != 0 {
		t.Errorf("clean text allocates %v times", n)
	}
}

func TestDropped(t *testing.T) {
	in := "\x1b[31m红\u202E\u0085\x00"
	if got, want := Dropped(in), 4; got != want {
		t.Errorf("Dropped(%q) = %d, want %d", in, got, want)
	}
	if got := utf8.RuneCountInString(in) - utf8.RuneCountInString(Text(in)); got != Dropped(in) {
		t.Errorf("Text dropped %d characters, Dropped says %d", got, Dropped(in))
	}
}

// FuzzText: what Text returns is UTF-8 with nothing that is not text, the
// same again through Text, and is what it was given, the characters that
// are not text left out and nothing else.
func FuzzText(f *testing.F) {
	for _, s := range []string{"市委\x1b]0;t\x07", "\u202E\u0085\xff", "\xe2\u200d\x80\x8d", "a\r\n\f"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := Text(in)
		checkClean(t, "Text", in, out, false)
		if again := Text(out); again != out {
			t.Errorf("Text(%q) = %q, then %q", in, out, again)
		}
		var want []rune
		for _, r := range in {
			if !NotText(r) {
				want = append(want, r)
			}
		}
		if string(want) != out {
			t.Errorf("Text(%q) = %q, want %q", in, out, string(want))
		}
	})
}

// FuzzLine: what Line returns is one line of UTF-8 with nothing that is not
// text, a character for every character it was given.
func FuzzLine(f *testing.F) {
	for _, s := range []string{"01.txt\x1b[2J", "\u202Eabc\n", "\xff\x9b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := Line(in)
		checkClean(t, "Line", in, out, true)
		if got, want := utf8.RuneCountInString(out), utf8.RuneCountInString(in); got != want {
			t.Errorf("Line(%q) = %q: %d characters for %d", in, out, got, want)
		}
	})
}

func checkClean(t *testing.T, fn, in, out string, line bool) {
	t.Helper()
	if !utf8.ValidString(out) {
		t.Errorf("%s(%q) = %q, not UTF-8", fn, in, out)
	}
	for _, r := range out {
		if NotText(r) || line && r < 0x20 {
			t.Errorf("%s(%q) = %q holds %U", fn, in, out, r)
		}
	}
}
