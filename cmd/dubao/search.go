package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/dubaoreader/dubao/tui"
	"github.com/dubaoreader/dubao/tui/layout"
)

// searchCmd prints the matches of a query in the pages, as grep does: exit
// status 0 when something matched, 1 when nothing did, 2 on bad input.
func searchCmd(args []string) error {
	// Its own flag set, like every command's: the OpenCC library the search
	// uses puts a flag named dir on flag.CommandLine.
	fs := flag.NewFlagSet("search", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "print one JSON object a line for each match: page, title, field, paragraph, start and end (byte offsets in the field), before, match and after")
	rest, err := parseFlags(fs, "dubao search [--json] QUERY [PATH...]", args)
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
	if err := checkPaths(paths); err != nil {
		return badInput(err)
	}
	is, warnings, err := issue(paths)
	if err != nil {
		return badInput(err)
	}
	for _, w := range warnings {
		fmt.Fprintln(os.Stderr, "dubao:", w)
	}
	o := tui.FindOptions{
		JSON:     *asJSON,
		Terminal: findDefaults(os.Stdout),
		Measure:  layout.NewMeasure(layout.AmbiguousFromEnv(os.Getenv)),
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
