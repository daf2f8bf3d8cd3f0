package main

import (
	"os"
	"path/filepath"

	"github.com/dubaoreader/dubao/parse"
	"github.com/dubaoreader/dubao/parse/pdfium"
)

// cacheDir is dubao's cache: $XDG_CACHE_HOME/dubao, or ~/.cache/dubao; ""
// when there is no home to put it in.
func cacheDir() string {
	if x := os.Getenv("XDG_CACHE_HOME"); filepath.IsAbs(x) {
		return filepath.Join(x, "dubao")
	}
	home, err := os.UserHomeDir()
	if err != nil || home == "" {
		return ""
	}
	return filepath.Join(home, ".cache", "dubao")
}

// pdfReader reads PDF pages with PDFium, which is loaded only when a PDF is
// opened; the code it compiles is kept in the cache's wazero folder, so
// that only the first PDF ever opened waits for the compiler.
func pdfReader() parse.Extractor {
	dir := cacheDir()
	if dir != "" {
		dir = filepath.Join(dir, "wazero")
	}
	return pdfium.New(dir)
}
