package tui

// screenKind is which screen the reader shows and gives the keys to. One screen is up
// at a time; the help and the search prompt are drawn over the screen
// they were opened from (Model.under), and go back to it when closed.
//
// Adding a screen is four small steps, each in one place:
//
//  1. a constant here (say whether it is an overlay in overlay());
//  2. its pane, in a file of its own, with an update(msg, keys) that moves
//     and scrolls itself and returns an intent for what reaches beyond it,
//     and a writeRow(b, y) that draws one row of the reader's middle;
//  3. a case in Model.key (update.go) that hands it the keys;
//  4. a case in Model.writeRow and Model.hintsFor (view.go) that draw it
//     and name its keys in the status bar.
type screenKind uint8

const (
	issueScreen  screenKind = iota // an issue: the headline list beside the story
	shelfScreen                    // the shelf of days
	helpScreen                     // the ? overlay, over the screen under it
	searchScreen                   // the search prompt on the status bar, over the issue
	mapScreen                      // the page map (版面图) of an issue, over both panes
)

// overlay reports whether s is drawn over another screen, and closes back
// to it.
func (s screenKind) overlay() bool { return s == helpScreen || s == searchScreen }

// intent is what a pane asks of the root after a key. A pane moves and
// scrolls itself; what reaches beyond it — opening, going back — the root
// does.
type intent uint8

const (
	stay   intent = iota // nothing more to do
	toOpen               // open what is selected: read the story, open the issue
	toBack               // go back: body → list → shelf; close the overlay
)

// show puts screen s up; an overlay remembers the screen it is drawn over.
func (m *Model) show(s screenKind) {
	if s.overlay() && !m.screen.overlay() {
		m.under = m.screen
	}
	m.screen = s
}

// closeOverlay goes back from the help or the prompt to the screen under
// it.
func (m *Model) closeOverlay() {
	if m.screen.overlay() {
		m.screen = m.under
	}
}

// base is the screen up, or under the overlay that is: the shelf or the
// issue.
func (m *Model) base() screenKind {
	if m.screen.overlay() {
		return m.under
	}
	return m.screen
}

// onShelf reports whether the shelf is up, or under the help.
func (m *Model) onShelf() bool { return m.base() == shelfScreen }

// prompting reports whether the search prompt is open.
func (m *Model) prompting() bool { return m.screen == searchScreen }
