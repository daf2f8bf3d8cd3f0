package pdfium

import (
	"image/color"
	"os"
	"testing"
)

// TestRender draws a page of a made PDF: an image of the size asked (or
// less, keeping the page's proportions), white where nothing is printed
// and dark where its text is; a page that is not there, a size past the
// bound and bytes that are no PDF are errors.
func TestRender(t *testing.T) {
	r := New(testCache(t))
	defer r.Close()
	pdf := makePDF(textPages, []string{"HELLO HELLO HELLO HELLO HELLO HELLO HELLO HELLO"})
	img, err := r.Render(pdf, 0, 300, 400)
	if err != nil {
		t.Fatal(err)
	}
	b := img.Bounds()
	if b.Dx() > 300 || b.Dy() > 400 || (b.Dx() != 300 && b.Dy() != 400) {
		t.Fatalf("rendered %v for 300×400", b)
	}
	white, dark := 0, 0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			g := color.GrayModel.Convert(img.At(x, y)).(color.Gray).Y
			switch {
			case g > 240:
				white++
			case g < 100:
				dark++
			}
		}
	}
	if white < b.Dx()*b.Dy()/2 || dark == 0 {
		t.Errorf("%d white and %d dark pixels of %d: not a page with text on it", white, dark, b.Dx()*b.Dy())
	}
	if _, err := r.Render(pdf, 1, 300, 400); err == nil {
		t.Error("page 2 of a one-page PDF rendered")
	}
	if _, err := r.Render(pdf, 0, 100000, 100000); err == nil {
		t.Error("a 100000×100000 picture rendered")
	}
	if _, err := r.Render([]byte("no PDF"), 0, 10, 10); err == nil {
		t.Error("bytes that are no PDF rendered")
	}
}

// BenchmarkRenderPage renders a corpus page (gen g026) 700×1000 pixels,
// about what the page map of a 160×50 window asks for, PDFium loaded.
func BenchmarkRenderPage(b *testing.B) {
	data, err := os.ReadFile(corpus(b, "gen/g026.pdf"))
	if err != nil {
		b.Fatal(err)
	}
	r := New(testCache(b))
	defer r.Close()
	if _, err := r.Render(data, 0, 700, 1000); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := r.Render(data, 0, 700, 1000); err != nil {
			b.Fatal(err)
		}
	}
}
