package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"

	"github.com/dubaoreader/dubao/parse"
)

// parseCmd prints the article tree of a page file, or of an issue, as
// JSON: a file of one page as the page (the corpus's page schema); a file
// of several pages (separated by form feeds) or a folder of page files as
// the issue — its date, its pages, and its stories joined across pages
// (model.IssueJSON).
func parseCmd(args []string) error {
	fs := flag.NewFlagSet("parse", flag.ContinueOnError)
	pretty := fs.Bool("pretty", false, "indent the JSON")
	paths, err := parseFlags(fs, `dubao parse [--pretty] PATH|-
  a file of one page (text or PDF) prints the page; a file of several pages
  (form feeds, or a PDF of many) or a folder of page files prints the issue: date, pages and articles,
  each article once with its continuations joined and the pages it spans`, args)
	if err != nil {
		return err
	}
	if len(paths) != 1 {
		return errors.New("parse: want one PATH, or - for standard input")
	}
	files, warnings, err := readPaths(paths)
	if err != nil {
		return err
	}
	for _, w := range warnings {
		fmt.Fprintln(os.Stderr, "dubao:", w)
	}
	pdfs := pdfReader()
	var out any
	if info, err := os.Stat(paths[0]); paths[0] != "-" && err == nil && info.IsDir() {
		is, errs, err := parse.IssueReading(files, pdfs)
		if err != nil {
			return err
		}
		for _, e := range errs {
			fmt.Fprintln(os.Stderr, "dubao:", e)
		}
		out = is.JSON()
	} else {
		pages, err := parse.PagesReading(files[0].Data, pdfs)
		if err != nil {
			return fmt.Errorf("%s: %w", paths[0], err)
		}
		out = pages[0].JSON()
		if len(pages) > 1 {
			// The pages joined: the file's name says no page number then.
			is, _, err := parse.IssueReading(files, pdfs)
			if err != nil {
				return fmt.Errorf("%s: %w", paths[0], err)
			}
			out = is.JSON()
		}
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	if *pretty {
		enc.SetIndent("", "  ")
	}
	return enc.Encode(out)
}
