package shelf

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"

	"github.com/dubaoreader/dubao/internal/safefile"
	"github.com/dubaoreader/dubao/model"
	"github.com/dubaoreader/dubao/parse"
)

// The cache of parsed issues keeps what every page file was parsed into,
// so that a file is parsed once ever: counting a day on the shelf, opening
// it and searching it read the cache. It lives in $XDG_CACHE_HOME/dubao
// (CacheDir):
//
//	issues/ef01…     an issue folder of the shelf, under the SHA-256 of its
//	                 path: each page file's size, times and inode, its key
//	                 — the SHA-256 of the parser's version and the file's
//	                 bytes — and its pages with their text folded for
//	                 search; the issue's date and its stories' keys. A
//	                 folder whose files are unchanged is counted, opened
//	                 and searched from this one file, without reading its
//	                 page files; of a folder changed, only the files whose
//	                 bytes are new are parsed, and a new parser version
//	                 parses them all again.
//	pages/ab/abcd…   the pages of a page file read from elsewhere (dubao
//	                 PATH), under its key
//
// Every file is written to a temporary file and renamed into place, so a
// reader never sees half of one, and two dubao processes filling the cache
// at once each write whole files (the same bytes, for the same key). A
// file that is damaged, cut short or of another version is parsed again
// and written over, without a word. Deleting the folder loses nothing but
// time.

// A Parser turns a page file's bytes into pages. Version names what it
// makes of them: every page kept in the cache is kept under it, so a new
// version parses every file again.
type Parser struct {
	Version string
	Parse   func(name string, data []byte) ([]*model.Page, error)
}

// TextParser is package parse's reading of extracted text; a PDF is
// refused.
func TextParser() Parser { return PageParser(nil) }

// PageParser is package parse's reading of page files: extracted text, and
// PDFs read by ex (refused when ex is nil, and then parsed again once
// there is a reader).
func PageParser(ex parse.Extractor) Parser {
	version := "pages " + strconv.Itoa(parse.Version)
	if ex == nil {
		version = "text " + strconv.Itoa(parse.Version)
	}
	return Parser{
		Version: version,
		Parse:   func(_ string, b []byte) ([]*model.Page, error) { return parse.PagesReading(b, ex) },
	}
}

// A Cache gives the pages of page files, parsing each file only when its
// pages are not kept already. Its methods may be called from several
// goroutines at once.
type Cache struct {
	dir    string // "" keeps nothing
	parser Parser

	// Read reads a page file: ReadPage unless set.
	Read func(path string) ([]byte, error)
}

// NewCache keeps parsed pages in dir; "" keeps none, parsing every file
// each time it is asked for.
func NewCache(dir string, p Parser) *Cache {
	return &Cache{dir: dir, parser: p, Read: ReadPage}
}

// CacheDir is where the cache lives: $XDG_CACHE_HOME/dubao, or
// ~/.cache/dubao.
func CacheDir(xdgCacheHome, home string) string {
	if filepath.IsAbs(xdgCacheHome) {
		return filepath.Join(xdgCacheHome, "dubao")
	}
	if home == "" {
		return ""
	}
	return filepath.Join(home, ".cache", "dubao")
}

// Dir is where the cache keeps its files, "" for nowhere.
func (c *Cache) Dir() string { return c.dir }

// A Loaded issue is one the cache gave.
type Loaded struct {
	Issue  *model.Issue
	Folded []string // each page's folded text (model.FoldPage), as Issue.Pages
	Errs   []error  // the files that could not be read or parsed
	Parsed int      // how many files were parsed, not found in the cache
	// Scrambled names the files whose text interleaves neighbouring
	// columns (parse.Scrambled): read still, but to be told of. The cache
	// keeps this with a file's pages, so a file found there is not read
	// through again to know it.
	Scrambled []string
}

// Summary is what the cache knows of an issue folder without its pages:
// its date and its stories' keys (model.Story.Key), in reading order.
type Summary struct {
	Date    string
	Stories []string
}

// fileSig is what a file's metadata says of its content (see statSig).
type fileSig struct {
	size, mtime int64
	ino         uint64
	ctime       int64
}

// pageFile is one page file being loaded.
type pageFile struct {
	path string
	sig  fileSig
	key  string // the cache key of its content, "" until known
	blob []byte // its pages encoded, as kept in the cache
	data []byte // its bytes, when given rather than read
	filePages
	rerr   error // it could not be read
	parsed bool  // it was parsed now
}

// Load gives the issue of the page files at paths, as parse.Issue would
// make it. A file that cannot be read or parsed is in Errs; err is set only
// when no page at all could be had, and then says why.
func (c *Cache) Load(paths []string) (*Loaded, error) {
	files := make([]pageFile, len(paths))
	for i, p := range paths {
		files[i].path = p
	}
	c.fill(files, nil, false)
	return assemble(files)
}

// LoadFiles gives the issue of page files already read (standard input,
// a page bundled in the program), each kept under its key as Load keeps a
// file's.
func (c *Cache) LoadFiles(files []parse.File) (*Loaded, error) {
	pf := make([]pageFile, len(files))
	for i, f := range files {
		pf[i].path, pf[i].data = f.Name, f.Data
		if pf[i].data == nil {
			pf[i].data = []byte{}
		}
	}
	slots := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for i := range pf {
		f := &pf[i]
		wg.Go(func() {
			slots <- struct{}{}
			defer func() { <-slots }()
			c.loadFile(f, nil)
		})
	}
	wg.Wait()
	return assemble(pf)
}

// LoadDir gives the issue of an issue folder's page files (PageFiles), and
// keeps its summary for Count.
func (c *Cache) LoadDir(dir string) (*Loaded, error) {
	paths, err := PageFiles(dir)
	if err != nil {
		return nil, err
	}
	return c.loadDir(dir, paths, c.readSummary(dir), nil)
}

// loadDir is LoadDir of the folder's page files paths, given its summary
// sum as the cache has it (nil for none) and, when known, the files'
// metadata sigs (statSig).
func (c *Cache) loadDir(dir string, paths []string, sum *summary, sigs []fileSig) (*Loaded, error) {
	if len(paths) == 0 {
		return nil, fmt.Errorf("%s: no page files", dir)
	}
	files := make([]pageFile, len(paths))
	for i, p := range paths {
		files[i].path = p
		if len(sigs) == len(paths) {
			files[i].sig = sigs[i]
		}
	}
	fresh := c.fill(files, sum, true)
	l, err := assemble(files)
	if err == nil && c.dir != "" && (sum == nil || !fresh) {
		c.writeSummary(dir, files, l.Issue)
	}
	return l, err
}

// Count gives the summary of an issue folder: from the cache when none of
// its page files has changed, else by loading it.
func (c *Cache) Count(dir string) (Summary, error) {
	sum := c.readSummary(dir)
	paths, err := PageFiles(dir)
	if err != nil {
		return Summary{}, err
	}
	var sigs []fileSig
	if sum != nil {
		var same bool
		if sigs, same = sum.check(paths); same {
			return sum.Summary, nil
		}
	}
	l, err := c.loadDir(dir, paths, sum, sigs)
	if err != nil {
		return Summary{}, err
	}
	return summaryOf(l.Issue), nil
}

func summaryOf(is *model.Issue) Summary {
	s := Summary{Date: is.Date}
	for _, st := range is.Stories {
		s.Stories = append(s.Stories, st.Key())
	}
	return s
}

// fill loads each file: when its metadata is as the folder's summary has
// it, its pages from the summary; else its key from its bytes, and its
// pages from the cache or parsed and kept. The files not in the summary
// are loaded at once, no more at a time than there are CPUs. It reports
// whether every file was as the summary has it.
func (c *Cache) fill(files []pageFile, sum *summary, inFolder bool) (fresh bool) {
	known := map[string]summaryFile{}
	if sum != nil {
		for _, f := range sum.files {
			known[f.name] = f
		}
	}
	fresh = sum != nil && len(sum.files) == len(files)
	var byKey map[string][]byte // nil: the pages parsed go to files of their own
	if inFolder {
		byKey = map[string][]byte{}
	}
	if sum != nil {
		for _, f := range sum.files {
			byKey[f.key] = f.blob
		}
	}
	var rest []*pageFile
	for i := range files {
		f := &files[i]
		if f.sig == (fileSig{}) {
			if info, err := os.Stat(f.path); err == nil {
				f.sig = statSig(info)
			}
		}
		if f.sig != (fileSig{}) {
			if k, ok := known[filepath.Base(f.path)]; ok && k.sig == f.sig {
				// The summary's checksum covered the pages in it.
				if fp, err := decodePagesChecked(k.blob, c.parser.Version, false); err == nil {
					f.key, f.blob, f.filePages = k.key, k.blob, fp
					continue
				}
			}
		}
		fresh = false
		rest = append(rest, f)
	}
	if len(rest) == 1 {
		c.loadFile(rest[0], byKey)
		return fresh
	}
	slots := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for _, f := range rest {
		wg.Go(func() {
			slots <- struct{}{}
			defer func() { <-slots }()
			c.loadFile(f, byKey)
		})
	}
	wg.Wait()
	return fresh
}

// loadFile gives f its pages: from kept (the pages of a folder's summary,
// by key), from the cache's file of them, or parsed. The pages parsed are
// written to a file of the cache unless kept is given: a folder's summary
// will keep them.
func (c *Cache) loadFile(f *pageFile, kept map[string][]byte) {
	data := f.data
	if data != nil {
		f.key = c.key(data)
	}
	if f.key == "" {
		b, err := c.Read(f.path)
		if err != nil {
			f.rerr = err
			return
		}
		data, f.key = b, c.key(b)
	}
	if b, ok := kept[f.key]; ok {
		if fp, err := decodePagesChecked(b, c.parser.Version, false); err == nil {
			f.filePages, f.blob = fp, b
			return
		}
	}
	if c.dir != "" {
		// A FIFO, a device or a file too large there is a miss, parsed
		// again and written over.
		if b, err := safefile.Read(c.pagesPath(f.key), MaxPagesSize); err == nil {
			if fp, err := decodePages(b, c.parser.Version); err == nil {
				f.filePages, f.blob = fp, b
				return
			}
		}
	}
	if data == nil {
		b, err := c.Read(f.path)
		if err != nil {
			f.rerr = err
			return
		}
		data, f.key = b, c.key(b)
	}
	f.parsed = true
	f.scrambled = !parse.IsPDF(data) && parse.Scrambled(data)
	f.pages, f.err = c.parser.Parse(f.path, data)
	if f.err == nil && len(f.pages) == 0 {
		f.err = parse.ErrNoPages
	}
	for _, p := range f.pages {
		f.folded = append(f.folded, model.FoldPage(p))
	}
	f.blob = encodePages(c.parser.Version, f.filePages)
	if c.dir != "" && kept == nil {
		// A cache that cannot be written is no cache: the reading goes on.
		_ = writeFile(c.pagesPath(f.key), f.blob)
	}
}

// key is the cache key of a page file's bytes under the parser's version.
func (c *Cache) key(data []byte) string {
	h := sha256.New()
	h.Write([]byte(c.parser.Version))
	h.Write([]byte{0})
	h.Write(data)
	return hex.EncodeToString(h.Sum(nil))
}

func (c *Cache) pagesPath(key string) string {
	return filepath.Join(c.dir, "pages", key[:2], key[2:])
}

func (c *Cache) summaryPath(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		abs = dir
	}
	sum := sha256.Sum256([]byte(abs))
	return filepath.Join(c.dir, "issues", hex.EncodeToString(sum[:16]))
}

// assemble makes the issue of the files loaded.
func assemble(files []pageFile) (*Loaded, error) {
	l := &Loaded{}
	var parsed []parse.Parsed
	folded := map[*model.Page]string{}
	for _, f := range files {
		if f.parsed {
			l.Parsed++
		}
		if f.scrambled {
			l.Scrambled = append(l.Scrambled, f.path)
		}
		if f.rerr != nil {
			l.Errs = append(l.Errs, f.rerr)
			continue
		}
		if f.err != nil {
			parsed = append(parsed, parse.Parsed{Name: f.path, Err: f.err})
			continue
		}
		for i, p := range f.pages {
			folded[p] = f.folded[i]
		}
		parsed = append(parsed, parse.Parsed{Name: f.path, Pages: f.pages})
	}
	is, errs, err := parse.Assemble(parsed)
	l.Errs = append(l.Errs, errs...)
	if err != nil {
		return nil, noPages(l.Errs)
	}
	l.Issue = is
	for _, p := range is.Pages {
		l.Folded = append(l.Folded, folded[p])
	}
	return l, nil
}

// noPages is the error for files of which no page could be read: what
// happened to the one file, or to the first of several.
func noPages(errs []error) error {
	switch {
	case len(errs) == 1:
		return errs[0]
	case len(errs) > 1:
		return fmt.Errorf("no page could be read: %w (and %d more)", errs[0], len(errs)-1)
	}
	return errors.New("no page could be read")
}

// writeFile writes b to path through a temporary file beside it, renamed
// into place; the folder is made when missing.
func writeFile(path string, b []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, werr := f.Write(b)
	cerr := f.Close()
	if err := errors.Join(werr, cerr); err != nil {
		os.Remove(tmp)
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}
