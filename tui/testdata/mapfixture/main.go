// Command mapfixture writes a PDF page of the corpus as a geometry fixture
// for the page map's tests: the page as dubao's own PDF parse reads it
// (parse.PagesReading with PDFium), its geometry and every article's region
// as they are, and of its text only what the map's screens and tests show
// — each article's headline lines in full, and the first words of its
// first paragraphs — so that the fixture stays small.
//
//	go run ./tui/testdata/mapfixture ../shared/corpus/gen/g026.pdf > tui/testdata/map-g026.json
//
// PDFium's compiled code is kept in $XDG_CACHE_HOME/dubao-mapfixture, or
// in a temporary folder.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/dubaoreader/dubao/parse"
	"github.com/dubaoreader/dubao/parse/pdfium"
)

// What of an article's text a fixture keeps.
const (
	keepParagraphs = 3
	keepRunes      = 60
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: mapfixture PAGE.pdf")
		os.Exit(2)
	}
	if err := run(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "mapfixture:", err)
		os.Exit(1)
	}
}

func run(pdf string) error {
	b, err := os.ReadFile(pdf)
	if err != nil {
		return err
	}
	cache := os.Getenv("XDG_CACHE_HOME")
	if cache == "" {
		cache = os.TempDir()
	}
	ex := pdfium.New(filepath.Join(cache, "dubao-mapfixture"))
	defer ex.Close()
	pages, err := parse.PagesReading(b, ex)
	if err != nil {
		return err
	}
	if len(pages) != 1 || pages[0].Geometry == nil {
		return fmt.Errorf("%s: %d pages, want one with its geometry", pdf, len(pages))
	}
	page := pages[0].JSON()
	for i := range page.Articles {
		page.Articles[i].Paragraphs = shorten(page.Articles[i].Paragraphs)
	}
	out, err := json.MarshalIndent(page, "", " ")
	if err != nil {
		return err
	}
	_, err = os.Stdout.Write(append(out, '\n'))
	return err
}

// shorten keeps the first keepParagraphs paragraphs, each cut to its
// first keepRunes characters.
func shorten(ps []string) []string {
	ps = ps[:min(len(ps), keepParagraphs)]
	out := make([]string, len(ps))
	for i, p := range ps {
		r := []rune(p)
		out[i] = string(r[:min(len(r), keepRunes)])
	}
	return out
}
