//go:build !unix

package shelf

import "io/fs"

// statSig is what a file's metadata says of its content: its size and
// modification time.
func statSig(info fs.FileInfo) fileSig {
	return fileSig{size: info.Size(), mtime: info.ModTime().UnixNano()}
}
