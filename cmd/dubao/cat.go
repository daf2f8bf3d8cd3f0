package main

import (
	"errors"
	"flag"
	"fmt"
	"os"

	"github.com/dubaoreader/dubao/model"
	"github.com/dubaoreader/dubao/tui"
	"github.com/dubaoreader/dubao/tui/layout"
)

// catCmd prints the articles as reflowed text.
func catCmd(args []string) error {
	fs := flag.NewFlagSet("cat", flag.ContinueOnError)
	width := fs.Int("width", 0, "the widest line, in cells (default: the terminal's width, else 80)")
	amb := layout.AmbiguousFromEnv(os.Getenv).String()
	ambiguous := fs.String("ambiguous", amb, "how wide “ ” … — · are: narrow or wide")
	noIndent := fs.Bool("no-indent", false, "no first-line indent")
	shelfDir := fs.String("shelf", "", "with no PATH, print an issue of this shelf (default $XDG_DATA_HOME/dubao/papers)")
	date := fs.String("date", "", "with no PATH, print the issue of this date on the shelf (default: the newest): 2024-03-12, 20240312, or 2019-02-22/人民日报")
	paths, err := parseFlags(fs, "dubao cat [--width N] [--ambiguous narrow|wide] [--date DATE] [PATH...]", args)
	if err != nil {
		return err
	}
	if len(paths) > 0 && (*date != "" || *shelfDir != "") {
		return errors.New("--date and --shelf print an issue of the shelf: give them no PATH")
	}
	a, auto, err := parseAmbiguous(*ambiguous)
	if err != nil || auto {
		return fmt.Errorf("--ambiguous %q: want narrow or wide", *ambiguous)
	}
	if *width < 0 {
		return fmt.Errorf("--width %d: want a number of cells", *width)
	}
	home, _ := os.UserHomeDir()
	lib, err := openShelf(*shelfDir, home, len(paths) == 0)
	if err != nil {
		return err
	}
	var is *model.Issue
	var warnings []string
	switch {
	case lib != nil && (*date != "" || len(lib.sh.Entries) > 0):
		key := *date
		if key == "" {
			key = lib.sh.Entries[0].Key()
		}
		op, err := lib.Open(key)
		if err != nil {
			return err
		}
		is, warnings = op.Issue, op.Warnings
	case *date != "":
		return fmt.Errorf("--date %s: there is no shelf at %s", *date, shelfPath(*shelfDir, home))
	default:
		if is, warnings, err = issue(paths); err != nil {
			return err
		}
	}
	for _, w := range warnings {
		fmt.Fprintln(os.Stderr, "dubao:", w)
	}
	w, style := catDefaults(os.Stdout, os.Getenv("NO_COLOR"))
	if *width > 0 {
		w = *width
	}
	return tui.Cat(os.Stdout, is, tui.CatOptions{Width: w, Measure: layout.NewMeasure(a), NoIndent: *noIndent, Style: style})
}
