package parse

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dubaoreader/dubao/model/clean"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

// encode returns s in the encoding e, failing the test where it cannot.
func encodeAs(t testing.TB, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encoding the fixture: %v", err)
	}
	return b
}

func testdataBytes(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// linesOf returns lines [from, to) of text, each ending in LF.
func linesOf(text string, from, to int) string {
	return strings.Join(strings.SplitAfter(text, "\n")[from:to], "")
}

var (
	utf16LE = unicode.UTF16(unicode.LittleEndian, unicode.UseBOM) // writes a BOM
	utf16BE = unicode.UTF16(unicode.BigEndian, unicode.UseBOM)
)

func TestDecode(t *testing.T) {
	seed := testdataText(t, "decode/seed.txt")               // Simplified, UTF-8, LF
	traditional := testdataText(t, "decode/traditional.txt") // Traditional, UTF-8, LF, a form feed
	crlf := strings.ReplaceAll(seed, "\n", "\r\n")
	cut := []byte(seed + "中")
	cut = cut[:len(cut)-1] // the last character cut short

	tests := []struct {
		name     string
		in       []byte
		want     string
		wantEnc  Encoding
		wantText string // where the text is not want: a prefix it must have
	}{
		{"UTF-8", []byte(seed), seed, UTF8, ""},
		{"UTF-8 with BOM", append([]byte("\xEF\xBB\xBF"), seed...), seed, UTF8, ""},
		{"UTF-8 with CRLF", []byte(crlf), seed, UTF8, ""},
		{"UTF-8 with BOM and CRLF", append([]byte("\xEF\xBB\xBF"), crlf...), seed, UTF8, ""},
		{"UTF-8 with lone CR", []byte(strings.ReplaceAll(seed, "\n", "\r")), seed, UTF8, ""},
		{"UTF-8 with a form feed between pages", []byte("第一版\r\n\f第二版\n"), "第一版\n\f第二版\n", UTF8, ""},
		{"UTF-8 with the last character cut short", cut, seed + "\uFFFD\uFFFD", UTF8, ""},
		{"UTF-8 with a few bad bytes", []byte(strings.Replace(seed, "本报讯", "本\xff讯", 3)), strings.Replace(seed, "本报讯", "本\uFFFD讯", 3), UTF8, ""},
		{"UTF-16LE with BOM", encodeAs(t, utf16LE, seed), seed, UTF16LE, ""},
		{"UTF-16BE with BOM", encodeAs(t, utf16BE, seed), seed, UTF16BE, ""},
		{"UTF-16LE with BOM and CRLF", encodeAs(t, utf16LE, crlf), seed, UTF16LE, ""},
		{"GB18030 Simplified page", encodeAs(t, simplifiedchinese.GB18030, seed), seed, GB18030, ""},
		{"GB18030 with CRLF", encodeAs(t, simplifiedchinese.GB18030, crlf), seed, GB18030, ""},
		{"GBK Simplified page", encodeAs(t, simplifiedchinese.GBK, seed), seed, GB18030, ""},
		{"GB18030 Traditional page", encodeAs(t, simplifiedchinese.GB18030, traditional), traditional, GB18030, ""},
		{"Big5 Traditional page", encodeAs(t, traditionalchinese.Big5, traditional), traditional, Big5, ""},
		{"UTF-16LE Traditional page", encodeAs(t, utf16LE, traditional), traditional, UTF16LE, ""},
		{"GB18030 fixture file with CRLF", testdataBytes(t, "decode/short-gb18030.txt"), linesOf(seed, 0, 8), GB18030, ""},
		{"Big5 fixture file", testdataBytes(t, "decode/short-big5.txt"), linesOf(traditional, 1, 9), Big5, ""},
		{"GB18030 two characters", encodeAs(t, simplifiedchinese.GB18030, "中国"), "中国", GB18030, ""},
		{"Big5 a short line", encodeAs(t, traditionalchinese.Big5, "鄉鎮連夜搶修便橋"), "鄉鎮連夜搶修便橋", Big5, ""},
		{"Big5 a headline", encodeAs(t, traditionalchinese.Big5, "焦點新聞"), "焦點新聞", Big5, ""},
		{"GB18030 a headline", encodeAs(t, simplifiedchinese.GB18030, "要闻"), "要闻", GB18030, ""},
		{"ASCII", []byte("Page 3\n"), "Page 3\n", UTF8, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, enc, err := Decode(tt.in)
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			if enc != tt.wantEnc {
				t.Errorf("encoding = %s, want %s", enc, tt.wantEnc)
			}
			if text != tt.want {
				t.Errorf("text differs from the page: %s", firstDifference(text, tt.want))
			}
		})
	}
}

// firstDifference describes where got and want first differ.
func firstDifference(got, want string) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	return "at byte " + strconv.Itoa(i) + ": got " + quoteAround(got, i) + ", want " + quoteAround(want, i)
}

func quoteAround(s string, i int) string {
	from, to := max(0, i-12), min(len(s), i+12)
	return `"` + strings.ToValidUTF8(s[from:to], "?") + `"`
}

func TestDecodeErrors(t *testing.T) {
	random := make([]byte, 4096)
	x := uint32(1)
	for i := range random {
		x = x*1664525 + 1013904223 // a fixed pseudo-random sequence
		random[i] = byte(x >> 24)
	}
	high := bytes.Clone(random)
	for i := range high {
		high[i] |= 0x80 // no NUL, no control bytes, no ASCII
	}
	tests := []struct {
		name string
		in   []byte
		want error
	}{
		{"no bytes", nil, ErrEmpty},
		{"only a UTF-8 BOM", []byte("\xEF\xBB\xBF"), ErrEmpty},
		{"only a UTF-16 BOM", []byte("\xFF\xFE"), ErrEmpty},
		{"only white space", []byte(" \r\n\f\n\t"), ErrEmpty},
		{"only white space in UTF-16", encodeAs(t, utf16BE, "\n\n"), ErrEmpty},
		{"PDF", []byte("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"), ErrPDF},
		{"PDF after a blank line", []byte("\n%PDF-1.4\n"), ErrPDF},
		{"random bytes", random, ErrBinary},
		{"NUL bytes", append([]byte("本报讯"), make([]byte, 64)...), ErrBinary},
		{"ELF header", []byte("\x7FELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00\x3E\x00"), ErrBinary},
		{"UTF-16 of control characters", encodeAs(t, utf16LE, strings.Repeat("\x00\x01\x02", 20)), ErrBinary},
		{"high bytes that read as nothing", high, ErrBinary},
		{"Latin-1", []byte("Caf\xe9 cr\xe8me br\xfbl\xe9e \xe0 la fran\xe7aise"), ErrBinary},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, enc, err := Decode(tt.in)
			if !errors.Is(err, tt.want) {
				t.Fatalf("Decode = %q, %s, %v; want error %v", text, enc, err, tt.want)
			}
			if text != "" {
				t.Errorf("Decode returned text %q with its error", text)
			}
		})
	}
}

func TestDecodeErrorMessages(t *testing.T) {
	_, _, err := Decode([]byte("%PDF-1.7\n"))
	if !strings.Contains(err.Error(), "pdftotext -raw") {
		t.Errorf("the PDF error %q does not say how to extract the text", err)
	}
	_, _, err = Decode(make([]byte, 100))
	if !strings.HasPrefix(err.Error(), "not text") {
		t.Errorf("the binary error %q does not say it is not text", err)
	}
}

// Each window of a few characters of a page, in GB18030 or Big5, decodes
// to itself: the choice between the two holds up on short text.
func TestDecodeShortText(t *testing.T) {
	seed := []rune(testdataText(t, "decode/seed.txt"))
	traditional := []rune(testdataText(t, "decode/traditional.txt"))
	tests := []struct {
		name    string
		page    []rune
		enc     encoding.Encoding
		want    Encoding
		n       int     // characters in a window
		minRate float64 // share of windows that must decode right
	}{
		{"Simplified in GB18030, 2 characters", seed, simplifiedchinese.GB18030, GB18030, 2, 0.99},
		{"Simplified in GB18030, 8 characters", seed, simplifiedchinese.GB18030, GB18030, 8, 1},
		{"Traditional in GB18030, 4 characters", traditional, simplifiedchinese.GB18030, GB18030, 4, 0.99},
		{"Traditional in Big5, 4 characters", traditional, traditionalchinese.Big5, Big5, 4, 0.98},
		{"Traditional in Big5, 8 characters", traditional, traditionalchinese.Big5, Big5, 8, 0.995},
		{"Traditional in Big5, 16 characters", traditional, traditionalchinese.Big5, Big5, 16, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			right, total := 0, 0
			for i := 0; i+tt.n <= len(tt.page); i += 5 {
				s := string(tt.page[i : i+tt.n])
				b := encodeAs(t, tt.enc, s)
				if utf8.Valid(b) || strings.TrimSpace(s) == "" {
					continue // ASCII, or no page at all
				}
				total++
				text, enc, err := Decode(b)
				if err == nil && enc == tt.want && text == unifyLineEnds(s) {
					right++
				} else if tt.minRate == 1 {
					t.Errorf("Decode(%s of %q) = %q, %s, %v", tt.want, s, text, enc, err)
				}
			}
			if rate := float64(right) / float64(total); rate < tt.minRate {
				t.Errorf("%d of %d windows decoded right (%.3f), want %.3f", right, total, rate, tt.minRate)
			}
		})
	}
}

func FuzzDecode(f *testing.F) {
	seed := testdataText(f, "decode/seed.txt")
	traditional := testdataText(f, "decode/traditional.txt")
	seed, traditional = string([]rune(seed)[:200]), string([]rune(traditional)[:200])
	f.Add([]byte(seed))
	f.Add(encodeAs(f, simplifiedchinese.GB18030, seed))
	f.Add(encodeAs(f, traditionalchinese.Big5, traditional))
	f.Add(encodeAs(f, utf16LE, seed))
	f.Add(encodeAs(f, utf16BE, traditional))
	f.Add(testdataBytes(f, "decode/short-gb18030.txt"))
	f.Add(testdataBytes(f, "decode/short-big5.txt"))
	f.Add([]byte("\xEF\xBB\xBF中\r\n国\r"))
	f.Add([]byte("%PDF-1.7"))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		text, enc, err := Decode(b)
		if err != nil {
			if text != "" {
				t.Errorf("text %q returned with error %v", text, err)
			}
			return
		}
		if !utf8.ValidString(text) {
			t.Errorf("Decode returned invalid UTF-8 as %s", enc)
		}
		if strings.Contains(text, "\r") {
			t.Errorf("Decode left a CR in the text")
		}
		if strings.TrimSpace(text) == "" {
			t.Errorf("Decode returned an empty page without ErrEmpty")
		}
		if utf8.Valid(b) && !bytes.HasPrefix(b, []byte("\xEF\xBB\xBF")) && enc != UTF8 {
			t.Errorf("valid UTF-8 decoded as %s", enc)
		}
	})
}

func BenchmarkDecode(b *testing.B) {
	seed := testdataText(b, "decode/seed.txt")
	traditional := testdataText(b, "decode/traditional.txt")
	for _, bc := range []struct {
		name string
		in   []byte
	}{
		{"UTF-8", []byte(seed)},
		{"UTF-8 CRLF", []byte(strings.ReplaceAll(seed, "\n", "\r\n"))},
		{"UTF-16LE", encodeAs(b, utf16LE, seed)},
		{"GB18030", encodeAs(b, simplifiedchinese.GB18030, seed)},
		{"Big5", encodeAs(b, traditionalchinese.Big5, traditional)},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(bc.in)))
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := Decode(bc.in); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestQuickScansAnswerAsPlainOnes holds controlBytes to a count byte by
// byte, validUTF8 to utf8.Valid and scanUTF8 to utf8.Valid and the text
// unifyLineEnds and clean.Text leave as it is (which holds no byte that
// controlBytes counts: decodeUnmarked counts none in it), on text, control
// bytes and bytes that are not UTF-8, at every length and alignment.
func TestQuickScansAnswerAsPlainOnes(t *testing.T) {
	pieces := []string{"中", "，", "a", "·", "\n", "\t", "\x00", "\x1b", "\x7f", "\x1f", "\x20", "\xe4", "\xb8", "\xed\xa0\x80", "\xe0\x80\x80", "\xef\xbf\xbd", "\xc2", "\U00020000", "\r", "\f", "\u200e", "\u0085", "\u202a", "\u3000", "\u2015", "\u00a0", "\u200b", "\u31c0", "\ufeff", "\u2e80", "\u2f00"}
	seed := uint64(1)
	next := func(n int) int { seed = seed*6364136223846793005 + 1442695040888963407; return int(seed>>33) % n }
	for range 20000 {
		var b []byte
		for range next(40) {
			if next(4) > 0 { // mostly text
				b = append(b, "中文"...)
				continue
			}
			b = append(b, pieces[next(len(pieces))]...)
		}
		n := 0
		for _, c := range b {
			if c < 0x20 && (c < '\t' || c > '\r') && c != 0x1B || c == 0x7F {
				n++
			}
		}
		if got := controlBytes(b); got != n {
			t.Fatalf("controlBytes(%q) = %d, want %d", b, got, n)
		}
		if got, want := validUTF8(b), utf8.Valid(b); got != want {
			t.Fatalf("validUTF8(%q) = %v, want %v", b, got, want)
		}
		var printed runeSet
		valid, plain, normal, _ := scanUTF8(b, &printed)
		wantPlain := utf8.Valid(b) && clean.Text(unifyLineEnds(string(b))) == string(b)
		if valid != utf8.Valid(b) || plain != wantPlain || normal && !plain || normal && firstToNormalize(string(b)) >= 0 || plain && n > 0 {
			t.Fatalf("scanUTF8(%q) = %v, %v, %v", b, valid, plain, normal)
		}
	}
}
