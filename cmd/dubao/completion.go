package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/dubaoreader/dubao/themes"
)

// completionCmd prints the completion script for a shell, made from the
// commands and their flags: the same definitions that parse them.
//
//	source <(dubao completion bash)
//	dubao completion zsh > "${fpath[1]}/_dubao"
//	dubao completion fish > ~/.config/fish/completions/dubao.fish
func completionCmd(args []string) error {
	if len(args) != 1 {
		return badShell("")
	}
	switch args[0] {
	case "bash":
		writeBash(os.Stdout)
	case "zsh":
		writeZsh(os.Stdout)
	case "fish":
		writeFish(os.Stdout)
	default:
		return badShell(args[0])
	}
	return nil
}

func badShell(s string) error {
	return fmt.Errorf("completion %s: want bash, zsh or fish", s)
}

// flagChoices are the values a flag takes, where they are few, by flag
// name.
func flagChoices() map[string][]string {
	return map[string][]string{
		"theme":     themes.Names(),
		"ambiguous": {"narrow", "wide", "auto"},
		"script":    {"auto", "simplified", "traditional"},
		"format":    {"text", "md"},
	}
}

// compFlag is a flag as the completion scripts need it.
type compFlag struct {
	name, usage string
	boolean     bool
	choices     []string
}

// flagsOf returns the flags of c, by name.
func flagsOf(c command) []compFlag {
	if c.flags == nil {
		return nil
	}
	var out []compFlag
	c.flags().VisitAll(func(f *flag.Flag) {
		bf, ok := f.Value.(interface{ IsBoolFlag() bool })
		out = append(out, compFlag{name: f.Name, usage: f.Usage, boolean: ok && bf.IsBoolFlag(), choices: flagChoices()[f.Name]})
	})
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out
}

// subcommands returns the commands but the reader.
func subcommands() []command {
	var out []command
	for _, c := range commands() {
		if c.name != "" {
			out = append(out, c)
		}
	}
	return out
}

// firstLine is s up to its first line break, without quotes that would end
// a shell string.
func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return strings.NewReplacer("'", "’", "\"", "”", "`", "’", "[", "(", "]", ")", ":", " -").Replace(s)
}

func writeBash(w io.Writer) {
	var names []string
	for _, c := range subcommands() {
		names = append(names, c.name)
	}
	fmt.Fprintf(w, `# bash completion for dubao; made by dubao completion bash
_dubao() {
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
    local cmd="" w
    for w in "${COMP_WORDS[@]:1:COMP_CWORD-1}"; do
        case $w in
            %s) cmd=$w; break ;;
        esac
    done
    local flags="" choices=""
    case $cmd in
`, strings.Join(names, "|"))
	for _, c := range commands() {
		pattern := c.name
		if pattern == "" {
			pattern = `""`
		}
		var fl []string
		for _, f := range flagsOf(c) {
			fl = append(fl, "--"+f.name)
		}
		fmt.Fprintf(w, "        %s) flags=%q ;;\n", pattern, strings.Join(fl, " "))
	}
	fmt.Fprintf(w, "    esac\n    case $prev in\n")
	seen := map[string]bool{}
	for _, c := range commands() {
		for _, f := range flagsOf(c) {
			if len(f.choices) > 0 && !seen[f.name] {
				seen[f.name] = true
				fmt.Fprintf(w, "        --%s) COMPREPLY=($(compgen -W %q -- \"$cur\")); return ;;\n", f.name, strings.Join(f.choices, " "))
			}
		}
	}
	fmt.Fprintf(w, `    esac
    if [[ $cmd == completion ]]; then
        COMPREPLY=($(compgen -W "bash zsh fish" -- "$cur")); return
    fi
    if [[ $cmd == help ]]; then
        COMPREPLY=($(compgen -W %q -- "$cur")); return
    fi
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$flags" -- "$cur")); return
    fi
    COMPREPLY=($(compgen -f -- "$cur"))
    if [[ -z $cmd ]]; then
        COMPREPLY+=($(compgen -W %q -- "$cur"))
    fi
}
complete -o filenames -F _dubao dubao
`, strings.Join(names, " "), strings.Join(names, " "))
}

func writeZsh(w io.Writer) {
	fmt.Fprintln(w, "#compdef dubao")
	fmt.Fprintln(w, "# zsh completion for dubao; made by dubao completion zsh")
	fmt.Fprintln(w, "_dubao() {")
	fmt.Fprintln(w, "    local -a subcommands")
	fmt.Fprintln(w, "    subcommands=(")
	for _, c := range subcommands() {
		fmt.Fprintf(w, "        '%s:%s'\n", c.name, firstLine(c.summary))
	}
	fmt.Fprintln(w, "    )")
	fmt.Fprintln(w, "    case $words[2] in")
	for _, c := range append(subcommands(), commands()[0]) { // the reader's * last
		pattern := c.name
		if pattern == "" {
			pattern = "*"
		}
		fmt.Fprintf(w, "        %s)\n", pattern)
		if c.name != "" {
			fmt.Fprintln(w, "            shift words; (( CURRENT-- ))")
		}
		fmt.Fprint(w, "            _arguments -s")
		for _, f := range flagsOf(c) {
			spec := fmt.Sprintf("--%s[%s]", f.name, firstLine(f.usage))
			switch {
			case f.boolean:
			case len(f.choices) > 0:
				spec += ":" + f.name + ":(" + strings.Join(f.choices, " ") + ")"
			default:
				spec += ":" + f.name + ":"
			}
			fmt.Fprintf(w, " \\\n                '%s'", spec)
		}
		switch c.name {
		case "":
			fmt.Fprint(w, " \\\n                '1: :{_describe command subcommands; _files}' \\\n                '*:page:_files'")
		case "completion":
			fmt.Fprint(w, " \\\n                '1:shell:(bash zsh fish)'")
		case "help":
			fmt.Fprint(w, " \\\n                '1: :{_describe command subcommands}'")
		default:
			fmt.Fprint(w, " \\\n                '*:page:_files'")
		}
		fmt.Fprintln(w, "\n            ;;")
	}
	fmt.Fprintln(w, "    esac")
	fmt.Fprintln(w, "}")
	fmt.Fprintln(w, `if [ "$funcstack[1]" = "_dubao" ]; then _dubao "$@"; else compdef _dubao dubao; fi`)
}

func writeFish(w io.Writer) {
	fmt.Fprintln(w, "# fish completion for dubao; made by dubao completion fish")
	var names []string
	for _, c := range subcommands() {
		names = append(names, c.name)
	}
	fmt.Fprintln(w, "complete -c dubao -F")
	for _, c := range subcommands() {
		fmt.Fprintf(w, "complete -c dubao -n __fish_use_subcommand -a %s -d '%s'\n", c.name, firstLine(c.summary))
	}
	for _, c := range commands() {
		cond := "__fish_use_subcommand"
		if c.name != "" {
			cond = "__fish_seen_subcommand_from " + c.name
		}
		for _, f := range flagsOf(c) {
			line := fmt.Sprintf("complete -c dubao -n '%s' -l %s -d '%s'", cond, f.name, firstLine(f.usage))
			switch {
			case f.boolean:
			case len(f.choices) > 0:
				line += " -x -a '" + strings.Join(f.choices, " ") + "'"
			default:
				line += " -r"
			}
			fmt.Fprintln(w, line)
		}
	}
	fmt.Fprintln(w, "complete -c dubao -n '__fish_seen_subcommand_from completion' -x -a 'bash zsh fish'")
	fmt.Fprintf(w, "complete -c dubao -n '__fish_seen_subcommand_from help' -x -a '%s'\n", strings.Join(names, " "))
}
