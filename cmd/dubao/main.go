// Command dubao reads the day's newspaper in a terminal.
//
//	dubao [--theme NAME] [--ambiguous narrow|wide|auto] [--measure N] [--no-indent] [PATH...]
//	dubao cat [--width N] [--ambiguous narrow|wide] [--no-indent] [PATH...]
//	dubao parse [--pretty] PATH|-
//
// PATH is a page file as extracted text, or - for standard input; with none,
// dubao opens a bundled sample page. The command line reads flags and files
// and hands them on: the reader and cat are package tui's, parsing is
// package parse's.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
)

func main() {
	args := os.Args[1:]
	run := readCmd
	if len(args) > 0 {
		switch args[0] {
		case "parse":
			run, args = parseCmd, args[1:]
		case "cat":
			run, args = catCmd, args[1:]
		}
	}
	if err := run(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return
		}
		fmt.Fprintln(os.Stderr, "dubao:", err)
		os.Exit(1)
	}
}

// parseFlags parses args with fs and returns the paths among them: flags
// and paths may come in any order (dubao page.txt --theme ink), and after
// -- everything is a path. -h prints the usage and returns flag.ErrHelp.
func parseFlags(fs *flag.FlagSet, usage string, args []string) ([]string, error) {
	fs.SetOutput(io.Discard)
	fs.Usage = func() {} // a mistake is one line; -h alone shows the usage
	usageText := func() {
		fmt.Fprintf(os.Stderr, "usage: %s\n", usage)
		fs.SetOutput(os.Stderr)
		fs.PrintDefaults()
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
