package parse

import "testing"

// A dispatch the story quotes (据新华社…电) opens a story, as a byline
// does, but stays in its first paragraph: the corpus's gold never takes it
// for the byline.
func TestQuotedDispatchStaysInText(t *testing.T) {
	for _, line := range []string{
		"据新华社北京3月5日电（记者王亮）国务院",
		"据新华社上海6月2日电（记者李明、王芳）今天",
		"据新华社伦敦4月8日电 英国",
	} {
		if by, rest := splitByline(line); by != "" || rest != line {
			t.Errorf("splitByline(%q) = %q, %q; want no byline and the line", line, by, rest)
		}
		if !bylineStart(line) {
			t.Errorf("bylineStart(%q) = false; a quoted dispatch opens a story", line)
		}
	}
}
