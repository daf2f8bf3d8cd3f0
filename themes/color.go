package themes

import (
	"fmt"
	"image/color"
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"
)

// Color is a terminal colour in canonical text form: "" for none (the
// terminal's own colour), "#rrggbb" (lower case) for 24-bit colour, or a
// decimal "0" … "255" for an indexed colour of the terminal's palette.
// ParseColor turns what people write (#rgb, names like "red") into this form.
// Colours are downsampled to what the terminal can show by lipgloss and
// bubbletea, so themes are written in 24-bit colour.
type Color string

// Lipgloss returns c as a colour for lipgloss; lipgloss.NoColor{} when c is "".
func (c Color) Lipgloss() color.Color {
	if c == "" {
		return lipgloss.NoColor{}
	}
	return lipgloss.Color(string(c))
}

// colourNames maps the colour names of the format to palette indexes.
func colourNames() map[string]int {
	return map[string]int{
		"black": 0, "red": 1, "green": 2, "yellow": 3,
		"blue": 4, "magenta": 5, "cyan": 6, "white": 7,
		"brightblack": 8, "gray": 8, "grey": 8,
		"brightred": 9, "brightgreen": 10, "brightyellow": 11,
		"brightblue": 12, "brightmagenta": 13, "brightcyan": 14, "brightwhite": 15,
	}
}

// ParseColor reads a colour as written in a theme file — #rgb, #rrggbb, a
// palette index 0–255, or a name such as red or bright-blue — and returns it
// in canonical form.
func ParseColor(s string) (Color, error) {
	if strings.HasPrefix(s, "#") {
		hex := strings.ToLower(s[1:])
		valid := (len(hex) == 3 || len(hex) == 6) && strings.Trim(hex, "0123456789abcdef") == ""
		if !valid {
			return "", fmt.Errorf("unknown colour %q: want #rgb or #rrggbb", s)
		}
		if len(hex) == 3 {
			hex = string([]byte{hex[0], hex[0], hex[1], hex[1], hex[2], hex[2]})
		}
		return Color("#" + hex), nil
	}
	if s != "" && strings.Trim(s, "0123456789") == "" {
		n, err := strconv.ParseUint(s, 10, 8)
		if err != nil {
			return "", fmt.Errorf("unknown colour %q: palette indexes go from 0 to 255", s)
		}
		return Color(strconv.FormatUint(n, 10)), nil
	}
	name := strings.NewReplacer("-", "", "_", "").Replace(strings.ToLower(s))
	if n, ok := colourNames()[name]; ok {
		return Color(strconv.Itoa(n)), nil
	}
	return "", fmt.Errorf("unknown colour %q", s)
}
