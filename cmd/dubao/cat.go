package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/charmbracelet/x/term"

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
}

// flags returns cat's flags, bound to o.
func (o *catOptions) flags() *flag.FlagSet {
	fs := flag.NewFlagSet("cat", flag.ContinueOnError)
	fs.IntVar(&o.width, "width", 0, "the widest line, in cells (default: the terminal's width, also when piped; else 80)")
	fs.StringVar(&o.ambiguous, "ambiguous", o.ambiguous, "how wide “ ” … — · are: narrow, wide, or auto to ask the terminal (default: ask it when printing to it, else as RUNEWIDTH_EASTASIAN says)")
	fs.BoolVar(&o.noIndent, "no-indent", o.noIndent, "no first-line indent")
	fs.StringVar(&o.story, "story", "", "print only this story: its number (from 1, as the reader counts) or words of its headline")
	fs.StringVar(&o.format, "format", "text", "text, or md for Markdown (a paragraph a line)")
	return fs
}

// catCmd prints the articles as reflowed text, or Markdown.
func catCmd(args []string) error {
	cfg, cfgWarnings := loadConfig(configPath(os.Getenv))
	opt := catOptions{ambiguous: cfg.Ambiguous, noIndent: cfg.Indent != nil && !*cfg.Indent}
	paths, err := parseFlags(opt.flags(), "cat", args)
	if err != nil {
		return err
	}
	for _, w := range cfgWarnings {
		fmt.Fprintln(os.Stderr, "dubao:", w)
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
	is, warnings, err := issue(paths)
	if err != nil {
		return err
	}
	for _, w := range warnings {
		say(w)
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
