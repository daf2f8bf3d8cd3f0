// Command dubao reads the day's newspaper in a terminal.
//
//	dubao [--theme NAME] [--ambiguous narrow|wide|auto] [--script auto|simplified|traditional] [--measure N] [--no-indent] [PATH...]
//	dubao [flags] [--shelf DIR] [--date 2024-03-12]
//	dubao cat [--width N] [--ambiguous narrow|wide] [--no-indent] [PATH...]
//	dubao parse [--pretty] PATH|-
//	dubao search [--json] QUERY [PATH...]
//	dubao add [--paper NAME] [--date D] [--shelf DIR] FILE...
//
// PATH is a page file as extracted text, a PDF of one page or many, a
// folder of page files (or of PDFs), or - for standard input; the pages of
// all of them are one issue. PDFs are read by PDFium in WebAssembly, whose
// compiled code is kept in $XDG_CACHE_HOME/dubao/wazero. With none, dubao
// opens the shelf — a folder of dated issue folders, --shelf or
// $XDG_DATA_HOME/dubao/papers — and with no shelf a bundled sample page.
// What has been read, and where the reading stopped, is kept in
// $XDG_STATE_HOME/dubao/state.json. The command line reads flags, files and
// folders and hands them on: the reader, cat and search are package tui's,
// parsing is package parse's, the shelf and the state file package shelf's,
// matching package model's.
//
// parse prints a file of one page as the page's JSON, and a file of several
// pages (separated by form feeds) or a folder as the issue's: its date, its
// pages, and its articles, each once with its continuations joined.
//
// add files page files (PDFs or text) onto the shelf, into the folder of
// their day (2024-03-13-NAME with --paper NAME), the date as the pages
// print it unless --date gives it.
//
// search prints each match of QUERY in the pages on a line: the page, the
// article's headline, and the match in its context, marked ⟦so⟧ (in
// reverse video on a terminal). With --json it prints one JSON object a
// line instead (JSON Lines; see tui.FoundJSON). Its exit status is 0 when
// something matched, 1 when nothing did, and 2 on bad input: no QUERY, a
// file that cannot be read, a bad flag.
//
// The reader saves where the reading stopped when it quits, and also when
// the terminal closes (SIGHUP) or it is killed (SIGTERM, SIGINT); it then
// exits 128 + the signal's number: 129, 143, 130.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"syscall"

	"github.com/dubaoreader/dubao/model/clean"
	"github.com/dubaoreader/dubao/shelf"
	"github.com/dubaoreader/dubao/tui"
)

// stoppedStatus is the exit status for a reader stopped by sig: 128 + its
// number, as a shell reports a process a signal killed (129 for SIGHUP,
// 143 for SIGTERM).
func stoppedStatus(sig os.Signal) int {
	if s, ok := sig.(syscall.Signal); ok {
		return 128 + int(s)
	}
	return 1
}

// command is one of dubao's commands: its name (the reader's is ""), how
// it is called, what it does, its flags, and what it runs. The same flag
// definitions parse the arguments and write -h, dubao help, the shell
// completions and the man page; a new subcommand is one more entry in
// commands.
type command struct {
	name    string
	usage   string               // after "dubao": [flags] [PATH...]
	summary string               // one line
	flags   func() *flag.FlagSet // nil for none
	run     func(args []string) error
}

// commands returns dubao's commands, the reader first.
func commands() []command {
	return []command{
		{"", "[flags] [PATH...]", "read pages: a page file, a folder of page files, or - for standard input; with none, the shelf, or with no shelf a sample page",
			func() *flag.FlagSet { o, _, _ := configuredRead(); return o.flags() }, readCmd},
		{"cat", "cat [flags] [PATH...]", "print the articles as reflowed text, or Markdown",
			func() *flag.FlagSet { return new(catOptions).flags() }, catCmd},
		{"search", "search [--json] QUERY [PATH...]", "print where QUERY is in the pages",
			func() *flag.FlagSet { return new(searchOptions).flags() }, searchCmd},
		{"parse", "parse [--pretty] PATH|-", "print a page's article tree as JSON, or an issue's for a folder or a file of several pages",
			func() *flag.FlagSet { return new(parseOptions).flags() }, parseCmd},
		{"add", "add [--paper NAME] [--date D] [--shelf DIR] FILE...", "file pages (PDFs, or extracted text) onto the shelf, in the folder of their day",
			func() *flag.FlagSet { return new(addOptions).flags() }, addCmd},
		{"help", "help [COMMAND]", "print this help, or a command's", nil, helpCmd},
		{"version", "version", "print dubao's version", nil, versionCmd},
		{"completion", "completion bash|zsh|fish", "print the shell's completion script", nil, completionCmd},
		{"man", "man", "print the manual page (roff; man -l - reads it)", nil, manCmd},
	}
}

// lookupCommand returns the command called name.
func lookupCommand(name string) (command, bool) {
	for _, c := range commands() {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

func main() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(shelf.GCPercent)
	}
	args := os.Args[1:]
	run := readCmd
	if len(args) > 0 {
		if c, ok := lookupCommand(args[0]); ok && c.name != "" {
			run, args = c.run, args[1:]
		}
		switch args0 := os.Args[1]; {
		case args0 == "--version" || args0 == "-version":
			run, args = versionCmd, nil
		case args0 == "--help" || args0 == "-help" || args0 == "-h":
			run, args = helpCmd, nil
		}
	}
	if err := run(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return
		}
		code := 1
		var ee exitError
		var stopped tui.Stopped
		switch {
		case errors.As(err, &ee):
			code, err = ee.code, ee.err
		case errors.As(err, &stopped):
			code, err = stoppedStatus(stopped.Signal), nil // the place is saved: nothing to say
		}
		if err != nil {
			say(err.Error())
		}
		os.Exit(code)
	}
}

// say prints a message on standard error, "dubao: " first, as one line. A
// message may hold a file or folder name or a flag's value, which came from
// outside: it is shown as clean.Line shows it, no control character in it
// reaching the terminal as one.
func say(msg string) {
	fmt.Fprintln(os.Stderr, "dubao: "+clean.Line(msg))
}

// sayIn says err as say does, a tui.Notice's words in Traditional when
// traditional is set.
func sayIn(err error, traditional bool) {
	if n, ok := err.(tui.Notice); ok {
		say(n.In(traditional))
		return
	}
	say(err.Error())
}

// parseFlags parses args with fs, the flags of the command called name,
// and returns the paths among them: flags and paths may come in any order
// (dubao page.txt --theme ink), and after -- everything is a path. -h
// prints the command's help on standard output and returns flag.ErrHelp.
func parseFlags(fs *flag.FlagSet, name string, args []string) ([]string, error) {
	fs.SetOutput(io.Discard)
	fs.Usage = func() {} // a mistake is one line; -h alone shows the usage
	usageText := func() {
		if c, ok := lookupCommand(name); ok {
			commandHelp(os.Stdout, c)
		}
	}
	var paths []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				usageText()
			}
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return paths, nil
		}
		if n := len(args) - len(rest); n > 0 && args[n-1] == "--" {
			return append(paths, rest...), nil
		}
		paths, args = append(paths, rest[0]), rest[1:]
	}
}
