package tui

import (
	"cmp"
	"slices"

	"github.com/dubaoreader/dubao/model"
)

// The reader goes through an issue story by story (model.Story): the list
// shows each story once, under the page it starts on, and the body reads
// all its parts straight through. Search hits come page by page and article
// by article; here each article knows which story it is a part of, so that
// a hit finds its place in the story.

// artRef is where an article is printed: the index of its page in the
// issue, and its index on the page.
type artRef struct{ page, art int }

// partRef is which story an article is a part of (an index in
// stories.all), and which part.
type partRef struct{ story, part int }

// storyView is a story as the reader shows it.
type storyView struct {
	s     *model.Story
	key   string   // the story's Key, under which it is marked read
	parts []artRef // where each part is printed
	lead  int      // the part that carries the headline
}

// page is the index of the page the story starts on.
func (v *storyView) page() int { return v.parts[0].page }

// sec is the section of the story that field f of part p is shown in: 0
// for the headline (the lead part's kicker, title, subtitle and byline,
// shown at the top), p+1 for part p's own text.
func (v *storyView) sec(p int, f model.Field) int {
	if p == v.lead && f < model.InParagraph {
		return 0
	}
	return p + 1
}

// continued reports whether the story begins on a page before its first
// part: its start is elsewhere, in the issue or not.
func (v *storyView) continued() bool { return v.s.Parts[0].ContinuedFrom > 0 }

// stories are an issue's stories in the order the reader goes through
// them, and for each article the story it is a part of.
type stories struct {
	all []storyView
	of  map[artRef]partRef
}

// readIssue returns the issue as the reader goes through it: the same
// pages and date, with its stories ordered by where their first parts are
// printed, and stories which say where each article is. Every article of
// every page is in exactly one story: one the issue's stories leave out —
// or all, in an issue made without stories — is a story of its own.
func readIssue(is *model.Issue) (*model.Issue, stories) {
	where := make(map[*model.Article]artRef)
	for pi, p := range is.Pages {
		for ai, a := range p.Articles {
			if _, ok := where[a]; !ok && a != nil {
				where[a] = artRef{pi, ai}
			}
		}
	}
	used := make(map[*model.Article]bool)
	var all []storyView
	add := func(s *model.Story) {
		v := storyView{s: s}
		for _, a := range s.Parts {
			r, ok := where[a]
			if !ok || used[a] {
				return // not printed in this issue, or in another story too
			}
			v.parts = append(v.parts, r)
		}
		if len(v.parts) == 0 {
			return
		}
		for _, a := range s.Parts {
			used[a] = true
		}
		lead := s.Lead()
		for i, a := range s.Parts {
			if a == lead {
				v.lead = i
				break
			}
		}
		v.key = s.Key()
		all = append(all, v)
	}
	for _, s := range is.Stories {
		if s != nil {
			add(s)
		}
	}
	for _, p := range is.Pages {
		for _, a := range p.Articles {
			if a != nil && !used[a] {
				add(&model.Story{Parts: []*model.Article{a}, Pages: []int{p.Number}})
			}
		}
	}
	slices.SortStableFunc(all, func(a, b storyView) int {
		return cmp.Or(cmp.Compare(a.parts[0].page, b.parts[0].page), cmp.Compare(a.parts[0].art, b.parts[0].art))
	})
	st := stories{all: all, of: make(map[artRef]partRef)}
	out := &model.Issue{Date: is.Date, Pages: is.Pages}
	for si, v := range all {
		out.Stories = append(out.Stories, v.s)
		for pi, r := range v.parts {
			st.of[r] = partRef{si, pi}
		}
	}
	return out, st
}

// spot is a place in the issue in the order the reader goes through it:
// a story (its index in stories.all), a section of the story (see
// storyView.sec), a field of that section's part, a paragraph of the part,
// a byte. Hits and where the reader is are compared as spots.
type spot struct {
	story, sec int
	field      model.Field
	para, at   int
}

func compareSpots(a, b spot) int {
	return cmp.Or(
		cmp.Compare(a.story, b.story),
		cmp.Compare(a.sec, b.sec),
		cmp.Compare(a.field, b.field),
		cmp.Compare(a.para, b.para),
		cmp.Compare(a.at, b.at),
	)
}

// spotOf returns where hit h is; ok is false for a hit in no story.
func (st *stories) spotOf(h model.Hit) (spot, bool) {
	r, ok := st.of[artRef{h.Page, h.Article}]
	if !ok {
		return spot{}, false
	}
	v := &st.all[r.story]
	return spot{story: r.story, sec: v.sec(r.part, h.Field), field: h.Field, para: h.Para, at: h.Start}, true
}

// order puts hits in the order the reader goes through the issue, with
// their spots; hits in no story are left out.
func (st *stories) order(hits []model.Hit) ([]model.Hit, []spot) {
	type placed struct {
		h  model.Hit
		sp spot
	}
	ps := make([]placed, 0, len(hits))
	for _, h := range hits {
		if sp, ok := st.spotOf(h); ok {
			ps = append(ps, placed{h, sp})
		}
	}
	slices.SortStableFunc(ps, func(a, b placed) int { return compareSpots(a.sp, b.sp) })
	outH, outS := make([]model.Hit, len(ps)), make([]spot, len(ps))
	for i, p := range ps {
		outH[i], outS[i] = p.h, p.sp
	}
	return outH, outS
}

// storyRange returns the spots, of spots in order, in story s:
// spots[lo:hi].
func storyRange(spots []spot, s int) (lo, hi int) {
	lo, _ = slices.BinarySearchFunc(spots, s, func(sp spot, s int) int { return cmp.Compare(sp.story, s) })
	hi = lo
	for hi < len(spots) && spots[hi].story == s {
		hi++
	}
	return lo, hi
}
