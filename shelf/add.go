package shelf

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/dubaoreader/dubao/internal/safefile"
)

// IssueFolder is the name of the shelf's folder for a day's paper:
// 2024-03-13, or 2024-03-13-晋中日报 with the paper's name, made safe for a
// file name (letters, digits, - and _ only, at most 40 of them).
func IssueFolder(date, paper string) (string, error) {
	m := datedName.FindStringSubmatch(date)
	if m == nil || len(date) > 10 || !validDate(m[1]+"-"+m[2]+"-"+m[3]) {
		return "", fmt.Errorf("date %q: want 2024-03-13 or 20240313", date)
	}
	date = m[1] + "-" + m[2] + "-" + m[3]
	var b strings.Builder
	n := 0
	for _, r := range paper {
		if n == 40 {
			break
		}
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_':
			b.WriteRune(r)
			n++
		case unicode.IsSpace(r) && b.Len() > 0:
			b.WriteByte('-')
			n++
		}
	}
	if name := strings.Trim(b.String(), "-_"); name != "" {
		return date + "-" + name, nil
	}
	return date, nil
}

// An Added file is one page file filed onto the shelf.
type Added struct {
	Name string // its name in the issue's folder
	Same bool   // the folder held it already, byte for byte
}

// Add files page files into the issue folder named folder on the shelf at
// dir, making both when they are not there. A file is written under its own
// base name, atomically; one of that name already there is kept, and the
// new one is written beside it with a number (03-2.pdf) unless it is the
// same file.
func Add(dir, folder string, files map[string][]byte, order []string) (string, []Added, error) {
	target := filepath.Join(dir, folder)
	if err := os.MkdirAll(target, 0o755); err != nil {
		return "", nil, fmt.Errorf("make issue folder: %w", err)
	}
	var out []Added
	for _, name := range order {
		data := files[name]
		base := filepath.Base(name)
		if base == "." || base == string(filepath.Separator) || strings.HasPrefix(base, ".") {
			base = "page" + base
		}
		ext := filepath.Ext(base)
		stem := strings.TrimSuffix(base, ext)
		placed := false
		for k := 1; k < 1000 && !placed; k++ {
			cand := base
			if k > 1 {
				cand = fmt.Sprintf("%s-%d%s", stem, k, ext)
			}
			path := filepath.Join(target, cand)
			// At most as long as data: a longer file, or a folder or a FIFO
			// of that name (not waited on), is another.
			old, err := safefile.Read(path, int64(len(data)))
			switch {
			case err == nil && bytes.Equal(old, data):
				out = append(out, Added{Name: cand, Same: true})
				placed = true
			case err == nil || errors.Is(err, safefile.ErrTooLarge) || errors.Is(err, safefile.ErrNotFile):
				continue // another file of that name: keep it
			case !errors.Is(err, fs.ErrNotExist):
				return target, out, fmt.Errorf("read %s: %w", path, err)
			default:
				if err := writeFileAtomic(path, data); err != nil {
					return target, out, err
				}
				out = append(out, Added{Name: cand})
				placed = true
			}
		}
		if !placed {
			return target, out, fmt.Errorf("%s: too many files of that name in %s", base, target)
		}
	}
	return target, out, nil
}

// writeFileAtomic writes data to path through a temporary file in the same
// folder, so that path is never seen half written.
func writeFileAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".add-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
