//go:build unix

package shelf

import (
	"io/fs"
	"syscall"
)

// statSig is what a file's metadata says of its content: a file whose
// size, modification and change times and inode are all as they were is
// taken to hold what it held, as git's index takes it.
func statSig(info fs.FileInfo) fileSig {
	s := fileSig{size: info.Size(), mtime: info.ModTime().UnixNano()}
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		s.ino = uint64(st.Ino)
		s.ctime = st.Ctim.Nano()
	}
	return s
}
