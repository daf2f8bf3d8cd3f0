package tui

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/dubaoreader/dubao/model"
)

// Library is the shelf of days the reader opens issues from. cmd/dubao
// gives one over a folder of dated issue folders (package shelf); the
// reader only calls it, off its own goroutine.
//
// An issue on the shelf is known by its key: its date (2024-03-13), and
// when the shelf names the paper, a slash and the paper's name
// (2019-02-22/人民日报), so that two papers of a day are two issues.
type Library interface {
	// Dir is where the shelf is, to say how to fill it while it is empty.
	Dir() string
	// Issues returns the keys of the issues on the shelf, newest first.
	Issues() []string
	// Open reads and parses the issue of a key; its Key is that key.
	Open(key string) (Opened, error)
}

// A Counter is a Library that can tell an issue's stories without opening
// it (package shelf keeps a summary of every issue it has parsed).
type Counter interface {
	// Count returns the keys (model.Story.Key) of the issue's stories.
	Count(key string) ([]string, error)
}

// splitKey returns the date and the paper of an issue's key.
func splitKey(key string) (date, paper string) {
	date, paper, _ = strings.Cut(key, "/")
	return date, paper
}

// issueTitle is how the reader names an issue of the shelf: its date as
// the paper prints it, and the paper's name.
func issueTitle(key string) string {
	date, paper := splitKey(key)
	if paper == "" {
		return longDate(date)
	}
	return longDate(date) + "  " + paper
}

// Opened is an issue ready to read.
type Opened struct {
	Issue    *model.Issue
	Key      string  // the issue's key in the Memory
	Warnings []error // about pages that could not be read, for the status bar (Notices in the reader's words)
}

// shelfPane is the shelf screen: the issues by date, newest first, each
// with how many of its stories are unread, one selected.
//
// How many stories an issue has is known only once it is parsed, and a
// shelf may hold a year of days: the issues in view are counted one at a
// time in the background, as the shelf is shown and scrolled, and an
// issue's row says … until its count comes.
type shelfPane struct {
	c       *common
	lib     Library
	entries []shelfEntry
	cur     int // the selected entry
	top     int // the first entry in view

	counting bool   // a count is under way
	opening  string // the date being opened, "" for none

	// The script the shelf's own screens speak when the reader's words
	// follow the pages (WordsAuto): that of its newest issue that reads,
	// found as it is counted. scripted is false until then, or when the
	// words are set.
	wantScript  bool
	scripted    bool
	traditional bool
}

// shelfEntry is one issue on the shelf.
type shelfEntry struct {
	date    string // its key: the date, and /paper when the shelf names one
	counted bool   // total and unread are known, or err is set
	opened  bool   // the reader has been in it: a story read, a place kept
	total   int    // stories
	unread  int    // stories not read
	err     string // why it could not be counted
}

func newShelfPane(c *common, lib Library) shelfPane {
	p := shelfPane{c: c, lib: lib}
	if lib != nil {
		for _, d := range lib.Issues() {
			p.entries = append(p.entries, shelfEntry{date: d})
		}
	}
	return p
}

// countedMsg brings the count of an issue on the shelf.
type countedMsg struct {
	date          string
	total, unread int
	opened        bool
	err           error        // the issue could not be read
	warning       error        // the Memory's, such as a damaged file set aside
	scripted      bool         // the issue was opened to find its script
	script        model.Script // which, when scripted
}

// openedMsg brings an issue opened from the shelf, and what is remembered
// of it.
type openedMsg struct {
	date    string
	op      Opened
	recall  Recall
	script  model.Script // the script the issue is printed in
	err     error        // the issue could not be read
	warning error        // the Memory's
}

// openCmd opens the issue of date, with what mem remembers of it.
func openCmd(lib Library, mem Memory, date string) tea.Cmd {
	return func() tea.Msg {
		op, err := lib.Open(date)
		msg := openedMsg{date: date, op: op, err: err}
		if err == nil && mem != nil && op.Key != "" {
			msg.recall, msg.warning = mem.Load(op.Key)
		}
		if err == nil && op.Issue != nil {
			// The issue's script is found here, and OpenCC's tables loaded,
			// not on the UI goroutine.
			if msg.script = model.IssueScript(op.Issue); msg.script == model.Traditional {
				toTraditional("")
			}
		}
		return msg
	}
}

// countNext starts counting the first issue in view not yet counted, and
// returns the command that does it; nil when there is none, or a count is
// under way. While the shelf's script is wanted and not known, it counts
// the newest issue not known to be unreadable or empty first, opening it
// to find its script.
func (p *shelfPane) countNext(mem Memory) tea.Cmd {
	if p.counting || p.lib == nil {
		return nil
	}
	if p.wantScript && !p.scripted {
		for i, e := range p.entries {
			if !e.counted || (e.err == "" && e.total > 0) {
				return p.count(i, true, mem)
			}
		}
		p.wantScript = false // no issue reads: the words stay as they are
	}
	for i := p.top; i < min(p.top+p.height(), len(p.entries)); i++ {
		if !p.entries[i].counted {
			return p.count(i, false, mem)
		}
	}
	return nil
}

// count returns the command that counts entry i, opening the issue for its
// script when scripted.
func (p *shelfPane) count(i int, scripted bool, mem Memory) tea.Cmd {
	p.counting = true
	lib, date := p.lib, p.entries[i].date
	return func() tea.Msg {
		var keys []string
		var err error
		msg := countedMsg{date: date, scripted: scripted}
		if scripted {
			keys, msg.script, err = openForScript(lib, date)
		} else {
			keys, err = countIssue(lib, date)
		}
		if err != nil {
			return countedMsg{date: date, err: err}
		}
		msg.total, msg.unread = len(keys), len(keys)
		if mem != nil {
			var r Recall
			r, msg.warning = mem.Load(date)
			msg.opened = len(r.Read) > 0 || r.Position != nil
			read := NewReadMarks(r.Read)
			for _, k := range keys {
				if read.IsRead(k) {
					msg.unread--
				}
			}
		}
		return msg
	}
}

// countIssue returns the keys of the stories of the issue of key: from the
// Library's Count when it has one, else by opening the issue.
func countIssue(lib Library, key string) ([]string, error) {
	if c, ok := lib.(Counter); ok {
		return c.Count(key)
	}
	op, err := lib.Open(key)
	if err != nil {
		return nil, err
	}
	return storyKeys(op.Issue), nil
}

// openForScript opens the issue of key and returns the keys of its stories
// and the script it is printed in, OpenCC's tables loaded when it is
// Traditional: off the UI goroutine.
func openForScript(lib Library, key string) ([]string, model.Script, error) {
	op, err := lib.Open(key)
	if err != nil {
		return nil, model.Simplified, err
	}
	script := model.IssueScript(op.Issue)
	if script == model.Traditional {
		toTraditional("")
	}
	return storyKeys(op.Issue), script, nil
}

// counted takes in the count of an issue, and the shelf's script when the
// count found it: the first issue counted that has stories — the newest
// that reads, as the shelf is counted from its top — says it.
func (p *shelfPane) counted(msg countedMsg) {
	p.counting = false
	p.set(msg.date, msg.total, msg.unread, msg.opened, msg.err)
	if msg.scripted && msg.err == nil && msg.total > 0 {
		p.scripted, p.traditional = true, msg.script == model.Traditional
	}
}

// set records the count of the issue of date.
func (p *shelfPane) set(date string, total, unread int, opened bool, err error) {
	for i := range p.entries {
		if e := &p.entries[i]; e.date == date {
			e.counted, e.total, e.unread, e.opened, e.err = true, total, unread, opened, ""
			if err != nil {
				e.err = err.Error()
			}
		}
	}
}

// selected returns the selected entry's date, "" when the shelf is empty.
func (p *shelfPane) selected() string {
	if p.cur < 0 || p.cur >= len(p.entries) {
		return ""
	}
	return p.entries[p.cur].date
}

// height is how many rows the pane shows.
func (p *shelfPane) height() int { return max(p.c.geo.Inner(p.c.geo.Shelf).H, 1) }

// moveTo selects entry i, as near as there is one, and scrolls it into
// view.
func (p *shelfPane) moveTo(i int) {
	p.cur = max(min(i, len(p.entries)-1), 0)
	p.follow()
}

// follow scrolls so the selection is in view.
func (p *shelfPane) follow() {
	h := p.height()
	if p.cur < p.top {
		p.top = p.cur
	}
	if p.cur >= p.top+h {
		p.top = p.cur - h + 1
	}
	p.top = max(min(p.top, len(p.entries)-h), 0)
}

// scroll moves the view n rows, leaving the selection where it is.
func (p *shelfPane) scroll(n int) {
	p.top = max(min(p.top+n, len(p.entries)-p.height()), 0)
}

// update handles a key of the shelf's own: moving the selection; enter
// asks to open the issue.
func (p *shelfPane) update(msg tea.KeyPressMsg, k *KeyMap) intent {
	if to, ok := rowMove(msg, k, p.cur, p.height(), len(p.entries)); ok {
		p.moveTo(to)
	} else if key.Matches(msg, k.Open) {
		return toOpen
	}
	return stay
}

// rowMove is the row that a key moves a selection of n rows, a screen of
// page rows, to from cur: a row, a screen, half of one, or an end; false
// for a key that does not move it.
func rowMove(msg tea.KeyPressMsg, k *KeyMap, cur, page, n int) (int, bool) {
	switch {
	case key.Matches(msg, k.Down):
		return cur + 1, true
	case key.Matches(msg, k.Up):
		return cur - 1, true
	case key.Matches(msg, k.PageDown):
		return cur + page, true
	case key.Matches(msg, k.PageUp):
		return cur - page, true
	case key.Matches(msg, k.HalfDown):
		return cur + page/2, true
	case key.Matches(msg, k.HalfUp):
		return cur - page/2, true
	case key.Matches(msg, k.Top):
		return 0, true
	case key.Matches(msg, k.Bottom):
		return n - 1, true
	}
	return cur, false
}

// status is what an entry's row says of it at the right.
func (e *shelfEntry) status() string {
	switch {
	case !e.counted:
		return "…"
	case e.err != "":
		return "打不开"
	case e.total == 0:
		return "没有文章"
	case e.unread == 0:
		return "已读完 · 共 " + strconv.Itoa(e.total) + " 篇"
	case !e.opened:
		return "未打开 · 共 " + strconv.Itoa(e.total) + " 篇"
	}
	return "未读 " + strconv.Itoa(e.unread) + " · 共 " + strconv.Itoa(e.total) + " 篇"
}

// emptyNote is what an empty shelf says: how to fill it.
func (p *shelfPane) emptyNote() []string {
	dir := p.c.w("书架")
	if p.lib != nil {
		dir = p.lib.Dir()
	}
	return []string{
		p.c.w("书架上还没有报纸。"),
		"",
		p.c.w("每天一个文件夹，以日期命名，放进这一天各版的文本："),
		"  " + dir + "/",
		"    2024-03-13/01.txt",
		"    2024-03-13/02.txt",
		"",
		p.c.w("版面文本可用 pdftotext -raw 从 PDF 取出，见 README。"),
	}
}

// writeRow writes line y of the pane, border included, to b.
func (p *shelfPane) writeRow(b *strings.Builder, y int) {
	label := ""
	if n := len(p.entries); n > 0 {
		label = strconv.Itoa(n) + p.c.w(" 期")
	}
	p.c.paneRow(b, y, p.c.geo.Shelf, label, func(w int) { p.writeEntry(b, y, w) })
}

// writeEntry writes inner line y of the pane, w cells wide: an entry, or
// a line of the note an empty shelf shows.
func (p *shelfPane) writeEntry(b *strings.Builder, y, w int) {
	c := p.c
	st := &c.st
	if len(p.entries) == 0 {
		if note := p.emptyNote(); y-2 >= 0 && y-2 < len(note) {
			c.noteRow(b, w, note[y-2])
			return
		}
		st.fill.spaces(b, w)
		return
	}
	i := p.top + y - 1
	if i >= len(p.entries) {
		st.fill.spaces(b, w)
		return
	}
	e := &p.entries[i]
	text, right := issueTitle(e.date), c.chrome(c.w(e.status()))
	rw := c.m.StringWidth(right)
	date, _ := splitKey(e.date)
	if rw+2 > w-itemLeft-listRight-c.m.StringWidth(longDate(date)) {
		right, rw = "", 0 // the date comes first; a long paper's name is cut for the count
	}
	text = fit(c.m, text, w-itemLeft-listRight-rw-min(rw, 2))
	tw := c.m.StringWidth(text)
	pt, pr, pad := st.item, st.dim, st.fill
	switch {
	case i == p.cur:
		pt, pr, pad = st.selected, st.selected, st.selected
	case e.counted && e.err == "" && e.unread == 0:
		pt = st.read
	}
	if i == p.cur {
		st.fill.spaces(b, itemLeft-2)
		pad.spaces(b, 2)
	} else {
		st.fill.spaces(b, itemLeft)
	}
	pt.write(b, text)
	pad.spaces(b, w-itemLeft-tw-rw-listRight)
	pr.write(b, right)
	pad.spaces(b, listRight)
}

// rowAt returns the entry shown on line y of the pane's inner area, and
// false when there is none.
func (p *shelfPane) rowAt(y int) (int, bool) {
	i := p.top + y
	if y < 0 || y >= p.height() || i >= len(p.entries) {
		return 0, false
	}
	return i, true
}
