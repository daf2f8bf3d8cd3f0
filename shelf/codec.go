package shelf

import (
	"encoding/binary"
	"errors"
	"hash/crc32"
	"math"
	"unsafe"

	"github.com/dubaoreader/dubao/model"
)

// The cache's files are written in a compact binary form of their own:
// lengths and numbers as varints, strings as their bytes, floats as their
// IEEE bits, the whole closed by a CRC-32 (Castagnoli) of what came before,
// so that a file cut short or damaged is known and made again. Decoding
// turns the file into one string and slices every string from it: loading
// a page costs a read and a few allocations, not a parse.

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// errDamaged is what decoding a cache file that is not whole says.
var errDamaged = errors.New("damaged cache file")

// An encoder appends values to a buffer.
type encoder struct{ b []byte }

func (e *encoder) uint(n uint64) { e.b = binary.AppendUvarint(e.b, n) }
func (e *encoder) int(n int)     { e.b = binary.AppendVarint(e.b, int64(n)) }
func (e *encoder) str(s string)  { e.uint(uint64(len(s))); e.b = append(e.b, s...) }
func (e *encoder) float(f float64) {
	e.b = binary.LittleEndian.AppendUint64(e.b, math.Float64bits(f))
}

func (e *encoder) strs(ss []string) {
	e.uint(uint64(len(ss)))
	for _, s := range ss {
		e.str(s)
	}
}

func (e *encoder) boxes(bs []model.Box) {
	e.uint(uint64(len(bs)))
	for _, b := range bs {
		e.float(b.X0)
		e.float(b.Y0)
		e.float(b.X1)
		e.float(b.Y1)
	}
}

// seal appends the checksum of everything before it.
func (e *encoder) seal() []byte {
	return binary.LittleEndian.AppendUint32(e.b, crc32.Checksum(e.b, castagnoli))
}

// A decoder reads values from a string; the first value that is not there
// sets err, and every read after it gives zero values.
type decoder struct {
	s   string
	err error
}

// open checks that b, which the caller gives up, opens with magic and that the checksum at its end is
// right, and returns a decoder of what lies between.
func open(b []byte, magic string) *decoder {
	return openChecked(b, magic, true)
}

// openChecked is open, checking the checksum only when check is set: not
// for bytes inside a file whose own checksum was right.
func openChecked(b []byte, magic string, check bool) *decoder {
	if len(b) < len(magic)+4 || string(b[:len(magic)]) != magic {
		return &decoder{err: errDamaged}
	}
	body, sum := b[:len(b)-4], binary.LittleEndian.Uint32(b[len(b)-4:])
	if check && crc32.Checksum(body, castagnoli) != sum {
		return &decoder{err: errDamaged}
	}
	// The strings decoded share b's bytes, which nothing changes after:
	// a page costs no copy of its text.
	body = body[len(magic):]
	if len(body) == 0 {
		return &decoder{}
	}
	return &decoder{s: unsafe.String(&body[0], len(body))}
}

func (d *decoder) fail() { d.err, d.s = errDamaged, "" }

func (d *decoder) uint() uint64 {
	if d.err != nil {
		return 0
	}
	var n uint64
	var shift uint
	for i := 0; i < len(d.s) && i < binary.MaxVarintLen64; i++ {
		c := d.s[i]
		n |= uint64(c&0x7f) << shift
		if c < 0x80 {
			d.s = d.s[i+1:]
			return n
		}
		shift += 7
	}
	d.fail()
	return 0
}

func (d *decoder) int() int {
	u := d.uint()
	n := int64(u >> 1)
	if u&1 != 0 {
		n = ^n
	}
	return int(n)
}

// count reads a number of things each at least min bytes long, and checks
// that there are bytes enough for them, so that a damaged count cannot ask
// for a huge slice.
func (d *decoder) count(min int) int {
	n := d.uint()
	if d.err == nil && n > uint64(len(d.s)/min) {
		d.fail()
	}
	return int(n)
}

func (d *decoder) str() string {
	n := d.uint()
	if d.err != nil || n > uint64(len(d.s)) {
		d.fail()
		return ""
	}
	s := d.s[:n]
	d.s = d.s[n:]
	return s
}

func (d *decoder) float() float64 {
	if d.err != nil || len(d.s) < 8 {
		d.fail()
		return 0
	}
	f := math.Float64frombits(binary.LittleEndian.Uint64([]byte(d.s[:8])))
	d.s = d.s[8:]
	return f
}

func (d *decoder) strs() []string {
	n := d.count(1)
	if n == 0 {
		return nil
	}
	out := make([]string, n)
	for i := range out {
		out[i] = d.str()
	}
	return out
}

func (d *decoder) boxes() []model.Box {
	n := d.count(32)
	if n == 0 {
		return nil
	}
	out := make([]model.Box, n)
	for i := range out {
		out[i] = model.Box{X0: d.float(), Y0: d.float(), X1: d.float(), Y1: d.float()}
	}
	return out
}

// pagesMagic opens a file of a page file's pages. Version 2 added
// whether the text is scrambled; a file of version 1 is read as damaged,
// and the page parsed again.
const pagesMagic = "dubao pages 2\n"

// filePages is what a page file came to, as the cache keeps it.
type filePages struct {
	pages  []*model.Page
	folded []string // each page's folded text (model.FoldPage)
	err    error    // the parse's error: there are no pages
	// scrambled: the file's text interleaves neighbouring columns
	// (parse.Scrambled); a fact of its bytes, kept so that a file found in
	// the cache is not read through again to know it
	scrambled bool
}

// encodePages writes what a page file came to: whether its text is
// scrambled, and its pages, each with its folded text for search, or the
// error that it has none. version is the parser's, written in to be
// checked on reading.
func encodePages(version string, fp filePages) []byte {
	e := &encoder{b: append(make([]byte, 0, 4096), pagesMagic...)}
	e.str(version)
	e.uint(b2u(fp.scrambled))
	if fp.err != nil {
		e.uint(1)
		e.str(fp.err.Error())
		return e.seal()
	}
	e.uint(0)
	e.uint(uint64(len(fp.pages)))
	for i, p := range fp.pages {
		e.int(p.Number)
		e.str(p.Name)
		e.str(p.Date)
		e.strs(p.Furniture)
		if g := p.Geometry; g != nil {
			e.uint(1)
			e.float(g.Width)
			e.float(g.Height)
			e.boxes(g.Figures)
		} else {
			e.uint(0)
		}
		e.uint(uint64(len(p.Articles)))
		for _, a := range p.Articles {
			e.str(a.Title)
			e.str(a.Kicker)
			e.str(a.Subtitle)
			e.str(a.Byline)
			e.int(a.ContinuedFrom)
			e.int(a.ContinuedTo)
			e.strs(a.Markers)
			e.strs(a.Paragraphs)
			e.boxes(a.Region)
		}
		e.str(fp.folded[i])
	}
	return e.seal()
}

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

// skip passes over n values of size bytes each.
func (d *decoder) skip(n, size int) {
	if d.err != nil || n < 0 || n > len(d.s)/size {
		d.fail()
		return
	}
	d.s = d.s[n*size:]
}

// skipStrs passes over what strs would read.
func (d *decoder) skipStrs() {
	for n := d.count(1); n > 0 && d.err == nil; n-- {
		d.str()
	}
}

// skipBoxes passes over what boxes would read.
func (d *decoder) skipBoxes() { d.skip(d.count(32), 32) }

// What foldedHas finds.
const (
	hasNot     = iota // no page's folded text has the query
	has               // a page's folded text has it
	unreadable        // the file is damaged or of another version
)

// foldedHas tells whether the folded text of a page in b, a file written by
// encodePages for the parser version whose checksum was found right, has
// the folded query q (model.FoldedHas). It passes over the pages without
// making them, so a file without the query costs no more than a look.
func foldedHas(b []byte, version, q string) int {
	d := openChecked(b, pagesMagic, false)
	if d.str() != version || d.uint() > 1 || d.err != nil {
		return unreadable
	}
	if d.uint() == 1 {
		d.str()
		if d.err != nil || d.s != "" {
			return unreadable
		}
		return hasNot // no pages
	}
	for n := d.count(7); n > 0 && d.err == nil; n-- {
		d.int()
		d.str()
		d.str()
		d.skipStrs()
		if d.uint() == 1 {
			d.skip(2, 8)
			d.skipBoxes()
		}
		for na := d.count(9); na > 0 && d.err == nil; na-- {
			d.str()
			d.str()
			d.str()
			d.str()
			d.int()
			d.int()
			d.skipStrs()
			d.skipStrs()
			d.skipBoxes()
		}
		if folded := d.str(); d.err == nil && model.FoldedHas(folded, q) {
			return has // the pages will be decoded, and the file checked then
		}
	}
	if d.err != nil || d.s != "" {
		return unreadable
	}
	return hasNot
}

// parseError is the error a page file's parse came to, as kept in the
// cache.
type parseError struct{ msg string }

func (e *parseError) Error() string { return e.msg }

// decodePages reads a file written by encodePages for the parser version.
// A file that is damaged, or of another version, is errDamaged; the
// parse's error kept in it is the filePages' err.
func decodePages(b []byte, version string) (filePages, error) {
	return decodePagesChecked(b, version, true)
}

// decodePagesChecked is decodePages, checking the file's checksum only
// when check is set.
func decodePagesChecked(b []byte, version string, check bool) (filePages, error) {
	d := openChecked(b, pagesMagic, check)
	var fp filePages
	if d.str() != version || d.err != nil {
		return filePages{}, errDamaged
	}
	switch d.uint() {
	case 0:
	case 1:
		fp.scrambled = true
	default:
		return filePages{}, errDamaged
	}
	if d.uint() == 1 {
		msg := d.str()
		if d.err != nil || d.s != "" {
			return filePages{}, errDamaged
		}
		fp.err = &parseError{msg}
		return fp, nil
	}
	n := d.count(7)
	fp.pages = make([]*model.Page, 0, n)
	fp.folded = make([]string, 0, n)
	for range n {
		p := &model.Page{Number: d.int(), Name: d.str(), Date: d.str(), Furniture: d.strs()}
		if d.uint() == 1 {
			p.Geometry = &model.Geometry{Width: d.float(), Height: d.float(), Figures: d.boxes()}
		}
		na := d.count(9)
		if na > 0 {
			arts := make([]model.Article, na)
			p.Articles = make([]*model.Article, na)
			for i := range arts {
				a := &arts[i]
				a.Title, a.Kicker, a.Subtitle, a.Byline = d.str(), d.str(), d.str(), d.str()
				a.ContinuedFrom, a.ContinuedTo = d.int(), d.int()
				a.Markers, a.Paragraphs, a.Region = d.strs(), d.strs(), d.boxes()
				p.Articles[i] = a
			}
		}
		fp.pages = append(fp.pages, p)
		fp.folded = append(fp.folded, d.str())
		if d.err != nil {
			break
		}
	}
	if d.err != nil || d.s != "" {
		return filePages{}, errDamaged
	}
	return fp, nil
}
