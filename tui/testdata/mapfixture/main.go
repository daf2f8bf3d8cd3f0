// Command mapfixture writes a page of the corpus as a geometry fixture for
// the page map's tests: the gold article tree of gen/NAME with the page's
// size, its pictures, and each article's region, measured from NAME.pdf
// with poppler's pdftotext -bbox-layout (words and their boxes) and
// pdftoppm (the grey boxes the generator prints for photos). It stands in
// for the PDF parse until that lands; the lead regenerates the goldens
// from the real parse then.
//
//	go run ./tui/testdata/mapfixture ../shared/corpus/gen g026 > tui/testdata/map-g026.json
//
// A word goes to the article whose text holds it, when only one does (or,
// when several do, the article of the word before it on its line); words
// of no article are furniture. An article's words are gathered into
// rectangles, one per column (a run of lines of about the same left and
// right edges), and its region lists them top down, side by side from left to right.
package main

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/dubaoreader/dubao/model"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: mapfixture CORPUS_GEN_DIR NAME")
		os.Exit(2)
	}
	if err := run(os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintln(os.Stderr, "mapfixture:", err)
		os.Exit(1)
	}
}

func run(dir, name string) error {
	b, err := os.ReadFile(filepath.Join(dir, name+".gold.json"))
	if err != nil {
		return err
	}
	var page model.PageJSON
	if err := json.Unmarshal(b, &page); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	pdf := filepath.Join(dir, name+".pdf")
	w, h, lines, err := words(pdf)
	if err != nil {
		return err
	}
	figs, err := pictures(pdf)
	if err != nil {
		return err
	}
	page.Geometry = &model.Geometry{Width: round(w), Height: round(h), Figures: figs}
	boxes := assign(page.Articles, lines)
	for i := range page.Articles {
		page.Articles[i].Region = strays(columns(boxes[i]))
	}
	out, err := json.MarshalIndent(page, "", " ")
	if err != nil {
		return err
	}
	_, err = os.Stdout.Write(append(out, '\n'))
	return err
}

// word is a word of pdftotext's layout, with its box.
type word struct {
	text string
	box  model.Box
}

type xmlBox struct {
	XMin float64 `xml:"xMin,attr"`
	YMin float64 `xml:"yMin,attr"`
	XMax float64 `xml:"xMax,attr"`
	YMax float64 `xml:"yMax,attr"`
}

type xmlDoc struct {
	Pages []struct {
		Width  float64 `xml:"width,attr"`
		Height float64 `xml:"height,attr"`
		Flows  []struct {
			Blocks []struct {
				Lines []struct {
					Words []struct {
						xmlBox
						Text string `xml:",chardata"`
					} `xml:"word"`
				} `xml:"line"`
			} `xml:"block"`
		} `xml:"flow"`
	} `xml:"body>doc>page"`
}

// words returns the page's size and its words, line by line.
func words(pdf string) (w, h float64, lines [][]word, err error) {
	out, err := exec.Command("pdftotext", "-bbox-layout", "-enc", "UTF-8", pdf, "-").Output()
	if err != nil {
		return 0, 0, nil, fmt.Errorf("pdftotext %s: %w", pdf, err)
	}
	var doc xmlDoc
	d := xml.NewDecoder(bytes.NewReader(out))
	d.Strict = false
	if err := d.Decode(&doc); err != nil {
		return 0, 0, nil, fmt.Errorf("pdftotext %s: %w", pdf, err)
	}
	if len(doc.Pages) == 0 {
		return 0, 0, nil, fmt.Errorf("%s: no page", pdf)
	}
	p := doc.Pages[0]
	for _, f := range p.Flows {
		for _, bl := range f.Blocks {
			for _, l := range bl.Lines {
				var line []word
				for _, wd := range l.Words {
					line = append(line, word{strings.TrimSpace(wd.Text), model.Box{X0: wd.XMin, Y0: wd.YMin, X1: wd.XMax, Y1: wd.YMax}})
				}
				lines = append(lines, line)
			}
		}
	}
	return p.Width, p.Height, lines, nil
}

// photoGrey is the fill of the generator's photo boxes, drawn by pdftoppm
// without anti-aliasing.
var photoGrey = [3]byte{0xc9, 0xc9, 0xc9}

const dpi = 18 // a pixel is 4 points

// pictures returns the photo boxes of the page: connected areas of
// photoGrey of more than 30 pixels.
func pictures(pdf string) ([]model.Box, error) {
	out, err := exec.Command("pdftoppm", "-r", strconv.Itoa(dpi), "-aa", "no", "-aaVector", "no", "-singlefile", pdf).Output()
	if err != nil {
		return nil, fmt.Errorf("pdftoppm %s: %w", pdf, err)
	}
	f := bytes.SplitN(out, []byte("\n"), 4)
	if len(f) < 4 || string(f[0]) != "P6" {
		return nil, fmt.Errorf("pdftoppm %s: not a PPM", pdf)
	}
	var w, h int
	if _, err := fmt.Sscan(string(f[1]), &w, &h); err != nil {
		return nil, err
	}
	px := f[3]
	grey := func(x, y int) bool {
		i := (y*w + x) * 3
		return i+2 < len(px) && [3]byte(px[i:i+3]) == photoGrey
	}
	seen := make([]bool, w*h)
	var figs []model.Box
	for y := range h {
		for x := range w {
			if seen[y*w+x] || !grey(x, y) {
				continue
			}
			stack := [][2]int{{x, y}}
			seen[y*w+x] = true
			x0, y0, x1, y1, n := x, y, x+1, y+1, 0
			for len(stack) > 0 {
				p := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				n++
				x0, y0, x1, y1 = min(x0, p[0]), min(y0, p[1]), max(x1, p[0]+1), max(y1, p[1]+1)
				for _, q := range [][2]int{{p[0] + 1, p[1]}, {p[0] - 1, p[1]}, {p[0], p[1] + 1}, {p[0], p[1] - 1}} {
					if q[0] >= 0 && q[0] < w && q[1] >= 0 && q[1] < h && !seen[q[1]*w+q[0]] && grey(q[0], q[1]) {
						seen[q[1]*w+q[0]] = true
						stack = append(stack, q)
					}
				}
			}
			if n > 30 {
				s := 72.0 / dpi
				figs = append(figs, model.Box{X0: float64(x0) * s, Y0: float64(y0) * s, X1: float64(x1) * s, Y1: float64(y1) * s})
			}
		}
	}
	return figs, nil
}

// assign returns the boxes of the words of each article.
func assign(arts []model.ArticleJSON, lines [][]word) [][]model.Box {
	texts := make([]string, len(arts))
	for i, a := range arts {
		texts[i] = squeeze(strings.Join(append(append([]string{a.Kicker, a.Title, a.Subtitle, a.Byline}, a.Paragraphs...), a.Markers...), ""))
	}
	boxes := make([][]model.Box, len(arts))
	for _, l := range lines {
		prev := -1
		for _, wd := range l {
			t := squeeze(wd.text)
			if t == "" {
				continue
			}
			var in []int
			for i, s := range texts {
				if strings.Contains(s, t) {
					in = append(in, i)
				}
			}
			switch {
			case len(in) == 1:
				prev = in[0]
			case len(in) > 1 && slices.Contains(in, prev):
			default:
				prev = -1
				continue
			}
			boxes[prev] = append(boxes[prev], wd.box)
		}
	}
	return boxes
}

func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '\u3000' || r == '\t' || r == '\n' || r == '\u00a0' || r == '\u2002' || r == '\u2009' {
			return -1
		}
		return r
	}, s)
}

// columns gathers an article's word boxes into rectangles: two merge when
// they share most of their width and lie within two lines of each other.
func columns(words []model.Box) []model.Box {
	rects := slices.Clone(words)
	for merged := true; merged; {
		merged = false
		for i := 0; i < len(rects) && !merged; i++ {
			for j := i + 1; j < len(rects); j++ {
				if near(rects[i], rects[j]) {
					rects[i] = rects[i].Union(rects[j])
					rects = slices.Delete(rects, j, j+1)
					merged = true
					break
				}
			}
		}
	}
	slices.SortFunc(rects, func(a, b model.Box) int {
		if math.Abs(a.Y0-b.Y0) > 6 {
			return int(math.Copysign(1, a.Y0-b.Y0))
		}
		return int(math.Copysign(1, a.X0-b.X0))
	})
	for i, r := range rects {
		rects[i] = model.Box{X0: round(r.X0), Y0: round(r.Y0), X1: round(r.X1), Y1: round(r.Y1)}
	}
	return rects
}

// near reports whether a and b are lines (or runs of lines) of one column:
// each covers most of the other's width (a line of a column is at least
// most of it wide, a word on the same line continues it) and the gap
// between them is under two lines.
func near(a, b model.Box) bool {
	ov := min(a.X1, b.X1) - max(a.X0, b.X0)
	wa, wb := a.X1-a.X0, b.X1-b.X0
	sameLine := min(a.Y1, b.Y1)-max(a.Y0, b.Y0) > 0.5*min(a.Y1-a.Y0, b.Y1-b.Y0)
	if sameLine {
		gap := max(a.X0, b.X0) - min(a.X1, b.X1)
		return gap < 12 // words of one line
	}
	if ov < 0.6*max(min(wa, wb), 1) || ov < 0.5*max(wa, wb) {
		return false
	}
	gap := max(a.Y0, b.Y0) - min(a.Y1, b.Y1)
	lh := min(a.Y1-a.Y0, b.Y1-b.Y0)
	return gap < 2*lh
}

// strays drops the small rectangles of a region (a twentieth of its
// largest) that lie far from all its others: a word of the running head (a date) that the article's text
// happens to hold too.
func strays(rects []model.Box) []model.Box {
	if len(rects) < 2 {
		return rects
	}
	area := func(b model.Box) float64 { return (b.X1 - b.X0) * (b.Y1 - b.Y0) }
	largest := 0
	for i, r := range rects {
		if area(r) > area(rects[largest]) {
			largest = i
		}
	}
	var keep []model.Box
	for i, r := range rects {
		if i == largest || area(r) > area(rects[largest])/20 {
			keep = append(keep, r)
			continue
		}
		for j, o := range rects {
			dx := max(r.X0-o.X1, o.X0-r.X1, 0)
			dy := max(r.Y0-o.Y1, o.Y0-r.Y1, 0)
			if i != j && dx < 40 && dy < 40 {
				keep = append(keep, r)
				break
			}
		}
	}
	return keep
}

func round(f float64) float64 { return math.Round(f*10) / 10 }
