// Command radicalgen writes parse/radicals_table.go: the tables that
// parse.Normalize and parse.Decode read.
//
//   - radical → ideograph: Unicode's Equivalent_Unified_Ideograph data, from
//     the file named by -in (EquivalentUnifiedIdeograph.txt);
//   - the radicals whose equivalent has a simplified twin that an SC font
//     draws for the radical (⼾ → 戶 or 户), from OpenCC's character tables;
//   - which ideographs only Simplified, and only Traditional, Chinese writes,
//     from the same OpenCC tables;
//   - the common ideographs: GB2312 level 1 and Big5 level 1, from
//     golang.org/x/text's decoders;
//   - the Simplified ideograph each Traditional one is read as (the script
//     fold), from OpenCC's character tables and its Taiwan and Hong Kong
//     variant tables.
//
// OpenCC's tables are read from the github.com/longbridgeapp/opencc module
// in the module cache (found with `go list -m`), or from -opencc DIR.
//
// Usage, from package parse (see the go:generate line in normalize.go):
//
//	go run ./internal/radicalgen -in ../../shared/data/EquivalentUnifiedIdeograph.txt -out radicals_table.go
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"go/format"
	"io"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// The blocks the radical table covers; they must match normalize.go.
const (
	radicalFirst = 0x2E80 // CJK Radicals Supplement, then Kangxi Radicals
	radicalLast  = 0x2FDF
	strokeFirst  = 0x31C0 // CJK Strokes
	strokeLast   = 0x31EF
)

// The ideographs the script and common sets cover; they must match the
// lookups in normalize.go and decode.go.
const (
	scriptFirst = 0x3400 // CJK Extension A, then the unified ideographs
	commonFirst = 0x4E00
	setEnd      = 0xA000
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("radicalgen: ")
	in := flag.String("in", "", "Unicode's EquivalentUnifiedIdeograph.txt")
	out := flag.String("out", "radicals_table.go", "Go file to write")
	openccDir := flag.String("opencc", "", "directory of the github.com/longbridgeapp/opencc module (default: found with go list -m)")
	flag.Parse()
	if *in == "" {
		log.Fatal("-in is required")
	}
	if *openccDir == "" {
		dir, err := moduleDir("github.com/longbridgeapp/opencc")
		if err != nil {
			log.Fatal(err)
		}
		*openccDir = dir
	}

	f, err := os.Open(*in)
	if err != nil {
		log.Fatal(err)
	}
	equivs, err := readEquivalents(f)
	f.Close()
	if err != nil {
		log.Fatalf("%s: %v", *in, err)
	}
	st, err := readOpenCC(filepath.Join(*openccDir, "dictionary", "STCharacters.txt"))
	if err != nil {
		log.Fatal(err)
	}
	ts, err := readOpenCC(filepath.Join(*openccDir, "dictionary", "TSCharacters.txt"))
	if err != nil {
		log.Fatal(err)
	}
	variants, err := readVariants(filepath.Join(*openccDir, "dictionary"))
	if err != nil {
		log.Fatal(err)
	}
	common, err := commonIdeographs()
	if err != nil {
		log.Fatal(err)
	}

	src, err := format.Source(generate(filepath.Base(*in), equivs, st, ts, variants, common))
	if err != nil {
		log.Fatalf("formatting the output: %v", err)
	}
	if err := os.WriteFile(*out, src, 0o644); err != nil {
		log.Fatal(err)
	}
}

// moduleDir returns where the go command keeps module path.
func moduleDir(path string) (string, error) {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", path).Output()
	if err != nil {
		return "", fmt.Errorf("finding module %s (give -opencc DIR): %w", path, err)
	}
	dir := strings.TrimSpace(string(out))
	if dir == "" {
		return "", fmt.Errorf("module %s is not downloaded: run go mod download %s, or give -opencc DIR", path, path)
	}
	return dir, nil
}

// An equivalent is one line's worth of the Unicode table, one code point.
type equivalent struct {
	radical, ideograph rune
	name               string // the radical's character name
}

// readEquivalents parses EquivalentUnifiedIdeograph.txt: lines of
// "2E8C..2E8D ; 5C0F  # [2] CJK RADICAL SMALL ONE..CJK RADICAL SMALL TWO".
func readEquivalents(r io.Reader) ([]equivalent, error) {
	var equivs []equivalent
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		data, comment, _ := strings.Cut(sc.Text(), "#")
		data = strings.TrimSpace(data)
		if data == "" {
			continue
		}
		from, to, ok := strings.Cut(data, ";")
		if !ok {
			return nil, fmt.Errorf("line %d: no ';' in %q", n, data)
		}
		lo, hi, isRange := strings.Cut(strings.TrimSpace(from), "..")
		if !isRange {
			hi = lo
		}
		first, err1 := strconv.ParseUint(lo, 16, 32)
		last, err2 := strconv.ParseUint(hi, 16, 32)
		target, err3 := strconv.ParseUint(strings.TrimSpace(to), 16, 32)
		if err1 != nil || err2 != nil || err3 != nil || last < first {
			return nil, fmt.Errorf("line %d: bad mapping %q", n, data)
		}
		names := rangeNames(comment, int(last-first+1))
		for i, c := 0, rune(first); c <= rune(last); i, c = i+1, c+1 {
			if !(c >= radicalFirst && c <= radicalLast || c >= strokeFirst && c <= strokeLast) {
				return nil, fmt.Errorf("line %d: %U is outside the radical and stroke blocks", n, c)
			}
			equivs = append(equivs, equivalent{radical: c, ideograph: rune(target), name: names[i]})
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(equivs) == 0 {
		return nil, fmt.Errorf("no mappings")
	}
	slices.SortFunc(equivs, func(a, b equivalent) int { return int(a.radical - b.radical) })
	return equivs, nil
}

// rangeNames spreads the names in a comment like "[2] A ONE..A TWO" over n
// code points; a range's inner names are not in the file and stay empty.
func rangeNames(comment string, n int) []string {
	comment = strings.TrimSpace(comment)
	if strings.HasPrefix(comment, "[") {
		if _, rest, ok := strings.Cut(comment, "]"); ok {
			comment = strings.TrimSpace(rest)
		}
	}
	names := make([]string, n)
	first, last, ok := strings.Cut(comment, "..")
	names[0] = first
	if ok && n > 1 {
		names[n-1] = last
	}
	return names
}

// readOpenCC parses one of OpenCC's character tables: lines of
// "key<TAB>value[ value…]", each a single character.
func readOpenCC(path string) (map[rune][]rune, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	m := make(map[rune][]rune)
	for n, line := range strings.Split(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		key, values, ok := strings.Cut(line, "\t")
		k := []rune(key)
		if !ok || len(k) != 1 {
			return nil, fmt.Errorf("%s:%d: not a character table line: %q", path, n+1, line)
		}
		for _, v := range strings.Fields(values) {
			vr := []rune(v)
			if len(vr) != 1 {
				return nil, fmt.Errorf("%s:%d: %q is not one character", path, n+1, v)
			}
			m[k[0]] = append(m[k[0]], vr[0])
		}
	}
	return m, nil
}

// readVariants reads OpenCC's tables from the Taiwan and the Hong Kong
// variants back to OpenCC's standard Traditional (TWVariantsRev.txt,
// HKVariantsRev.txt) from dir, as one table; the Taiwan table's entry wins
// where both have one.
func readVariants(dir string) (map[rune][]rune, error) {
	variants := make(map[rune][]rune)
	for _, name := range []string{"HKVariantsRev.txt", "TWVariantsRev.txt"} {
		m, err := readOpenCC(filepath.Join(dir, name))
		if err != nil {
			return nil, err
		}
		for k, v := range m {
			variants[k] = v
		}
	}
	return variants, nil
}

// commonIdeographs returns the ideographs of GB2312 level 1 (the 3,755
// characters of everyday Simplified text) and of Big5 level 1 (the 5,401
// of everyday Traditional text).
func commonIdeographs() (map[rune]bool, error) {
	common := make(map[rune]bool)
	add := func(enc encoding.Encoding, lo, hi uint16) error {
		dec := enc.NewDecoder()
		for code := lo; code <= hi; code++ {
			lead, trail := byte(code>>8), byte(code)
			if trail < 0x40 || trail == 0x7F || trail == 0xFF {
				continue
			}
			if enc == simplifiedchinese.GB18030 && trail < 0xA1 {
				continue // GBK's additions, not GB2312
			}
			s, err := dec.Bytes([]byte{lead, trail})
			if err != nil {
				return err
			}
			r := []rune(string(s))
			if len(r) == 1 && r[0] >= commonFirst && r[0] < setEnd {
				common[r[0]] = true
			}
		}
		return nil
	}
	if err := add(simplifiedchinese.GB18030, 0xB0A1, 0xD7F9); err != nil {
		return nil, err
	}
	if err := add(traditionalchinese.Big5, 0xA440, 0xC67E); err != nil {
		return nil, err
	}
	if len(common) < 6500 {
		return nil, fmt.Errorf("only %d common ideographs: has x/text changed?", len(common))
	}
	return common, nil
}

// An alternate is a radical whose glyph is the traditional or the simplified
// form of one character, depending on the font's locale.
type alternate struct {
	radical, simplified, traditional rune
}

// alternates finds the radicals that stand for either form of a character.
//
// A Kangxi radical is drawn in the font's locale form. Where its equivalent
// is a traditional character whose simplification is a variant of the same
// character, one to one both ways in OpenCC (戶 ↔ 户, 長 ↔ 长), a Simplified
// font draws the radical as the simplified form, so a Simplified page's 户
// comes out of the extractor as ⼾. That holds only where Unicode has no
// radical of its own for the simplified form: 长 has ⻓ (C-SIMPLIFIED LONG),
// so ⾧ and ⻑ always mean 長. Equivalents that are simplified characters (⽆
// 无, ⽓ 气) are the radical in every locale: 無 is another character whose
// simplification happens to be the radical, not a way to draw it.
func alternates(equivs []equivalent, st, ts map[rune][]rune) []alternate {
	isTarget := make(map[rune]bool)
	for _, e := range equivs {
		isTarget[e.ideograph] = true
	}
	var alts []alternate
	for _, e := range equivs {
		t := e.ideograph
		s := ts[t]
		if len(s) != 1 || s[0] == t || isTarget[s[0]] {
			continue
		}
		if back := st[s[0]]; len(back) != 1 || back[0] != t {
			continue
		}
		alts = append(alts, alternate{radical: e.radical, simplified: s[0], traditional: t})
	}
	return alts
}

// scriptSets returns the ideographs only Simplified Chinese writes (OpenCC
// turns them into something else going to Traditional) and those only
// Traditional Chinese writes (turned into something else going to
// Simplified).
func scriptSets(st, ts map[rune][]rune) (simplifiedOnly, traditionalOnly map[rune]bool) {
	only := func(table, other map[rune][]rune) map[rune]bool {
		set := make(map[rune]bool)
		for k, vs := range table {
			if k < scriptFirst || k >= setEnd || slices.Contains(vs, k) {
				continue
			}
			if _, both := other[k]; both {
				continue // a key both ways is no evidence of either script
			}
			set[k] = true
		}
		return set
	}
	return only(st, ts), only(ts, st)
}

// A fold is one entry of the script fold: a Traditional ideograph and the
// Simplified one it is read as.
type fold struct{ traditional, simplified rune }

// scriptFolds returns, in order, the ideographs of the script sets' blocks
// that Traditional Chinese writes where Simplified writes another, each with
// the Simplified ideograph it is read as: OpenCC's first Simplified candidate
// (TSCharacters), after a Taiwan or Hong Kong variant is taken back to
// OpenCC's standard form (裡 → 裏 → 里). An ideograph Simplified Chinese
// writes and converts going to Traditional (an STCharacters key: 台, 干) is
// never folded, nor one whose first candidate is itself.
func scriptFolds(st, ts, variants map[rune][]rune) []fold {
	var folds []fold
	for t := rune(scriptFirst); t < setEnd; t++ {
		if _, simplified := st[t]; simplified {
			continue
		}
		standard := t
		if v := variants[t]; len(v) > 0 {
			standard = v[0]
		}
		s := standard
		if c := ts[standard]; len(c) > 0 {
			s = c[0]
		}
		if s != t && s >= scriptFirst && s < setEnd {
			folds = append(folds, fold{t, s})
		}
	}
	return folds
}

func generate(inName string, equivs []equivalent, st, ts, variants map[rune][]rune, common map[rune]bool) []byte {
	var b bytes.Buffer
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }

	p("// Code generated by radicalgen from %s and OpenCC's STCharacters.txt, TSCharacters.txt, TWVariantsRev.txt and HKVariantsRev.txt; DO NOT EDIT.\n\n", inName)
	p("package parse\n\n")

	p("// The blocks radicalEquivalents and strokeEquivalents cover.\n")
	p("const (\n")
	p("\tradicalFirst = %#x // CJK Radicals Supplement, then Kangxi Radicals\n", radicalFirst)
	p("\tradicalLast = %#x\n", radicalLast)
	p("\tstrokeFirst = %#x // CJK Strokes\n", strokeFirst)
	p("\tstrokeLast = %#x\n", strokeLast)
	p(")\n\n")

	table := func(name, doc string, first, last rune) {
		p("// %s %s\n", name, doc)
		p("var %s = [%#x - %#x + 1]rune{\n", name, last, first)
		for _, e := range equivs {
			if e.radical < first || e.radical > last {
				continue
			}
			comment := fmt.Sprintf("%c → %c", e.radical, e.ideograph)
			if e.name != "" {
				comment += " " + e.name
			}
			p("\t%#x - %#x: %#x, // %s\n", e.radical, first, e.ideograph, comment)
		}
		p("}\n\n")
	}
	table("radicalEquivalents", "maps a radical, at its offset from radicalFirst, to its equivalent unified ideograph; 0 where it has none.", radicalFirst, radicalLast)
	table("strokeEquivalents", "maps a CJK stroke, at its offset from strokeFirst, to its equivalent unified ideograph; 0 where it has none.", strokeFirst, strokeLast)

	p("// radicalAlternates lists, by radical, the radicals a font draws in the simplified\n")
	p("// or the traditional form of one character, depending on its locale.\n")
	p("var radicalAlternates = [...]radicalAlternate{\n")
	for _, a := range alternates(equivs, st, ts) {
		p("\t{radical: %#x, simplified: %#x, traditional: %#x}, // %c: %c or %c\n", a.radical, a.simplified, a.traditional, a.radical, a.simplified, a.traditional)
	}
	p("}\n\n")

	simplifiedOnly, traditionalOnly := scriptSets(st, ts)
	bitset := func(name, doc string, set map[rune]bool, first rune) {
		words := make([]uint64, (setEnd-int(first)+63)/64)
		for r := range set {
			if r >= first && r < setEnd {
				i := r - first
				words[i/64] |= 1 << (i % 64)
			}
		}
		p("// %s %s (%d characters).\n", name, doc, len(set))
		p("var %s = [%d]uint64{\n", name, len(words))
		for i := 0; i < len(words); i += 4 {
			p("\t")
			for _, w := range words[i:min(i+4, len(words))] {
				p("%#016x, ", w)
			}
			p("\n")
		}
		p("}\n\n")
	}
	p("// The ideographs the sets below cover, as bits from the low bit of word 0.\n")
	p("const (\n\tscriptSetFirst = %#x\n\tcommonSetFirst = %#x\n\tideographSetEnd = %#x\n)\n\n", scriptFirst, commonFirst, setEnd)
	bitset("simplifiedOnly", "holds, from scriptSetFirst, the ideographs only Simplified Chinese writes", simplifiedOnly, scriptFirst)
	bitset("traditionalOnly", "holds, from scriptSetFirst, the ideographs only Traditional Chinese writes", traditionalOnly, scriptFirst)
	bitset("commonIdeographs", "holds, from commonSetFirst, the ideographs of GB2312 level 1 and Big5 level 1", common, commonFirst)

	folds := scriptFolds(st, ts, variants)
	folded := make(map[rune]bool, len(folds))
	for _, f := range folds {
		folded[f.traditional] = true
	}
	bitset("foldsScript", "holds, from scriptSetFirst, the ideographs scriptFolds holds", folded, scriptFirst)
	p("// scriptFolds maps, in order, each ideograph Traditional Chinese writes where\n")
	p("// Simplified writes another to the Simplified ideograph it is read as (%d pairs).\n", len(folds))
	p("var scriptFolds = [...]scriptFold{\n")
	for _, f := range folds {
		p("\t{%#x, %#x}, // %c → %c\n", f.traditional, f.simplified, f.traditional, f.simplified)
	}
	p("}\n")
	return b.Bytes()
}
