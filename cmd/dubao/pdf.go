package main

import (
	"errors"
	"image"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/dubaoreader/dubao/model"
	"github.com/dubaoreader/dubao/parse"
	"github.com/dubaoreader/dubao/parse/pdfium"
	"github.com/dubaoreader/dubao/shelf"
)

// pdfReaders are the process's PDFium readers, one a compile cache: the
// caches of parsed pages, the reader's pictures and the commands share it,
// so that PDFium is loaded once, not once for each.
var pdfReaders struct {
	sync.Mutex
	byDir map[string]*pdfium.Reader
}

// pdfReader reads PDF pages with PDFium, which is loaded only when a PDF is
// opened; the code it compiles is kept in the cache's wazero folder, so
// that only the first PDF ever opened waits for the compiler.
func pdfReader() *pdfium.Reader {
	dir := wazeroDir()
	pdfReaders.Lock()
	defer pdfReaders.Unlock()
	r, ok := pdfReaders.byDir[dir]
	if !ok {
		if pdfReaders.byDir == nil {
			pdfReaders.byDir = map[string]*pdfium.Reader{}
		}
		r = pdfium.New(dir)
		pdfReaders.byDir[dir] = r
	}
	return r
}

// wazeroDir is where PDFium's compiled code is kept: the cache's wazero
// folder, "" for none.
func wazeroDir() string {
	home, _ := os.UserHomeDir()
	dir := shelf.CacheDir(os.Getenv("XDG_CACHE_HOME"), home)
	if dir == "" {
		return ""
	}
	return filepath.Join(dir, "wazero")
}

// firstPDF reports whether reading paths will wait for PDFium to be
// compiled: one of them is a PDF, or a folder whose pages are PDFs, and
// the compiled code is not kept in dir yet.
func firstPDF(paths []string, dir string) bool {
	if dir != "" {
		if kept, err := os.ReadDir(dir); err == nil && len(kept) > 0 {
			return false
		}
	}
	names, err := pageNames(slices.DeleteFunc(slices.Clone(paths), func(p string) bool { return p == "-" }))
	if err != nil {
		return false // said when they are read
	}
	return slices.ContainsFunc(names, func(n string) bool { return strings.EqualFold(filepath.Ext(n), ".pdf") })
}

// pageRenderer draws a page of a PDF as an image: pdfium.Reader.Render.
type pageRenderer interface {
	Render(pdf []byte, page, w, h int) (image.Image, error)
}

// pageImages returns tui.Options.PageImage: a page read from a PDF file,
// rendered by r at most w×h pixels, for the picture under the page map.
// The page's Source names its file (and, in a PDF of several pages, the
// page: "name (page N)", as parse.Assemble writes it); a page read from
// anything but a PDF file — a text page, standard input — has no picture.
// The last PDF read is kept, so that the pages of one file are rendered
// without reading it again.
func pageImages(r pageRenderer) func(p *model.Page, w, h int) (image.Image, error) {
	var (
		mu   sync.Mutex
		name string
		data []byte
	)
	return func(p *model.Page, w, h int) (image.Image, error) {
		if p == nil || p.Geometry == nil {
			return nil, errors.New("the page was not read from a PDF")
		}
		path, index := p.Source, 0
		if head, n, ok := pdfPageOf(p.Source); ok {
			path, index = head, n-1
		}
		if path == "" || path == "-" {
			return nil, errors.New("the page's PDF cannot be read again")
		}
		mu.Lock()
		if path != name {
			b, err := readFile(path)
			if err != nil {
				mu.Unlock()
				return nil, err
			}
			name, data = path, b
		}
		b := data
		mu.Unlock()
		if !parse.IsPDF(b) {
			return nil, errors.New("the page's file is no PDF")
		}
		return r.Render(b, index, w, h)
	}
}

// pdfPageOf splits a Source of the form "name (page N)" into name and N.
func pdfPageOf(source string) (string, int, bool) {
	head, tail, ok := strings.Cut(source, " (page ")
	for ok && strings.Contains(tail, " (page ") { // a name holding the words itself
		var more string
		more, tail, _ = strings.Cut(tail, " (page ")
		head += " (page " + more
	}
	if !ok || !strings.HasSuffix(tail, ")") {
		return "", 0, false
	}
	n, err := strconv.Atoi(strings.TrimSuffix(tail, ")"))
	if err != nil || n < 1 {
		return "", 0, false
	}
	return head, n, true
}

// hasGeometry reports whether a page of is was read from a PDF, with its
// geometry: only then may the page map show a picture.
func hasGeometry(is *model.Issue) bool {
	return is != nil && slices.ContainsFunc(is.Pages, func(p *model.Page) bool { return p.Geometry != nil })
}
