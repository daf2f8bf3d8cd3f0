package main

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/dubaoreader/dubao/internal/safefile"
	"github.com/dubaoreader/dubao/tui"
)

// config is what $XDG_CONFIG_HOME/dubao/config.toml may set: the reader's
// settings, each the default of its flag, which wins over it.
//
//	theme = "paper"        # as --theme
//	measure = 36           # as --measure
//	indent = false         # false as --no-indent
//	ambiguous = "wide"     # as --ambiguous
//	list_width = 40        # the headline list's width in cells; 0 or unset lets the window decide
//	script = "traditional" # as --script
type config struct {
	Theme     string `toml:"theme"`
	Measure   int    `toml:"measure"`
	Indent    *bool  `toml:"indent"`
	Ambiguous string `toml:"ambiguous"`
	ListWidth int    `toml:"list_width"`
	Script    string `toml:"script"`
}

// configMax is the most of the file read: settings are a few lines.
const configMax = 64 << 10

// configPath is where the config file is: $XDG_CONFIG_HOME/dubao/config.toml,
// or ~/.config/dubao/config.toml when XDG_CONFIG_HOME is unset or not an
// absolute path; "" when neither gives one.
func configPath(getenv func(string) string) string {
	if x := getenv("XDG_CONFIG_HOME"); filepath.IsAbs(x) {
		return filepath.Join(x, "dubao", "config.toml")
	}
	if home, err := os.UserHomeDir(); err == nil && home != "" {
		return filepath.Join(home, ".config", "dubao", "config.toml")
	}
	return ""
}

// loadConfig reads the config file at path. No file is no settings. A file
// that cannot be read or parsed, and each setting it gets wrong, is a
// warning of one line; what is right in it still applies.
func loadConfig(path string) (config, []error) {
	var c config
	if path == "" {
		return c, nil
	}
	b, err := safefile.Read(path, configMax) // a FIFO is refused, not waited on
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return c, nil
	case errors.Is(err, safefile.ErrTooLarge):
		return c, []error{tui.Say("设置文件 %s 超过 %d KB，未读", path, configMax>>10)}
	case err != nil:
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err // the file is named: its path would crowd out why
		}
		return c, []error{tui.Say("设置文件 %s 读不了：%v", filepath.Base(path), err)}
	}
	md, err := toml.Decode(string(b), &c)
	if err != nil {
		return config{}, []error{tui.Say("设置文件有误，未用：%s", oneLineErr(err))}
	}
	var warnings []error
	for _, k := range md.Undecoded() {
		warnings = append(warnings, tui.Say("设置文件里没有这一项：%s", k.String()))
	}
	if c.Measure != 0 && (c.Measure < 4 || c.Measure > 500) {
		warnings = append(warnings, tui.Say("设置 measure = %d 不在 4 到 500 之间，未用", c.Measure))
		c.Measure = 0
	}
	if c.Ambiguous != "" {
		if _, _, err := parseAmbiguous(c.Ambiguous); err != nil {
			warnings = append(warnings, tui.Say("设置 ambiguous = %q 应为 narrow、wide 或 auto，未用", c.Ambiguous))
			c.Ambiguous = ""
		}
	}
	if _, ok := tui.ParseWords(c.Script); !ok {
		warnings = append(warnings, tui.Say("设置 script = %q 应为 auto、simplified 或 traditional，未用", c.Script))
		c.Script = ""
	}
	if c.ListWidth < 0 || c.ListWidth > 1000 {
		warnings = append(warnings, tui.Say("设置 list_width = %d 不合理，未用", c.ListWidth))
		c.ListWidth = 0
	}
	return c, warnings
}

// oneLineErr is err's message on one line, without control characters.
func oneLineErr(err error) string {
	return strings.Join(strings.FieldsFunc(err.Error(), func(r rune) bool { return r < ' ' || r == 0x7f }), " ")
}
