package tui

import (
	"testing"

	"github.com/dubaoreader/dubao/tui/layout"
)

func TestCursorReport(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		row, col int
		ok       bool
	}{
		{"a plain answer", "\x1b[12;3R", 12, 3, true},
		{"keys typed before it", "jk\x1b[A\x1b[5;2R", 5, 2, true},
		{"an arrow key ahead of it with an R later", "\x1b[AR\x1b[7;3R", 7, 3, true},
		{"half an answer", "\x1b[12;", 0, 0, false},
		{"nothing", "", 0, 0, false},
		{"not numbers", "\x1b[a;bR", 0, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			row, col, ok := cursorReport([]byte(tt.in))
			if row != tt.row || col != tt.col || ok != tt.ok {
				t.Errorf("cursorReport(%q) = %d, %d, %v; want %d, %d, %v", tt.in, row, col, ok, tt.row, tt.col, tt.ok)
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
		a, auto, err := ParseAmbiguous(tt.in)
		if a != tt.want || auto != tt.auto || (err != nil) != tt.err {
			t.Errorf("ParseAmbiguous(%q) = %v, %v, %v", tt.in, a, auto, err)
		}
	}
}
