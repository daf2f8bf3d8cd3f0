package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/dubaoreader/dubao/model"
	"github.com/dubaoreader/dubao/shelf"
	"github.com/dubaoreader/dubao/tui"
)

// readCmd opens the reader: on the pages at PATH, else on the shelf (an
// issue of it with --date), else, with no shelf, on the sample.
func readCmd(args []string) error {
	fs := flag.NewFlagSet("dubao", flag.ContinueOnError)
	theme := fs.String("theme", "", "the theme: paper, ink, contrast, plain or one of your own (default: by the terminal's background; plain when NO_COLOR is set)")
	ambiguous := fs.String("ambiguous", "auto", "how wide the terminal draws “ ” … — · and box drawing: narrow, wide, or auto to ask it")
	measure := fs.Int("measure", tui.DefaultMeasure, "the longest line of an article, in Chinese characters")
	noIndent := fs.Bool("no-indent", false, "start without the first-line indent (the i key turns it on and off)")
	shelfDir := fs.String("shelf", "", "the shelf: a folder of dated issue folders (default $XDG_DATA_HOME/dubao/papers)")
	date := fs.String("date", "", "open the issue of this date on the shelf: 2024-03-12 or 20240312")
	paths, err := parseFlags(fs, `dubao [flags] [PATH...]      read pages: PATH is a page file or a PDF, a folder
                                    of them, or - for standard input; with none, the
                                    shelf, or with no shelf a sample page
       dubao cat [flags] [PATH...]  print them as text
       dubao parse [--pretty] PATH  print a page's article tree as JSON, or an
                                    issue's for a folder or a file of several pages
       dubao search [--json] QUERY [PATH...]
                                    print where QUERY is in them
       dubao add [--paper NAME] [--date D] FILE...
                                    file pages (PDFs) onto the shelf
flags:`, args)
	if err != nil {
		return err
	}
	if _, _, err := parseAmbiguous(*ambiguous); err != nil {
		return err
	}
	if *measure < 4 || *measure > 500 {
		return fmt.Errorf("--measure %d: want a number of characters from 4 to 500", *measure)
	}
	if len(paths) > 0 && (*date != "" || *shelfDir != "") {
		return errors.New("--date and --shelf open the shelf: give them no PATH")
	}
	if err := checkPaths(paths); err != nil {
		return err
	}
	home, _ := os.UserHomeDir()
	o := tui.Options{MeasureChars: *measure, NoIndent: *noIndent, ThemeName: *theme}
	if dir := shelf.StateDir(os.Getenv("XDG_STATE_HOME"), home); dir != "" {
		o.Memory = memory{shelf.NewStore(dir)}
	}
	lib, err := openShelf(*shelfDir, home, len(paths) == 0)
	if err != nil {
		return err
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
		is, o.Key, o.Warnings = op.Issue, op.Key, op.Warnings
		o.Library = lib
	case lib != nil:
		o.Library = lib
	case *date != "":
		return fmt.Errorf("--date %s: there is no shelf at %s", *date, shelfPath(*shelfDir, home))
	default:
		if is, o.Warnings, err = issue(paths); err != nil {
			return err
		}
		o.Key = issueKey(is, paths)
	}
	if warning != nil {
		o.Warnings = append(o.Warnings, warning.Error())
	}
	// Closing the terminal (SIGHUP), kill (SIGTERM) and kill -INT stop the
	// reader as q does, saving the place; dubao then exits 128 + the
	// signal's number, as a shell reports a process killed by it.
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGHUP, syscall.SIGTERM, syscall.SIGINT)
	defer signal.Stop(stop)
	o.Stop = stop
	o.NoColor = os.Getenv("NO_COLOR")
	user, warnings := userThemes(os.Getenv)
	o.UserThemes = append(o.UserThemes, user...)
	o.Warnings = append(o.Warnings, warnings...)
	return tui.Run(is, o)
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
	return &library{sh: sh, pdfs: pdfReader()}, nil
}

// noIssue is the error for a date not on the shelf.
func noIssue(dir, date string) error {
	return fmt.Errorf("--date %s: no issue of that date on the shelf %s", date, dir)
}
