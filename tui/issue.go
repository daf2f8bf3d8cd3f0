package tui

import (
	"cmp"
	"slices"

	"github.com/dubaoreader/dubao/model"
)

// NewIssue makes one issue of pages. Pages whose number is printed come
// first, in page-number order (keeping the order given among pages of the
// same number); pages that do not say follow, in the order given. The
// issue's date is that of the first page that has one.
func NewIssue(pages []*model.Page) *model.Issue {
	is := &model.Issue{Pages: slices.Clone(pages)}
	slices.SortStableFunc(is.Pages, func(a, b *model.Page) int {
		if c := cmp.Compare(unnumbered(a), unnumbered(b)); c != 0 {
			return c
		}
		return cmp.Compare(a.Number, b.Number)
	})
	for _, p := range is.Pages {
		if p.Date != "" {
			is.Date = p.Date
			break
		}
	}
	return is
}

// unnumbered is 1 for a page that does not print its number, else 0.
func unnumbered(p *model.Page) int {
	if p.Number == 0 {
		return 1
	}
	return 0
}
