package parse

import (
	"math"
	"slices"
	"strings"

	"github.com/dubaoreader/dubao/model"
)

// Stories on text with blank lines, decided in one stage. An extractor that
// lays the page out in text boxes (pdfminer's pdf2txt) prints every box —
// a headline, a column's stretch of a story — as a block of lines with a
// blank line after it, and lists the boxes of a row of the page before
// those of the row below. So a headline mostly stands before its body; and
// where stories stand side by side, the headlines of the whole row come
// first, each in a box of its own, and the bodies follow in the same order.
//
// The page is the same row of units as on -raw text (stories.go): its
// paragraphs and the lines set as headlines. A plan cuts it into stories,
// each either one run of units with at most one headline before or after
// its body (as on -raw text), or a row: a run of headline boxes cut into m
// headlines at box breaks, and the body after it cut into m stories that
// take the headlines in order. A dynamic programme picks the plan of the
// highest total score, a sum of learned log-odds: that a story starts in
// a gap between two units (boxGapVec), that a headline-like unit is a
// story's headline rather than a subhead (boxUnitVec), and in a row that a
// piece of the body takes the next headline and that each of its
// paragraphs echoes its headline more than the row's others (boxPairVec).
// Their features are those of the -raw stage and what the boxes say; their
// weights are fitted on the training pages with blank lines
// (weights_gen.go).

// The box gap features, after the -raw stage's gap features.
const (
	bgBreak          = numGapFeatures + iota // a blank line parts the two units: they stand in two boxes
	bgBreakParaPara                          // … between two paragraphs
	bgBreakParaHead                          // … between a paragraph and a headline-like line
	bgBreakHeadPara                          // … between a headline-like line and a paragraph
	bgBreakHeadHead                          // … between two headline-like lines
	bgBreakOpenEnd                           // … after a paragraph that does not close its sentence
	bgEchoPrevRun                            // the paragraph after the gap: how much it echoes the run of headline boxes before it
	bgBestForPrevRun                         // … it is the paragraph after that run that echoes it most
	bgRowBoxes                               // the headline run before the gap stands in two or more boxes
	bgBoxesSame                              // the boxes on either side of a break are set within ½ em of one width: one column's
	bgBoxesApart                             // … more than 1½ ems apart: columns of two strips
	bgOverByline                             // the unit after the gap is a headline-like line over a byline in its box
	bgBreakCredit                            // a blank line parts the units and the unit before is a picture's credit (gfCredit): a caption's end
	bgBylineBefore                           // the unit before is a byline's paragraph (本报记者 X): mostly under a story's headline, the story going on after it
	numBoxGapFeatures
)

var boxGapFeatureNames = [numBoxGapFeatures - numGapFeatures]string{
	"break", "breakParaPara", "breakParaHead", "breakHeadPara", "breakHeadHead", "breakOpenEnd",
	"echoPrevRun", "bestForPrevRun", "rowBoxes", "boxesSame", "boxesApart", "overByline",
	"breakCredit", "bylineBefore",
}

// The -raw stage's gap and unit features the box stage hears, named one
// by one: the stage's weights are fitted on these alone, and a feature the
// -raw stage gains is tried on boxes before it is heard. Left out: the
// cohesion features, which the box stage's row facts do not work out (a
// third of a parse), the -raw text's own title odds, and the unit features
// from ufSection on, which the box stage has of its own (buSection) or
// which moved nothing over five folds of the training pages (gen-miner
// articles_f1 0.691 → 0.687, body_cer 0.249 → 0.252: TestBoxFolds).
var (
	boxHearsGap = []int{
		gfBias, gfParaPara, gfParaHead, gfHeadPara, gfHeadHead, gfWidthJump, gfLeads, gfFrom, gfTo,
		gfCredit, gfOpenEnd, gfBylineAfter, gfParting, gfEchoOwn, gfEchoOther, gfEchoGain, gfRunEnd,
		gfRunTop, gfWraps, gfDashAfter, gfTagBefore, gfOddsBefore, gfOddsAfter, gfNoPara, gfLeanOwn,
		gfEdgeOwn, gfRuleStart, gfEchoNextRun, gfBestForRun, gfFullBefore, gfShift, gfSideBySide,
		gfSignoffBefore, gfWrapsOn,
	}
	boxHearsUnit = []int{
		ufBias, ufOdds, ufRunOne, ufRunTwo, ufRunMore, ufSameWidth, ufPrevOpen, ufRunTop, ufRunEnd,
		ufFewChars, ufTag, ufDash, ufBracketed, ufEchoBest, ufNextLeads, ufPrevCredit, ufNextFrom,
		ufPrevTo, ufRuleHead, ufRuleDoubt, ufStretchLeads, ufStretchHeaded, ufStretchLong, ufRuleTitle,
		ufSource, ufLabel, ufBracketTail, ufContact, ufLeads, ufPictureStory, ufCaptionAfter,
	}
)

// The box unit features, after the -raw stage's unit features.
const (
	buOwnBox      = numUnitFeatures + iota // the line stands in a box of headline-like lines only
	buBreakBefore                          // a blank line stands right before it
	buBreakAfter                           // … right after it
	buRunBoxes                             // its run of headline-like lines stands in two or more boxes
	buSection                              // it opens like a numbered section: 一、 （三）
	buOverByline                           // its box holds it and a byline under it (overByline)
	buInner                                // per story: its headline stands inside its body, paragraphs of it before and after (innerHead); a plan's feature, no unit's
	buDefer                                // per story: its headline is a row's deferred one, its body after other stories (cut.far); a plan's feature
	buDeferEcho                            // … how much the opening of its first paragraph echoes that headline
	numBoxUnitFeatures
)

var boxUnitFeatureNames = [numBoxUnitFeatures - numUnitFeatures]string{
	"ownBox", "breakBefore", "breakAfter", "runBoxes", "section", "overByline", "inner", "defer", "deferEcho",
}

// The row pair features: what a piece of a row's body says about its
// taking the row's next headline. The gap before it is weighed apart from
// the gaps where a story may or may not start: in a row, how many stories
// start is known, only where is asked.
const (
	bpBias             = iota
	bpEcho             // how much the opening of the piece's first paragraph echoes the headline it takes
	bpEchoGain         // … more than it echoes the headline before that one
	bpBestEcho         // it is the paragraph of the row's body that echoes that headline most
	bpParaEcho         // per paragraph of the piece: how much its opening echoes the piece's headline
	bpParaEchoGain     // … more than it echoes the row's other headline it echoes most
	bpGap              // then the box gap features of the gap before the piece
	numBoxPairFeatures = bpGap + numBoxGapFeatures
)

var boxPairFeatureNames = [bpGap]string{"bias", "echo", "echoGain", "bestEcho", "paraEcho", "paraEchoGain"}

type (
	boxGapVec  [numBoxGapFeatures]float64
	boxUnitVec [numBoxUnitFeatures]float64
	boxPairVec [numBoxPairFeatures]float64
)

// boxFacts are what the blank lines say of the units: where a new box
// starts, and which headline-like lines stand in boxes of their own.
type boxFacts struct {
	brk    []bool    // a blank line between unit k-1 and unit k
	own    []bool    // unit k is headline-like and its box holds no paragraph
	boxes  []int     // per unit in a run of headline-like units: the boxes the run stands in
	prevRn []int     // per paragraph unit: the start of the run of headline boxes before its stretch, or -1
	bestAf []int     // per run start: the paragraph after the run that echoes it most, or -1
	wFirst []float64 // the width of the box unit k starts in, in ems (0 for a box of one line)
	wLast  []float64 // … of the box it ends in
	overBy []bool    // unit k is headline-like and shares its box only with a byline under it
}

// lastPiece is the last piece of unit u.
func lastPiece(u *unit, paras []para) int {
	if u.head {
		if n := len(u.lines); n > 0 {
			return u.lines[n-1].piece
		}
		return u.piece
	}
	return paras[u.para].last
}

func newBoxFacts(ps []piece, paras []para, us []unit, rf *rowFacts) *boxFacts {
	n := len(us)
	bf := &boxFacts{brk: make([]bool, n), own: make([]bool, n), boxes: make([]int, n), prevRn: make([]int, n), bestAf: make([]int, n),
		wFirst: make([]float64, n), wLast: make([]float64, n), overBy: make([]bool, n)}
	widths := boxWidths(ps)
	for k := range us {
		bf.wFirst[k], bf.wLast[k] = widths[us[k].piece], widths[lastPiece(&us[k], paras)]
		bf.overBy[k] = us[k].head && overByline(ps, us[k].piece)
	}
	for k := 1; k < n; k++ {
		bf.brk[k] = blankBetween(ps, lastPiece(&us[k-1], paras), min(us[k].piece, len(ps)))
	}
	// A box of headline-like lines only: from a break (or the page's top)
	// to a break (or its end), with no paragraph between.
	for k := 0; k < n; {
		j := k + 1
		for j < n && !bf.brk[j] {
			j++
		}
		own := true
		for m := k; m < j; m++ {
			own = own && us[m].head
		}
		for m := k; m < j; m++ {
			bf.own[m] = own
		}
		k = j
	}
	run := -1
	for k := 0; k < n; k++ {
		bf.prevRn[k], bf.bestAf[k] = -1, -1
		if us[k].head {
			rs, re := rf.runStart[k], rf.runEnd[k]
			boxes := 1
			for m := rs + 1; m < re; m++ {
				if bf.brk[m] {
					boxes++
				}
			}
			bf.boxes[k] = boxes
			if k == rs {
				run = rs
				if re < n {
					_, bf.bestAf[rs] = echoOfSet(rf.runSet(us, rs, re), us, stretchAfterN(us, re, 6))
				}
			}
			continue
		}
		bf.prevRn[k] = run
	}
	return bf
}

// boxWidths is, for every piece, the width of the box it stands in: its
// widest body line, when the box holds two lines or more.
func boxWidths(ps []piece) []float64 {
	out := make([]float64, len(ps))
	for i := 0; i < len(ps); {
		j := i
		w, lines := 0.0, 0
		for ; j < len(ps) && ps[j].role != roleBlank; j++ {
			if isTextPiece(&ps[j]) {
				lines++
				if ps[j].role == roleBody {
					w = max(w, ps[j].em)
				}
			}
		}
		if lines >= 2 {
			for k := i; k < j; k++ {
				out[k] = w
			}
		}
		i = j + 1
	}
	return out
}

// stretchAfterN is the first n paragraphs from unit k on, before the next
// headline-like unit.
func stretchAfterN(us []unit, k, n int) []int {
	var out []int
	for ; k < len(us) && !us[k].head && len(out) < n; k++ {
		out = append(out, k)
	}
	return out
}

// boxGapFeatures are the features of the gap before unit k (0 < k < len(us)).
func boxGapFeatures(us []unit, rf *rowFacts, bf *boxFacts, k int) boxGapVec {
	var f boxGapVec
	g := gapFeatures(us, rf, k)
	for _, n := range boxHearsGap {
		f[n] = g[n]
	}
	u, v := &us[k-1], &us[k]
	if bf.brk[k] {
		f[bgBreak] = 1
		switch {
		case !u.head && !v.head:
			f[bgBreakParaPara] = 1
		case !u.head:
			f[bgBreakParaHead] = 1
		case !v.head:
			f[bgBreakHeadPara] = 1
		default:
			f[bgBreakHeadHead] = 1
		}
		f[bgBreakOpenEnd] = b2f(!u.head && u.open)
		f[bgBreakCredit] = b2f(u.credit)
	}
	// The boxes of the paragraphs nearest on either side.
	if p, q := rf.prevPara[k], rf.nextPara[k]; p >= 0 && q < len(us) {
		if a, b := bf.wLast[p], bf.wFirst[q]; a > 0 && b > 0 {
			f[bgBoxesSame] = b2f(math.Abs(a-b) <= 0.5)
			f[bgBoxesApart] = b2f(math.Abs(a-b) > 1.5)
		}
	}
	if !v.head {
		if r := bf.prevRn[k]; r >= 0 {
			f[bgEchoPrevRun] = v.grams.echo(rf.runSet(us, r, rf.runEnd[r]))
			f[bgBestForPrevRun] = b2f(bf.bestAf[r] == k)
		}
	}
	if u.head {
		f[bgRowBoxes] = b2f(bf.boxes[k-1] >= 2)
	}
	f[bgOverByline] = b2f(bf.overBy[k])
	f[bgBylineBefore] = b2f(!u.head && u.byline)
	return f
}

// boxUnitFeatures are the features of headline-like unit k.
func boxUnitFeatures(us []unit, rf *rowFacts, bf *boxFacts, k int) boxUnitVec {
	var f boxUnitVec
	g := unitFeatures(us, rf, k)
	for _, n := range boxHearsUnit {
		f[n] = g[n]
	}

	f[buOwnBox] = b2f(bf.own[k])
	f[buBreakBefore] = b2f(bf.brk[k])
	f[buBreakAfter] = b2f(k+1 < len(us) && bf.brk[k+1])
	f[buRunBoxes] = b2f(bf.boxes[k] >= 2)
	f[buSection] = b2f(sectionHead.MatchString(us[k].text))
	f[buOverByline] = b2f(bf.overBy[k])
	return f
}

// newBoxScorer works out the features of every gap and headline-like
// unit and scores them by the weights: the log-odds that a story starts
// before each unit, and that each headline-like unit is a story's headline.
func newBoxScorer(us []unit, bf *boxFacts, rf *rowFacts, gw *boxGapVec, uw *boxUnitVec, pw *boxPairVec) *learnedBoxScorer {
	s := &learnedBoxScorer{us: us, gaps: make([]float64, len(us)), heads: make([]float64, len(us)), gapFeats: make([]boxGapVec, len(us)), pw: pw, rf: rf, inner: uw[buInner], deferW: uw[buDefer], deferEchoW: uw[buDeferEcho]}
	for k := range us {
		if k > 0 {
			s.gapFeats[k] = boxGapFeatures(us, rf, bf, k)
			for n, v := range s.gapFeats[k] {
				s.gaps[k] += gw[n] * v
			}
		}
		if us[k].head {
			f := boxUnitFeatures(us, rf, bf, k)
			for n := range f {
				s.heads[k] += uw[n] * f[n]
			}
		}
	}
	return s
}

// A boxScorer scores the stories of a plan: a story of one run of units
// (as cutScore does), and the parts of a row.
type boxScorer interface {
	story(c cut) float64
	// rowHeads scores the headline run cut into parts, the first of which
	// starts the row.
	rowHeads(parts [][2]int) float64
	// rowStart scores piece t ≥ 1 of the row's body starting at unit c.
	rowStart(parts [][2]int, t, c int) float64
	// rowUnits scores every unit of [a, end) standing in each piece of
	// the row's body: out[t][k-a].
	rowUnits(parts [][2]int, a, end int) [][]float64
	// claim scores story c, which opens with a paragraph, taking a row's
	// deferred headline [c.hi, c.hj) (cut.far).
	claim(c cut) float64
}

// learnedBoxScorer scores by the learned log-odds.
type learnedBoxScorer struct {
	us          []unit
	gaps, heads []float64
	gapFeats    []boxGapVec // the features of the gap before each unit
	pw          *boxPairVec
	rf          *rowFacts      // the row's facts, whose runSet holds each headline part's word pairs
	best        map[[3]int]int // the paragraph after a row's run that echoes each part most
	inner       float64        // the weight of a headline inside its story's body (buInner)
	deferW      float64        // the weights of a deferred headline's claim (buDefer, buDeferEcho)
	deferEchoW  float64
	claims      map[[3]int]float64 // deferEcho of each claim asked, by its first unit and headline
}

// story is the score of a story of one run of units: that it starts where
// it starts, and that its headline lines are a headline's.
func (s *learnedBoxScorer) story(c cut) float64 {
	v := 0.0
	if c.i > 0 {
		v += s.gaps[c.i]
	}
	for k := c.hi; k < c.hj; k++ {
		v += s.heads[k]
	}
	if innerHead(s.us, c) {
		v += s.inner
	}
	return v
}

func (s *learnedBoxScorer) claim(c cut) float64 {
	if s.deferW == 0 && s.deferEchoW == 0 {
		return s.gaps[c.i]
	}
	key := [3]int{c.i, c.hi, c.hj}
	e, ok := s.claims[key]
	if !ok {
		if s.claims == nil {
			s.claims = map[[3]int]float64{}
		}
		e = deferEcho(s.us, s.rf, c)
		s.claims[key] = e
	}
	return s.gaps[c.i] + s.deferW + s.deferEchoW*e
}

// deferEcho is how much the opening of story c's first paragraph echoes
// its deferred headline (buDeferEcho).
func deferEcho(us []unit, rf *rowFacts, c cut) float64 {
	return us[c.i].grams.echo(rf.runSet(us, c.hi, c.hj))
}

func (s *learnedBoxScorer) rowHeads(parts [][2]int) float64 {
	v := 0.0
	for t, p := range parts {
		if t > 0 || p[0] > 0 {
			v += s.gaps[p[0]]
		}
		for k := p[0]; k < p[1]; k++ {
			v += s.heads[k]
		}
	}
	return v
}

func (s *learnedBoxScorer) rowStart(parts [][2]int, t, c int) float64 {
	f := s.pairFeatures(parts, t, c)
	v := 0.0
	for n := range f {
		v += s.pw[n] * f[n]
	}
	return v
}

// pairFeatures are the row pair features of piece t ≥ 1 starting at unit c.
func (s *learnedBoxScorer) pairFeatures(parts [][2]int, t, c int) boxPairVec {
	var f boxPairVec
	own, prev := s.us[c].grams.echo(s.partGrams(parts[t])), s.us[c].grams.echo(s.partGrams(parts[t-1]))
	f[bpBias], f[bpEcho], f[bpEchoGain] = 1, own, own-prev
	f[bpBestEcho] = b2f(s.bestEcho(parts[t], parts[len(parts)-1][1]) == c)
	copy(f[bpGap:], s.gapFeats[c][:])
	return f
}

// rowEchoReach is how many paragraphs of a row's body are asked which
// echoes a headline most.
const rowEchoReach = 60

// bestEcho is the paragraph of the body starting at unit a that echoes
// headline part p most, or -1.
func (s *learnedBoxScorer) bestEcho(p [2]int, a int) int {
	key := [3]int{p[0], p[1], a}
	if k, ok := s.best[key]; ok {
		return k
	}
	if s.best == nil {
		s.best = map[[3]int]int{}
	}
	g := s.partGrams(p)
	best, at := 0.0, -1
	for k, n := a, 0; k < len(s.us) && n < rowEchoReach; k++ {
		if s.us[k].head {
			continue
		}
		n++
		if e := s.us[k].grams.echo(g); e > best {
			best, at = e, k
		}
	}
	s.best[key] = at
	return at
}

// partGrams are the word pairs of headline part p, by their numbers in
// the units' dict: the row's runSet, made once for the gaps' features and
// the plan's parts alike.
func (s *learnedBoxScorer) partGrams(p [2]int) headSet {
	return s.rf.runSet(s.us, p[0], p[1])
}
func (s *learnedBoxScorer) rowUnits(parts [][2]int, a, end int) [][]float64 {
	out := make([][]float64, len(parts))
	room := make([]float64, len(parts)*(end-a)) // the parts' rows, in one allocation
	for t := range parts {
		out[t] = room[t*(end-a) : (t+1)*(end-a) : (t+1)*(end-a)]
	}
	if s.pw[bpParaEcho] == 0 && s.pw[bpParaEchoGain] == 0 {
		return out
	}
	es := make([]float64, len(parts))
	for k := a; k < end; k++ {
		if s.us[k].head {
			continue
		}
		s.paraEchoes(parts, k, es)
		for t := range parts {
			own, gain := paraFeatures(es, t)
			out[t][k-a] = s.pw[bpParaEcho]*own + s.pw[bpParaEchoGain]*gain
		}
	}
	return out
}

// paraEchoes sets es[t] to how much the opening of paragraph unit k
// echoes part t of a row's headline run.
func (s *learnedBoxScorer) paraEchoes(parts [][2]int, k int, es []float64) {
	for t, p := range parts {
		es[t] = s.us[k].grams.echo(s.partGrams(p))
	}
}

// paraFeatures are the row paragraph features (bpParaEcho,
// bpParaEchoGain) of a paragraph standing in piece t of a row, given its
// echoes of the row's headlines (paraEchoes).
func paraFeatures(es []float64, t int) (own, gain float64) {
	return es[t], es[t] - secondBest(es, t)
}

// The bounds of a row: the most headlines it holds, the most boxes its
// headline run may stand in to be cut, and the most units its body runs
// over (the longest row of the training pages holds three stories).
const (
	rowMostStories = 4
	rowMostBoxes   = 6
)

// planBoxStories cuts the units of a page with blank lines into stories of
// the highest total score. A row may leave one headline, its first or its
// last, without a body after the run (a deferred headline): pdfminer lists
// the body of such a story after one or more whole stories further down,
// and an untitled stretch there, opening with a paragraph, takes it (a
// claim, cut.far). A page defers one headline at most, and a plan that
// defers one claims it: the plan runs in three layers, none deferred yet,
// one deferred part waiting for its body, and claimed. The waiting layer
// keeps at each unit its best plan and the part that plan deferred, not
// the best plan for every part: one layer per part ran the box folds more
// than three times as long.
// A claim follows at least one story after the row: a body right after it
// is the row's own piece.
func planBoxStories(us []unit, bf *boxFacts, sc boxScorer) (plan []cut, starts []bool) {
	n := len(us)
	// A layer of the plan: per end j the best score of a plan of units
	// [0, j) in this layer, its last step's stories, where that step starts
	// and in which layer, and the gaps a row counts as starts.
	type layer struct {
		best  []float64
		ok    []bool
		back  [][]cut
		from  []int
		fromL []int
		rowAt [][]bool
		part  [][2]int // per end: the part the waiting layer's plan deferred
		cands []rowCand
		one   []cut // the story of a last step of one story, by its end: room for back
	}
	// The three layers' arrays are cut from one allocation of each kind.
	const none, claimed, waiting = 0, 1, 2
	var (
		e     = n + 1
		best  = make([]float64, 3*e)
		ok    = make([]bool, 3*e)
		back  = make([][]cut, 3*e)
		from  = make([]int, 6*e)
		rowAt = make([][]bool, 3*e)
		part  = make([][2]int, 3*e)
		cands = make([]rowCand, 3*e)
		one   = make([]cut, 3*e)
		room  [3]layer
	)
	layers := []*layer{&room[0], &room[1], &room[2]}
	for L, l := range layers {
		a, b := L*e, (L+1)*e
		*l = layer{best: best[a:b:b], ok: ok[a:b:b], back: back[a:b:b], from: from[a:b:b], fromL: from[3*e+a : 3*e+b : 3*e+b],
			rowAt: rowAt[a:b:b], part: part[a:b:b], cands: cands[a:b:b], one: one[a:b:b]}
	}
	layers[none].ok[0] = true
	mk := newMarkerBounds(us)
	hr := newHeadRuns(us)
	set := func(L, j int, s float64, cuts []cut, i, fl int, st []bool, part [2]int) {
		l := layers[L]
		if !l.ok[j] || s > l.best[j] {
			l.best[j], l.back[j], l.from[j], l.fromL[j], l.rowAt[j], l.ok[j], l.part[j] = s, cuts, i, fl, st, true, part
		}
	}
	reaching := make([]int, 0, len(layers)) // the layers that reach the start of the stories weighed
	for j := 1; j <= n; j++ {
		if a := j - 1; a > 0 && !us[a].head && us[a-1].head {
			// Unit a opens the body after a run of headline-like units.
			r := a - 1
			for r > 0 && us[r-1].head {
				r--
			}
			for L, l := range layers {
				for i := r; i < a; i++ {
					if (i > r && !bf.brk[i]) || !l.ok[i] {
						continue
					}
					forRows(us, bf, i, a, mk.rowEnd(a), sc, L == none, func(score float64, end int, cuts []cut, st []bool, deferred [2]int) {
						s := l.best[i] + score
						to, part := L, l.part[i]
						if deferred[1] > deferred[0] {
							to, part = waiting, deferred
						}
						if c := &layers[to].cands[end]; !c.set || s > c.score {
							// The row's cuts and starts are forRows' room: kept, they are copied.
							*c = rowCand{score: s, i: i, from: L, cuts: slices.Clone(cuts), starts: slices.Clone(st), part: part, set: true}
						}
					})
				}
			}
		}
		// weigh weighs story c as the last step to its end in every layer
		// that reaches its start (one that runs over no marker: the loop
		// asks mk.breaks of its units once). A story scores the same in
		// each layer: it is scored once.
		weigh := func(c cut) {
			v := sc.story(c)
			for _, L := range reaching {
				if l, e := layers[L], c.j; !l.ok[e] || l.best[c.i]+v > l.best[e] {
					l.one[e] = c
					set(L, e, l.best[c.i]+v, l.one[e:e+1:e+1], c.i, L, nil, l.part[c.i])
				}
			}
		}
		for i := j - 1; i >= max(0, j-longestStory); i-- {
			reaching = reaching[:0]
			for L, l := range layers {
				if l.ok[i] {
					reaching = append(reaching, L)
				}
			}
			if len(reaching) > 0 && !mk.breaks(i, j) {
				boxCutsOf(us, mk, hr, i, j, weigh) // its cuts are all of units [i, j)
			}
		}
		// The waiting layer's plans claim their deferred part, after the
		// claimed layer's own stories.
		for i, w := j-1, layers[waiting]; i >= max(0, j-longestStory); i-- {
			if w.ok[i] && w.fromL[i] == waiting && !us[i].head && !mk.breaks(i, j) {
				c := cut{i: i, j: j, hi: w.part[i][0], hj: w.part[i][1], far: true}
				set(claimed, j, w.best[i]+sc.claim(c), []cut{c}, i, waiting, nil, [2]int{})
			}
		}
		for L, l := range layers {
			if c := l.cands[j]; c.set {
				set(L, j, c.score, c.cuts, c.i, c.from, c.starts, c.part)
			}
		}
		if l := layers[none]; !l.ok[j] {
			set(none, j, l.best[j-1]-100, []cut{{i: j - 1, j: j, hi: j - 1, hj: j}}, j-1, none, nil, [2]int{})
		}
	}
	L := none
	if c := layers[claimed]; c.ok[n] && c.best[n] > layers[none].best[n] {
		L = claimed
	}
	starts = make([]bool, n)
	var steps [][]cut
	for j := n; j > 0; {
		l := layers[L]
		steps = append(steps, l.back[j])
		if l.rowAt[j] != nil {
			for k, s := range l.rowAt[j] {
				starts[k] = starts[k] || s
			}
		} else if c := l.back[j][0]; c.i > 0 {
			starts[c.i] = true
		}
		j, L = l.from[j], l.fromL[j]
	}
	for k := len(steps) - 1; k >= 0; k-- {
		plan = append(plan, steps[k]...)
	}
	return plan, starts
}

// A rowCand is the best row found so far to end at a unit: its score with
// the plan before it, where it starts and from which layer, its stories
// and the gaps it counts as starts.
type rowCand struct {
	score  float64
	i      int
	from   int
	cuts   []cut
	starts []bool
	part   [2]int // the part a waiting plan deferred
	set    bool
}

// markerBounds hold where the continuation markers bound stories: a
// paragraph that carries a continued-from marker (上接第N版) opens a story,
// and one that carries a continued-to marker (下转第N版) ends the body of
// one — that is what the markers say.
type markerBounds struct {
	nextFrom, nextTo []int // the first paragraph at or after unit k carrying the marker, or len(us)
	lastPara         []int // the last paragraph before unit k, or -1
	// firstPara is the first paragraph at or after unit k, or len(us)
	// (firstParas): where the body of a story from unit k starts, found
	// once, not for each of the stories from k the plan weighs.
	firstPara []int
}

func newMarkerBounds(us []unit) *markerBounds {
	n := len(us)
	m := &markerBounds{nextFrom: make([]int, n+1), nextTo: make([]int, n+1), lastPara: lastParas(us), firstPara: firstParas(us)}
	m.nextFrom[n], m.nextTo[n] = n, n
	for k := n - 1; k >= 0; k-- {
		m.nextFrom[k], m.nextTo[k] = m.nextFrom[k+1], m.nextTo[k+1]
		if !us[k].head && us[k].from {
			m.nextFrom[k] = k
		}
		if !us[k].head && us[k].to {
			m.nextTo[k] = k
		}
	}
	return m
}

// breaks reports whether a story of units [i, j) would run over a marker:
// a continued-from marker after its first paragraph, or a paragraph after
// a continued-to marker.
func (m *markerBounds) breaks(i, j int) bool {
	a := m.firstPara[i]
	if a >= j {
		return false
	}
	return m.nextFrom[a+1] < j || m.nextTo[a] < m.lastPara[j]
}

// rowEnd is the furthest a row whose body starts at unit a may run: to the
// next continued-from marker.
func (m *markerBounds) rowEnd(a int) int { return m.nextFrom[a+1] }

// boxCutsOf lists the cuts a story of units [i, j) may have: those of
// cutsOf, a headline after the body with a byline printed under it, and
// a headline inside the body (innerCutsOf).
func boxCutsOf(us []unit, mk *markerBounds, hr *headRuns, i, j int, visit func(c cut)) {
	if a := mk.firstPara[i]; a < j {
		cutsWithin(i, j, a, mk.lastPara[j]+1, visit) // cutsOf(us, i, j, visit)
	}
	innerCutsOf(us, hr, i, j, visit)
	if j-i < 3 || us[i].head || us[j-1].head || !us[j-1].byline || !us[j-2].head {
		return
	}
	b := j - 2
	for b > i && us[b-1].head {
		b--
	}
	for h := b; h < j-1; h++ {
		visit(cut{i: i, j: j, hi: h, hj: j - 1})
	}
}

// innerReach is the most units of a story's body a headline inside it
// may stand after (innerHead). Of the 17 stories of gen-miner g001–g200
// whose headline pdfminer prints after their first paragraph, 11 have
// fewer than 12 boxes of their text before it, and 6 have 12 to 29. A
// reach of 30 rather than 12 moved the box folds (3-seed mean) gen-miner
// 0.752/0.732/0.179 -> 0.753/0.733/0.178, gen-issue-miner
// 0.692/0.746/0.184 -> 0.694/0.751/0.183.
const innerReach = 30

// headRuns hold, for every unit k, the first headline-like unit at or
// after it (next) and, for a headline-like unit, the end of its run of
// headline-like units (end): what innerCutsOf asks of every story, worked
// out once for the page.
type headRuns struct {
	next, end []int
}

func newHeadRuns(us []unit) *headRuns {
	n := len(us)
	hr := &headRuns{next: make([]int, n+1), end: make([]int, n+1)}
	hr.next[n], hr.end[n] = n, n
	for k := n - 1; k >= 0; k-- {
		hr.next[k], hr.end[k] = hr.next[k+1], k
		if us[k].head {
			hr.next[k], hr.end[k] = k, hr.end[k+1]
		}
	}
	return hr
}

// innerCutsOf lists the cut of a story of units [i, j) whose headline is
// the first run of headline-like units inside its body: paragraphs before
// it, at most innerReach units of them, and one after it. pdfminer prints
// a headline set into its story's columns where its box falls, after the
// paragraphs of the column before it.
func innerCutsOf(us []unit, hr *headRuns, i, j int, visit func(c cut)) {
	if us[i].head {
		return
	}
	h := hr.next[i+1]
	if h >= j || h > i+innerReach {
		return
	}
	if e := hr.end[h]; e < j && !(e == j-1 && us[e].byline) {
		visit(cut{i: i, j: j, hi: h, hj: e})
	}
}

// innerHead reports whether story c's headline stands inside its body
// (innerCutsOf).
func innerHead(us []unit, c cut) bool {
	return c.hj > c.hi && c.hi > c.i && c.hj < c.j && !us[c.i].head && !(c.hj == c.j-1 && us[c.j-1].byline)
}

// forRows visits every row whose headline run is units [i, a) and whose
// body starts at unit a: the run cut at box breaks into 2 to
// rowMostStories headlines, the body cut into as many stories, each
// opening with a paragraph. The run's last box may hold the body's first
// paragraph under headline-like lines, a label (核心阅读) or a subhead
// set over it: then the body opens with that box. It reports each row's
// score, end, stories and the gaps it counts as starts; the stories and
// the starts are room of forRows, which the next row visited writes over.
func forRows(us []unit, bf *boxFacts, i, a, rowEnd int, sc boxScorer, deferOK bool, visit func(score float64, end int, cuts []cut, starts []bool, deferred [2]int)) {
	var boxes []int // the first unit of each box of the run
	for k := i; k < a; k++ {
		if k == i || bf.brk[k] {
			boxes = append(boxes, k)
		}
	}
	if len(boxes) > 2 && !bf.brk[a] {
		a, boxes = boxes[len(boxes)-1], boxes[:len(boxes)-1]
	}
	nb := len(boxes)
	if nb < 2 || nb > rowMostBoxes || !bf.brk[a] {
		return
	}
	end := min(len(us), a+longestStory, rowEnd)
	st0 := make([]bool, 2*len(us)) // the starts of the row's headlines, and room for a row's starts
	st0, st := st0[:len(us):len(us)], st0[len(us):]
	cuts := make([]cut, 0, rowMostStories)
	for mask := 1; mask < 1<<(nb-1); mask++ {
		m := 1
		for b := mask; b > 0; b >>= 1 {
			m += b & 1
		}
		if m > rowMostStories {
			continue
		}
		var parts [][2]int
		start := i
		for b := 1; b < nb; b++ {
			if mask&(1<<(b-1)) != 0 {
				parts = append(parts, [2]int{start, boxes[b]})
				start = boxes[b]
			}
		}
		parts = append(parts, [2]int{start, a})
		heads := sc.rowHeads(parts)
		clear(st0)
		for t := range m {
			if t > 0 || parts[0][0] > 0 {
				st0[parts[t][0]] = true
			}
		}
		bodies := func(taking [][2]int, deferred [2]int) {
			rowBodies(us, taking, a, end, sc, func(score float64, j int, pieces []int) {
				cuts := cuts[:len(taking)]
				copy(st, st0)
				for t := range taking {
					e := j
					if t+1 < len(taking) {
						e = pieces[t+1]
					}
					cuts[t] = cut{i: pieces[t], j: e, hi: taking[t][0], hj: taking[t][1]}
					if t > 0 {
						st[pieces[t]] = true
					}
				}
				visit(heads+score, j, cuts, st, deferred)
			})
		}
		bodies(parts, [2]int{})
		if deferOK {
			bodies(parts[1:], parts[0])
			bodies(parts[:m-1], parts[m-1])
		}
	}
}

// rowBodies cuts units [a, j) into the bodies of the row's m stories for
// every end j up to end, at the best pieces' starts, and reports them;
// the pieces are room of rowBodies, which it writes over for the next end.
func rowBodies(us []unit, parts [][2]int, a, end int, sc boxScorer, visit func(score float64, j int, pieces []int)) {
	m := len(parts)
	L := end - a
	// f[t][x]: the best score of units [a, a+x) cut into t+1 pieces, the
	// last one running to a+x; at[t][x] where that last piece starts.
	units := sc.rowUnits(parts, a, end)
	f := make([][]float64, m)
	at := make([][]int, m)
	// f's rows and pre, and at's rows, cut from one allocation each.
	reals, ints := make([]float64, (m+1)*(L+1)), make([]int, m*(L+1))
	pre := reals[m*(L+1):] // prefix sums of the units' scores in piece t
	for t := range m {
		f[t] = reals[t*(L+1) : (t+1)*(L+1) : (t+1)*(L+1)]
		at[t] = ints[t*(L+1) : (t+1)*(L+1) : (t+1)*(L+1)]
		for x := 1; x <= L; x++ {
			pre[x] = pre[x-1] + units[t][x-1]
		}
		bestG, bestAt := 0.0, -1
		for x := 1; x <= L; x++ {
			if t == 0 {
				f[t][x], at[t][x] = pre[x], 0
				continue
			}
			// A piece may start at x-1 when unit a+x-1 is a paragraph and
			// the pieces before end there, and the paragraph is no
			// picture's credit: a credit closes its caption (of the 87 row
			// pieces after a row's first in the plans nearest gold of the
			// training pages with blank lines, none opens with one of
			// their 96 credits; a learned gap feature for it, -0.87 in
			// the pair weights, left both pages that open one unmended).
			y := x - 1
			if y >= t && !us[a+y].head && !us[a+y].credit && at[t-1][y] >= 0 {
				g := f[t-1][y] + sc.rowStart(parts, t, a+y) - pre[y]
				if bestAt < 0 || g > bestG {
					bestG, bestAt = g, y
				}
			}
			if bestAt < 0 {
				f[t][x], at[t][x] = 0, -1
				continue
			}
			f[t][x], at[t][x] = bestG+pre[x], bestAt
		}
		if t == 0 {
			continue
		}
		for x := 0; x <= L; x++ {
			if x <= t {
				at[t][x] = -1
			}
		}
	}
	pieces := make([]int, m) // visit's, written again for the next end
	for x := m; x <= L; x++ {
		if at[m-1][x] < 0 {
			continue
		}
		y := x
		for t := m - 1; t >= 0; t-- {
			pieces[t] = a + at[t][y]
			y = at[t][y]
		}
		visit(f[m-1][x], a+x, pieces)
	}
}

// boxUnits lays out the units of a page with blank lines: those of the
// -raw stage, and as headline-like lines too
//   - the paragraphs of one line that stand in a box of their own, close
//     no sentence and follow no paragraph left open: a headline the line
//     model took for body text is such a line, and a subhead is one as
//     well; the unit model tells them apart;
//   - a short line in a box of its own in the middle of a paragraph,
//     which reflow floats out of it (floatsIn): a headline's box read out
//     of order, after the paragraph it interrupts;
//   - the lines of a box between a paragraph left open and the next
//     paragraph's opening (floatsBetween, by the learned paragraph starts):
//     the next story's headline, printed after the text of the story
//     before it.
func boxUnits(ps []piece, paras []para, us []unit, odds, starts []float64) []unit {
	out := make([]unit, 0, len(us))
	type float struct {
		u       unit
		at      int // the unit of the paragraph it interrupts, or ends
		piece   int
		between bool // floatsBetween
	}
	var floats []float
	// Reflow keeps a floating line that no paragraph near it echoes as a
	// paragraph of its own; here it floats, and that paragraph goes.
	var fl []int
	floating := make(map[int]bool) // the floating lines, true where floatsBetween
	for i := range ps {
		if ps[i].role != roleBody {
			continue
		}
		if between := floatsBetween(ps, i, starts); between || floatsIn(ps, i) {
			fl = append(fl, i)
			floating[i] = between
		}
	}
	floatPara := func(u *unit) bool {
		p := &paras[u.para]
		_, ok := floating[p.first]
		return p.first == p.last && ok
	}
	// next[k]: the first piece of the first paragraph from unit k on that
	// is no floating line's.
	next := make([]int, len(us)+1)
	next[len(us)] = len(ps)
	for k := len(us) - 1; k >= 0; k-- {
		next[k] = next[k+1]
		if !us[k].head && !floatPara(&us[k]) {
			next[k] = paras[us[k].para].first
		}
	}
	for k := range us {
		u := us[k]
		if u.head {
			out = append(out, u)
			continue
		}
		p := &paras[u.para]
		if floatPara(&u) {
			continue
		}
		if promotable(ps, p, &u) && (k == 0 || us[k-1].head || !us[k-1].open || overByline(ps, p.first)) {
			u = headUnit(ps, p.first, u.text, odds)
		}
		out = append(out, u)
		for len(fl) > 0 && fl[0] < next[k+1] {
			i := fl[0]
			floats = append(floats, float{headUnit(ps, i, cleanSpaces(ps[i].raw, ps[i].spaced, true), odds), len(out) - 1, i, floating[i]})
			fl = fl[1:]
		}
	}
	if len(floats) == 0 {
		return out
	}
	// A floating headline goes before the paragraph near it that echoes it
	// most, as reflow places it (placeFloating), else, in the middle of a
	// paragraph, before a caption (captionFor), else after the paragraph
	// it interrupts or ends; the lines of one box go together, placed by
	// their words together.
	before := make(map[int][]unit)
	for n := 0; n < len(floats); {
		f := floats[n]
		box := []unit{f.u}
		grams := f.u.headGrams
		if n+1 < len(floats) && floats[n+1].piece == f.piece+1 {
			box = append(box, floats[n+1].u)
			grams = bigramsOf(f.u.text + floats[n+1].u.text)
		}
		n += len(box)
		best, at := 0.0, f.at+1
		seen := 0
		for k := f.at; k >= 0 && seen <= 6; k-- {
			if !out[k].head {
				if e := echo(grams, bigramsOf(clip(out[k].text, 60, false))); e > best && e >= floatEcho {
					best, at = e, k
				}
				seen++
			}
		}
		seen = 0
		for k := f.at + 1; k < len(out) && seen < 2; k++ {
			if !out[k].head {
				if e := echo(grams, bigramsOf(clip(out[k].text, 60, false))); e > best && e >= floatEcho {
					best, at = e, k
				}
				seen++
			}
		}
		if best == 0 && !f.between {
			if k := captionFor(out, &f.u, f.at); k >= 0 {
				at = k
			}
		}
		before[at] = append(before[at], box...)
	}
	placed := make([]unit, 0, len(out)+len(floats))
	for k := range out {
		placed = append(placed, before[k]...)
		placed = append(placed, out[k])
	}
	return append(placed, before[len(out)]...)
}

// captionFor is the caption paragraph of the page, closed by a credit
// line (… 摄), that a floating headline u no paragraph near it echoes
// heads: the one whose opening echoes it most, by floatEcho at least, else
// the one nearest unit at, the paragraph it interrupts; -1 if the page has
// none. A picture story's title is such a line, printed by pdfminer in
// another story's text.
func captionFor(us []unit, u *unit, at int) int {
	best, echoed, near := 0.0, -1, -1
	for k := 1; k < len(us); k++ {
		if !us[k].credit || us[k-1].head || us[k-1].credit {
			continue
		}
		if e := echo(u.headGrams, bigramsOf(clip(us[k-1].text, 60, false))); e > best && e >= floatEcho {
			best, echoed = e, k-1
		}
		if near < 0 || max(k-1-at, at-k+1) < max(near-at, at-near) {
			near = k - 1
		}
	}
	if echoed >= 0 {
		return echoed
	}
	return near
}

// floatEcho is how much of a floating headline the opening of a paragraph
// must repeat for the headline to go before it, as in placeFloating.
const floatEcho = 0.5

// promotable reports whether paragraph unit u may be a headline's line.
func promotable(ps []piece, p *para, u *unit) bool {
	return !u.byline && !u.leads && !u.credit && !u.from && !u.to && len(p.marks) == 0 && u.text != "" &&
		p.first == p.last && !endsSentenceText(u.text) && runeLen(u.text) <= 40 && (alone(ps, p.first) || overByline(ps, p.first))
}

// overByline reports whether piece i shares its box only with the byline
// line under it: a sub-story's headline over its reporter (本报记者 X), set
// apart from the text that follows. It stands so, after whatever text
// pdfminer lists before it.
func overByline(ps []piece, i int) bool {
	return (i == 0 || ps[i-1].role == roleBlank) && i+1 < len(ps) && ps[i+1].bylineOnly &&
		(i+2 == len(ps) || ps[i+2].role == roleBlank)
}

// headUnit is the headline-like unit of piece i, of text t.
func headUnit(ps []piece, i int, t string, odds []float64) unit {
	pc := &ps[i]
	return unit{head: true, piece: i, text: t, raw: cleanSpaces(pc.raw, pc.spaced, true), em: pc.em, width: pc.width.here,
		odds: odds[i], open: true, headGrams: bigramsOf(t)}
}

// alone reports whether piece i stands in a box of its own: a blank line
// (or the page's edge) before and after it.
func alone(ps []piece, i int) bool {
	return (i == 0 || ps[i-1].role == roleBlank) && (i+1 == len(ps) || ps[i+1].role == roleBlank)
}

// headBoxLines sets as headline lines the body lines that share their box
// only with headline lines above them, as the box's last line, such as a headline under its
// kicker, read as a headline's do (headBoxLine) and end their paragraph
// (learnedBreak, by the paragraph starts of the lines): a paragraph's
// first line under a subhead, which a box break parts from the rest of
// its paragraph, goes on into the next box.
func headBoxLines(ps []piece, starts []float64) {
	for i := 0; i < len(ps); {
		j, heads, bodies, body, last := i, 0, 0, -1, -1
		for ; j < len(ps) && ps[j].role != roleBlank; j++ {
			switch {
			case !isTextPiece(&ps[j]):
				continue
			case ps[j].role == roleHead:
				heads++
			default:
				bodies++
				body = j
			}
			last = j
		}
		if heads > 0 && bodies == 1 && body == last && headBoxLine(&ps[body]) && learnedBreak(ps, body, starts) {
			ps[body].role = roleHead
		}
		i = j + 1
	}
}

// headsOverBylines sets as headline lines the body lines that read as a
// headline's may (headBoxLine) and stand over a byline, in its box
// (overByline) or in a box of their own over the byline's
// (overBylineBox): a story's headline over its reporter, which pdfminer
// may list in the middle of another story's paragraph, where reflow would
// join it to that paragraph.
func headsOverBylines(ps []piece) {
	for i := range ps {
		if headBoxLine(&ps[i]) && (overByline(ps, i) || overBylineBox(ps, i)) {
			ps[i].role = roleHead
		}
	}
}

// overBylineBox reports whether piece i stands in a box of its own and the
// next box holds a byline line alone.
func overBylineBox(ps []piece, i int) bool {
	if !alone(ps, i) {
		return false
	}
	j := i + 1
	for j < len(ps) && ps[j].role == roleBlank {
		j++
	}
	return j > i+1 && j < len(ps) && ps[j].bylineOnly && alone(ps, j)
}

// headBoxLine reports whether a body line reads as a headline's may: no
// byline or credit, no continuation marker, no closed sentence, and no
// longer than a headline line runs (headBoxRunes).
func headBoxLine(p *piece) bool {
	return p.role == roleBody && !p.leads && !p.credit && !p.bylineOnly && len(p.markers) == 0 &&
		p.runes <= headBoxRunes && !endsSentenceText(p.text) // runes: runeLen, as know counted it
}

// headBoxRunes is the most runes a body line set under or over a headline
// line in its box may hold to be read as one: the longest title line of
// the training pages through pdfminer that the line model reads as body.
const headBoxRunes = 40

// layOutBoxes sets every line's role by its learned scores and lays out
// the units of a page with blank lines, and what the row and the boxes
// say of them.
func (w *work) layOutBoxes() (*rowFacts, *boxFacts) {
	w.setLineRoles()
	headBoxLines(w.ps, w.starts)
	headsOverBylines(w.ps)
	w.layOutUnits()
	w.units = boxUnits(w.ps, w.paras, w.units, w.odds, w.starts)
	rf := newBoxRowFacts(w.units)
	return rf, newBoxFacts(w.ps, w.paras, w.units, rf)
}

// decideBoxStories cuts the units of a page with blank lines into stories
// with the box weights.
func (w *work) decideBoxStories(rf *rowFacts, bf *boxFacts, gw *boxGapVec, uw *boxUnitVec, pw *boxPairVec) {
	w.plan, _ = planBoxStories(w.units, bf, newBoxScorer(w.units, bf, rf, gw, uw, pw))
	w.paras, w.groups, w.stories = storiesOf(w.ps, w.units, w.paras, w.plan, w.raw, w.words)
}

// boxReadsAsWell reports whether the box stage's stories of a page read at
// least as well as the hand assembly's: they leave no more stories without
// a headline, or their headlines are echoed by their openings at least as
// far (coherence). A plan that cuts a story in two around another leaves
// a piece without a headline; on the training pages the box stage's plan
// mostly beats the assembly's even where it reads a little less coherently.
func boxReadsAsWell(box, hand []*model.Article) bool {
	return untitled(box) <= untitled(hand) || coherence(box) >= coherence(hand)
}

// boxReadsBetter reports whether the box stage's stories of a page read
// better than the hand assembly's: they leave fewer stories without a
// headline, or as many and their headlines are echoed further.
func boxReadsBetter(box, hand []*model.Article) bool {
	ub, uh := untitled(box), untitled(hand)
	return ub < uh || ub == uh && coherence(box) > coherence(hand)
}

// boxLeavesDoubt reports whether the box stage's stories of a page, cut
// from the units us by plan into the articles arts, leave one without a
// headline: only then may the hand-made assembly's read better by the
// count of those (boxReadsBetter), and it is asked. Where the assembly
// reads the page's headlines as standing before their bodies (lead), as
// pdfminer lists its boxes, only the page's opening story leaves doubt:
// the start of a story whose headline pdfminer lists further down, which
// the assembly can give it; a story without a headline further down the
// page the box stage reads better on the training pages. A story
// continued from another page, whose headline stands there, leaves no
// doubt while it holds no headline-like line: the box stage may have run
// the next story into it, with its headline printed after its body.
func boxLeavesDoubt(us []unit, plan []cut, arts []*model.Article, lead bool) bool {
	n := 0
	for _, c := range plan {
		if c.hj == c.hi && c.j == c.i {
			continue // no story
		}
		if lead && n > 0 {
			return false
		}
		a := arts[n]
		n++
		if a.Title != "" {
			continue
		}
		if a.ContinuedFrom == 0 {
			return true
		}
		for k := c.i; k < c.j; k++ {
			if us[k].head {
				return true
			}
		}
	}
	return false
}

// boxChosen reports whether the box stage's stories of a page are chosen
// over the hand-made assembly's (decideBlankLineStories): where they leave
// no doubt (boxLeavesDoubt), or else where they read at least as well,
// when the assembly reads the page's headlines as standing before their
// bodies (lead), or better.
func boxChosen(doubt, lead bool, box, hand []*model.Article) bool {
	return !doubt || lead && boxReadsAsWell(box, hand) || boxReadsBetter(box, hand)
}

// untitled is how many stories have no headline.
func untitled(arts []*model.Article) int {
	n := 0
	for _, a := range arts {
		if a.Title == "" {
			n++
		}
	}
	return n
}

// coherence is how far a page's headlines are echoed by the openings of
// their stories, summed over the stories.
func coherence(arts []*model.Article) float64 {
	v := 0.0
	for _, a := range arts {
		if a.Title == "" || len(a.Paragraphs) == 0 {
			continue
		}
		v += echo(bigramsOf(a.Kicker+a.Title+a.Subtitle), bigramsOf(clip(strings.Join(a.Paragraphs, ""), 60, false)))
	}
	return v
}
