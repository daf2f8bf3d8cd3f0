package shelf

import (
	"os"
	"path/filepath"
	"unsafe"

	"github.com/dubaoreader/dubao/internal/safefile"
	"github.com/dubaoreader/dubao/model"
)

// summary is an issue folder's summary as the cache keeps it: its page
// files, each with what its metadata said when its key was taken and its
// pages (a copy of the cache's file of them, so that a day is loaded from
// one file), and the issue's date and stories.
type summary struct {
	Summary
	dir   string
	files []summaryFile
}

type summaryFile struct {
	name string // the file's name in the folder
	sig  fileSig
	key  string
	blob []byte // its pages, as in the cache's file of them
}

// MaxSummarySize is the largest summary of an issue folder read from the
// cache: the pages of a day of some hundred pages take a few MB.
const MaxSummarySize = 256 << 20

// MaxPagesSize is the largest file of a page file's pages read from the
// cache: its text, folded again, and its stories, a few times the page
// file's text at most.
const MaxPagesSize = 4 * MaxPageSize

// summaryMagic opens a summary file.
const summaryMagic = "dubao issue 2\n"

func (c *Cache) writeSummary(dir string, files []pageFile, is *model.Issue) {
	abs, _ := filepath.Abs(dir)
	e := &encoder{b: []byte(summaryMagic)}
	e.str(c.parser.Version)
	e.str(abs)
	n := 0
	for _, f := range files {
		if f.key != "" && f.rerr == nil && f.blob != nil {
			n++
		}
	}
	if n != len(files) {
		return // a file that could not be read is read again next time
	}
	e.uint(uint64(len(files)))
	for _, f := range files {
		e.str(filepath.Base(f.path))
		e.int(int(f.sig.size))
		e.int(int(f.sig.mtime))
		e.uint(f.sig.ino)
		e.int(int(f.sig.ctime))
		e.str(f.key)
		e.str(string(f.blob))
	}
	s := summaryOf(is)
	e.str(s.Date)
	e.strs(s.Stories)
	_ = writeFile(c.summaryPath(dir), e.seal())
}

// readSummary reads the summary of an issue folder; nil when there is
// none, or it is damaged, of another parser or of another folder.
func (c *Cache) readSummary(dir string) *summary {
	sum, _ := c.readSummaryInto(dir, nil)
	return sum
}

// readSummaryInto is readSummary, reading the file into buf's room (grown
// when too small), which the summary then shares: b is the buffer it read
// into, for another read once the summary is let go.
func (c *Cache) readSummaryInto(dir string, buf []byte) (sum *summary, b []byte) {
	if c.dir == "" {
		return nil, buf
	}
	// A FIFO, a device or a file too large planted here is a summary
	// missing: the folder is loaded, and its summary written over it.
	b, err := safefile.ReadInto(c.summaryPath(dir), MaxSummarySize, buf)
	if err != nil {
		return nil, buf
	}
	return c.decodeSummary(dir, b), b
}

// decodeSummary reads the summary of the folder dir from the bytes b of
// its file, which it keeps; nil when they are damaged, of another parser
// or of another folder.
func (c *Cache) decodeSummary(dir string, b []byte) *summary {
	d := open(b, summaryMagic)
	abs, _ := filepath.Abs(dir)
	if d.str() != c.parser.Version || d.str() != abs {
		return nil
	}
	s := &summary{dir: abs}
	n := d.count(6)
	for range n {
		f := summaryFile{name: d.str()}
		f.sig = fileSig{size: int64(d.int()), mtime: int64(d.int()), ino: d.uint(), ctime: int64(d.int())}
		f.key = d.str()
		blob := d.str()
		f.blob = unsafe.Slice(unsafe.StringData(blob), len(blob)) // read only
		if len(f.key) != 64 {
			return nil
		}
		s.files = append(s.files, f)
	}
	s.Date = d.str()
	s.Stories = d.strs()
	if d.err != nil || d.s != "" {
		return nil
	}
	return s
}

// check stats the page files at paths and reports whether they are the
// ones the summary was made of, unchanged: the same names, and each
// file's metadata as it was. sigs are the files' metadata, as far as it
// got (nil when the names differ; a file that could not be stat'd is the
// zero fileSig).
func (s *summary) check(paths []string) (sigs []fileSig, same bool) {
	if len(paths) != len(s.files) {
		return nil, false
	}
	for i, p := range paths {
		if filepath.Base(p) != s.files[i].name {
			return nil, false
		}
	}
	sigs = make([]fileSig, len(paths))
	same = true
	for i, p := range paths {
		if info, err := os.Stat(p); err == nil {
			sigs[i] = statSig(info)
		}
		if sigs[i] != s.files[i].sig {
			same = false
		}
	}
	return sigs, same
}

// mayHave reports whether the folded text of a page of the summary's
// files has q (see model.FoldedHas), without decoding their pages; true
// too for a file whose pages cannot be read from it, to be read the long
// way.
func (s *summary) mayHave(q, version string) bool {
	for _, f := range s.files {
		if foldedHas(f.blob, version, q) != hasNot {
			return true
		}
	}
	return false
}
