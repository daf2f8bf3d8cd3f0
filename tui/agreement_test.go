package tui

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/dubaoreader/dubao/tui/layout"
)

// agreementChild tells a re-executed test binary which mode its
// environment set for x/ansi.
const agreementChild = "TUI_AGREEMENT_CHILD"

// TestRendererMeasuresFramesAsWeDo draws the reader in many states and
// checks that x/ansi — what lipgloss and bubbletea's renderer measure
// with, by either of its methods — finds every line of every frame exactly
// as wide as the window, escape sequences and all. x/ansi reads
// RUNEWIDTH_EASTASIAN once at start, so each ambiguous mode runs in a
// child process with the variable set, as AgreeWidth arranges for dubao.
func TestRendererMeasuresFramesAsWeDo(t *testing.T) {
	if os.Getenv(agreementChild) != "" {
		checkRendererAgrees(t)
		return
	}
	if testing.Short() {
		t.Skip("runs itself twice")
	}
	for _, ea := range []string{"0", "1"} {
		t.Run("RUNEWIDTH_EASTASIAN="+ea, func(t *testing.T) {
			cmd := exec.Command(os.Args[0], "-test.run=^TestRendererMeasuresFramesAsWeDo$", "-test.v", "-test.count=1")
			cmd.Env = append(os.Environ(), "RUNEWIDTH_EASTASIAN="+ea, agreementChild+"=1")
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("child: %v\n%s", err, out)
			}
			if !bytes.Contains(out, []byte("frames checked")) {
				t.Fatalf("child checked nothing:\n%s", out)
			}
		})
	}
}

func checkRendererAgrees(t *testing.T) {
	mm := layout.NewMeasure(layout.AmbiguousFromEnv(os.Getenv))
	frames := 0
	for _, theme := range []string{"ink", "paper", "contrast", "plain"} {
		for _, size := range [][2]int{{80, 24}, {140, 40}, {61, 20}, {20, 6}, {16, 5}} {
			for _, ks := range []string{"", "j j enter", "j j enter G", "?", "] ] enter space", "t i"} {
				m := New(goldIssue(t, corpusPages...), Options{Measure: mm, ThemeName: theme})
				send(m, tea.WindowSizeMsg{Width: size[0], Height: size[1]})
				send(m, keys(ks)...)
				for i, line := range strings.Split(m.View().Content, "\n") {
					wc, gr := ansi.WcWidth.StringWidth(line), ansi.GraphemeWidth.StringWidth(line)
					if wc != size[0] || gr != size[0] {
						t.Errorf("%s %dx%d after %q, line %d: x/ansi measures %d (wcwidth), %d (graphemes), want %d: %q",
							theme, size[0], size[1], ks, i, wc, gr, size[0], ansi.Strip(line))
					}
				}
				frames++
			}
		}
	}
	t.Logf("%d frames checked in %v mode", frames, mm.Ambiguous())
}
