package tui

import (
	"bytes"
	"strings"
	"testing"

	"github.com/dubaoreader/dubao/model"
	"github.com/dubaoreader/dubao/tui/layout"
)

func exampleStory() *model.Story {
	return &model.Story{Parts: []*model.Article{
		{Kicker: "引题在上", Title: "主题 *重要* 1. 新闻", Subtitle: "——副题在下", Byline: "本报记者 张三", Paragraphs: []string{"第一段。", "第二段，“引号”。"}, ContinuedTo: 4},
		{ContinuedFrom: 1, Paragraphs: []string{"第三段在第4版。"}},
	}, Pages: []int{1, 4}}
}

func TestStoryText(t *testing.T) {
	want := "引题在上\n主题 *重要* 1. 新闻\n——副题在下\n本报记者 张三\n\n第一段。\n\n第二段，“引号”。\n\n第三段在第4版。\n"
	if got := StoryText(exampleStory()); got != want {
		t.Errorf("StoryText =\n%q\nwant\n%q", got, want)
	}
}

func TestStoryMarkdown(t *testing.T) {
	want := "*引题在上*\n\n# 主题 \\*重要\\* 1\\. 新闻\n\n*——副题在下*\n\n本报记者 张三\n\n第一段。\n\n第二段，“引号”。\n\n第三段在第4版。\n"
	if got := StoryMarkdown(exampleStory(), 1); got != want {
		t.Errorf("StoryMarkdown =\n%q\nwant\n%q", got, want)
	}
}

func TestPickStory(t *testing.T) {
	is := goldIssue(t, corpusPages...)
	_, st := readIssue(is)
	second := st.all[1].s
	for _, sel := range []string{"2", " 2 ", second.Heading()} {
		got, err := PickStory(is, sel)
		if err != nil || got != second {
			t.Errorf("PickStory(%q) = %v, %v; want %q", sel, got, err, second.Heading())
		}
	}
	for _, sel := range []string{"0", "999", "这个标题不存在", ""} {
		if _, err := PickStory(is, sel); err == nil {
			t.Errorf("PickStory(%q) found a story", sel)
		}
	}
}

// TestCatOneStory prints one story read across its seam: its headline
// once, all its paragraphs, nothing of another story; as Markdown, a
// paragraph a line.
func TestCatOneStory(t *testing.T) {
	is := seamIssue(t)
	var s *model.Story
	for i := range is.Stories {
		if len(is.Stories[i].Parts) > 1 {
			s = is.Stories[i]
		}
	}
	if s == nil {
		t.Fatal("the seam issue has no story across pages")
	}
	var text, md bytes.Buffer
	Cat(&text, is, CatOptions{Width: 60, Measure: layout.NewMeasure(layout.Narrow), Story: s})
	Cat(&md, is, CatOptions{Markdown: true, Story: s})
	flat := strings.NewReplacer("\n", "", " ", "", "\u3000", "").Replace(text.String())
	for _, p := range s.Paragraphs() {
		if !strings.Contains(flat, strings.NewReplacer(" ", "", "\u3000", "").Replace(p)) {
			t.Errorf("cat --story: paragraph missing: %.40s", p)
		}
		if !strings.Contains(md.String(), "\n"+escapeMarkdown(p)+"\n") {
			t.Errorf("cat --story --format md: paragraph not on a line of its own: %.40s", p)
		}
	}
	if strings.Count(md.String(), "\n# ") != 1 && !strings.HasPrefix(md.String(), "# ") {
		t.Errorf("markdown has not one title heading:\n%s", md.String())
	}
}
