package tui

import (
	"cmp"
	"math"
	"sort"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/dubaoreader/dubao/model"
)

// The reader's quick search. Matching is package model's (Index and
// Searcher); this is the reader's side of it: the prompt on the bottom
// line, the hits highlighted in the body and the list, n and N, and the
// list narrowed to the articles with hits.
//
// The hits follow the list: article by article, page by page, as
// model.Index.Search returns them, and counted per article as the list
// shows them. (The issue's Stories join an article's parts across pages,
// but the list and the body show each part where it is printed.)

// search is the query kept and what it found.
type search struct {
	ix       *model.Index    // the issue's, built once; nil until first needed
	searcher *model.Searcher // the open prompt's, one per prompt; nil when closed

	query  string
	hits   []model.Hit // in reading order
	counts [][]int     // hits per article, counts[page][article]; nil without hits
	cur    int         // the current hit, an index in hits; -1 for none
	narrow bool        // the list shows only the articles with hits
}

// indexMsg brings the issue's search index, built off the UI goroutine.
type indexMsg struct{ ix *model.Index }

// buildIndex builds the issue's search index. Init starts it, so that it
// is usually there before / is first pressed; the first index of a process
// also builds the Traditional–Simplified tables, some 20 ms in all.
func buildIndex(is *model.Issue) tea.Cmd {
	return func() tea.Msg { return indexMsg{ix: model.NewIndex(is)} }
}

// compareHits orders hits in reading order: the order of the list and,
// within an article, of the body.
func compareHits(a, b model.Hit) int {
	return cmp.Or(
		cmp.Compare(a.Page, b.Page),
		cmp.Compare(a.Article, b.Article),
		cmp.Compare(a.Field, b.Field),
		cmp.Compare(a.Para, b.Para),
		cmp.Compare(a.Start, b.Start),
	)
}

// hitRange returns the hits, of hits in reading order, in article art of
// page: hits[lo:hi].
func hitRange(hits []model.Hit, page, art int) (lo, hi int) {
	lo = sort.Search(len(hits), func(i int) bool {
		return compareHits(hits[i], model.Hit{Page: page, Article: art}) >= 0
	})
	hi = lo
	for hi < len(hits) && hits[hi].Page == page && hits[hi].Article == art {
		hi++
	}
	return lo, hi
}

// firstFrom returns the index of the first hit at or after pos in reading
// order, or len(hits) when there is none.
func (s *search) firstFrom(pos model.Hit) int {
	return sort.Search(len(s.hits), func(i int) bool { return compareHits(s.hits[i], pos) >= 0 })
}

// place is where the reader is: the selection and the list's scroll, the
// focus, how far the article is read, and the search. Cancelling a search
// goes back to it.
type place struct {
	sel     int // the selection's index among all the list's rows; -1 for none
	listTop int
	focus   focus
	set     *setArticle
	bodyTop int
	at      anchor
	search  search
}

func (m *Model) placeNow() place {
	p := place{sel: -1, listTop: m.list.top, focus: m.focus, set: m.body.set, bodyTop: m.body.top, at: m.body.at, search: m.search}
	if r, ok := m.list.selected(); ok {
		p.sel = r.idx
	}
	return p
}

// goBack shows place p again, with the search as it is now.
func (m *Model) goBack(p place) {
	l := &m.list
	for i, r := range l.rows {
		if r.isArticle() && r.idx == p.sel {
			l.cur = i
		}
	}
	l.top = p.listTop
	l.clamp()
	l.follow()
	m.focus = p.focus
	m.sync()
	b := &m.body
	if b.set != nil {
		b.at = p.at
		b.top = b.set.lineOf(p.at)
		if b.set == p.set {
			b.top = p.bodyTop // the same setting: exactly where it was
		}
		b.clamp()
	}
}

// here is where the reader is in reading order, as a hit would be: the
// selected article, and while reading it, the first text in view.
func (m *Model) here() model.Hit {
	r, ok := m.list.selected()
	if !ok {
		return model.Hit{}
	}
	h := model.Hit{Page: r.page, Article: r.art}
	b := &m.body
	if m.focus != focusBody || b.set == nil || b.top == 0 {
		return h
	}
	for _, l := range b.set.lines[b.top:] {
		if l.field != noField {
			h.Field, h.Para, h.Start = l.field, l.para, l.fieldStart()
			return h
		}
	}
	h.Field, h.Para = model.InParagraph, math.MaxInt // past its last word
	return h
}

// ensureIndex builds the index now if Init's command has not brought it.
func (m *Model) ensureIndex() {
	if m.search.ix == nil {
		m.search.ix = model.NewIndex(m.issue)
	}
}

// openSearch opens the prompt, with text typed in it (a paste).
func (m *Model) openSearch(text string) {
	m.ensureIndex()
	m.before = m.placeNow()
	m.origin = m.here()
	m.search.searcher = model.NewSearcher(m.search.ix)
	m.prompt = prompt{}
	m.prompting = true
	if m.prompt.insert(text) == promptEdited {
		m.incsearch()
	}
}

// promptUpdate gives a key or a paste to the open prompt.
func (m *Model) promptUpdate(msg tea.Msg) {
	switch m.prompt.update(msg, m.c.keys.Prompt) {
	case promptEdited:
		m.incsearch()
	case promptConfirm:
		m.confirmSearch()
	case promptCancel:
		m.cancelSearch()
	}
}

// incsearch searches for what the prompt holds, as it is typed: the hits
// are highlighted and counted at once, and the reader shows the first at
// or after where it was when / was pressed; with none, where it was.
func (m *Model) incsearch() {
	s := &m.search
	s.query = m.prompt.text
	s.hits = s.searcher.Search(s.query)
	s.counts, s.cur = nil, -1
	m.wrapped = false
	if len(s.hits) == 0 {
		m.applySearch()
		m.goBack(m.before)
		return
	}
	s.counts = s.ix.Counts(s.hits)
	i := s.firstFrom(m.origin)
	if i == len(s.hits) {
		i, m.wrapped = 0, true
	}
	m.applySearch()
	m.goTo(i)
}

// confirmSearch closes the prompt keeping the query, reading at the
// current match. A query that finds nothing leaves the search as it was,
// and says so; an empty one clears the search.
func (m *Model) confirmSearch() {
	m.prompting = false
	m.search.searcher = nil
	s := &m.search
	switch {
	case strings.TrimSpace(m.prompt.text) == "":
		had := m.before.search.query != ""
		m.search = search{ix: s.ix, cur: -1}
		m.applySearch()
		m.goBack(m.before)
		if had {
			m.say("已清除搜索")
		}
	case len(s.hits) == 0:
		query := s.query
		m.cancelSearch()
		m.message = message{text: "找不到“" + query + "”", warn: true}
	default:
		m.read()
		if m.wrapped {
			m.say("已回到第一处")
		}
	}
}

// cancelSearch closes the prompt and goes back to where the reader was,
// with the search it had.
func (m *Model) cancelSearch() {
	m.prompting = false
	ix := m.search.ix
	m.search = m.before.search
	m.search.ix, m.search.searcher = ix, nil
	m.applySearch()
	m.goBack(m.before)
}

// applySearch gives the search's hits to the list and the body.
func (m *Model) applySearch() {
	s := &m.search
	m.list.setHits(s.hits, s.counts, s.narrow)
	m.sync()
}

// goTo makes hit i current and shows it: its article selected and in the
// body, scrolled to it.
func (m *Model) goTo(i int) {
	s := &m.search
	s.cur = i
	h := s.hits[i]
	row, ok := m.list.rowOf(h.Page, h.Article)
	if !ok {
		return // not so: the list shows every article with hits
	}
	m.list.cur = row
	m.list.follow()
	m.focus = focusBody
	m.sync()
	m.body.reveal(h)
}

// nextMatch goes to the next match (dir 1) or the previous one (dir -1),
// from the current one while its article is the one selected, else from
// where the reader is; past the last it comes round to the first, and says
// so.
func (m *Model) nextMatch(dir int) {
	s := &m.search
	if len(s.hits) == 0 {
		m.say("先按 / 搜索")
		return
	}
	var i int
	if m.atCurrent() {
		i = s.cur + dir
	} else {
		i = s.firstFrom(m.here())
		if dir < 0 {
			i--
		}
	}
	switch {
	case i >= len(s.hits):
		i = 0
		m.say("已回到第一处")
	case i < 0:
		i = len(s.hits) - 1
		m.say("已回到最后一处")
	}
	m.goTo(i)
	m.read()
}

// atCurrent reports whether the reader is at the current match: its
// article selected and, while reading, the match in view.
func (m *Model) atCurrent() bool {
	s := &m.search
	r, ok := m.list.selected()
	if s.cur < 0 || !ok {
		return false
	}
	h := s.hits[s.cur]
	if h.Page != r.page || h.Article != r.art {
		return false
	}
	if m.focus != focusBody {
		return true
	}
	i, ok := m.body.lineOfHit(h)
	return ok && i >= m.body.top && i < m.body.top+m.body.height()
}

// toggleNarrow lists only the articles with hits, or all again.
func (m *Model) toggleNarrow() {
	s := &m.search
	if len(s.hits) == 0 {
		m.say("先按 / 搜索")
		return
	}
	s.narrow = !s.narrow
	m.list.narrow(s.narrow)
	m.sync()
	if s.narrow {
		m.say("只看命中的文章 · f 看全部")
	} else {
		m.say("显示全部文章")
	}
}
