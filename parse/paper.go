package parse

import (
	"regexp"
	"strings"

	"github.com/dubaoreader/dubao/model"
)

// paperName matches a newspaper's name as a running head prints it: a few
// ideographs ending in 报 — 晋中日报, 人民日报, 北京晚报, 经济日报 — standing
// apart from the rest of the line.
var paperName = regexp.MustCompile(`(?:^|[\s·|｜])(\p{Han}{1,10}(?:日报|晚报|晨报|时报|商报|早报|周报|法制报|青年报|农民报|都市报))(?:$|[\s·|｜])`)

// PaperName returns the name of the paper that the running heads of pages
// print (晋中日报 in "晋中日报 2024年3月13日 星期三 第3版"), "" when none
// does. Only furniture is read, never a story's text, where a paper is
// often named.
func PaperName(pages []*model.Page) string {
	for _, p := range pages {
		for _, f := range p.Furniture {
			f = strings.TrimSpace(f)
			if m := furnPaperFirst.FindStringSubmatch(f); m != nil {
				return m[1]
			}
			if m := paperName.FindStringSubmatch(f); m != nil && !strings.HasPrefix(m[1], "本") {
				return m[1]
			}
		}
	}
	return ""
}
