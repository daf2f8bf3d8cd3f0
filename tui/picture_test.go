package tui

import (
	"errors"
	"image"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/ansi/kitty"

	"github.com/dubaoreader/dubao/model"
)

// drive runs cmd as the program would and returns what it prints raw;
// a rendered picture is handed back to the model, and what that prints
// follows.
func drive(m *Model, cmd tea.Cmd) []string {
	if cmd == nil {
		return nil
	}
	var out []string
	switch msg := cmd().(type) {
	case tea.BatchMsg:
		for _, c := range msg {
			out = append(out, drive(m, c)...)
		}
	case tea.RawMsg:
		out = append(out, msg.Msg.(string))
	case pictureMsg:
		_, next := m.Update(msg)
		out = append(out, drive(m, next)...)
	}
	return out
}

// press sends keys and returns what the reader prints raw meanwhile.
func press(m *Model, ks string) string {
	var out []string
	for _, k := range keys(ks) {
		_, cmd := m.Update(k)
		out = append(out, drive(m, cmd)...)
	}
	return strings.Join(out, "")
}

// renders is a page renderer that counts what it renders.
type renders struct{ pages []int }

func (r *renders) render(p *model.Page, w, h int) (image.Image, error) {
	r.pages = append(r.pages, p.Number)
	return image.NewGray(image.Rect(0, 0, w, h)), nil
}

var (
	kittyOK = uv.KittyGraphicsEvent{Options: kitty.Options{ID: kittyQueryID}, Payload: []byte("OK")}
	da1     = uv.PrimaryDeviceAttributesEvent{62, 4, 22}
)

func TestPictureAsksOnlyWithARenderer(t *testing.T) {
	var r renders
	m := New(mapIssue(t), Options{Width: 100, Height: 30, ThemeName: "ink", PageImage: r.render})
	asked := strings.Join(drive(m, m.Init()), "")
	if !strings.Contains(asked, "\x1b_Gi=31,s=1,v=1,a=q,t=d,f=24;AAAA\x1b\\") || !strings.HasSuffix(asked, "\x1b[c") {
		t.Errorf("asked %q, want the kitty query then the attributes", asked)
	}
	m = New(mapIssue(t), Options{Width: 100, Height: 30, ThemeName: "ink"})
	if asked := drive(m, m.Init()); len(asked) > 0 {
		t.Errorf("without a renderer the reader asks %q", asked)
	}
}

// TestPictureWhereTheTerminalAnswers: a terminal that answers the kitty
// query gets each page's picture sent once and placed in the page's frame,
// beneath the boxes; moved when the page changes, taken down when the map
// closes. The shading of pictures gives way to the picture.
func TestPictureWhereTheTerminalAnswers(t *testing.T) {
	var r renders
	m := New(mapIssue(t), Options{Width: 100, Height: 30, ThemeName: "ink", PageImage: r.render})
	send(m, kittyOK, da1)
	out := press(m, "m")
	at := m.pmap.at
	put := "\x1b7" + "\x1b[" + strconv.Itoa(at.Y+2) + ";" + strconv.Itoa(at.X+1) + "H" +
		"\x1b_Ga=p,i=1000,c=" + strconv.Itoa(at.W) + ",r=" + strconv.Itoa(at.H) + ",z=-1,C=1,q=2\x1b\\\x1b8"
	if !strings.HasPrefix(out, "\x1b_Gf=100,q=2,i=1000;iVBORw0KGgo") || !strings.HasSuffix(out, put) {
		t.Fatalf("m prints %.200q … %q, want the first page sent and then %q", out, out[max(len(out)-120, 0):], put)
	}
	if strings.Contains(screen(m), "░") {
		t.Error("the picture's area is still shaded")
	}
	out = press(m, "]")
	if !strings.HasPrefix(out, "\x1b_Ga=d,d=i,i=1000,q=2\x1b\\") || !strings.Contains(out, "i=1001") {
		t.Errorf("] prints %.120q, want the first page's picture taken down and the second's sent", out)
	}
	out = press(m, "[")
	if strings.Contains(out, "f=100") || !strings.Contains(out, "a=p,i=1000") {
		t.Errorf("[ prints %q, want the first page's picture placed again, not sent again", out)
	}
	if len(r.pages) != 2 {
		t.Errorf("pages rendered %v, want each of the two once", r.pages)
	}
	if out = press(m, "tab"); out != "" {
		t.Errorf("tab on the same page prints %q", out)
	}
	if out = press(m, "esc"); out != "\x1b_Ga=d,d=i,i=1000,q=2\x1b\\" {
		t.Errorf("esc prints %q, want the picture taken down", out)
	}
}

// TestNoPictureWithoutAnAnswer: a terminal that answers only the
// attributes, or nothing, gets the boxes and no picture.
func TestNoPictureWithoutAnAnswer(t *testing.T) {
	for _, answers := range [][]tea.Msg{{da1}, nil, {da1, uv.KittyGraphicsEvent{Options: kitty.Options{ID: kittyQueryID}, Payload: []byte("ENOTSUPPORTED")}}} {
		var r renders
		m := New(mapIssue(t), Options{Width: 100, Height: 30, ThemeName: "ink", PageImage: r.render})
		send(m, answers...)
		if out := press(m, "m ] esc"); out != "" || len(r.pages) > 0 {
			t.Errorf("answers %v: the map prints %q and renders %v", answers, out, r.pages)
		}
		send(m, keys("m")...)
		if !strings.Contains(screen(m), "░") {
			t.Errorf("answers %v: the pictures are not shaded", answers)
		}
	}
}

// TestPictureThatCannotBeRendered: the page's boxes alone, and a warning.
func TestPictureThatCannotBeRendered(t *testing.T) {
	fail := func(*model.Page, int, int) (image.Image, error) { return nil, errors.New("no PDF") }
	m := New(mapIssue(t), Options{Width: 100, Height: 30, ThemeName: "ink", PageImage: fail})
	send(m, kittyOK, da1)
	if out := press(m, "m"); strings.Contains(out, "a=p") {
		t.Errorf("a picture that failed is placed: %q", out)
	}
	if !m.message.warn || !strings.Contains(m.message.text, "no PDF") {
		t.Errorf("message %q, want the renderer's error", m.message.text)
	}
	if out := press(m, "] ["); strings.Contains(out, "a=p,i=1000") {
		t.Errorf("a picture that failed is placed later: %q", out)
	}
}

// TestPictureInChunks: a picture larger than a kitty chunk goes in chunks
// of at most 4096 bytes, each but the last marked m=1, the last m=0, the
// first alone carrying the image's id and format.
func TestPictureInChunks(t *testing.T) {
	noise := image.NewGray(image.Rect(0, 0, 200, 300))
	r := rand.New(rand.NewPCG(1, 2))
	for i := range noise.Pix {
		noise.Pix[i] = byte(r.IntN(256))
	}
	is := mapIssue(t)
	msg := renderPicture(func(*model.Page, int, int) (image.Image, error) { return noise, nil }, is, 2, Rect{W: 20, H: 30})().(pictureMsg)
	if msg.err != nil {
		t.Fatal(msg.err)
	}
	chunks := strings.Split(strings.TrimSuffix(msg.seq, "\x1b\\"), "\x1b\\")
	if len(chunks) < 2 {
		t.Fatalf("%d chunk(s)", len(chunks))
	}
	for i, c := range chunks {
		head, payload, ok := strings.Cut(strings.TrimPrefix(c, "\x1b_G"), ";")
		var want string
		switch {
		case i == 0:
			want = "f=100,q=2,i=1002,m=1"
		case i == len(chunks)-1:
			want = "q=2,m=0"
		default:
			want = "q=2,m=1"
		}
		if !ok || head != want || len(payload) > kitty.MaxChunkSize || len(payload)%4 != 0 {
			t.Errorf("chunk %d: %q and %d bytes, want %q and at most %d, a multiple of 4", i, head, len(payload), want, kitty.MaxChunkSize)
		}
	}
}

// TestPictureGoneOnQuit: q takes the picture down before quitting.
func TestPictureGoneOnQuit(t *testing.T) {
	var r renders
	m := New(mapIssue(t), Options{Width: 100, Height: 30, ThemeName: "ink", PageImage: r.render})
	send(m, kittyOK, da1)
	press(m, "m")
	_, cmd := m.Update(keyPress("q"))
	if cmd == nil {
		t.Fatal("q: no command")
	}
	if _, ok := cmd().(tea.QuitMsg); ok {
		t.Error("q quits with the picture still up")
	}
	if gone := m.pictureGone(); gone != "" {
		t.Errorf("after q the picture is still placed: %q", gone)
	}
}
