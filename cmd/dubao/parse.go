package main

import (
	"encoding/json"
	"errors"
	"flag"
	"os"
)

// parseCmd prints a page file's article tree as JSON, one value a page.
func parseCmd(args []string) error {
	fs := flag.NewFlagSet("parse", flag.ContinueOnError)
	pretty := fs.Bool("pretty", false, "indent the JSON")
	paths, err := parseFlags(fs, "dubao parse [--pretty] PATH|-", args)
	if err != nil {
		return err
	}
	if len(paths) != 1 {
		return errors.New("parse: want one PATH, or - for standard input")
	}
	pages, err := readPages(paths[0])
	if err != nil {
		return err
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	if *pretty {
		enc.SetIndent("", "  ")
	}
	for _, p := range pages {
		if err := enc.Encode(p.JSON()); err != nil {
			return err
		}
	}
	return nil
}
