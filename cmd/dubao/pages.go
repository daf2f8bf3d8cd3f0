package main

import (
	_ "embed"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/dubaoreader/dubao/internal/safefile"
	"github.com/dubaoreader/dubao/model"
	"github.com/dubaoreader/dubao/parse"
	"github.com/dubaoreader/dubao/shelf"
	"github.com/dubaoreader/dubao/tui"
)

// sample is the page dubao opens when given none.
//
//go:embed sample/sample.txt
var sample []byte

// sampleKey is the key the sample's read state is kept under.
const sampleKey = "sample"

// issue reads the pages at paths — page files and PDFs, folders of them,
// "-" for standard input — or the sample when there are none, and parses them
// into one issue: pages in the order of their numbers, stories joined
// across pages, the files parsed at once. A file that does not parse is
// left out with a warning, unless no page parses at all.
//
// Every page is parsed through the cache (newCache): a file already
// parsed — the sample, standard input seen before — is not parsed again.
func issue(paths []string) (is *model.Issue, warnings []error, err error) {
	var l *shelf.Loaded
	switch {
	case len(paths) == 0:
		l, err = newCache().LoadFiles([]parse.File{{Name: "sample", Data: sample}})
	case !slices.Contains(paths, "-"):
		names, err := pageNames(paths)
		if err != nil {
			return nil, nil, err
		}
		l, err = newCache().Load(names)
		if err != nil {
			return nil, nil, err
		}
	default:
		var files []parse.File
		if files, warnings, err = readPaths(paths); err != nil {
			return nil, nil, err
		}
		l, err = newCache().LoadFiles(files)
	}
	if err != nil {
		return nil, nil, err
	}
	for _, name := range l.Scrambled {
		warnings = append(warnings, scrambledNote(name))
	}
	return l.Issue, append(warnings, l.Errs...), nil
}

// newCache is the cache of parsed pages in $XDG_CACHE_HOME/dubao (or
// ~/.cache/dubao); with neither, a cache that keeps nothing.
func newCache() *shelf.Cache {
	home, _ := os.UserHomeDir()
	return shelf.NewCache(shelf.CacheDir(os.Getenv("XDG_CACHE_HOME"), home), shelf.PageParser(pdfReader()))
}

// pageNames returns the page files at paths, a folder being its page
// files (as package shelf lists them). A path that cannot be read, or a
// folder with no page files, is an error.
func pageNames(paths []string) ([]string, error) {
	var out []string
	for _, path := range paths {
		info, err := os.Stat(path)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", path, err)
		}
		if !info.IsDir() {
			out = append(out, path)
			continue
		}
		names, err := shelf.PageFiles(path)
		if err != nil {
			return nil, err
		}
		if len(names) == 0 {
			return nil, fmt.Errorf("%s: no page files in the folder", path)
		}
		out = append(out, names...)
	}
	return out, nil
}

// readPaths reads the files at paths, a folder being its page files (as
// package shelf lists them). A file too large for a page is a warning; a
// path that cannot be read, or a folder with no page files, is an error.
func readPaths(paths []string) (files []parse.File, warnings []error, err error) {
	var errs []error
	for _, path := range paths {
		if path == "-" {
			b, err := readFile(path)
			if err != nil {
				return nil, nil, err
			}
			files = append(files, parse.File{Name: path, Data: b})
			continue
		}
		info, err := os.Stat(path)
		if err != nil {
			return nil, nil, fmt.Errorf("read %s: %w", path, errors.Unwrap(err))
		}
		names := []string{path}
		if info.IsDir() {
			if names, err = shelf.PageFiles(path); err != nil {
				return nil, nil, err
			}
			if len(names) == 0 {
				return nil, nil, fmt.Errorf("%s: no page files in the folder", path)
			}
		}
		read, e := shelf.ReadFiles(names)
		files = append(files, read...)
		errs = append(errs, e...)
	}
	if len(files) == 0 {
		return nil, nil, shelf.NoPageError(strings.Join(paths, ", "), errs)
	}
	return files, append(warnings, errs...), nil
}

// issueKey is the key under which what was read of an issue is kept: its
// date when the pages print one, else the absolute paths it was read from.
// Standard input has no key: nothing is remembered of it.
func issueKey(is *model.Issue, paths []string) string {
	if len(paths) == 0 {
		return sampleKey
	}
	if is.Date != "" {
		return is.Date
	}
	var abs []string
	for _, p := range paths {
		if p == "-" {
			return ""
		}
		a, err := filepath.Abs(p)
		if err != nil {
			return ""
		}
		abs = append(abs, a)
	}
	return strings.Join(abs, "\n")
}

// scrambledNote is what the reader says of a page file of scrambled text
// (shelf.Loaded.Scrambled), in the status bar: the file's name first, so
// that what to do is cut off last in a narrow terminal.
func scrambledNote(name string) error {
	if name == "-" {
		name = "standard input"
	}
	return tui.Say("%s 各栏交错：用 pdftotext -raw 提取或打开 PDF", filepath.Base(name))
}

// readFile reads a page file as shelf.ReadPage does, "-" being standard
// input, which is read to the same limit.
func readFile(path string) ([]byte, error) {
	if path == "-" {
		return safefile.ReadAll(os.Stdin, "standard input", shelf.MaxPageSize)
	}
	return shelf.ReadPage(path)
}

// checkPaths reports the first path that cannot be read, before anything
// is done that cannot be undone: one that is not there or cannot be
// opened, or is neither a folder nor a regular file (a FIFO, a device),
// without opening it.
func checkPaths(paths []string) error {
	for _, path := range paths {
		if path == "-" {
			continue
		}
		if info, err := os.Stat(path); err == nil && info.IsDir() {
			f, err := os.Open(path)
			if err != nil {
				return fmt.Errorf("read %s: %w", path, errors.Unwrap(err))
			}
			f.Close()
			continue
		}
		if err := safefile.Check(path, math.MaxInt64); err != nil {
			return err // too large is said when it is read, with the rest
		}
	}
	return nil
}
