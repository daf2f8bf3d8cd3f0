package parse

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// Pages as another layout engine would print them. Page-layout systems
// place every line at its own x,y and draw the blocks of a page — a
// column of a story, a headline, a caption — in an order of their own;
// pdftotext -raw keeps the order of the content stream, so that each block
// comes out as a run of lines, the runs shuffled. We have none of those
// pages; TestMakeShuffled makes them from the gen PDFs:
//
//	go test ./parse -run TestMakeShuffled -shuffled /work/shuffled
//
// writes OUT/train/gNNN.txt (and the gold beside it) for the training pages
// that have a PDF (g001–g060); -shuffled-val adds OUT/val/ (g201–g240), to
// be scored once, never looked at. Each line of a page's pdftotext -raw
// text is given the block of the PDF it lies in (the geometry parse's cut,
// a leaf's headline lines apart from its body); the blocks are then written
// in an order drawn from a seed of the page, the running head first or not.
var (
	shuffledOut = flag.String("shuffled", "", "write shuffled-block pages of the gen PDFs under this folder (TestMakeShuffled)")
	shuffledVal = flag.Bool("shuffled-val", false, "with -shuffled, also the validation pages g201–g240 (for the final figures only)")
	// shuffledSpread is how far a block strays from its place, in blocks:
	// each is drawn at its index plus a normal deviate of this spread; 0
	// shuffles the page's blocks entirely.
	shuffledSpread = flag.Float64("shuffled-spread", 0, "with -shuffled, the spread of a block's place in blocks (0: any order)")
	// shuffledStories draws each story's body whole, as a frame-by-frame
	// engine does: the body blocks that follow one another in the text are
	// one block, its columns in order; headline groups, captions and the
	// bodies are shuffled.
	shuffledStories = flag.Bool("shuffled-stories", false, "with -shuffled, keep each run of body blocks whole (a frame-by-frame engine)")
	// shuffledDraws makes each training page this many times, each drawn
	// with another seed (gNNN, gNNN-2, …): more pages for the reorder
	// trainer. The validation pages are drawn once.
	shuffledDraws = flag.Int("shuffled-draws", 1, "with -shuffled, how many draws of each training page")
)

// shuffledSeed is the seed of every page's draw order, mixed with its name.
const shuffledSeed = 9

func TestMakeShuffled(t *testing.T) {
	if *shuffledOut == "" {
		t.Skip("no -shuffled folder: skipped")
	}
	root := filepath.Join("..", "..", "shared", "corpus", "gen")
	if _, err := os.Stat(root); err != nil {
		t.Skipf("no corpus at %s: skipped", root)
	}
	sets := []struct{ name, glob string }{{"train", "g0*.pdf"}}
	if *shuffledVal {
		sets = append(sets, struct{ name, glob string }{"val", "g2*.pdf"})
	}
	extracted := false
	for _, set := range sets {
		out := filepath.Join(*shuffledOut, set.name)
		if err := os.MkdirAll(out, 0o755); err != nil {
			t.Fatal(err)
		}
		pdfs, _ := filepath.Glob(filepath.Join(root, set.glob))
		unmatched, lines, broken := 0, 0, 0
		for _, pdf := range pdfs {
			s, ok := cachedSheet(t, pdf)
			if !ok && !extracted {
				extractAllSheets(t)
				extracted = true
				s, ok = cachedSheet(t, pdf)
			}
			if !ok {
				t.Fatalf("no sheet for %s in %s", pdf, sheetCache())
			}
			stem := strings.TrimSuffix(pdf, ".pdf")
			txt, err := os.ReadFile(stem + ".txt")
			if err != nil {
				t.Fatal(err)
			}
			gold, err := os.ReadFile(stem + ".gold.json")
			if err != nil {
				t.Fatal(err)
			}
			base := filepath.Base(stem)
			runs, missed := drawRuns(s, rawLines(string(txt)))
			unmatched += missed
			for _, r := range runs {
				lines += len(r.lines)
			}
			if *shuffledStories {
				runs = wholeBodies(runs)
			}
			draws := 1
			if set.name == "train" {
				draws = max(1, *shuffledDraws)
			}
			for d := range draws {
				name := base
				if d > 0 {
					name = fmt.Sprintf("%s-%d", base, d+1)
				}
				rng := rand.New(rand.NewPCG(shuffledSeed+uint64(d), uint64(len(base))<<32|uint64(hashName(base))))
				page, order := shuffleRuns(runs, rng, *shuffledSpread)
				broken += brokenJoins(rawLines(string(txt)), page)
				if err := os.WriteFile(filepath.Join(out, name+".txt"), []byte(strings.Join(page, "\n")+"\n"), 0o644); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(out, name+".gold.json"), gold, 0o644); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(out, name+".order"), []byte(orderText(order)), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
		t.Logf("%s: %d pages, %d lines, %d placed by their neighbour (not found in the PDF's lines); %d lines follow another than in the PDF's text",
			set.name, len(pdfs), lines, unmatched, broken)
	}
}

// brokenJoins counts the lines of page that follow a line other than one
// they follow in text.
func brokenJoins(text, page []string) int {
	after := map[string]map[string]bool{}
	for i := 1; i < len(text); i++ {
		if after[text[i-1]] == nil {
			after[text[i-1]] = map[string]bool{}
		}
		after[text[i-1]][text[i]] = true
	}
	n := 0
	for i := 1; i < len(page); i++ {
		if !after[page[i-1]][page[i]] {
			n++
		}
	}
	return n
}

func hashName(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * 16777619
	}
	return h
}

// rawLines splits pdftotext output into its lines, form feeds and the
// trailing newline dropped.
func rawLines(txt string) []string {
	txt = strings.ReplaceAll(txt, "\f", "\n")
	var out []string
	for l := range strings.SplitSeq(txt, "\n") {
		if strings.TrimSpace(l) != "" {
			out = append(out, l)
		}
	}
	return out
}

// drawRun is a run of text lines an engine draws as one block.
type drawRun struct {
	block     int // -1: running head or foot
	furniture bool
	head      bool // headline lines
	first     int  // the text line it starts at
	lines     []string
}

// orderText writes a made page's labels: for each of its lines, the line
// of the extracted text it is (from 0), one a line. The reorder trainer
// reads them (TestTrainReorder).
func orderText(order []int) string {
	var b strings.Builder
	for _, o := range order {
		fmt.Fprintf(&b, "%d\n", o)
	}
	return b.String()
}

// wholeBodies joins the body runs that follow one another in the text into
// one run: each story's body drawn whole, as a frame-by-frame engine does.
func wholeBodies(runs []drawRun) []drawRun {
	var out []drawRun
	for _, r := range runs {
		if n := len(out); n > 0 && !r.head && !r.furniture && !out[n-1].head && !out[n-1].furniture {
			out[n-1].lines = append(slices.Clip(out[n-1].lines), r.lines...)
			continue
		}
		out = append(out, r)
	}
	return out
}

// lineKey is a line's characters, white space left out.
func lineKey(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// drawRuns gives every text line the block of the sheet it lies in and
// cuts the text into runs of one block. A text line found in no line of
// the sheet goes with the line before it; missed counts them.
func drawRuns(s *Sheet, text []string) (runs []drawRun, missed int) {
	g := newGeomPage(s)
	g.takeFurniture()
	// The furniture's lines, by their key.
	block := map[string][]int{}
	const furnBlock = -1
	var gone []Char
	for i, c := range g.chars {
		if g.gone[i] {
			gone = append(gone, c)
		}
	}
	for _, l := range sheetLines(gone) {
		k := lineKey(string(charRunes(l.chars)))
		block[k] = append(block[k], furnBlock)
	}
	seq := g.sequence(g.cut(g.items(), 0).leaves(nil))
	g.markHeads(seq)
	// A block is a leaf of the cut, its headline lines apart from the rest.
	// A headline group is one block, though the cut may part its
	// kicker from its title.
	type blockKey struct{ leaf, group int }
	id, prev := -1, blockKey{-1, -1}
	heads := map[int]bool{}
	for _, l := range seq.lines {
		if l.picture {
			continue
		}
		key := blockKey{l.leaf, -1}
		if l.group >= 0 {
			key = blockKey{-1, l.group}
		} else if l.head != roleNone {
			key = blockKey{l.leaf, -2}
		}
		if key != prev {
			id++
		}
		prev = key
		if key.group != -1 {
			heads[id] = true
		}
		k := lineKey(string(charRunes(l.chars)))
		block[k] = append(block[k], id)
	}
	// Keys in the sheet, for text lines that join or part sheet lines.
	keys := make([]string, 0, len(block))
	for k := range block {
		keys = append(keys, k)
	}
	// The longest first, so that a short line (a one-character credit)
	// does not claim a text line that only starts like it.
	slices.SortFunc(keys, func(a, b string) int {
		if d := len(b) - len(a); d != 0 {
			return d
		}
		return strings.Compare(a, b)
	})
	last := furnBlock
	for i, t := range text {
		k := lineKey(t)
		b, ok := 0, false
		if q := block[k]; len(q) > 0 {
			b, ok = q[0], true
			block[k] = q[1:]
		} else {
			// A text line that starts with a sheet line's text, or
			// lies inside one.
			for _, sk := range keys {
				if sk != "" && len(block[sk]) > 0 && (strings.HasPrefix(k, sk) || strings.Contains(sk, k)) {
					b, ok = block[sk][0], true
					break
				}
			}
		}
		if !ok {
			b = last
			missed++
		}
		last = b
		if n := len(runs); n > 0 && runs[n-1].block == b {
			runs[n-1].lines = append(runs[n-1].lines, t)
			continue
		}
		runs = append(runs, drawRun{block: b, furniture: b == furnBlock, head: heads[b], first: i, lines: []string{t}})
	}
	return runs, missed
}

func charRunes(cs []Char) []rune {
	rs := make([]rune, len(cs))
	for i, c := range cs {
		rs[i] = c.R
	}
	return rs
}

// shuffleRuns writes runs in a random order: the running head stays first
// on half the pages. With a spread, a run is drawn at its index plus a
// normal deviate of that many runs; without, in any order. order gives
// each line written its line in the text (drawRun.first on).
func shuffleRuns(runs []drawRun, rng *rand.Rand, spread float64) (page []string, order []int) {
	runs = slices.Clone(runs)
	keep := 0
	if len(runs) > 0 && runs[0].furniture && rng.IntN(2) == 0 {
		keep = 1
	}
	rest := runs[keep:]
	if spread > 0 {
		at := make(map[*drawRun]float64, len(rest))
		for i := range rest {
			at[&rest[i]] = float64(i) + spread*rng.NormFloat64()
		}
		ps := make([]*drawRun, len(rest))
		for i := range rest {
			ps[i] = &rest[i]
		}
		slices.SortStableFunc(ps, func(a, b *drawRun) int { return sign(at[a] - at[b]) })
		sorted := make([]drawRun, len(rest))
		for i, p := range ps {
			sorted[i] = *p
		}
		copy(rest, sorted)
	} else {
		rng.Shuffle(len(rest), func(i, j int) { rest[i], rest[j] = rest[j], rest[i] })
	}
	for _, r := range runs {
		page = append(page, r.lines...)
		for i := range r.lines {
			order = append(order, r.first+i)
		}
	}
	return page, order
}

// TestShuffleRuns: the shuffled page has every line once, each run's lines
// together and in order.
func TestShuffleRuns(t *testing.T) {
	var runs []drawRun
	n := 0
	for b := range 12 {
		r := drawRun{block: b, furniture: b == 0, first: n}
		for range b%4 + 1 {
			r.lines = append(r.lines, fmt.Sprintf("line %d", n))
			n++
		}
		runs = append(runs, r)
	}
	for seed := range uint64(20) {
		page, order := shuffleRuns(runs, rand.New(rand.NewPCG(seed, 1)), 0)
		for i, o := range order {
			if o < 0 || o >= n || runsLine(runs, o) != page[i] {
				t.Fatalf("seed %d: line %d labelled %d", seed, i, o)
			}
		}
		if len(page) != n {
			t.Fatalf("seed %d: %d lines, want %d", seed, len(page), n)
		}
		at := map[string]int{}
		for i, l := range page {
			at[l] = i
		}
		moved := false
		for bi, r := range runs {
			for i := 1; i < len(r.lines); i++ {
				if at[r.lines[i]] != at[r.lines[i-1]]+1 {
					t.Fatalf("seed %d: run %d parted: %q", seed, bi, page)
				}
			}
			if bi > 0 && at[r.lines[0]] < at[runs[bi-1].lines[0]] {
				moved = true
			}
		}
		if !moved {
			t.Errorf("seed %d: the runs kept their order", seed)
		}
	}
}

// extractAllSheets runs parse/pdfium's TestCorpusSheets on every corpus PDF.
func extractAllSheets(t *testing.T) {
	gobin := filepath.Join(runtime.GOROOT(), "bin", "go")
	if _, err := os.Stat(gobin); err != nil {
		gobin = "go"
	}
	cmd := exec.Command(gobin, "test", "-count=1", "-run", "^TestCorpusSheets$", "./pdfium")
	cmd.Env = append(os.Environ(), "DUBAO_SHEET_CACHE="+sheetCache(), "DUBAO_CORPUS_ALL=1")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Logf("extracting the corpus sheets failed: %v\n%s", err, out)
	}
}

// runsLine is the text line o of the runs.
func runsLine(runs []drawRun, o int) string {
	for _, r := range runs {
		if o >= r.first && o < r.first+len(r.lines) {
			return r.lines[o-r.first]
		}
	}
	return ""
}
