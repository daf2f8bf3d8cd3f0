package parse

import "strings"

// Scrambled text. Plain pdftotext (without -raw) and pdftotext -layout
// print a page row by row across the page: where columns stand close, one
// output line holds a line of each neighbouring column, parted by spaces,
// and the columns' text is interleaved beyond repair. Such text is told by
// its lines: many of them hold two or more long runs of ideographs parted
// by white space, which a line of one column never does.

// scrambledRun is the fewest characters a run must hold to count as a
// column's line: the narrowest columns of the corpus hold 9.
const scrambledRun = 6

// scrambledShare is the share of the text lines that must join columns for
// the page to be scrambled. Measured on the corpus: the -raw and pdfminer
// pages (gen, gen-miner, gen-issue, dev, dev-miner, seed; 541 pages) have at
// most 0.020 (side-by-side headlines, a byline before its text), the plain
// pdftotext pages of gen-plain (100) at least 0.218.
const scrambledShare = 0.10

// ScrambledAdvice is what to tell a reader of scrambled text, in one line.
const ScrambledAdvice = "the text interleaves neighbouring columns (extracted without -raw?): extract it with pdftotext -raw, or give dubao the PDF"

// Scrambled reports whether a page file's text interleaves neighbouring
// columns, as plain pdftotext and pdftotext -layout write it.
func Scrambled(b []byte) bool {
	text, _, err := Decode(b)
	if err != nil {
		return false
	}
	lines, joined := 0, 0
	for rest := text; rest != ""; {
		var l string
		l, rest, _ = strings.Cut(rest, "\n")
		l = strings.TrimSpace(l)
		if runeLen(l) < scrambledRun {
			continue
		}
		lines++
		if hasSpace(l) && joinsColumns(l) {
			joined++
		}
	}
	return lines >= 10 && float64(joined) >= scrambledShare*float64(lines)
}

// joinsColumns reports whether a line holds two runs of text, each as long
// as a column's line, parted by white space: it counts the ideographs of
// each run as it goes.
func joinsColumns(l string) bool {
	runs, n := 0, 0
	for _, r := range l {
		switch {
		case isSpace(r):
			if n >= scrambledRun {
				runs++
			}
			n = 0
		case isIdeograph(r):
			n++
		}
	}
	if n >= scrambledRun {
		runs++
	}
	return runs >= 2
}
