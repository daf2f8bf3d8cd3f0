// Package tui is dubao's terminal reader: a headline list beside an article
// body reflowed with package layout's line breaker, a header, a status bar
// and a help overlay, drawn with bubbletea. It also prints an issue as
// reflowed text for pipes (Cat), prints the matches of a query for scripts
// (Find), and settles how wide the East Asian Ambiguous characters are
// before anything is drawn (AgreeWidth).
//
// The reader is one root Model routing messages to small parts — the list,
// the body, the search prompt, the help overlay — which share a common
// struct: the window's size and Geometry, the theme's styles, the width
// Measure and the KeyMap. Everything that costs (wrapping an article,
// fitting headlines to the list, searching and placing the hits) happens in
// Update when its input changes, and is cached; View only slices and styles
// lines that are ready, every one padded or cut to its pane's exact width
// with the one Measure.
//
// Search highlights are placed by bytes, not cells: each line of a set
// article knows which field of the article it shows and from which byte, so
// a hit's offsets (model.Hit) cut the line's own text, and the cells follow
// from the same Measure that laid the line out, in either ambiguous mode.
//
// Parsing pages is package parse's; the article tree and matching are
// package model's; how things look is package themes'. Files and flags
// belong to cmd/dubao.
package tui
