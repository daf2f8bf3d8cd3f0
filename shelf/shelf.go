// Package shelf keeps the days' papers on disk: a directory of dated issue
// folders (2024-03-13/, 20240313/ …), each a folder of page files, and what
// the reader has read in them. It reads folders and files and writes the
// reader's state; turning page text into articles is package parse's work,
// and showing them is the tui's.
package shelf

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/dubaoreader/dubao/internal/safefile"
	"github.com/dubaoreader/dubao/model"
	"github.com/dubaoreader/dubao/model/clean"
	"github.com/dubaoreader/dubao/parse"
)

// An Entry is one day's issue of a paper on the shelf.
type Entry struct {
	Date  string // 2024-03-13
	Paper string // the paper's name, from the folder's after the date (20190222-人民日报); "" for none
	Dir   string // the issue's folder

	// Legacy is another key the issue's read state may be kept under: the
	// date alone, under which dubao kept the state of a day before it told
	// papers apart — for the first paper of its day. "" for none.
	Legacy string
}

// Key is the issue's key in the reader's state and on the shelf: its date,
// and the paper's name after a slash when the folder names one
// (2019-02-22/人民日报), so that two papers of a day are two issues.
func (e Entry) Key() string {
	if e.Paper == "" {
		return e.Date
	}
	return e.Date + "/" + e.Paper
}

// A Shelf is a directory of dated issue folders.
type Shelf struct {
	Dir     string
	Entries []Entry // newest first
}

// datedName matches the names of issue folders: 2024-03-13, 20240313,
// 2024_03_13, 2024.03.13, with anything after — the paper's name
// (2024-03-13-晋中日报, 20190222 人民日报).
var datedName = regexp.MustCompile(`^(\d{4})[-_.]?(\d{2})[-_.]?(\d{2})(\D.*)?$`)

// paperName is the paper's name in what follows the date in a folder's
// name: without the separators around it.
func paperName(tail string) string {
	return strings.TrimSpace(strings.Trim(tail, "-_.· \t"))
}

// ErrNoShelf is returned by Open for a directory that does not exist.
var ErrNoShelf = errors.New("no shelf")

// Open reads the shelf in dir: its dated folders, newest first. A missing
// dir is ErrNoShelf (wrapped); a dir with no dated folders is an empty shelf.
func Open(dir string) (*Shelf, error) {
	ents, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s: %w", dir, ErrNoShelf)
	}
	if err != nil {
		return nil, fmt.Errorf("read shelf %s: %w", dir, err)
	}
	s := &Shelf{Dir: dir}
	for _, e := range ents {
		if !isDir(dir, e) {
			continue
		}
		m := datedName.FindStringSubmatch(e.Name())
		if m == nil {
			continue
		}
		date := m[1] + "-" + m[2] + "-" + m[3]
		if !validDate(date) {
			continue
		}
		s.Entries = append(s.Entries, Entry{Date: date, Paper: clean.Line(paperName(m[4])), Dir: filepath.Join(dir, e.Name())})
	}
	// Newest first; the papers of a day in the order of their folders.
	slices.SortStableFunc(s.Entries, func(a, b Entry) int { return strings.Compare(b.Date, a.Date) })
	for i := range s.Entries {
		if e := &s.Entries[i]; e.Paper != "" && (i == 0 || s.Entries[i-1].Date != e.Date) {
			e.Legacy = e.Date
		}
	}
	return s, nil
}

// validDate reports whether d (2024-03-13) is a day of the calendar, from
// 1900 on: not 2024-02-30.
func validDate(d string) bool {
	t, err := time.Parse(time.DateOnly, d)
	return err == nil && t.Year() >= 1900
}

// isDir reports whether the entry e of dir is a folder, or a symbolic link
// to one.
func isDir(dir string, e fs.DirEntry) bool {
	if e.Type()&fs.ModeSymlink == 0 {
		return e.IsDir()
	}
	info, err := os.Stat(filepath.Join(dir, e.Name()))
	return err == nil && info.IsDir()
}

// Find returns the entry for a key (Entry.Key), a folder's name, or a
// date (2024-03-12 or 20240312) — the first paper of that day.
func (s *Shelf) Find(key string) (Entry, bool) {
	for _, e := range s.Entries {
		if e.Key() == key || filepath.Base(e.Dir) == key {
			return e, true
		}
	}
	if m := datedName.FindStringSubmatch(key); m != nil {
		date, paper := m[1]+"-"+m[2]+"-"+m[3], paperName(m[4])
		for _, e := range s.Entries {
			if e.Date == date && (paper == "" || e.Paper == paper) {
				return e, true
			}
		}
	}
	return Entry{}, false
}

// MaxPageSize is the largest page file read; a page of text is tens of
// kilobytes, and anything far larger is not a page.
const MaxPageSize = 16 << 20

// ReadPage reads a page file, which came from outside: a regular file
// (symbolic links followed) of at most MaxPageSize bytes. A folder, a
// device, a FIFO or a socket is refused by its kind, without blocking or
// reading it; a larger file by its size. See safefile.Read.
//
// A PDF (by its name) may be as large as MaxPDFSize; what it holds is
// checked by the parse, which refuses a file that is no PDF.
func ReadPage(path string) ([]byte, error) {
	if strings.EqualFold(filepath.Ext(path), ".pdf") {
		return safefile.Read(path, MaxPDFSize)
	}
	return safefile.Read(path, MaxPageSize)
}

// MaxPDFSize is the largest PDF read: a day's paper in one file may run to
// a hundred megabytes.
const MaxPDFSize = 256 << 20

// PageFiles lists the page files of an issue folder: the regular files that
// are not hidden, not images, in name order — its text files, or, in a
// folder of no text files, its PDFs.
func PageFiles(dir string) ([]string, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("read issue %s: %w", dir, err)
	}
	var out, pdfs []string
	for _, e := range ents {
		name := e.Name()
		if e.IsDir() || strings.HasPrefix(name, ".") {
			continue
		}
		switch strings.ToLower(filepath.Ext(name)) {
		case ".pdf":
			pdfs = append(pdfs, filepath.Join(dir, name))
			continue
		case ".png", ".jpg", ".jpeg", ".gif", ".json", ".md":
			continue
		}
		out = append(out, filepath.Join(dir, name))
	}
	if len(out) == 0 {
		out = pdfs
	}
	slices.Sort(out)
	return out, nil
}

// ReadFiles reads page files for parse.Issue, with ReadPage. A file that
// cannot be read — too large, not a regular file, unreadable — is reported
// in errs, saying why, and left out. A file's name is untrusted: each
// parse.File is named with it as clean.Line shows it, for messages.
func ReadFiles(paths []string) (files []parse.File, errs []error) {
	for _, p := range paths {
		b, err := ReadPage(p)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		files = append(files, parse.File{Name: clean.Line(p), Data: b})
	}
	return files, errs
}

// LoadIssue reads and parses the page files of an issue folder. Files that
// cannot be read as pages are reported in errs; err is set only when no page
// could be read at all, and then says why.
func LoadIssue(dir string) (is *model.Issue, errs []error, err error) {
	return LoadIssueReading(dir, nil)
}

// LoadIssueReading is LoadIssue with the PDFs of the folder read by ex,
// parsed afresh (nothing kept).
func LoadIssueReading(dir string, ex parse.Extractor) (is *model.Issue, errs []error, err error) {
	l, err := NewCache("", PageParser(ex)).LoadDir(dir)
	if err != nil {
		return nil, nil, err
	}
	return l.Issue, l.Errs, nil
}

// NoPageError is the error for pages at where of which none could be read,
// errs saying why: the first reason, and how many more there are.
func NoPageError(where string, errs []error) error {
	switch len(errs) {
	case 0:
		return fmt.Errorf("%s: no page could be read", where)
	case 1:
		return fmt.Errorf("%s: no page could be read: %w", where, errs[0])
	}
	return fmt.Errorf("%s: no page could be read: %w (and %d more)", where, errs[0], len(errs)-1)
}

// DefaultDir is where the shelf is unless told: $XDG_DATA_HOME/dubao/papers,
// or ~/.local/share/dubao/papers.
func DefaultDir(xdgDataHome, home string) string {
	if filepath.IsAbs(xdgDataHome) {
		return filepath.Join(xdgDataHome, "dubao", "papers")
	}
	if home == "" {
		return ""
	}
	return filepath.Join(home, ".local", "share", "dubao", "papers")
}
