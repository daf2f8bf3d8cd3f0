package main

import (
	"image"
	"os"
	"path/filepath"
	"testing"

	"github.com/dubaoreader/dubao/model"
	"github.com/dubaoreader/dubao/parse/pdfium"
)

// fakeRenderer records what it is asked to render.
type fakeRenderer struct {
	pdf        []byte
	page, w, h int
	calls      int
}

func (f *fakeRenderer) Render(pdf []byte, page, w, h int) (image.Image, error) {
	f.pdf, f.page, f.w, f.h = pdf, page, w, h
	f.calls++
	return image.NewRGBA(image.Rect(0, 0, w, h)), nil
}

// TestPageImages: a page is rendered from the file its Source names, at
// the page of the PDF it names ("name (page N)" is page N-1); a page
// without geometry, from standard input, from a file that is gone or is
// no PDF gets an error and no call.
func TestPageImages(t *testing.T) {
	dir := t.TempDir()
	pdf := filepath.Join(dir, "a (page 1).pdf") // a name that holds the words itself
	if err := os.WriteFile(pdf, []byte("%PDF-1.4 a page"), 0o644); err != nil {
		t.Fatal(err)
	}
	txt := filepath.Join(dir, "b.txt")
	if err := os.WriteFile(txt, []byte("一版"), 0o644); err != nil {
		t.Fatal(err)
	}
	geo := &model.Geometry{Width: 900, Height: 1200}
	f := &fakeRenderer{}
	render := pageImages(f)
	for _, c := range []struct {
		source string
		page   int
	}{{pdf, 0}, {pdf + " (page 3)", 2}} {
		if _, err := render(&model.Page{Source: c.source, Geometry: geo}, 70, 90); err != nil {
			t.Fatalf("%s: %v", c.source, err)
		}
		if string(f.pdf) != "%PDF-1.4 a page" || f.page != c.page || f.w != 70 || f.h != 90 {
			t.Errorf("%s: rendered page %d at %d×%d of %q", c.source, f.page, f.w, f.h, f.pdf)
		}
	}
	calls := f.calls
	for _, p := range []*model.Page{
		{Source: pdf},
		{Source: "-", Geometry: geo},
		{Source: filepath.Join(dir, "gone.pdf"), Geometry: geo},
		{Source: txt, Geometry: geo},
		{Source: "", Geometry: geo},
	} {
		if _, err := render(p, 70, 90); err == nil {
			t.Errorf("%q (geometry %v) rendered", p.Source, p.Geometry != nil)
		}
	}
	if f.calls != calls {
		t.Errorf("%d renders of pages with no PDF to render", f.calls-calls)
	}
}

// TestPageImageOfACorpusPDF renders a corpus page with PDFium through
// pageImages: an image of the size asked. Without ../shared it skips.
func TestPageImageOfACorpusPDF(t *testing.T) {
	src := filepath.Join("..", "..", "..", "shared", "corpus", "gen", "g010.pdf")
	if _, err := os.Stat(src); err != nil {
		t.Skipf("no corpus PDF at %s: skipped", src)
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		t.Skip(err)
	}
	r := pdfium.New(filepath.Join(cache, "dubao", "wazero"))
	defer r.Close()
	img, err := pageImages(r)(&model.Page{Source: src, Geometry: &model.Geometry{Width: 907, Height: 1216}}, 300, 400)
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() > 300 || b.Dy() > 400 || (b.Dx() != 300 && b.Dy() != 400) {
		t.Errorf("rendered %v for 300×400", b)
	}
}

func TestPDFPageOf(t *testing.T) {
	for _, c := range []struct {
		in   string
		name string
		n    int
		ok   bool
	}{
		{"x.pdf (page 2)", "x.pdf", 2, true},
		{"a (page 1) (page 12)", "a (page 1)", 12, true},
		{"x.pdf", "", 0, false},
		{"x.pdf (page 0)", "", 0, false},
		{"x.pdf (page two)", "", 0, false},
	} {
		name, n, ok := pdfPageOf(c.in)
		if name != c.name || n != c.n || ok != c.ok {
			t.Errorf("pdfPageOf(%q) = %q %d %v", c.in, name, n, ok)
		}
	}
}
