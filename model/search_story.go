package model

// Where hits fall in the issue's stories, for a reader that shows an article
// continued across pages as one story (Issue.Stories).

// A storyPart says which story an article is a part of, and where in the
// story's Paragraphs its own paragraphs begin.
type storyPart struct {
	story     int // index in Issue.Stories; -1 for none
	firstPara int
}

// indexStories records, for each article of the issue, its place in the
// issue's stories.
func (ix *Index) indexStories(issue *Issue) {
	parts := map[*Article]storyPart{}
	for si, s := range issue.Stories {
		if s == nil {
			continue
		}
		n := 0
		for _, a := range s.Parts {
			if a == nil {
				continue
			}
			if _, ok := parts[a]; !ok {
				parts[a] = storyPart{story: si, firstPara: n}
			}
			n += len(a.Paragraphs)
		}
	}
	ix.stories = make([][]storyPart, len(issue.Pages))
	for pi, p := range issue.Pages {
		if p == nil {
			continue
		}
		ix.stories[pi] = make([]storyPart, len(p.Articles))
		for ai, a := range p.Articles {
			part, ok := parts[a]
			if !ok || a == nil {
				part = storyPart{story: -1}
			}
			ix.stories[pi][ai] = part
		}
	}
	ix.storyCount = len(issue.Stories)
}

// StoryOf returns where hit h is in the issue's stories: the index in
// Issue.Stories of the story its article is a part of and, for a hit in a
// paragraph, the index in that story's Paragraphs() (para is 0 for a hit in a
// headline field). ok is false when the issue had no stories, or none holds
// the hit's article. Search reports hits page by page; a reader that goes
// story by story can sort them by (story, field, para).
func (ix *Index) StoryOf(h Hit) (story, para int, ok bool) {
	if h.Page < 0 || h.Page >= len(ix.stories) || h.Article < 0 || h.Article >= len(ix.stories[h.Page]) {
		return 0, 0, false
	}
	part := ix.stories[h.Page][h.Article]
	if part.story < 0 {
		return 0, 0, false
	}
	if h.Field == InParagraph {
		para = part.firstPara + h.Para
	}
	return part.story, para, true
}

// StoryCounts returns how many of hits are in each story: counts[s] for
// Issue.Stories[s]. Hits in no story are not counted.
func (ix *Index) StoryCounts(hits []Hit) []int {
	counts := make([]int, ix.storyCount)
	for _, h := range hits {
		if s, _, ok := ix.StoryOf(h); ok {
			counts[s]++
		}
	}
	return counts
}
