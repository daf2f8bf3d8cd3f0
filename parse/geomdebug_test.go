package parse

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestGeomTree prints how the sheet $DUBAO_SHEET is cut into blocks: a
// look behind the reading order. Skipped unless it is set.
func TestGeomTree(t *testing.T) {
	name := os.Getenv("DUBAO_SHEET")
	if name == "" {
		t.Skip("set DUBAO_SHEET to a sheet's JSON")
	}
	g := newGeomPage(readSheet(t, name))
	g.takeFurniture()
	root := g.cut(g.items(), 0)
	fmt.Println("body", g.body, "pitch", g.pitch)
	var show func(n *node, d int)
	show = func(n *node, d int) {
		if len(n.parts) == 0 {
			var b strings.Builder
			for _, it := range n.items {
				if it.char >= 0 && b.Len() < 60 {
					b.WriteRune(g.chars[it.char].R)
				}
			}
			fmt.Printf("%s[%.0f %.0f %.0f %.0f] %d %s\n", strings.Repeat("  ", d), n.box.X0, n.box.Y0, n.box.X1, n.box.Y1, len(n.items), b.String())
			return
		}
		fmt.Printf("%s[%.0f %.0f %.0f %.0f] parts %d\n", strings.Repeat("  ", d), n.box.X0, n.box.Y0, n.box.X1, n.box.Y1, len(n.parts))
		for _, p := range n.parts {
			show(p, d+1)
		}
	}
	show(root, 0)
}

// TestGeomStories prints the headline groups of the sheet $DUBAO_SHEET and
// the stories made of its blocks. Skipped unless it is set.
func TestGeomStories(t *testing.T) {
	name := os.Getenv("DUBAO_SHEET")
	if name == "" {
		t.Skip("set DUBAO_SHEET to a sheet's JSON")
	}
	g := newGeomPage(readSheet(t, name))
	g.takeFurniture()
	root := g.cut(g.items(), 0)
	sq := g.sequence(root.leaves(nil))
	g.markHeads(sq)
	for _, l := range sq.lines {
		if l.group >= 0 {
			fmt.Printf("group %d role %d size %.1f [%.0f %.0f %.0f %.0f] %s\n", l.group, l.head, l.size, l.box.X0, l.box.Y0, l.box.X1, l.box.Y1, l.text)
		}
	}
	for _, st := range g.stories(root, sq) {
		l := sq.lines[st.lines[0]]
		fmt.Printf("story group %d lines %d first %s\n", st.group, len(st.lines), l.text)
	}
}
