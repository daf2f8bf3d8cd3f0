package tui

import (
	"sync"

	"github.com/longbridgeapp/opencc"
)

// Words says which script the reader's own words — the bars, headings,
// key help, prompts and messages — are in.
type Words int

const (
	WordsAuto        Words = iota // the script the issue on screen is printed in (model.IssueScript)
	WordsSimplified               // always Simplified
	WordsTraditional              // always Traditional
)

// ParseWords reads a Words from its name: auto, simplified or traditional.
func ParseWords(s string) (Words, bool) {
	switch s {
	case "auto", "":
		return WordsAuto, true
	case "simplified":
		return WordsSimplified, true
	case "traditional":
		return WordsTraditional, true
	}
	return WordsAuto, false
}

// w returns s, the reader's own words written in Simplified, in the
// script the reader speaks: s itself, or its Traditional form.
func (c *common) w(s string) string {
	return inScript(s, c.traditional)
}

// inScript returns s, words of the reader written in Simplified, in
// Traditional when traditional is set.
func inScript(s string, traditional bool) string {
	if !traditional {
		return s
	}
	return toTraditional(s)
}

// traditionalWords caches what toTraditional returned: the reader's words
// are a few hundred strings, converted once each.
var traditionalWords = struct {
	sync.Mutex
	cc    *opencc.OpenCC
	err   error
	words map[string]string
}{words: map[string]string{}}

// toTraditional returns s converted by OpenCC from Simplified to
// Traditional as Taiwan prints it (s2tw, character by character with
// OpenCC's phrases: 为 is 為, 里 is 裡), or s when OpenCC cannot load its
// tables. The tables are loaded on the first call, in about 50 ms.
func toTraditional(s string) string {
	t := &traditionalWords
	t.Lock()
	defer t.Unlock()
	if w, ok := t.words[s]; ok {
		return w
	}
	if t.cc == nil && t.err == nil {
		t.cc, t.err = opencc.New("s2tw")
	}
	w := s
	if t.err == nil {
		if c, err := t.cc.Convert(s); err == nil {
			w = c
		}
	}
	if len(t.words) >= 4096 { // messages with numbers in them: keep the cache small
		clear(t.words)
	}
	t.words[s] = w
	return w
}
