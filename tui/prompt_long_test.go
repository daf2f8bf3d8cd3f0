package tui

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/rivo/uniseg"

	"github.com/dubaoreader/dubao/tui/layout"
)

// slowView is prompt.view as it was before it cut a long text to its tail:
// the start let go a cluster at a time, the rest measured each time.
func slowView(p *prompt, m layout.Measure, room int) promptView {
	v := promptView{before: p.text[:p.cur], at: " ", after: ""}
	if p.cur < len(p.text) {
		end := p.clusterAfter()
		v.at, v.after = p.text[p.cur:end], p.text[end:]
	}
	atW := m.StringWidth(v.at)
	if atW == 0 {
		v.at += " "
		atW = 1
	}
	if m.StringWidth(v.before)+atW > room {
		const gone = "…"
		goneW := m.StringWidth(gone)
		rest, state := v.before, -1
		for rest != "" && goneW+m.StringWidth(rest)+atW > room {
			_, rest, _, state = uniseg.FirstGraphemeClusterInString(rest, state)
		}
		v.before = rest
		if goneW+atW <= room {
			v.before = gone + rest
		}
	}
	v.cursor = m.StringWidth(v.before)
	v.after = m.Truncate(v.after, max(room-v.cursor-atW, 0), "")
	v.width = v.cursor + atW + m.StringWidth(v.after)
	return v
}

// A long prompt is laid out as it was when every cluster was measured: the
// tail it is cut to first changes nothing that shows.
func TestLongPromptViewIsTheSame(t *testing.T) {
	pieces := []string{"a", "市", "委", "“", "…", "e\u0301", "👍🏽", "🇨🇳", "\u0301\u0301\u0301", "ｱ", " ", "—"}
	r := rand.New(rand.NewPCG(10, 24))
	for _, a := range []layout.Ambiguous{layout.Narrow, layout.Wide} {
		m := layout.NewMeasure(a)
		for range 300 {
			var b strings.Builder
			for n := r.IntN(400); n > 0; n-- {
				b.WriteString(pieces[r.IntN(len(pieces))])
			}
			p := prompt{text: b.String()}
			p.cur = len(p.text)
			if r.IntN(3) == 0 { // the cursor somewhere inside
				for range r.IntN(40) {
					p.cur = p.clusterBefore()
				}
			}
			room := 1 + r.IntN(80)
			if got, want := p.view(m, room), slowView(&p, m, room); got != want {
				t.Fatalf("%q, cursor at %d, room %d:\n got %+v\nwant %+v", p.text, p.cur, room, got, want)
			}
		}
	}
}
