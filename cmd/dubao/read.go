package main

import (
	"flag"
	"fmt"

	"github.com/dubaoreader/dubao/tui"
)

// readCmd opens the reader.
func readCmd(args []string) error {
	fs := flag.NewFlagSet("dubao", flag.ContinueOnError)
	theme := fs.String("theme", "", "the theme: paper, ink, contrast, plain or one of your own (default: by the terminal's background; plain when NO_COLOR is set)")
	ambiguous := fs.String("ambiguous", "auto", "how wide the terminal draws “ ” … — · and box drawing: narrow, wide, or auto to ask it")
	measure := fs.Int("measure", tui.DefaultMeasure, "the longest line of an article, in Chinese characters")
	noIndent := fs.Bool("no-indent", false, "start without the first-line indent (the i key turns it on and off)")
	paths, err := parseFlags(fs, `dubao [flags] [PATH...]      read pages: PATH is a page file, or - for standard input;
                                    with none, a sample page
       dubao cat [flags] [PATH...]  print them as text
       dubao parse [--pretty] PATH  print a page's article tree as JSON
       dubao search [--json] QUERY [PATH...]
                                    print where QUERY is in them
flags:`, args)
	if err != nil {
		return err
	}
	if _, _, err := tui.ParseAmbiguous(*ambiguous); err != nil {
		return err
	}
	if *measure < 4 || *measure > 500 {
		return fmt.Errorf("--measure %d: want a number of characters from 4 to 500", *measure)
	}
	if err := checkPaths(paths); err != nil {
		return err
	}
	// Before reading standard input: settling the width may start dubao again.
	m, warning := tui.AgreeWidth(*ambiguous)
	is, warnings, err := issue(paths)
	if err != nil {
		return err
	}
	o := tui.Options{Measure: m, MeasureChars: *measure, NoIndent: *noIndent, ThemeName: *theme, Warnings: warnings}
	if warning != nil {
		o.Warnings = append(o.Warnings, warning.Error())
	}
	return tui.Run(is, o)
}
