package tui

import (
	"fmt"
	"sync"

	"github.com/longbridgeapp/opencc"

	"github.com/dubaoreader/dubao/model"
	"github.com/dubaoreader/dubao/model/clean"
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

// Traditional reports whether words w are in Traditional for the issue
// is: always for WordsTraditional, and for WordsAuto when is is printed
// mostly in Traditional (model.IssueScript).
func (w Words) Traditional(is *model.Issue) bool {
	return w == WordsTraditional || w == WordsAuto && model.IssueScript(is) == model.Traditional
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

// A Notice is one of dubao's own messages — a warning in the status bar,
// or a line on the terminal — that quotes what came from elsewhere: Words
// are the reader's words, written in Simplified with fmt's verbs where
// Args go, and Args the names of files and folders and the causes they
// quote. The reader says the words in the script it speaks and the Args
// as they are (a folder named 人民日报 stays so on a Traditional shelf).
type Notice struct {
	Words string
	Args  []any
	// Cause is what went wrong, for errors.Is and errors.As; nil for none.
	Cause error
	// Traditional has Error say the words in Traditional: Run sets it on
	// what it returns when the reader spoke Traditional.
	Traditional bool
}

// Say returns the Notice of words and args; its Cause is the last of args
// that is an error.
func Say(words string, args ...any) Notice {
	n := Notice{Words: words, Args: args}
	for _, a := range args {
		if err, ok := a.(error); ok {
			n.Cause = err
		}
	}
	return n
}

// In returns the notice with its words in Traditional when traditional is
// set, else in Simplified.
func (n Notice) In(traditional bool) string {
	return fmt.Sprintf(inScript(n.Words, traditional), n.Args...)
}

func (n Notice) Error() string { return n.In(n.Traditional) }
func (n Notice) Unwrap() error { return n.Cause }

// notice returns the Notice that err is, under the reader's own wrappings
// (cleanError), or false when it is another error.
func notice(err error) (Notice, bool) {
	for {
		switch e := err.(type) {
		case cleanError:
			err = e.err
		case Notice:
			return e, true
		default:
			return Notice{}, false
		}
	}
}

// said returns err as the reader says it: a Notice in the script it
// speaks, another error as it is, on one line with nothing in it that the
// terminal would take for a control sequence.
func (c *common) said(err error) string {
	if n, ok := notice(err); ok {
		return clean.Line(n.In(c.traditional))
	}
	return clean.Line(err.Error())
}

// inWords returns err as said in traditional, for Run to hand back: a
// Notice, under the reader's own wrappings, with its Traditional set; any
// other error as it is.
func inWords(err error, traditional bool) error {
	if n, ok := notice(err); ok {
		n.Traditional = traditional
		return cleanError{n}
	}
	return err
}
