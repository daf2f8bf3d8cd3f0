package parse

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/dubaoreader/dubao/model"
)

// pagesJSON parses b and returns its pages as JSON, to compare trees.
func pagesJSON(t *testing.T, b []byte) string {
	t.Helper()
	pages, err := Pages(b)
	if err != nil {
		t.Fatalf("Pages: %v", err)
	}
	var out []model.PageJSON
	for _, p := range pages {
		out = append(out, p.JSON())
	}
	j, err := json.MarshalIndent(out, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(j)
}

func mustEncode(t *testing.T, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encode: %v", err)
	}
	return b
}

// One page, however it is encoded and whatever its line ends, parses to
// the same tree.
func TestEncodingsGiveOneTree(t *testing.T) {
	seed := string(loadCorpus(t, "seed")[0].text)
	var traditional string // the China Times page of the dev set
	for _, p := range loadCorpus(t, "dev") {
		if p.name == "d02" {
			traditional = string(p.text)
		}
	}
	bom := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)
	bomBE := unicode.UTF16(unicode.BigEndian, unicode.UseBOM)
	crlf := func(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") }
	tests := []struct {
		name string
		page string // the page, UTF-8
		in   []byte // the same page as the file holds it
	}{
		{"UTF-8 with a BOM", seed, append([]byte("\xEF\xBB\xBF"), seed...)},
		{"UTF-8 with CRLF", seed, []byte(crlf(seed))},
		{"UTF-8 with lone CRs", seed, []byte(strings.ReplaceAll(seed, "\n", "\r"))},
		{"UTF-16LE with a BOM", seed, mustEncode(t, bom, seed)},
		{"UTF-16BE with a BOM and CRLF", seed, mustEncode(t, bomBE, crlf(seed))},
		{"GB18030", seed, mustEncode(t, simplifiedchinese.GB18030, seed)},
		{"GBK with CRLF", seed, mustEncode(t, simplifiedchinese.GBK, crlf(seed))},
		{"Big5", traditional, mustEncode(t, traditionalchinese.Big5, traditional)},
		{"Big5 with CRLF", traditional, mustEncode(t, traditionalchinese.Big5, crlf(traditional))},
		{"GB18030 of a Traditional page", traditional, mustEncode(t, simplifiedchinese.GB18030, traditional)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := pagesJSON(t, []byte(tt.page))
			if got := pagesJSON(t, tt.in); got != want {
				t.Errorf("the tree differs from the UTF-8 page's: %s", firstDifference(got, want))
			}
		})
	}
}

// A form feed starts a new page, as pdftotext writes a file of several.
func TestFormFeeds(t *testing.T) {
	seed := loadCorpus(t, "seed")[0].text
	dev := loadCorpus(t, "dev")
	one := func(b []byte) model.PageJSON {
		pages, err := Pages(b)
		if err != nil || len(pages) != 1 {
			t.Fatalf("Pages = %d pages, %v", len(pages), err)
		}
		return pages[0].JSON()
	}
	trim := func(b []byte) []byte { return bytes.Trim(b, "\f") }
	file := bytes.Join([][]byte{trim(dev[0].text), trim(seed), trim(dev[1].text)}, []byte("\f"))
	file = append(file, '\f') // pdftotext ends every page with one
	pages, err := Pages(file)
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 3 {
		t.Fatalf("%d pages, want 3", len(pages))
	}
	for i, b := range [][]byte{dev[0].text, seed, dev[1].text} {
		got, _ := json.Marshal(pages[i].JSON())
		want, _ := json.Marshal(one(b))
		if string(got) != string(want) {
			t.Errorf("page %d differs from the page parsed alone: %s", i, firstDifference(string(got), string(want)))
		}
	}
	if got := pages[0].Number; got != 3 {
		t.Errorf("page 0 is number %d, want 3", got)
	}
	if got := pages[2].Number; got != 2 {
		t.Errorf("page 2 is number %d, want 2", got)
	}

	// Empty pages between form feeds are no pages.
	pages, err = Pages([]byte("\f\f" + string(trim(seed)) + "\f \n\f\f"))
	if err != nil || len(pages) != 1 {
		t.Errorf("Pages of one page among empty ones = %d pages, %v; want 1", len(pages), err)
	}
}

// Input that is no page fails with an error that says why in plain words,
// on one line; it never panics.
func TestBadInput(t *testing.T) {
	random := make([]byte, 4096)
	x := uint32(7)
	for i := range random {
		x = x*1664525 + 1013904223
		random[i] = byte(x >> 24)
	}
	tests := []struct {
		name string
		in   []byte
		want error
	}{
		{"an empty file", nil, ErrEmpty},
		{"white space only", []byte(" \n\t\u3000\n\r\n  \n"), ErrEmpty},
		{"form feeds only", []byte("\f\f\n\f"), ErrEmpty},
		{"a BOM only", []byte("\xEF\xBB\xBF"), ErrEmpty},
		{"binary", random, ErrBinary},
		{"a PNG image", append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), random[:512]...), ErrBinary},
		{"a PDF", []byte("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"), ErrPDF},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pages, err := Pages(tt.in)
			if !errors.Is(err, tt.want) {
				t.Fatalf("Pages = %d pages, %v; want %v", len(pages), err, tt.want)
			}
			if pages != nil {
				t.Errorf("pages returned with the error")
			}
			msg := err.Error()
			if msg == "" || strings.ContainsAny(msg, "\n\r") || !utf8.ValidString(msg) {
				t.Errorf("message %q is not one line of plain text", msg)
			}
		})
	}
	// A page of punctuation and no words is still a page.
	if _, err := Pages([]byte("。，、\n……\n")); err != nil {
		t.Errorf("a page of punctuation: %v", err)
	}
}

// Big input finishes, in time roughly proportional to its size.
func TestHugePage(t *testing.T) {
	if testing.Short() {
		t.Skip("big pages take seconds")
	}
	var corpus []byte
	for _, p := range allCorpus(t) {
		corpus = append(corpus, bytes.ReplaceAll(p.text, []byte("\f"), nil)...)
	}
	repeat := func(b []byte, n int) []byte { return bytes.Repeat(b, n/len(b)+1)[:n] }
	huge := os.Getenv("DUBAO_HUGE") != ""
	tests := []struct {
		name  string
		in    []byte
		limit time.Duration
		known string // too slow today: run only with DUBAO_HUGE=1
	}{
		{"a 5 MB file of corpus pages parted by form feeds", repeat(append(bytes.Clone(corpus), '\f'), 5<<20), 30 * time.Second, ""},
		{"a 1 MB page", repeat(corpus, 1<<20), 10 * time.Second, ""},
		{"a 5 MB page", repeat(corpus, 5<<20), 30 * time.Second, ""},
		{"a 1 MB line", repeat(bytes.ReplaceAll(corpus, []byte("\n"), nil), 1<<20), 10 * time.Second, ""},
		{"a 64 KB letter-spaced line", []byte(strings.Repeat("一 二 ", (64<<10)/8)), 10 * time.Second, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.known != "" && !huge {
				t.Skipf("known: %s (DUBAO_HUGE=1 runs it)", tt.known)
			}
			start := time.Now()
			pages, err := Pages(tt.in)
			took := time.Since(start)
			if err != nil || len(pages) == 0 {
				t.Fatalf("Pages = %d pages, %v", len(pages), err)
			}
			t.Logf("%d bytes, %d pages in %v (%.1f MB/s)", len(tt.in), len(pages), took, float64(len(tt.in))/took.Seconds()/(1<<20))
			if took > tt.limit {
				t.Errorf("took %v, more than %v", took, tt.limit)
			}
		})
	}
}

// Lines far wider than any column — a story pasted with each paragraph on
// one line — are parsed, not a crash.
func TestVeryWideLines(t *testing.T) {
	lead := "本报讯（记者苏晴）" + strings.Repeat("会议围绕市委决策部署", 6) + "。" // 70 ems
	tests := []struct {
		name  string
		page  string
		known string
	}{
		{"a wide first line with a byline, short lines after",
			page(lead, "会议围绕市委。", "总结全市工会。", "今年的工作。", "全市工会", "会议召开。"),
			""},
		{"every paragraph on one line",
			page("市总工会召开全委会议", lead, strings.Repeat("李长青指出，全市各级工会要认真学习贯彻党的精神。", 4)), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pages, crash, err := pagesOrPanic([]byte(tt.page))
			msg := crash
			if crash == "" && (err != nil || len(pages) != 1) {
				msg = fmt.Sprintf("Pages = %d pages, %v", len(pages), err)
			}
			if crash == "" && msg == "" {
				msg = checkNothingLost([]byte(tt.page))
			}
			report(t, firstLine(msg), tt.known)
		})
	}
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
