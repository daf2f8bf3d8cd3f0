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

	"github.com/dubaoreader/dubao/model"
	"github.com/dubaoreader/dubao/parse"
)

// An Entry is one day's issue on the shelf.
type Entry struct {
	Date string // 2024-03-13
	Dir  string // the issue's folder
}

// A Shelf is a directory of dated issue folders.
type Shelf struct {
	Dir     string
	Entries []Entry // newest first
}

// datedName matches the names of issue folders: 2024-03-13, 20240313,
// 2024_03_13, 2024.03.13, with anything after (2024-03-13-晋中日报).
var datedName = regexp.MustCompile(`^(\d{4})[-_.]?(\d{2})[-_.]?(\d{2})(?:\D.*)?$`)

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
		if !e.IsDir() {
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
		s.Entries = append(s.Entries, Entry{Date: date, Dir: filepath.Join(dir, e.Name())})
	}
	slices.SortStableFunc(s.Entries, func(a, b Entry) int { return strings.Compare(b.Date, a.Date) })
	return s, nil
}

func validDate(d string) bool {
	var y, m, day int
	if _, err := fmt.Sscanf(d, "%d-%d-%d", &y, &m, &day); err != nil {
		return false
	}
	return y >= 1900 && m >= 1 && m <= 12 && day >= 1 && day <= 31
}

// Find returns the entry for a date (2024-03-12 or 20240312).
func (s *Shelf) Find(date string) (Entry, bool) {
	if m := datedName.FindStringSubmatch(date); m != nil {
		date = m[1] + "-" + m[2] + "-" + m[3]
	}
	for _, e := range s.Entries {
		if e.Date == date {
			return e, true
		}
	}
	return Entry{}, false
}

// maxPageFile is the largest page file read; a page of text is tens of
// kilobytes, and anything far larger is not a page.
const maxPageFile = 16 << 20

// maxPDFFile is the largest PDF read: a day's paper in one file may run to
// a hundred megabytes.
const maxPDFFile = 256 << 20

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

// ReadFiles reads page files for parse.Issue. A file too large or
// unreadable is reported in errs and left out.
func ReadFiles(paths []string) (files []parse.File, errs []error) {
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if strings.EqualFold(filepath.Ext(p), ".pdf") {
			if info.Size() > maxPDFFile {
				errs = append(errs, fmt.Errorf("%s: %d MB is too large for a PDF of pages", p, info.Size()>>20))
				continue
			}
		} else if info.Size() > maxPageFile {
			errs = append(errs, fmt.Errorf("%s: %d MB is too large for a page of text", p, info.Size()>>20))
			continue
		}
		b, err := os.ReadFile(p)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		files = append(files, parse.File{Name: p, Data: b})
	}
	return files, errs
}

// LoadIssue reads and parses the page files of an issue folder. Files that
// cannot be read as pages are reported in errs; err is set only when no page
// could be read at all.
func LoadIssue(dir string) (is *model.Issue, errs []error, err error) {
	return LoadIssueReading(dir, nil)
}

// LoadIssueReading is LoadIssue with the PDFs of the folder read by ex.
func LoadIssueReading(dir string, ex parse.Extractor) (is *model.Issue, errs []error, err error) {
	paths, err := PageFiles(dir)
	if err != nil {
		return nil, nil, err
	}
	if len(paths) == 0 {
		return nil, nil, fmt.Errorf("%s: no page files", dir)
	}
	files, errs := ReadFiles(paths)
	if len(files) == 0 {
		return nil, errs, fmt.Errorf("%s: no page could be read", dir)
	}
	is, perr, err := parse.IssueReading(files, ex)
	return is, append(errs, perr...), err
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
