package main

import (
	"os"
	"path/filepath"

	"github.com/dubaoreader/dubao/parse"
	"github.com/dubaoreader/dubao/parse/pdfium"
	"github.com/dubaoreader/dubao/shelf"
)

// pdfReader reads PDF pages with PDFium, which is loaded only when a PDF is
// opened; the code it compiles is kept in the cache's wazero folder, so
// that only the first PDF ever opened waits for the compiler.
func pdfReader() parse.Extractor {
	home, _ := os.UserHomeDir()
	dir := shelf.CacheDir(os.Getenv("XDG_CACHE_HOME"), home)
	if dir != "" {
		dir = filepath.Join(dir, "wazero")
	}
	return pdfium.New(dir)
}
