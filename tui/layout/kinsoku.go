package layout

// The kinsoku sets, after W3C clreq and JIS X 4051. Every rune in them is in
// the basic multilingual plane, where the rune table holds the flags.
const (
	// LineStartProhibited are the runes that may not start a line (other
	// than a paragraph's first): closing brackets and quotes, pause and stop
	// marks, dashes and ellipses, postfix signs, and the small kana, the
	// prolonged sound mark and the iteration marks.
	LineStartProhibited = "、，。．：；！？”’」』）］｝】〕〗〉》—–～·…%％‰°′″℃,.;:!?)]}" +
		"ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶー々〻" +
		"―⋯〙〛｠｣､｡〞〟・ゝゞヽヾ〜‼⁇⁈⁉"

	// LineEndProhibited are the runes that may not end a line (other than a
	// paragraph's last): opening brackets and quotes, and the currency signs
	// written before a number.
	LineEndProhibited = "“‘「『（［｛【〔〖〈《([{" +
		"￥$＄¥£￡€₩" +
		"〘〚｟｢〝"

	// Unsplittable are the runes that, doubled, make one mark that is never
	// split across lines: —— (the Chinese dash, also written ――) and ……
	// (the Chinese ellipsis, also written ⋯⋯). A longer run is taken in
	// twos from its start.
	Unsplittable = "—―…⋯"
)

// breakFlags returns the flags that depend on r's category: a space, a
// piece of a Latin word or number (printable ASCII, full-width digits and
// letters, and any other letter or digit one cell wide), or neither. The
// kinsoku flags are painted over them from the sets above.
func breakFlags(r rune, narrow int, letter bool) runeInfo {
	switch {
	case r == ' ':
		return flagSpace
	case r > ' ' && r < 0x7f,
		r >= '０' && r <= '９', r >= 'Ａ' && r <= 'Ｚ', r >= 'ａ' && r <= 'ｚ',
		letter && narrow == 1:
		return flagWord
	}
	return 0
}

func paintKinsoku(t *table) {
	for _, r := range LineStartProhibited {
		t[r] |= flagClose
	}
	for _, r := range LineEndProhibited {
		t[r] |= flagOpen
	}
	for _, r := range Unsplittable {
		t[r] |= flagPair
	}
}
