package pdfium

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/dubaoreader/dubao/parse"
)

// TestBadPDFs: every PDF dubao cannot read gets its own plain answer.
func TestBadPDFs(t *testing.T) {
	r := New(testCache(t))
	defer r.Close()
	d01, _ := os.ReadFile("../../../shared/corpus/dev/d01.pdf")
	cases := []struct {
		name string
		pdf  []byte
		want error
	}{
		{"not a PDF at all", []byte("2024年3月13日 星期三 第3版\n本报讯 …\n"), parse.ErrNotPDF},
		{"a PDF cut off after its header", makePDF(textPages, []string{"Hello"})[:40], parse.ErrNotPDF},
		{"encrypted, with a user password", makePDF(lockedPages, []string{"Hello"}), parse.ErrEncrypted},
		{"pictures of pages, no text", makePDF(imagePages, []string{"", ""}), parse.ErrImageOnly},
		{"a font that maps its codes to no characters", makePDF(unmappedPages, []string{"ABCDEFGHIJKLMNOP QRSTUVWXYZ"}), parse.ErrNoUnicodeMap},
		{"more pages than are read", makePDF(textPages, make([]string, parse.MaxPDFPages+1)), parse.ErrTooManyPages},
		{"a page of more characters than any newspaper's", makePDF(densePages, []string{strings.Repeat("ABCDEFGHIJ", parse.MaxPageChars/10+1)}), parse.ErrTooManyChars},
	}
	if len(d01) > 0 {
		cases = append(cases, struct {
			name string
			pdf  []byte
			want error
		}{"a corpus page cut off halfway", d01[:len(d01)/2], parse.ErrNotPDF})
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := parse.PDFPages(r, c.pdf)
			if !errors.Is(err, c.want) {
				t.Fatalf("got %v, want %v", err, c.want)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("the answer is more than one line: %q", err)
			}
		})
	}
}

// TestLongPDF: a 300-page document is read page by page, each page's text
// kept, in bounded time.
func TestLongPDF(t *testing.T) {
	r := New(testCache(t))
	defer r.Close()
	pages := make([]string, 300)
	for i := range pages {
		pages[i] = fmt.Sprintf("Page %d of the long document", i+1)
	}
	start := time.Now()
	got, err := parse.PDFPages(r, makePDF(textPages, pages))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 300 {
		t.Fatalf("%d pages, want 300", len(got))
	}
	for i, p := range []int{0, 149, 299} {
		text := fmt.Sprint(got[p].Articles)
		if len(got[p].Articles) == 0 || !strings.Contains(strings.Join(got[p].Articles[0].Paragraphs, " ")+got[p].Articles[0].Title, fmt.Sprintf("Page %d of", p+1)) {
			t.Errorf("page %d (%d): %s", p+1, i, text)
		}
	}
	t.Logf("300 pages in %v", time.Since(start))
}
