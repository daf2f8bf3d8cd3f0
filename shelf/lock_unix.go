//go:build unix

package shelf

import (
	"os"
	"syscall"
)

// lockExcludes says lockFile keeps other writers out.
const lockExcludes = true

// lockFile takes an exclusive lock on path, waiting for it, and returns
// the function that gives it back.
func lockFile(path string) (func(), error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		return nil, err
	}
	return func() {
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}
