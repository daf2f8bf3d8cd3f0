package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/dubaoreader/dubao/tui"
	"github.com/dubaoreader/dubao/tui/layout"
)

// catOptions are cat's flags.
type catOptions struct {
	width     int
	ambiguous string
	noIndent  bool
}

// flags returns cat's flags, bound to o.
func (o *catOptions) flags() *flag.FlagSet {
	fs := flag.NewFlagSet("cat", flag.ContinueOnError)
	fs.IntVar(&o.width, "width", 0, "the widest line, in cells (default: the terminal's width, else 80)")
	fs.StringVar(&o.ambiguous, "ambiguous", layout.AmbiguousFromEnv(os.Getenv).String(), "how wide “ ” … — · are: narrow or wide")
	fs.BoolVar(&o.noIndent, "no-indent", false, "no first-line indent")
	return fs
}

// catCmd prints the articles as reflowed text.
func catCmd(args []string) error {
	var opt catOptions
	paths, err := parseFlags(opt.flags(), "cat", args)
	if err != nil {
		return err
	}
	width, ambiguous, noIndent := &opt.width, &opt.ambiguous, &opt.noIndent
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
