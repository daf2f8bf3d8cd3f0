package main

import (
	_ "embed"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/dubaoreader/dubao/model"
	"github.com/dubaoreader/dubao/parse"
	"github.com/dubaoreader/dubao/shelf"
)

// sample is the page dubao opens when given none.
//
//go:embed sample/sample.txt
var sample []byte

// sampleKey is the key the sample's read state is kept under.
const sampleKey = "sample"

// issue reads the pages at paths — page files, folders of page files, "-"
// for standard input — or the sample when there are none, and parses them
// into one issue: pages in the order of their numbers, stories joined
// across pages, the files parsed at once. A file that does not parse is
// left out with a warning, unless no page parses at all.
func issue(paths []string) (is *model.Issue, warnings []string, err error) {
	files := []parse.File{{Name: "sample", Data: sample}}
	if len(paths) > 0 {
		if files, warnings, err = readPaths(paths); err != nil {
			return nil, nil, err
		}
	}
	is, errs, err := parse.Issue(files)
	if err != nil {
		return nil, nil, err
	}
	return is, append(warnings, errStrings(errs)...), nil
}

// readPaths reads the files at paths, a folder being its page files (as
// package shelf lists them). A file too large for a page is a warning; a
// path that cannot be read, or a folder with no page files, is an error.
func readPaths(paths []string) (files []parse.File, warnings []string, err error) {
	for _, path := range paths {
		if path == "-" {
			b, err := readFile(path)
			if err != nil {
				return nil, nil, err
			}
			if parse.Scrambled(b) {
				warnings = append(warnings, "standard input: "+parse.ScrambledAdvice)
			}
			files = append(files, parse.File{Name: path, Data: b})
			continue
		}
		info, err := os.Stat(path)
		if err != nil {
			return nil, nil, fmt.Errorf("read %s: %w", path, err)
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
		read, errs := shelf.ReadFiles(names)
		for _, f := range read {
			if parse.Scrambled(f.Data) {
				warnings = append(warnings, f.Name+": "+parse.ScrambledAdvice)
			}
		}
		files = append(files, read...)
		warnings = append(warnings, errStrings(errs)...)
	}
	if len(files) == 0 {
		return nil, nil, fmt.Errorf("%s: no page could be read", strings.Join(paths, ", "))
	}
	return files, warnings, nil
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

// errStrings returns the errors' messages.
func errStrings(errs []error) []string {
	var out []string
	for _, e := range errs {
		out = append(out, e.Error())
	}
	return out
}

// readFile reads a file, "-" being standard input.
func readFile(path string) ([]byte, error) {
	var b []byte
	var err error
	if path == "-" {
		b, err = io.ReadAll(os.Stdin)
	} else {
		b, err = os.ReadFile(path)
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return b, nil
}

// checkPaths reports the first path that cannot be read, before anything
// is done that cannot be undone.
func checkPaths(paths []string) error {
	for _, path := range paths {
		if path == "-" {
			continue
		}
		f, err := os.Open(path)
		if err != nil {
			return fmt.Errorf("read %s: %w", path, err)
		}
		f.Close()
	}
	return nil
}
