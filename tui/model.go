package tui

import (
	"image"
	"os"
	"slices"
	"strings"
	"sync"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"github.com/dubaoreader/dubao/model"
	"github.com/dubaoreader/dubao/themes"
	"github.com/dubaoreader/dubao/tui/layout"
)

// Options configure the reader. The zero value is a reader in Narrow mode
// with the default measure and theme.
type Options struct {
	Measure      layout.Measure // how wide text is, as the terminal draws it
	MeasureChars int            // the reading measure in CJK characters; DefaultMeasure when 0
	NoIndent     bool           // start without the first-line indent
	ListWidth    int            // the list pane's width in cells; 0 for the layout's choice
	Words        Words          // the script of the reader's own words; WordsAuto follows the issue

	ThemeName  string         // --theme; "" to choose by NO_COLOR and the background
	NoColor    string         // the value of $NO_COLOR
	UserThemes []themes.Theme // from themes.LoadDir

	// ColorProfile is the colours the terminal shows, as cmd/dubao found
	// them; Unknown has bubbletea find them (in tmux, by running tmux).
	// ANSI, 16 colours (TERM=xterm), draws in themes.Sixteen.
	ColorProfile colorprofile.Profile

	// LastTheme is the theme t picked last time: the reader starts in it
	// when no theme is named and it suits the terminal's background.
	// KeepTheme, when not nil, is told the theme t picks, off the UI
	// goroutine, to remember it.
	LastTheme string
	KeepTheme func(name string) error

	// InTmux says the terminal is tmux: the clipboard is also set through
	// tmux's passthrough.
	InTmux   bool
	Warnings []error // shown in the status bar at start, such as a bad theme file (Notices in the reader's words)

	// Key is the issue's key in Memory: its date, or where it was read
	// from; "" remembers nothing of it. Memory is what is remembered from
	// one run to the next, nil for nothing.
	Key    string
	Memory Memory

	// Library is the shelf of days: New with no issue opens on it, and s
	// goes back to it from an issue — one of its days when it is given one
	// (dubao --date), Key being the day's date. nil for none.
	Library Library

	// TypedAhead are keys typed before the reader started (while the
	// terminal was asked how it draws ambiguous characters): the reader
	// takes them first, once it knows the window's size.
	TypedAhead []tea.Msg

	// Stop delivers the signals that stop the reader as q does, saving the
	// place (cmd/dubao gives SIGHUP, SIGTERM and SIGINT); nil for none.
	Stop <-chan os.Signal

	// PageImage renders a page read from a PDF w×h pixels, for the picture
	// under the page map, drawn where the terminal says it can (the kitty
	// graphics protocol); nil for none, and the terminal is not asked.
	PageImage func(p *model.Page, w, h int) (image.Image, error)

	// Width and Height are the window's size until bubbletea says (Run
	// takes the terminal's when they are zero). Zero draws nothing until
	// then.
	Width, Height int
}

// focus is which pane keys go to.
type focus int

const (
	focusList focus = iota
	focusBody
)

// Model is the reader: it routes messages to the screen that is up (see
// screen) and its panes — the shelf, the list and the body, the help, the
// search prompt — and draws them with a header and a status bar. Update
// and the key and mouse routing are in update.go, View and the bars in
// view.go; each pane answers its own keys and draws its own rows.
type Model struct {
	c      common
	words  Words      // the script asked for the reader's own words
	screen screenKind // what is up and takes the keys
	under  screenKind // the screen under the help or the prompt

	issue *model.Issue // the open issue, its stories in the reader's order
	st    stories
	list  list
	body  body
	help  help
	focus focus    // the issue screen's pane with the keys
	pmap  pageMap  // the page map's page and story, and its screen
	pic   pictures // the page's picture under the map, where the terminal can show one

	// The shelf; the date of the issue open from it ("" for one not from
	// the shelf).
	shelf    shelfPane
	find     shelfFind // the shelf's search (shelfsearch.go)
	date     string
	toUnread bool // the issue being opened is to be read at its first unread story (U)

	// What is remembered between runs: the open issue's key in mem, and
	// whether a story has been read in it since it was opened (until then
	// its position is not saved over).
	mem      Memory
	issueKey string
	reading  bool

	// Commands to run after this Update: the Memory told of a story read,
	// an issue opened or counted. quitErr is what saving the position on
	// quitting came to, for Run.
	pending []tea.Cmd
	quitErr error
	left    bool            // the place is saved: the reader is quitting
	typed   []tea.Msg       // keys typed before the start, not taken yet
	inTmux  bool            // the clipboard is also set through tmux
	tells   []func() error  // what the Memory is to be told, not handed over yet
	telling *sync.WaitGroup // what it is being told, handed over

	themeChosen bool   // the theme was named, by --theme or t: keep it
	lastTheme   string // the theme t picked last time, kept when it suits the background
	keepTheme   func(name string) error
	dark        bool // the terminal's background, once bgKnown
	bgKnown     bool
	sixteen     bool // the terminal has 16 colours
	noColor     string
	user        []themes.Theme

	message message // a passing message or warning in the status bar
	queued  []error // warnings waiting to be shown, each after the one before (dismiss)

	// The search, and its prompt while it is open: where the reader was
	// when it opened (to go back to on esc, and to search from), and
	// whether the first match shown came round from the start.
	search  search
	prompt  prompt
	before  place
	origin  spot
	wrapped bool
	history []string // the queries searched for, the latest last
	histAt  int      // the one ↑ and ↓ have put in the prompt; len(history) for none

	// Ready to print, rebuilt by refresh after each change.
	header, status string
	tooSmall       string
	cursorX        int // the prompt's cursor cell on the status bar
}

// New returns the reader on issue, or on the shelf of o.Library when issue
// is nil.
func New(is *model.Issue, o Options) *Model {
	is, o = takeIn(is, o) // see untrusted.go
	m := &Model{typed: o.TypedAhead, inTmux: o.InTmux, noColor: o.NoColor, user: o.UserThemes, search: search{cur: -1}, mem: o.Memory, telling: &sync.WaitGroup{}}
	m.c = common{m: o.Measure, measure: o.MeasureChars, listWidth: o.ListWidth, indent: !o.NoIndent, keys: DefaultKeyMap(), traditional: o.Words == WordsTraditional}
	m.words = o.Words
	if m.c.measure < 1 {
		m.c.measure = DefaultMeasure
	}
	t, err := themes.Resolve(themes.Options{Name: o.ThemeName, NoColor: o.NoColor, DarkBackground: true, User: o.UserThemes})
	m.themeChosen = o.ThemeName != "" && err == nil
	m.keepTheme = o.KeepTheme
	if last, ok := themes.Lookup(o.LastTheme, o.UserThemes); ok && o.ThemeName == "" && o.NoColor == "" {
		t, m.lastTheme = last, last.Name // until the background says it does not suit
	}
	warnings := o.Warnings
	if err != nil {
		warnings = append([]error{Say("没有叫 %s 的主题；可用：%s", o.ThemeName, strings.Join(themes.Available(o.UserThemes), "、"))}, warnings...)
	}
	m.body = newBody(&m.c)
	m.help = help{c: &m.c}
	m.pmap = newPageMap(&m.c)
	m.pic = pictures{render: o.PageImage}
	m.pic.reset()
	m.sixteen = o.ColorProfile == colorprofile.ANSI
	m.c.st = newStyles(m.drawn(t), m.c.m.Ambiguous() == layout.Wide)
	m.shelf = newShelfPane(&m.c, o.Library)
	m.shelf.wantScript = o.Words == WordsAuto
	m.c.geo = NewGeometryList(o.Width, o.Height, m.c.measure, m.c.listWidth)
	if is == nil && o.Library != nil {
		m.issue, m.st = readIssue(&model.Issue{})
		m.list = newList(&m.c, m.issue, &m.st, &ReadMarks{})
		m.screen = shelfScreen
	} else {
		var r Recall
		if o.Memory != nil && o.Key != "" {
			var err error
			if r, err = o.Memory.Load(o.Key); err != nil {
				warnings = append(warnings, err)
			}
		}
		m.open(Opened{Issue: is, Key: o.Key}, r, model.IssueScript(is))
		if o.Library != nil {
			m.date = o.Key
		}
	}
	m.warn(warnings...)
	m.resize(o.Width, o.Height)
	m.refresh()
	return m
}

// warn shows the first of warnings in the status bar, and how many more
// there are; the others wait, before the warning it replaces and those
// already waiting, each shown in turn as a key takes the one before down
// (dismiss), so that no warning is lost to another. A warning shown or
// waiting already is not said again: a full disk fails every save alike.
func (m *Model) warn(warnings ...error) {
	var fresh []error
	for _, w := range warnings {
		said := func(e error) bool { return e.Error() == w.Error() }
		if !slices.ContainsFunc(fresh, said) && !slices.ContainsFunc(m.queued, said) && (m.message.err == nil || !said(m.message.err)) {
			fresh = append(fresh, w)
		}
	}
	if len(fresh) == 0 {
		return
	}
	if m.message.err != nil {
		fresh = append(fresh, m.message.err)
	}
	m.message = message{err: fresh[0], warn: true}
	m.queued = append(fresh[1:], m.queued...)
}

// dismiss takes the message down, and puts up the next warning waiting.
func (m *Model) dismiss() {
	m.message = message{}
	if len(m.queued) > 0 {
		next := m.queued[0]
		m.queued = m.queued[1:]
		m.message = message{err: next, warn: true}
	}
}

// open puts the issue op, printed in script, in the reader, as read so far
// (r): the list at its first story, or where the reading stopped when r
// says.
func (m *Model) open(op Opened, r Recall, script model.Script) {
	is := op.Issue
	if is == nil {
		is = &model.Issue{}
	}
	if m.words == WordsAuto {
		m.c.traditional = script == model.Traditional
	}
	m.issue, m.st = readIssue(is)
	m.issueKey, m.reading = op.Key, false
	m.search, m.focus = search{cur: -1}, focusList
	m.list = newList(&m.c, m.issue, &m.st, NewReadMarks(r.Read))
	m.body = newBody(&m.c)
	m.screen = issueScreen
	m.pic.reset()
	m.resize(m.c.geo.Width, m.c.geo.Height)
	m.sync()
	if r.Position != nil {
		m.restore(*r.Position)
	}
}

// Init asks the terminal for its background, to choose between the light
// and the dark theme, unless the choice is made; builds the open issue's
// search index off the UI goroutine, or on the shelf starts counting the
// issues in view.
func (m *Model) Init() tea.Cmd {
	var cmds []tea.Cmd
	if m.onShelf() {
		cmds = append(cmds, m.shelf.countNext(m.mem))
	} else {
		cmds = append(cmds, buildIndex(m.issue))
	}
	if m.noColor == "" {
		cmds = append(cmds, tea.RequestBackgroundColor) // the default, and what t steps through
	}
	if m.pic.render != nil {
		cmds = append(cmds, askGraphics())
	}
	m.handOver() // a story opened where the reading had stopped
	cmds = append(cmds, m.pending...)
	m.pending = nil
	return tea.Batch(cmds...)
}

// openFromShelf opens the selected issue of the shelf, off the UI
// goroutine; openedMsg brings it.
func (m *Model) openFromShelf() {
	date := m.shelf.selected()
	if date == "" || m.shelf.opening != "" {
		return
	}
	m.shelf.opening = date
	m.pass(message{text: m.c.w("正在打开 ") + issueTitle(date) + " …"})
	m.pending = append(m.pending, openCmd(m.shelf.lib, m.mem, date))
}

// opened takes in an issue opened from the shelf: the reader goes to it,
// unless the shelf was left meanwhile or it could not be read.
func (m *Model) opened(msg openedMsg) {
	if msg.date != m.shelf.opening {
		return
	}
	m.shelf.opening = ""
	if !m.onShelf() && m.screen != shelfFindScreen {
		return
	}
	if msg.err != nil {
		m.shelf.set(msg.date, 0, 0, false, msg.err)
		m.warn(msg.err)
		return
	}
	if m.message.err == nil {
		m.dismiss() // 正在打开 …: a warning it covered comes back
	}
	m.open(msg.op, msg.recall, msg.script)
	m.date = msg.date
	m.foundOpened()
	var warnings []error
	if msg.warning != nil {
		warnings = append(warnings, msg.warning)
	}
	m.warn(append(warnings, msg.op.Warnings...)...)
	m.pending = append(m.pending, buildIndex(m.issue))
	if m.toUnread {
		m.toUnread = false
		m.unreadInIssue()
	}
}

// noShelf is what s and esc say in an issue opened from files, not from
// the shelf: there is nothing to go back to, and how to leave.
const noShelf = "这一期由文件打开，没有书架可回 · q 退出"

// toShelf leaves the issue for the shelf, remembering where the reading
// stopped and counting what is unread in it.
func (m *Model) toShelf() {
	if m.shelf.lib == nil {
		m.say(noShelf)
		return
	}
	if p, ok := m.position(); ok {
		m.remember(func(mem Memory, issue string) error { return mem.SetPosition(issue, p) })
	}
	if m.date != "" {
		m.shelf.set(m.date, len(m.st.all), m.list.unread(), true, nil)
		for i, e := range m.shelf.entries {
			if e.date == m.date {
				m.shelf.moveTo(i)
			}
		}
	}
	m.toShelfScreen()
}

// toShelfScreen puts the shelf up, in its own script (shelfPane.traditional)
// when the reader's words follow the pages and it is known, and goes on
// counting its issues.
func (m *Model) toShelfScreen() {
	m.screen = shelfScreen
	m.shelfWords()
	m.pending = append(m.pending, m.shelf.countNext(m.mem))
}

// shelfWords has the reader speak the shelf's script, when its words
// follow the pages and the shelf's script is known.
func (m *Model) shelfWords() {
	if m.words == WordsAuto && m.shelf.scripted {
		m.c.traditional = m.shelf.traditional
	}
}

// quit saves where the reading stopped, there and then, waits for what
// else the Memory is being told, and quits; Run reports a failure to save
// the place.
func (m *Model) quit() tea.Cmd {
	m.leave()
	if gone := m.pictureGone(); gone != "" {
		return tea.Sequence(tea.Raw(gone), tea.Quit)
	}
	return tea.Quit
}

// leave saves where the reading stopped and waits for what else the
// Memory is being told, once: on quitting, or when the program ended
// otherwise.
func (m *Model) leave() {
	if m.left {
		return
	}
	m.left = true
	if p, ok := m.position(); ok && !m.onShelf() && m.mem != nil && m.issueKey != "" {
		m.quitErr = m.mem.SetPosition(m.issueKey, p)
	}
	m.settle()
}

// resize lays the reader out for a window of w×h and sets everything
// that depends on widths again.
func (m *Model) resize(w, h int) {
	m.c.geo = NewGeometryList(w, h, m.c.measure, m.c.listWidth)
	if m.c.geo.TooSmall {
		m.tooSmall = m.tooSmallScreen()
		return
	}
	m.list.refit()
	m.body.reflow()
	m.shelf.follow()
	m.help.rebuild()
	m.drawMap()
}

func (m *Model) setTheme(t themes.Theme) {
	m.c.st = newStyles(m.drawn(t), m.c.m.Ambiguous() == layout.Wide)
	m.help.rebuild()
	m.drawMap()
	if m.c.geo.TooSmall {
		m.tooSmall = m.tooSmallScreen()
	}
}

// drawn is theme t as the terminal is to draw it: in the palette's own
// colours on a terminal of 16.
func (m *Model) drawn(t themes.Theme) themes.Theme {
	if m.sixteen {
		return themes.Sixteen(t)
	}
	return t
}

// sync shows the selected story in the body, with the search's hits in
// it.
func (m *Model) sync() {
	r, ok := m.list.selected()
	if !ok {
		m.body.show(nil)
		m.body.setHits(nil, nil, 0, -1)
		return
	}
	m.body.show(&m.st.all[r.story])
	s := &m.search
	lo, hi := storyRange(s.spots, r.story)
	m.body.setHits(s.hits[lo:hi], s.spots[lo:hi], lo, s.cur)
}

// read opens the selected story: the body takes the keys, and the story
// is marked read, here and in the Memory.
func (m *Model) read() {
	r, ok := m.list.selected()
	if !ok {
		return
	}
	m.focus = focusBody
	m.reading = true
	if m.list.read.IsRead(r.key) {
		return
	}
	m.list.read.MarkRead(r.key)
	m.list.refit() // the unread counts
	m.remember(func(mem Memory, issue string) error { return mem.MarkRead(issue, r.key) })
}

// message is a line for the status bar until the next key: news of what a
// key did, or a warning.
type message struct {
	text string
	err  error // a warning, said as the status bar is drawn (common.said), in place of text
	warn bool
}

func (m *Model) say(text string) { m.pass(message{text: m.c.w(text)}) }

// pass puts msg, a passing message, in the status bar; a warning it covers
// waits to be shown again, first of those waiting.
func (m *Model) pass(msg message) {
	if m.message.err != nil {
		m.queued = append([]error{m.message.err}, m.queued...)
	}
	m.message = msg
}

// cycleTheme goes on to the next theme that suits the terminal's
// background, says which, and has it remembered for the next start.
func (m *Model) cycleTheme() {
	lookup := func(n string) (themes.Theme, bool) { return themes.Lookup(n, m.user) }
	name := themes.Cycle(m.c.st.theme.Name, themes.Available(m.user))
	if m.bgKnown {
		name = themes.CycleSuited(m.c.st.theme.Name, themes.Available(m.user), m.dark, lookup)
	}
	t, ok := lookup(name)
	if !ok {
		return
	}
	m.setTheme(t)
	m.themeChosen = true
	m.say("主题：" + t.Name)
	if keep := m.keepTheme; keep != nil {
		m.pending = append(m.pending, func() tea.Msg { return savedMsg{err: keep(t.Name)} })
	}
}

// background takes in the terminal's background: the theme follows it
// unless one was chosen — the one t picked last time when it suits.
func (m *Model) background(dark bool) {
	m.dark, m.bgKnown = dark, true
	if m.themeChosen {
		return
	}
	if t, ok := themes.Lookup(m.lastTheme, m.user); ok && t.Suits(dark) {
		m.setTheme(t)
		return
	}
	t, _ := themes.Resolve(themes.Options{NoColor: m.noColor, DarkBackground: dark, User: m.user})
	m.setTheme(t)
}

// edge says that there is no story or page further that way.
func (m *Model) edge(next bool, unit string) {
	if next {
		m.say("已是最后一" + unit)
	} else {
		m.say("已是第一" + unit)
	}
}
