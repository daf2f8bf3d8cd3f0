package parse

import (
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/dubaoreader/dubao/model"
)

// TestNothingLostTraditional checks that the script fold loses and alters
// nothing: corpus pages with a random share of their characters written in
// Traditional (by the fold's own table), corner quotes, curved quotes and
// look-alikes run in, parse to the very characters they printed.
func TestNothingLostTraditional(t *testing.T) {
	toTrad := map[rune][]rune{}
	for _, f := range scriptFolds {
		toTrad[f.simplified] = append(toTrad[f.simplified], f.traditional)
	}
	var trad []rune
	for _, f := range scriptFolds {
		trad = append(trad, f.traditional, f.simplified)
	}
	extras := []rune("「」『』“”‘’｢｣﹁﹂﹃﹄〝〞\"'")
	rounds := 6
	if n, err := strconv.Atoi(os.Getenv("DUBAO_ROUNDS")); err == nil {
		rounds = n
	}
	if testing.Short() {
		rounds = 2
	}
	r := rand.New(rand.NewPCG(15, 2026))
	failures, twinFails := 0, 0
	for i, p := range allCorpus(t) {
		if i%3 != 0 {
			continue
		}
		for round := range rounds {
			share := r.IntN(4) // 0: none, 3: every character it can
			var b strings.Builder
			for _, c := range string(p.text) {
				if ts := toTrad[c]; ts != nil && r.IntN(3) < share {
					c = ts[r.IntN(len(ts))]
				}
				b.WriteRune(c)
				switch r.IntN(40) {
				case 0:
					b.WriteRune(extras[r.IntN(len(extras))])
				case 1:
					b.WriteRune(trad[r.IntN(len(trad))])
				}
			}
			page := b.String()
			d := checkNothingLost([]byte(page))
			if d != "" {
				// A page whose folded twin loses or adds characters too
				// shows the parser's fault, not the fold's.
				folded, _ := foldScript(Normalize(page))
				if checkNothingLost([]byte(folded)) != "" {
					twinFails++
					continue
				}
			}
			if d != "" {
				failures++
				t.Errorf("%s/%s round %d: %s", p.set, p.name, round, d)
				if failures >= 5 {
					t.Fatal("too many failures")
				}
			}
		}
	}
	if twinFails > 0 {
		t.Logf("%d pages lose or add characters read as Simplified too", twinFails)
	}
}

// A PDF page is normalised after the fold, line by line: a radical that
// stands for the reading of a Traditional character the page prints (⻓
// for 长 beside 長) is as much printed as the reading itself, and the
// Traditional character must not be folded into it, or the radical would
// come back as 長.
func TestSheetFoldKeepsRadicals(t *testing.T) {
	sheet := readSheet(t, "testdata/geom/d01-right.json")
	count := func(p *model.Page, r rune) int {
		c := runeCounts{}
		mapPageStrings(p, func(s string) string { c.add(s); return s })
		return c[r]
	}
	tried := 0
	for _, c := range []struct{ radical, traditional, reading rune }{{'⻓', '長', '长'}, {'⻔', '門', '门'}, {'⻢', '馬', '马'}, {'⻋', '車', '车'}, {'⻜', '飛', '飞'}} {
		radical, traditional, reading := c.radical, c.traditional, c.reading
		s := *sheet
		s.Chars = slices.Clone(sheet.Chars)
		var ideographs []int
		for i, c := range s.Chars {
			if c.R >= 0x4E00 && c.R < 0xA000 {
				ideographs = append(ideographs, i)
			}
		}
		if len(ideographs) < 200 {
			t.Fatal("too few ideographs in the fixture")
		}
		base := SheetPage(&s)
		nReading := count(base, reading)
		nTraditional := count(base, traditional)
		if nReading > 0 || equivalentIdeograph(radical) != reading {
			continue // the page prints the reading: nothing folds
		}
		tried++
		s.Chars[ideographs[40]].R = traditional
		s.Chars[ideographs[120]].R = radical
		p := SheetPage(&s)
		if got := count(p, traditional); got != nTraditional+1 {
			t.Errorf("%c and %c on a page: %d of %c in the tree, want %d", traditional, radical, got, traditional, nTraditional+1)
		}
		if got := count(p, reading); got != 1 {
			t.Errorf("%c and %c on a page: %d of %c in the tree, want 1", traditional, radical, got, reading)
		}
	}
	if tried == 0 {
		t.Fatal("the fixture prints the reading of every case")
	}
}
