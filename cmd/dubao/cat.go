package main

import (
	"flag"
	"fmt"
	"os"

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
	paths, err := parseFlags(fs, "dubao cat [--width N] [--ambiguous narrow|wide] [PATH...]", args)
	if err != nil {
		return err
	}
	a, auto, err := parseAmbiguous(*ambiguous)
	if err != nil || auto {
		return fmt.Errorf("--ambiguous %q: want narrow or wide", *ambiguous)
	}
	if *width < 0 {
		return fmt.Errorf("--width %d: want a number of cells", *width)
	}
	is, warnings, err := issue(paths)
	if err != nil {
		return err
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
