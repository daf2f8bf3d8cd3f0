package tui

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The real X terminal check: dubao in xterm under Xvfb, with the East
// Asian Ambiguous characters drawn narrow and wide (-cjk_width), a
// screenshot of each, and the frame read back from the pixels. Debian's
// xvfb, xterm, xdotool, imagemagick and fonts-noto-cjk give what it needs;
// without them it skips, unless DUBAO_E2E=1 asks for it.

// xtermTools are the programs the check runs.
var xtermTools = []string{"Xvfb", "xterm", "xdotool", "import"}

// skipWithoutX skips the test when a program of xtermTools or the CJK
// font is missing (failing instead under DUBAO_E2E=1), and in -short runs.
func skipWithoutX(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("drives the real binary in xterm")
	}
	missing := []string{}
	for _, p := range xtermTools {
		if _, err := exec.LookPath(p); err != nil {
			missing = append(missing, p)
		}
	}
	if out, err := exec.Command("fc-list", ":family=Noto Sans Mono CJK SC", "family").Output(); err != nil || len(bytes.TrimSpace(out)) == 0 {
		missing = append(missing, "fonts-noto-cjk")
	}
	if len(missing) > 0 {
		if os.Getenv("DUBAO_E2E") == "1" {
			t.Fatalf("DUBAO_E2E=1 but %v are missing (apt-get install xvfb xterm xdotool imagemagick fonts-noto-cjk)", missing)
		}
		t.Skipf("no %v", missing)
	}
}

// startXvfb starts a virtual X server of its own and returns its display.
func startXvfb(t *testing.T) string {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("Xvfb", "-displayfd", "3", "-screen", "0", "1000x700x24", "-nolisten", "tcp")
	cmd.ExtraFiles = []*os.File{w}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	w.Close()
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	line := make(chan string, 1)
	go func() {
		s, _ := bufio.NewReader(r).ReadString('\n')
		line <- strings.TrimSpace(s)
	}()
	select {
	case n := <-line:
		if n == "" {
			t.Fatal("Xvfb gave no display")
		}
		return ":" + n
	case <-time.After(e2eWait):
		t.Fatal("Xvfb did not start")
	}
	return ""
}

// xtermShot runs dubao on page in an xterm of cols×rows (with -cjk_width
// when wide) on display, waits until the screen is drawn and still, and
// returns the screenshot of the window and the size of a cell in pixels.
func xtermShot(t *testing.T, display, bin, page string, cols, rows int, wide bool) (image.Image, int, int) {
	return xtermRun(t, display, cols, rows, wide, "reader", bin, "--ambiguous", "auto", "--theme", "paper", page)
}

// xtermRun runs the command in an xterm as xtermShot does, and returns
// the screenshot when the screen is still; name names the screenshot.
func xtermRun(t *testing.T, display string, cols, rows int, wide bool, name string, command ...string) (image.Image, int, int) {
	t.Helper()
	args := []string{"-b", "0", "+sb", "-bg", "white", "-fg", "black",
		"-fa", "DejaVu Sans Mono", "-fd", "Noto Sans Mono CJK SC", "-fs", "10",
		"-geometry", fmt.Sprintf("%dx%d+0+0", cols, rows)}
	if wide {
		args = append(args, "-cjk_width")
	}
	args = append(args, "-e")
	args = append(args, command...)
	env := append(os.Environ(), "DISPLAY="+display, "XDG_STATE_HOME="+t.TempDir(), "XDG_CONFIG_HOME="+t.TempDir(),
		"RUNEWIDTH_EASTASIAN=", "DUBAO_AMBIGUOUS_SETTLED=", "NO_COLOR=")
	// An xterm that ends before its window shows (a CI run once waited
	// out the whole wait for a window that never came) is started again,
	// once, and what it said is kept for the failure.
	var win string
	for try := 1; win == ""; try++ {
		xt := exec.Command("xterm", args...)
		xt.Env = env
		var said bytes.Buffer
		xt.Stdout, xt.Stderr = &said, &said
		if err := xt.Start(); err != nil {
			t.Fatal(err)
		}
		ended := make(chan struct{})
		var exit error
		go func() { exit = xt.Wait(); close(ended) }()
		defer func() { xt.Process.Kill(); <-ended }()
		w, err := xtermWindow(display, ended)
		switch {
		case w != "":
			win = w
		case !errors.Is(err, errXtermEnded):
			t.Fatalf("no xterm window: %v", err)
		case try < 2:
			t.Logf("xterm ended before its window showed (%v: %q), starting it again", exit, firstLine(said.String()))
		default:
			t.Fatalf("no xterm window: xterm ended twice before it showed one (%v: %q)", exit, firstLine(said.String()))
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), e2eWait)
	defer cancel()
	var last []byte
	for start := time.Now(); time.Since(start) < e2eWait; time.Sleep(300 * time.Millisecond) {
		cmd := exec.CommandContext(ctx, "import", "-window", win, "png:-")
		cmd.Env = append(os.Environ(), "DISPLAY="+display)
		b, err := cmd.Output()
		if err != nil {
			continue
		}
		img, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			continue
		}
		cw, ch := img.Bounds().Dx()/cols, img.Bounds().Dy()/rows
		if bytes.Equal(b, last) && inked(img, 0, 0, img.Bounds().Dx(), ch) {
			name := "xterm-" + name + "-narrow.png"
			if wide {
				name = "xterm-" + strings.TrimSuffix(name, "-narrow.png") + "-wide.png"
			}
			if dir := os.Getenv("DUBAO_SHOTS"); dir != "" {
				os.WriteFile(filepath.Join(dir, name), b, 0o644)
			}
			shot := filepath.Join(t.TempDir(), name)
			os.WriteFile(shot, b, 0o644)
			t.Logf("screenshot: %s (set DUBAO_SHOTS=DIR to keep it)", shot)
			return img, cw, ch
		}
		last = b
	}
	t.Fatalf("the screen never settled")
	return nil, 0, 0
}

// errXtermEnded says the xterm ended before its window showed.
var errXtermEnded = errors.New("xterm ended")

// xtermWindow waits for the display's only xterm window and returns its
// id; it gives up when the xterm ends (ended is closed) or the wait is
// over.
// xdotool's search finds nothing until the window is made, and can fail
// at once on an X error while it is being made (a CI run met it once), so
// it is asked again every 200 ms.
func xtermWindow(display string, ended <-chan struct{}) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), e2eWait)
	defer cancel()
	for {
		// Asked without --sync, which would wait out an xterm that ended.
		find := exec.CommandContext(ctx, "xdotool", "search", "--class", "xterm")
		find.Env = append(os.Environ(), "DISPLAY="+display)
		out, err := find.Output()
		if f := strings.Fields(string(out)); err == nil && len(f) > 0 {
			return f[0], nil
		}
		select {
		case <-ended:
			return "", errXtermEnded
		case <-ctx.Done():
			return "", fmt.Errorf("none in %v, xterm still running: %v", e2eWait, err)
		case <-time.After(200 * time.Millisecond):
		}
	}
}

// dark reports whether the pixel at (x, y) is ink rather than the white
// paper behind: anything darker than light grey.
func dark(img image.Image, x, y int) bool {
	r, g, b, _ := img.At(x, y).RGBA()
	return (r+g+b)/3 < 0xc000
}

// inked reports whether the rectangle holds any ink.
func inked(img image.Image, x0, y0, w, h int) bool {
	for y := y0; y < y0+h; y++ {
		for x := x0; x < x0+w; x++ {
			if dark(img, x, y) {
				return true
			}
		}
	}
	return false
}

// TestXtermFrame draws the reader in xterm, narrow and wide, and reads the
// frame back from the screenshot: the right border of the body is one
// straight line (ink at the same pixel column in every row between the
// top and bottom edges, in both modes at the same column), and the status
// bar, drawn reversed, is one unbroken band — no column of white paper
// inside it, as the gaps a wide terminal leaves after a narrow · were.
func TestXtermFrame(t *testing.T) {
	skipWithoutX(t)
	display := startXvfb(t)
	bin := buildDubao(t)
	page, err := filepath.Abs(filepath.Join("testdata", "d01.txt"))
	if err != nil {
		t.Fatal(err)
	}
	const cols, rows = 100, 30
	border := map[bool]int{}
	for _, wide := range []bool{false, true} {
		img, cw, ch := xtermShot(t, display, bin, page, cols, rows, wide)
		mode := map[bool]string{false: "narrow", true: "wide"}[wide]

		// The right border: in the last cell of each pane row, the
		// leftmost inked pixel column.
		x0 := (cols - 1) * cw
		at := -1
		for row := 2; row < rows-2; row++ {
			col := -1
			for x := x0; x < x0+cw && col < 0; x++ {
				for y := row * ch; y < (row+1)*ch; y++ {
					if dark(img, x, y) {
						col = x
						break
					}
				}
			}
			switch {
			case col < 0:
				t.Errorf("%s: row %d has no right border", mode, row)
			case at < 0:
				at = col
			case col != at:
				t.Errorf("%s: the right border is at pixel %d in row %d, %d above: not one straight line", mode, col, row, at)
			}
		}
		border[wide] = at

		// The status bar: every pixel column of its band holds some of
		// the reversed background.
		y0 := (rows - 1) * ch
		for x := 0; x < cols*cw; x++ {
			if !inked(img, x, y0, 1, ch) {
				t.Errorf("%s: the status bar is broken at pixel %d (cell %d)", mode, x, x/cw)
				break
			}
		}
	}
	if border[false] >= 0 && border[true] >= 0 && abs(border[false]-border[true]) > 1 {
		t.Errorf("the right border is at pixel %d narrow, %d wide", border[false], border[true])
	}
}

// firstLine is s up to its first line break.
func firstLine(s string) string {
	first, _, _ := strings.Cut(s, "\n")
	return strings.TrimSpace(first)
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// TestXtermCatWide prints a page with dubao cat --width 60 in xterm with
// the ambiguous characters drawn wide, to the terminal and piped (told to
// ask, --ambiguous auto): dubao measures “ ” as the terminal draws them,
// and no line runs past the 60th column (as lines holding “ ” did,
// measured narrow).
func TestXtermCatWide(t *testing.T) {
	skipWithoutX(t)
	display := startXvfb(t)
	bin := buildDubao(t)
	page, err := filepath.Abs(filepath.Join("testdata", "d01.txt"))
	if err != nil {
		t.Fatal(err)
	}
	const cols, rows, width = 100, 60, 60
	for name, script := range map[string]string{
		"cat-piped": bin + " cat --ambiguous auto --width 60 " + page + " | head -n 58; sleep 60",
		"cat":       bin + " cat --width 60 " + page + "; sleep 60", // to the terminal: asked by default
	} {
		img, cw, ch := xtermRun(t, display, cols, rows, true, name, "sh", "-c", script)
		for row := range rows {
			if inked(img, width*cw, row*ch, (cols-width)*cw, ch) {
				t.Errorf("%s: row %d runs past column %d", name, row, width)
			}
		}
	}
}
