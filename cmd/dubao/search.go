package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/dubaoreader/dubao/shelf"
	"github.com/dubaoreader/dubao/tui"
	"github.com/dubaoreader/dubao/tui/layout"
)

// searchOptions are search's flags.
type searchOptions struct {
	json                  bool
	shelf, date, from, to string
}

// flags returns search's flags, bound to o: a flag set of its own, like
// every command's, as the OpenCC library the search uses puts a flag named
// dir on flag.CommandLine.
func (o *searchOptions) flags() *flag.FlagSet {
	fs := flag.NewFlagSet("search", flag.ContinueOnError)
	fs.BoolVar(&o.json, "json", false, "print one JSON object a line for each match: date, paper, story, page, title, field, paragraph, start and end (byte offsets in the field), before, match and after")
	fs.StringVar(&o.shelf, "shelf", "", "with no PATH, search this shelf (default $XDG_DATA_HOME/dubao/papers)")
	fs.StringVar(&o.date, "date", "", "with no PATH, search only the issues of this date: 2024-03-12 or 20240312, or one paper of it: 2019-02-22/人民日报")
	fs.StringVar(&o.from, "from", "", "with no PATH, search the issues from this date on")
	fs.StringVar(&o.to, "to", "", "with no PATH, search the issues up to this date")
	return fs
}

// searchCmd prints the matches of a query in the pages, as grep does: exit
// status 0 when something matched, 1 when nothing did, 2 on bad input.
// With no PATH it searches the shelf, newest issue first.
func searchCmd(args []string) error {
	var opt searchOptions
	rest, err := parseFlags(opt.flags(), "search", args)
	asJSON, shelfDir, date, from, to := &opt.json, &opt.shelf, &opt.date, &opt.from, &opt.to
	switch {
	case errors.Is(err, flag.ErrHelp):
		return err
	case err != nil:
		return badInput(err)
	case len(rest) == 0:
		return badInput(errors.New("search: want a QUERY to look for"))
	case strings.TrimSpace(rest[0]) == "":
		return badInput(errors.New("search: the QUERY is empty"))
	}
	query, paths := rest[0], rest[1:]
	// The settings' script: the words search adds to the matches (标题：)
	// are in it, by default in the script of each issue's pages, as cat's.
	cfg, cfgWarnings := loadConfig(configPath(os.Getenv))
	words, _ := tui.ParseWords(cfg.Script)
	o := tui.FindOptions{
		JSON:     *asJSON,
		Terminal: findDefaults(os.Stdout),
		Measure:  layout.NewMeasure(layout.AmbiguousFromEnv(os.Getenv)),
		Words:    words,
	}
	home, _ := os.UserHomeDir()
	days := dayRange{date: *date, from: *from, to: *to}
	if len(paths) > 0 && (*shelfDir != "" || !days.none()) {
		return badInput(errors.New("--shelf, --date, --from and --to search the shelf: give them no PATH"))
	}
	lib, err := openShelf(*shelfDir, home, len(paths) == 0)
	if err != nil {
		return badInput(err)
	}
	if lib != nil {
		for _, w := range cfgWarnings {
			sayIn(w, words == tui.WordsTraditional)
		}
		return searchShelf(lib, query, days, o)
	}
	if !days.none() {
		return badInput(fmt.Errorf("there is no shelf at %s to search by date", shelfPath(*shelfDir, home)))
	}
	if err := checkPaths(paths); err != nil {
		return badInput(err)
	}
	is, warnings, err := issue(paths)
	traditional := false
	if err == nil {
		traditional = words.Traditional(is)
	}
	for _, w := range append(cfgWarnings, warnings...) {
		sayIn(w, traditional) // in the script of the issue's pages, as cat says them
	}
	if err != nil {
		return badInput(err)
	}
	n, err := tui.Find(os.Stdout, is, query, o)
	if err != nil {
		return exitError{code: 2, err: err}
	}
	if n == 0 {
		return exitError{code: 1} // nothing found: nothing to say
	}
	return nil
}

// dayRange is which days of the shelf a command takes: one date, or from
// one to another (either end open).
type dayRange struct{ date, from, to string }

func (r dayRange) none() bool { return r.date == "" && r.from == "" && r.to == "" }

// entries returns the shelf's issues in the range, newest first.
func (r dayRange) entries(sh *shelf.Shelf) ([]shelf.Entry, error) {
	from, to := r.from, r.to
	if r.date != "" {
		if from != "" || to != "" {
			return nil, errors.New("--date is one day: give it without --from and --to")
		}
		if _, err := isoDate("--date", r.date); err != nil {
			// One paper of a day (2019-02-22/人民日报), or a folder's name.
			e, ok := sh.Find(r.date)
			if !ok || !strings.ContainsAny(r.date, "/") && filepath.Base(e.Dir) != r.date {
				return nil, err
			}
			return []shelf.Entry{e}, nil
		}
		from, to = r.date, r.date
	}
	var err error
	if from, err = isoDate("--from", from); err != nil {
		return nil, err
	}
	if to, err = isoDate("--to", to); err != nil {
		return nil, err
	}
	if r.date != "" {
		if _, ok := sh.Find(r.date); !ok {
			return nil, noIssue(sh.Dir, r.date)
		}
	}
	return sh.Between(from, to), nil
}

// isoDate reads a date given as 2024-03-12 or 20240312; "" stays "".
func isoDate(flag, s string) (string, error) {
	if s == "" {
		return "", nil
	}
	if day, ok := calendarDay(s); ok {
		return day, nil
	}
	return "", fmt.Errorf("%s %s: not a date; give it as 2024-03-12 or 20240312", flag, s)
}

// searchShelf prints the matches of query in the issues of the shelf,
// newest first, each day as soon as it is searched.
func searchShelf(lib *library, query string, days dayRange, o tui.FindOptions) error {
	entries, err := days.entries(lib.sh)
	if err != nil {
		return badInput(err)
	}
	n := 0
	var werr error
	lib.cache.Search(entries, query, func(d shelf.DayFound) bool {
		if d.Err != nil {
			say(d.Err.Error())
			return true
		}
		if len(d.Hits) == 0 {
			return true
		}
		n += len(d.Hits)
		werr = tui.FindDay(os.Stdout, d.Issue, d.Hits, d.Entry.Date, d.Entry.Paper, o)
		return werr == nil
	})
	if werr != nil {
		return exitError{code: 2, err: werr}
	}
	if n == 0 {
		return exitError{code: 1}
	}
	return nil
}

// badInput is err with exit status 2.
func badInput(err error) error { return exitError{code: 2, err: err} }

// exitError is an error with the exit status it calls for; err may be nil,
// for a status that needs no message.
type exitError struct {
	code int
	err  error
}

func (e exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit status %d", e.code)
	}
	return e.err.Error()
}

func (e exitError) Unwrap() error { return e.err }
