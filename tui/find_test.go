package tui

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/dubaoreader/dubao/model"
)

func TestFind(t *testing.T) {
	long := strings.Repeat("前", 20) + "春天" + strings.Repeat("后", 20)
	is := &model.Issue{Pages: []*model.Page{{Number: 3, Name: "要闻", Source: "p3.txt", Articles: []*model.Article{
		{Title: "春天来了", Paragraphs: []string{"短句里的春天。", long}},
		{ContinuedFrom: 2, Paragraphs: []string{"又一个春天"}},
	}}}}
	tests := []struct {
		name string
		o    FindOptions
		want string
	}{
		{"marked for a pipe, cut with … where the context is", FindOptions{}, "" +
			"第3版 春天来了  标题：⟦春天⟧来了\n" +
			"第3版 春天来了  短句里的⟦春天⟧。\n" +
			"第3版 春天来了  …" + strings.Repeat("前", 15) + "⟦春天⟧" + strings.Repeat("后", 15) + "…\n" +
			"第3版 （续）又一个春天  又一个⟦春天⟧\n"},
		{"reverse video on a terminal", FindOptions{Terminal: true}, "" +
			"\x1b[1m第3版 春天来了\x1b[22m  标题：\x1b[7m春天\x1b[27m来了\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			n, err := Find(&b, is, "春天", tt.o)
			if err != nil || n != 4 {
				t.Fatalf("%d matches, %v", n, err)
			}
			if !strings.HasPrefix(b.String(), tt.want) {
				t.Errorf("printed\n%s\nwant\n%s", b.String(), tt.want)
			}
		})
	}
	var b strings.Builder
	if _, err := Find(&b, is, "春天", FindOptions{JSON: true}); err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n") {
		var f FoundJSON
		if err := json.Unmarshal([]byte(line), &f); err != nil {
			t.Fatalf("line %d: %v", i, err)
		}
		a := is.Pages[0].Articles[f.Article]
		text := a.Title
		if f.Field == "paragraph" {
			text = a.Paragraphs[*f.Paragraph]
		}
		if text[f.Start:f.End] != "春天" || f.Match != "春天" || f.Page != 3 || f.PageName != "要闻" || f.File != "p3.txt" {
			t.Errorf("line %d: %+v", i, f)
		}
		if (f.Field == "paragraph") != (f.Paragraph != nil) {
			t.Errorf("line %d: paragraph %v in the %s", i, f.Paragraph, f.Field)
		}
	}
}
