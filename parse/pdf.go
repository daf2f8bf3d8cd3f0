package parse

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/dubaoreader/dubao/model"
)

// PDF pages. What a PDF holds is read by an Extractor — PDFium, behind this
// small interface, in package parse/pdfium — as characters with their boxes
// and sizes; the geometry parse (geom*.go) makes the article tree of a page
// from them.

// Extractor opens PDF documents.
type Extractor interface {
	// Open reads a PDF document from its bytes. The errors it returns for
	// a document it cannot read wrap ErrEncrypted or ErrNotPDF when they are
	// the cause.
	Open(pdf []byte) (Document, error)
}

// Document is an open PDF document.
type Document interface {
	Pages() int
	// Page extracts the characters and pictures of page i, counted from 0.
	Page(i int) (*Sheet, error)
	Close() error
}

// Sheet is what a PDF tells of one page: its size and the characters
// printed on it, in the order of the content stream.
type Sheet struct {
	Width, Height float64
	Chars         []Char
	Pictures      []model.Box // filled areas and images big enough to be pictures
	Rules         []model.Box // thin lines, such as those drawn between stories
}

// Char is one character printed on a page.
type Char struct {
	R      rune      // the code point, 0 when the font maps it to none
	Box    model.Box // in points from the page's top-left corner
	Size   float64   // the font size in points
	Font   string    // the font's name, "" when the PDF does not say
	Weight int       // 400 regular, 700 bold; 0 when the PDF does not say
}

// Errors a PDF may be refused with.
var (
	ErrNotPDF       = errors.New("not a PDF, or a damaged one")
	ErrEncrypted    = errors.New("the PDF is encrypted: open it in a PDF reader and save a copy without a password")
	ErrImageOnly    = errors.New("the PDF has no text layer, only pictures of the page (dubao does not read images)")
	ErrNoUnicodeMap = errors.New("the PDF's fonts do not say which characters they print: its text comes out garbled")
	ErrTooManyPages = fmt.Errorf("the PDF has more than %d pages", MaxPDFPages)
	ErrTooManyChars = fmt.Errorf("a page of the PDF has more than %d characters: not a newspaper page", MaxPageChars)
)

// MaxPageChars is the most characters one page may have: a dense broadsheet
// page has twenty thousand.
const MaxPageChars = 100000

// MaxPDFPages is the most pages of one PDF that are read.
const MaxPDFPages = 400

// PagesReading is Pages for a file that may be a PDF, read by ex; with a
// nil ex a PDF is refused with ErrPDF.
func PagesReading(b []byte, ex Extractor) ([]*model.Page, error) {
	if ex != nil && IsPDF(b) {
		return PDFPages(ex, b)
	}
	return Pages(b)
}

// IsPDF reports whether b looks like a PDF file: %PDF- near its start.
func IsPDF(b []byte) bool {
	head := b[:min(len(b), 1024)]
	return bytes.Contains(head, []byte("%PDF-"))
}

// PDFPages parses every page of a PDF document, one page at a time, so
// that a long document never holds more than one page's characters.
func PDFPages(ex Extractor, pdf []byte) ([]*model.Page, error) {
	if ex == nil {
		return nil, errors.New("no PDF reader is available")
	}
	doc, err := ex.Open(pdf)
	if err != nil {
		return nil, err
	}
	defer doc.Close()
	n := doc.Pages()
	if n > MaxPDFPages {
		return nil, ErrTooManyPages
	}
	if n == 0 {
		return nil, ErrNoPages
	}
	var out []*model.Page
	chars, unmapped := 0, 0
	for i := range n {
		s, err := doc.Page(i)
		if err == nil && len(s.Chars) > MaxPageChars {
			err = ErrTooManyChars
		}
		if err != nil {
			return nil, fmt.Errorf("page %d: %w", i+1, err)
		}
		c, u := mapping(s)
		chars, unmapped = chars+c, unmapped+u
		if c == 0 {
			continue
		}
		out = append(out, SheetPage(s))
	}
	switch {
	case chars == 0:
		return nil, ErrImageOnly
	case float64(unmapped) > 0.2*float64(chars):
		return nil, ErrNoUnicodeMap
	}
	return out, nil
}

// mapping counts the printed characters of a sheet and those among them
// whose code point says nothing: none, a private-use one, a replacement
// character or a control.
func mapping(s *Sheet) (chars, unmapped int) {
	for _, c := range s.Chars {
		if isSpace(c.R) || c.R == '\n' || c.R == '\r' {
			continue
		}
		chars++
		if c.R == 0 || c.R == 0xFFFD || c.R < 0x20 || c.R >= 0xE000 && c.R <= 0xF8FF || c.R >= 0xF0000 {
			unmapped++
		}
	}
	return chars, unmapped
}
