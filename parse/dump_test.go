package parse

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDump prints how the parser sees a page, line by line: go test ./parse
// -run TestDump -v -args PAGE.txt (or DUBAO_DUMP=PAGE.txt). It is a tool for
// reading the parser's decisions, skipped in ordinary runs.
func TestDump(t *testing.T) {
	path := os.Getenv("DUBAO_DUMP")
	if path == "" {
		t.Skip("set DUBAO_DUMP to a page file")
	}
	text := decodedFile(t, path)
	text = Normalize(splitPages(text)[0])
	fmt.Print(dumpPage(text))
}

// TestDumpPages dumps a training page of each extractor: dumpPage once
// panicked on pdfminer pages whose stories the box stage cut (it gave the
// assembler the box stage's paragraphs with the hand-made reading's items).
func TestDumpPages(t *testing.T) {
	for _, set := range []string{"gen", "gen-miner"} {
		needCorpus(t, set)
		text := decodedFile(t, filepath.Join(corpusRoot, set, "g001.txt"))
		if out := dumpPage(Normalize(splitPages(text)[0])); out == "" {
			t.Errorf("%s g001: empty dump", set)
		}
	}
}

// decodedFile returns the text of the page file at path, decoded; the
// test fails where it cannot be read or decoded.
func decodedFile(tb testing.TB, path string) string {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	text, _, err := Decode(b)
	if err != nil {
		tb.Fatal(err)
	}
	return text
}

func dumpPage(text string) string {
	w := analyse(text)
	ps, blocks, paras, groups, items, stories := w.ps, w.blocks, w.paras, w.groups, w.items, w.stories
	starts := map[int]bool{}
	for _, p := range paras {
		starts[p.first] = true
	}
	inBlock := map[int]int{}
	for bi, b := range blocks {
		for k := b.first; k <= b.last; k++ {
			inBlock[k] = bi + 1
		}
	}
	var sb strings.Builder
	names := map[role]string{roleBody: "body", roleHead: "HEAD", roleByline: "BYLN", roleBlank: "", roleFurniture: "furn"}
	for i, p := range ps {
		mark := " "
		if starts[i] {
			mark = "¶"
		}
		blk := ""
		if inBlock[i] > 0 {
			blk = fmt.Sprintf("B%d", inBlock[i])
		}
		sp := ""
		if p.spaced {
			sp = "s"
		}
		fmt.Fprintf(&sb, "%4d %s %-4s %-3s %5.1f %5.1f|%5.1f|%5.1f %1s %s\n", p.src+1, mark, names[p.role], blk, p.em, p.width.before, p.width.here, p.width.after, sp, p.text)
	}
	if w.raw {
		// The learned plan's pages: the line scores stand for the rest.
		for i := range ps {
			if i < len(w.odds) && i < len(w.starts) {
				fmt.Fprintf(&sb, "%4d odds=%6.2f start=%6.2f %s\n", ps[i].src+1, w.odds[i], w.starts[i], clip(ps[i].text, 20, false))
			}
		}
		return sb.String()
	}
	if w.units != nil {
		// The box stage cut the page: its items still hold the hand-made
		// reading's paragraph numbers, so the assembler's costs are shown
		// for that reading, the one the hand-made assembly was given.
		fmt.Fprintf(&sb, "\nbox stage: %d units, %d stories; the hand-made assembly's reading:\n", len(w.units), len(w.plan))
		paras, groups, items, stories = w.hand.paras, w.hand.groups, w.hand.items, w.hand.stories
	}
	a := newAssembler(items, paras, groups, nil)
	_, ca := a.run(false)
	_, cb := a.run(true)
	fmt.Fprintf(&sb, "\nindent=%v  cost after=%.2f before=%.2f\n", indentStyle(ps), ca, cb)
	storyOf := map[int]int{}
	titleOf := map[int]int{}
	for si, s := range stories {
		for _, p := range s.paras {
			storyOf[p] = si
		}
		if s.group >= 0 {
			titleOf[s.group] = si
		}
	}
	for k, it := range items {
		switch it.kind {
		case itPara:
			p := paras[it.para]
			fmt.Fprintf(&sb, "P%-3d s%-2d hard=%-5v w=%4.1f split=%5.2f %s\n", it.para, storyOf[it.para], p.hard, p.width, a.split[it.para], clip(p.text, 30, false))
		case itGroup:
			g := groups[it.group]
			st, ok := titleOf[it.group]
			fmt.Fprintf(&sb, "G%-3d -> s%d(%v) K=%s T=%s S=%s B=%s\n", it.group, st, ok, g.kicker, g.title, g.subtitle, g.byline)
		case itCand:
			g := groups[it.group]
			st, ok := titleOf[it.group]
			sp, inp := storyOf[it.para]
			fmt.Fprintf(&sb, "C%-3d cost=%5.2f/%5.2f head->s%d(%v) para->s%d(%v) T=%s\n", it.group, a.candBefore[k], a.candAfter[k], st, ok, sp, inp, g.title)
		}
	}
	return sb.String()
}
