// Package pdfium reads PDF pages with PDFium, compiled to WebAssembly and run
// in wazero (github.com/klippa-app/go-pdfium): no cgo, no program outside
// dubao. It implements parse.Extractor: each page's size, its characters
// with their boxes and font sizes, and the filled areas and images that may
// be pictures. Deciding what they mean is package parse's.
//
// PDFium is loaded when the first PDF is opened. Compiling its WebAssembly
// takes seconds; the compiled code is kept in the cache folder handed to New
// and reused by later runs.
package pdfium

import (
	"errors"
	"fmt"
	"math"
	"os"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/enums"
	pdferrors "github.com/klippa-app/go-pdfium/errors"
	"github.com/klippa-app/go-pdfium/references"
	"github.com/klippa-app/go-pdfium/requests"
	"github.com/klippa-app/go-pdfium/webassembly"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"

	"github.com/dubaoreader/dubao/model"
	"github.com/dubaoreader/dubao/parse"
)

// PageTimeout is the longest one page may take to extract; a page that
// takes longer is given up and its PDFium instance thrown away.
const PageTimeout = 20 * time.Second

// memoryLimitPages bounds the memory of one PDFium instance: 1 GiB in 64
// KiB WebAssembly pages.
const memoryLimitPages = 16384

// Reader is a parse.Extractor backed by PDFium. The zero value is not
// usable; make one with New. It is safe for use by several goroutines.
type Reader struct {
	cacheDir string

	once sync.Once
	pool pdfium.Pool
	err  error
}

// New returns a Reader that keeps wazero's compiled code in cacheDir ("" for
// no cache on disk). PDFium is not loaded until a PDF is opened.
func New(cacheDir string) *Reader {
	return &Reader{cacheDir: cacheDir}
}

// load starts PDFium once.
func (r *Reader) load() error {
	r.once.Do(func() {
		rc := wazero.NewRuntimeConfig().
			WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesExceptionHandling).
			WithMemoryLimitPages(memoryLimitPages)
		// Not WithCloseOnContextDone: it watches every call from a goroutine
		// of its own, which doubles the cost of reading a page. A page that
		// takes too long is given up all the same (see bounded).
		if r.cacheDir != "" {
			if err := os.MkdirAll(r.cacheDir, 0o755); err == nil {
				if cache, err := wazero.NewCompilationCacheWithDir(r.cacheDir); err == nil {
					rc = rc.WithCompilationCache(cache)
				}
			}
		}
		n := runtime.GOMAXPROCS(0)
		r.pool, r.err = webassembly.Init(webassembly.Config{
			MinIdle:       0,
			MaxIdle:       n,
			MaxTotal:      n,
			RuntimeConfig: rc,
			// PDFium is given the document's bytes, never a file: it sees
			// no file system at all.
			FSConfig:     wazero.NewFSConfig(),
			ReuseWorkers: true, // a new instance costs more than the page
			Stdout:       discard{},
			Stderr:       discard{},
		})
		if r.err != nil {
			r.err = fmt.Errorf("start PDFium: %w", r.err)
		}
	})
	return r.err
}

// Close stops PDFium, if it was started.
func (r *Reader) Close() error {
	if r.pool != nil {
		return r.pool.Close()
	}
	return nil
}

// Open opens a PDF from its bytes.
func (r *Reader) Open(b []byte) (parse.Document, error) {
	if !parse.IsPDF(b) {
		return nil, parse.ErrNotPDF
	}
	if err := r.load(); err != nil {
		return nil, err
	}
	inst, err := r.pool.GetInstance(time.Minute)
	if err != nil {
		return nil, fmt.Errorf("start PDFium: %w", err)
	}
	d := &document{inst: inst}
	var res *opened
	err = d.bounded(func() error {
		doc, err := inst.OpenDocument(&requests.OpenDocument{File: &b})
		if err != nil {
			return err
		}
		n, err := inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: doc.Document})
		if err != nil {
			return err
		}
		res = &opened{doc: doc.Document, pages: n.PageCount}
		return nil
	})
	if err != nil {
		d.Close()
		switch {
		case errors.Is(err, pdferrors.ErrPassword), errors.Is(err, pdferrors.ErrSecurity):
			return nil, parse.ErrEncrypted
		case errors.Is(err, pdferrors.ErrFormat), errors.Is(err, pdferrors.ErrFile), errors.Is(err, pdferrors.ErrUnknown):
			return nil, parse.ErrNotPDF
		}
		return nil, err
	}
	d.doc, d.pages = res.doc, res.pages
	return d, nil
}

type opened struct {
	doc   references.FPDF_DOCUMENT
	pages int
}

// document is an open PDF on one PDFium instance.
type document struct {
	inst   pdfium.Pdfium
	doc    references.FPDF_DOCUMENT
	pages  int
	killed bool
}

func (d *document) Pages() int { return d.pages }

func (d *document) Close() error {
	if d.killed {
		return nil
	}
	if d.doc != "" {
		d.inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: d.doc})
	}
	return d.inst.Close()
}

// bounded runs f, giving up after PageTimeout: the instance is thrown
// away and an error returned; the WebAssembly still running in it is left
// to finish on its own goroutine.
func (d *document) bounded(f func() error) error {
	if d.killed {
		return errors.New("PDFium was stopped")
	}
	done := make(chan error, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				done <- fmt.Errorf("PDFium failed: %v", p)
			}
		}()
		done <- f()
	}()
	timer := time.NewTimer(PageTimeout)
	defer timer.Stop()
	select {
	case err := <-done:
		return err
	case <-timer.C:
		d.killed = true
		go d.inst.Kill()
		return fmt.Errorf("PDFium took more than %v on a page: given up", PageTimeout)
	}
}

// Page extracts page i.
func (d *document) Page(i int) (*parse.Sheet, error) {
	var s *parse.Sheet
	err := d.bounded(func() (err error) {
		s, err = d.page(i)
		return err
	})
	return s, err
}

func (d *document) page(i int) (*parse.Sheet, error) {
	inst := d.inst
	pg, err := inst.FPDF_LoadPage(&requests.FPDF_LoadPage{Document: d.doc, Index: i})
	if err != nil {
		return nil, err
	}
	defer inst.FPDF_ClosePage(&requests.FPDF_ClosePage{Page: pg.Page})
	page := requests.Page{ByReference: &pg.Page}
	w, err := inst.FPDF_GetPageWidthF(&requests.FPDF_GetPageWidthF{Page: page})
	if err != nil {
		return nil, err
	}
	h, err := inst.FPDF_GetPageHeightF(&requests.FPDF_GetPageHeightF{Page: page})
	if err != nil {
		return nil, err
	}
	s := &parse.Sheet{Width: float64(w.PageWidth), Height: float64(h.PageHeight)}
	if s.Chars, err = chars(inst, page, s.Height); err != nil {
		return nil, err
	}
	s.Pictures, s.Rules = pictures(inst, page, s.Width, s.Height)
	return s, nil
}

// chars reads every character of a page: code point, box, size, and the
// font's name and weight where the PDF carries them. One call per question
// per character is much cheaper than GetPageTextStructured.
func chars(inst pdfium.Pdfium, page requests.Page, height float64) ([]parse.Char, error) {
	tp, err := inst.FPDFText_LoadPage(&requests.FPDFText_LoadPage{Page: page})
	if err != nil {
		return nil, err
	}
	defer inst.FPDFText_ClosePage(&requests.FPDFText_ClosePage{TextPage: tp.TextPage})
	n, err := inst.FPDFText_CountChars(&requests.FPDFText_CountChars{TextPage: tp.TextPage})
	if err != nil {
		return nil, err
	}
	if n.Count > parse.MaxPageChars {
		return nil, parse.ErrTooManyChars
	}
	out := make([]parse.Char, 0, n.Count)
	// Font names and weights are asked for until the PDF is seen to carry
	// none (Type 3 fonts, as Chromium writes CJK, have neither).
	fonts, weights := true, true
	for i := range n.Count {
		u, err := inst.FPDFText_GetUnicode(&requests.FPDFText_GetUnicode{TextPage: tp.TextPage, Index: i})
		if err != nil {
			return nil, err
		}
		c := parse.Char{R: rune(u.Unicode)}
		if c.R == '\r' || c.R == '\n' || c.R == ' ' {
			// Line ends and spaces, PDFium's own or printed: the boxes
			// say where lines end and words stand apart.
			continue
		}
		b, err := inst.FPDFText_GetCharBox(&requests.FPDFText_GetCharBox{TextPage: tp.TextPage, Index: i})
		if err != nil {
			return nil, err
		}
		c.Box = model.Box{X0: b.Left, Y0: height - b.Top, X1: b.Right, Y1: height - b.Bottom}
		if fs, err := inst.FPDFText_GetFontSize(&requests.FPDFText_GetFontSize{TextPage: tp.TextPage, Index: i}); err == nil {
			c.Size = fs.FontSize
		}
		// The size as printed: the font's size in the text's own units,
		// scaled by the matrix that places it on the page (a PDF may set
		// every font at size 1 and scale it there, or at CSS pixels).
		if m, err := inst.FPDFText_GetMatrix(&requests.FPDFText_GetMatrix{TextPage: tp.TextPage, Index: i}); err == nil {
			mx := m.Matrix
			if scale := math.Sqrt(math.Abs(float64(mx.A)*float64(mx.D) - float64(mx.B)*float64(mx.C))); scale > 0 {
				c.Size *= scale
			}
		}
		if o, err := inst.FPDFText_GetCharOrigin(&requests.FPDFText_GetCharOrigin{TextPage: tp.TextPage, Index: i}); err == nil && c.Size > 0 {
			// The em box on the baseline: the same height for every
			// character of a line, however tall its glyph.
			base := height - o.Y
			c.Box.Y0, c.Box.Y1 = base-0.88*c.Size, base+0.12*c.Size
			if c.Box.X1 <= c.Box.X0 {
				c.Box.X0, c.Box.X1 = o.X, o.X+c.Size/2
			}
		}
		if weights {
			if fw, err := inst.FPDFText_GetFontWeight(&requests.FPDFText_GetFontWeight{TextPage: tp.TextPage, Index: i}); err == nil {
				c.Weight = fw.FontWeight
			} else {
				weights = false
			}
		}
		if fonts {
			if fi, err := inst.FPDFText_GetFontInfo(&requests.FPDFText_GetFontInfo{TextPage: tp.TextPage, Index: i}); err == nil {
				c.Font = strings.ToValidUTF8(fi.FontName, "")
			} else {
				fonts = false
			}
		}
		out = append(out, c)
	}
	return out, nil
}

// pictures finds the filled areas and images of a page that are big
// enough to be pictures (a photo, or the grey box that stands for one), and
// the thin lines that rule stories apart.
func pictures(inst pdfium.Pdfium, page requests.Page, width, height float64) (pics, rules []model.Box) {
	n, err := inst.FPDFPage_CountObjects(&requests.FPDFPage_CountObjects{Page: page})
	if err != nil {
		return nil, nil
	}
	const least = 24 // points: an inch is 72
	for i := range n.Count {
		o, err := inst.FPDFPage_GetObject(&requests.FPDFPage_GetObject{Page: page, Index: i})
		if err != nil {
			continue
		}
		ty, err := inst.FPDFPageObj_GetType(&requests.FPDFPageObj_GetType{PageObject: o.PageObject})
		if err != nil || ty.Type != enums.FPDF_PAGEOBJ_PATH && ty.Type != enums.FPDF_PAGEOBJ_IMAGE {
			continue
		}
		bd, err := inst.FPDFPageObj_GetBounds(&requests.FPDFPageObj_GetBounds{PageObject: o.PageObject})
		if err != nil {
			continue
		}
		b := model.Box{X0: float64(bd.Left), Y0: height - float64(bd.Top), X1: float64(bd.Right), Y1: height - float64(bd.Bottom)}
		w, h := b.X1-b.X0, b.Y1-b.Y0
		if w > 0.9*width && h > 0.9*height {
			continue // the page's background
		}
		if ty.Type == enums.FPDF_PAGEOBJ_PATH {
			if (w <= 3 && h >= least) || (h <= 3 && w >= least) {
				rules = append(rules, b)
				continue
			}
			fc, err := inst.FPDFPageObj_GetFillColor(&requests.FPDFPageObj_GetFillColor{PageObject: o.PageObject})
			if err != nil || fc.FillColor.A == 0 || fc.FillColor.R > 245 && fc.FillColor.G > 245 && fc.FillColor.B > 245 {
				continue // a frame or a white area, not a picture
			}
		}
		if w >= least && h >= least {
			pics = append(pics, b)
		}
	}
	return mergeBoxes(pics), rules
}

// mergeBoxes joins boxes that overlap (a photo and its frame) into one.
func mergeBoxes(bs []model.Box) []model.Box {
	for changed := true; changed; {
		changed = false
		for i := 0; i < len(bs) && !changed; i++ {
			for j := i + 1; j < len(bs); j++ {
				if overlap(bs[i], bs[j]) {
					bs[i] = bs[i].Union(bs[j])
					bs = append(bs[:j], bs[j+1:]...)
					changed = true
					break
				}
			}
		}
	}
	return bs
}

func overlap(a, b model.Box) bool {
	return a.X0 < b.X1 && b.X0 < a.X1 && a.Y0 < b.Y1 && b.Y0 < a.Y1
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }
