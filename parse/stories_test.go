package parse

import "testing"

// TestStoriesJoinsPagesAsIssueDoes joins the pages Issue read, taken out of
// it: the same stories, part for part.
func TestStoriesJoinsPagesAsIssueDoes(t *testing.T) {
	is, _, err := Issue([]File{{"01.txt", []byte(frontPage)}, {"11.txt", readCorpus(t, "dev/d04.txt")}, {"03.txt", readCorpus(t, "seed/000_5477695c32189c33.txt")}})
	if err != nil {
		t.Fatal(err)
	}
	got := Stories(is.Pages)
	if len(got) != len(is.Stories) {
		t.Fatalf("%d stories, Issue made %d", len(got), len(is.Stories))
	}
	joined := 0
	for i, s := range got {
		w := is.Stories[i]
		if len(s.Parts) != len(w.Parts) || s.MissingFrom != w.MissingFrom || s.MissingTo != w.MissingTo {
			t.Fatalf("story %d: %d parts, missing %d/%d; Issue's: %d parts, missing %d/%d",
				i, len(s.Parts), s.MissingFrom, s.MissingTo, len(w.Parts), w.MissingFrom, w.MissingTo)
		}
		for j := range s.Parts {
			if s.Parts[j] != w.Parts[j] || s.Pages[j] != w.Pages[j] {
				t.Errorf("story %d part %d differs", i, j)
			}
		}
		if len(s.Parts) > 1 {
			joined++
		}
	}
	if joined != 1 {
		t.Errorf("%d stories joined across pages, want 1", joined)
	}
}
