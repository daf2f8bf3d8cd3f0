package parse

import (
	"regexp"
	"strings"
)

// Continuation markers: （上接第2版） at the head of an article whose first
// part is on another page, （下转第4版） at the foot of one that goes on
// elsewhere. With or without brackets, with ASCII, full-width or Chinese
// numerals.

var (
	markerBracketed = regexp.MustCompile(`[（(]\s*(上接|紧接|緊接|接|下转|下轉|转|轉|续|續)\s*(?:第\s*)?([0-9０-９]+|[一二三四五六七八九十百零〇两]+|[A-Za-z]\s*[0-9]+)\s*版\s*(?:[^）)]{0,6})?[）)]`)
	markerBare      = regexp.MustCompile(`^(上接|紧接|緊接|下转|下轉)\s*(?:第\s*)?([0-9０-９]+|[一二三四五六七八九十百零〇两]+|[A-Za-z][0-9]+)\s*版|(上接|紧接|緊接|下转|下轉)\s*(?:第\s*)?([0-9０-９]+|[一二三四五六七八九十百零〇两]+|[A-Za-z][0-9]+)\s*版$`)
)

// A marker found in a line.
type marker struct {
	text  string // as printed
	from  bool   // 上接: continued from; otherwise continued to
	page  int
	start int // byte offsets in the line's text
	end   int
}

// findMarkers returns the continuation markers in t, in order.
func findMarkers(t string) []marker {
	// Every marker names a page (版) and says 接, 转 or 续 (轉, 續).
	if !strings.Contains(t, "版") || !strings.Contains(t, "接") && !strings.Contains(t, "转") && !strings.Contains(t, "续") &&
		!strings.Contains(t, "轉") && !strings.Contains(t, "續") {
		return nil
	}
	var out []marker
	for _, m := range markerBracketed.FindAllStringSubmatchIndex(t, -1) {
		out = append(out, newMarker(t, m[0], m[1], t[m[2]:m[3]], t[m[4]:m[5]]))
	}
	if len(out) == 0 {
		if m := markerBare.FindStringSubmatchIndex(t); m != nil {
			if m[2] >= 0 {
				out = append(out, newMarker(t, m[0], m[1], t[m[2]:m[3]], t[m[4]:m[5]]))
			} else {
				out = append(out, newMarker(t, m[0], m[1], t[m[6]:m[7]], t[m[8]:m[9]]))
			}
		}
	}
	return out
}

func newMarker(t string, start, end int, verb, num string) marker {
	num = strings.ReplaceAll(num, " ", "")
	from := verb == "上接" || verb == "紧接" || verb == "緊接" || verb == "接" || verb == "续" || verb == "續"
	return marker{text: t[start:end], from: from, page: pageNumber(num), start: start, end: end}
}
