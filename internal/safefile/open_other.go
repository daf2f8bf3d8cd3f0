//go:build !unix

package safefile

// openNonBlock is nothing where FIFOs are not opened as files.
const openNonBlock = 0
