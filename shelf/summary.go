package shelf

import (
	"os"
	"path/filepath"
	"unsafe"

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
	if c.dir == "" {
		return nil
	}
	b, err := os.ReadFile(c.summaryPath(dir))
	if err != nil {
		return nil
	}
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
