package tui

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/dubaoreader/dubao/model"
	"github.com/dubaoreader/dubao/tui/layout"
)

// The shelf's search: / on the shelf asks for a query and looks for it in
// every issue of the shelf, newest first. The results come in as the days
// are searched — the count of days searched says how far it has got, and
// that days not parsed before are being parsed — each with its date,
// paper, page, headline and the matched line; enter opens the day at the
// match, where n and N go on through the day's matches as after a search
// of the issue. It matches as the issue's search does (model.Index).

// A ShelfSearcher is a Library that can search all its issues. cmd/dubao
// gives one over the cache of parsed pages (package shelf), which keeps
// each page's folded text so that a year is searched in a moment.
type ShelfSearcher interface {
	// SearchShelf looks for query in the issues, newest first, and gives
	// found each issue as soon as it and those before it are searched, the
	// ones without hits too; found returns false to stop. It is called off
	// the reader's goroutine.
	SearchShelf(query string, found func(ShelfDay) bool)
}

// ShelfDay is one issue of the shelf searched.
type ShelfDay struct {
	Key    string       // the issue's key (see Library)
	Issue  *model.Issue // the issue, as Open gives it, when it has hits
	Hits   []model.Hit  // the matches in Issue, as model.Index.Search finds them
	Err    error        // the issue could not be read
	Parsed int          // files of it that were parsed now, not found in the cache
}

// shelfFindScreen is the shelf's search: its prompt, then its results.
const shelfFindScreen screenKind = 100

// shelfFind is the shelf's search: the prompt, the results found so far
// and the selected one, and how far the search has got.
type shelfFind struct {
	c         *common
	prompt    prompt
	prompting bool

	query   string
	results []shelfResult
	more    int       // matches found beyond the maxShelfResults listed
	rows    []findRow // the rows the results take, in order
	cur     int       // the selected result
	top     int       // the first row in view
	days    int       // issues searched
	total   int       // issues to search
	failed  int       // issues that could not be read
	parsing bool      // an issue searched was not in the cache
	done    bool

	gen  int           // the search under way; older results are dropped
	stop chan struct{} // closed to stop it

	// The result being opened: the reader goes to its match when the
	// issue comes.
	opening *shelfResult
}

// shelfResult is one match on the shelf, as the results list shows it.
// Its strings are copies, so that the issue it was found in is let go.
type shelfResult struct {
	key                  string
	page                 int // the 第N版 printed, 0 when unknown
	title                string
	field                model.Field
	before, match, after string
	cutStart, cutEnd     bool
	hit                  model.Hit
	row                  int // the row of its line; its heading's, when it has one, is the row before
}

// findRow is a row of the results: result i's heading — date, paper,
// page and headline — or its matched line.
type findRow struct {
	i    int
	head bool
}

// shelfFoundMsg brings the days searched since the last.
type shelfFoundMsg struct {
	gen  int
	days []shelfBatch
	done bool // the search is over
	wait tea.Cmd
}

// shelfBatch is a day searched, made ready for the list.
type shelfBatch struct {
	results []shelfResult
	more    int // its matches beyond the results kept
	err     error
	parsed  int
}

// maxShelfResults is how many matches the shelf's search lists, each with
// a line's context: a word as common as 的 matches hundreds of thousands
// of times in a year of a paper. Those beyond are counted, not kept.
const maxShelfResults = 5000

// openShelfFind opens the shelf search's prompt, holding the last query.
func (m *Model) openShelfFind() {
	if _, ok := m.shelf.lib.(ShelfSearcher); !ok || m.c.geo.TooSmall {
		return
	}
	f := &m.find
	f.c = &m.c
	f.prompt = prompt{}
	f.prompt.insert(f.query)
	f.prompting = true
	m.screen = shelfFindScreen
}

// shelfFindKey handles a key on the shelf's search.
func (m *Model) shelfFindKey(msg tea.KeyPressMsg) {
	f := &m.find
	k := &m.c.keys
	if f.prompting {
		switch f.prompt.update(msg, k.Prompt) {
		case promptConfirm:
			f.prompting = false
			if q := strings.TrimSpace(f.prompt.text); q != "" && (q != f.query || f.gen == 0) {
				m.startShelfFind(q)
			} else if f.query == "" {
				m.leaveShelfFind()
			}
		case promptCancel:
			f.prompting = false
			if f.query == "" {
				m.leaveShelfFind()
			}
		}
		return
	}
	if to, ok := rowMove(msg, k, f.cur, max(f.height()/2, 1), len(f.results)); ok {
		f.moveTo(to)
		return
	}
	switch {
	case key.Matches(msg, k.Help):
		m.openHelp()
	case key.Matches(msg, k.Search):
		m.openShelfFind()
	case key.Matches(msg, k.Back):
		m.leaveShelfFind()
	case key.Matches(msg, k.Open):
		m.openFound()
	}
}

// leaveShelfFind stops the search and goes back to the shelf; its
// results stay for the next /.
func (m *Model) leaveShelfFind() {
	m.find.halt()
	m.toShelfScreen()
}

// halt stops the search under way, if any.
func (f *shelfFind) halt() {
	if f.stop != nil {
		close(f.stop)
		f.stop = nil
	}
}

// startShelfFind starts searching the shelf for query, off the UI
// goroutine: the days come in shelfFoundMsg, a few at a time.
func (m *Model) startShelfFind(query string) {
	f := &m.find
	f.halt()
	lib, _ := m.shelf.lib.(ShelfSearcher)
	f.gen++
	f.query, f.results, f.more, f.rows, f.cur, f.top = query, nil, 0, nil, 0, 0
	f.days, f.total, f.failed, f.parsing, f.done = 0, len(m.shelf.entries), 0, false, false
	f.stop = make(chan struct{})
	days := make(chan shelfBatch, 16)
	stop, gen := f.stop, f.gen
	around := f.contextRunes()
	go func() {
		defer close(days)
		kept := 0
		lib.SearchShelf(query, func(d ShelfDay) bool {
			b := batchOf(d, around, maxShelfResults-kept)
			kept += len(b.results)
			select {
			case days <- b:
				return true
			case <-stop:
				return false
			}
		})
	}()
	var wait tea.Cmd
	wait = func() tea.Msg {
		msg := shelfFoundMsg{gen: gen, wait: wait}
		d, ok := <-days
		if !ok {
			msg.done = true
			return msg
		}
		msg.days = append(msg.days, d)
		for len(msg.days) < 64 { // what else is ready: one frame for it all
			select {
			case d, ok := <-days:
				if !ok {
					msg.done = true
					return msg
				}
				msg.days = append(msg.days, d)
				continue
			default:
			}
			break
		}
		return msg
	}
	m.pending = append(m.pending, wait)
}

// contextRunes is how many characters of a match's context the results
// keep either side: as many as the pane has cells for a line's text (a
// character takes one cell or two), so that a wide pane shows as much as
// it has room for — a match at the start of its paragraph has the whole
// line after it — and no fewer than a line of dubao search's.
func (f *shelfFind) contextRunes() int {
	return max(f.c.geo.Inner(f.c.geo.Shelf).W-itemLeft-listRight, contextRunes)
}

// batchOf makes the results of a day, copying what they show: around
// characters of context either side of each match, for at most room
// matches; the others are counted.
func batchOf(d ShelfDay, around, room int) shelfBatch {
	b := shelfBatch{err: d.Err, parsed: d.Parsed}
	if d.Issue == nil || len(d.Hits) == 0 {
		return b
	}
	hits := d.Hits
	if len(hits) > max(room, 0) {
		hits, b.more = hits[:max(room, 0)], len(hits)-max(room, 0)
	}
	stories := storyIndex(d.Issue)
	for _, h := range hits {
		fm, ok := foundIn(d.Issue, stories, h, around)
		if !ok {
			continue
		}
		b.results = append(b.results, shelfResult{
			key: d.Key, page: fm.Page, title: strings.Clone(oneLine(fm.Title)), field: fm.field,
			before: strings.Clone(oneLine(fm.Before)), match: strings.Clone(oneLine(fm.Match)), after: strings.Clone(oneLine(fm.After)),
			cutStart: fm.cutStart, cutEnd: fm.cutEnd, hit: h,
		})
	}
	return b
}

// shelfFound takes in the days searched, and asks for the next.
func (m *Model) shelfFound(msg shelfFoundMsg) {
	f := &m.find
	if msg.gen != f.gen {
		return
	}
	for _, d := range msg.days {
		f.days++
		for _, r := range d.results {
			f.add(r)
		}
		f.more += d.more
		if d.err != nil {
			f.failed++
		}
		if d.parsed > 0 {
			f.parsing = true
		}
	}
	if msg.done {
		f.done, f.stop = true, nil
		return
	}
	m.pending = append(m.pending, msg.wait)
}

// add puts r at the end of the results: its line, under a heading unless
// the result before it is in the same story — a story with many matches
// is named once, its matched lines under it.
func (f *shelfFind) add(r shelfResult) {
	if n := len(f.results); n == 0 || !sameStory(&f.results[n-1], &r) {
		f.rows = append(f.rows, findRow{i: len(f.results), head: true})
	}
	r.row = len(f.rows)
	f.rows = append(f.rows, findRow{i: len(f.results)})
	f.results = append(f.results, r)
}

// sameStory reports whether a and b are matches in one story, as the
// results name it: the issue, the page and the headline.
func sameStory(a, b *shelfResult) bool {
	return a.key == b.key && a.page == b.page && a.title == b.title
}

// openFound opens the issue of the selected result; the reader goes to
// its match when it comes (foundOpened).
func (m *Model) openFound() {
	f := &m.find
	if f.cur < 0 || f.cur >= len(f.results) || m.shelf.opening != "" {
		return
	}
	r := f.results[f.cur]
	f.opening = &r
	m.shelf.opening = r.key
	m.pass(message{text: m.c.w("正在打开 ") + issueTitle(r.key) + " …"})
	m.pending = append(m.pending, openCmd(m.shelf.lib, m.mem, r.key))
}

// foundOpened goes, in the issue just opened, to the match the shelf's
// search was opened at, with the search kept so that n and N go on.
func (m *Model) foundOpened() {
	f := &m.find
	r := f.opening
	f.opening = nil
	if r == nil || r.key != m.date {
		return
	}
	f.halt()
	m.ensureIndex()
	s := &m.search
	s.query = f.query
	s.hits, s.spots = m.st.order(s.ix.Search(f.query))
	s.counts, s.cur = nil, -1
	if len(s.hits) == 0 {
		m.applySearch()
		return
	}
	s.counts = s.ix.StoryCounts(s.hits)
	at := 0
	for i, h := range s.hits {
		if h == r.hit {
			at = i
		}
	}
	m.applySearch()
	m.goTo(at)
	m.read()
}

// height is how many rows of results the pane shows.
func (f *shelfFind) height() int {
	return max(f.c.geo.Inner(f.c.geo.Shelf).H-1, 1)
}

// moveTo selects result i, as near as there is one, and scrolls its rows
// into view: its heading too when it has one.
func (f *shelfFind) moveTo(i int) {
	f.cur = max(min(i, len(f.results)-1), 0)
	if len(f.results) == 0 {
		return
	}
	h := f.height()
	last := f.results[f.cur].row
	first := last
	if first > 0 && f.rows[first-1].head {
		first--
	}
	if first < f.top {
		f.top = first
	}
	if last >= f.top+h {
		f.top = last - h + 1
	}
}

// progress says how far the search has got.
func (f *shelfFind) progress() string {
	w := f.c.w
	found := w("找到 ") + strconv.Itoa(len(f.results)+f.more) + w(" 处")
	if f.more > 0 {
		found += w("，列出前 ") + strconv.Itoa(len(f.results)) + w(" 处")
	}
	switch {
	case f.query == "":
		return ""
	case !f.done:
		s := w("已搜 ") + strconv.Itoa(f.days) + "/" + strconv.Itoa(f.total) + w(" 期") + " · " + found
		if f.parsing {
			s += w(" · 解析新的一期")
		}
		return s
	case f.failed > 0:
		return found + " · " + strconv.Itoa(f.failed) + w(" 期打不开")
	}
	return found
}

// writeRow writes line y of the pane, border included: the query and the
// count on the top edge, the results two rows each.
func (f *shelfFind) writeRow(b *strings.Builder, y int) {
	c := f.c
	label := ""
	if f.query != "" {
		label = fit(c.m, "“"+oneLine(f.query)+"” "+f.progress(), c.geo.Shelf.W-6)
	}
	c.paneRow(b, y, c.geo.Shelf, label, func(w int) { f.writeResult(b, y, w) })
}

// writeResult writes inner line y of the pane, w cells wide: a result's
// line, or the note while there are none.
func (f *shelfFind) writeResult(b *strings.Builder, y, w int) {
	c := f.c
	st := &c.st
	room := w - itemLeft - listRight
	if len(f.results) == 0 {
		note := ""
		switch {
		case f.query == "" && y == 2:
			note = c.w("在书架上的每一期里搜索：输入要找的词，按 enter。")
		case f.query != "" && f.done && y == 2:
			note = c.w("书架上找不到“") + oneLine(f.query) + c.w("”。")
		case f.query != "" && !f.done && y == 2:
			note = c.w("正在搜索 …")
		}
		c.noteRow(b, w, note)
		return
	}
	row := f.top + y - 1
	if y-1 >= f.height() || row >= len(f.rows) {
		st.fill.spaces(b, w)
		return
	}
	i := f.rows[row].i
	r := &f.results[i]
	sel := i == f.cur
	pad, text, dim, hit := st.fill, st.item, st.dim, st.listMatch[headlineItem]
	if sel {
		pad, text, dim, hit = st.selected, st.selected, st.selected, st.listMatch[headlineSelected]
	}
	if sel {
		st.fill.spaces(b, itemLeft-2)
		pad.spaces(b, 2)
	} else {
		st.fill.spaces(b, itemLeft)
	}
	used := 0
	put := func(p paint, s string) {
		s = fit(c.m, s, room-used)
		p.write(b, s)
		used += c.m.StringWidth(s)
	}
	if f.rows[row].head {
		date, paper := splitKey(r.key)
		head := date
		if paper != "" {
			head += " " + fit(c.m, paper, max(room/3, 4)) // the page and the headline keep their room
		}
		page := c.w("版次不详")
		if r.page > 0 {
			page = c.w("第") + strconv.Itoa(r.page) + c.w("版")
		}
		put(dim, head+" "+page+" ")
		title := r.title
		if rest, ok := strings.CutPrefix(title, continued); ok {
			title = c.w(continued) + rest // as the list says it
		}
		put(text, title)
	} else {
		put(dim, "  "+c.w(fieldLabels[r.field]))
		before := r.before
		if r.cutStart {
			before = "…" + before
		}
		// As much of the context before as leaves the match in view; the
		// context after has the rest of the line.
		put(text, fitLeft(c.m, before, max((room-used-c.m.StringWidth(r.match))/2, 0)))
		put(hit, r.match)
		after := r.after
		if r.cutEnd {
			after += "…"
		}
		put(text, after)
	}
	pad.spaces(b, w-itemLeft-used)
}

// findBar writes the status bar of the shelf's search: its prompt while
// it is open, else the keys and the progress.
func (m *Model) findBar(b *strings.Builder) {
	st := &m.c.st
	g := m.c.geo
	f := &m.find
	k := &m.c.keys
	if f.prompting {
		right := m.c.hints(nil, k.PromptHelp(), g.Width)
		right = append(right, segment{" ", st.status})
		rw := m.c.segmentsWidth(right)
		if rw > g.Width/2 {
			right, rw = nil, 0
		}
		const lead = "/"
		room := g.Width - 1 - m.c.m.StringWidth(lead)
		if rw > 0 {
			room -= rw + 2
		}
		v := f.prompt.view(m.c.m, room)
		m.cursorX = 1 + m.c.m.StringWidth(lead) + v.cursor
		segs := []segment{{" ", st.status}, {lead, st.prompt}, {v.before, st.prompt}, {v.at, st.promptCursor}, {v.after, st.prompt}}
		m.c.writeBar(b, segs, right, g.Width, st.status)
		return
	}
	segs := []segment{{" ", st.status}}
	if m.messageText() != "" {
		p := st.message
		if m.message.warn {
			p = st.warning
		}
		segs = append(segs, segment{m.messageLine(g.Width - 2), p})
	} else {
		back := key.NewBinding(key.WithKeys(k.Back.Keys()...), key.WithHelp(k.Back.Help().Key, "返回书架")) // not to the headlines
		segs = m.c.hints(segs, []key.Binding{k.Open, k.Down, k.Search, back}, g.Width-2)
	}
	m.c.writeBar(b, segs, nil, g.Width, st.status)
}

// fitLeft is fit from the other end: the end of s that fits in w cells,
// after … where s is cut.
func fitLeft(m layout.Measure, s string, w int) string {
	if m.StringWidth(s) <= w {
		return s
	}
	const tail = "…"
	w -= m.StringWidth(tail)
	if w <= 0 {
		return ""
	}
	// The longest end that fits: runes taken from the back while they fit,
	// as StringWidth sums them.
	start, used := len(s), 0
	for start > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:start])
		if used+m.RuneWidth(r) > w {
			break
		}
		used += m.RuneWidth(r)
		start -= size
	}
	return tail + s[start:]
}
