package tui

import "charm.land/bubbles/v2/key"

// KeyMap is every key the reader answers to. The same bindings drive the
// handling in Update, the hints in the status bar and the ? help overlay,
// so what help says is what the keys do.
type KeyMap struct {
	Up, Down           key.Binding // move the selection, or scroll a line
	Open, Back         key.Binding // read the selected story; back to the list, from it to the shelf
	Shelf              key.Binding // back to the shelf of days
	Map                key.Binding // the page map (版面图); its own keys are MapKeys
	Switch             key.Binding // the other pane
	PageDown, PageUp   key.Binding
	HalfDown, HalfUp   key.Binding
	Top, Bottom        key.Binding
	PrevPage, NextPage key.Binding // the previous or next 版
	NextArticle        key.Binding // the next story, while reading
	PrevArticle        key.Binding
	Search             key.Binding // open the search prompt
	NextMatch          key.Binding // the next match, across stories and pages
	PrevMatch          key.Binding
	Narrow             key.Binding // list only the stories with matches, or all again
	Theme              key.Binding // cycle through the themes
	Indent             key.Binding // first-line indent on or off
	NextUnread         key.Binding // the next unread story, across pages, then days
	ToggleRead         key.Binding // mark the selected story unread, or read
	AllRead            key.Binding // mark the whole issue read
	Copy               key.Binding // copy the story to the clipboard (OSC 52)
	Suspend            key.Binding // back to the shell; fg comes back
	Help               key.Binding
	Quit               key.Binding

	// Prompt is the keys of the search prompt, which takes every other key
	// as text.
	Prompt PromptKeys
}

// PromptKeys are the keys that edit the search prompt or leave it. Any key
// that carries text, and a paste, is typed into it.
type PromptKeys struct {
	Confirm, Cancel key.Binding // keep the query and read at the match; go back to where you were
	DeleteBack      key.Binding // the character before the cursor
	DeleteForward   key.Binding // the character under it
	Clear           key.Binding
	Left, Right     key.Binding // a character at a time
	Start, End      key.Binding
	Older, Newer    key.Binding // the searches made before, from the latest
}

// DefaultKeyMap returns the reader's keys.
func DefaultKeyMap() KeyMap {
	b := func(keys []string, k, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, desc))
	}
	return KeyMap{
		Up:          b([]string{"k", "up"}, "k/↑", "上移"),
		Down:        b([]string{"j", "down"}, "j/↓", "下移"),
		Open:        b([]string{"enter", "l", "right"}, "enter/l/→", "阅读"),
		Back:        b([]string{"h", "left", "esc"}, "h/←/esc", "返回标题"),
		Shelf:       b([]string{"s"}, "s", "书架"),
		Map:         b([]string{"m"}, "m", "版面图"),
		Switch:      b([]string{"tab"}, "tab", "切换窗格"),
		PageDown:    b([]string{"space", "pgdown", "ctrl+f"}, "space/PgDn/^F", "下一屏"),
		PageUp:      b([]string{"b", "pgup", "ctrl+b"}, "b/PgUp/^B", "上一屏"),
		HalfDown:    b([]string{"d", "ctrl+d"}, "d/^D", "下半屏"),
		HalfUp:      b([]string{"u", "ctrl+u"}, "u/^U", "上半屏"),
		Top:         b([]string{"g", "home"}, "g", "到开头"),
		Bottom:      b([]string{"G", "end"}, "G", "到末尾"),
		PrevPage:    b([]string{"["}, "[", "上一版"),
		NextPage:    b([]string{"]"}, "]", "下一版"),
		NextArticle: b([]string{"J"}, "J", "下一篇"),
		PrevArticle: b([]string{"K"}, "K", "上一篇"),
		Search:      b([]string{"/"}, "/", "搜索"),
		NextMatch:   b([]string{"n"}, "n", "下一处"),
		PrevMatch:   b([]string{"N"}, "N", "上一处"),
		Narrow:      b([]string{"f"}, "f", "只看命中/全部"),
		Theme:       b([]string{"t"}, "t", "换主题"),
		Indent:      b([]string{"i"}, "i", "首行缩进"),
		NextUnread:  b([]string{"U"}, "U", "下一篇未读"),
		ToggleRead:  b([]string{"r"}, "r", "标为未读/已读"),
		AllRead:     b([]string{"R"}, "R", "整期标为已读"),
		Copy:        b([]string{"y"}, "y", "复制本文"),
		Suspend:     b([]string{"ctrl+z"}, "^Z", "暂停"),
		Help:        b([]string{"?"}, "?", "帮助"),
		Quit:        b([]string{"q", "ctrl+c"}, "q/ctrl+c", "退出"),
		Prompt: PromptKeys{
			Confirm:       b([]string{"enter"}, "enter", "确定搜索"),
			Cancel:        b([]string{"esc"}, "esc", "取消搜索"),
			DeleteBack:    b([]string{"backspace", "ctrl+h"}, "backspace", "删一字"),
			DeleteForward: b([]string{"delete", "ctrl+d"}, "delete", "删后一字"),
			Clear:         b([]string{"ctrl+u"}, "ctrl+u", "清空搜索词"),
			Left:          b([]string{"left", "ctrl+b"}, "←", "左移"),
			Right:         b([]string{"right", "ctrl+f"}, "→", "右移"),
			Start:         b([]string{"home", "ctrl+a"}, "home", "到开头"),
			End:           b([]string{"end", "ctrl+e"}, "end", "到末尾"),
			Older:         b([]string{"up", "ctrl+p"}, "↑", "上一个搜索词"),
			Newer:         b([]string{"down", "ctrl+n"}, "↓", "下一个搜索词"),
		},
	}
}

// HelpGroups returns the bindings in the columns of the help overlay:
// moving, reading, searching, the rest. Every binding of the map is in one
// of them; of the prompt's, those that are not plain editing.
func (k KeyMap) HelpGroups() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.PageDown, k.PageUp, k.HalfDown, k.HalfUp, k.Top, k.Bottom},
		{k.Open, k.Back, k.Switch, k.NextArticle, k.PrevArticle, k.NextPage, k.PrevPage, k.Map, k.Shelf, k.NextUnread, k.ToggleRead, k.AllRead},
		{k.Search, k.NextMatch, k.PrevMatch, k.Narrow, k.Prompt.Confirm, k.Prompt.Cancel, k.Prompt.Clear, k.Prompt.Older},
		{k.Copy, k.Theme, k.Indent, k.Suspend, k.Help, k.Quit},
	}
}

// ShortHelp returns the few bindings the status bar names beside help
// and quit (which it always names), most useful first; it drops from the
// end what does not fit. searching says a query is kept: n and N come first.
func (k KeyMap) ShortHelp(reading, searching bool) []key.Binding {
	switch {
	case searching && reading:
		return []key.Binding{k.NextMatch, k.PrevMatch, k.PageDown, k.Back}
	case searching:
		return []key.Binding{k.NextMatch, k.Narrow, k.Down, k.Open}
	case reading:
		return []key.Binding{k.PageDown, k.Back, k.Search, k.NextArticle, k.PrevArticle}
	}
	return []key.Binding{k.Down, k.Open, k.Search, k.Switch, k.NextPage}
}

// ShelfHelp returns the bindings the status bar names on the shelf.
func (k KeyMap) ShelfHelp() []key.Binding {
	return []key.Binding{k.Open, k.NextUnread, k.Down, k.Up}
}

// PromptHelp returns the bindings the status bar names while the search
// prompt is open.
func (k KeyMap) PromptHelp() []key.Binding {
	return []key.Binding{k.Prompt.Confirm, k.Prompt.Cancel}
}
