package pdfium

import (
	"errors"
	"fmt"
	"image"
	"image/draw"

	"github.com/klippa-app/go-pdfium/requests"
)

// MaxRenderPixels bounds a rendered page: 4096×4096, 64 MB as RGBA.
const MaxRenderPixels = 4096 * 4096

// Render draws page i (counted from 0) of the PDF b as an image of at most
// w×h pixels that keeps the page's proportions, for the page map's picture
// of the page. Like a page's text, it is given up after PageTimeout.
func (r *Reader) Render(b []byte, i, w, h int) (image.Image, error) {
	if w <= 0 || h <= 0 || w*h > MaxRenderPixels || w > MaxRenderPixels || h > MaxRenderPixels {
		return nil, fmt.Errorf("render %d×%d pixels: want at most %d in all", w, h, MaxRenderPixels)
	}
	doc, err := r.Open(b)
	if err != nil {
		return nil, err
	}
	defer doc.Close()
	d := doc.(*document)
	if i < 0 || i >= d.pages {
		return nil, fmt.Errorf("the PDF has no page %d", i+1)
	}
	var img *image.RGBA
	err = d.bounded(func() error {
		inst := d.inst
		pg, err := inst.FPDF_LoadPage(&requests.FPDF_LoadPage{Document: d.doc, Index: i})
		if err != nil {
			return err
		}
		defer inst.FPDF_ClosePage(&requests.FPDF_ClosePage{Page: pg.Page})
		res, err := inst.RenderPageInPixels(&requests.RenderPageInPixels{
			Page: requests.Page{ByReference: &pg.Page}, Width: w, Height: h,
		})
		if err != nil {
			return err
		}
		defer res.Cleanup()
		src := res.Result.RenderedImage
		if src == nil {
			return errors.New("PDFium rendered no image")
		}
		// The pixels live in PDFium's memory until Cleanup: copied out.
		img = image.NewRGBA(src.Bounds())
		draw.Draw(img, img.Bounds(), src, src.Bounds().Min, draw.Src)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return img, nil
}
