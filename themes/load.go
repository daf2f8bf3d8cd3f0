package themes

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
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

// loadFile reads and parses one theme file, refusing files too large to be
// themes before reading them whole.
func loadFile(dir, name string) (Theme, error) {
	path := filepath.Join(dir, name)
	info, err := os.Stat(path)
	if err != nil {
		return Theme{}, fmt.Errorf("read theme: %w", err)
	}
	if !info.Mode().IsRegular() {
		return Theme{}, &ParseError{File: name, Msg: "not a regular file"}
	}
	if info.Size() > maxFileSize {
		return Theme{}, &ParseError{File: name, Msg: fmt.Sprintf("too large for a theme file (%d bytes; at most %d)", info.Size(), maxFileSize)}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return Theme{}, fmt.Errorf("read theme: %w", err)
	}
	return Parse(name, data)
}
