package tui

import (
	"math"
	"slices"
	"sort"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/dubaoreader/dubao/model"
)

// The reader's quick search. Matching is package model's (Index and
// Searcher); this is the reader's side of it: the prompt on the bottom
// line, the hits highlighted in the body and the list, n and N, and the
// list narrowed to the stories with hits.
//
// The hits follow the reader: story by story in the list's order, and in a
// story as the body reads it — the headline, then each part's text — so
// that n goes on across a seam as the reading does. They are counted per
// story (model.Index.StoryCounts), as the list shows stories.

// search is the query kept and what it found.
type search struct {
	ix       *model.Index    // the issue's, built once; nil until first needed
	searcher *model.Searcher // the open prompt's, one per prompt; nil when closed

	query  string
	hits   []model.Hit // in reading order
	spots  []spot      // where each hit is
	counts []int       // hits per story; nil without hits
	cur    int         // the current hit, an index in hits; -1 for none
	narrow bool        // the list shows only the stories with hits

	due bool // the prompt has changed since the last search: a searchDueMsg is on its way
}

// indexMsg brings the search index of an issue, built off the UI
// goroutine.
type indexMsg struct {
	is *model.Issue
	ix *model.Index
}

// buildIndex builds the issue's search index. Opening an issue starts it,
// so that it is usually there before / is first pressed; the first index
// of a process also builds the Traditional–Simplified tables, some 20 ms in
// all.
func buildIndex(is *model.Issue) tea.Cmd {
	return func() tea.Msg { return indexMsg{is: is, ix: model.NewIndex(is)} }
}

// firstFrom returns the index of the first hit at or after pos in reading
// order, or len(hits) when there is none.
func (s *search) firstFrom(pos spot) int {
	return sort.Search(len(s.spots), func(i int) bool { return compareSpots(s.spots[i], pos) >= 0 })
}

// place is where the reader is: the selection and the list's scroll, the
// focus, how far the story is read, and the search. Cancelling a search
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
		if r.isStory() && r.idx == p.sel {
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
		b.goTo(p.at)
		if b.set == p.set {
			b.top = p.bodyTop // the same setting: exactly where it was
			b.clamp()
		}
	}
}

// here is where the reader is in reading order, as a hit's spot would be:
// the selected story, and while reading it, the first text in view.
func (m *Model) here() spot {
	r, ok := m.list.selected()
	if !ok {
		return spot{}
	}
	h := spot{story: r.story}
	b := &m.body
	if m.focus != focusBody || b.set == nil || b.top == 0 {
		return h
	}
	for _, l := range b.set.lines[b.top:] {
		if l.field != noField {
			h.sec, h.field, h.para, h.at = l.sec, l.field, l.para, l.fieldStart()
			return h
		}
	}
	h.sec = math.MaxInt // past its last word
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
	m.histAt = len(m.history)
	m.show(searchScreen)
	if m.prompt.insert(text) == promptEdited {
		m.incsearch()
	}
}

// promptUpdate gives a key or a paste to the open prompt: ↑ and ↓ go
// through the searches made before, every other key edits.
//
// Typing is taken in batches: an edit only changes the prompt's text, and
// the search of it is due a frame later (searchBatch), so that the keys
// that come meanwhile — a paste in a terminal without bracketed paste is a
// key press per character — are typed first, and searched for once.
func (m *Model) promptUpdate(msg tea.Msg) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		pk := &m.c.keys.Prompt
		switch {
		case key.Matches(k, pk.Older):
			m.recall(-1)
			return
		case key.Matches(k, pk.Newer):
			m.recall(1)
			return
		}
	}
	switch m.prompt.update(msg, m.c.keys.Prompt) {
	case promptEdited:
		if !m.search.due {
			m.search.due = true
			m.pending = append(m.pending, tea.Tick(searchBatch, func(time.Time) tea.Msg { return searchDueMsg{} }))
		}
	case promptConfirm:
		m.searchDue()
		m.confirmSearch()
	case promptCancel:
		m.search.due = false
		m.cancelSearch()
	}
}

// searchBatch is how long typing goes on before what the prompt holds is
// searched for: a frame at 60 frames a second.
const searchBatch = time.Second / 60

// searchDueMsg says that the search of what the prompt holds is due.
type searchDueMsg struct{}

// searchDue searches for what the prompt holds if it has changed since
// the last search and the prompt is still open.
func (m *Model) searchDue() {
	if m.search.due && m.prompting() {
		m.incsearch()
	}
	m.search.due = false
}

// incsearch searches for what the prompt holds, as it is typed: the hits
// are highlighted and counted at once, and the reader shows the first at
// or after where it was when / was pressed; with none, where it was.
func (m *Model) incsearch() {
	s := &m.search
	s.query = m.prompt.text
	s.hits, s.spots = m.st.order(s.searcher.Search(s.query))
	s.counts, s.cur = nil, -1
	m.wrapped = false
	if len(s.hits) == 0 {
		m.applySearch()
		m.goBack(m.before)
		return
	}
	s.counts = s.ix.StoryCounts(s.hits)
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
	m.closeOverlay()
	m.search.searcher = nil
	s := &m.search
	switch {
	case m.prompt.text == "" && len(m.history) > 0:
		// As less does: / and enter look again for the last query.
		m.closeOverlay()
		m.repeatSearch(m.history[len(m.history)-1])
		return
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
		m.pass(message{text: m.c.w("找不到“") + query + "”", warn: true})
	default:
		m.remember1(s.query)
		m.read()
		if m.wrapped {
			m.say("已回到第一处")
		}
	}
}

// remember1 puts query at the end of the search history, once.
func (m *Model) remember1(query string) {
	if i := slices.Index(m.history, query); i >= 0 {
		m.history = slices.Delete(m.history, i, i+1)
	}
	m.history = append(m.history, query)
	if len(m.history) > historyLen {
		m.history = m.history[len(m.history)-historyLen:]
	}
}

// historyLen is how many searches ↑ goes back through.
const historyLen = 50

// recall puts the search before (dir -1) or after (dir 1) the one shown in
// the prompt, searching for it as it is typed; past the latest, the prompt
// is empty again.
func (m *Model) recall(dir int) {
	at := max(min(m.histAt+dir, len(m.history)), 0)
	if at == m.histAt {
		return
	}
	m.histAt = at
	text := ""
	if at < len(m.history) {
		text = m.history[at]
	}
	m.prompt = prompt{}
	m.prompt.insert(text)
	m.incsearch()
}

// repeatSearch looks for query again: with it kept, the next match; else
// it is searched afresh from where the reader is.
func (m *Model) repeatSearch(query string) {
	s := &m.search
	if s.query == query && len(s.hits) > 0 {
		m.goBack(m.before)
		m.nextMatch(1)
		return
	}
	m.ensureIndex()
	s.query = query
	s.hits, s.spots = m.st.order(model.NewSearcher(s.ix).Search(query))
	s.counts, s.cur = nil, -1
	if len(s.hits) == 0 {
		m.applySearch()
		m.goBack(m.before)
		m.pass(message{text: m.c.w("找不到“") + query + "”", warn: true})
		return
	}
	s.counts = s.ix.StoryCounts(s.hits)
	m.applySearch()
	m.goBack(m.before)
	m.nextMatch(1)
}

// cancelSearch closes the prompt and goes back to where the reader was,
// with the search it had.
func (m *Model) cancelSearch() {
	m.closeOverlay()
	ix := m.search.ix
	m.search = m.before.search
	m.search.ix, m.search.searcher = ix, nil
	m.applySearch()
	m.goBack(m.before)
}

// applySearch gives the search's hits to the list and the body.
func (m *Model) applySearch() {
	s := &m.search
	m.list.setHits(s.hits, s.spots, s.counts, s.narrow)
	m.sync()
}

// goTo makes hit i current and shows it: its story selected and in the
// body, scrolled to it.
func (m *Model) goTo(i int) {
	s := &m.search
	s.cur = i
	sp := s.spots[i]
	row, ok := m.list.rowOf(sp.story)
	if !ok {
		return // not so: the list shows every story with hits
	}
	m.list.cur = row
	m.list.follow()
	m.focus = focusBody
	m.sync()
	m.body.reveal(sp)
}

// nextMatch goes to the next match (dir 1) or the previous one (dir -1),
// from the current one while its story is the one selected, else from
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
// story selected and, while reading, the match in view.
func (m *Model) atCurrent() bool {
	s := &m.search
	r, ok := m.list.selected()
	if s.cur < 0 || !ok {
		return false
	}
	sp := s.spots[s.cur]
	if sp.story != r.story {
		return false
	}
	if m.focus != focusBody {
		return true
	}
	i, ok := m.body.lineOfHit(sp)
	return ok && i >= m.body.top && i < m.body.top+m.body.height()
}

// toggleNarrow lists only the stories with hits, or all again.
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
