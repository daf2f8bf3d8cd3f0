package parse

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMatchDrawnApart: on a made page whose three stories' bodies were
// drawn whole and their headlines apart from them (testdata/match/apart.txt:
// each headline after another story's body), the match gives each body its
// own headline, which the plan alone reads as the headline of the body
// before it; the same stories in reading order (inorder.txt) keep the plan,
// the gate shut.
func TestMatchDrawnApart(t *testing.T) {
	want := map[string]string{ // a title, and the words its body opens with
		"青石镇社区图书馆正式开放": "三月四日，青石镇",
		"河西水库除险加固工程完工": "经过半年施工",
		"老街夜市重新开张迎客":   "华灯初上",
	}
	for _, c := range []struct {
		file  string
		apart bool
	}{{"apart.txt", true}, {"inorder.txt", false}} {
		b, err := os.ReadFile(filepath.Join("testdata", "match", c.file))
		if err != nil {
			t.Fatal(err)
		}
		text := Normalize(string(b))
		w := analyseWith(text, false)
		w.decideLines()
		w.plan = planStories(w.units, &planWeights{gapWeights, unitWeights, storyWeights})
		if got := w.drawnApart(&matchWeights, &gateWeights); got != c.apart {
			t.Errorf("%s: the gate says drawn apart %v, want %v", c.file, got, c.apart)
		}
		page := Text(string(b))
		if len(page.Articles) != len(want) {
			t.Fatalf("%s: %d articles, want %d", c.file, len(page.Articles), len(want))
		}
		for _, a := range page.Articles {
			opens, ok := want[a.Title]
			if !ok {
				t.Errorf("%s: title %q is none of the page's", c.file, a.Title)
				continue
			}
			if len(a.Paragraphs) == 0 || !strings.HasPrefix(a.Paragraphs[0], opens) {
				t.Errorf("%s: %q heads a body that does not open with %q", c.file, a.Title, opens)
			}
		}
	}
}
