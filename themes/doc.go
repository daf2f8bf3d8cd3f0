// Package themes says how the reader looks: a Theme names the colour and
// attributes of every part of the screen (header, headline list, article
// body, search matches, status bar, help, borders) in the reader's own words.
//
// It holds the built-in themes (paper, ink, contrast, plain), parses user
// theme files (the format is below), and decides which theme to start with
// (Resolve). It never reads the environment or asks the terminal anything:
// the caller passes NO_COLOR, the config directory and whether the
// terminal's background is dark. LoadDir is the one function that touches
// files. Drawing — layout, widths, when to restyle — is left to the tui,
// which turns each Style into a lipgloss.Style with Style.Lipgloss.
//
// # Theme files
//
// A theme file is UTF-8 text, one setting a line:
//
//	# dubao theme
//	name = sepia
//	base = paper          # inherit everything from a built-in
//	dark = false
//	title = bold #5b3a1e
//	match = reverse #7a5c00
//	body = #3b2f2a on #f4ecd8
//
// Blank lines are skipped. A # at the start of a line, or a # standing alone
// after a value (a space after it), starts a comment; a # followed by hex
// digits is a colour. Keys are not case-sensitive, and - may stand for _.
// Each key may be set once.
//
// Four keys describe the theme as a whole:
//
//	name        the theme's name, for --theme and the t key: letters, digits,
//	            - and _, stored lower case, and not the name of a built-in.
//	            Without it the file's name less ".theme" is used.
//	base        the built-in theme (paper, ink, contrast, plain) whose
//	            settings the file starts from; without it, ink when dark is
//	            true, else paper.
//	dark        true or false: whether the theme is made for a dark
//	            background; without it, the base's.
//	background  a colour painted behind the whole screen, or none. Every
//	            style without an "on" colour gets it. Best left unset.
//
// Every other key sets one part of the screen, replacing the base's setting
// for it entirely (so "title = #5b3a1e" is not bold even if the base's title
// was). Its value is
//
//	[attribute ...] [COLOUR] [on COLOUR]
//
// or the word none for no styling at all. The attributes are bold, faint
// (or dim), italic, underline and reverse. A COLOUR is #rgb or #rrggbb, an
// index of the terminal's palette 0 to 255, or one of the names black, red,
// green, yellow, blue, magenta, cyan, white and their bright- forms
// (bright-black is also gray or grey). The style keys are:
//
//	header                   the top line: paper, date, page
//	status                   the status bar
//	status_key               a key name inside the status bar
//	page_heading             the 第3版 heading over a page's headlines
//	list_item                a headline in the list
//	list_selected            the selected headline, list focused
//	list_selected_unfocused  the selected headline, body focused
//	list_read                a headline already read
//	hit_count                search hits beside a headline
//	body                     an article's paragraphs
//	title                    the headline over the article
//	kicker                   引题, the line above the title
//	subtitle                 副题, the line below the title
//	byline                   本报记者 …
//	seam                     the mark where a continued article joins
//	match                    a search match
//	current_match            the match moved to with n or N
//	border                   border of the pane without focus (colours only)
//	border_focused           border of the pane with focus; bold = heavy lines
//	help                     the ? help overlay
//	prompt                   the search prompt
//	message                  a message in the status bar
//	warning                  a warning in the status bar
//	dim                      secondary text: counts, hints
//
// A mistake is reported with the file name and line, as in
//
//	sepia.theme:4: title: unknown colour "#zzz": want #rgb or #rrggbb
//
// Theme.File writes any theme in this format, every key spelled out: a
// starting point for a theme of one's own.
package themes
