package themes

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/dubaoreader/dubao/model/clean"
)

// A theme file is untrusted: a FIFO or a link to a device is refused by its
// kind at once, and nothing in a file's name or its text reaches a message
// or a theme's name as a control character.
func TestLoadDirUntrustedFiles(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no FIFOs")
	}
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "a-fifo.theme"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("/dev/zero", filepath.Join(dir, "b-zero.theme")); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"c-\x1b]0;pwned\x07.theme": "title = bold #zzz\n",
		"d-name.theme":             "name = du\x1b[2Jsk\u202E\nbase = ink\n",
		"e-bad.theme":              "title = bold \x1b]52;c;eA==\x07\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	done := make(chan struct{})
	var themes []Theme
	var errs []error
	go func() {
		themes, errs = LoadDir(dir)
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("LoadDir still going after 5 s")
	}
	var msgs []string
	for _, err := range errs {
		msgs = append(msgs, err.Error())
	}
	all := strings.Join(msgs, "\n")
	for _, want := range []string{"a-fifo.theme: a FIFO", "b-zero.theme: a character device", "c-␛]0;pwned␇.theme:1"} {
		if !strings.Contains(all, want) {
			t.Errorf("errors %q: none says %q", msgs, want)
		}
	}
	for _, m := range msgs {
		if clean.Line(m) != m {
			t.Errorf("error %q holds what is not text", m)
		}
	}
	for _, th := range themes {
		if clean.Line(th.Name) != th.Name {
			t.Errorf("theme name %q holds what is not text", th.Name)
		}
	}
}
