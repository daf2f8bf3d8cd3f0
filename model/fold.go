package model

import (
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/longbridgeapp/opencc"
	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/width"
)

// Search matches text and query under one folding, applied to both rune by
// rune. A rune folds to one rune or to none, never to several, so every rune
// of the folded text points back at exactly one rune of the original:
//
//   - whitespace (unicode.IsSpace, the ideographic space too) and format
//     characters (Cf: zero-width space, soft hyphen, BOM) fold to nothing, so
//     邮路 绿 is 邮路绿 and a letter-spaced 请 战 书 is 请战书;
//   - full-width and half-width forms fold to their usual width
//     (golang.org/x/text/width): ＡＢＣ１２３ is ABC123, ， is ",", ｶﾅ is カナ;
//     punctuation with no narrow twin (。、“”) stays what it is;
//   - cased letters fold to lower case by simple case mapping: COVID is covid;
//   - CJK compatibility ideographs and Kangxi radicals fold to the unified
//     ideograph they stand for (their NFKC form);
//   - Chinese characters fold to one representative of their Traditional–
//     Simplified class (see scriptClasses): 稅 is 税, 畫 and 划 are 画.
//
// Nothing else is folded: punctuation, digits in other scripts, accents and
// the Chinese dashes and quotes are matched as they are.

// A folder folds runes for search. Its zero value folds everything but
// Traditional and Simplified characters.
type folder struct {
	script *scriptTable // read only
}

// newFolder returns the folder search uses, building OpenCC's tables on the
// first call.
func newFolder() folder {
	return folder{script: scriptTables()}
}

// The ideographs most text is made of: CJK Unified Ideographs and its
// Extension A. They need no folding but the script's.
const (
	firstCommonIdeograph = 0x3400
	lastCommonIdeograph  = 0x9FFF
)

// A scriptTable maps each character to the representative of its
// Traditional–Simplified class.
type scriptTable struct {
	common []rune        // for the common ideographs, by r-firstCommonIdeograph; 0 for itself
	others map[rune]rune // for the rest that fold
}

func newScriptTable(classes map[rune]rune) *scriptTable {
	t := &scriptTable{
		common: make([]rune, lastCommonIdeograph-firstCommonIdeograph+1),
		others: map[rune]rune{},
	}
	for r, rep := range classes {
		if firstCommonIdeograph <= r && r <= lastCommonIdeograph {
			t.common[r-firstCommonIdeograph] = rep
		} else {
			t.others[r] = rep
		}
	}
	return t
}

func (t *scriptTable) fold(r rune) rune {
	if t == nil {
		return r
	}
	if firstCommonIdeograph <= r && r <= lastCommonIdeograph {
		if s := t.common[r-firstCommonIdeograph]; s != 0 {
			return s
		}
		return r
	}
	if s, ok := t.others[r]; ok {
		return s
	}
	return r
}

// scriptTables returns the table of scriptClasses, built once.
var scriptTables = sync.OnceValue(func() *scriptTable {
	classes, _ := scriptClasses()
	return newScriptTable(classes)
})

// fold returns what r folds to, and false when it folds to nothing.
func (f folder) fold(r rune) (rune, bool) {
	if r < utf8.RuneSelf {
		switch {
		case r == ' ' || '\t' <= r && r <= '\r':
			return 0, false
		case 'A' <= r && r <= 'Z':
			return r + 'a' - 'A', true
		}
		return r, true
	}
	if firstCommonIdeograph <= r && r <= lastCommonIdeograph {
		return f.script.fold(r), true
	}
	if unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) {
		return 0, false
	}
	if w := width.LookupRune(r).Folded(); w != 0 {
		r = w
	}
	switch {
	case r < 0x2E80: // below the CJK blocks: Latin, Greek, Cyrillic, symbols
		return unicode.ToLower(unicode.ToUpper(r)), true
	case 0x2F00 <= r && r <= 0x2FDF, // Kangxi radicals
		0xF900 <= r && r <= 0xFAFF,   // CJK compatibility ideographs
		0x2F800 <= r && r <= 0x2FA1F: // and their supplement
		r = nfkcRune(r)
	case r > 0xFFFF && r < 0x20000: // Deseret, Osage, Adlam … have case too
		r = unicode.ToLower(unicode.ToUpper(r))
	}
	return f.script.fold(r), true
}

// nfkcRune returns the NFKC form of r when that is a single rune, else r.
func nfkcRune(r rune) rune {
	var buf [utf8.UTFMax]byte
	d := norm.NFKC.Bytes(utf8.AppendRune(buf[:0], r))
	if n, size := utf8.DecodeRune(d); size == len(d) && n != utf8.RuneError {
		return n
	}
	return r
}

// appendFolded appends the folded form of s to dst.
func (f folder) appendFolded(dst []byte, s string) []byte {
	for _, r := range s {
		if r, ok := f.fold(r); ok {
			dst = utf8.AppendRune(dst, r)
		}
	}
	return dst
}

// foldString returns the folded form of s.
func (f folder) foldString(s string) string {
	return string(f.appendFolded(make([]byte, 0, len(s)), s))
}

// appendMapped appends the folded form of s to dst and, for each byte
// appended, the byte offset in s of the rune it came from to from. Invalid
// UTF-8 folds, a byte at a time, to U+FFFD.
func (f folder) appendMapped(dst []byte, from []int32, s string) ([]byte, []int32) {
	for i, r := range s {
		r, ok := f.fold(r)
		if !ok {
			continue
		}
		n := len(dst)
		dst = utf8.AppendRune(dst, r)
		for range len(dst) - n {
			from = append(from, int32(i))
		}
	}
	return dst, from
}

// scriptClasses returns, for every Chinese character that OpenCC converts
// between Traditional and Simplified, the representative of its class, and
// the error, if any, met while building them (the map is then empty and
// search folds no script). It is built on the first call, in about 15 ms, and
// shared read only after.
//
// The classes are the connected groups of OpenCC's character tables from
// Traditional to Simplified (TSCharacters) with the Taiwan and Hong Kong
// variant tables before them (TWVariantsRev, HKVariantsRev), taken as
// undirected edges: a character and every candidate it may convert to are
// one class. So a one-to-many conversion keeps all its candidates: 畫 may be
// 画 or 划, and the Simplified 计划 finds Taiwan's 計畫; 乾 may be 干 or 乾,
// and 乾燥 finds 干燥. The price is that a class can join two Simplified
// characters (画 and 划, 炼 and 链, 了 and 瞭), so a one-character query
// finds both; a longer query almost never meets such a false friend. Phrase
// tables are not used: folding is per character, and no class has more than a
// handful of members (a test keeps it so).
//
// The Simplified-to-Traditional table (STCharacters) is left out: it joins
// only a few more pairs (它 牠, 背 揹, 周 賙) and OpenCC cannot load it
// without its 49 000-line phrase table, which costs 50 ms.
var scriptClasses = sync.OnceValues(func() (map[rune]rune, error) {
	classes, err := buildScriptClasses()
	if err != nil {
		return map[rune]rune{}, err
	}
	return classes, nil
})

func buildScriptClasses() (map[rune]rune, error) {
	parent := map[rune]rune{}
	var root func(r rune) rune
	root = func(r rune) rune {
		p, ok := parent[r]
		if !ok || p == r {
			return r
		}
		p = root(p)
		parent[r] = p
		return p
	}
	join := func(a, b rune) {
		a, b = root(a), root(b)
		if a != b {
			parent[a] = b
		}
		parent[b] = b
	}

	// What the Traditional-to-Simplified table says of each character, to
	// choose the representative of a class by.
	traditional := map[rune]bool{} // converted by TSCharacters
	simplifies := map[rune]int{}   // how many others TSCharacters converts to it first
	for _, conversion := range []string{"tw2s", "hk2s"} {
		cc, err := opencc.New(conversion)
		if err != nil {
			return nil, fmt.Errorf("opencc %s: %w", conversion, err)
		}
		for _, group := range cc.DictChains {
			for i, dict := range group.Dicts {
				toSimplified := i < len(group.Files) && strings.HasPrefix(group.Files[i], "TS")
				for _, id := range dict.Trie.PrefixPredict(nil, 0) {
					key, err := dict.Trie.Key(id)
					if err != nil {
						return nil, fmt.Errorf("opencc %s: %w", conversion, err)
					}
					t, size := utf8.DecodeRune(key)
					if size != len(key) || t == utf8.RuneError {
						continue // a phrase
					}
					v, err := dict.Trie.Value(id)
					if err != nil || v < 0 || v >= len(dict.Values) {
						return nil, fmt.Errorf("opencc %s: no value for %q", conversion, key)
					}
					for j, candidate := range dict.Values[v] {
						s, size := utf8.DecodeRuneInString(candidate)
						if size != len(candidate) || s == utf8.RuneError {
							continue
						}
						join(t, s)
						if toSimplified && j == 0 && s != t {
							simplifies[s]++
						}
					}
					if toSimplified {
						traditional[t] = true
					}
				}
			}
		}
	}

	// The representative of a class is its most Simplified member: the one
	// TSCharacters converts most others to first (画 for 畫 and 畵, not 划
	// for 劃 alone), else one it does not convert (仿, not 彷), else the
	// least.
	better := func(a, b rune) bool {
		if simplifies[a] != simplifies[b] {
			return simplifies[a] > simplifies[b]
		}
		if traditional[a] != traditional[b] {
			return !traditional[a]
		}
		return a < b
	}
	best := map[rune]rune{}
	for r := range parent {
		c := root(r)
		if b, ok := best[c]; !ok || better(r, b) {
			best[c] = r
		}
	}
	classes := make(map[rune]rune, len(parent))
	for r := range parent {
		if b := best[root(r)]; b != r {
			classes[r] = b
		}
	}
	return classes, nil
}
