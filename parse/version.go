package parse

// Version names what this parser makes of a page. It is part of the key
// of every page kept in dubao's cache of parsed issues (package shelf), so
// raise it whenever a change to the parser changes the tree it makes of
// some page: the pages parsed by an older parser are then parsed again.
const Version = 20
