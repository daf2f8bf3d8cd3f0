// Package clean says which characters of untrusted text — a page, a file or
// folder name, a theme or state file — are not text, and takes them out
// before anything prints them. It imports nothing of dubao, so that every
// layer may use it.
//
// The rule, all of it:
//
//   - A control character is not text: C0 (U+0000–U+001F) but for tab, line
//     feed and form feed; DEL (U+007F); C1 (U+0080–U+009F). ESC, which opens
//     every terminal escape sequence (CSI, OSC, DCS, OSC 8 links, OSC 52
//     clipboard writes), is one of them, and so is the one-character CSI of
//     C1, U+009B.
//   - A bidirectional control is not text: U+061C, U+200E, U+200F,
//     U+202A–U+202E and U+2066–U+2069, which reorder what a terminal shows
//     (U+202E makes txt.exe of exe.txt).
//   - Bytes that are not UTF-8 are not text: they could be a C1 control to a
//     terminal that reads 8-bit codes.
//
// Text drops what is not text from a page (the bytes that are not UTF-8
// become U+FFFD, as Go does when it reads them); Line shows it, for a name
// or a message, where something missing would hide what is there.
// Everything else — letters, ideographs, punctuation, the other format
// characters — is text and passes as it is.
package clean

import (
	"strings"
	"unicode/utf8"
)

// NotText reports whether r is a control or bidirectional control
// character: not text, by the rule above. Tab, line feed and form feed are
// text.
func NotText(r rune) bool {
	switch {
	case r < 0x20:
		return r != '\t' && r != '\n' && r != '\f'
	case r < 0x7F:
		return false
	case r <= 0x9F:
		return true // DEL and C1
	}
	return isBidi(r)
}

// isBidi reports whether r is a bidirectional mark, embedding, override or
// isolate.
func isBidi(r rune) bool {
	return r == 0x061C || r == 0x200E || r == 0x200F || 0x202A <= r && r <= 0x202E || 0x2066 <= r && r <= 0x2069
}

// Text returns s without the characters that are not text, each byte that
// is not UTF-8 becoming U+FFFD. Line breaks, tabs and form feeds stay. Text
// that is all text is returned as it is, without allocating.
func Text(s string) string {
	i := firstDirt(s, false)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for _, r := range s[i:] { // a bad byte ranges as U+FFFD
		if !NotText(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Dropped returns how many characters Text drops from s.
func Dropped(s string) int {
	n := 0
	for _, r := range s {
		if NotText(r) {
			n++
		}
	}
	return n
}

// Line returns s as one line that shows every character that is not text:
// a C0 control as its control picture (ESC as ␛, NUL as ␀), line feeds,
// form feeds and tabs too (␊ ␌ ␉), DEL as ␡, and a C1 or bidirectional
// control and each byte that is not UTF-8 as U+FFFD. For names and
// messages: what is there can be seen, and nothing else can be printed.
func Line(s string) string {
	i := firstDirt(s, true)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for _, r := range s[i:] {
		switch {
		case r < 0x20:
			b.WriteRune(0x2400 + r)
		case r == 0x7F:
			b.WriteRune('\u2421')
		case NotText(r):
			b.WriteRune(utf8.RuneError)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// firstDirt returns the offset of the first byte of s that Text (or, with
// line, Line) changes, or -1.
func firstDirt(s string, line bool) int {
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < 0x7F {
			i++
			continue
		}
		if c >= 0xE3 && c <= 0xEF && c != 0xED && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			i += 3 // a rune from U+3000 on, as a Chinese page is mostly made of: text
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || NotText(r) || line && r < 0x20 {
			return i
		}
		i += size
	}
	return -1
}
