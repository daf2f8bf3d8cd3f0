package themes

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/dubaoreader/dubao/internal/safefile"
	"github.com/dubaoreader/dubao/model/clean"
)

// LoadDir reads every *.theme file in dir (see Dir), in name order, and
// returns the themes that parse and one error for each file that does not.
// A bad file never stops the others from loading. A missing dir is not an
// error, nor is dir "" (Dir found no home): most people have no themes of
// their own. When two files name the same theme, the first wins and the
// second is an error. Hidden files (.x) are skipped.
func LoadDir(dir string) ([]Theme, []error) {
	if dir == "" {
		return nil, nil
	}
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, []error{fmt.Errorf("read themes: %w", err)}
	}
	var (
		themes []Theme
		errs   []error
		from   = map[string]string{} // theme name → file that defined it
	)
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".theme") || strings.HasPrefix(name, ".") || e.IsDir() {
			continue
		}
		t, err := loadFile(dir, name)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if first, dup := from[t.Name]; dup {
			errs = append(errs, &ParseError{File: name, Msg: fmt.Sprintf("theme %q is already defined by %s", t.Name, first)})
			continue
		}
		from[t.Name] = name
		themes = append(themes, t)
	}
	return themes, errs
}

// loadFile reads and parses one theme file, which came from outside: a
// regular file of at most maxFileSize bytes, read with safefile (a FIFO or
// a device is refused by its kind, without waiting on it), and what is not
// text in it (control characters, by package clean's rule) dropped before
// it is parsed.
func loadFile(dir, name string) (Theme, error) {
	data, err := safefile.Read(filepath.Join(dir, name), maxFileSize)
	switch {
	case errors.Is(err, safefile.ErrNotFile), errors.Is(err, safefile.ErrTooLarge):
		var pe *fs.PathError
		errors.As(err, &pe)
		return Theme{}, &ParseError{File: name, Msg: pe.Err.Error()}
	case err != nil:
		return Theme{}, fmt.Errorf("read theme: %w", err)
	}
	return Parse(name, []byte(clean.Text(string(data))))
}
