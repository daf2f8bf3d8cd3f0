package tui

import (
	"strconv"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// Unmarker is a Memory that can also forget that a story was read (r). A
// Memory without it forgets only until the issue is opened again.
type Unmarker interface {
	MarkUnread(issue, story string) error
}

// nextUnread reads the next story not read yet, in the reader's order
// (across pages), coming round to the first; when the issue has none, it
// goes to the shelf and opens the next day with stories unread, at its
// first unread story.
func (m *Model) nextUnread() {
	if m.unreadInIssue() {
		return
	}
	if m.shelf.lib == nil {
		m.say("本期已读完")
		return
	}
	m.toShelf()
	m.nextUnreadDay()
}

// nextUnreadDay opens the day after the one open last on the shelf that
// may have stories unread; opened then reads its first unread story.
func (m *Model) nextUnreadDay() {
	m.openUnread(m.shelf.nextUnread(m.date))
}

// openUnread opens entry next of the shelf, to be read at its first
// unread story; -1 says the shelf is read.
func (m *Model) openUnread(next int) {
	if next < 0 {
		m.say("书架上都读完了")
		return
	}
	m.shelf.moveTo(next)
	m.toUnread = true
	m.openFromShelf()
}

// unreadInIssue reads the next unread story of the issue, and reports
// whether there was one.
func (m *Model) unreadInIssue() bool {
	all := m.st.all
	cur := -1 // the story after which to look: the one being read, or before the one selected
	if r, ok := m.list.selected(); ok {
		cur = r.story
		if !m.reading {
			cur--
		}
	}
	for d := 1; d <= len(all); d++ {
		i := (cur + d) % len(all)
		if i < 0 {
			i += len(all)
		}
		if m.list.read.IsRead(all[i].key) {
			continue
		}
		row, ok := m.list.rowOf(i)
		if !ok {
			continue // narrowed out of the list
		}
		m.list.cur = row
		m.list.follow()
		m.sync()
		m.read()
		if i <= cur {
			m.say("已回到第一篇未读")
		}
		return true
	}
	return false
}

// nextUnread returns the entry after the one of date (down the shelf,
// then from the top) that may have stories unread; -1 for none.
func (p *shelfPane) nextUnread(date string) int {
	at := -1
	for i, e := range p.entries {
		if e.date == date {
			at = i
		}
	}
	return p.unreadFrom(at+1, date)
}

// unreadFrom returns the first entry from i on (wrapping round), other
// than the one of skip, that may have stories unread: counted with some,
// or not counted yet; -1 for none.
func (p *shelfPane) unreadFrom(i int, skip string) int {
	for d := range len(p.entries) {
		j := (i + d) % len(p.entries)
		if e := p.entries[j]; e.date != skip && (!e.counted || e.err == "" && e.unread > 0) {
			return j
		}
	}
	return -1
}

// toggleRead marks the selected story unread when it is read, and read
// when it is not, here and in the Memory.
func (m *Model) toggleRead() {
	r, ok := m.list.selected()
	if !ok {
		return
	}
	if !m.list.read.IsRead(r.key) {
		m.list.read.MarkRead(r.key)
		m.list.refit()
		m.remember(func(mem Memory, issue string) error { return mem.MarkRead(issue, r.key) })
		m.say("已标为已读")
		return
	}
	m.list.read.MarkUnread(r.key)
	m.list.refit()
	m.remember(func(mem Memory, issue string) error {
		if u, ok := mem.(Unmarker); ok {
			return u.MarkUnread(issue, r.key)
		}
		return nil
	})
	m.say("已标为未读")
}

// allRead marks every story of the issue read.
func (m *Model) allRead() {
	n := 0
	for _, v := range m.st.all {
		if m.list.read.IsRead(v.key) {
			continue
		}
		k := v.key
		m.list.read.MarkRead(k)
		m.remember(func(mem Memory, issue string) error { return mem.MarkRead(issue, k) })
		n++
	}
	m.list.refit()
	m.say("整期已读（新标 " + strconv.Itoa(n) + " 篇）")
}

// copyStory puts the selected story, as clean text (StoryText), on the
// clipboard through the terminal: OSC 52, which reaches the clipboard of
// the machine the terminal runs on, over ssh too; inside tmux also
// wrapped for tmux to pass on.
func (m *Model) copyStory() tea.Cmd {
	r, ok := m.list.selected()
	if !ok {
		return nil
	}
	s := m.st.all[r.story].s
	text := StoryText(s)
	m.pass(message{text: m.c.w("已复制：") + s.Heading()})
	cmds := []tea.Cmd{tea.SetClipboard(text)}
	if m.inTmux {
		cmds = append(cmds, tea.Raw(tmuxPassthrough(ansi.SetSystemClipboard(text))))
	}
	return tea.Sequence(cmds...)
}

// tmuxPassthrough wraps seq for tmux to hand to the terminal outside it
// (with allow-passthrough on): DCS tmux; with each ESC doubled.
func tmuxPassthrough(seq string) string {
	b := []byte("\x1bPtmux;")
	for i := 0; i < len(seq); i++ {
		if seq[i] == 0x1b {
			b = append(b, 0x1b)
		}
		b = append(b, seq[i])
	}
	return string(append(b, "\x1b\\"...))
}
