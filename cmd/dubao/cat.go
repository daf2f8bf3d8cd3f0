package main

import (
	"errors"
	"flag"
	"fmt"
	"os"

	"github.com/charmbracelet/x/term"

	"github.com/dubaoreader/dubao/model"
	"github.com/dubaoreader/dubao/tui"
	"github.com/dubaoreader/dubao/tui/layout"
)

// catOptions are cat's flags.
type catOptions struct {
	width     int
	ambiguous string
	noIndent  bool
	story     string
	format    string
	shelf     string
	date      string
}

// flags returns cat's flags, bound to o.
func (o *catOptions) flags() *flag.FlagSet {
	fs := flag.NewFlagSet("cat", flag.ContinueOnError)
	fs.IntVar(&o.width, "width", 0, "the widest line, in cells (default: the terminal's width, also when piped; else 80)")
	fs.StringVar(&o.ambiguous, "ambiguous", o.ambiguous, "how wide “ ” … — · are: narrow, wide, or auto to ask the terminal (default: ask it when printing to it, else as RUNEWIDTH_EASTASIAN says)")
	fs.BoolVar(&o.noIndent, "no-indent", o.noIndent, "no first-line indent")
	fs.StringVar(&o.story, "story", "", "print only this story: its number (from 1, as the reader counts) or words of its headline")
	fs.StringVar(&o.format, "format", "text", "text, or md for Markdown (a paragraph a line)")
	fs.StringVar(&o.shelf, "shelf", "", "with no PATH, print an issue of this shelf (default $XDG_DATA_HOME/dubao/papers)")
	fs.StringVar(&o.date, "date", "", "with no PATH, print the issue of this date on the shelf (default: the newest): 2024-03-12, 20240312, or 2019-02-22/人民日报")
	return fs
}

// catCmd prints the articles as reflowed text, or Markdown: of the pages
// given, or with no PATH of the newest issue on the shelf (--date another).
func catCmd(args []string) error {
	cfg, cfgWarnings := loadConfig(configPath(os.Getenv))
	opt := catOptions{ambiguous: cfg.Ambiguous, noIndent: cfg.Indent != nil && !*cfg.Indent}
	paths, err := parseFlags(opt.flags(), "cat", args)
	if err != nil {
		return err
	}
	if len(paths) > 0 && (opt.date != "" || opt.shelf != "") {
		return errors.New("--date and --shelf print an issue of the shelf: give them no PATH")
	}
	a, auto, err := parseAmbiguous(opt.ambiguous)
	if err != nil {
		return err
	}
	asked := opt.ambiguous == "auto" // "" is auto only for a terminal
	if opt.width < 0 {
		return fmt.Errorf("--width %d: want a number of cells", opt.width)
	}
	if opt.format != "text" && opt.format != "md" {
		return fmt.Errorf("--format %q: want text or md", opt.format)
	}
	is, warnings, err := catIssue(paths, opt.shelf, opt.date)
	traditional := false
	if err == nil {
		words, _ := tui.ParseWords(cfg.Script)
		traditional = words.Traditional(is)
	}
	for _, w := range append(cfgWarnings, warnings...) {
		sayIn(w, traditional) // in the script of the issue's pages, as the reader would
	}
	if err != nil {
		return err
	}
	o := tui.CatOptions{NoIndent: opt.noIndent, Markdown: opt.format == "md"}
	if opt.story != "" {
		if o.Story, err = tui.PickStory(is, opt.story); err != nil {
			return err
		}
	}
	if auto {
		a = catAmbiguous(asked)
	}
	o.Measure = layout.NewMeasure(a)
	o.Width, o.Style = catDefaults(os.Stdout, os.Getenv("NO_COLOR"))
	if opt.width > 0 {
		o.Width = opt.width
	}
	return tui.Cat(os.Stdout, is, o)
}

// catIssue is the issue cat prints: the pages given, or with none the
// issue of date on the shelf, the newest when date is "", or with no shelf
// the bundled sample.
func catIssue(paths []string, shelfDir, date string) (*model.Issue, []error, error) {
	home, _ := os.UserHomeDir()
	lib, err := openShelf(shelfDir, home, len(paths) == 0)
	if err != nil {
		return nil, nil, err
	}
	switch {
	case lib != nil && (date != "" || len(lib.sh.Entries) > 0):
		key := date
		if key == "" {
			key = lib.sh.Entries[0].Key()
		}
		op, err := lib.Open(key)
		if err != nil {
			return nil, nil, err
		}
		return op.Issue, op.Warnings, nil
	case date != "":
		return nil, nil, fmt.Errorf("--date %s: there is no shelf at %s", date, shelfPath(shelfDir, home))
	}
	return issue(paths)
}

// catAmbiguous is how wide cat takes the ambiguous characters to be when
// not told narrow or wide: printing to a terminal, or asked to (--ambiguous
// auto, as for dubao cat | less in a terminal that draws them wide), it
// asks the terminal — before writing anything, so that a pager reading
// the pipe has not yet started reading keys; else as RUNEWIDTH_EASTASIAN
// says.
func catAmbiguous(asked bool) layout.Ambiguous {
	if asked || term.IsTerminal(os.Stdout.Fd()) {
		if tty, err := os.Open("/dev/tty"); err == nil {
			tty.Close()
			a, _ := probeAmbiguous(probeTimeout)
			return a
		}
	}
	return layout.AmbiguousFromEnv(os.Getenv)
}
