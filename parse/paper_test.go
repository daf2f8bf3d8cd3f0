package parse

import (
	"testing"

	"github.com/dubaoreader/dubao/model"
)

func TestPaperName(t *testing.T) {
	tests := []struct {
		name      string
		furniture []string
		want      string
	}{
		{"a running head that names the paper", []string{"晋中日报 2024年3月13日 星期三 第3版 要闻"}, "晋中日报"},
		{"the name after the date", []string{"2024年3月13日 星期三", "第3版 · 北京晚报"}, "北京晚报"},
		{"a running head without a paper", []string{"2019年10月15日 星期二 理论 第9版"}, ""},
		{"本报 is no paper's name", []string{"本报 第3版"}, ""},
		{"a name inside a longer word is not taken", []string{"关于人民日报社的说明 第3版"}, ""},
		{"the name run into the date", []string{"晋中日报2024年3月13日星期三第3版要闻"}, "晋中日报"},
		{"no furniture", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := PaperName([]*model.Page{{Furniture: tt.furniture}}); got != tt.want {
				t.Errorf("PaperName(%q) = %q, want %q", tt.furniture, got, tt.want)
			}
		})
	}
}
