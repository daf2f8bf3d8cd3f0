package parse

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// TestPlanBoxStories runs the box stage's plan over rows of units whose
// gold is known, scored by agreement with gold as the trainer scores the
// plan nearest gold: the plan must be able to hold each layout.
func TestPlanBoxStories(t *testing.T) {
	H := func() unit { return unit{head: true} }
	P := func() unit { return unit{} }
	from := func() unit { return unit{from: true} }
	credit := func() unit { return unit{credit: true} }
	cases := []struct {
		name   string
		us     []unit
		brk    []bool // a blank line before each unit
		art    []int  // each unit's gold article
		isHead []bool
		want   []cut
	}{
		{
			"two headline boxes, then the two bodies in order: a row",
			[]unit{H(), H(), P(), P(), P(), P()},
			[]bool{false, true, true, true, true, true},
			[]int{0, 1, 0, 0, 1, 1},
			[]bool{true, true, false, false, false, false},
			[]cut{{i: 2, j: 4, hi: 0, hj: 1}, {i: 4, j: 6, hi: 1, hj: 2}},
		},
		{
			"two headline boxes, then a label in the box of the first body (核心阅读): a row whose body opens with the label",
			[]unit{H(), H(), H(), P(), P(), P()},
			[]bool{false, true, true, false, true, true},
			[]int{0, 1, 0, 0, 1, 1},
			[]bool{true, true, false, false, false, false},
			[]cut{{i: 2, j: 4, hi: 0, hj: 1}, {i: 4, j: 6, hi: 1, hj: 2}},
		},
		{
			"two headline boxes, the first one's body, a whole story, then the second one's body: the second headline deferred to its body",
			[]unit{H(), H(), P(), H(), P(), P()},
			[]bool{false, true, true, true, true, true},
			[]int{0, 1, 0, 2, 2, 1},
			[]bool{true, true, false, true, false, false},
			[]cut{{i: 2, j: 3, hi: 0, hj: 1}, {i: 3, j: 5, hi: 3, hj: 4}, {i: 5, j: 6, hi: 1, hj: 2, far: true}},
		},
		{
			"two headline boxes, the second one's body, a whole story, then the first one's body: the first headline deferred",
			[]unit{H(), H(), P(), P(), H(), P(), P()},
			[]bool{false, true, true, true, true, true, true},
			[]int{0, 1, 1, 1, 2, 2, 0},
			[]bool{true, true, false, false, true, false, false},
			[]cut{{i: 2, j: 4, hi: 1, hj: 2}, {i: 4, j: 6, hi: 4, hj: 5}, {i: 6, j: 7, hi: 0, hj: 1, far: true}},
		},
		{
			"a kicker and a title in one box: one headline, no row",
			[]unit{H(), H(), P(), P()},
			[]bool{false, false, true, true},
			[]int{0, 0, 0, 0},
			[]bool{true, true, false, false},
			[]cut{{i: 0, j: 4, hi: 0, hj: 2}},
		},
		{
			"headlines before and after their bodies on one page",
			[]unit{H(), P(), P(), P(), H()},
			[]bool{false, true, true, true, true},
			[]int{0, 0, 1, 1, 1},
			[]bool{true, false, false, false, true},
			[]cut{{i: 0, j: 2, hi: 0, hj: 1}, {i: 2, j: 5, hi: 4, hj: 5}},
		},
		{
			"a continued-from paragraph opens a story, whatever the scores say",
			[]unit{H(), P(), from(), P()},
			[]bool{false, true, true, true},
			[]int{0, 0, 0, 0},
			[]bool{true, false, false, false},
			[]cut{{i: 0, j: 2, hi: 0, hj: 1}, {i: 2, j: 4, hi: 2, hj: 2}},
		},
		{
			"a picture's credit closes its caption: it opens no piece of a row, whatever the scores say (here the plan would open the second piece with it; it defers that headline instead)",
			[]unit{H(), H(), P(), credit(), P(), P()},
			[]bool{false, true, true, true, true, true},
			[]int{0, 1, 0, 1, 1, 1},
			[]bool{true, true, false, false, false, false},
			[]cut{{i: 2, j: 3, hi: 0, hj: 1}, {i: 3, j: 5, hi: 3, hj: 3}, {i: 5, j: 6, hi: 1, hj: 2, far: true}},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			bf := &boxFacts{brk: c.brk}
			sc := &goldBoxScorer{us: c.us, art: c.art, isHead: c.isHead, story_: agreement(c.us, c.art, c.isHead)}
			plan, _ := planBoxStories(c.us, bf, sc)
			if !slices.Equal(plan, c.want) {
				t.Errorf("plan %v, want %v", plan, c.want)
			}
		})
	}
}

// A line set apart in the middle of a paragraph that breaks off
// mid-sentence floats out of it, a headline's box read out of order: the
// box stage lays it out as one headline-like unit, where reflow, which no
// paragraph near it names, keeps it as a paragraph of its own as well.
func TestFloatingLineOnce(t *testing.T) {
	const float = "湖畔灯火"
	w := analyseWith(Normalize(page(
		"本报讯（记者李明）近日，全市",
		"各地陆续开展迎新春文化活动，",
		"社区广场上张灯结彩，居民们纷",
		"纷走出家门参加游园活动。",
		"",
		"在城西社区的活动现场，志愿者",
		"们正忙着悬挂灯笼和彩旗，孩子",
		"们在一旁嬉戏，热闹非凡。社区",
		"负责人介绍，今年的活动将持续",
		"",
		float,
		"",
		"到元宵节，内容包括猜灯谜、写",
		"春联和民俗表演等十余项。",
		"",
		"迎新春活动丰富多彩",
	)), false)
	w.scoreLines()
	w.layOutBoxes()
	var got []string
	n := 0
	for _, u := range w.units {
		got = append(got, u.text)
		if strings.Contains(u.text, float) {
			n++
			if !u.head {
				t.Errorf("%q is laid out as a paragraph, want a headline-like line", float)
			}
		}
	}
	if n != 1 {
		t.Errorf("%q stands in %d units, want one: %q", float, n, got)
	}
}

// headBoxLines takes for a headline line the body line set last in its
// box under headline lines, where it ends its paragraph.
func TestHeadBoxLines(t *testing.T) {
	const (
		kicker = "市文旅部门推出冬季惠民举措"
		title  = "景区门票半价迎客来"
		body   = "记者从市文化和旅游局获悉，"
		body2  = "全市二十家景区参加活动。"
	)
	tests := []struct {
		name  string
		lines []string
		heads []int // the lines the line model set as headline lines
		goOn  bool  // the line after the box goes on with the paragraph before
		want  []int // the lines set as headline lines after
	}{
		{"a title under its kicker, a paragraph after the box", []string{kicker, title, "", body, body2}, []int{0}, false, []int{0, 1}},
		{"… the paragraph going on into the next box", []string{kicker, title, "", body, body2}, []int{0}, true, []int{0}},
		{"a body line over a headline line", []string{title, kicker, "", body, body2}, []int{1}, false, []int{1}},
		{"two body lines under a headline line", []string{kicker, title, body, "", body2}, []int{0}, false, []int{0}},
		{"a line that closes a sentence", []string{kicker, body2, "", body}, []int{0}, false, []int{0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := splitLines(page(tt.lines...))
			ps := cutPieces(lines, make([]bool, len(lines)))
			starts := make([]float64, len(ps))
			for i := range ps {
				if ps[i].role != roleBlank {
					ps[i].role = roleBody
				}
				starts[i] = 1
				if tt.goOn {
					starts[i] = -1
				}
			}
			for _, i := range tt.heads {
				ps[i].role = roleHead
			}
			headBoxLines(ps, starts)
			if got := headLineIndexes(ps); !slices.Equal(got, tt.want) {
				t.Errorf("headline lines %v, want %v", got, tt.want)
			}
		})
	}
}

// headLineIndexes are the indexes of ps's headline lines.
func headLineIndexes(ps []piece) []int {
	var got []int
	for i := range ps {
		if ps[i].role == roleHead {
			got = append(got, i)
		}
	}
	return got
}

// headsOverBylines takes for a headline line a body line over a byline, in
// its box or in a box of its own over the byline's, where pdfminer lists a
// story's headline and reporter in the middle of another story's
// paragraph.
func TestHeadsOverBylines(t *testing.T) {
	const (
		before = "社区负责人介绍，今年的活动将持续"
		title  = "景区门票半价迎客来"
		by     = "本报记者 王明"
		body   = "记者从市文化和旅游局获悉，"
		closes = "全市二十家景区参加活动。"
	)
	tests := []struct {
		name  string
		lines []string
		want  []int // the lines set as headline lines
	}{
		{"a title over its byline in its box", []string{before, "", title, by, "", body}, []int{2}},
		{"a title in a box of its own over the byline's", []string{before, "", title, "", by, "", body}, []int{2}},
		{"a line that closes a sentence", []string{before, "", closes, "", by, "", body}, nil},
		{"a byline that shares its box with text", []string{before, "", title, "", by, body}, nil},
		{"a title over text", []string{before, "", title, "", body}, nil},
		{"two lines over a byline", []string{before, "", body, title, "", by}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := splitLines(page(tt.lines...))
			ps := cutPieces(lines, make([]bool, len(lines)))
			for i := range ps {
				switch {
				case ps[i].role == roleBlank:
				case ps[i].bylineOnly:
					ps[i].role = roleByline
				default:
					ps[i].role = roleBody
				}
			}
			headsOverBylines(ps)
			if got := headLineIndexes(ps); !slices.Equal(got, tt.want) {
				t.Errorf("headline lines %v, want %v", got, tt.want)
			}
		})
	}
}

// A headline set in larger type than the body runs past its column: set
// apart in the middle of a paragraph that reads on across it, it floats
// out of it as a short line does; a line as wide as the column stays.
func TestWideLineFloats(t *testing.T) {
	tests := []struct {
		line  string
		float bool
	}{
		{"全市冬季文化惠民活动启动仪式举行", true},    // 16 ideographs over a column of 14
		{"各地陆续开展迎新春文化活动", false},      // 14: a line of the column
		{"迎新春，全市文化惠民活动启动仪式举行", false}, // a comma: a sentence's line
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			w := analyseWith(Normalize(page(
				"本报讯近日，全市各地陆续开展",
				"迎新春文化活动，社区广场上张",
				"灯结彩，居民们纷纷走出家门参",
				"",
				tt.line,
				"",
				"加游园活动。在城西社区的活动",
				"现场，志愿者们正忙着悬挂灯笼",
				"和彩旗，孩子们在一旁嬉戏。",
			)), false)
			i := slices.IndexFunc(w.ps, func(p piece) bool { return p.text == tt.line })
			if i < 0 {
				t.Fatalf("no piece %q", tt.line)
			}
			w.ps[i].role = roleBody
			if got := floatsIn(w.ps, i); got != tt.float {
				t.Errorf("floatsIn %v, want %v (em %.1f, column %.1f)", got, tt.float, w.ps[i].em, w.ps[i].width.here)
			}
		})
	}
}

// A floating headline that no paragraph near it echoes goes before a
// caption closed by a credit line further down the page (captionFor): the
// one that echoes it, else the nearest: a picture story whose title
// pdfminer printed in another story's text.
func TestFloatingLineToCaption(t *testing.T) {
	const float = "湖畔灯火"
	story := []string{
		"本报讯（记者李明）近日，全市",
		"各地陆续开展迎新春文化活动，",
		"社区广场上张灯结彩，居民们纷",
		"",
		float,
		"",
		"纷走出家门参加游园活动。社区",
		"负责人介绍，今年的活动将持续",
		"到元宵节。",
		"",
	}
	for _, p := range []string{"猜灯谜、写春联和民俗表演等十余项活动吸引了众多市民参与。", "不少市民带着孩子前来，在活动中感受传统文化的魅力。", "主办方表示，将继续办好各项文化惠民活动。"} {
		story = append(story, string([]rune(p)[:14]), string([]rune(p)[14:]), "")
	}
	echoing := []string{"春节前夕，城南湖畔灯火璀璨，", "游人如织。", "", "王明摄", ""}
	other := []string{"近日，市民在西郊果园里采摘", "草莓，体验农家乐趣。", "", "张华摄", ""}
	tests := []struct {
		name     string
		captions [][]string
		want     string // the opening of the paragraph after the headline
	}{
		{"a caption that echoes it", [][]string{echoing}, "春节前夕"},
		{"a caption that does not", [][]string{other}, "近日，市民"},
		{"the one of two that echoes it", [][]string{other, echoing}, "春节前夕"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := slices.Clone(story)
			for _, c := range tt.captions {
				lines = append(lines, c...)
			}
			w := analyseWith(Normalize(page(lines...)), false)
			w.scoreLines()
			w.layOutBoxes()
			var got []string
			for _, u := range w.units {
				got = append(got, u.text)
			}
			k := slices.Index(got, float)
			if k < 0 || !w.units[k].head {
				t.Fatalf("%q is no headline-like unit: %q", float, got)
			}
			if k+2 >= len(got) || !strings.HasPrefix(got[k+1], tt.want) || !w.units[k+2].credit {
				t.Errorf("%q is not laid out before the caption %s…: %q", float, tt.want, got)
			}
		})
	}
}

// A headline's box of one or two lines that pdfminer printed between a
// paragraph left open and the opening of the next story's paragraph
// (floatsBetween, by the learned paragraph starts, here set) is that
// story's headline: the box stage lays it out as headline-like units
// before the paragraph, where reflow would have run it into the open
// paragraph. A box whose line holds a comma, or whose last line fills its
// column, stays text.
func TestFloatsBetween(t *testing.T) {
	open := []string{
		"本报讯（记者李明）近日，全市",
		"各地陆续开展迎新春文化活动，",
		"社区广场上张灯结彩，居民们纷",
		"纷走出家门，在城西社区的活动",
		"",
	}
	next := []string{
		"",
		"1月20日清晨，城东菜市场里人",
		"头攒动，摊主们早早摆出了新鲜",
		"的蔬菜和年货。",
		"",
		"现场，志愿者们正忙着悬挂灯笼",
		"和彩旗，孩子们在一旁嬉戏。",
	}
	tests := []struct {
		name  string
		box   []string
		float bool
	}{
		{"one short line", []string{"菜市场里年味浓"}, true},
		{"a kicker over a short title", []string{"城东市场备足货源保供应", "菜市场里年味浓"}, true},
		{"a comma", []string{"菜市场里，年味浓"}, false},
		{"a last line filling the column", []string{"菜市场里年味浓", "城东市场备足货源保供应稳价"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := slices.Concat(open, tt.box, next)
			w := analyseWith(Normalize(page(lines...)), false)
			w.scoreLines()
			// The learned starts read the next story's first line as a
			// paragraph's first.
			i := slices.IndexFunc(w.ps, func(p piece) bool { return p.text == next[1] })
			if i < 0 {
				t.Fatalf("no piece %q", next[1])
			}
			w.starts[i] = 1
			w.layOutBoxes()
			var got []string
			at := -1
			for k, u := range w.units {
				got = append(got, u.text)
				if u.text == tt.box[0] && u.head {
					at = k
				}
			}
			if !tt.float {
				if at >= 0 {
					t.Errorf("%q is laid out as a headline-like unit: %q", tt.box[0], got)
				}
				return
			}
			last := at + len(tt.box) - 1
			if at < 0 || last+1 >= len(got) || got[last] != tt.box[len(tt.box)-1] || !w.units[last].head || !strings.HasPrefix(got[last+1], "1月20日清晨") {
				t.Errorf("%q is not laid out as headline-like units before the next story: %q", tt.box, got)
			}
			for _, s := range got {
				if strings.Contains(s, tt.box[len(tt.box)-1]) && s != tt.box[len(tt.box)-1] {
					t.Errorf("%q is run into %q", tt.box[len(tt.box)-1], s)
				}
			}
		})
	}
}

// TestInnerCutsByRuns holds innerCutsOf, which looks the next headline and
// its run's end up in headRuns, to the scan it stands for: the first run
// of headline-like units after the story's first paragraph, within
// innerReach, and a paragraph after it.
func TestInnerCutsByRuns(t *testing.T) {
	scan := func(us []unit, i, j int) []cut {
		if us[i].head {
			return nil
		}
		h := i + 1
		for h < j && h <= i+innerReach && !us[h].head {
			h++
		}
		if h >= j || h > i+innerReach {
			return nil
		}
		e := h
		for e < j && us[e].head {
			e++
		}
		if e < j && !(e == j-1 && us[e].byline) {
			return []cut{{i: i, j: j, hi: h, hj: e}}
		}
		return nil
	}
	rng := rand.New(rand.NewPCG(7, 22))
	for page := range 200 {
		n, every := 1+rng.IntN(80), 2+rng.IntN(40) // pages of dense and of sparse headlines, some beyond innerReach
		us := make([]unit, n)
		for k := range us {
			us[k].head = rng.IntN(every) == 0
			us[k].byline = !us[k].head && rng.IntN(6) == 0
		}
		hr := newHeadRuns(us)
		for i := range n {
			for j := i + 1; j <= n; j++ {
				var got []cut
				innerCutsOf(us, hr, i, j, func(c cut) { got = append(got, c) })
				if want := scan(us, i, j); !slices.Equal(got, want) {
					t.Fatalf("page %d, story [%d, %d): innerCutsOf %v, the scan %v", page, i, j, got, want)
				}
			}
		}
	}
}
