package parse

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/dubaoreader/dubao/model/clean"
)

// An Encoding names a character encoding Decode recognises.
type Encoding string

// The encodings Decode recognises.
const (
	UTF8    Encoding = "UTF-8"
	UTF16LE Encoding = "UTF-16LE"
	UTF16BE Encoding = "UTF-16BE"
	GB18030 Encoding = "GB18030" // and so GBK and GB2312, its subsets
	Big5    Encoding = "Big5"
)

// A decodeError is one of the errors Decode returns; a constant, so no one
// can reassign it.
type decodeError string

func (e decodeError) Error() string { return string(e) }

// Errors Decode returns, to compare with errors.Is.
const (
	// ErrEmpty is a page with no text: no bytes, or only white space.
	ErrEmpty = decodeError("empty page")
	// ErrPDF is a PDF file given where its text was wanted.
	ErrPDF = decodeError("this is a PDF, not text: extract its text first with pdftotext -raw file.pdf")
	// ErrBinary is data that is not text in any encoding Decode knows.
	ErrBinary = decodeError("not text: looks like binary data")
)

// Decode turns the bytes of an extracted page into text, recognising the
// encoding without being told: UTF-8, with or without a byte order mark;
// UTF-16 with a byte order mark; and, where the bytes are not UTF-8,
// GB18030 (a superset of GBK and GB2312) or Big5, whichever reads as more
// plausible Chinese. UTF-8 with a few bad bytes (a last character cut short)
// is still UTF-8, the bad bytes each becoming U+FFFD.
//
// The byte order mark is dropped, CRLF and lone CR line ends become LF, and
// form feeds, which separate pages, are kept. The page is untrusted: what
// is not text by package clean's rule — control characters (terminal
// escape sequences start with one), bidirectional controls — is dropped
// (clean.Dropped counts it). The text is valid UTF-8.
//
// Decode fails with ErrEmpty for a page with no text, ErrPDF for a PDF, and
// ErrBinary (perhaps wrapped) for anything else that is not text.
func Decode(b []byte) (text string, enc Encoding, err error) {
	var printed runeSet
	text, enc, _, _, err = decode(b, &printed)
	return text, enc, err
}

// decode is Decode, reporting as well whether the text is normal: plain
// (see decodeUnmarked) and with no rune normalizeClean may change
// (mayNormalize), so that it and every part of it are as normalizeClean
// leaves them; and how much of the text, from its start, scanUTF8 read the
// runes of that foldScript reads into printed (read bytes; 0 unless plain).
func decode(b []byte, printed *runeSet) (text string, enc Encoding, normal bool, read int, err error) {
	plain := false // text as unifyLineEnds and clean.Text leave it
	switch {
	case bytes.HasPrefix(b, []byte("\xEF\xBB\xBF")):
		text, enc, err = decodeUTF8(b[3:])
	case bytes.HasPrefix(b, []byte("\xFF\xFE")):
		text, enc, err = decodeUTF16(b[2:], UTF16LE, unicode.LittleEndian)
	case bytes.HasPrefix(b, []byte("\xFE\xFF")):
		text, enc, err = decodeUTF16(b[2:], UTF16BE, unicode.BigEndian)
	default:
		text, enc, plain, normal, read, err = decodeUnmarked(b, printed)
	}
	if err != nil {
		return "", enc, false, 0, err
	}
	if !plain {
		text, read = clean.Text(unifyLineEnds(text)), 0
	}
	if strings.TrimSpace(text) == "" {
		return "", enc, false, 0, ErrEmpty
	}
	return text, enc, normal, read, nil
}

// decodeUTF8 decodes b, which a byte order mark says is UTF-8.
func decodeUTF8(b []byte) (string, Encoding, error) {
	if err := checkText(b); err != nil {
		return "", UTF8, err
	}
	return utf8String(b), UTF8, nil
}

// decodeUTF16 decodes b, which a byte order mark says is UTF-16.
func decodeUTF16(b []byte, enc Encoding, order unicode.Endianness) (string, Encoding, error) {
	if len(b) == 0 {
		return "", enc, ErrEmpty
	}
	text, err := unicode.UTF16(order, unicode.IgnoreBOM).NewDecoder().Bytes(b)
	if err != nil { // cannot happen: bad code units become U+FFFD
		return "", enc, fmt.Errorf("decode %s: %w", enc, err)
	}
	if controlHeavy(text) {
		return "", enc, ErrBinary
	}
	return string(text), enc, nil
}

// decodeUnmarked decodes b, which has no byte order mark, and reports
// whether the text is plain: UTF-8 with no carriage return and nothing
// clean.Text drops, as most pages are; and whether it is normal as well
// (see decode).
func decodeUnmarked(b []byte, printed *runeSet) (_ string, _ Encoding, plain, normal bool, read int, _ error) {
	if err := checkStart(b); err != nil {
		return "", "", false, false, 0, err
	}
	// A plain text holds none of the bytes controlHeavy counts (clean.Text
	// drops them all): a page scanUTF8 finds plain, as most are, is read
	// once.
	valid, plain, normal, read := scanUTF8(b, printed)
	if !plain && controlHeavy(b) {
		return "", "", false, false, 0, ErrBinary
	}
	if valid {
		return string(b), UTF8, plain, normal, read, nil
	}
	// Score each reading of (a sample of) b; the first wins ties, so UTF-8
	// wins over GB18030, and GB18030 over Big5.
	sample := b[:min(len(b), scoreSample)]
	mostly, bestScore := readUTF8(sample)
	if mostly {
		return utf8String(b), UTF8, false, false, 0, nil
	}
	best, bestText := UTF8, ""
	for _, c := range []struct {
		enc Encoding
		e   encoding.Encoding
	}{{GB18030, simplifiedchinese.GB18030}, {Big5, traditionalchinese.Big5}} {
		text, err := c.e.NewDecoder().String(string(sample))
		if err != nil {
			continue // cannot happen: bad bytes become U+FFFD
		}
		if score := textPlausibility(text); score > bestScore {
			best, bestText, bestScore = c.enc, text, score
		}
	}
	if bestScore < minPlausibility {
		return "", "", false, false, 0, fmt.Errorf("%w (it reads as none of UTF-8, GB18030 and Big5)", ErrBinary)
	}
	if len(sample) == len(b) && best != UTF8 {
		return bestText, best, false, false, 0, nil
	}
	switch best {
	case GB18030:
		text, err := simplifiedchinese.GB18030.NewDecoder().Bytes(b)
		return string(text), best, false, false, 0, err
	case Big5:
		text, err := traditionalchinese.Big5.NewDecoder().Bytes(b)
		return string(text), best, false, false, 0, err
	}
	return utf8String(b), UTF8, false, false, 0, nil
}

// How much of an unmarked text Decode reads to choose its encoding, and how
// plausible the best reading must be (see plausibility).
const (
	scoreSample     = 32 << 10
	minPlausibility = 0.3
)

// checkText rules out what is clearly not a page of text: nothing, a PDF,
// binary data.
func checkText(b []byte) error {
	if err := checkStart(b); err != nil {
		return err
	}
	if controlHeavy(b) {
		return ErrBinary
	}
	return nil
}

// checkStart is checkText's first two tests: nothing, a PDF.
func checkStart(b []byte) error {
	if len(b) == 0 {
		return ErrEmpty
	}
	if bytes.HasPrefix(bytes.TrimLeft(b, " \t\r\n\f"), []byte("%PDF-")) {
		return ErrPDF
	}
	return nil
}

// controlHeavy reports whether more than one byte in a hundred of b is NUL
// or another control character that text does not use (all but tab, line
// feed, vertical tab, form feed, carriage return and escape), as in binary
// data. b is ASCII-compatible: UTF-8, GB18030 or Big5.
func controlHeavy(b []byte) bool { return controlBytes(b)*100 > len(b) }

// controlBytes counts the bytes of b that controlHeavy counts.
func controlBytes(b []byte) int {
	const (
		ones  = 0x0101010101010101
		highs = 0x8080808080808080
	)
	n, i := 0, 0
	for ; i+8 <= len(b); i += 8 {
		// Eight bytes at a time: none below 0x20 and none 0x7F, as in
		// most words of text, and there is nothing to count.
		w := binary.LittleEndian.Uint64(b[i:])
		del := w ^ 0x7F*ones
		if (w-0x20*ones)&^w&highs == 0 && (del-ones)&^del&highs == 0 {
			continue
		}
		for _, c := range b[i : i+8] {
			n += int(binaryByte[c])
		}
	}
	for _, c := range b[i:] {
		n += int(binaryByte[c])
	}
	return n
}

// binaryByte is 1 for the bytes controlHeavy counts, and 0 for the others.
var binaryByte = func() (t [256]uint8) {
	for c := range 256 {
		if c < 0x20 && (c < '\t' || c > '\r') && c != 0x1B || c == 0x7F {
			t[c] = 1
		}
	}
	return t
}()

// scanUTF8 reports whether b is valid UTF-8 (validUTF8) and, if so,
// whether it is plain as well: no rune in it that clean.Text drops, among
// them the carriage return unifyLineEnds reads, so that the two would
// return it as it is; and, if plain, whether it is normal too: no rune in
// it that normalizeClean may change (toNormalize), so that firstToNormalize
// finds none in any part of it. One reading for the three questions, as on
// most pages. It adds to printed the runes foldScript reads (foldRuneAt's)
// of b[:read]: the text up to its first rune that is not normal and text
// of one or two bytes or of three from U+2000 (most pages are all such),
// or all of b.
func scanUTF8(b []byte, printed *runeSet) (valid, plain, normal bool, read int) {
	i := 0
	for i < len(b) {
		// A run of runes from U+4000 to U+9FFF (leads E4 to E9), most of
		// a page, read in a loop of its own: text, normal, and printed's.
		for i+2 < len(b) {
			r := b[i : i+3 : i+3]
			if r[0]-0xE4 > 0xE9-0xE4 || r[1]&0xC0 != 0x80 || r[2]&0xC0 != 0x80 {
				break
			}
			printed.add(rune(r[0]&0x0F)<<12 | rune(r[1]&0x3F)<<6 | rune(r[2]&0x3F))
			i += 3
		}
		if i >= len(b) {
			break
		}
		c := b[i]
		if c < utf8.RuneSelf {
			if (c < 0x20 && c != '\n' || c == 0x7F) && clean.NotText(rune(c)) {
				break
			}
			i++
			continue
		}
		if c >= 0xC2 && c <= 0xDF && i+1 < len(b) && b[i+1]&0xC0 == 0x80 {
			// A two-byte rune (· among them), as the second loop reads it.
			if r := rune(c&0x1F)<<6 | rune(b[i+1]&0x3F); clean.NotText(r) || mayNormalize(c, b[i+1]) && toNormalize(r) {
				break
			}
			i += 2
			continue
		}
		if c < 0xE2 || c > 0xEF || c == 0xED || i+2 >= len(b) || b[i+1]&0xC0 != 0x80 || b[i+2]&0xC0 != 0x80 {
			break
		}
		r := rune(c&0x0F)<<12 | rune(b[i+1]&0x3F)<<6 | rune(b[i+2]&0x3F)
		if (c <= 0xE3 || c == 0xEF) && mayNormalize(c, b[i+1]) && toNormalize(r) || c == 0xE2 && clean.NotText(r) {
			break // the second loop's to judge
		}
		if c <= 0xE9 {
			printed.add(r)
		}
		i += 3
	}
	read = i
	// The rest, from the first rune that is not such, read as before.
	normal = true
	for i < len(b) {
		c := b[i]
		switch {
		case c >= 0xE3 && c <= 0xEF && c != 0xED && i+2 < len(b) && b[i+1]&0xC0 == 0x80 && b[i+2]&0xC0 == 0x80:
			// A rune from U+3000 on: text, and normal but for U+31C0–
			// U+31FF and U+FEC0–U+FEFF (mayNormalize's E3 87 and EF BB).
			// Most of a page, so asked first.
			if normal && (c == 0xE3 && b[i+1] == 0x87 || c == 0xEF && b[i+1] == 0xBB) && toNormalize(rune(c&0x0F)<<12|rune(b[i+1]&0x3F)<<6|rune(b[i+2]&0x3F)) {
				normal = false
			}
			i += 3
			continue
		case c >= 0x20 && c < 0x7F || c == '\n':
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return false, false, false, 0
		}
		if clean.NotText(r) {
			return validUTF8(b[i:]), false, false, 0
		}
		if normal && size > 1 && mayNormalize(c, b[i+1]) && toNormalize(r) {
			normal = false
		}
		i += size
	}
	return true, true, normal, read
}

// validUTF8 is utf8.Valid(b), with ASCII and the three-byte runes of CJK
// text (wide3's) checked inline.
func validUTF8(b []byte) bool {
	for i := 0; i < len(b); {
		c := b[i]
		switch {
		case c < utf8.RuneSelf:
			i++
			continue
		case c >= 0xE1 && c <= 0xEF && c != 0xED && i+2 < len(b) && b[i+1]&0xC0 == 0x80 && b[i+2]&0xC0 == 0x80:
			i += 3
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return false
		}
		i += size
	}
	return true
}

// readUTF8 reads b, not valid UTF-8, as UTF-8 all the same, each bad byte
// U+FFFD. It reports whether b is still UTF-8, being valid up to a last
// character cut short or having no more than one bad byte for every 50
// well-formed multi-byte characters, and how plausible the reading is (see
// plausibility). GB18030 and Big5 text is mostly bad bytes when read as
// UTF-8: once the bad bytes outnumber all the characters the rest could
// hold, the reading scores -4 without reading on.
func readUTF8(b []byte) (mostly bool, score float64) {
	var p plausibility
	bad, multi := 0, 0
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			if !utf8.FullRune(b[i:]) && bad == 0 {
				return true, 1 // valid but for an unfinished last character
			}
			if bad++; bad > multi+len(b)-i {
				return false, -4
			}
		} else {
			multi++
		}
		p.add(r)
		i += size
	}
	return bad*50 <= multi, p.value()
}

// utf8String converts b to a string, each byte that is not part of a valid
// UTF-8 sequence becoming U+FFFD.
func utf8String(b []byte) string {
	if validUTF8(b) {
		return string(b)
	}
	var s strings.Builder
	s.Grow(len(b) + 16)
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size == 1 {
			s.WriteRune(utf8.RuneError)
		} else {
			s.Write(b[:size])
		}
		b = b[size:]
	}
	return s.String()
}

// A plausibility scores how much a reading of some bytes reads like
// Chinese, adding one character at a time. Its value, from -4 to 1, is the
// mean over the non-ASCII characters of 1 for a common ideograph or Chinese
// punctuation, 0 for another ideograph, -1 for other scripts and symbols
// (kana, bopomofo, Greek, box drawing: what a double-byte character read in
// the wrong encoding often becomes), -2 for a rare ideograph and -4 for
// U+FFFD and private-use characters; and for each ideograph of the minority
// script, where the text mixes ideographs only Simplified Chinese writes
// with ones only Traditional Chinese writes, 1 less. Text with no non-ASCII
// character scores 0.
//
// GB18030 and Big5 share their byte ranges, so either can read the other's
// bytes, but what comes out is rare characters, kana and private-use
// characters where the right reading has common ideographs and punctuation.
type plausibility struct {
	quarters, n             int // the sum in quarter points, over n characters
	simplified, traditional int
}

func (p *plausibility) add(r rune) {
	if r < utf8.RuneSelf {
		return
	}
	p.n++
	switch {
	case r >= commonSetFirst && r < ideographSetEnd:
		i := r - commonSetFirst
		if commonIdeographs[i/64]&(1<<(i%64)) != 0 {
			p.quarters += 4
		}
		switch ideographScript(r) {
		case scriptSimplified:
			p.simplified++
		case scriptTraditional:
			p.traditional++
		}
	case r == utf8.RuneError,
		r >= 0xE000 && r <= 0xF8FF, r >= 0xF0000, // private use
		r >= 0x80 && r <= 0x9F: // C1 controls
		p.quarters -= 16
	case r >= 0x3000 && r <= 0x3003, r >= 0x3007 && r <= 0x3011, r >= 0x3014 && r <= 0x3017, // 、。〇《》「」【】〔〕
		r >= 0x2010 && r <= 0x2027,                             // dashes, quotes, ellipsis
		r >= 0xFF01 && r <= 0xFF5E, r >= 0xFFE0 && r <= 0xFFE5, // full-width forms
		r == 0xB7: // middle dot
		p.quarters += 4
	case r >= 0x3400 && r <= 0x4DBF, // CJK Extension A
		r >= 0xF900 && r <= 0xFAFF, // compatibility ideographs
		r >= 0x20000:               // CJK Extension B and beyond
		p.quarters -= 8
	default:
		p.quarters -= 4
	}
}

func (p *plausibility) value() float64 {
	if p.n == 0 {
		return 0
	}
	// Real text keeps to one script; a wrong reading mixes them.
	q := p.quarters - 4*min(p.simplified, p.traditional)
	return float64(q) / float64(4*p.n)
}

// textPlausibility scores text; see plausibility.
func textPlausibility(text string) float64 {
	var p plausibility
	for _, r := range text {
		p.add(r)
	}
	return p.value()
}

// unifyLineEnds turns CRLF and lone CR line ends into LF.
func unifyLineEnds(s string) string {
	i := strings.IndexByte(s, '\r')
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for ; i >= 0; i = strings.IndexByte(s, '\r') {
		b.WriteString(s[:i])
		b.WriteByte('\n')
		s = s[i+1:]
		if len(s) > 0 && s[0] == '\n' {
			s = s[1:]
		}
	}
	b.WriteString(s)
	return b.String()
}
