package tui

import (
	"strings"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/rivo/uniseg"

	"github.com/dubaoreader/dubao/model/clean"
	"github.com/dubaoreader/dubao/tui/layout"
)

// prompt is the search prompt's line editor: the query typed so far and
// the cursor in it. It is our own rather than bubbles' textinput, which
// puts the terminal's cursor as many cells along as there are runes before
// it (bubbles #906: a cell short for each Chinese character) and measures
// with three width functions, none of them our Measure.
//
// It takes text as terminals deliver it — a key press per character, a
// word an input method commits in one key press of several runes, a
// bracketed paste — and it moves and deletes by grapheme cluster, a
// character as a person counts one, so that backspace removes the
// character before the cursor whatever runes it is made of (a base and its
// combining marks, an emoji sequence).
type prompt struct {
	text string
	cur  int // the cursor: a byte offset in text, at a cluster boundary
}

// promptEvent is what a message did to the prompt.
type promptEvent uint8

const (
	promptIgnored promptEvent = iota // not for the prompt
	promptMoved                      // the cursor moved, the text is the same
	promptEdited                     // the text changed
	promptConfirm                    // enter: keep the query
	promptCancel                     // esc: forget it
)

// update applies a key press or a paste to the prompt.
func (p *prompt) update(msg tea.Msg, k PromptKeys) promptEvent {
	switch msg := msg.(type) {
	case tea.PasteMsg:
		return p.insert(msg.Content)
	case tea.KeyPressMsg:
		before := *p
		switch {
		case key.Matches(msg, k.Confirm):
			return promptConfirm
		case key.Matches(msg, k.Cancel):
			return promptCancel
		case key.Matches(msg, k.DeleteBack):
			if p.cur > 0 {
				start := p.clusterBefore()
				p.text, p.cur = p.text[:start]+p.text[p.cur:], start
			}
		case key.Matches(msg, k.DeleteForward):
			if p.cur < len(p.text) {
				p.text = p.text[:p.cur] + p.text[p.clusterAfter():]
			}
		case key.Matches(msg, k.Clear):
			p.text, p.cur = "", 0
		case key.Matches(msg, k.Left):
			p.cur = p.clusterBefore()
		case key.Matches(msg, k.Right):
			p.cur = p.clusterAfter()
		case key.Matches(msg, k.Start):
			p.cur = 0
		case key.Matches(msg, k.End):
			p.cur = len(p.text)
		case msg.Text != "" && msg.Mod&(tea.ModCtrl|tea.ModAlt|tea.ModSuper|tea.ModHyper|tea.ModMeta) == 0:
			return p.insert(msg.Text)
		default:
			return promptIgnored
		}
		switch {
		case p.text != before.text:
			return promptEdited
		case p.cur != before.cur:
			return promptMoved
		}
		return promptIgnored
	}
	return promptIgnored
}

// insert types s at the cursor: line breaks and tabs (from a paste) become
// spaces, and what is not text (control and bidirectional characters, by
// package clean's rule) is dropped.
func (p *prompt) insert(s string) promptEvent {
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\r' || r == '\t' || r == '\f':
			return ' '
		case clean.NotText(r):
			return -1
		}
		return r
	}, s)
	if s == "" {
		return promptIgnored
	}
	p.text = p.text[:p.cur] + s + p.text[p.cur:]
	p.cur += len(s)
	return promptEdited
}

// clusterBefore returns where the cluster before the cursor starts.
func (p *prompt) clusterBefore() int {
	at, state := 0, -1
	rest := p.text[:p.cur]
	for rest != "" {
		var c string
		c, rest, _, state = uniseg.FirstGraphemeClusterInString(rest, state)
		if rest == "" {
			break
		}
		at += len(c)
	}
	return at
}

// clusterAfter returns where the cluster at the cursor ends.
func (p *prompt) clusterAfter() int {
	if p.cur >= len(p.text) {
		return len(p.text)
	}
	c, _, _, _ := uniseg.FirstGraphemeClusterInString(p.text[p.cur:], -1)
	return p.cur + len(c)
}

// promptTail returns a tail of s that starts at a rune and holds more
// than room cells, or s. A character of one or two cells takes one to four
// bytes, so such a tail is short — tried at a byte a cell, then at four —
// but for runs of zero-width characters (a base with many combining
// marks), for which all of s is kept.
func promptTail(m layout.Measure, s string, room int) string {
	for _, bytesPerCell := range []int{1, 4} {
		cut := len(s) - bytesPerCell*(room+16)
		if cut <= 0 {
			return s
		}
		for cut < len(s) && !utf8.RuneStart(s[cut]) {
			cut++
		}
		if tail := s[cut:]; m.StringWidth(tail) > room {
			return tail
		}
	}
	return s
}

// promptView is the prompt laid out in a number of cells: the text before
// the cursor, the cell the cursor is drawn on (the character under it, or a
// space at the end), and the text after, each already cut to fit.
type promptView struct {
	before, at, after string
	width             int // cells the three take
	cursor            int // the cursor's cell, counted from the first of before
}

// view lays the prompt out in room cells by m: the cursor stays in view,
// and when the text is too long the start of it gives way, marked with a
// … . The cursor's cell is right after the last character before it, as m
// measures them, in either ambiguous-width mode.
func (p *prompt) view(m layout.Measure, room int) promptView {
	v := promptView{before: p.text[:p.cur], at: " ", after: ""}
	if p.cur < len(p.text) {
		end := p.clusterAfter()
		v.at, v.after = p.text[p.cur:end], p.text[end:]
	}
	atW := m.StringWidth(v.at)
	if atW == 0 { // a character drawn in no cell: the cursor needs one
		v.at += " "
		atW = 1
	}
	// Only the end of a long text can be in view: it is cut to a tail that
	// holds more than room cells first, so that the cost is that of the
	// room, not of the text (10 KB pasted is 10 000 keys).
	tail := promptTail(m, v.before, room)
	if tail != v.before || m.StringWidth(v.before)+atW > room {
		// Let the start go, a cluster at a time, behind a … .
		const gone = "…"
		goneW := m.StringWidth(gone)
		rest := tail
		w, state := m.StringWidth(rest), -1
		for rest != "" && goneW+w+atW > room {
			var c string
			c, rest, _, state = uniseg.FirstGraphemeClusterInString(rest, state)
			w -= m.StringWidth(c)
		}
		for rest != "" && goneW+m.StringWidth(rest)+atW > room { // should widths not add up
			_, rest, _, state = uniseg.FirstGraphemeClusterInString(rest, state)
		}
		v.before = rest
		if goneW+atW <= room {
			v.before = gone + rest
		}
	}
	v.cursor = m.StringWidth(v.before)
	v.after = m.Truncate(v.after, max(room-v.cursor-atW, 0), "")
	v.width = v.cursor + atW + m.StringWidth(v.after)
	return v
}
