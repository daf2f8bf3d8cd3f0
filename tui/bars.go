package tui

import (
	"strconv"
	"strings"
	"time"
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
