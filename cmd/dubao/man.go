package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/dubaoreader/dubao/tui"
)

// manCmd prints dubao's manual page, in roff (man -l - shows it), made
// from the same definitions as the flags, dubao help and the reader's ?
// overlay.
func manCmd(args []string) error {
	if len(args) > 0 {
		return errors.New("man: takes no arguments")
	}
	writeMan(os.Stdout)
	return nil
}

// roff escapes s for roff text: backslashes, a leading dot or quote, and
// hyphens in flags.
func roff(s string) string {
	s = strings.ReplaceAll(s, `\`, `\e`)
	s = strings.ReplaceAll(s, "-", `\-`)
	if strings.HasPrefix(s, ".") || strings.HasPrefix(s, "'") {
		s = `\&` + s
	}
	return s
}

func writeMan(w io.Writer) {
	fmt.Fprintln(w, `.TH DUBAO 1 "" "dubao `+roff(version())+`" "User Commands"`)
	fmt.Fprintln(w, ".SH NAME")
	fmt.Fprintln(w, `dubao \- read the day's newspaper in a terminal (读报)`)
	fmt.Fprintln(w, ".SH SYNOPSIS")
	for _, c := range commands() {
		fmt.Fprintf(w, ".B dubao\n%s\n.br\n", roff(c.usage))
	}
	fmt.Fprintln(w, ".SH DESCRIPTION")
	fmt.Fprintln(w, "dubao reads the text a PDF extractor pulled out of a newspaper's pages and shows the issue as a paper: every headline in a list, every article reflowed as clean Chinese prose beside it, stories read straight through across pages, the whole issue searchable as you type. Days kept on a shelf are remembered: what was read, and where the reading stopped.")
	fmt.Fprintln(w, ".SH COMMANDS")
	for _, c := range commands() {
		fmt.Fprintf(w, ".TP\n.B dubao %s\n%s\n", roff(c.usage), roff(c.summary))
	}
	for _, c := range commands() {
		if c.flags == nil {
			continue
		}
		title := "OPTIONS"
		if c.name != "" {
			title = "OPTIONS OF " + strings.ToUpper(c.name)
		}
		fmt.Fprintf(w, ".SH %s\n", title)
		c.flags().VisitAll(func(f *flag.Flag) {
			arg := ""
			if bf, ok := f.Value.(interface{ IsBoolFlag() bool }); !ok || !bf.IsBoolFlag() {
				name, _ := flag.UnquoteUsage(f)
				if name == "" {
					name = "value"
				}
				arg = ` \fI` + roff(name) + `\fR`
			}
			fmt.Fprintf(w, ".TP\n\\fB\\-\\-%s\\fR%s\n%s", roff(f.Name), arg, roff(f.Usage))
			if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" {
				fmt.Fprintf(w, " (default %s)", roff(f.DefValue))
			}
			fmt.Fprintln(w)
		})
	}
	fmt.Fprintln(w, ".SH KEYS")
	for _, group := range tui.DefaultKeyMap().HelpGroups() {
		for _, b := range group {
			fmt.Fprintf(w, ".TP\n.B %s\n%s\n", roff(b.Help().Key), roff(b.Help().Desc))
		}
	}
	fmt.Fprintln(w, ".SH FILES")
	for _, f := range [][2]string{
		{"$XDG_DATA_HOME/dubao/papers", "the shelf: a folder of dated issue folders (~/.local/share/dubao/papers)"},
		{"$XDG_STATE_HOME/dubao/state.json", "what has been read, and where the reading stopped (~/.local/state/dubao)"},
		{"$XDG_STATE_HOME/dubao/theme", "the theme t picked last"},
		{"$XDG_CONFIG_HOME/dubao/config.toml", "settings: theme, measure, indent, ambiguous, list_width, script (~/.config/dubao)"},
		{"$XDG_CONFIG_HOME/dubao/themes/NAME.theme", "your own themes"},
	} {
		fmt.Fprintf(w, ".TP\n.I %s\n%s\n", roff(f[0]), roff(f[1]))
	}
	fmt.Fprintln(w, ".SH ENVIRONMENT")
	fmt.Fprintln(w, ".TP\n.B NO_COLOR\nwhen set, the plain theme, without colour")
	fmt.Fprintln(w, ".TP\n.B RUNEWIDTH_EASTASIAN\nhow wide the renderer draws East Asian Ambiguous characters; dubao sets it to agree with \\-\\-ambiguous")
	fmt.Fprintln(w, ".SH EXIT STATUS")
	fmt.Fprintln(w, "0 on success; 1 on an error, said in one line on standard error. search: 1 when nothing matched, 2 on bad input. The reader stopped by a signal (the terminal closed, kill) saves the place and exits 128 + the signal's number: 129 for SIGHUP, 143 for SIGTERM.")
}
