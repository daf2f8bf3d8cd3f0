package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
)

// helpCmd prints dubao's help, or a command's, on standard output.
func helpCmd(args []string) error {
	if len(args) > 0 {
		c, ok := lookupCommand(args[0])
		if !ok || c.name == "" {
			return fmt.Errorf("help %s: no such command; dubao help lists them", args[0])
		}
		commandHelp(os.Stdout, c)
		return nil
	}
	w := os.Stdout
	fmt.Fprintln(w, "dubao reads the day's newspaper in a terminal.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "usage:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  dubao %s\n", c.usage)
		fmt.Fprintf(w, "        %s\n", c.summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "flags of the reader:")
	reader, _ := lookupCommand("")
	printFlags(w, reader.flags())
	fmt.Fprintln(w)
	fmt.Fprintln(w, "dubao help COMMAND, or dubao COMMAND -h, tells of a command's flags.")
	return nil
}

// commandHelp writes how c is called, what it does and its flags.
func commandHelp(w io.Writer, c command) {
	fmt.Fprintf(w, "usage: dubao %s\n  %s\n", c.usage, c.summary)
	if c.flags != nil {
		fmt.Fprintln(w, "flags:")
		printFlags(w, c.flags())
	}
}

// printFlags writes the flags of fs as the flag package does.
func printFlags(w io.Writer, fs *flag.FlagSet) {
	fs.SetOutput(w)
	fs.PrintDefaults()
	fs.SetOutput(io.Discard)
}

// versionCmd prints dubao's version: the module's, or the commit it was
// built from.
func versionCmd(args []string) error {
	if len(args) > 0 {
		return errors.New("version: takes no arguments")
	}
	fmt.Println("dubao", version())
	return nil
}

// version says which dubao this is, from what the Go toolchain recorded
// in the binary.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)"
	}
	v := info.Main.Version
	var rev, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				modified = "+dirty"
			}
		}
	}
	if (v == "" || v == "(devel)") && rev != "" {
		v = "devel " + rev[:min(len(rev), 12)] + modified
	}
	if v == "" {
		v = "(devel)"
	}
	return strings.TrimSpace(v + " " + info.GoVersion)
}
