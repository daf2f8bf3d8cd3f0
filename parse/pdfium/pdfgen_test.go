package pdfium

import (
	"bytes"
	"fmt"
	"strings"
)

// A tiny PDF writer for the tests: pages of text in a standard font,
// pages of nothing but a filled box, text in a font that maps its codes to
// no characters, and a document that asks for a password.

type pdfKind int

const (
	textPages     pdfKind = iota
	imagePages            // a grey box and no text
	unmappedPages         // glyphs named uniE041 … : code points of private use, as a font without a Unicode map comes out
	lockedPages           // encrypted, with a user password
	densePages            // the text in rows of a hundred characters, half a point high
)

// makePDF writes a PDF of the given pages.
func makePDF(kind pdfKind, pages []string) []byte {
	var objs []string // objs[i] is object i+1
	add := func(s string) int {
		objs = append(objs, s)
		return len(objs)
	}
	catalog := add("") // filled in below
	pagesObj := add("")
	font := add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
	if kind == unmappedPages {
		var diff strings.Builder
		for c := 'A'; c <= 'Z'; c++ {
			fmt.Fprintf(&diff, " /uniE0%02X", c)
		}
		objs[font-1] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding /Differences [65" + diff.String() + "] >> >>"
	}
	var kids []string
	for _, text := range pages {
		content := fmt.Sprintf("BT /F1 24 Tf 72 700 Td (%s) Tj ET", text)
		if kind == imagePages {
			content = "0.5 g 72 72 300 400 re f"
		}
		if kind == densePages {
			var c strings.Builder
			c.WriteString("BT /F1 0.5 Tf 0.55 TL 10 780 Td ")
			for rs := []rune(text); len(rs) > 0; {
				n := min(100, len(rs))
				fmt.Fprintf(&c, "(%s) Tj T* ", string(rs[:n]))
				rs = rs[n:]
			}
			c.WriteString("ET")
			content = c.String()
		}
		stream := add(fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content))
		page := add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>", pagesObj, font, stream))
		kids = append(kids, fmt.Sprintf("%d 0 R", page))
	}
	objs[catalog-1] = fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pagesObj)
	objs[pagesObj-1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(kids))
	trailerExtra := ""
	if kind == lockedPages {
		// A standard security handler whose user password is not empty:
		// any reader must ask for it before it shows a thing.
		enc := add("<< /Filter /Standard /V 1 /R 2 /O <" + strings.Repeat("5a", 32) + "> /U <" + strings.Repeat("a5", 32) + "> /P -4 >>")
		trailerExtra = fmt.Sprintf(" /Encrypt %d 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]", enc)
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root %d 0 R%s >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, catalog, trailerExtra, xref)
	return b.Bytes()
}
