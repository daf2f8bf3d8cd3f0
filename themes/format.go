package themes

import (
	"bytes"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dubaoreader/dubao/model/clean"
)

// maxFileSize bounds a theme file; real ones are a few hundred bytes.
const maxFileSize = 64 << 10

// ParseError is a mistake in a theme file.
type ParseError struct {
	File string // the name given to Parse, such as "sepia.theme"
	Line int    // 1-based; 0 when the mistake is not on one line
	Msg  string // what is wrong, in plain words
}

// Error says the mistake on one line; the file's name and what the message
// quotes of it came from outside, and are shown as clean.Line shows them.
func (e *ParseError) Error() string {
	if e.Line == 0 {
		return clean.Line(e.File + ": " + e.Msg)
	}
	return clean.Line(e.File + ":" + strconv.Itoa(e.Line) + ": " + e.Msg)
}

// setting is one key = value line of a file.
type setting struct {
	line  int
	key   string
	value []string // the value's words, comment removed
}

// Parse reads a theme file (see "Theme files" in the package documentation).
// file is the file's name, used in errors and, less ".theme", as the theme's
// name when the file has no name key. Parse reports the mistake on the
// earliest line of the file as a *ParseError; it never panics.
func Parse(file string, data []byte) (Theme, error) {
	if len(data) > maxFileSize {
		return Theme{}, &ParseError{File: file, Msg: fmt.Sprintf("too large for a theme file (%d bytes; at most %d)", len(data), maxFileSize)}
	}
	settings, err := splitSettings(file, data)
	p := themeParser{file: file, set: make(map[string]setting, len(settings)), err: err}
	for _, s := range settings {
		p.set[s.key] = s
	}
	t := p.theme()
	if p.err != nil {
		return Theme{}, p.err
	}
	return t, nil
}

// themeParser builds a Theme from a file's settings, keeping the mistake on
// the earliest line.
type themeParser struct {
	file string
	set  map[string]setting
	err  *ParseError
}

// fail records a mistake on line unless one on an earlier line is known.
// Line 0 (the file as a whole) counts as after every line.
func (p *themeParser) fail(line int, format string, args ...any) {
	order := func(l int) int {
		if l == 0 {
			return math.MaxInt
		}
		return l
	}
	if p.err == nil || order(line) < order(p.err.Line) {
		p.err = &ParseError{File: p.file, Line: line, Msg: fmt.Sprintf(format, args...)}
	}
}

// theme applies the settings: the theme-wide keys first, since they decide
// what the styles start from, then each style, replacing the base's.
func (p *themeParser) theme() Theme {
	dark, darkSet := false, false
	if s, ok := p.set[keyDark]; ok {
		v, err := parseBool(s.value)
		if err != nil {
			p.fail(s.line, "dark: %v", err)
		}
		dark, darkSet = v, true
	}
	t := Default(dark)
	if s, ok := p.set[keyBase]; ok {
		if b, ok := Builtin(s.value[0]); ok && len(s.value) == 1 {
			t = b
		} else {
			p.fail(s.line, "base: %q is not a built-in theme (%s)", strings.Join(s.value, " "), strings.Join(Names(), ", "))
		}
	}
	if darkSet {
		t.Dark = dark
	}

	t.Name = strings.ToLower(strings.TrimSuffix(baseName(p.file), ".theme"))
	nameLine := 0
	if s, ok := p.set[keyName]; ok {
		if len(s.value) == 1 {
			t.Name, nameLine = strings.ToLower(s.value[0]), s.line
		} else {
			p.fail(s.line, "name: want one word, got %q", strings.Join(s.value, " "))
		}
	}
	if err := checkName(t.Name); err != nil {
		if nameLine == 0 {
			p.fail(0, "%v; add a line name = …", err)
		} else {
			p.fail(nameLine, "%v", err)
		}
	}

	if s, ok := p.set[keyBackground]; ok {
		c, err := parseLoneColour(s.value)
		if err != nil {
			p.fail(s.line, "background: %v", err)
		}
		t = t.clearBackground()
		t.Background = c
	}

	for _, r := range roles() {
		s, ok := p.set[r.key]
		if !ok {
			continue
		}
		st, err := parseStyle(s.value)
		if err != nil {
			p.fail(s.line, "%s: %v", r.key, err)
		}
		*r.get(&t) = st
	}
	return t.fillBackground()
}

// baseName returns the last element of a slash- or backslash-separated name.
func baseName(name string) string {
	return name[strings.LastIndexAny(name, `/\`)+1:]
}

// splitSettings cuts data into key = value settings, checking that each key
// is known and set once. At the first line that is not a good setting it
// stops, returning the settings before it and the mistake.
func splitSettings(file string, data []byte) ([]setting, *ParseError) {
	var settings []setting
	fail := func(line int, format string, args ...any) ([]setting, *ParseError) {
		return settings, &ParseError{File: file, Line: line, Msg: fmt.Sprintf(format, args...)}
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	valid := Keys()
	seen := map[string]int{}
	for n, raw := range strings.Split(string(data), "\n") {
		line := n + 1
		if !utf8.ValidString(raw) {
			return fail(line, "not UTF-8 text")
		}
		text := strings.TrimSpace(raw)
		if text == "" || text[0] == '#' {
			continue
		}
		key, value, ok := strings.Cut(text, "=")
		if !ok {
			return fail(line, "want key = value, got %q", text)
		}
		key = strings.ReplaceAll(strings.ToLower(strings.TrimSpace(key)), "-", "_")
		if key == "" {
			return fail(line, "missing key before =")
		}
		if !slices.Contains(valid, key) {
			hint := ""
			if near := nearest(key, valid); near != "" {
				hint = fmt.Sprintf(" (did you mean %q?)", near)
			}
			return fail(line, "unknown key %q%s; valid keys are %s", key, hint, strings.Join(valid, ", "))
		}
		if first, dup := seen[key]; dup {
			return fail(line, "%s is already set on line %d", key, first)
		}
		seen[key] = line
		words := strings.Fields(value)
		if i := slices.Index(words, "#"); i >= 0 {
			words = words[:i]
		}
		if len(words) == 0 {
			return fail(line, "%s: missing value; write none for no styling", key)
		}
		settings = append(settings, setting{line: line, key: key, value: words})
	}
	return settings, nil
}

// parseStyle reads a style's value: [attribute ...] [COLOUR] [on COLOUR], or
// none.
func parseStyle(words []string) (Style, error) {
	var s Style
	if len(words) == 1 && strings.EqualFold(words[0], "none") {
		return s, nil
	}
	for i := 0; i < len(words); i++ {
		w := strings.ToLower(words[i])
		switch w {
		case "none":
			return Style{}, fmt.Errorf("none stands alone: it means no styling at all")
		case "bold":
			s.Bold = true
		case "faint", "dim":
			s.Faint = true
		case "italic":
			s.Italic = true
		case "underline":
			s.Underline = true
		case "reverse":
			s.Reverse = true
		case "on":
			if i+1 == len(words) {
				return Style{}, fmt.Errorf("on needs a background colour after it")
			}
			if s.Bg != "" {
				return Style{}, fmt.Errorf("two background colours")
			}
			i++
			c, err := ParseColor(words[i])
			if err != nil {
				return Style{}, err
			}
			s.Bg = c
		default:
			c, err := ParseColor(words[i])
			if err != nil {
				if looksLikeColour(w) {
					return Style{}, err
				}
				return Style{}, fmt.Errorf("unknown word %q: want bold, faint, italic, underline, reverse, a colour, or on and a colour", words[i])
			}
			if s.Fg != "" {
				return Style{}, fmt.Errorf("two foreground colours %q and %q; write on before a background colour", s.Fg, words[i])
			}
			if s.Bg != "" {
				return Style{}, fmt.Errorf("foreground colour %q after the background; write it before on", words[i])
			}
			s.Fg = c
		}
	}
	return s, nil
}

// parseLoneColour reads a value that is one colour, or none.
func parseLoneColour(words []string) (Color, error) {
	if len(words) != 1 {
		return "", fmt.Errorf("want one colour or none, got %q", strings.Join(words, " "))
	}
	if strings.EqualFold(words[0], "none") {
		return "", nil
	}
	return ParseColor(words[0])
}

// parseBool reads true or false (also yes/no, on/off).
func parseBool(words []string) (bool, error) {
	if len(words) == 1 {
		switch strings.ToLower(words[0]) {
		case "true", "yes", "on":
			return true, nil
		case "false", "no", "off":
			return false, nil
		}
	}
	return false, fmt.Errorf("want true or false, got %q", strings.Join(words, " "))
}

// looksLikeColour reports whether a word that failed to parse was meant as a
// colour rather than an attribute, for a better message.
func looksLikeColour(w string) bool {
	if w == "" {
		return false
	}
	if w[0] == '#' || unicode.IsDigit(rune(w[0])) {
		return true
	}
	return strings.HasPrefix(w, "bright")
}

// checkName reports whether name can name a user theme.
func checkName(name string) error {
	if name == "" {
		return fmt.Errorf("the theme has no name")
	}
	for _, r := range name {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '_' {
			return fmt.Errorf("theme name %q: use only letters, digits, - and _", name)
		}
	}
	if _, ok := Builtin(name); ok {
		return fmt.Errorf("theme name %q is taken by a built-in theme; choose another and write base = %s", name, name)
	}
	return nil
}

// nearest returns the word of valid closest to key, if it is a likely typo.
func nearest(key string, valid []string) string {
	best, bestDist := "", 3 // more than two edits away is no suggestion
	for _, v := range valid {
		if d := editDistance(key, v); d < bestDist {
			best, bestDist = v, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// File returns t written in the theme file format, every key spelled out
// (no base), so that Parse gives t back. With the name changed it is a
// starting point for a theme of one's own.
func (t Theme) File() []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# dubao theme\n%s = %s\n%s = %t\n", keyName, t.Name, keyDark, t.Dark)
	if t.Background != "" {
		fmt.Fprintf(&b, "%s = %s\n", keyBackground, t.Background)
	}
	for _, r := range roles() {
		fmt.Fprintf(&b, "%s = %s\n", r.key, r.get(&t).String())
	}
	return b.Bytes()
}
