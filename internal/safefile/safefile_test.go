package safefile

import (
	"errors"
	"io"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestRead(t *testing.T) {
	dir := t.TempDir()
	page := filepath.Join(dir, "01.txt")
	if err := os.WriteFile(page, []byte("第1版\n要闻"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.txt")
	if err := os.Symlink(page, link); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{page, link} {
		b, err := Read(p, 100)
		if err != nil || string(b) != "第1版\n要闻" {
			t.Errorf("Read(%s) = %q, %v", p, b, err)
		}
	}
	if _, err := Read(page, 4); !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "14 bytes, more than the 4 bytes allowed") {
		t.Errorf("Read of 14 bytes with a limit of 4: %v", err)
	}
	if b, err := Read(page, 14); err != nil || len(b) != 14 {
		t.Errorf("Read of 14 bytes with a limit of 14 = %d bytes, %v", len(b), err)
	}
	if _, err := Read(filepath.Join(dir, "none"), 100); !errors.Is(err, os.ErrNotExist) || !strings.HasPrefix(err.Error(), "read ") {
		t.Errorf("Read of a missing file: %v", err)
	}
}

// Each kind of file that is not a page is refused by name, at once: none
// may block (a FIFO with no writer) or be read without end (/dev/zero).
func TestReadRefusesWhatIsNotAFile(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no FIFOs, sockets or /dev/zero")
	}
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	sock := filepath.Join(dir, "sock.txt")
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	zeroLink := filepath.Join(dir, "zero.txt")
	if err := os.Symlink("/dev/zero", zeroLink); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ path, kind string }{
		{fifo, "a FIFO"},
		{sock, "a socket"},
		{"/dev/zero", "a character device"},
		{zeroLink, "a character device"},
		{dir, "a folder"},
	} {
		done := make(chan error, 2)
		go func() {
			_, err := Read(c.path, 1<<20)
			done <- err
			done <- Check(c.path, 1<<20)
		}()
		for range 2 {
			select {
			case err := <-done:
				if !errors.Is(err, ErrNotFile) || !strings.Contains(err.Error(), c.kind) {
					t.Errorf("%s: %v, want it refused as %s", c.path, err, c.kind)
				}
			case <-time.After(5 * time.Second):
				t.Fatalf("%s: still reading after 5 s", c.path)
			}
		}
	}
}

// A FIFO put where a file was, after the Stat, is not waited on.
func TestReadDoesNotBlockOnAFIFO(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no FIFOs")
	}
	fifo := filepath.Join(t.TempDir(), "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		f, err := os.OpenFile(fifo, os.O_RDONLY|openNonBlock, 0)
		if err == nil {
			f.Close()
		}
		done <- err
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("opening a FIFO blocked")
	}
}

// endless is a reader that never ends, as /dev/zero on standard input.
type endless struct{}

func (endless) Read(p []byte) (int, error) { return len(p), nil }

func TestReadAll(t *testing.T) {
	if _, err := ReadAll(endless{}, "standard input", 1<<20); !errors.Is(err, ErrTooLarge) || err.Error() != "read standard input: too large: more than the 1 MB allowed" {
		t.Errorf("ReadAll of an endless reader: %v", err)
	}
	b, err := ReadAll(io.LimitReader(endless{}, 1<<20), "standard input", 1<<20)
	if err != nil || len(b) != 1<<20 {
		t.Errorf("ReadAll of exactly the limit = %d bytes, %v", len(b), err)
	}
	b, err = ReadAll(strings.NewReader(""), "standard input", 1<<20)
	if err != nil || len(b) != 0 {
		t.Errorf("ReadAll of nothing = %q, %v", b, err)
	}
}

func TestSize(t *testing.T) {
	for n, want := range map[int64]string{
		512: "512 bytes", 40 << 10: "40 KB", 16 << 20: "16 MB", 50<<20 + 300<<10: "50.3 MB", 5 << 30: "5 GB",
	} {
		if got := Size(n); got != want {
			t.Errorf("Size(%d) = %q, want %q", n, got, want)
		}
	}
}
