package themes

import (
	"fmt"
	"path/filepath"
	"strings"
)

// Options is what Resolve needs to choose the theme at start. The caller
// reads flags, environment and terminal; Resolve only decides.
type Options struct {
	Name           string  // the --theme flag; "" when not given
	NoColor        string  // the value of $NO_COLOR; any non-empty value means no colour
	DarkBackground bool    // whether the terminal's background is dark
	User           []Theme // user themes, as from LoadDir
}

// Resolve chooses the theme to start with:
//
//  1. an explicit Name wins, whatever NO_COLOR says: no-color.org asks that
//     a per-run command-line choice override NO_COLOR;
//  2. otherwise a non-empty NoColor gives plain;
//  3. otherwise ink on a dark background, paper on a light one.
//
// When Name is given but names no theme, Resolve returns an error and, with
// it, the theme steps 2 and 3 choose, so the caller may warn and go on.
func Resolve(o Options) (Theme, error) {
	if o.Name != "" {
		if t, ok := Lookup(o.Name, o.User); ok {
			return t, nil
		}
		fallback, _ := Resolve(Options{NoColor: o.NoColor, DarkBackground: o.DarkBackground})
		return fallback, fmt.Errorf("no theme called %q; there are %s", o.Name, strings.Join(Available(o.User), ", "))
	}
	if o.NoColor != "" {
		return plain(), nil
	}
	return Default(o.DarkBackground), nil
}

// Available returns the names of the built-in themes, then of the user
// themes: the list for Cycle to step through.
func Available(user []Theme) []string {
	n := Names()
	for _, t := range user {
		n = append(n, t.Name)
	}
	return n
}

// Dir returns the directory user themes live in, given the values of
// $XDG_CONFIG_HOME and $HOME: $XDG_CONFIG_HOME/dubao/themes, or
// ~/.config/dubao/themes when XDG_CONFIG_HOME is unset or, as the XDG spec
// says to treat it then, not an absolute path. It returns "" when neither
// gives a directory.
func Dir(xdgConfigHome, home string) string {
	if filepath.IsAbs(xdgConfigHome) {
		return filepath.Join(xdgConfigHome, "dubao", "themes")
	}
	if home != "" {
		return filepath.Join(home, ".config", "dubao", "themes")
	}
	return ""
}
