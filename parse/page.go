// Package parse turns the text that a PDF extractor produced from newspaper
// pages into the model's article tree. It does no I/O: it takes bytes and
// returns pages.
//
// The journey of a page:
//
//	decode → normalise code points → split pages at form feeds → split lines
//	→ set furniture aside → cut pieces (markers, merged lines) → estimate
//	column widths → classify lines → find headline blocks → reflow paragraphs
//	→ group headlines → assemble stories → build articles
package parse

import (
	"strings"

	"github.com/dubaoreader/dubao/model"
)

// parsePage parses the text of one page, already decoded and normalised.
func parsePage(text string) *model.Page {
	lines := splitLines(text)
	taken := make([]bool, len(lines))
	furn := takeFurniture(lines, taken)
	ps := cutPieces(lines, taken)
	setWidths(ps)
	classify(ps)
	setWidths(ps)
	blocks := findBlocks(ps)
	paras, groups, items := reflow(ps, blocks, rawExtract(lines))
	stories := assemble(items, paras, groups)

	page := &model.Page{Number: furn.page, Date: furn.date, Name: furn.name, Furniture: furn.text}
	page.Articles = buildArticles(paras, groups, stories)
	return page
}

// setWidths estimates the column width of every body-like piece.
func setWidths(ps []piece) {
	ls := make([]line, len(ps))
	use := make([]bool, len(ps))
	barrier := make([]bool, len(ps))
	for i := range ps {
		ls[i] = ps[i].line
		use[i] = ps[i].role == roleBody && ps[i].text != ""
		barrier[i] = ps[i].role == roleHead
	}
	ws := columnWidths(ls, use, barrier)
	for i := range ps {
		ps[i].width = ws[i]
	}
}

// rawExtract reports whether the page came from an extractor that writes no
// blank lines (pdftotext -raw): there, a space inside a headline line parts
// two headlines printed side by side.
func rawExtract(lines []line) bool {
	for _, l := range lines {
		if l.blank {
			return false
		}
	}
	return true
}

// splitPages cuts a text at form feeds, which separate pages.
func splitPages(text string) []string {
	pages := strings.Split(text, "\f")
	out := pages[:0]
	for _, p := range pages {
		if strings.TrimSpace(p) != "" {
			out = append(out, p)
		}
	}
	return out
}
