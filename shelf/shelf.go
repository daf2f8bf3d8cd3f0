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
		s.Entries = append(s.Entries, Entry{Date: date, Paper: paperName(m[4]), Dir: filepath.Join(dir, e.Name())})
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

func validDate(d string) bool {
	var y, m, day int
	if _, err := fmt.Sscanf(d, "%d-%d-%d", &y, &m, &day); err != nil {
		return false
	}
	return y >= 1900 && m >= 1 && m <= 12 && day >= 1 && day <= 31
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

// maxPageFile is the largest page file read; a page of text is tens of
// kilobytes, and anything far larger is not a page.
const maxPageFile = 16 << 20

// PageFiles lists the page files of an issue folder: the regular files that
// are not hidden, not PDFs or images, in name order.
func PageFiles(dir string) ([]string, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("read issue %s: %w", dir, err)
	}
	var out []string
	for _, e := range ents {
		name := e.Name()
		if e.IsDir() || strings.HasPrefix(name, ".") {
			continue
		}
		switch strings.ToLower(filepath.Ext(name)) {
		case ".pdf", ".png", ".jpg", ".jpeg", ".gif", ".json", ".md":
			continue
		}
		out = append(out, filepath.Join(dir, name))
	}
	slices.Sort(out)
	return out, nil
}

// ReadFiles reads page files for parse.Issue. A file too large or
// unreadable is reported in errs and left out.
func ReadFiles(paths []string) (files []parse.File, errs []error) {
	for _, p := range paths {
		b, err := ReadPage(p)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		files = append(files, parse.File{Name: p, Data: b})
	}
	return files, errs
}

// ReadPage reads a page file: the one place dubao reads one, so that what
// may be read is decided here. A file larger than a page of text can be
// (maxPageFile) is not read, and says so.
func ReadPage(path string) ([]byte, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if info.Size() > maxPageFile {
		return nil, fmt.Errorf("%s: %.1f MB, larger than a page of text can be (%d MB at most)", path, float64(info.Size())/(1<<20), maxPageFile>>20)
	}
	return os.ReadFile(path)
}

// LoadIssue reads and parses the page files of an issue folder. Files that
// cannot be read as pages are reported in errs; err is set only when no page
// could be read at all, and then says why.
func LoadIssue(dir string) (is *model.Issue, errs []error, err error) {
	l, err := NewCache("", TextParser()).LoadDir(dir)
	if err != nil {
		return nil, nil, err
	}
	return l.Issue, l.Errs, nil
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
