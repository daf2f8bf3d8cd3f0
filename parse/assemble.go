package parse

import (
	"math"
	"slices"
	"strings"

	"github.com/dubaoreader/dubao/model"
)

// Assembly: paragraphs and headlines become stories.
//
// A story starts where the page plainly says so (a byline, a continuation
// marker, a headline block) and, where the headlines ask for more stories
// than that, at a paragraph where the text turns to a new headline's
// subject. Each headline goes to a story next to it: a page prints its
// headlines after their bodies or before them, mostly one way, and when it
// prints several headlines together they go to the stories that follow (or
// precede) in order. Short lines that may be a headline or a subheading
// inside a story are decided here too.
//
// The choice is the cheapest for the whole page, found by dynamic
// programming over the page's items in order. Unmatched headlines and
// stories wait in a queue: a story that starts while headlines wait takes
// the oldest; a headline that arrives while untitled stories wait gives
// itself to the oldest.

// Costs of the choices, in one unit.
const (
	costNoTitle      = 3.0 // a story without a headline (none for a continuation)
	costLoneHead     = 8.0 // a headline with no body text
	costSplit        = 4.5 // ending a story where nothing on the page says so
	costDistance     = 1.0 // per story between a headline and its body
	costAgainstMode  = 0.6 // a headline on the page's less usual side of its body
	costCandHead     = 1.0 // taking a doubtful line for a headline
	costShortHead    = 3.0 // … when it is four characters or fewer
	bonusEcho        = 3.0 // times how much more a headline is echoed after a point than before it
	bonusWidthChange = 1.5 // the column width changes between two paragraphs
	bonusCohesion    = 1.0 // times how little the text on two sides of a point shares
	maxQueue         = 8   // headlines or stories waiting at once
)

type itemKind uint8

const (
	itPara  itemKind = iota
	itGroup          // a headline
	itCand           // a doubtful line: a headline, or a paragraph (subheading)
)

// An item of the page in order: a paragraph, a headline, or a doubtful line
// that is both until assembly decides.
type item struct {
	kind  itemKind
	para  int // index into paras (itPara, itCand)
	group int // index into groups (itGroup, itCand)
}

// A story is a run of paragraphs and the headline it got.
type story struct {
	paras []int
	group int // -1 for none
}

// action is what the cheapest path did at one step.
type action uint8

const (
	actExtend    action = iota // the paragraph goes on the open story
	actStart                   // the paragraph starts a story
	actGroup                   // a headline arrives
	actCandPara                // a doubtful line is taken as a paragraph, on the open story
	actCandStart               // … as a paragraph starting a story
	actCandGroup               // … as a headline
	actDropStory               // the oldest waiting story gives up on a headline
	actDropGroup               // the oldest waiting headline gives up on a story
)

// assemble chooses the stories of a page: the cheaper of the two readings,
// headlines mostly after their bodies or mostly before. memo keeps what
// the page's echoes read of its paragraphs (echoMemo), or is nil.
func assemble(items []item, paras []para, groups []group, memo *echoMemo) []story {
	a := newAssembler(items, paras, groups, memo)
	best, bestCost := []story(nil), math.Inf(1)
	for _, before := range []bool{false, true} {
		if s, c := a.run(before); c < bestCost {
			best, bestCost = s, c
		}
	}
	return best
}

type assembler struct {
	items  []item
	paras  []para
	groups []group
	echo   *echoes
	split  []float64 // cost of starting a story at paragraph j where nothing says so
	// Cost of taking item k (a doubtful line) for the headline of the story
	// after it (candBefore) or of the one before it (candAfter).
	candBefore, candAfter []float64
	candPara              []float64      // cost of reading item k as a paragraph
	states                []assemblyStep // run's table, kept from one reading to the next
	memo                  *echoMemo      // keeps the table's room for the page's next assembler and the next page's, when not nil
}

// An assemblyStep is a state of run's table: its cost, the state before
// it (-1 at the start) and what was done there.
type assemblyStep struct {
	cost float64
	prev int32
	act  action
}

func newAssembler(items []item, paras []para, groups []group, memo *echoMemo) *assembler {
	a := &assembler{items: items, paras: paras, groups: groups, memo: memo}
	if memo != nil {
		a.states = memo.room.steps
	}
	a.echo = newEchoes(memo, paras, groups)
	a.split = make([]float64, len(paras))
	// Headlines near each paragraph, by position: the headlines within
	// three paragraphs, and the two nearest on each side. Groups come in
	// page order, so their gaps are sorted.
	gaps := make([]int, len(groups))
	for g := range groups {
		gaps[g] = groups[g].gap
	}
	for j := 1; j < len(paras); j++ {
		c := costSplit
		if d := paras[j].width - paras[j-1].width; d >= 1.5 || d <= -1.5 {
			c -= bonusWidthChange
		}
		best := 0.0
		at, _ := slices.BinarySearch(gaps, j+1) // first group standing after paragraph j
		lo, _ := slices.BinarySearch(gaps, j-3)
		hi, _ := slices.BinarySearch(gaps, j+4)
		for g := min(lo, max(0, at-2)); g < max(hi, min(len(groups), at+2)); g++ {
			best = max(best, a.echo.shift(g, j))
		}
		a.split[j] = c - bonusEcho*best - bonusCohesion*a.echo.parting(j, j)
	}
	a.candBefore = make([]float64, len(items))
	a.candAfter = make([]float64, len(items))
	a.candPara = make([]float64, len(items))
	for k, it := range items {
		if it.kind != itCand {
			continue
		}
		j := it.para + 1 // the paragraph after the line
		before := 0.0
		if j < len(paras) {
			before = a.echo.opening(it.group, j) - a.echo.share(it.group, a.echo.prev[it.para])
		}
		// The stretch of text the line ends: from the last plain story start,
		// or from the last headline or doubtful line, whichever is nearer
		// (a brief's headline follows the brief).
		lead := it.para - 1
		for q := k - 1; q >= 0; q-- {
			if items[q].kind != itPara {
				break
			}
			lead = items[q].para
			if paras[lead].hard {
				break
			}
		}
		after := 0.0
		if lead >= 0 && lead < it.para {
			// A headline after its story echoes the story's lead.
			var sb strings.Builder
			for q := lead; q < it.para && q < lead+2; q++ {
				sb.WriteString(clip(paras[q].text, 200, false))
			}
			after = a.echo.share(it.group, bigramsOf(sb.String())) - a.echo.share(it.group, a.echo.nextSet(j))
		}
		// The text after the line may go on with the story around it: then
		// it echoes that story's headline, and the line is a subheading.
		// Or the story around stops being echoed at the line: it ended.
		goesOn, stops := 0.0, 0.0
		for _, g := range nearestHeads(items, k) {
			after := float64(a.echo.found(g, a.echo.nextSet(j)))
			before := float64(a.echo.found(g, a.echo.prev[it.para]))
			goesOn = max(goesOn, min(1, after/4))
			_ = before
		}
		shiftEv := bonusEcho * (max(0, before) - goesOn + stops)
		a.candBefore[k] = costCandHead - shiftEv
		if g := groups[it.group]; runeLen(g.kicker+g.title+g.subtitle) <= 4 {
			a.candBefore[k] += costShortHead // a story's headline says more than that
			a.candAfter[k] += costShortHead
		}
		// Strong evidence of a new subject makes reading the line as a
		// subheading cost something too.
		a.candPara[k] = max(0, shiftEv-costCandHead, bonusEcho*max(0, after)-costCandHead)
		if g := groups[it.group]; runeLen(g.kicker+g.title+g.subtitle) <= 4 {
			a.candPara[k] = 0 // so short a line is likelier a subheading
		}
		// Text on one subject on both sides of the line: a subheading.
		be := bonusCohesion * a.echo.parting(it.para, j)
		a.candBefore[k] -= be
		a.candAfter[k] -= be
		a.candAfter[k] = costCandHead - bonusEcho*max(0, after)
	}
	return a
}

// nearestHeads returns the plain headlines nearest item k on either side.
func nearestHeads(items []item, k int) []int {
	var out []int
	for i := k - 1; i >= 0; i-- {
		if items[i].kind == itGroup {
			out = append(out, items[i].group)
			break
		}
	}
	for i := k + 1; i < len(items); i++ {
		if items[i].kind == itGroup {
			out = append(out, items[i].group)
			break
		}
	}
	return out
}

// run finds the cheapest stories in one reading and returns them with their
// cost.
func (a *assembler) run(before bool) ([]story, float64) {
	n := len(a.items)
	const width = 2*maxQueue + 1
	// State: item index, queue (d>0: d headlines wait; d<0: -d stories
	// wait), whether a story is open.
	idx := func(k, d, open int) int { return (k*width+d+maxQueue)*2 + open }
	if len(a.states) < (n+1)*width*2 {
		a.states = make([]assemblyStep, (n+1)*width*2)
		if a.memo != nil {
			a.memo.room.steps = a.states
		}
	}
	states := a.states[:(n+1)*width*2]
	for i := range states {
		states[i] = assemblyStep{cost: math.Inf(1), prev: -1}
	}
	states[idx(0, 0, 0)].cost = 0
	relax := func(to int, c float64, from int, act action) {
		if c < states[to].cost {
			states[to] = assemblyStep{cost: c, prev: int32(from), act: act}
		}
	}
	mode := func(isBefore bool) float64 {
		if isBefore == before {
			return 0
		}
		return costAgainstMode
	}
	for k := 0; k <= n; k++ {
		// Dropping from the queue, oldest first, as often as it pays.
		for open := 0; open < 2; open++ {
			for d := -maxQueue; d < 0; d++ {
				from := idx(k, d, open)
				if s := states[from]; !math.IsInf(s.cost, 1) {
					relax(idx(k, d+1, open), s.cost+costNoTitle, from, actDropStory)
				}
			}
			for d := maxQueue; d > 0; d-- {
				from := idx(k, d, open)
				if s := states[from]; !math.IsInf(s.cost, 1) {
					relax(idx(k, d-1, open), s.cost+costLoneHead, from, actDropGroup)
				}
			}
		}
		if k == n {
			break
		}
		it := a.items[k]
		for d := -maxQueue; d <= maxQueue; d++ {
			for open := 0; open < 2; open++ {
				from := idx(k, d, open)
				s := states[from]
				if math.IsInf(s.cost, 1) {
					continue
				}
				asPara := func(extendAct, startAct action, extra float64) {
					p := &a.paras[it.para]
					forced := open == 0 || p.hard || (it.para > 0 && a.paras[it.para-1].to != nil)
					if !forced {
						relax(idx(k+1, d, 1), s.cost+extra, from, extendAct)
					}
					c := s.cost + extra
					if !forced {
						c += a.split[it.para]
					}
					switch {
					case p.from != nil:
						relax(idx(k+1, d, 1), c, from, startAct) // its headline is on another page
					case d > 0:
						relax(idx(k+1, d-1, 1), c+costDistance*float64(d-1)+mode(true), from, startAct)
					case d > -maxQueue:
						relax(idx(k+1, d-1, 1), c, from, startAct)
					}
				}
				asGroup := func(act action, extraAfter, extraBefore float64) {
					switch {
					case d < 0:
						relax(idx(k+1, d+1, 0), s.cost+extraAfter+costDistance*float64(-d-1)+mode(false), from, act)
					case d < maxQueue:
						relax(idx(k+1, d+1, 0), s.cost+extraBefore, from, act)
					}
				}
				switch it.kind {
				case itPara:
					asPara(actExtend, actStart, 0)
				case itGroup:
					asGroup(actGroup, 0, 0)
				case itCand:
					asPara(actCandPara, actCandStart, a.candPara[k])
					asGroup(actCandGroup, a.candAfter[k], a.candBefore[k])
				}
			}
		}
	}
	end := idx(n, 0, 0)
	if s := states[idx(n, 0, 1)]; s.cost < states[end].cost {
		end = idx(n, 0, 1)
	}
	if math.IsInf(states[end].cost, 1) {
		return nil, math.Inf(1)
	}
	// Walk back to the actions, then replay them.
	var acts []action
	var at []int // item index of each action
	for s := end; states[s].prev >= 0; s = int(states[s].prev) {
		acts = append(acts, states[s].act)
		at = append(at, s/(2*width))
	}
	for l, r := 0, len(acts)-1; l < r; l, r = l+1, r-1 {
		acts[l], acts[r] = acts[r], acts[l]
		at[l], at[r] = at[r], at[l]
	}
	return a.replay(acts, at), states[end].cost
}

// replay turns the cheapest path's actions into stories.
func (a *assembler) replay(acts []action, at []int) []story {
	var stories []story
	var waitingStories, waitingGroups []int // indexes into stories, groups
	// The item index an action consumed: states carry k+1 after consuming
	// item k, so the item of a consuming action is its state's k minus one.
	for n, act := range acts {
		k := at[n] - 1
		switch act {
		case actDropStory:
			waitingStories = waitingStories[1:]
		case actDropGroup:
			g := waitingGroups[0]
			waitingGroups = waitingGroups[1:]
			stories = append(stories, story{group: g})
		case actExtend, actCandPara:
			s := &stories[len(stories)-1]
			s.paras = append(s.paras, a.items[k].para)
		case actStart, actCandStart:
			p := a.items[k].para
			st := story{paras: []int{p}, group: -1}
			stories = append(stories, st)
			switch {
			case a.paras[p].from != nil:
			case len(waitingGroups) > 0:
				stories[len(stories)-1].group = waitingGroups[0]
				waitingGroups = waitingGroups[1:]
			default:
				waitingStories = append(waitingStories, len(stories)-1)
			}
		case actGroup, actCandGroup:
			g := a.items[k].group
			if len(waitingStories) > 0 {
				stories[waitingStories[0]].group = g
				waitingStories = waitingStories[1:]
			} else {
				waitingGroups = append(waitingGroups, g)
			}
		}
	}
	for _, g := range waitingGroups {
		stories = append(stories, story{group: g})
	}
	return stories
}

// markArticle records continuation markers on an article: the first
// continued-from and the last continued-to set its fields, and all are kept.
func markArticle(a *model.Article, ms []marker) {
	for _, m := range ms {
		a.Markers = append(a.Markers, m.text)
		if m.from && a.ContinuedFrom == 0 {
			a.ContinuedFrom = m.page
		}
		if !m.from {
			a.ContinuedTo = m.page
		}
	}
}

// buildArticles makes the model's articles from the chosen stories.
func buildArticles(paras []para, groups []group, stories []story) []*model.Article {
	var out []*model.Article
	for _, s := range stories {
		a := &model.Article{}
		if s.group >= 0 {
			g := groups[s.group]
			a.Title, a.Kicker, a.Subtitle, a.Byline = g.title, g.kicker, g.subtitle, g.byline
			markArticle(a, g.marks)
		}
		for n, k := range s.paras {
			p := paras[k]
			markArticle(a, p.marks)
			text := p.text
			if p.byline {
				if a.Byline == "" {
					a.Byline = text
					continue
				}
			} else if n == 0 {
				if by, rest := splitByline(text); by != "" {
					if a.Byline == "" {
						a.Byline = by
					} else {
						a.Byline += " " + by
					}
					text = rest
				}
			}
			if text != "" {
				a.Paragraphs = append(a.Paragraphs, text)
			}
		}
		out = append(out, a)
	}
	return out
}
