package main

import (
	_ "embed"
	"fmt"
	"io"
	"os"

	"github.com/dubaoreader/dubao/model"
	"github.com/dubaoreader/dubao/parse"
	"github.com/dubaoreader/dubao/tui"
)

// sample is the page dubao opens when given none.
//
//go:embed sample/sample.txt
var sample []byte

// issue reads and parses the page files at paths ("-" for standard input),
// or the sample when there are none, and makes one issue of them.
func issue(paths []string) (*model.Issue, error) {
	if len(paths) == 0 {
		pages, err := parse.Pages(sample)
		if err != nil {
			return nil, fmt.Errorf("the sample: %w", err)
		}
		for _, p := range pages {
			p.Source = "sample"
		}
		return tui.NewIssue(pages), nil
	}
	var all []*model.Page
	for _, path := range paths {
		pages, err := readPages(path)
		if err != nil {
			return nil, err
		}
		all = append(all, pages...)
	}
	return tui.NewIssue(all), nil
}

// readPages reads and parses one page file, "-" being standard input.
func readPages(path string) ([]*model.Page, error) {
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
