package tui

import (
	"strings"
	"testing"

	"github.com/dubaoreader/dubao/model"
)

func TestNewIssueOrdersPages(t *testing.T) {
	page := func(n int, src, date string) *model.Page { return &model.Page{Number: n, Source: src, Date: date} }
	tests := []struct {
		name  string
		pages []*model.Page
		want  string
		date  string
	}{
		{"numbered pages go in page order", []*model.Page{page(3, "c", ""), page(1, "a", "2019-02-21"), page(2, "b", "")}, "a b c", "2019-02-21"},
		{"pages of one number keep the order given", []*model.Page{page(7, "x", ""), page(2, "b", ""), page(7, "y", "")}, "b x y", ""},
		{"unnumbered pages follow, in the order given", []*model.Page{page(0, "u", ""), page(5, "e", ""), page(0, "v", "2020-01-01")}, "e u v", "2020-01-01"},
		{"the date is the first page's that has one", []*model.Page{page(2, "b", "2019-02-22"), page(1, "a", "")}, "a b", "2019-02-22"},
		{"no pages", nil, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			is := NewIssue(tt.pages)
			var got []string
			for _, p := range is.Pages {
				got = append(got, p.Source)
			}
			if strings.Join(got, " ") != tt.want || is.Date != tt.date {
				t.Errorf("pages %v, date %q; want %s, %q", got, is.Date, tt.want, tt.date)
			}
		})
	}
}

func TestEmptyIssue(t *testing.T) {
	for _, is := range []*model.Issue{nil, {}, {Pages: []*model.Page{{Number: 1}}}} {
		m := New(is, Options{Width: 80, Height: 24})
		send(m, keys("j enter G space J ] [ ? esc tab i t")...)
		checkFrame(t, screen(m), 80, 24, m.c.m)
	}
}
