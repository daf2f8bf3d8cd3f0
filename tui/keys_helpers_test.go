package tui

import tea "charm.land/bubbletea/v2"

// keyPress returns the message a key sends: a printable key as its text,
// others by their name (enter, tab, space, pgdown, esc, up, down,
// backspace, ctrl+u…). Text of several runes is one key press carrying
// them all, as an input method commits a word.
func keyPress(k string) tea.KeyPressMsg {
	switch k {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "space", " ":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "pgdown":
		return tea.KeyPressMsg{Code: tea.KeyPgDown}
	case "pgup":
		return tea.KeyPressMsg{Code: tea.KeyPgUp}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "left":
		return tea.KeyPressMsg{Code: tea.KeyLeft}
	case "right":
		return tea.KeyPressMsg{Code: tea.KeyRight}
	case "home":
		return tea.KeyPressMsg{Code: tea.KeyHome}
	case "end":
		return tea.KeyPressMsg{Code: tea.KeyEnd}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	case "delete":
		return tea.KeyPressMsg{Code: tea.KeyDelete}
	case "ctrl+c", "ctrl+u", "ctrl+a", "ctrl+e", "ctrl+f", "ctrl+b", "ctrl+d", "ctrl+z", "ctrl+p", "ctrl+n", "ctrl+h":
		return tea.KeyPressMsg{Code: rune(k[len(k)-1]), Mod: tea.ModCtrl}
	}
	r := []rune(k)
	if len(r) > 1 {
		return tea.KeyPressMsg{Code: tea.KeyExtended, Text: k}
	}
	return tea.KeyPressMsg{Code: r[0], Text: k}
}
