package main

import (
	"os"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/dubaoreader/dubao/tui/layout"
)

func TestCursorReport(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		row, col int
		rest     string
		ok       bool
	}{
		{"a plain answer", "\x1b[12;3R", 12, 3, "", true},
		{"keys typed before it", "jk\x1b[A\x1b[5;2R", 5, 2, "jk\x1b[A", true},
		{"keys before and after it", "j\x1b[5;2Rkq", 5, 2, "jkq", true},
		{"an arrow key ahead of it with an R later", "\x1b[AR\x1b[7;3R", 7, 3, "\x1b[AR", true},
		{"half an answer", "\x1b[12;", 0, 0, "", false},
		{"nothing", "", 0, 0, "", false},
		{"not numbers", "\x1b[a;bR", 0, 0, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			row, col, rest, ok := cursorReport([]byte(tt.in))
			if row != tt.row || col != tt.col || ok != tt.ok || string(rest) != tt.rest {
				t.Errorf("cursorReport(%q) = %d, %d, %q, %v; want %d, %d, %q, %v", tt.in, row, col, rest, ok, tt.row, tt.col, tt.rest, tt.ok)
			}
		})
	}
}

func TestParseAmbiguous(t *testing.T) {
	tests := []struct {
		in   string
		want layout.Ambiguous
		auto bool
		err  bool
	}{
		{"narrow", layout.Narrow, false, false},
		{"wide", layout.Wide, false, false},
		{"auto", layout.Narrow, true, false},
		{"", layout.Narrow, true, false},
		{"Wide", layout.Narrow, false, true},
		{"2", layout.Narrow, false, true},
	}
	for _, tt := range tests {
		a, auto, err := parseAmbiguous(tt.in)
		if a != tt.want || auto != tt.auto || (err != nil) != tt.err {
			t.Errorf("parseAmbiguous(%q) = %v, %v, %v", tt.in, a, auto, err)
		}
	}
}

// TestProbe plays the terminal on a pipe: it reads the question and
// answers with the cursor where a narrow or a wide “ leaves it, or not at all.
func TestProbe(t *testing.T) {
	tests := []struct {
		name   string
		answer string
		want   layout.Ambiguous
		typed  string
	}{
		{"the cursor one cell on: narrow", "\x1b[24;2R", layout.Narrow, ""},
		{"two cells on: wide", "\x1b[24;3R", layout.Wide, ""},
		{"keys typed first, then two cells on: wide, the keys kept", "jj\x1b[24;3R", layout.Wide, "jj"},
		{"no answer: narrow", "", layout.Narrow, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			answerR, answerW, err := os.Pipe()
			if err != nil {
				t.Fatal(err)
			}
			defer answerR.Close()
			defer answerW.Close()
			var asked strings.Builder
			question := writerFunc(func(p []byte) (int, error) {
				asked.Write(p)
				if strings.Contains(asked.String(), "\x1b[6n") && tt.answer != "" {
					answerW.WriteString(tt.answer)
				}
				return len(p), nil
			})
			start := time.Now()
			got, typed := probe(answerR, question, 100*time.Millisecond)
			if got != tt.want || string(typed) != tt.typed {
				t.Errorf("probe = %v, %q; want %v, %q", got, typed, tt.want, tt.typed)
			}
			if !strings.HasPrefix(asked.String(), "\r\u201c\x1b[6n") || !strings.HasSuffix(asked.String(), "\r\x1b[K") {
				t.Errorf("asked %q: want “ at the line's start, the question, and the line cleared after", asked.String())
			}
			if tt.answer != "" && time.Since(start) > 50*time.Millisecond {
				t.Errorf("an answer took %v to read", time.Since(start))
			}
		})
	}
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }

func TestTypedKeys(t *testing.T) {
	var got []string
	for _, k := range typedKeys([]byte("jj\x1b[BJq\r")) {
		got = append(got, k.(tea.KeyPressMsg).String())
	}
	if want := "j j down J q enter"; strings.Join(got, " ") != want {
		t.Errorf("typedKeys = %q, want %q", strings.Join(got, " "), want)
	}
}
