package tui

import (
	"bytes"
	"image"
	"strconv"

	tea "charm.land/bubbletea/v2"
	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/ansi/kitty"

	"github.com/dubaoreader/dubao/model"
)

// The picture of the page under the page map: the page itself, as its PDF
// renders it (Options.PageImage), drawn in the page's frame beneath the
// boxes. Only the kitty graphics protocol draws an image beneath the text
// of the cells it covers (z below 0); iTerm2's and sixel images cover the
// cells, and would hide the boxes, so they are not used.
//
// Detect, never guess: the reader asks the terminal once, at the start,
// with a kitty graphics query (a 1×1 image it is to check and not keep)
// followed by a request for its primary device attributes, which every
// terminal answers. A terminal that knows kitty graphics answers the query
// with OK before the attributes; one that answers the attributes alone, or
// nothing, gets the boxes without a picture.

// pictures is the state of the map's pictures: how to render a page, what
// the terminal said, which pages it has been sent and where one is shown.
type pictures struct {
	render   func(p *model.Page, w, h int) (image.Image, error) // Options.PageImage
	graphics graphics
	pages    map[int]pictureState // by the page's index
	placed   picturePlace         // the picture shown
}

// pictureState is how far a page's picture has come.
type pictureState uint8

const (
	pictureNone      pictureState = iota
	pictureRendering              // being rendered, off the UI goroutine
	pictureSent                   // sent to the terminal, which keeps it
	pictureFailed                 // could not be rendered: the boxes alone
)

// reset forgets the pictures sent, for a new issue: its pages take the
// same ids.
func (p *pictures) reset() {
	p.pages, p.placed = make(map[int]pictureState), picturePlace{}
}

// graphics is what the terminal has said of kitty graphics.
type graphics uint8

const (
	graphicsUnknown graphics = iota // asked, no answer yet (or not asked)
	graphicsNone                    // it answered the attributes and not the query
	graphicsKitty                   // it answered the query with OK
)

// kittyQueryID is the image id of the query; pictures of pages are
// kittyPageID and up.
const (
	kittyQueryID = 31
	kittyPageID  = 1000
)

// askGraphics returns the command that asks the terminal.
func askGraphics() tea.Cmd {
	q := ansi.KittyGraphics([]byte("AAAA"), "i="+strconv.Itoa(kittyQueryID), "s=1", "v=1", "a=q", "t=d", "f=24")
	return tea.Raw(q + ansi.RequestPrimaryDeviceAttributes)
}

// graphicsAnswer takes in the terminal's answers to askGraphics.
func (m *Model) graphicsAnswer(msg tea.Msg) {
	switch msg := msg.(type) {
	case uv.KittyGraphicsEvent:
		if msg.Options.ID == kittyQueryID && string(msg.Payload) == "OK" {
			m.pic.graphics = graphicsKitty
		}
	case uv.PrimaryDeviceAttributesEvent:
		if m.pic.graphics == graphicsUnknown {
			m.pic.graphics = graphicsNone
		}
	}
	m.drawMap()
}

// picturePlace is where a picture of a page is shown: its page, and the
// cells it covers on the screen (0-based, header included). The zero
// value is none.
type picturePlace struct {
	page int
	at   Rect
}

// pictureMsg brings a page's picture, encoded for the terminal, or the
// error that kept it from being rendered.
type pictureMsg struct {
	is   *model.Issue
	page int
	seq  string
	err  error
}

// pictureOn reports whether the map shows the picture of its page: the
// map is up on a page with geometry, the reader can render pages, and
// the terminal said it can draw them.
func (m *Model) pictureOn() bool {
	return m.pic.render != nil && m.pic.graphics == graphicsKitty && m.screen == mapScreen &&
		!m.c.geo.TooSmall && m.pmap.lay.W > 0 && m.issue.Pages[m.pmap.page].Geometry != nil
}

// picture returns the command that brings the terminal's picture in line
// with the screen: the picture of the map's page placed in its frame, or
// none. A page's picture is rendered (off the UI goroutine) and sent once;
// then it is only placed.
func (m *Model) picture() tea.Cmd {
	var want picturePlace
	if m.pictureOn() && !m.left { // quitting takes it down (pictureGone)
		a := m.pmap.at
		want = picturePlace{page: m.pmap.page, at: Rect{X: a.X, Y: 1 + a.Y, W: a.W, H: a.H}}
	}
	pic := &m.pic
	if want == pic.placed {
		return nil
	}
	seq := m.pictureGone()
	switch {
	case want.at.W == 0:
	case pic.pages[want.page] == pictureSent:
		seq += placePicture(want)
		pic.placed = want
	case pic.pages[want.page] == pictureNone:
		pic.pages[want.page] = pictureRendering
		return tea.Batch(rawCmd(seq), renderPicture(pic.render, m.issue, want.page, want.at))
	}
	return rawCmd(seq)
}

// pictureArrived takes in a rendered picture: sends it to the terminal and
// places it, when the map still wants it; says why not, once, when it
// could not be rendered.
func (m *Model) pictureArrived(msg pictureMsg) tea.Cmd {
	if msg.is != m.issue {
		return nil // an issue no longer open
	}
	if msg.err != nil {
		m.pic.pages[msg.page] = pictureFailed // once: then the boxes alone
		text := msg.err.Error()
		if msg.err == errNoImage {
			text = m.c.w(text) // the reader's own words; other errors may name files
		}
		m.pass(message{text: m.c.w("版面图片：") + text, warn: true})
		return nil
	}
	m.pic.pages[msg.page] = pictureSent
	return tea.Batch(rawCmd(msg.seq), m.picture())
}

// pictureGone returns the sequence that takes the picture shown down, ""
// when none is: for quitting.
func (m *Model) pictureGone() string {
	if m.pic.placed.at.W == 0 {
		return ""
	}
	gone := ansi.KittyGraphics(nil, "a=d", "d=i", "i="+strconv.Itoa(kittyPageID+m.pic.placed.page), "q=2")
	m.pic.placed = picturePlace{}
	return gone
}

func rawCmd(seq string) tea.Cmd {
	if seq == "" {
		return nil
	}
	return tea.Raw(seq)
}

// placePicture returns the sequence that shows the picture sent for page
// at cells at, beneath the text, without moving the cursor.
func placePicture(p picturePlace) string {
	return ansi.SaveCursor + ansi.CursorPosition(p.at.X+1, p.at.Y+1) +
		ansi.KittyGraphics(nil, "a=p", "i="+strconv.Itoa(kittyPageID+p.page), "c="+strconv.Itoa(p.at.W),
			"r="+strconv.Itoa(p.at.H), "z=-1", "C=1", "q=2") +
		ansi.RestoreCursor
}

// renderPicture returns the command that renders the page for cells at
// (at about 10×20 pixels a cell) and encodes it, a PNG in chunks, to be
// sent and kept by the terminal under the page's id.
func renderPicture(render func(*model.Page, int, int) (image.Image, error), is *model.Issue, page int, at Rect) tea.Cmd {
	return func() tea.Msg {
		img, err := render(is.Pages[page], at.W*10, at.H*20)
		if err == nil && img == nil {
			err = errNoImage
		}
		if err != nil {
			return pictureMsg{is: is, page: page, err: err}
		}
		var b bytes.Buffer
		err = kitty.EncodeGraphics(&b, img, &kitty.Options{
			// Transmission must be given: EncodeGraphics encodes nothing
			// for the zero value (x/ansi v0.11.9).
			Action: kitty.Transmit, Transmission: kitty.Direct, ID: kittyPageID + page,
			Format: kitty.PNG, Quiet: 2, Chunk: true,
		})
		return pictureMsg{is: is, page: page, seq: b.String(), err: err}
	}
}

type noImage struct{}

func (noImage) Error() string { return "没有图像" }

var errNoImage error = noImage{}
