// Package tui is dubao's terminal reader: a shelf of days, and for an
// issue a headline list beside a story body reflowed with package layout's
// line breaker, a header, a status bar and a help overlay, drawn with
// bubbletea. It also prints an issue as reflowed text for pipes (Cat), and
// prints the matches of a query for scripts (Find).
//
// The unit of reading is the story (model.Story): the list shows each once,
// under the page it starts on, and the body reads its parts straight
// through, with a quiet mark at each seam between pages. Search hits, which
// come page by page, are put in the order the stories are read.
//
// The reader is one root Model routing messages to the screen that is up —
// the shelf, an issue, the page map (版面图) of a page read from its PDF,
// the help overlay, the search prompt (screen.go says how to add one) — and each screen's panes answer their own keys and draw
// their own rows. model.go holds the state and what changes it, update.go
// the routing of messages, keys and the mouse, view.go the drawing; the
// keys are one KeyMap (keys.go). The parts share a common struct: the
// window's size and Geometry, the theme's styles, the width Measure and the
// KeyMap. Everything that costs (wrapping
// a story, fitting headlines to the list, searching and placing the hits)
// happens in Update when its input changes, and is cached; View only slices
// and styles lines that are ready, every one padded or cut to its pane's
// exact width with the one Measure.
//
// Search highlights are placed by bytes, not cells: each line of a set
// story knows which part, which field and from which byte it shows, so a
// hit's offsets (model.Hit) cut the line's own text, and the cells follow
// from the same Measure that laid the line out, in either ambiguous mode.
//
// What the reader does not do itself, it asks of two interfaces that
// cmd/dubao fills in: a Library, the shelf of days, which lists issues and
// opens one (and, as a Counter, counts one's stories without opening it,
// and as a ShelfSearcher searches them all); and a Memory, which keeps the stories read and where the
// reading stopped from one run to the next. Both are called off the UI
// goroutine, through commands, but for what New loads of the issue it
// starts on and for saving the place on quitting.
//
// Parsing pages is package parse's; the article tree and matching are
// package model's; how things look is package themes'. Files, folders,
// flags, the environment and the terminal itself — probing how it draws
// ambiguous characters, starting the process again so the renderer
// agrees — belong to cmd/dubao, which hands the reader what it found in
// Options.
package tui
