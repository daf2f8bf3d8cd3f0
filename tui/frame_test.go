package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/dubaoreader/dubao/tui/layout"
)

// ambiguous reports whether terminals disagree about how wide r is: East
// Asian Ambiguous, one cell or two.
func ambiguous(r rune) bool {
	return layout.NewMeasure(layout.Wide).RuneWidth(r) != layout.NewMeasure(layout.Narrow).RuneWidth(r)
}

// frameCells calls f with each rune of the screen that is not article
// text — outside the inner areas of the list and the body, or anywhere
// while the help or the shelf is up — and its cell.
func frameCells(m *Model, f func(r rune, x, y int)) {
	g := m.c.geo
	list, body := g.Inner(g.List), g.Inner(g.Body)
	article := m.screen == issueScreen || m.screen == searchScreen
	for y, line := range strings.Split(screen(m), "\n") {
		x := 0
		for _, r := range line {
			inText := article && y > 0 && y < g.Height-1 &&
				((!g.Single || m.focus == focusList) && list.Contains(x, y) ||
					(!g.Single || m.focus == focusBody) && body.Contains(x, y))
			if !inText {
				f(r, x, y)
			}
			x += m.c.m.RuneWidth(r)
		}
	}
}

// TestNoAmbiguousFrameWhenWide draws the reader in many states where the
// ambiguous characters are drawn wide: no character of the frame — the
// borders, the header, the status bar, the shelf, the help — is East Asian
// Ambiguous, as terminals draw those broken or disagree about them. The
// article's own text may hold them: it is laid out with the same Measure.
// Drawn narrow, the frame is still box drawing.
func TestNoAmbiguousFrameWhenWide(t *testing.T) {
	lib := threeDays(t)
	sizes := [][2]int{{80, 24}, {140, 40}, {61, 20}, {200, 50}}
	sequences := []string{"", "j j enter", "j j enter G", "?", "? j", "] ] enter space", "/ 人 民", "/ 人 民 enter f", "t t i", "x", "J J J J J", "m", "j j m"}
	for _, theme := range []string{"ink", "plain", "contrast"} {
		for _, size := range sizes {
			for _, ks := range sequences {
				for _, onShelf := range []bool{false, true} {
					name := fmt.Sprintf("%s-%dx%d-%q-shelf=%v", theme, size[0], size[1], ks, onShelf)
					var m *Model
					o := Options{Measure: layout.NewMeasure(layout.Wide), ThemeName: theme}
					if onShelf {
						o.Library = lib
						m = started(New(nil, o))
						send(m, tea.WindowSizeMsg{Width: size[0], Height: size[1]})
						if ks != "" {
							send(m, keys("j enter")...) // a day opened
						}
					} else {
						m = New(goldIssue(t, corpusPages...), o)
						send(m, tea.WindowSizeMsg{Width: size[0], Height: size[1]})
					}
					send(m, keys(ks)...)
					bad := 0
					frameCells(m, func(r rune, x, y int) {
						if ambiguous(r) && bad < 3 {
							bad++
							t.Errorf("%s: %q at row %d, cell %d is ambiguous:\n%s", name, r, y, x, screen(m))
						}
					})
				}
			}
		}
	}

	// Narrow: the panes are framed in box drawing as before.
	m := New(goldIssue(t, corpusPages...), Options{Measure: layout.NewMeasure(layout.Narrow), ThemeName: "ink"})
	send(m, tea.WindowSizeMsg{Width: 80, Height: 24})
	if rows := strings.Split(screen(m), "\n"); !strings.HasPrefix(rows[1], "┏") && !strings.HasPrefix(rows[1], "┌") || !strings.HasPrefix(rows[2], "│") && !strings.HasPrefix(rows[2], "┃") {
		t.Errorf("drawn narrow, the frame is not box drawing:\n%s", screen(m))
	}
}
