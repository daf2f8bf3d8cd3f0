// Package themes says how the reader looks: a Theme names the colour and
// attributes of every part of the screen (header, headline list, article
// body, search matches, status bar, help, borders) in the reader's own words.
//
// It holds the built-in themes (paper, ink, contrast, plain), and decides which
// theme to start with (Resolve). It is pure: it never reads the environment or asks the
// terminal anything; the caller passes NO_COLOR, the config directory and
// whether the terminal background is dark. Drawing — layout, widths, when to restyle — is left to the
// tui, which turns each Style into a lipgloss.Style with Style.Lipgloss.
package themes
