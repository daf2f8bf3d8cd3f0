package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"charm.land/lipgloss/v2"

	"github.com/dubaoreader/dubao/model"
	"github.com/dubaoreader/dubao/shelf"
	"github.com/dubaoreader/dubao/tui"
)

// readOptions are the reader's flags.
type readOptions struct {
	theme, ambiguous string
	script           string
	measure          int
	noIndent         bool
	shelf, date      string
}

// flags returns the reader's flags, bound to o, its values as the
// defaults.
func (o *readOptions) flags() *flag.FlagSet {
	if o.ambiguous == "" {
		o.ambiguous = "auto"
	}
	if o.script == "" {
		o.script = "auto"
	}
	if o.measure == 0 {
		o.measure = tui.DefaultMeasure
	}
	fs := flag.NewFlagSet("dubao", flag.ContinueOnError)
	fs.StringVar(&o.theme, "theme", o.theme, "the theme: paper, ink, contrast, plain or one of your own (default: by the terminal's background; plain when NO_COLOR is set)")
	fs.StringVar(&o.ambiguous, "ambiguous", o.ambiguous, "how wide the terminal draws “ ” … — · and box drawing: narrow, wide, or auto to ask it")
	fs.StringVar(&o.script, "script", o.script, "the script of the reader's own words (bars, help, messages): simplified, traditional, or auto to follow the issue's pages")
	fs.IntVar(&o.measure, "measure", o.measure, "the longest line of an article, in Chinese characters")
	fs.BoolVar(&o.noIndent, "no-indent", o.noIndent, "start without the first-line indent (the i key turns it on and off)")
	fs.StringVar(&o.shelf, "shelf", o.shelf, "the shelf: a folder of dated issue folders (default $XDG_DATA_HOME/dubao/papers)")
	fs.StringVar(&o.date, "date", o.date, "open the issue of this date on the shelf: 2024-03-12 or 20240312")
	return fs
}

// configuredRead returns the reader's flags' defaults as the config file
// sets them, the file's settings, and what is wrong with it.
func configuredRead() (readOptions, config, []error) {
	cfg, warnings := loadConfig(configPath(os.Getenv))
	opt := readOptions{theme: cfg.Theme, ambiguous: cfg.Ambiguous, script: cfg.Script, measure: cfg.Measure, noIndent: cfg.Indent != nil && !*cfg.Indent}
	return opt, cfg, warnings
}

// readCmd opens the reader: on the pages at PATH, else on the shelf (an
// issue of it with --date), else, with no shelf, on the sample.
func readCmd(args []string) error {
	opt, cfg, cfgWarnings := configuredRead()
	paths, err := parseFlags(opt.flags(), "", args)
	if err != nil {
		return err
	}
	theme, ambiguous, measure, noIndent, shelfDir, date := &opt.theme, &opt.ambiguous, &opt.measure, &opt.noIndent, &opt.shelf, &opt.date
	if _, _, err := parseAmbiguous(*ambiguous); err != nil {
		return err
	}
	words, ok := tui.ParseWords(opt.script)
	if !ok {
		return fmt.Errorf("--script %q: want simplified, traditional or auto", opt.script)
	}
	if *measure < 4 || *measure > 500 {
		return fmt.Errorf("--measure %d: want a number of characters from 4 to 500", *measure)
	}
	if *date != "" {
		if *date, err = checkDate(*date); err != nil {
			return err
		}
	}
	if len(paths) > 0 && (*date != "" || *shelfDir != "") {
		return errors.New("--date and --shelf open the shelf: give them no PATH")
	}
	if err := checkPaths(paths); err != nil {
		return err
	}
	home, _ := os.UserHomeDir()
	o := tui.Options{MeasureChars: *measure, NoIndent: *noIndent, ThemeName: *theme, ListWidth: cfg.ListWidth, Words: words, Warnings: cfgWarnings}
	lib, err := openShelf(*shelfDir, home, len(paths) == 0)
	if err != nil {
		return err
	}
	if dir := shelf.StateDir(os.Getenv("XDG_STATE_HOME"), home); dir != "" {
		mem := memory{st: shelf.NewStore(dir)}
		if lib != nil {
			mem.legacy = lib.legacy
		}
		o.Memory = mem
		o.LastTheme, o.KeepTheme = readLastTheme(dir), keepTheme(dir)
	}
	// Before reading standard input: settling the width may start dubao again.
	m, typed, warning := agreeWidth(*ambiguous)
	o.Measure, o.TypedAhead = m, typedKeys(typed)
	var is *model.Issue
	switch {
	case lib != nil && *date != "":
		op, err := lib.Open(*date)
		if err != nil {
			return err
		}
		is, o.Key = op.Issue, op.Key
		o.Warnings = append(o.Warnings, op.Warnings...) // in the reader's words already
		o.Library = lib
	case lib != nil:
		o.Library = lib
	case *date != "":
		return fmt.Errorf("--date %s: there is no shelf at %s", *date, shelfPath(*shelfDir, home))
	default:
		var warnings []error
		if firstPDF(paths, wazeroDir()) {
			// Else the screen stays blank while PDFium compiles.
			say(firstPDFNotice(words))
		}
		if is, warnings, err = issue(paths); err != nil {
			return err
		}
		o.Warnings = append(o.Warnings, pageWarnings(warnings)...)
		o.Key = issueKey(is, paths)
	}
	if warning != nil {
		o.Warnings = append(o.Warnings, warning)
	}
	// Closing the terminal (SIGHUP), kill (SIGTERM) and kill -INT stop the
	// reader as q does, saving the place; dubao then exits 128 + the
	// signal's number, as a shell reports a process killed by it.
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGHUP, syscall.SIGTERM, syscall.SIGINT)
	defer signal.Stop(stop)
	o.Stop = stop
	o.NoColor = os.Getenv("NO_COLOR")
	o.InTmux = os.Getenv("TMUX") != ""
	// lipgloss found the terminal's colours as dubao started (in tmux by
	// running tmux info, some 10 ms): asked again, each asking would run
	// it again.
	o.ColorProfile = lipgloss.Writer.Profile
	user, warnings := userThemes(os.Getenv)
	o.UserThemes = append(o.UserThemes, user...)
	o.Warnings = append(o.Warnings, warnings...)
	if o.Library != nil || hasGeometry(is) {
		// The picture of the page under the page map, where the terminal
		// shows kitty graphics: PDFium renders it.
		o.PageImage = pageImages(pdfReader())
	}
	err = tui.Run(is, o)
	if w := (*shelf.Warning)(nil); errors.As(err, &w) {
		say(err.Error()) // the place was saved, in a fresh file: said, not failed
		return nil
	}
	return err
}

// shelfPath is where the shelf is: dir when given, else the default.
func shelfPath(dir, home string) string {
	if dir != "" {
		return dir
	}
	return shelf.DefaultDir(os.Getenv("XDG_DATA_HOME"), home)
}

// openShelf opens the shelf at dir, or at the default place when dir is
// "". With no PATH to read (wanted) a missing default shelf is no shelf,
// and nil is returned; a missing shelf that was named is an error.
func openShelf(dir, home string, wanted bool) (*library, error) {
	if !wanted {
		return nil, nil
	}
	path := shelfPath(dir, home)
	if path == "" {
		return nil, nil
	}
	sh, err := shelf.Open(path)
	switch {
	case errors.Is(err, shelf.ErrNoShelf) && dir == "":
		return nil, nil
	case errors.Is(err, shelf.ErrNoShelf):
		return nil, fmt.Errorf("--shelf %s: no such folder", dir)
	case err != nil:
		return nil, err
	}
	return &library{sh: sh, cache: newCache()}, nil
}

// noIssue is the error for a date not on the shelf.
func noIssue(dir, date string) error {
	return fmt.Errorf("--date %s: no issue of that date on the shelf %s", date, dir)
}

// checkDate reads --date: a day written 2024-03-12 or 20240312, and a day
// the calendar has. It returns it as 2024-03-12.
//
// A paper may follow the date (2019-02-22/人民日报): one of several papers
// of that day on the shelf.
func checkDate(d string) (string, error) {
	date, paper, hasPaper := strings.Cut(d, "/")
	if day, ok := calendarDay(date); ok && (!hasPaper || paper != "") {
		if hasPaper {
			return day + "/" + paper, nil
		}
		return day, nil
	}
	return "", fmt.Errorf("--date %s: not a date; want 2024-03-12 or 20240312, or 2024-03-12/PAPER", d)
}

// calendarDay reads a day written 2024-03-12 or 20240312 that the
// calendar has, and returns it as 2024-03-12.
func calendarDay(s string) (string, bool) {
	for _, layout := range []string{time.DateOnly, "20060102"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format(time.DateOnly), true
		}
	}
	return "", false
}

// firstPDFNotice is the line said while PDFium compiles for the first
// PDF, in the reader's words: before any page is read, so in Traditional
// only when --script asks for it.
func firstPDFNotice(words tui.Words) string {
	return tui.Say("第一次读 PDF：PDFium 正在为这台机器编译，约需十几秒，只此一次 …").In(words == tui.WordsTraditional)
}

// pageWarnings says what went wrong reading pages in the reader's words,
// each cause after them; a warning in them already (a Notice, such as
// scrambledNote's) is left as it is.
func pageWarnings(ws []error) []error {
	out := make([]error, len(ws))
	for i, w := range ws {
		out[i] = w
		if _, ok := w.(tui.Notice); !ok {
			out[i] = tui.Say("有版面读不好：%v", w)
		}
	}
	return out
}
