package themes

// Suits reports whether t reads well on a terminal whose background is
// dark (or light): a theme made for that background, one that paints its
// own (contrast), or one with no colour at all (plain).
func (t Theme) Suits(dark bool) bool {
	return t.Dark == dark || t.Background != "" || !t.coloured()
}

// coloured reports whether any Style of t sets a colour.
func (t Theme) coloured() bool {
	for _, r := range roles() {
		if s := r.get(&t); s.Fg != "" || s.Bg != "" {
			return true
		}
	}
	return false
}

// CycleSuited returns the theme after current in available that suits the
// background, wrapping round; current itself when none other does. lookup
// finds a theme by name (Lookup with the user's themes).
func CycleSuited(current string, available []string, dark bool, lookup func(string) (Theme, bool)) string {
	name := current
	for range available {
		name = Cycle(name, available)
		if t, ok := lookup(name); ok && t.Suits(dark) {
			return name
		}
	}
	return current
}
