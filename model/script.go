package model

import "sync"

// Script is the script a text is printed in: Simplified or Traditional
// Chinese.
type Script int

const (
	Simplified Script = iota
	Traditional
)

// IssueScript tells which script the issue is printed in, for the reader
// to speak the same: Traditional when more of its characters are forms
// only Traditional text prints (書, 們, 說: those search folds to another
// member of their class, see scriptClasses) than forms only Simplified
// text prints (书, 们, 说: the representatives of a class), else
// Simplified. A character both scripts print, such as 了 or 干, counts
// once in a while for Simplified; a Traditional page prints Traditional-
// only forms far more often than those. An issue with no Chinese is
// Simplified.
func IssueScript(is *Issue) Script {
	var c scriptCount
	for _, p := range is.Pages {
		for _, s := range p.Furniture {
			c.add(s)
		}
		for _, a := range p.Articles {
			c.add(a.Kicker)
			c.add(a.Title)
			c.add(a.Subtitle)
			c.add(a.Byline)
			for _, s := range a.Paragraphs {
				c.add(s)
			}
		}
	}
	if c.traditional > c.simplified {
		return Traditional
	}
	return Simplified
}

// A scriptCount counts the characters of a text that only one script
// prints.
type scriptCount struct{ traditional, simplified int }

func (c *scriptCount) add(s string) {
	t := scriptTables()
	reps := representatives()
	for _, r := range s {
		if r < firstCommonIdeograph {
			continue
		}
		switch {
		case t.fold(r) != r:
			c.traditional++
		case reps[r]:
			c.simplified++
		}
	}
}

// representatives returns the representatives of scriptClasses, built once.
var representatives = sync.OnceValue(func() map[rune]bool {
	classes, _ := scriptClasses()
	reps := map[rune]bool{}
	for _, rep := range classes {
		reps[rep] = true
	}
	return reps
})
