package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"

	"github.com/dubaoreader/dubao/model/clean"
	"github.com/dubaoreader/dubao/shelf"
	"github.com/dubaoreader/dubao/tui"
	"github.com/dubaoreader/dubao/tui/layout"
)

// Pages are untrusted input: the hostile pages of testdata/hostile, under
// file and folder names made of the same sequences, go through every path
// by which dubao prints — cat plain and styled, search plain and JSON,
// parse of a page and of an issue, the errors and warnings on standard
// error, and the reader's frames on the shelf, the list, a story and the
// search prompt — and nothing a terminal would take as a control comes
// out that dubao did not write itself.

// hostileNames are the sequences put into file and folder names: a name
// cannot hold NUL or /, but all else.
var hostileNames = []string{
	"\x1b]0;pwned\x07", "\x1b[2J", "\x1bP+q\x1b\\", "\x1b]8;;http:\\\\x\x1b\\链接\x1b]8;;\x1b\\",
	"\u009b31m", "\u202Etxt.exe", "\n伪造的一行\r", "\x9b\x7f\b",
}

// dubaoSGR is the only kind of escape sequence dubao writes in what the
// test reads: SGR, which sets colours and bold.
var dubaoSGR = regexp.MustCompile(`\x1b\[[0-9;:]*m`)

// foreignControl returns the first thing in out that a terminal would take
// as a control — a control character but line feed and tab (ESC among
// them, but for the SGR sequences dubao writes when sgr is set), a C1 or
// bidirectional control, a byte that is not UTF-8 — or "" when there is
// none.
func foreignControl(out string, sgr bool) string {
	if sgr {
		out = dubaoSGR.ReplaceAllString(out, "")
	}
	for i, r := range out {
		switch {
		case r == utf8.RuneError && !strings.HasPrefix(out[i:], "\uFFFD"):
			return fmt.Sprintf("byte %#x, not UTF-8, at %d in …%q…", out[i], i, around(out, i))
		case r == '\n' || r == '\t':
		case clean.NotText(r) || r < 0x20:
			return fmt.Sprintf("%U at %d in …%q…", r, i, around(out, i))
		}
	}
	return ""
}

func around(s string, i int) string {
	return strings.ToValidUTF8(s[max(i-30, 0):min(i+30, len(s))], "?")
}

// checkOut fails the test when out holds a foreign control.
func checkOut(t *testing.T, what, out string, sgr bool) {
	t.Helper()
	if f := foreignControl(out, sgr); f != "" {
		t.Errorf("%s: %s", what, f)
	}
}

// checkJSONLines checks that each line of out is JSON whose strings, once
// decoded, hold nothing that is not text either: JSON escapes \u001b, but
// what reads the JSON would get the ESC back.
func checkJSONLines(t *testing.T, what, out string) {
	t.Helper()
	checkOut(t, what, out, false)
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var v any
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			t.Errorf("%s: not JSON: %v", what, err)
			return
		}
		var walk func(any)
		walk = func(v any) {
			switch v := v.(type) {
			case string:
				checkOut(t, what+" (a JSON string)", v, false)
			case []any:
				for _, e := range v {
					walk(e)
				}
			case map[string]any:
				for k, e := range v {
					walk(k)
					walk(e)
				}
			}
		}
		walk(v)
	}
}

var hostilePages = []string{"page.utf8.txt", "page.gb18030.txt", "page.utf16.txt"}

// hostileShelf makes a shelf of three days, one for each encoding of the
// hostile page, each folder named with hostile sequences after its date,
// each page file with them in its name, and beside each page a FIFO and a
// link to /dev/zero with such names too. It returns the shelf and the days'
// folders.
func hostileShelf(t *testing.T) (string, []string) {
	t.Helper()
	dir := t.TempDir()
	var days []string
	for i, name := range hostilePages {
		h := hostileNames[i%len(hostileNames)]
		day := filepath.Join(dir, fmt.Sprintf("2024-03-%02d%s", 13+i, h))
		copyFile(t, filepath.Join("testdata", "hostile", name), filepath.Join(day, "01"+hostileNames[(i+3)%len(hostileNames)]+".txt"))
		if err := syscall.Mkfifo(filepath.Join(day, "02"+hostileNames[(i+4)%len(hostileNames)]+".txt"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink("/dev/zero", filepath.Join(day, "03"+hostileNames[(i+5)%len(hostileNames)]+".txt")); err != nil {
			t.Fatal(err)
		}
		days = append(days, day)
	}
	return dir, days
}

func TestHostileOutputOfTheCommands(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no FIFOs")
	}
	shelfDir, days := hostileShelf(t)
	run := func(what string, json bool, args ...string) (string, string) {
		t.Helper()
		out, errs, _ := dubao(t, "", args...)
		if json {
			checkJSONLines(t, what+": stdout", out)
		} else {
			checkOut(t, what+": stdout", out, false)
		}
		checkOut(t, what+": stderr", errs, false)
		return out, errs
	}
	for _, name := range append(hostilePages, "only-escapes.txt") {
		page := filepath.Join("testdata", "hostile", name)
		run("cat "+name, false, "cat", page)
		run("search "+name, false, "search", "市委", page)
		run("search --json "+name, true, "search", "--json", "市委", page)
		run("parse "+name, true, "parse", page)
	}
	for _, day := range days {
		out, errs := run("cat of a day", false, "cat", day)
		if !strings.Contains(out, "市委召开") || !strings.Contains(errs, "a FIFO") || !strings.Contains(errs, "a character device") {
			t.Errorf("cat of a day: the page not printed, or the FIFO and the device not said:\n%s\n%s", out, errs)
		}
		out, _ = run("search of a day", false, "search", "市委", day)
		if strings.Count(out, "\n") < 5 {
			t.Errorf("search of a day: %q, want the matches", out)
		}
		run("search --json of a day", true, "search", "--json", "市委", day)
		run("parse of a day", true, "parse", day)
	}
	// Errors that name what they were given.
	missing := filepath.Join(shelfDir, strings.Join(hostileNames, ""))
	run("cat of a missing file", false, "cat", missing)
	run("reader on a missing file", false, missing)
	run("a FIFO as PATH", false, "cat", filepath.Join(days[0], "02"+hostileNames[4]+".txt"))
	run("--shelf missing", false, "--shelf", missing)
	run("--date", false, "--shelf", shelfDir, "--date", "2024-03-13"+hostileNames[0])
	run("--date not on the shelf", false, "--shelf", shelfDir, "--date", "2020-01-01")
	run("a bad flag value", false, "cat", "--width", hostileNames[1])
	run("a bad --ambiguous", false, "--ambiguous", hostileNames[0])
	run("a query that is only controls", false, "search", hostileNames[1], days[0])
}

// TestHostileCatStyled: cat through glamour, as on a terminal, writes no
// control of the page's, and no link.
func TestHostileCatStyled(t *testing.T) {
	for _, name := range hostilePages {
		is, _, err := issue([]string{filepath.Join("testdata", "hostile", name)})
		if err != nil {
			t.Fatal(err)
		}
		for _, style := range []string{"dark", "light", ""} {
			var b strings.Builder
			if err := tui.Cat(&b, is, tui.CatOptions{Width: 60, Measure: layout.NewMeasure(layout.Narrow), Style: style}); err != nil {
				t.Fatal(err)
			}
			checkOut(t, fmt.Sprintf("cat %s styled %q", name, style), b.String(), style != "")
			if !strings.Contains(dubaoSGR.ReplaceAllString(b.String(), ""), "市委召开") {
				t.Errorf("cat %s styled %q: the headline is not there", name, style)
			}
		}
	}
}

// TestHostileReaderFrames drives the reader over the hostile shelf: every
// frame — the shelf, an issue's list with its warnings, a story, the
// search prompt with the page's sequences pasted and typed into it — holds
// no control but the SGR the reader writes.
func TestHostileReaderFrames(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no FIFOs")
	}
	shelfDir, days := hostileShelf(t)
	sh, err := shelf.Open(shelfDir)
	if err != nil {
		t.Fatal(err)
	}
	store := shelf.NewStore(t.TempDir())
	m := tui.New(nil, tui.Options{Width: 90, Height: 24, ThemeName: "paper", Library: library{sh: sh, cache: shelf.NewCache(t.TempDir(), shelf.TextParser())}, Memory: memory{st: store}})
	frames := 0
	check := func(what string) {
		t.Helper()
		frames++
		checkOut(t, what, m.View().Content, true)
	}
	check("the shelf")
	for i := range days {
		drive(m, "enter")
		check(fmt.Sprintf("day %d: the list, with its warnings", i))
		drive(m, "enter")
		check(fmt.Sprintf("day %d: a story", i))
		drive(m, "space", "j", "j")
		check(fmt.Sprintf("day %d: a story scrolled", i))
		drive(m, "/")
		for _, h := range hostileNames {
			m.Update(tea.PasteMsg{Content: h})
			m.Update(tea.KeyPressMsg{Text: h, Code: []rune(h)[0]})
		}
		check(fmt.Sprintf("day %d: the prompt with controls pasted and typed", i))
		drive(m, "esc", "/", "市", "委", "enter")
		check(fmt.Sprintf("day %d: a search", i))
		drive(m, "esc", "esc", "s")
		check(fmt.Sprintf("day %d: back on the shelf", i))
		drive(m, "j")
	}
	// An empty shelf with a hostile name says where it is.
	empty := filepath.Join(t.TempDir(), hostileNames[0]+hostileNames[5])
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	sh, err = shelf.Open(empty)
	if err != nil {
		t.Fatal(err)
	}
	m = tui.New(nil, tui.Options{Width: 90, Height: 24, ThemeName: "paper", Library: library{sh: sh, cache: shelf.NewCache(t.TempDir(), shelf.TextParser())}})
	check("an empty shelf")
	// A reader on pages given as PATHs, with their warnings.
	is, warnings, err := issue(days)
	if err != nil {
		t.Fatal(err)
	}
	m = tui.New(is, tui.Options{Width: 90, Height: 24, ThemeName: "ink", Warnings: warnings})
	check("the reader on PATHs, with warnings")
	drive(m, "enter", "space")
	check("a story of the reader on PATHs")
	t.Logf("%d frames", frames)
}
