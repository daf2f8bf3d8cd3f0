package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/dubaoreader/dubao/internal/safefile"
)

// lastThemeFile is where the theme t picked is kept, under the state
// directory beside state.json: its name, one line.
const lastThemeFile = "theme"

// readLastTheme returns the theme t picked last time, "" for none. The file
// is small and only a name: anything longer or odd is no theme.
func readLastTheme(stateDir string) string {
	if stateDir == "" {
		return ""
	}
	b, err := safefile.Read(filepath.Join(stateDir, lastThemeFile), 256) // a FIFO is refused, not waited on
	if err != nil {
		return ""
	}
	name := string(bytes.TrimSpace(b))
	if name == "" || len(name) > 64 || strings.ContainsFunc(name, func(r rune) bool { return r < ' ' || r == 0x7f }) {
		return ""
	}
	return name
}

// keepTheme returns the function that remembers the theme t picks: the file
// written whole and renamed into place.
func keepTheme(stateDir string) func(name string) error {
	if stateDir == "" {
		return nil
	}
	return func(name string) error {
		if err := os.MkdirAll(stateDir, 0o755); err != nil {
			return fmt.Errorf("remember the theme: %w", err)
		}
		return writeFileAtomic(filepath.Join(stateDir, lastThemeFile), []byte(name+"\n"))
	}
}

// writeFileAtomic writes b to path through a temporary file in the same
// folder, renamed over it, so that no reader ever sees half of it.
func writeFileAtomic(path string, b []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	_, err = tmp.Write(b)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}
