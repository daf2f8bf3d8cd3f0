package tui

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/dubaoreader/dubao/model"
	"github.com/dubaoreader/dubao/tui/layout"
	"github.com/dubaoreader/dubao/tui/pagemap"
)

// The page map (版面图) shows the page of the selected story as printed,
// to scale: each story's region a box holding as much of its headline as
// fits, the lead story's box heavier, pictures shaded, the selected story
// highlighted; beside it, when there is room, the selected story's
// headline and first lines. Moving on the map moves the list's selection,
// so the list, the map and the reader stay on one story. Package pagemap
// does the geometry; this file draws it and takes its keys; picture.go
// puts the page's own picture beneath it where the terminal can.

// MapKeys are the keys of the page map. [ ] change the page, ? and q are
// the reader's.
type MapKeys struct {
	Left, Right, Up, Down key.Binding // to the nearest story that way on the page
	Next, Prev            key.Binding // the next story in reading order, the one before
	Read                  key.Binding // read the selected story
	Back                  key.Binding // back to the list
}

// DefaultMapKeys returns the page map's keys.
func DefaultMapKeys() MapKeys {
	b := func(keys []string, k, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, desc))
	}
	return MapKeys{
		Left:  b([]string{"h", "left"}, "h", "左"),
		Right: b([]string{"l", "right"}, "l", "右"),
		Up:    b([]string{"k", "up"}, "k", "上"),
		Down:  b([]string{"j", "down"}, "j", "下"),
		Next:  b([]string{"tab"}, "tab", "下一篇"),
		Prev:  b([]string{"shift+tab"}, "shift+tab", "上一篇"),
		Read:  b([]string{"enter"}, "enter", "阅读"),
		Back:  b([]string{"esc", "m"}, "esc", "返回"),
	}
}

// hints are the keys the status bar names on the map, with the reader's
// [ ].
func (k MapKeys) hints() []key.Binding {
	move := key.NewBinding(key.WithHelp("hjkl", "移动"))
	page := key.NewBinding(key.WithHelp("[ ]", "换版"))
	return []key.Binding{move, k.Read, k.Next, page, k.Back}
}

// pageMap is the page map's state: the page it shows and the story
// selected on it, and the screen drawn for them. It is up while the
// reader's screen is mapScreen.
type pageMap struct {
	c    *common
	keys MapKeys
	page int    // the page shown, an index in the issue's pages
	art  int    // the article selected on it; -1 for none
	note string // what the last key has to say in the status bar

	lay  pagemap.Map
	at   pagemap.Rect // where the map's cells are on the screen, below the header
	rows []string     // the screen between header and status bar, drawn by drawMap
	grid []mapCell    // the cells drawMap draws the map in, kept for the next time
}

func newPageMap(c *common) pageMap {
	return pageMap{c: c, keys: DefaultMapKeys(), art: -1}
}

// openMap opens the map on the page of the story selected in the list,
// with that story selected.
func (m *Model) openMap() {
	r, ok := m.list.selected()
	if !ok {
		m.say("没有文章")
		return
	}
	v := &m.st.all[r.story]
	m.screen = mapScreen
	m.pmap.page, m.pmap.art = v.parts[0].page, v.parts[0].art
	m.drawMap()
}

// mapKey handles a key on the map: the help and the theme, which every
// screen of an issue answers, then the map's own; a move on the map moves
// the list's selection with it.
func (m *Model) mapKey(msg tea.KeyPressMsg) {
	k := &m.c.keys
	p := &m.pmap
	switch {
	case key.Matches(msg, k.Help):
		m.openHelp()
	case key.Matches(msg, k.Theme):
		m.cycleTheme()
	default:
		page, art := p.page, p.art
		switch p.update(msg, k, m.issue.Pages) {
		case toOpen:
			m.mapRead()
		case toBack:
			m.screen = issueScreen
		}
		if p.note != "" {
			m.say(p.note)
			p.note = ""
		}
		if p.page != page || p.art != art {
			m.mapSelect(p.page, p.art)
		}
	}
	m.drawMap()
}

// update moves the map for a key — to the nearest story in a direction,
// the next in reading order, another page (its lead selected) — and
// returns what reaches beyond it: toOpen to read the selected story,
// toBack to close the map. At an edge it leaves a note for the status bar.
func (p *pageMap) update(msg tea.KeyPressMsg, rk *KeyMap, pages []*model.Page) intent {
	k := &p.keys
	move := func(d pagemap.Direction, edge string) {
		if i, ok := p.lay.Nearest(p.art, d); ok {
			p.art = i
		} else {
			p.note = edge
		}
	}
	switch {
	case key.Matches(msg, k.Back):
		return toBack
	case key.Matches(msg, k.Read):
		return toOpen
	case key.Matches(msg, k.Left):
		move(pagemap.Left, "左边没有文章了")
	case key.Matches(msg, k.Right):
		move(pagemap.Right, "右边没有文章了")
	case key.Matches(msg, k.Up):
		move(pagemap.Up, "上面没有文章了")
	case key.Matches(msg, k.Down):
		move(pagemap.Down, "下面没有文章了")
	case key.Matches(msg, k.Next, k.Prev):
		step := 1
		if key.Matches(msg, k.Prev) {
			step = -1
		}
		if i := p.lay.Next(p.art, step); i >= 0 {
			p.art = i
		}
	case key.Matches(msg, rk.NextPage, rk.PrevPage):
		next := key.Matches(msg, rk.NextPage)
		to := p.page - 1
		if next {
			to = p.page + 1
		}
		if to < 0 || to >= len(pages) {
			p.note = "已是第一版"
			if next {
				p.note = "已是最后一版"
			}
			return stay
		}
		p.page, p.art = to, -1
		p.place(pages[to])
		switch {
		case p.lay.Lead() >= 0:
			p.art = p.lay.Lead()
		case len(pages[to].Articles) > 0:
			p.art = 0 // a page without geometry: its first story
		}
	}
	return stay
}

// mapSelect selects article ai of page pi on the map, and its story in
// the list and the body.
func (m *Model) mapSelect(pi, ai int) {
	m.pmap.page, m.pmap.art = pi, ai
	ref, ok := m.st.of[artRef{pi, ai}]
	if !ok {
		return
	}
	row, ok := m.list.rowOf(ref.story)
	if !ok && m.list.narrowed {
		// A story without matches, chosen on the map: the list shows
		// every story again, so that it can be selected there too.
		m.search.narrow = false
		m.list.narrow(false)
		row, ok = m.list.rowOf(ref.story)
	}
	if ok {
		m.list.cur = row
		m.list.follow()
	}
	m.sync()
}

// mapRead reads the story selected on the map, from its part on the
// page shown.
func (m *Model) mapRead() {
	p := &m.pmap
	ref, ok := m.st.of[artRef{p.page, p.art}]
	if !ok {
		return
	}
	m.screen = issueScreen
	m.read()
	if ref.part > 0 {
		m.body.reveal(spot{story: ref.story, sec: ref.part + 1, field: model.InParagraph})
	}
}

// mapClick selects the story clicked on the map, or reads it when it is
// selected.
func (m *Model) mapClick(ms tea.Mouse) {
	p := &m.pmap
	i, ok := p.lay.At(ms.X-p.at.X, ms.Y-1-p.at.Y)
	if !ok {
		return
	}
	m.dismiss()
	if i == p.art {
		m.mapRead()
		return
	}
	m.mapSelect(p.page, i)
	m.drawMap()
}

// mapPageLabel is the page the header names while the map is open.
func (m *Model) mapPageLabel() string {
	return m.c.pageLabel(m.issue.Pages[m.pmap.page]) + m.c.sep() + m.c.w("版面图")
}

// Glyphs the map is drawn with: a box's corners and sides. In Narrow mode
// the box-drawing characters, one cell each; in Wide mode, where a
// terminal may draw them in one cell or two, plain ASCII, one cell in
// every terminal (see TestMapGlyphsAreNeverAmbiguousInWide).
type boxGlyphs struct{ tl, tr, bl, br, h, v string }

type mapGlyphs struct {
	story, lead, current, page boxGlyphs
	shade                      string // a picture's cells
}

var (
	narrowMap = mapGlyphs{
		story:   boxGlyphs{"┌", "┐", "└", "┘", "─", "│"},
		lead:    boxGlyphs{"┏", "┓", "┗", "┛", "━", "┃"},
		current: boxGlyphs{"╔", "╗", "╚", "╝", "═", "║"},
		page:    boxGlyphs{"╭", "╮", "╰", "╯", "─", "│"},
		shade:   "░",
	}
	wideMap = mapGlyphs{
		story:   boxGlyphs{"+", "+", "+", "+", "-", "|"},
		lead:    boxGlyphs{"#", "#", "#", "#", "=", "#"},
		current: boxGlyphs{"*", "*", "*", "*", "*", "*"},
		page:    boxGlyphs{".", ".", "'", "'", ".", ":"},
		shade:   "/",
	}
)

func glyphsFor(m layout.Measure) *mapGlyphs {
	if m.Ambiguous() == layout.Wide {
		return &wideMap
	}
	return &narrowMap
}

// The paints of the map's cells.
const (
	mpFill uint8 = iota
	mpPage
	mpStory
	mpLead
	mpCurrent
	mpLabel
	mpLeadLabel
	mpReadLabel
	mpCurrentLabel
	mpShade
	mpPaints
)

// mapCell is one cell of the map: what it shows (the first cell of a
// wide character holds it, the second is skip) and its paint.
type mapCell struct {
	s    string
	p    uint8
	skip bool
}

// Sizes of the map's screen: the page's frame, the gap before the story
// beside it, and the narrowest that story's column may be.
const (
	mapMargin   = 1
	mapGap      = 2
	mapPanelMin = 20
)

// drawMap draws the map's screen again into pmap.rows, for the window,
// the page and the story selected. It is called whenever one of them
// changes; View only copies the rows.
func (m *Model) drawMap() {
	p := &m.pmap
	g := m.c.geo
	if m.base() != mapScreen || g.TooSmall || g.Width <= 0 || m.issue == nil || p.page >= len(m.issue.Pages) {
		return
	}
	st := &m.c.st
	W, H := g.Width, g.Height-2
	page := m.issue.Pages[p.page]
	p.rows = p.rows[:0]
	var b strings.Builder
	if page.Geometry == nil {
		p.lay = pagemap.Map{}
		msg := fit(m.c.m, m.c.pageLabel(page)+m.c.w("：本版没有版面信息，版面图需要本版的 PDF"), W-2)
		for y := range H {
			b.Reset()
			if y == H/2 {
				w := m.c.m.StringWidth(msg)
				st.fill.spaces(&b, (W-w)/2)
				st.dim.write(&b, msg)
				st.fill.spaces(&b, W-(W-w)/2-w)
			} else {
				st.fill.spaces(&b, W)
			}
			p.rows = append(p.rows, b.String())
		}
		return
	}

	panelX, panelW := p.place(page)
	cw := W
	if panelW > 0 {
		cw = panelX
	}
	grid := m.mapGrid(page, cw, H)
	var panel []panelLine
	if panelW > 0 {
		panel = m.mapPanel(page, panelW, H)
	}
	paints := m.mapPaints()
	var run []byte
	for y := range H {
		b.Reset()
		b.Grow(4*W + 256)
		run = writeCells(&b, grid[y*cw:(y+1)*cw], paints, run)
		if panelW > 0 {
			used := 0
			if y < len(panel) {
				l := panel[y]
				l.p.write(&b, l.text)
				used = m.c.m.StringWidth(l.text)
			}
			st.fill.spaces(&b, W-cw-used)
		}
		p.rows = append(p.rows, b.String())
	}
}

// place lays page out for the window: the map inside the page's frame, as
// large as the height allows, with the selected story beside it when there
// is room (from column panelX, panelW wide; 0 wide for none), else
// centred.
func (p *pageMap) place(page *model.Page) (panelX, panelW int) {
	g := p.c.geo
	W, H := g.Width, g.Height-2
	if page.Geometry == nil || g.TooSmall {
		p.lay, p.at = pagemap.Map{}, pagemap.Rect{}
		return 0, 0
	}
	room := W - 2*mapMargin - 2
	mw, mh := pagemap.Size(page.Geometry.Width, page.Geometry.Height, room, H-2)
	frameX := (W - mw - 2) / 2
	panelW = W - (mapMargin + mw + 2 + mapGap) - mapMargin
	if panelW >= mapPanelMin {
		frameX = mapMargin
		panelX = frameX + mw + 2 + mapGap
		panelW = min(panelW, 2*p.c.measure) // no wider than the reader's lines
	} else {
		panelW = 0
	}
	frameY := (H - mh - 2) / 2
	p.at = pagemap.Rect{X: frameX + 1, Y: frameY + 1, W: mw, H: mh}
	p.lay = pagemap.Place(page, mw, mh)
	return panelX, panelW
}

// mapPaints returns the paint of each kind of cell of the map.
func (m *Model) mapPaints() *[mpPaints]paint {
	st := &m.c.st
	fill := st.fill
	if m.pictureOn() {
		fill = paint{} // the terminal's own background, which shows the picture beneath
	}
	return &[mpPaints]paint{
		mpFill: fill, mpPage: st.dim, mpStory: st.frame.paint, mpLead: st.frameFocused.paint,
		mpCurrent: st.selected, mpLabel: st.item, mpLeadLabel: st.title, mpReadLabel: st.read,
		mpCurrentLabel: st.selected, mpShade: st.dim,
	}
}

// writeCells writes a row of cells, each run of one paint in one go; run
// is room to gather a run in.
func writeCells(b *strings.Builder, cells []mapCell, paints *[mpPaints]paint, run []byte) []byte {
	cur := uint8(mpFill)
	flush := func() {
		if len(run) > 0 {
			p := paints[cur]
			b.WriteString(p.pre)
			b.Write(run)
			b.WriteString(p.post)
		}
		run = run[:0]
	}
	for _, c := range cells {
		if c.skip {
			continue
		}
		if c.p != cur {
			flush()
			cur = c.p
		}
		run = append(run, c.s...)
	}
	flush()
	return run
}

// mapGrid returns the cells of the map's part of the screen, w×h, row by
// row: the page's frame, its pictures, and the stories' boxes with their
// headlines over them — a story's photo is shaded inside its box, the
// lines of the headline clear.
func (m *Model) mapGrid(page *model.Page, w, h int) []mapCell {
	p := &m.pmap
	gl := glyphsFor(m.c.m)
	if cap(p.grid) < w*h {
		p.grid = make([]mapCell, w*h)
	}
	grid := p.grid[:w*h]
	for i := range grid {
		grid[i] = mapCell{s: " "}
	}
	set := func(x, y int, s string, pt uint8) {
		if x >= 0 && x < w && y >= 0 && y < h {
			grid[y*w+x] = mapCell{s: s, p: pt}
		}
	}
	box := func(r pagemap.Rect, bg boxGlyphs, pt uint8) {
		x0, y0, x1, y1 := r.X, r.Y, r.X+r.W-1, r.Y+r.H-1
		switch {
		case r.W == 1 && r.H == 1:
			set(x0, y0, bg.tl, pt)
			return
		case r.H == 1:
			for x := x0; x <= x1; x++ {
				set(x, y0, bg.h, pt)
			}
			return
		case r.W == 1:
			for y := y0; y <= y1; y++ {
				set(x0, y, bg.v, pt)
			}
			return
		}
		for x := x0 + 1; x < x1; x++ {
			set(x, y0, bg.h, pt)
			set(x, y1, bg.h, pt)
		}
		for y := y0 + 1; y < y1; y++ {
			set(x0, y, bg.v, pt)
			set(x1, y, bg.v, pt)
		}
		set(x0, y0, bg.tl, pt)
		set(x1, y0, bg.tr, pt)
		set(x0, y1, bg.bl, pt)
		set(x1, y1, bg.br, pt)
	}
	at := p.at
	box(pagemap.Rect{X: at.X - 1, Y: at.Y - 1, W: at.W + 2, H: at.H + 2}, gl.page, mpPage)
	figures := p.lay.Figures
	if m.pictureOn() {
		figures = nil // the picture shows them
	}
	for _, f := range figures {
		for y := f.Y; y < f.Y+f.H; y++ {
			for x := f.X; x < f.X+f.W; x++ {
				set(at.X+x, at.Y+y, gl.shade, mpShade)
			}
		}
	}
	lead := p.lay.Lead()
	for i, boxes := range p.lay.Boxes {
		if len(boxes) == 0 {
			continue
		}
		bg, pt, label := gl.story, mpStory, uint8(mpLabel)
		switch {
		case i == p.art:
			bg, pt, label = gl.current, mpCurrent, mpCurrentLabel
		case i == lead:
			bg, pt, label = gl.lead, mpLead, mpLeadLabel
		case m.articleRead(p.page, i):
			label = mpReadLabel
		}
		for _, r := range boxes {
			r.X += at.X
			r.Y += at.Y
			box(r, bg, pt)
			if i == p.art { // the whole box turned over, its pictures kept
				for y := r.Y + 1; y < r.Y+r.H-1; y++ {
					for x := r.X + 1; x < r.X+r.W-1; x++ {
						if y >= 0 && y < h && x >= 0 && x < w && grid[y*w+x].p == mpShade {
							set(x, y, gl.shade, mpCurrent)
						} else {
							set(x, y, " ", mpCurrent)
						}
					}
				}
			}
		}
		// The headline in the largest box, as much as fits.
		r := boxes[0]
		iw, ih := r.W-2, r.H-2
		if iw < 2 || ih < 1 {
			continue
		}
		for j, line := range m.boxLines(page.Articles[i], iw, ih) {
			x := at.X + r.X + 1
			for k := range iw { // a picture under the headline gives way to it
				set(x+k, at.Y+r.Y+1+j, " ", label)
			}
			for k, c := range line {
				s := line[k : k+utf8.RuneLen(c)]
				cw := m.c.m.RuneWidth(c)
				if cw == 0 || c == utf8.RuneError {
					continue // nothing to draw a mark on
				}
				set(x, at.Y+r.Y+1+j, s, label)
				if cw == 2 {
					grid[(at.Y+r.Y+1+j)*w+x+1] = mapCell{skip: true, p: label}
				}
				x += cw
			}
		}
	}
	return grid
}

// boxLines returns a story's headline broken into at most h lines of w
// cells, the last cut with … when it does not all fit. Controls are
// dropped: nothing from the page reaches the terminal as one.
func (m *Model) boxLines(a *model.Article, w, h int) []string {
	text := a.Heading()
	if a.ContinuedFrom > 0 {
		text = m.c.w(continued) + text
	}
	text = printable(text)
	lines := m.c.m.Wrap(text, w)
	if len(lines) > h {
		lines = append(lines[:h-1], fit(m.c.m, strings.Join(lines[h-1:], ""), w))
	}
	for i, l := range lines {
		if m.c.m.StringWidth(l) > w {
			lines[i] = m.c.m.Truncate(l, w, "")
		}
	}
	return lines
}

// articleRead reports whether the story of article ai of page pi has been
// read.
func (m *Model) articleRead(pi, ai int) bool {
	ref, ok := m.st.of[artRef{pi, ai}]
	return ok && m.list.read.IsRead(m.st.all[ref.story].key)
}

// panelLine is a line of the story beside the map.
type panelLine struct {
	text string
	p    paint
}

// mapPanel returns the lines beside the map: the page, how many stories
// it has, then the selected story's headline, byline and first lines,
// each line at most w cells, at most h lines.
func (m *Model) mapPanel(page *model.Page, w, h int) []panelLine {
	st := &m.c.st
	mm := m.c.m
	var out []panelLine
	add := func(text string, p paint) {
		for _, l := range mm.Wrap(printable(text), w) {
			out = append(out, panelLine{mm.Truncate(l, w, ""), p})
		}
	}
	out = append(out, panelLine{}) // level with the frame's top
	n := 0
	for _, boxes := range m.pmap.lay.Boxes {
		if len(boxes) > 0 {
			n++
		}
	}
	add(m.c.pageLabel(page)+m.c.sep()+strconv.Itoa(n)+m.c.w(" 篇"), st.pageHeading)
	out = append(out, panelLine{})
	if ai := m.pmap.art; ai >= 0 && ai < len(page.Articles) {
		a := page.Articles[ai]
		if a.ContinuedFrom > 0 {
			add(m.c.w("（上接第")+strconv.Itoa(a.ContinuedFrom)+m.c.w("版）"), st.seam)
		}
		if a.Kicker != "" {
			add(a.Kicker, st.kicker)
		}
		add(a.Heading(), st.title)
		if a.Subtitle != "" {
			add(a.Subtitle, st.subtitle)
		}
		if a.Byline != "" {
			add(a.Byline, st.byline)
		}
		out = append(out, panelLine{})
		for _, para := range a.Paragraphs {
			if len(out) >= h {
				break
			}
			add(para, st.body)
		}
	}
	if len(out) > h {
		out = out[:h]
	}
	return out
}

// printable drops the control characters of s: nothing from a page
// reaches the terminal as one.
func printable(s string) string {
	return strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			return -1
		}
		return r
	}, s)
}
