// Package safefile reads files that come from outside — pages, PDFs, theme
// files, the state file — without trusting them: only a regular file is
// read (after following symbolic links), never more than a limit the caller
// names, and a device, a FIFO or a socket is refused with its kind named
// before anything could block on it or read it without end. It knows
// nothing of what the files hold.
package safefile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
)

// Errors Read and ReadAll return, wrapped, to compare with errors.Is.
var (
	ErrNotFile  = errors.New("not a regular file")
	ErrTooLarge = errors.New("too large")
)

// Read reads the file at path, following symbolic links, when it is a
// regular file of at most limit bytes. Anything else is an *fs.PathError
// that says why: a folder, a device, a FIFO or a socket by its kind
// (wrapping ErrNotFile), a larger file by its size and the limit (wrapping
// ErrTooLarge). It never blocks opening a FIFO, and a file that grows while
// it is read is cut off at limit+1 bytes and refused.
func Read(path string, limit int64) ([]byte, error) {
	return ReadInto(path, limit, nil)
}

// ReadInto is Read, reading into buf's room when it is large enough (a
// buffer read into again and again); the bytes read share it.
func ReadInto(path string, limit int64, buf []byte) ([]byte, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, readError(path, err)
	}
	if err := check(info, limit); err != nil {
		return nil, readError(path, err)
	}
	// Between Stat and Open the file may become a FIFO: opened
	// non-blocking, and checked again once open.
	f, err := os.OpenFile(path, os.O_RDONLY|openNonBlock, 0)
	if err != nil {
		return nil, readError(path, err)
	}
	defer f.Close()
	if info, err = f.Stat(); err != nil {
		return nil, readError(path, err)
	}
	if err := check(info, limit); err != nil {
		return nil, readError(path, err)
	}
	b, err := readAtMost(f, limit, info.Size(), buf)
	if err != nil {
		return nil, readError(path, err)
	}
	return b, nil
}

// ReadAll reads r — standard input — to its end, refusing it (wrapping
// ErrTooLarge) once more than limit bytes come. name names r in errors.
func ReadAll(r io.Reader, name string, limit int64) ([]byte, error) {
	b, err := readAtMost(r, limit, 0, nil)
	if err != nil {
		return nil, readError(name, err)
	}
	return b, nil
}

// Check reports whether Read could read the file at path, without
// reading it: it must be a regular file of at most limit bytes that can be
// opened for reading. A folder is not a file.
func Check(path string, limit int64) error {
	info, err := os.Stat(path)
	if err != nil {
		return readError(path, err)
	}
	if err := check(info, limit); err != nil {
		return readError(path, err)
	}
	f, err := os.OpenFile(path, os.O_RDONLY|openNonBlock, 0)
	if err != nil {
		return readError(path, err)
	}
	return f.Close()
}

// Kind names what a file of mode m is, as a refusal says it: "a folder",
// "a FIFO", "a device", "a socket", "a regular file" and so on.
func Kind(m fs.FileMode) string {
	switch {
	case m.IsRegular():
		return "a regular file"
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a FIFO (named pipe)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a block device"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	}
	return "not a regular file"
}

// check refuses a file that is not regular or is larger than limit.
func check(info fs.FileInfo, limit int64) error {
	if !info.Mode().IsRegular() {
		return fmt.Errorf("%s, %w", Kind(info.Mode()), ErrNotFile)
	}
	if info.Size() > limit {
		return tooLarge(info.Size(), limit)
	}
	return nil
}

// readAtMost reads r to its end, or fails once it has more than limit
// bytes; size is how much r is expected to hold, 0 when not known. It
// reads into buf's room when that has more than size.
func readAtMost(r io.Reader, limit, size int64, buf []byte) ([]byte, error) {
	b := buf[:0]
	if int64(cap(b)) <= min(size, limit) {
		b = make([]byte, 0, min(size, limit)+1) // +1: to see the end at once
	}
	for {
		if int64(len(b)) > limit {
			return nil, tooLarge(-1, limit)
		}
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		room := b[len(b):min(int64(cap(b)), limit+1)]
		n, err := r.Read(room)
		b = b[:len(b)+n]
		if err == io.EOF {
			if int64(len(b)) > limit {
				return nil, tooLarge(-1, limit)
			}
			return b, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// tooLarge says a file of size bytes (-1: more than limit, how much more
// unknown) is over limit.
func tooLarge(size, limit int64) error {
	if size < 0 {
		return fmt.Errorf("%w: more than the %s allowed", ErrTooLarge, Size(limit))
	}
	return fmt.Errorf("%w: %s, more than the %s allowed", ErrTooLarge, Size(size), Size(limit))
}

// Size says a number of bytes as people read it: 512 bytes, 40 KB, 16 MB,
// 5.2 GB.
func Size(n int64) string {
	const k = 1 << 10
	switch {
	case n < k:
		return fmt.Sprintf("%d bytes", n)
	case n < k*k:
		return fmt.Sprintf("%d KB", n/k)
	case n < k*k*k:
		return trimZero(float64(n)/(k*k)) + " MB"
	}
	return trimZero(float64(n)/(k*k*k)) + " GB"
}

func trimZero(f float64) string {
	if f >= 100 {
		return fmt.Sprintf("%.0f", f)
	}
	return strings.TrimSuffix(fmt.Sprintf("%.1f", f), ".0")
}

// readError is err about path, with the operation said once.
func readError(path string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err // "stat x: …", "open x: …": say it as reading x
	}
	return &fs.PathError{Op: "read", Path: path, Err: err}
}
