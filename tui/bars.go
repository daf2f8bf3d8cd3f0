package tui

import (
	"strconv"
	"strings"
	"time"
	"unicode"
)

// segment is a piece of a one-line bar: text and how it is drawn.
type segment struct {
	text string
	p    paint
}

// writeBar writes a one-line bar to b in exactly w cells: left from the
// left edge, cut with … where it runs over, and right against the right
// edge when it fits in half the bar; pad fills between.
// Where the ambiguous characters are drawn wide, a cut is marked ... :
// the callers give text of their own through common.chrome.
func (c *common) writeBar(b *strings.Builder, left, right []segment, w int, pad paint) {
	m := c.m
	rw := 0
	for _, s := range right {
		rw += m.StringWidth(s.text)
	}
	if rw > w/2 {
		right, rw = nil, 0
	}
	room := w - rw
	if rw > 0 {
		room -= 2 // a gap before right
	}
	used := 0
	for _, s := range left {
		sw := m.StringWidth(s.text)
		if used+sw > room {
			t := c.fitBar(s.text, room-used)
			s.p.write(b, t)
			used += m.StringWidth(t)
			break
		}
		s.p.write(b, s.text)
		used += sw
	}
	pad.spaces(b, w-used-rw)
	for _, s := range right {
		s.p.write(b, s.text)
	}
}

// fitBar cuts s to w cells for a bar, marking the cut with … , or with
// ... where … is drawn wide.
func (c *common) fitBar(s string, w int) string {
	if !c.wide() || c.m.StringWidth(s) <= w {
		return fit(c.m, s, w)
	}
	const tail = "..."
	if w < len(tail) {
		return c.m.Truncate(s, w, "")
	}
	return strings.TrimRight(c.m.Truncate(s, w-len(tail), ""), " ") + tail
}

// longDate writes a date given as 2019-02-21 the way a paper prints it:
// 2019年2月21日 星期四. Anything else comes back as it is.
func longDate(s string) string {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return s
	}
	const weekdays = "日一二三四五六"
	wd := []rune(weekdays)[t.Weekday()]
	return strconv.Itoa(t.Year()) + "年" + strconv.Itoa(int(t.Month())) + "月" + strconv.Itoa(t.Day()) + "日 星期" + string(wd)
}

// cutMessage returns a message cut to room cells where it does not fit: at
// the last place a reader pauses — after a mark such as ， ； ： 、 or a
// space — when that keeps at least half the room; failing that between
// two characters, but never inside a word or a file name (a run of
// letters, digits and . _ / -). The cut is marked … (... where … is drawn
// wide).
func (c *common) cutMessage(s string, room int) string {
	m := c.m
	if room <= 0 || m.StringWidth(s) <= room {
		return s
	}
	tail := "…"
	if c.wide() {
		tail = "..."
	}
	keep := room - m.StringWidth(tail)
	if keep <= 0 {
		return m.Truncate(s, room, "")
	}
	r := []rune(m.Truncate(s, keep, ""))
	return strings.TrimRight(string(r[:c.cutAt(r, []rune(s), keep)]), " ") + tail
}

// cutAt returns how many runes of r, the most of the message all that fit
// keep cells, cutMessage keeps.
func (c *common) cutAt(r, all []rune, keep int) int {
	m := c.m
	for i := len(r); i > 0 && m.StringWidth(string(r[:i])) >= keep/2; i-- {
		if strings.ContainsRune("，；：、。！？,;: ）)", r[i-1]) {
			return i
		}
	}
	cut := len(r)
	for cut > 0 && cut < len(all) && inWord(all[cut-1]) && inWord(all[cut]) {
		cut--
	}
	if m.StringWidth(string(r[:cut])) < keep/2 {
		return len(r) // one long word: cut it after all
	}
	return cut
}

// inWord reports whether r belongs to a word or a file name, where a
// message is not cut.
func inWord(r rune) bool {
	return r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("._/-", r))
}
