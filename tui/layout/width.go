// Package layout measures and breaks Chinese text for a terminal: how many
// cells a string takes, how to cut or pad it to a column, and where a
// paragraph of mostly Chinese prose may break into lines (kinsoku rules after
// W3C clreq and JIS X 4051).
//
// Widths are the renderer's: github.com/charmbracelet/x/ansi, which bubbletea
// and lipgloss measure with, has two methods, wcwidth and grapheme clusters,
// and on the text of Chinese newspaper pages Measure agrees with both. Where
// the two differ from each other (emoji sequences, a few recent combining
// marks, and in Wide mode Latin letters such as é), Measure follows wcwidth.
// The one setting that changes the answers, how wide the East Asian
// Ambiguous characters are (“ ” … — ·), is a value passed in, [Ambiguous];
// [AmbiguousFromEnv] reads it the way the renderer does.
//
// The package does no I/O, knows nothing of styles or escape sequences, and
// keeps no mutable state: its only package-level data is a rune table built
// once, on first use, and never written again.
package layout

import (
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/mattn/go-runewidth"
)

// Ambiguous says how many cells the East Asian Ambiguous characters take:
// the curly quotes “ ” ‘ ’, … — · and the box drawing ─ │ ╭ among others.
// Terminals differ; a CJK locale usually draws them wide.
type Ambiguous int

const (
	// Narrow draws ambiguous characters in one cell, as most terminals do.
	Narrow Ambiguous = iota
	// Wide draws them in two cells, as CJK terminals and fonts often do.
	Wide
)

func (a Ambiguous) String() string {
	if a == Wide {
		return "wide"
	}
	return "narrow"
}

// AmbiguousFromEnv returns the mode the renderer picks for itself: x/ansi
// reads RUNEWIDTH_EASTASIAN once at start and draws ambiguous characters wide
// when it parses as a true boolean ("1", "t", "true", ...). Pass os.Getenv.
// A Measure built from anything else will disagree with what is drawn.
func AmbiguousFromEnv(getenv func(string) string) Ambiguous {
	if ea, err := strconv.ParseBool(getenv("RUNEWIDTH_EASTASIAN")); err == nil && ea {
		return Wide
	}
	return Narrow
}

// Measure measures text in terminal cells for one [Ambiguous] mode. It is a
// small comparable value; the zero Measure is the Narrow one.
type Measure struct {
	wide bool
}

// NewMeasure returns the Measure for mode a. Any value other than Wide is
// taken as Narrow.
func NewMeasure(a Ambiguous) Measure {
	return Measure{wide: a == Wide}
}

// Ambiguous returns the mode m measures in.
func (m Measure) Ambiguous() Ambiguous {
	if m.wide {
		return Wide
	}
	return Narrow
}

// ambWidth is the width of an ambiguous character in m.
func (m Measure) ambWidth() int {
	if m.wide {
		return 2
	}
	return 1
}

// RuneWidth returns the cells r takes: 0 for controls, nonspacing and
// enclosing marks and format characters (ZWJ, variation selectors), 2 for
// wide characters (ideographs, kana, full-width forms, emoji), 1 or 2 for
// ambiguous ones by mode, and 1 for the rest.
func (m Measure) RuneWidth(r rune) int {
	return widthOf(infoOf(runeTable(), r), m.ambWidth())
}

// StringWidth returns the cells s takes: the sum of its runes' widths, which
// is how the renderer measures plain text. s must be plain text: escape
// sequences are not parsed, and invalid UTF-8 counts as U+FFFD per byte.
func (m Measure) StringWidth(s string) int {
	t := runeTable()
	amb := m.ambWidth()
	w := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			w += int(t[c] & widthMask) // ASCII: never ambiguous
			i++
			continue
		}
		r, size := decodeRune(s, i)
		w += widthOf(infoOf(t, r), amb)
		i += size
	}
	return w
}

// decodeRune is utf8.DecodeRuneInString(s[i:]) for a non-ASCII s[i], with
// the three-byte forms of U+1000 to U+FFFF (ideographs, CJK punctuation,
// full-width forms: most of a Chinese page) decoded here. The callers
// handle ASCII inline.
func decodeRune(s string, i int) (rune, int) {
	c := s[i]
	// Lead bytes E1-EC and EE-EF take any continuation bytes; E0 (overlong
	// forms) and ED (surrogates) are left to the library.
	if c-0xe1 <= 0xef-0xe1 && c != 0xed && i+2 < len(s) && s[i+1]&0xc0 == 0x80 && s[i+2]&0xc0 == 0x80 {
		return rune(c&0x0f)<<12 | rune(s[i+1]&0x3f)<<6 | rune(s[i+2]&0x3f), 3
	}
	return utf8.DecodeRuneInString(s[i:])
}

// Truncate cuts s to at most w cells, ending it with tail when it had to cut.
// It never splits a wide character, so the result may be a cell short of w;
// padding is the caller's job (see Pad). A tail wider than w is left off. A
// string that fits is returned as it is.
func (m Measure) Truncate(s string, w int, tail string) string {
	if w <= 0 {
		return ""
	}
	limit := w - m.StringWidth(tail)
	if limit < 0 {
		tail, limit = "", w
	}
	t := runeTable()
	amb := m.ambWidth()
	width, cut := 0, -1
	for i, r := range s {
		rw := widthOf(infoOf(t, r), amb)
		if cut < 0 && width+rw > limit {
			cut = i
		}
		width += rw
		if width > w {
			return s[:cut] + tail
		}
	}
	return s
}

// Pad returns s right-padded with spaces to exactly w cells, truncated first
// (without a tail) when it is wider. A wide character that would straddle
// the edge is replaced by the padding.
func (m Measure) Pad(s string, w int) string {
	if w <= 0 {
		return ""
	}
	s = m.Truncate(s, w, "")
	if n := w - m.StringWidth(s); n > 0 {
		return s + strings.Repeat(" ", n)
	}
	return s
}

// Columns returns the cell at which each rune of s starts, followed by the
// width of s: len(Columns(s)) is the rune count of s plus one, and rune i
// covers cells Columns(s)[i] to Columns(s)[i+1]. Use it to place highlights.
func (m Measure) Columns(s string) []int {
	t := runeTable()
	amb := m.ambWidth()
	cols := make([]int, 0, len(s)+1)
	w := 0
	for _, r := range s {
		cols = append(cols, w)
		w += widthOf(infoOf(t, r), amb)
	}
	return append(cols, w)
}

// The rune table holds, for each rune of the basic multilingual plane, one
// byte: its width class in the low two bits and its line-breaking flags
// above them. Runes above the plane are classified on the fly.
type runeInfo uint8

const (
	widthMask runeInfo = 3 // 0, 1 or 2 cells; 3 is ambiguous: 1 or 2 by mode

	flagWord  runeInfo = 1 << 2 // part of a Latin word or number
	flagClose runeInfo = 1 << 3 // may not start a line
	flagOpen  runeInfo = 1 << 4 // may not end a line
	flagPair  runeInfo = 1 << 5 // two in a row (—— ……) stay together
	flagGlue  runeInfo = 1 << 6 // zero width: belongs to the rune before
	flagSpace runeInfo = 1 << 7 // U+0020, a place to break
)

const widthAmbiguous = 3

func widthOf(info runeInfo, amb int) int {
	w := int(info & widthMask)
	if w == widthAmbiguous {
		return amb
	}
	return w
}

type table = [0x10000]runeInfo

// runeTable returns the rune table, building it on first use (about a
// millisecond, once per process).
var runeTable = sync.OnceValue(buildTable)

func infoOf(t *table, r rune) runeInfo {
	if uint32(r) < 0x10000 {
		return t[r]
	}
	return classify(r)
}

func buildTable() *table {
	var zero, word [0x10000 / 64]uint64
	paint := func(bits *[0x10000 / 64]uint64, tabs ...*unicode.RangeTable) {
		for _, tab := range tabs {
			for _, rg := range tab.R16 {
				for c := uint32(rg.Lo); c <= uint32(rg.Hi); c += uint32(rg.Stride) {
					bits[c>>6] |= 1 << (c & 63)
				}
			}
		}
	}
	paint(&zero, unicode.Mn, unicode.Me, unicode.Cf)
	paint(&word, unicode.L, unicode.Nd)
	has := func(bits *[0x10000 / 64]uint64, r rune) bool { return bits[r>>6]&(1<<(r&63)) != 0 }

	t := new(table)
	for r := rune(0); r < 0x10000; r++ {
		t[r] = info(r, has(&zero, r), has(&word, r))
	}
	paintKinsoku(t)
	return t
}

// classify works out a rune's info without the table, for runes above the
// basic multilingual plane (and, in tests, to check the table).
func classify(r rune) runeInfo {
	zero := unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf)
	word := unicode.In(r, unicode.L, unicode.Nd)
	return info(r, zero, word)
}

// info puts together the width class and the breaking flags of r, given
// whether r is in Mn, Me or Cf (zero) and in L or Nd (letter).
func info(r rune, zero, letter bool) runeInfo {
	narrow := wcWidth(r, zero, false)
	wide := wcWidth(r, zero, true)
	var in runeInfo
	switch {
	case narrow == wide:
		in = runeInfo(narrow)
	case narrow == 1 && wide == 2:
		in = widthAmbiguous
	default:
		// runewidth only ever widens ambiguous runes from 1 to 2.
		panic("layout: unexpected widths for " + strconv.QuoteRune(r))
	}
	if narrow == 0 {
		in |= flagGlue
	}
	return in | breakFlags(r, narrow, letter)
}

// wcWidth is x/ansi's wcwidth for one rune (wcRuneWidth in its wcwidth.go):
// controls take nothing, printable ASCII one cell, Mn, Me and Cf nothing,
// and everything else what go-runewidth says with StrictEmojiNeutral set.
// x/ansi's grapheme method, which uses another width table, agrees on every
// rune the corpus holds; TestRendererAgreement checks both.
func wcWidth(r rune, zero, eastAsian bool) int {
	switch {
	case r < 0x20, r >= 0x7f && r < 0xa0:
		return 0
	case r < 0x7f:
		return 1
	case zero:
		return 0
	}
	c := runewidth.Condition{EastAsianWidth: eastAsian, StrictEmojiNeutral: true}
	return c.RuneWidth(r)
}
