package themes

import (
	"errors"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
)

func TestParseColor(t *testing.T) {
	tests := []struct {
		name, in string
		want     Color
		wantErr  string
	}{
		{"six hex digits", "#5b3a1e", "#5b3a1e", ""},
		{"upper-case hex is lowered", "#5B3A1E", "#5b3a1e", ""},
		{"three hex digits are doubled", "#f80", "#ff8800", ""},
		{"a palette index", "236", "236", ""},
		{"a basic palette index", "1", "1", ""},
		{"leading zeros are dropped", "007", "7", ""},
		{"a colour name is its palette index", "red", "1", ""},
		{"bright names, any spelling", "Bright-Blue", "12", ""},
		{"grey is bright black", "grey", "8", ""},
		{"bad hex digits", "#zzz", "", `unknown colour "#zzz": want #rgb or #rrggbb`},
		{"wrong number of hex digits", "#12345", "", `unknown colour "#12345"`},
		{"a bare #", "#", "", `unknown colour "#"`},
		{"an index past the palette", "256", "", "palette indexes go from 0 to 255"},
		{"a negative index", "-1", "", `unknown colour "-1"`},
		{"an unknown name", "puce", "", `unknown colour "puce"`},
		{"nothing", "", "", `unknown colour ""`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseColor(tt.in)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Errorf("ParseColor(%q) = %q, %v; want error containing %q", tt.in, got, err, tt.wantErr)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("ParseColor(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestParseGoodFiles(t *testing.T) {
	paper, _ := Builtin("paper")
	ink, _ := Builtin("ink")
	tests := []struct {
		name  string
		file  string
		data  string
		check func(Theme) string // "" when the theme is right
	}{
		{"the brief's example reads as written", "sepia.theme", `# dubao theme
name = sepia
base = paper          # inherit everything from a built-in
dark = false
title = bold #5b3a1e
match = reverse #7a5c00
body = #3b2f2a on #f4ecd8
`, func(th Theme) string {
			want := paper
			want.Name = "sepia"
			want.Title = Style{Fg: "#5b3a1e", Bold: true}
			want.Match = Style{Fg: "#7a5c00", Reverse: true}
			want.Body = Style{Fg: "#3b2f2a", Bg: "#f4ecd8"}
			return diff(th, want)
		}},
		{"the name comes from the file when not set", "Dusk.theme", "title = bold\n", func(th Theme) string {
			return expect(th.Name == "dusk", "name %q, want dusk", th.Name)
		}},
		{"the name may be a path's last element", "some/dir/dusk.theme", "", func(th Theme) string {
			return expect(th.Name == "dusk", "name %q, want dusk", th.Name)
		}},
		{"an empty file is its default base", "blank.theme", "", func(th Theme) string {
			want := paper
			want.Name = "blank"
			return diff(th, want)
		}},
		{"dark without base starts from ink", "night.theme", "dark = true\n", func(th Theme) string {
			want := ink
			want.Name = "night"
			return diff(th, want)
		}},
		{"dark may contradict the base", "odd.theme", "base = paper\ndark = yes\n", func(th Theme) string {
			return expect(th.Dark && th.Body == paper.Body, "dark %v body %q", th.Dark, th.Body)
		}},
		{"a line replaces the base's style entirely", "x.theme", "title = #5b3a1e\n", func(th Theme) string {
			return expect(th.Title == Style{Fg: "#5b3a1e"}, "title %q, want not bold", th.Title)
		}},
		{"none clears a style", "x.theme", "match = none\n", func(th Theme) string {
			return expect(th.Match.IsZero(), "match %q, want none", th.Match)
		}},
		{"a background alone", "x.theme", "match = on 236\n", func(th Theme) string {
			return expect(th.Match == Style{Bg: "236"}, "match %q", th.Match)
		}},
		{"attributes in any order, names, dim for faint", "x.theme", "dim = underline dim BOLD bright-black on black\n", func(th Theme) string {
			return expect(th.Dim == Style{Fg: "8", Bg: "0", Bold: true, Faint: true, Underline: true}, "dim %q", th.Dim)
		}},
		{"keys ignore case and take - for _", "x.theme", "Current-Match = reverse\n", func(th Theme) string {
			return expect(th.CurrentMatch == Style{Reverse: true}, "current_match %q", th.CurrentMatch)
		}},
		{"CRLF line ends and a byte order mark", "x.theme", "\uFEFFtitle = bold red\r\n\r\n", func(th Theme) string {
			return expect(th.Title == Style{Fg: "1", Bold: true}, "title %q", th.Title)
		}},
		{"a comment line may be indented", "x.theme", "   # note\ntitle = bold\n", func(th Theme) string {
			return expect(th.Title == Style{Bold: true}, "title %q", th.Title)
		}},
		{"a Chinese theme name", "宣纸.theme", "", func(th Theme) string {
			return expect(th.Name == "宣纸", "name %q", th.Name)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			th, err := Parse(tt.file, []byte(tt.data))
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if msg := tt.check(th); msg != "" {
				t.Error(msg)
			}
		})
	}
}

func TestParseBadFiles(t *testing.T) {
	tests := []struct {
		name, data string
		want       string // the whole error, file and line included
	}{
		{"unknown colour", "name = sepia\nbase = paper\ndark = false\ntitle = bold #zzz\n",
			`sepia.theme:4: title: unknown colour "#zzz": want #rgb or #rrggbb`},
		{"unknown key, with a suggestion", "titel = bold\n",
			`sepia.theme:1: unknown key "titel" (did you mean "title"?); valid keys are ` + strings.Join(Keys(), ", ")},
		{"unknown key, far from any", "colour = red\n",
			`sepia.theme:1: unknown key "colour"; valid keys are ` + strings.Join(Keys(), ", ")},
		{"line without =", "\ntitle bold\n", `sepia.theme:2: want key = value, got "title bold"`},
		{"nothing before =", "= bold\n", "sepia.theme:1: missing key before ="},
		{"missing value", "title =   # later\n", "sepia.theme:1: title: missing value; write none for no styling"},
		{"key set twice", "title = bold\n\ntitle = underline\n", "sepia.theme:3: title is already set on line 1"},
		{"unknown word", "title = blod\n", `sepia.theme:1: title: unknown word "blod": want bold, faint, italic, underline, reverse, a colour, or on and a colour`},
		{"two foregrounds", "title = red blue\n", `sepia.theme:1: title: two foreground colours "1" and "blue"; write on before a background colour`},
		{"foreground after background", "title = on red blue\n", `sepia.theme:1: title: foreground colour "blue" after the background; write it before on`},
		{"two backgrounds", "title = on red on blue\n", "sepia.theme:1: title: two background colours"},
		{"on without a colour", "title = bold on\n", "sepia.theme:1: title: on needs a background colour after it"},
		{"bad background colour", "title = on #12\n", `sepia.theme:1: title: unknown colour "#12": want #rgb or #rrggbb`},
		{"none with other words", "title = none bold\n", "sepia.theme:1: title: none stands alone: it means no styling at all"},
		{"palette index past 255", "match = on 300\n", `sepia.theme:1: match: unknown colour "300": palette indexes go from 0 to 255`},
		{"dark not a boolean", "dark = maybe\n", `sepia.theme:1: dark: want true or false, got "maybe"`},
		{"unknown base", "base = sepia\n", `sepia.theme:1: base: "sepia" is not a built-in theme (paper, ink, contrast, plain)`},
		{"base of two words", "base = paper ink\n", `sepia.theme:1: base: "paper ink" is not a built-in theme (paper, ink, contrast, plain)`},
		{"name of two words", "name = old paper\n", `sepia.theme:1: name: want one word, got "old paper"`},
		{"name with odd characters", "name = a.b\n", `sepia.theme:1: theme name "a.b": use only letters, digits, - and _`},
		{"name taken by a built-in", "name = Paper\n", `sepia.theme:1: theme name "paper" is taken by a built-in theme; choose another and write base = paper`},
		{"background of two colours", "background = red blue\n", `sepia.theme:1: background: want one colour or none, got "red blue"`},
		{"not UTF-8", "title = bold\nkicker = \xff\n", "sepia.theme:2: not UTF-8 text"},
		{"the earliest mistake is reported", "dark = maybe\ntitle = blod\nbase = nope\n", `sepia.theme:1: dark: want true or false, got "maybe"`},
		{"a style mistake comes before a later unknown key", "title = blod\nfoo = bar\n", `sepia.theme:1: title: unknown word "blod": want bold, faint, italic, underline, reverse, a colour, or on and a colour`},
		{"the earliest mistake, even after a style", "title = blod\ndark = maybe\n", `sepia.theme:1: title: unknown word "blod": want bold, faint, italic, underline, reverse, a colour, or on and a colour`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			th, err := Parse("sepia.theme", []byte(tt.data))
			if err == nil {
				t.Fatalf("Parse gave %s and no error, want %s", th.Name, tt.want)
			}
			if err.Error() != tt.want {
				t.Errorf("Parse error\n got %s\nwant %s", err, tt.want)
			}
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Errorf("error %T is not a *ParseError", err)
			}
			if th != (Theme{}) {
				t.Errorf("Parse returned a theme with its error")
			}
		})
	}
}

func TestParseErrorsWithoutALine(t *testing.T) {
	tests := []struct {
		name, file, data, want string
	}{
		{"a file named for a built-in needs a name", "paper.theme", "title = bold\n",
			`paper.theme: theme name "paper" is taken by a built-in theme; choose another and write base = paper; add a line name = …`},
		{"a file whose name is no name", ".theme", "", ".theme: the theme has no name; add a line name = …"},
		{"a file too large to be a theme", "big.theme", strings.Repeat("#", maxFileSize+1), "big.theme: too large for a theme file (65537 bytes; at most 65536)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(tt.file, []byte(tt.data))
			if err == nil || err.Error() != tt.want {
				t.Errorf("Parse error\n got %v\nwant %s", err, tt.want)
			}
		})
	}
}

func TestParseBackground(t *testing.T) {
	tests := []struct {
		name, data string
		check      func(Theme) string
	}{
		{"a background reaches every style without its own", "background = #101010\nmatch = on #303030\n", func(th Theme) string {
			return expect(th.Body.Bg == "#101010" && th.Title.Bg == "#101010" && th.Match.Bg == "#303030",
				"body %q title %q match %q", th.Body, th.Title, th.Match)
		}},
		{"a new background replaces contrast's everywhere", "base = contrast\nbackground = #101010\n", func(th Theme) string {
			c, _ := Builtin("contrast")
			return expect(th.Body.Bg == "#101010" && th.ListSelected == c.ListSelected,
				"body %q selected %q", th.Body, th.ListSelected)
		}},
		{"background none takes contrast's away", "base = contrast\nbackground = none\n", func(th Theme) string {
			return expect(th.Background == "" && th.Body.Bg == "" && th.Match.Bg != "",
				"background %q body %q match %q", th.Background, th.Body, th.Match)
		}},
		{"contrast's background stays when not mentioned", "base = contrast\nbody = #ffffff\n", func(th Theme) string {
			return expect(th.Body == Style{Fg: "#ffffff", Bg: "#000000"}, "body %q", th.Body)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			th, err := Parse("bg.theme", []byte(tt.data))
			if err != nil {
				t.Fatal(err)
			}
			if msg := tt.check(th); msg != "" {
				t.Error(msg)
			}
		})
	}
}

// TestBuiltinsRoundTrip writes each built-in with File and reads it back:
// the format can say everything a theme holds.
func TestBuiltinsRoundTrip(t *testing.T) {
	for _, name := range Names() {
		t.Run(name, func(t *testing.T) {
			want, _ := Builtin(name)
			want.Name = "my-" + name
			got, err := Parse("x.theme", want.File())
			if err != nil {
				t.Fatalf("Parse(File()): %v\n%s", err, want.File())
			}
			if msg := diff(got, want); msg != "" {
				t.Error(msg)
			}
		})
	}
}

// TestExampleThemeSetsEveryKey keeps example.theme honest: it parses, and
// it shows every key there is.
func TestExampleThemeSetsEveryKey(t *testing.T) {
	data, err := os.ReadFile("example.theme")
	if err != nil {
		t.Fatal(err)
	}
	th, err := Parse("example.theme", data)
	if err != nil {
		t.Fatal(err)
	}
	if th.Name != "sepia" {
		t.Errorf("example is called %q, want sepia", th.Name)
	}
	for _, k := range Keys() {
		if !regexp.MustCompile(`(?m)^` + k + ` +=`).Match(data) {
			t.Errorf("example.theme does not set %s", k)
		}
	}
}

// TestDocumentationNamesEveryKey keeps README.md and the package doc in step
// with Keys.
func TestDocumentationNamesEveryKey(t *testing.T) {
	for _, file := range []string{"README.md", "doc.go"} {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range Keys() {
			if !regexp.MustCompile(`\b` + k + `\b`).Match(data) {
				t.Errorf("%s does not mention %s", file, k)
			}
		}
	}
}

func FuzzParse(f *testing.F) {
	if data, err := os.ReadFile("example.theme"); err == nil {
		f.Add(string(data))
	}
	for _, name := range Names() {
		th, _ := Builtin(name)
		th.Name = "x"
		f.Add(string(th.File()))
	}
	for _, s := range []string{"", "title = bold #zzz", "a=b=c", "= on", "dark = true\nbackground = #fff", "match = on on on", "#", "name = 宣纸"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data string) {
		th, err := Parse("fuzz.theme", []byte(data))
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) || pe.File != "fuzz.theme" {
				t.Fatalf("error %v is not a *ParseError for the file", err)
			}
			return
		}
		// What parses must survive being written and read again.
		again, err := Parse("fuzz.theme", th.File())
		if err != nil {
			t.Fatalf("File of a parsed theme does not parse: %v\n%s", err, th.File())
		}
		if again != th {
			t.Fatalf("round trip changed the theme:\n%s", diff(again, th))
		}
	})
}

// expect returns "" when ok, else the message.
func expect(ok bool, format string, args ...any) string {
	if ok {
		return ""
	}
	return fmt.Sprintf(format, args...)
}

// diff names the fields where got and want differ, "" when none do.
func diff(got, want Theme) string {
	var b strings.Builder
	if got.Name != want.Name || got.Dark != want.Dark || got.Background != want.Background {
		b.WriteString(fmt.Sprintf("theme: got %s dark=%v background=%q, want %s dark=%v background=%q\n",
			got.Name, got.Dark, got.Background, want.Name, want.Dark, want.Background))
	}
	for _, r := range roles() {
		if g, w := *r.get(&got), *r.get(&want); g != w {
			b.WriteString(fmt.Sprintf("%s: got %q, want %q\n", r.key, g, w))
		}
	}
	return b.String()
}
