package main

import (
	_ "embed"
	"fmt"
	"io"
	"os"

	"github.com/dubaoreader/dubao/model"
	"github.com/dubaoreader/dubao/parse"
)

// sample is the page dubao opens when given none.
//
//go:embed sample/sample.txt
var sample []byte

// issue reads the page files at paths ("-" for standard input), or the
// sample when there are none, and parses them into one issue: pages in the
// order of their numbers, stories joined across pages. A file that does not
// parse is left out with a warning, unless no page parses at all.
func issue(paths []string) (is *model.Issue, warnings []string, err error) {
	files := []parse.File{{Name: "sample", Data: sample}}
	if len(paths) > 0 {
		files = files[:0]
		for _, path := range paths {
			b, err := readFile(path)
			if err != nil {
				return nil, nil, err
			}
			files = append(files, parse.File{Name: path, Data: b})
		}
	}
	is, errs, err := parse.Issue(files)
	if err != nil {
		return nil, nil, err
	}
	for _, e := range errs {
		warnings = append(warnings, e.Error())
	}
	return is, warnings, nil
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

// readPages reads and parses one page file, "-" being standard input.
func readPages(path string) ([]*model.Page, error) {
	b, err := readFile(path)
	if err != nil {
		return nil, err
	}
	pages, err := parse.Pages(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(pages) == 0 {
		return nil, fmt.Errorf("%s: no page in it", path)
	}
	for _, p := range pages {
		p.Source = path
	}
	return pages, nil
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
