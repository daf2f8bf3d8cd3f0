package parse

import (
	"math"
	"slices"
)

// Pages drawn in shuffled order. A layout engine that places every line at
// its own x,y may draw a page's blocks — a column chunk of a story's body, a
// headline group, a caption — in any order, and pdftotext -raw keeps the
// order of the drawing: each block comes out whole, a run of lines, and the
// runs are shuffled, so that a story's column chunks stand among other
// stories' (shuffled_test.go makes such pages from the gen PDFs).
//
// unshuffleLines puts the runs back in reading order in three learned
// steps (weights by TestTrainUnshuffle, in weights_unshuffle_gen.go):
//
//  1. cut: the line boundaries where a block ends are told by a learned
//     score of the lines around each (the cut model): a line that runs on
//     at full width followed by a paragraph's first line, a paragraph's
//     last line followed by a full one, a change of column width...
//  2. link: every loose junction — a block's end that runs on at full
//     width to a block's start that continues a sentence, or a
//     paragraph's last line to a paragraph's first (looseSides) — is
//     scored by a second model of the same features (the link model): a
//     dictionary word spans it, the page prints the characters around it,
//     the two sides share words and width...
//  3. assign: each block's end is given one successor's start at most,
//     all at once (unshuffle_assign.go): the assignment that sums the
//     most log-odds, a loose junction's less a learned bonus of the
//     junctions as given, which weigh the cut model's odds that they
//     hold; rings are cut at their weakest junction.
//
// A page read in order keeps its order: it is reordered only when a gate
// learned on made and in-order pages passes it (unshuffle_gate.go).
//
// Wired into the parser for -raw pages (analyseWith), before anything
// else reads the lines. The lexicon's cue (spanBand: a dictionary word
// spans half of all line breaks within a block, one break in twenty to
// another block's start) is a feature of both models: lexRunsOn marks a
// full line running on into a line of the same width with no word across
// the break, where two chunks of one column width may meet.
//
// Measured by TestTrainUnshuffle and end to end with score.sh, held out:
// the models fitted on the draws of g001–g045 (DUBAO_UNSHUFFLE_HELDOUT=1),
// the draws of g046–g060 scored (articles/titles/body_cer/para_f1).
//   - Round 24, the pass as first wired (the lexicon's features, the link
//     model fitted on in-order pages' loose junctions too, uxEcho,
//     uxFullChange, a gate on the chain's gain alone): full
//     0.093/0.129/1.577/0.160 → 0.117/0.144/1.534/0.170, spread1
//     0.260/0.368/0.907/0.508 → 0.275/0.368/0.895/0.511. A filter of the
//     character pairs the training pages print, as a feature beside the
//     lexicon, gained a little more (full 0.106/0.147 before uxEcho); it
//     was dropped, a table of the corpus's own text that pages of another
//     paper would not share.
//   - Round 25: widths read near (nearSame, nearDiff, nearFullChange: a
//     block's width taken from no line of the block above or below,
//     reachBack/reachOn), a paragraph's last line at a block's start
//     (bTail...), quotes and brackets open across the break (quoteOn,
//     quoteClash), pairs of characters few lines of the page print shared
//     by the two sides (rare), and cut levels tried down to -3 (-2.5
//     kept): junctions right 3.1% → 3.7% (spread1) and 3.7% → 4.7%
//     (full), the cut model's average precision 0.336 and 0.598. With the
//     learned gate (unshuffle_gate.go) besides: full 0.115/0.165/1.452/0.200,
//     spread1 0.278/0.365/0.866/0.518. The near widths in place of the old
//     ones, not beside them, lost (full 0.106/0.132).
//
//   - Round 26, the assignment in place of a greedy chain (loose
//     junctions taken best first): full 0.114/0.174/1.439/0.205 →
//     0.122/0.194/1.340/0.236, spread1 0.278/0.365/0.873/0.516 →
//     0.299/0.391/0.848/0.523 (unshuffle_assign.go).
//   - Round 26, more junctions loose (looseSides): a paragraph's last line
//     to a paragraph's first, and a start that continues a sentence though
//     it holds no punctuation (a full line of its block): of the 2,409
//     true junctions of the full pages of g001–g045 whose two sides the
//     cut model cuts, 437 loose → 680; full 0.122/0.194/1.340/0.236 →
//     0.135/0.221/1.273/0.266, spread1 0.299/0.391/0.848/0.523 →
//     0.315/0.391/0.840/0.522. Tried and not kept (each refitted held
//     out): the paragraphs alone, full 0.125/0.188/1.364/0.227, spread1
//     0.296/0.388/0.851/0.523; the starts without punctuation alone, full
//     0.125/0.176/1.337/0.250, spread1 0.315/0.394/0.831/0.529; both, with
//     features of the paragraphs' kind (it, and shared and rare where it
//     holds), full 0.120/0.176/1.345/0.247, spread1
//     0.306/0.388/0.850/0.526; both, and a paragraph's end loose to a full
//     line without punctuation too (a story's end to the next one's
//     headline: 938 loose), full 0.125/0.179/1.371/0.240, spread1
//     0.303/0.385/0.878/0.513; ends without punctuation at full width
//     too (headlines': 1,364 loose), full 0.112/0.168/1.438/0.216,
//     spread1 0.279/0.379/0.916/0.508. Where these lost, the trainer had
//     picked a keep of 1 (0 here), on a tie of lines followed (0.9605 at
//     both, fitted here): at a keep of 0, the starts without punctuation
//     alone score full 0.141/0.215/1.265/0.270, spread1
//     0.312/0.397/0.839/0.521, and with the paragraphs' kind as a feature
//     0.141/0.224/1.263/0.271, 0.312/0.394/0.845/0.520 — as this, within
//     the spread: the paragraphs' junctions are loose but seldom taken
//     right; the gain is the starts without punctuation.
//   - Round 26, a third loose kind for headlines (the biggest group of
//     true junctions never offered: about 843 headline → headline and 400
//     headline → body, full g001–g045): an end without sentence
//     punctuation in a block of 1–3 lines to a start likewise or to an
//     indented first line with punctuation, with features of its own
//     (the kind; start without punctuation; start indented; the two
//     lines' ems over 30 and their ratio; the end block's lines over 3;
//     the start's block of 1–3 lines; shared, echo and rare where the
//     kind holds). Held out against 0.143/0.229/1.238/0.284 full and
//     0.322/0.400/0.816/0.530 spread1, each refitted: the features added
//     to the one link model, full 0.123/0.182/1.394/0.231, spread1
//     0.292/0.388/0.868/0.521 (the trainer took keep 1; at keep 0
//     0.131/0.188, 0.314/0.388; headline → headline alone 0.133/0.179,
//     0.307/0.388; → body alone 0.140/0.221, 0.318/0.391); the same less
//     2 or 4 log-odds on the kind's links (a keep of its own), full
//     0.135/0.188 and 0.135/0.185, spread1 0.314/0.394 and 0.312/0.391 —
//     the kind's samples seem to move the shared features' weights: the rest
//     lose whether or not its links are taken. Its features alone on its
//     links (all others 0, the link model's other weights as before): at
//     keep 0 no link of the kind is taken (as main to the thousandth; its
//     weights all negative but shared 1.01, rare 1.48, shortB 0.46); with
//     1.5 log-odds more, full 0.142/0.232/1.236/0.277, spread1
//     0.325/0.403/0.816/0.528 (within the spread), 3 more, full
//     0.104/0.168, spread1 0.256/0.371. Not kept: the features do not
//     tell a headline's true next block from the page's other headlines
//     and story openings; what would is likely geometry -raw drops.
//
// What holds it back: the cut model (its average precision above); and
// the link model, whose ranking the assignment still uses in part — given
// the made pages' true blocks (full, g001–g045) and a link model fitted on
// them (DUBAO_UNSHUFFLE_RANKS=45), it sets 590 of 3,194 junctions right
// at a keep of 0 (the chain 356), where the link model ranks the true
// start first for 1,343 ends.

// Features of a junction: line a's end followed by line b's start. The
// width of a's block is the widest of a and the two lines before it in
// its block; of b's, the widest of b and the two after it (a column's
// width, in ems). Read near, the lines counted stop before a line that
// must be another block's (reachBack, reachOn).
const (
	uxBias           = iota
	uxAStop          // a ends a sentence
	uxAShort         // a is shorter than its block by more than an em: a paragraph's last line
	uxBIndent        // b is shorter than its block by one and a half ems to two and a half: a paragraph's first line
	uxSameWidth      // the two blocks are as wide, within three quarters of an em
	uxWidthDiff      // how much the widths differ, in ems, at most 10, over 10
	uxPair           // the page prints a's last and b's first character side by side within a line
	uxPrints         // the page prints a's last two and b's first two characters, four in a row
	uxRunsOnSame     // a runs on (no stop, full width) and the blocks are as wide
	uxRunsOnFull     // a runs on and b is full width
	uxEndsIndent     // a ends a paragraph and b starts one
	uxRunsOnIndent   // a runs on but b starts a paragraph
	uxEndsFull       // a ends a paragraph but b is full width
	uxBNoStart       // b starts with a mark that cannot begin a line
	uxShared         // pairs of characters the five lines up to a share with the five from b, over the fewer
	uxANoPunct       // a holds no sentence punctuation (a headline's or credit's line)
	uxBNoPunct       // b holds no sentence punctuation
	uxHeadToIndent   // a holds no punctuation and b starts a paragraph: a headline before its body
	uxNarrowA        // a's block is narrow: under 6 ems
	uxNarrowB        // b's block is narrow: under 6 ems
	uxBStop          // b ends a sentence
	uxSharedRunsOn   // the shared pairs where a runs on
	uxBWider         // b is wider than a's block by more than half an em: not of it
	uxAWider         // a is wider than b's block by more than half an em
	uxLineDiff       // how much a and b differ in width, in ems, at most 10, over 10
	uxGivenOdds      // b is the line after a in the text: the cut model's log-odds that it follows, else 0
	uxFullToIndent   // a is full width without a stop and b starts a paragraph: never within a block
	uxEndToFull      // a is short and ends a sentence and b is full width: never within a block
	uxSameFull       // both full width and the blocks as wide
	uxMedianDiff     // the median widths of the five lines up to a and the five from b differ by an em or more
	uxMedianDiffEm   // how much they differ, in ems, at most 10, over 10
	uxLex            // a lexicon word spans the break from a to b (spanBand)
	uxLexBand        // how common the most common such word is: its band over unshuffleLexBandScale
	uxLexNone        // a ends and b starts with an ideograph, and no word spans the break
	uxLexRunsOn      // a runs on, the blocks are as wide, and no word spans the break: the join of two chunks of one column
	uxFullChange     // a and b are both full width and their blocks differ in width by an em or more: two columns' lines
	uxEcho           // b holds a run of four characters that a or the line before it in its block holds: text the page prints twice (a teaser and its story), not a continuation
	uxBTail          // b is shorter than its block by more than an indent: a paragraph's last line, which follows a line of its paragraph
	uxStopToTail     // a ends a sentence and b is a paragraph's last line: within a block only where a is full
	uxShortToTail    // a ends a paragraph and b is a paragraph's last line, not indented: never within a block
	uxAIndentOfB     // a runs on and is narrower than b's block by an indent: a paragraph's first line in b's column
	uxQuoteOn        // a's block holds a quote or bracket open at a's end and b's closes one before it opens any: a quote running on
	uxQuoteClash     // one side holds a quote open across the break and the other does not
	uxRare           // pairs of characters that few lines of the page print (unshuffleRareLines) shared by the lines up to a and those from b (unshuffleRareRun each), at most 3, over 3
	uxNearSame       // sameWidth, the blocks' widths read near (reachBack, reachOn): no line of another block counted
	uxNearDiff       // widthDiff, read near
	uxNearFullChange // fullChange, read near
	numUnshuffleFeatures
)

var unshuffleFeatureNames = [numUnshuffleFeatures]string{
	"bias", "aStop", "aShort", "bIndent", "sameWidth", "widthDiff", "pair", "prints",
	"runsOnSame", "runsOnFull", "endsIndent", "runsOnIndent", "endsFull", "bNoStart",
	"shared", "aNoPunct", "bNoPunct", "headToIndent", "narrowA", "narrowB", "bStop", "sharedRunsOn",
	"bWider", "aWider", "lineDiff", "givenOdds", "fullToIndent", "endToFull", "sameFull", "medianDiff", "medianDiffEm",
	"lex", "lexBand", "lexNone", "lexRunsOn", "fullChange", "echo",
	"bTail", "stopToTail", "shortToTail", "aIndentOfB",
	"quoteOn", "quoteClash", "rare", "nearSame", "nearDiff", "nearFullChange",
}

type unshuffleVec [numUnshuffleFeatures]float64

func (w *unshuffleVec) score(f *unshuffleVec) float64 { return linear(w[:], f[:]) }

// unshuffleRareLines is the most lines of a page that may hold a pair of
// ideographs for it to count as rare: a story's name or term, printed in
// its few paragraphs, not a word every story uses.
const unshuffleRareLines = 3

// unshuffleRareCap is the most rare pairs the rare feature counts: past a
// few, the two sides are of one story whatever more they share.
const unshuffleRareCap = 3

// Widths, in ems, that the features compare (the corpus's column lines are
// 9 to 30 ems wide; an indent is two ems, one and a half where the
// extractor measures a half-width mark).
const (
	unshuffleSameEm   = 0.75                    // two blocks as wide as one another
	unshuffleShortEm  = 1.5                     // a paragraph's last line: shorter than its block by more
	unshuffleIndentLo = 1.5                     // a paragraph's first line: shorter by at least this (a full line may be an em short, where the line break pulled a character down before a mark)
	unshuffleIndentHi = 2.5                     // ... and at most this
	unshuffleNarrowEm = 6.0                     // a block narrower than this is a headline's, a credit's or a caption's
	unshuffleDiffCap  = 10.0                    // width differences count up to this
	unshuffleShareRun = 5                       // lines on each side whose character pairs are compared
	unshuffleWidthRun = 3                       // lines on each side whose widest is the block's width
	unshuffleRunOnEm  = unshuffleIndentHi + 0.5 // a line that ends no sentence is at most this much narrower than its block: an indent (unshuffleIndentHi) and half an em of measure
	unshuffleRareRun  = 8                       // lines on each side whose rare pairs are compared
	unshuffleColumnEm = 1.0                     // two full lines whose blocks differ by this are of two columns (a full line of one column is at most an em short, where a character went down before a mark)
)

// shuffleText is what the features read of a page's lines, made once. Its
// slices are room kept from page to page (pageRoom.shuffle): reset writes
// every one it reads.
type shuffleText struct {
	lines []line
	// runes are the lines' runes as a range over their text reads them,
	// one line after another, each followed by -1, which no rune is; at[i]
	// is where line i's start (at[len(lines)] past the last's -1).
	runes []rune
	at    []int32
	// The pairs of runes printed side by side within a line, numbered 0,
	// 1, 2 … in an open-addressing table (keys, slot: number+1, 0 empty);
	// head is each pair's last place in runes, and prevAt each place's
	// place before of the same pair (-1: none).
	keys   []uint64
	slot   []int32
	npairs int
	head   []int32
	prevAt []int32
	// grams are each line's distinct pairs of ideographs, by number, one
	// line after another: line i's are grams[gramAt[i]:gramAt[i+1]].
	grams  []int32
	gramAt []int32
	punct  []bool // the line holds sentence punctuation
	stop   []bool // the line ends a sentence
	// The line's first and last quote or bracket: +1 opening, -1
	// closing, 0 none.
	firstMark, lastMark []int8
	lines1              []int32 // how many lines hold each pair of ideographs
	rstamp              []int32 // scratch of rare: marks a side's pairs (rtok the latest mark)
	rtok                int32
	cut                 []float64 // the cut model's log-odds of each line boundary, once scored
	// The pairs of the lines that end at a line (ends) and start at one
	// (starts), for the block extents of one reading: sets in slab, made
	// on first asking (made false: not yet). After cutScores (pageSides),
	// the ends of lines 0 to n-2 and the starts of 1 to n-1 are those of
	// the page's extents, as cutScores gathered them.
	ends, starts []sideSet
	slab         []int32
	pageSides    bool
	// Scratch of one pair number each: stamp marks a set's members (tok
	// the latest mark), and inA, inB count the lines of the two windows of
	// cutScores that hold each pair.
	stamp    []int32
	tok      int32
	inA, inB []int32
	marked   int // the end whose set stamp marks, for shared (-1: none)
	markTok  int32
}

// A sideSet is the pair numbers slab[lo:hi].
type sideSet struct {
	lo, hi int32
	made   bool
}

func newShuffleText(lines []line) *shuffleText {
	st := new(shuffleText)
	st.reset(lines)
	return st
}

// pairKey is the key of the pair of runes x, y.
func pairKey(x, y rune) uint64 { return uint64(uint32(x))<<32 | uint64(uint32(y)) }

// reset makes st the text of lines, in the room st has.
func (st *shuffleText) reset(lines []line) {
	n := len(lines)
	st.lines = lines
	st.cut = nil
	st.pageSides = false
	st.runes = st.runes[:0]
	st.at = grown(st.at, n+1)
	for i, l := range lines {
		st.at[i] = int32(len(st.runes))
		for _, r := range l.text {
			st.runes = append(st.runes, r)
		}
		st.runes = append(st.runes, -1)
	}
	st.at[n] = int32(len(st.runes))
	size := 64
	for size < 2*len(st.runes) {
		size *= 2
	}
	st.keys = grown(st.keys, size)
	st.slot = grown(st.slot, size)
	clear(st.slot)
	st.npairs = 0
	st.head = grown(st.head, len(st.runes))
	st.prevAt = grown(st.prevAt, len(st.runes))
	st.stamp = grown(st.stamp, len(st.runes))
	clear(st.stamp)
	st.tok = 0
	st.grams = st.grams[:0]
	st.gramAt = grown(st.gramAt, n+1)
	st.punct = grown(st.punct, n)
	st.stop = grown(st.stop, n)
	st.firstMark = grown(st.firstMark, n)
	st.lastMark = grown(st.lastMark, n)
	for i, l := range lines {
		st.gramAt[i] = int32(len(st.grams))
		st.tok++
		for p := st.at[i]; p+2 < st.at[i+1]; p++ { // line i's runes end at at[i+1]-2
			x, y := st.runes[p], st.runes[p+1]
			id := st.number(pairKey(x, y))
			st.prevAt[p] = st.head[id]
			st.head[id] = p
			if isIdeograph(x) && isIdeograph(y) && st.stamp[id] != st.tok {
				st.stamp[id] = st.tok
				st.grams = append(st.grams, id)
			}
		}
		st.punct[i] = hasSentencePunct(l.text)
		st.stop[i] = endsSentenceText(l.text)
		st.firstMark[i], st.lastMark[i] = 0, 0
		for _, r := range l.text {
			if m := quoteMark(r); m != 0 {
				if st.firstMark[i] == 0 {
					st.firstMark[i] = m
				}
				st.lastMark[i] = m
			}
		}
	}
	st.gramAt[n] = int32(len(st.grams))
	st.lines1 = grown(st.lines1, st.npairs)
	clear(st.lines1)
	for _, id := range st.grams {
		st.lines1[id]++
	}
	st.rstamp = grown(st.rstamp, st.npairs)
	clear(st.rstamp)
	st.rtok = 0
	st.resetSides()
}

// resetSides forgets the side sets made.
func (st *shuffleText) resetSides() {
	n := len(st.lines)
	st.ends = grown(st.ends, n)
	st.starts = grown(st.starts, n)
	clear(st.ends)
	clear(st.starts)
	st.slab = st.slab[:0]
	st.pageSides = false
	st.marked = -1
}

// find is where key's slot is in the table, or the empty slot it would take.
func (st *shuffleText) find(key uint64) int {
	mask := len(st.keys) - 1
	for i := int(key*0x9E3779B97F4A7C15>>32) & mask; ; i = (i + 1) & mask {
		if st.slot[i] == 0 || st.keys[i] == key {
			return i
		}
	}
}

// number is the pair's number, given it when new.
func (st *shuffleText) number(key uint64) int32 {
	i := st.find(key)
	if st.slot[i] == 0 {
		st.keys[i] = key
		st.npairs++
		st.slot[i] = int32(st.npairs)
		st.head[st.npairs-1] = -1
	}
	return st.slot[i] - 1
}

// pairID is the pair's number, or -1 when no line prints it.
func (st *shuffleText) pairID(key uint64) int32 {
	return st.slot[st.find(key)] - 1
}

// lineRunes are line i's runes.
func (st *shuffleText) lineRunes(i int) []rune { return st.runes[st.at[i] : st.at[i+1]-1] }

// gramsOf are line i's pairs of ideographs.
func (st *shuffleText) gramsOf(i int) []int32 { return st.grams[st.gramAt[i]:st.gramAt[i+1]] }

// reachBack is the first of the lines up to a, n at most and none before
// lo, that may stand in a's block: a line that ends no sentence is full
// or a paragraph's first, so that its block is at most unshuffleRunOnEm
// wider than it, and a line before it that is wider yet is another
// block's (a narrow block's lines take no width from a wide one above).
func (st *shuffleText) reachBack(a, lo, n int) int { return st.reach(a, lo, n, -1) }

// reachOn is reachBack after b: the last of the lines from b, n at most
// and none past hi, that may stand in b's block.
func (st *shuffleText) reachOn(b, hi, n int) int { return st.reach(b, hi, n, 1) }

// reach is reachBack (step -1) and reachOn (step 1): the lines from
// line from, by step, n at most and none past limit.
func (st *shuffleText) reach(from, limit, n, step int) int {
	bound := math.Inf(1)
	k := from
	for ; (limit-k)*step > 0 && (k-from)*step+1 < n; k += step {
		if !st.stop[k] {
			bound = math.Min(bound, st.lines[k].em+unshuffleRunOnEm)
		}
		if st.lines[k+step].em > bound {
			break
		}
	}
	return k
}

// width is the widest of the lines from i to j.
func (st *shuffleText) width(i, j int) float64 {
	w := st.lines[i].em
	for k := min(i, j); k <= max(i, j); k++ {
		w = math.Max(w, st.lines[k].em)
	}
	return w
}

// median is the median width of lines lo to hi, in ems.
func (st *shuffleText) median(lo, hi int) float64 {
	var buf [2 * unshuffleShareRun]float64
	ws := buf[:0]
	for k := lo; k <= hi; k++ {
		ws = append(ws, st.lines[k].em)
	}
	slices.Sort(ws)
	return ws[len(ws)/2]
}

// prints reports whether some line holds a's last two characters and b's
// first two, four in a row.
func (st *shuffleText) prints(a, b int) bool {
	ea, sb := st.at[a+1]-1, st.at[b]
	if ea-st.at[a] < 2 || st.at[b+1]-1-sb < 2 {
		return false
	}
	x1, x2, y1, y2 := st.runes[ea-2], st.runes[ea-1], st.runes[sb], st.runes[sb+1]
	id := st.pairID(pairKey(x2, y1))
	if id < 0 {
		return false
	}
	for p := st.head[id]; p >= 0; p = st.prevAt[p] {
		if p >= 1 && st.runes[p-1] == x1 && st.runes[p+2] == y2 {
			return true
		}
	}
	return false
}

// side is the set of the pairs of lines lo to hi, made in the slab.
func (st *shuffleText) side(lo, hi int) sideSet {
	st.tok++
	s := sideSet{lo: int32(len(st.slab)), made: true}
	for k := lo; k <= hi; k++ {
		for _, id := range st.gramsOf(k) {
			if st.stamp[id] != st.tok {
				st.stamp[id] = st.tok
				st.slab = append(st.slab, id)
			}
		}
	}
	s.hi = int32(len(st.slab))
	st.marked = -1 // stamp is written
	return s
}

// shared is the share of the character pairs of the lines up to a (in
// its block) that the lines from b (in its) hold, over the fewer. Each
// side's pairs are gathered once for the extents given first.
func (st *shuffleText) shared(a, b int, blockStart func(int) int, blockEnd func(int) int) float64 {
	n := len(st.lines)
	if !st.ends[a].made {
		lo := max(blockStart(a), a-unshuffleShareRun+1)
		if st.pageSides && a <= n-2 {
			lo = max(0, a-unshuffleShareRun+1)
		}
		st.ends[a] = st.side(lo, a)
	}
	if !st.starts[b].made {
		hi := min(blockEnd(b), b+unshuffleShareRun-1)
		if st.pageSides && b >= 1 {
			hi = min(n-1, b+unshuffleShareRun-1)
		}
		st.starts[b] = st.side(b, hi)
	}
	sa, sb := st.ends[a], st.starts[b]
	m := min(sa.hi-sa.lo, sb.hi-sb.lo)
	if m == 0 {
		return 0
	}
	if st.marked != a {
		st.tok++
		for _, id := range st.slab[sa.lo:sa.hi] {
			st.stamp[id] = st.tok
		}
		st.marked, st.markTok = a, st.tok
	}
	c := 0
	for _, id := range st.slab[sb.lo:sb.hi] {
		if st.stamp[id] == st.markTok {
			c++
		}
	}
	return float64(c) / float64(m)
}

// features of the junction a → b; the blocks' extents for the shared
// pairs are given by blockStart and blockEnd.
func (st *shuffleText) features(a, b int, blockStart, blockEnd func(int) int) unshuffleVec {
	return st.featuresShared(a, b, blockStart, blockEnd, st.shared(a, b, blockStart, blockEnd), true)
}

// featuresShared is features, given the shared pairs; the lexicon's
// features and rare are left 0 unless lex.
func (st *shuffleText) featuresShared(a, b int, blockStart, blockEnd func(int) int, sh float64, lex bool) unshuffleVec {
	var f unshuffleVec
	la, lb := &st.lines[a], &st.lines[b]
	wa := st.width(max(blockStart(a), a-unshuffleWidthRun+1), a)
	wb := st.width(b, min(blockEnd(b), b+unshuffleWidthRun-1))
	na := st.width(st.reachBack(a, blockStart(a), unshuffleWidthRun), a)
	nb := st.width(b, st.reachOn(b, blockEnd(b), unshuffleWidthRun))
	aStop := st.stop[a]
	aShort := la.em < wa-unshuffleShortEm
	bIndent := lb.em <= wb-unshuffleIndentLo && lb.em >= wb-unshuffleIndentHi
	same := math.Abs(wa-wb) < unshuffleSameEm
	runsOn := !aStop && !aShort
	bFull := lb.em > wb-unshuffleIndentLo
	aFull := la.em > wa-unshuffleIndentLo
	f[uxBias] = 1
	f[uxAStop] = b2f(aStop)
	f[uxAShort] = b2f(aShort)
	f[uxBIndent] = b2f(bIndent)
	f[uxSameWidth] = b2f(same)
	f[uxWidthDiff] = math.Min(math.Abs(wa-wb), unshuffleDiffCap) / unshuffleDiffCap
	f[uxPair] = b2f(st.pairID(pairKey(lastRune(la.text), firstRune(lb.text))) >= 0)
	f[uxPrints] = b2f(st.prints(a, b))
	f[uxRunsOnSame] = b2f(runsOn && same)
	f[uxRunsOnFull] = b2f(runsOn && bFull)
	f[uxEndsIndent] = b2f(!runsOn && bIndent)
	f[uxRunsOnIndent] = b2f(runsOn && bIndent)
	f[uxEndsFull] = b2f(!runsOn && bFull)
	f[uxBNoStart] = b2f(noLineStart(firstRune(lb.text)))
	f[uxShared] = sh
	f[uxANoPunct] = b2f(!st.punct[a])
	f[uxBNoPunct] = b2f(!st.punct[b])
	f[uxHeadToIndent] = b2f(!st.punct[a] && bIndent)
	f[uxNarrowA] = b2f(wa < unshuffleNarrowEm)
	f[uxNarrowB] = b2f(wb < unshuffleNarrowEm)
	f[uxBStop] = b2f(st.stop[b])
	f[uxSharedRunsOn] = b2f(runsOn) * sh
	f[uxBWider] = b2f(lb.em > wa+unshuffleIndentLo)
	f[uxAWider] = b2f(la.em > wb+unshuffleIndentLo)
	f[uxLineDiff] = math.Min(math.Abs(la.em-lb.em), unshuffleDiffCap) / unshuffleDiffCap
	ma := st.median(max(blockStart(a), a-unshuffleShareRun+1), a)
	mb := st.median(b, min(blockEnd(b), b+unshuffleShareRun-1))
	f[uxMedianDiff] = b2f(math.Abs(ma-mb) >= 1)
	f[uxMedianDiffEm] = math.Min(math.Abs(ma-mb), unshuffleDiffCap) / unshuffleDiffCap
	f[uxFullToIndent] = b2f(aFull && !aStop && bIndent)
	f[uxEndToFull] = b2f(aShort && aStop && bFull)
	f[uxSameFull] = b2f(aFull && bFull && same)
	f[uxFullChange] = b2f(aFull && bFull && math.Abs(wa-wb) >= unshuffleColumnEm)
	f[uxEcho] = b2f(st.runsEcho(b, a) || (a-1 >= blockStart(a) && st.runsEcho(b, a-1)))
	f[uxNearSame] = b2f(math.Abs(na-nb) < unshuffleSameEm)
	f[uxNearDiff] = math.Min(math.Abs(na-nb), unshuffleDiffCap) / unshuffleDiffCap
	f[uxNearFullChange] = b2f(la.em > na-unshuffleIndentLo && lb.em > nb-unshuffleIndentLo && math.Abs(na-nb) >= unshuffleColumnEm)
	bTail := lb.em < wb-unshuffleIndentHi
	f[uxBTail] = b2f(bTail)
	f[uxStopToTail] = b2f(aStop && bTail)
	f[uxShortToTail] = b2f(aShort && bTail)
	f[uxAIndentOfB] = b2f(!aStop && la.em <= wb-unshuffleIndentLo && la.em >= wb-unshuffleIndentHi)
	aIn, aKnown := st.openAt(a, blockStart(a))
	bIn, bKnown := st.closesFrom(b, blockEnd(b))
	f[uxQuoteOn] = b2f(aIn && bIn)
	f[uxQuoteClash] = b2f(aKnown && bKnown && aIn != bIn)
	if lex {
		st.lexFeatures(&f, a, b, blockStart(a), blockEnd(b))
	}
	if b == a+1 && st.cut != nil {
		f[uxGivenOdds] = -st.cut[a]
	}
	return f
}

// quoteMark is +1 for a mark that opens a quote or bracket, -1 for one
// that closes it, else 0. It knows fewer marks than opensPair and
// closesPair: with theirs (‘ ’ 〈 〉 【 】 〔 〕 besides), refitted and held
// out, full went 0.114/0.174/1.439/0.205 → 0.115/0.171/1.466/0.194 and the
// gate passed 48 of 360 made pages in place of 80.
func quoteMark(r rune) int8 {
	switch r {
	case '“', '「', '『', '（', '(', '《':
		return 1
	case '”', '」', '』', '）', ')', '》':
		return -1
	}
	return 0
}

// openAt reports whether a quote or bracket is open at line a's end: the
// last mark of the lines up to a (unshuffleShareRun at most, none before
// lo) opens one; known is whether those lines hold a mark.
func (st *shuffleText) openAt(a, lo int) (open, known bool) {
	for k := a; k >= max(lo, a-unshuffleShareRun+1); k-- {
		if m := st.lastMark[k]; m != 0 {
			return m > 0, true
		}
	}
	return false, false
}

// closesFrom reports whether the lines from b (unshuffleShareRun at most,
// none past hi) close a quote or bracket before they open one.
func (st *shuffleText) closesFrom(b, hi int) (closes, known bool) {
	for k := b; k <= min(hi, b+unshuffleShareRun-1); k++ {
		if m := st.firstMark[k]; m != 0 {
			return m < 0, true
		}
	}
	return false, false
}

// rare is how many pairs of ideographs that at most unshuffleRareLines
// lines of the page hold are held both by the lines up to a (as far as
// lo) and by those from b (as far as hi), unshuffleRareRun each, at most
// unshuffleRareCap, over it: a story's names and words of its own.
func (st *shuffleText) rare(a, b, lo, hi int) float64 {
	st.rtok++
	for k := a; k >= max(lo, a-unshuffleRareRun+1); k-- {
		for _, id := range st.gramsOf(k) {
			if st.lines1[id] <= unshuffleRareLines {
				st.rstamp[id] = st.rtok
			}
		}
	}
	c := 0
	for k := b; k <= min(hi, b+unshuffleRareRun-1) && c < unshuffleRareCap; k++ {
		for _, id := range st.gramsOf(k) {
			if st.rstamp[id] == st.rtok {
				st.rstamp[id] = 0 // counted once
				c++
			}
		}
	}
	return float64(min(c, unshuffleRareCap)) / unshuffleRareCap
}

// unshuffleLexBandScale is what lexBand divides spanBand's band by (the
// bands run 1 to len(lexiconBands), 13, so a band reads up to 13/12).
const unshuffleLexBandScale = 12

// lexFeatures sets f's lexicon features of the junction a → b, and rare
// (its blocks' extents lo and hi), the rest set.
func (st *shuffleText) lexFeatures(f *unshuffleVec, a, b, lo, hi int) {
	f[uxRare] = st.rare(a, b, lo, hi)
	la, lb := &st.lines[a], &st.lines[b]
	ra, rb := lastRune(la.text), firstRune(lb.text)
	band := spanBand(la.text, lb.text)
	none := band == 0 && lexIdeograph(ra) && lexIdeograph(rb)
	f[uxLex] = b2f(band > 0)
	f[uxLexBand] = float64(band) / unshuffleLexBandScale
	f[uxLexNone] = b2f(none)
	f[uxLexRunsOn] = b2f(none && f[uxRunsOnSame] == 1)
}

// lexMost is the most that w's lexicon features and rare may add to a score of f,
// the rest of f set: a word of band 1 to len(lexiconBands) spans the
// break, or none does.
func (st *shuffleText) lexMost(w, f *unshuffleVec, a, b int) float64 {
	none := lexIdeograph(lastRune(st.lines[a].text)) && lexIdeograph(firstRune(st.lines[b].text))
	most := w[uxLexNone]*b2f(none) + w[uxLexRunsOn]*b2f(none && f[uxRunsOnSame] == 1)
	for _, band := range [2]int{1, len(lexiconBands)} {
		most = math.Max(most, w[uxLex]+w[uxLexBand]*float64(band)/unshuffleLexBandScale)
	}
	return most + math.Max(0, w[uxRare]) // rare is 0 to 1
}

// runsEcho reports whether line b holds a run of four characters that
// line a holds.
func (st *shuffleText) runsEcho(b, a int) bool {
	ra, rb := st.lineRunes(a), st.lineRunes(b)
	for i := 0; i+4 <= len(rb); i++ {
		for j := 0; j+4 <= len(ra); j++ {
			if rb[i] == ra[j] && rb[i+1] == ra[j+1] && rb[i+2] == ra[j+2] && rb[i+3] == ra[j+3] {
				return true
			}
		}
	}
	return false
}

// unbounded block extents: the whole page.
func pageStart(int) int { return 0 }

func (st *shuffleText) pageEnd(int) int { return len(st.lines) - 1 }

// cutScores gives each line boundary (i: between line i and i+1) the cut
// model's log-odds that line i+1 does not follow line i.
func (st *shuffleText) cutScores(cw *unshuffleVec) []float64 {
	return st.cutScoresAt(cw, math.Inf(-1))
}

// cutScoresAt is cutScores for a reading that cuts above at: a boundary
// that the cut model cannot put above at, whichever word spans it or none,
// is not scored in full but given -Inf, for the lines it parts are never
// read as a block's end and start, and its score is read nowhere else
// (links and assign read only the scores of cuts). at -Inf scores all.
func (st *shuffleText) cutScoresAt(cw *unshuffleVec, at float64) []float64 {
	st.cut = nil
	st.resetSides()
	n := len(st.lines)
	out := make([]float64, max(0, n-1))
	if n < 2 {
		st.cut = out
		return out
	}
	// The shared pairs of boundary i are those of the windows A, lines
	// i-4 to i, and B, lines i+1 to i+5, within the page: counted as the
	// windows slide, each pair's lines in A and in B, how many pairs each
	// window holds and how many both.
	st.inA = grown(st.inA, st.npairs)
	st.inB = grown(st.inB, st.npairs)
	clear(st.inA)
	clear(st.inB)
	sizeA, sizeB, both := 0, 0, 0
	move := func(k int, in, other []int32, size *int, d int32) {
		for _, id := range st.gramsOf(k) {
			in[id] += d
			if c := in[id]; d > 0 && c == 1 || d < 0 && c == 0 {
				*size += int(d)
				if other[id] > 0 {
					both += int(d)
				}
			}
		}
	}
	move(0, st.inA, st.inB, &sizeA, 1)
	for k := 1; k <= min(n-1, unshuffleShareRun); k++ {
		move(k, st.inB, st.inA, &sizeB, 1)
	}
	for i := range out {
		if i > 0 {
			move(i, st.inB, st.inA, &sizeB, -1)
			move(i, st.inA, st.inB, &sizeA, 1)
			if k := i - unshuffleShareRun; k >= 0 {
				move(k, st.inA, st.inB, &sizeA, -1)
			}
			if k := i + unshuffleShareRun; k <= n-1 {
				move(k, st.inB, st.inA, &sizeB, 1)
			}
		}
		sh := 0.0
		if m := min(sizeA, sizeB); m > 0 {
			sh = float64(both) / float64(m)
		}
		f := st.featuresShared(i, i+1, pageStart, st.pageEnd, sh, false)
		if part := cw.score(&f); part+st.lexMost(cw, &f, i, i+1)+unshuffleSumSlack < at {
			out[i] = math.Inf(-1)
			continue
		}
		st.lexFeatures(&f, i, i+1, 0, n-1)
		out[i] = cw.score(&f)
	}
	st.pageSides = true
	st.cut = out
	return out
}

// unshuffleSumSlack is more than the rounding of a score's sum may move
// it (log-odds; a score is a sum of numUnshuffleFeatures terms of at most
// tens).
const unshuffleSumSlack = 1e-9

// shuffleBlock is a run of lines [first, last].
type shuffleBlock struct{ first, last int }

// blockExtents gives, for the n lines the blocks bs cover, the first and
// the last line of each line's block.
func blockExtents(bs []shuffleBlock, n int) (start, end func(int) int) {
	of := make([]int, n)
	for k, b := range bs {
		for i := b.first; i <= b.last; i++ {
			of[i] = k
		}
	}
	return func(i int) int { return bs[of[i]].first }, func(i int) int { return bs[of[i]].last }
}

// blocksAt cuts the lines at the boundaries whose cut log-odds are above at.
func blocksAt(n int, cuts []float64, at float64) []shuffleBlock {
	var bs []shuffleBlock
	first := 0
	for i := range n {
		if i == n-1 || cuts[i] > at {
			bs = append(bs, shuffleBlock{first, i})
			first = i + 1
		}
	}
	return bs
}

// unshuffleOrder returns the order of the lines that the learned models
// read, or nil when the page keeps its order: assign took no junction,
// or the gate (unshuffle_gate.go) does not pass the page.
func unshuffleOrder(lines []line, cw, lw *unshuffleVec, gate *pageGate, cutAt, keep float64) []int {
	return unshuffleOrderIn(new(shuffleText), lines, cw, lw, gate, cutAt, keep)
}

// unshuffleOrderIn is unshuffleOrder, reading the lines in st's room.
func unshuffleOrderIn(st *shuffleText, lines []line, cw, lw *unshuffleVec, gate *pageGate, cutAt, keep float64) []int {
	order, _, f := unshuffleRead(st, lines, cw, lw, cutAt, keep)
	if order == nil || !gate.passes(&f) {
		return nil
	}
	return order
}

// unshuffleRead reads the lines in st's room: assign's order of them,
// its gain and the page's features (pageFeatures), or a nil order when the
// page is too short or its blocks too few to reorder. Past
// unshuffleMaxPairs or unshuffleMaxAssign the order is as given and no
// junction is taken.
func unshuffleRead(st *shuffleText, lines []line, cw, lw *unshuffleVec, cutAt, keep float64) ([]int, float64, pageVec) {
	if len(lines) < 4 {
		return nil, 0, pageVec{}
	}
	st.reset(lines)
	defer func() { st.lines = nil }() // the room keeps no page's text
	bs := blocksAt(len(lines), st.cutScoresAt(cw, cutAt), cutAt)
	if len(bs) < 3 {
		return nil, 0, pageVec{}
	}
	links := st.linksOver(bs, lw, keep)
	order, gain := st.assign(bs, links, keep)
	return order, gain, st.pageFeatures(bs, links, order, gain)
}

// shuffleLink is a junction: block from's end followed by block to's start,
// and the link model's log-odds of it.
type shuffleLink struct {
	from, to int
	s        float64
}

// linkScores gives each link's log-odds by its blocks (from, to).
func linkScores(links []shuffleLink) map[[2]int]float64 {
	score := make(map[[2]int]float64, len(links))
	for _, l := range links {
		score[[2]int{l.from, l.to}] = l.s
	}
	return score
}

// links scores every loose junction of the blocks but those as given.
func (st *shuffleText) links(bs []shuffleBlock, lw *unshuffleVec) []shuffleLink {
	return st.linksOver(bs, lw, math.Inf(-1))
}

// linksOver is links for an assignment that keeps by keep: a junction
// that the link model cannot score up to keep, whichever word spans it or
// none, is left out, for assign weighs a link at its log-odds less keep
// and takes none that weighs 0 or less. keep -Inf keeps all.
func (st *shuffleText) linksOver(bs []shuffleBlock, lw *unshuffleVec, keep float64) []shuffleLink {
	if st.cut == nil {
		panic("unshuffle: links before cutScores")
	}
	st.resetSides()
	start, end := blockExtents(bs, len(st.lines))
	looseEnd, looseStart := st.looseSides(bs)
	if pairs := loosePairs(looseEnd, looseStart); pairs == 0 || pairs > unshuffleMaxPairs {
		return nil
	}
	var links []shuffleLink
	for x := range bs {
		if looseEnd[x] == 0 {
			continue
		}
		for y := range bs {
			if x != y && y != x+1 && looseEnd[x] == looseStart[y] {
				a, b := bs[x].last, bs[y].first
				f := st.featuresShared(a, b, start, end, st.shared(a, b, start, end), false)
				if lw.score(&f)+st.lexMost(lw, &f, a, b)+unshuffleSumSlack < keep {
					continue
				}
				st.lexFeatures(&f, a, b, start(a), end(b))
				links = append(links, shuffleLink{x, y, lw.score(&f)})
			}
		}
	}
	return links
}

// The kinds of a loose side, looseSides' answer (0: not loose): a
// junction is loose where its end and its start are of one kind.
const (
	looseRunOn     = 1 + iota // an end that runs on at full width, a start that continues a sentence
	looseParagraph            // an end that closes a paragraph, a start that opens one
)

// looseSides tells the kind of each block's end and each block's start
// (looseRunOn, looseParagraph; 0: not loose). Only a body's line may be
// moved from or to: the tests of the features aStop, aShort, aNoPunct and
// narrowA, and bIndent, bNoPunct and narrowB, told before the rest are
// made, but on the block's width read near (reachBack, reachOn), as cut25
// fitted it, where the features read the window's. A line that runs on
// goes to one that continues a sentence (not indented, and holding
// punctuation or full: a full line of ideographs alone often holds none);
// a paragraph's last line (a stop, or short of its block) to a
// paragraph's first (indented). Before round 26 only the first were, and
// only starts with punctuation: of the 2,409 true junctions of the full
// pages of g001–g045 whose two sides the cut model cuts, 437 were loose,
// now 680 (header comment for the figures held out).
func (st *shuffleText) looseSides(bs []shuffleBlock) (looseEnd, looseStart []uint8) {
	looseEnd, looseStart = make([]uint8, len(bs)), make([]uint8, len(bs))
	for x, b := range bs {
		a, la := b.last, &st.lines[b.last]
		wa := st.width(st.reachBack(a, b.first, unshuffleWidthRun), a)
		if st.punct[a] && wa >= unshuffleNarrowEm {
			looseEnd[x] = looseRunOn
			if st.stop[a] || la.em < wa-unshuffleShortEm {
				looseEnd[x] = looseParagraph
			}
		}
		f, lf := b.first, &st.lines[b.first]
		wb := st.width(f, st.reachOn(f, b.last, unshuffleWidthRun))
		indent := lf.em <= wb-unshuffleIndentLo && lf.em >= wb-unshuffleIndentHi
		switch {
		case wb < unshuffleNarrowEm:
		case indent && st.punct[f]:
			looseStart[x] = looseParagraph
		case !indent && (st.punct[f] || lf.em > wb-unshuffleIndentLo):
			looseStart[x] = looseRunOn
		}
	}
	return looseEnd, looseStart
}

// loosePairs is how many loose junctions the sides make: the ends times
// the starts of each kind (a block's end to its own start counted too).
func loosePairs(looseEnd, looseStart []uint8) int {
	var ends, starts [looseParagraph + 1]int // by kind; 0 is no kind
	for x := range looseEnd {
		ends[looseEnd[x]]++
		starts[looseStart[x]]++
	}
	return ends[looseRunOn]*starts[looseRunOn] + ends[looseParagraph]*starts[looseParagraph]
}

// unshuffleMaxPairs bounds the loose ends times the loose starts of a
// page's blocks, the junctions linksOver would weigh, against a text made
// to make it work without end (blocks² of them, where 8,000 made lines
// took minutes and gigabytes): over twice the most of any page the
// pass reads — 1,848 (1,260 before looseSides took paragraphs' ends and
// starts), on a made page of full/train, of the 950 -raw
// training pages (the made sets' train, gen g001–g200, gen-issue, dev;
// TestUnshuffleBoundsLinks fails should one come within half of it). A
// page with more is not a newspaper page's blocks and keeps its order.
const unshuffleMaxPairs = 5000

// orderPositions gives each of n lines its place in order, an order of
// them all (nil: the lines as given).
func orderPositions(order []int, n int) []int {
	at := make([]int, n)
	for i := range at {
		at[i] = i
	}
	for k, i := range order {
		at[i] = k
	}
	return at
}

// unshuffleLines returns the lines in reading order: as given, unless the
// page's blocks were drawn shuffled. st is room for the reading.
func unshuffleLines(lines []line, st *shuffleText) []line {
	order := unshuffleOrderIn(st, lines, &unshuffleCutWeights, &unshuffleLinkWeights, &unshufflePageGate, unshuffleCutLogOdds, unshuffleKeepLogOdds)
	if order == nil {
		return lines
	}
	out := make([]line, len(lines))
	for k, i := range order {
		out[k] = lines[i]
	}
	return out
}
