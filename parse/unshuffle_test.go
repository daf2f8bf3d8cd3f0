package parse

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// Invented stories for the unshuffle tests, each wrapped to a column of
// its own width, a paragraph's first line two ems in.
var (
	unshuffleStoryA = []string{
		"河湾镇的老渡口今年春天换了新船，船身刷成淡蓝色，每天清晨六点准时离岸。摆渡的师傅说，过去一趟要走二十分钟，现在只要八分钟，赶集的人再也不用早起排队。",
		"镇上还在渡口旁边修了一间小屋，屋里放着热水和长椅，下雨天等船的人可以进去歇脚。",
	}
	unshuffleStoryB = []string{
		"北坡村的果园今年第一次用上了滴灌，村民算了一笔账，每亩地一年能省下三成的水钱。果农老周把新买的水管一根根铺到树下，他说等到秋天收果子的时候再看成效。",
		"村里还请来农技员讲课，教大家怎样修剪枝条，怎样给果树防冻，课堂就设在村委会的院子里。",
	}
)

// wrapColumn cuts paragraphs into lines of width characters, each
// paragraph's first line two characters short.
func wrapColumn(paras []string, width int) []string {
	var out []string
	for _, p := range paras {
		rs := []rune(p)
		w := width - 2
		for len(rs) > 0 {
			n := min(w, len(rs))
			if n < len(rs) && noLineStart(rs[n]) {
				n-- // a mark may not begin a line: a character goes down with it
			}
			out = append(out, string(rs[:n]))
			rs = rs[n:]
			w = width
		}
	}
	return out
}

// unshuffleFixture gives the two invented stories' lines, each cut into
// two blocks after its fourth line (mid-sentence, as the test checks).
func unshuffleFixture(t *testing.T) (a1, a2, b1, b2 []string) {
	a := wrapColumn(unshuffleStoryA, 12)
	b := wrapColumn(unshuffleStoryB, 16)
	for _, ls := range [][]string{a, b} {
		if endsSentenceText(ls[3]) {
			t.Fatalf("fixture: the cut line %q ends a sentence", ls[3])
		}
	}
	return a[:4], a[4:], b[:4], b[4:]
}

func rowLines(rows []string) []line {
	return splitLines(strings.Join(rows, "\n") + "\n")
}

func textsOf(ls []line) []string {
	out := make([]string, len(ls))
	for i, l := range ls {
		out[i] = l.text
	}
	return out
}

// TestUnshuffleKeepsOrder: the same stories read in order are left as
// they are, with a running head before them or not.
func TestUnshuffleKeepsOrder(t *testing.T) {
	a1, a2, b1, b2 := unshuffleFixture(t)
	for _, rows := range [][]string{
		slices.Concat(a1, a2, b1, b2),
		slices.Concat([]string{"2031年4月2日 星期三 地方 第7版"}, a1, a2, b1, b2),
		slices.Concat(b1, b2, a1, a2),
	} {
		ls := rowLines(rows)
		if got := unshuffleLines(ls, new(shuffleText)); !slices.Equal(textsOf(got), textsOf(ls)) {
			t.Errorf("an in-order page was reordered:\n%s", strings.Join(textsOf(got), "\n"))
		}
	}
}

// TestUnshuffleNothingLost: whatever order the blocks are drawn in, and
// with no gate, every line is kept exactly once.
func TestUnshuffleNothingLost(t *testing.T) {
	a1, a2, b1, b2 := unshuffleFixture(t)
	blocks := [][]string{a1, a2, b1, b2, {"山路上的新灯"}, {"本报记者 林小禾"}}
	rng := rand.New(rand.NewPCG(3, 5))
	for range 50 {
		rng.Shuffle(len(blocks), func(i, j int) { blocks[i], blocks[j] = blocks[j], blocks[i] })
		rows := slices.Concat(blocks...)
		ls := rowLines(rows)
		for _, gate := range []*pageGate{&unshuffleNoGate, &unshufflePageGate} {
			order := unshuffleOrder(ls, &unshuffleCutWeights, &unshuffleLinkWeights, gate, unshuffleCutLogOdds, unshuffleKeepLogOdds)
			if order == nil {
				continue
			}
			seen := make([]bool, len(ls))
			for _, i := range order {
				if i < 0 || i >= len(ls) || seen[i] {
					t.Fatalf("order %v: line %d out of range or twice", order, i)
				}
				seen[i] = true
			}
			if len(order) != len(ls) {
				t.Fatalf("order %v: %d lines of %d", order, len(order), len(ls))
			}
		}
	}
}

// unshuffleGoldenPath keeps the parser's figures on the made pages whose
// blocks were drawn in shuffled order.
const unshuffleGoldenPath = "testdata/unshuffle/scores.golden"

// TestUnshuffleMadePages scores the parser on the made training pages whose
// blocks were drawn out of order (spread1 and full under shuffledRoot,
// when they are on this machine) and fails when a figure gets
// worse than testdata/unshuffle/scores.golden; -update rewrites it. With
// the pass left out the figures fall (full/train articles 0.097 → 0.090).
func TestUnshuffleMadePages(t *testing.T) {
	root := shuffledRoot
	var dirs []string
	for _, set := range []string{"spread1", "full"} {
		dir := filepath.Join(root, set, "train")
		if golds, _ := filepath.Glob(filepath.Join(dir, "*.gold.json")); len(golds) > 0 {
			dirs = append(dirs, dir)
		}
	}
	if len(dirs) != 2 {
		t.Skipf("no made pages at %s/{spread1,full}/train (TestMakeShuffled -shuffled-spread): skipped", root)
	}
	checkMadePages(t, unshuffleGoldenPath, "The parser's figures on the made pages whose blocks were drawn out of order (TestUnshuffleMadePages)", "TestUnshuffleMadePages", dirs)
}

// TestUnshuffleBoundsLinks: a text of many short blocks of changing widths,
// each running on mid-sentence, has far more loose junctions than any page
// (blocks², where the pass would spend minutes and gigabytes); past
// unshuffleMaxPairs the pass weighs none and leaves the page in its order.
func TestUnshuffleBoundsLinks(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	var rows []string
	for len(rows) < 1200 {
		w := []int{10, 14, 18, 22, 26}[rng.IntN(5)]
		for range 2 {
			rs := make([]rune, w)
			for i := range rs {
				rs[i] = rune(0x4e00 + rng.IntN(3000))
			}
			rs[w/2] = '，'
			rows = append(rows, string(rs))
		}
	}
	ls := rowLines(rows)
	st := newShuffleText(ls)
	bs := blocksAt(len(ls), st.cutScores(&unshuffleCutWeights), unshuffleCutLogOdds)
	if ends, starts := st.looseSides(bs); loosePairs(ends, starts) <= unshuffleMaxPairs {
		t.Fatalf("fixture: %d blocks, %d loose junctions, too few to pass the bound", len(bs), loosePairs(ends, starts))
	}
	if links := st.links(bs, &unshuffleLinkWeights); links != nil {
		t.Errorf("%d blocks: %d links weighed, want none past the bound of %d", len(bs), len(links), unshuffleMaxPairs)
	}
	order := unshuffleOrder(ls, &unshuffleCutWeights, &unshuffleLinkWeights, &unshuffleNoGate, unshuffleCutLogOdds, unshuffleKeepLogOdds)
	for k, i := range order {
		if k != i {
			t.Fatalf("a page past the bound was reordered: line %d at %d", i, k)
		}
	}
	// The bounds stand well clear of the pages the pass reads: the made
	// training pages and the in-order ones (the -raw training pages and
	// stories/train).
	sets := map[string][][]line{}
	for _, set := range []string{"spread1", "full"} {
		pages, _ := filepath.Glob(filepath.Join(shuffledRoot, set, "train", "*.txt"))
		for _, p := range pages {
			text, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			sets[set] = append(sets[set], splitLines(Normalize(string(text))))
		}
	}
	for _, p := range inOrderPages(t) {
		sets["in order"] = append(sets["in order"], p.lines)
	}
	for set, pages := range sets {
		most, mostPairs, mostSides := 0, 0, 0
		for _, ls := range pages {
			st := newShuffleText(ls)
			if bs := blocksAt(len(ls), st.cutScores(&unshuffleCutWeights), unshuffleCutLogOdds); len(bs) >= 3 {
				links := st.links(bs, &unshuffleLinkWeights)
				most = max(most, len(links))
				ends, starts := st.looseSides(bs)
				mostPairs = max(mostPairs, loosePairs(ends, starts))
				_, _, rows, cols := assignSides(len(bs), links, unshuffleKeepLogOdds)
				mostSides = max(mostSides, len(rows), len(cols))
			}
		}
		t.Logf("%s: %d pages, at most %d loose junctions, %d loose ends times starts and %d ends or starts assigned on one", set, len(pages), most, mostPairs, mostSides)
		if 2*mostPairs > unshuffleMaxPairs {
			t.Errorf("%s: a page has %d loose ends times starts, within half of unshuffleMaxPairs (%d)", set, mostPairs, unshuffleMaxPairs)
		}
		if 2*mostSides > unshuffleMaxAssign {
			t.Errorf("%s: a page has %d ends or starts to assign, within half of unshuffleMaxAssign (%d)", set, mostSides, unshuffleMaxAssign)
		}
	}
}

// TestUnshuffleNearWidth: on a page of the two invented stories' blocks
// interleaved (a1 b1 a2 b2: columns 12 and 16 ems wide), a line's block
// width read back over the lines before it (reachBack) counts no line of
// the block above it: a narrow block's first lines take no width from a
// wide one, as sameWidth's window did (a2's first line read 16 ems wide).
func TestUnshuffleNearWidth(t *testing.T) {
	a1, a2, b1, b2 := unshuffleFixture(t)
	blocks := [][]string{a1, b1, a2, b2}
	ls := rowLines(slices.Concat(blocks...))
	st := newShuffleText(ls)
	first := 0
	for _, b := range blocks {
		for i := first; i < first+len(b); i++ {
			own := st.width(max(first, i-unshuffleWidthRun+1), i)
			near := st.width(st.reachBack(i, 0, unshuffleWidthRun), i)
			if near != own {
				t.Errorf("line %d %q: block width read back %.1f ems, its block's lines %.1f", i, ls[i].text, near, own)
			}
		}
		first += len(b)
	}
}

// assignText is a text of n one-line blocks, each junction as given cut
// for sure (the cut model's log-odds +10), for assign's tests.
func assignText(n int) (*shuffleText, []shuffleBlock) {
	st := &shuffleText{lines: make([]line, n), cut: make([]float64, n)}
	bs := make([]shuffleBlock, n)
	for i := range bs {
		bs[i] = shuffleBlock{i, i}
		st.cut[i] = 10
	}
	return st, bs
}

// TestUnshuffleAssignAtOnce: where two ends would take the same start,
// the assignment gives each the start that makes the most of both, where
// taking the best junction first (the greedy chain it replaced) leaves
// the second end none.
func TestUnshuffleAssignAtOnce(t *testing.T) {
	st, bs := assignText(5) // block 0 a head; ends 1 and 2; starts 3 and 4
	links := []shuffleLink{{1, 3, 5}, {1, 4, 4}, {2, 3, 4}}
	order, gain := st.assign(bs, links, 0)
	if want := []int{0, 1, 4, 2, 3}; !slices.Equal(order, want) || gain != 8 {
		t.Errorf("order %v gain %v, want %v gain 8", order, gain, want)
	}
	// A ring (1 → 3 → 1, the junction as given 1 → 2 cut) is cut after
	// its weakest junction.
	links = []shuffleLink{{1, 3, 5}, {3, 1, 2}}
	order, _ = st.assign(bs, links, 0)
	if want := []int{0, 1, 3, 2, 4}; !slices.Equal(order, want) {
		t.Errorf("ring: order %v, want %v", order, want)
	}
}

// TestUnshuffleAssignBounded: a text whose one end might run on into
// more starts than unshuffleMaxAssign keeps its order.
func TestUnshuffleAssignBounded(t *testing.T) {
	n := 5 * unshuffleMaxAssign
	st, bs := assignText(n)
	var links []shuffleLink
	for y := 2; y < n; y++ {
		links = append(links, shuffleLink{0, y, 1})
	}
	if order, _ := st.assign(bs, links, 0); order != nil {
		t.Errorf("%d starts to assign: reordered", n-2)
	}
}

// TestUnshuffleAssignFew: texts with no link worth taking keep their
// order, and a lone link is taken where the matrix maxAssignment is
// given has more columns than rows, or more rows than columns.
func TestUnshuffleAssignFew(t *testing.T) {
	for n := range 4 {
		st, bs := assignText(n)
		if order, gain := st.assign(bs, nil, 0); order != nil || gain != 0 {
			t.Errorf("%d blocks, no links: order %v gain %v", n, order, gain)
		}
	}
	st, bs := assignText(3)
	if order, _ := st.assign(bs, []shuffleLink{{0, 2, 1}}, 1); order != nil {
		t.Errorf("a link no better than keep taken: order %v", order)
	}
	for _, c := range []struct {
		link shuffleLink
		want []int
	}{
		{shuffleLink{1, 0, 3}, []int{1, 0, 2}}, // end 1; starts 0 and 2
		{shuffleLink{2, 1, 3}, []int{0, 2, 1}}, // ends 2 and 0; start 1
	} {
		st, bs := assignText(3)
		if order, gain := st.assign(bs, []shuffleLink{c.link}, 0); !slices.Equal(order, c.want) || gain != 3 {
			t.Errorf("%v: order %v gain %v, want %v gain 3", c.link, order, gain, c.want)
		}
	}
}

// TestUnshuffleAssignRingGain: a ring cut after a junction as given that
// holds parts it, and the gain counts it as parted. Blocks 1 → 2 → 3 hold
// as given (log-odds 2 and 1) and 3 → 1 is loose (5): the ring is cut
// after 2, the weakest, and the order 0 3 1 2 4 parts 2 → 3, so the gain
// is 5 - 1 (it was 5: only the junctions as given a loose one touches
// were counted).
func TestUnshuffleAssignRingGain(t *testing.T) {
	st, bs := assignText(5)
	st.cut[1], st.cut[2] = -2, -1
	order, gain := st.assign(bs, []shuffleLink{{3, 1, 5}}, 0)
	if want := []int{0, 3, 1, 2, 4}; !slices.Equal(order, want) || gain != 4 {
		t.Errorf("order %v gain %v, want %v gain 4", order, gain, want)
	}
}
