package parse

import (
	"math/rand/v2"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/dubaoreader/dubao/model/clean"
)

// hostileSequences are what a page may carry to work on a terminal: each
// family of escape sequence and control character.
var hostileSequences = []string{
	"\x1b]0;标题\x07",                                     // OSC: the window title
	"\x1b]52;c;ZWNobyBoaQ==\x07",                        // OSC 52: the clipboard
	"\x1b[2J\x1b[H",                                     // CSI: clear the screen
	"\x1b[31;1m红\x1b[0m",                                // SGR colours
	"\x1bPq#0;2;0;0;0\x1b\\",                            // DCS
	"\x1b]8;;http://x.cn\x1b\\链接\x1b]8;;\x1b\\",         // OSC 8: a link
	"\u009b2J\u009d0;t\u009c",                           // C1: CSI, OSC, ST
	"\u0085\u008e",                                      // C1: NEL, SS2
	"\x7f\b\x00\v",                                      // DEL, BS, NUL, VT
	"\u202Etxt.exe\u202C\u2066\u2069\u200E\u200F\u061C", // bidi
}

// Nothing is lost, and nothing hostile kept: a page with escape sequences
// and controls put anywhere in it, in UTF-8, GB18030 and UTF-16, parses
// to a tree that holds none of them, every other character of the page
// landing in the tree and every control counted as dropped.
func TestHostilePagesLoseNothingAndKeepNoControl(t *testing.T) {
	encodings := []struct {
		name   string
		encode func(string) []byte
	}{
		{"UTF-8", func(s string) []byte { return []byte(s) }},
		{"GB18030", func(s string) []byte {
			b, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(s))
			if err != nil {
				t.Fatal(err)
			}
			return b
		}},
		{"UTF-16LE", func(s string) []byte {
			b, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(s))
			if err != nil {
				t.Fatal(err)
			}
			return b
		}},
	}
	r := rand.New(rand.NewPCG(8, 8))
	for _, name := range minerPages(t) {
		page := testdataText(t, name+".txt")
		lines := strings.Split(page, "\n")
		for _, seq := range hostileSequences {
			i := r.IntN(len(lines))
			rs := []rune(lines[i])
			k := r.IntN(len(rs) + 1)
			lines[i] = string(rs[:k]) + seq + string(rs[k:])
		}
		raw := strings.Join(lines, "\n")
		controls := 0
		for _, seq := range hostileSequences {
			controls += clean.Dropped(seq)
		}
		if got := clean.Dropped(raw) - clean.Dropped(page); got != controls {
			t.Fatalf("%s: %d controls counted as dropped, %d put in", name, got, controls)
		}
		for _, enc := range encodings {
			b := enc.encode(raw)
			if d := checkNothingLost(b); d != "" {
				t.Errorf("%s in %s: %s", name, enc.name, d)
			}
			pages, err := Pages(b)
			if err != nil {
				t.Errorf("%s in %s: %v", name, enc.name, err)
				continue
			}
			for r := range treeRunes(pages) {
				if clean.NotText(r) {
					t.Errorf("%s in %s: %U is in the tree", name, enc.name, r)
					break
				}
			}
		}
	}
}
