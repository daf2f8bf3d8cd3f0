package tui

import (
	"reflect"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/dubaoreader/dubao/tui/layout"
)

// bindings returns every key.Binding field of KeyMap, by field name.
func bindings(k KeyMap) map[string]key.Binding {
	out := map[string]key.Binding{}
	v := reflect.ValueOf(k)
	for i := range v.NumField() {
		if b, ok := v.Field(i).Interface().(key.Binding); ok {
			out[v.Type().Field(i).Name] = b
		}
	}
	return out
}

func TestHelpGroupsHoldEveryBindingOnce(t *testing.T) {
	k := DefaultKeyMap()
	seen := map[string]int{}
	for _, g := range k.HelpGroups() {
		for _, b := range g {
			seen[b.Help().Key+" "+b.Help().Desc]++
		}
	}
	for name, b := range bindings(k) {
		if n := seen[b.Help().Key+" "+b.Help().Desc]; n != 1 {
			t.Errorf("%s (%s) is in the help %d times, want once", name, b.Help().Key, n)
		}
	}
	if len(k.HelpGroups()) != len(groupNames) {
		t.Errorf("%d help groups, %d group names", len(k.HelpGroups()), len(groupNames))
	}
}

func TestNoKeyIsBoundTwice(t *testing.T) {
	owner := map[string]string{}
	for name, b := range bindings(DefaultKeyMap()) {
		if len(b.Keys()) == 0 || b.Help().Key == "" || b.Help().Desc == "" {
			t.Errorf("%s has no keys or no help", name)
		}
		for _, k := range b.Keys() {
			if other, ok := owner[k]; ok {
				t.Errorf("%q is bound to both %s and %s", k, other, name)
			}
			owner[k] = name
		}
	}
}

// TestHelpOverlayShowsEveryBinding opens the help at sizes from roomy to
// cramped and scrolls through it: every binding's key and description must
// be seen.
func TestHelpOverlayShowsEveryBinding(t *testing.T) {
	for _, size := range [][2]int{{140, 40}, {80, 24}, {60, 20}, {30, 12}} {
		for _, amb := range []layout.Ambiguous{layout.Narrow, layout.Wide} {
			m := New(goldIssue(t, samplePages...), Options{Measure: layout.NewMeasure(amb), Width: size[0], Height: size[1]})
			send(m, keyPress("?"))
			var seen strings.Builder
			for range 40 {
				seen.WriteString(screen(m))
				send(m, keyPress("j"))
			}
			for name, b := range bindings(m.c.keys) {
				for _, s := range []string{m.c.keyLabel(b.Help().Key), b.Help().Desc} { // without arrows when wide
					if !strings.Contains(seen.String(), s) {
						t.Errorf("%dx%d %v: help never shows %q (%s)", size[0], size[1], amb, s, name)
					}
				}
			}
		}
	}
}

// TestEveryBindingDoesSomething presses each key of each binding in a
// state where it has something to do and checks the screen changes.
func TestEveryBindingDoesSomething(t *testing.T) {
	type state struct {
		setup string // keys to press first
	}
	// Where each binding acts: in the list, in a long article halfway
	// down, or anywhere.
	where := map[string]string{
		"Up": "j j", "Down": "", "Open": "", "Back": "enter", "Switch": "",
		"PageDown": "enter", "PageUp": "enter G", "HalfDown": "enter", "HalfUp": "enter G",
		"Top": "enter G", "Bottom": "enter", "PrevPage": "] ]", "NextPage": "",
		"NextArticle": "", "PrevArticle": "j j", "Theme": "", "Indent": "enter", "Help": "",
		"Shelf": "", "Map": "", "Search": "", "NextMatch": "/ 的 enter", "PrevMatch": "/ 的 enter", "Narrow": "/ 的 enter",
		"NextUnread": "", "ToggleRead": "enter", "AllRead": "", "Copy": "",
	}
	for name, b := range bindings(DefaultKeyMap()) {
		if name == "Quit" || name == "Suspend" {
			continue // they leave the screen as it is: TestQuit, TestSuspend
		}
		setup, ok := where[name]
		if !ok {
			t.Errorf("no state to try %s in", name)
			continue
		}
		for _, k := range b.Keys() {
			m := New(goldIssue(t, "d01", "d03", "d05"), Options{Width: 100, Height: 30, ThemeName: "ink"})
			send(m, keys(setup)...)
			before := m.View().Content
			send(m, keyPress(k))
			if m.View().Content == before {
				t.Errorf("%s: pressing %q after %q changed nothing", name, k, setup)
			}
		}
	}
}

func TestQuit(t *testing.T) {
	for _, k := range DefaultKeyMap().Quit.Keys() {
		m := New(goldIssue(t, samplePages...), Options{Width: 100, Height: 30})
		_, cmd := m.Update(keyPress(k))
		if cmd == nil {
			t.Fatalf("%q: no command", k)
		}
		if _, ok := cmd().(tea.QuitMsg); !ok {
			t.Errorf("%q does not quit", k)
		}
	}
}

func TestSuspend(t *testing.T) {
	m := New(goldIssue(t, samplePages...), Options{Width: 100, Height: 30})
	_, cmd := m.Update(keyPress("ctrl+z"))
	if cmd == nil {
		t.Fatal("ctrl+z: no command")
	}
	if _, ok := cmd().(tea.SuspendMsg); !ok {
		t.Errorf("ctrl+z does not suspend")
	}
}
