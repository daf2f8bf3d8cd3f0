package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"

	"github.com/dubaoreader/dubao/parse"
)

// parseOptions are parse's flags.
type parseOptions struct{ pretty bool }

// flags returns parse's flags, bound to o.
func (o *parseOptions) flags() *flag.FlagSet {
	fs := flag.NewFlagSet("parse", flag.ContinueOnError)
	fs.BoolVar(&o.pretty, "pretty", false, "indent the JSON")
	return fs
}

// parseCmd prints the article tree of a page file, or of an issue, as
// JSON: a file of one page as the page (the corpus's page schema); a file
// of several pages (separated by form feeds) or a folder of page files as
// the issue — its date, its pages, and its stories joined across pages
// (model.IssueJSON).
func parseCmd(args []string) error {
	var opt parseOptions
	paths, err := parseFlags(opt.flags(), "parse", args)
	pretty := &opt.pretty
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
	for _, f := range files {
		if parse.Scrambled(f.Data) {
			name := f.Name
			if name == "-" {
				name = "standard input"
			}
			warnings = append(warnings, errors.New(name+": "+parse.ScrambledAdvice))
		}
	}
	for _, w := range warnings {
		say(w.Error())
	}
	pdfs := pdfReader()
	var out any
	if info, err := os.Stat(paths[0]); paths[0] != "-" && err == nil && info.IsDir() {
		is, errs, err := parse.IssueReading(files, pdfs)
		if err != nil {
			return err
		}
		for _, e := range errs {
			say(e.Error())
		}
		out = is.JSON()
	} else {
		pages, err := parse.PagesReading(files[0].Data, pdfs)
		if err != nil {
			return fmt.Errorf("%s: %w", paths[0], err)
		}
		out = pages[0].JSON()
		if len(pages) > 1 {
			// The pages joined, parsed once: the file's name says no page
			// number then.
			is, _, err := parse.Assemble([]parse.Parsed{{Name: files[0].Name, Pages: pages}})
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
