package parse

import "testing"

// The editors' line opens with its credit; a line of a story that holds
// one of the words (学校对面, 校对书稿) is text, wherever it stands.
func TestEditorsLineOpensWithTheCredit(t *testing.T) {
	for _, c := range []struct {
		line string
		want bool
	}{
		{"责任编辑：张三 美编：李四 校对：王五", true},
		{"本版责任编辑：张三", true},
		{"版式设计：李四", true},
		{"编辑：王五", true},
		{"编辑:王五", true},
		{"本版编辑:王五 版式:赵六", true},
		{"學校對面的商店", false},
		{"学校对面的商店，每天清早开门。", false},
		{"他请同事帮忙校对书稿，", false},
		{"编辑同志：贵报日前刊登的", false},
	} {
		if got := namesEditors(c.line); got != c.want {
			t.Errorf("namesEditors(%q) = %v, want %v", c.line, got, c.want)
		}
		if got := plainFurniture(c.line); got != c.want {
			t.Errorf("plainFurniture(%q) = %v, want %v", c.line, got, c.want)
		}
	}
}
