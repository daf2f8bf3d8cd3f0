package parse

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// A front page whose lead story goes on to page 11, where d04's second
// part takes it up with （上接第1版）.
const frontPage = `2019年2月22日 星期五 要闻 第1版
本报北京2月21日电 （记者林一
帆）某某部办公室、某某局办公
室日前印发了《关于推进小菜园和
社区邻里服务协同共建的办法》。
（下转第11版）
关于推进小菜园和社区邻里服务协同共建的办法
`

func readCorpus(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/corpus/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestIssueOrdersPages(t *testing.T) {
	tests := []struct {
		name  string
		files []File
		want  []int
	}{
		{"by the number printed on the page", []File{
			{"b.txt", readCorpus(t, "dev/d04.txt")},
			{"a.txt", readCorpus(t, "dev/d01.txt")},
		}, []int{3, 11}},
		{"by the number in the file name when the page prints none", []File{
			{"page03.txt", readCorpus(t, "seed/000_5477695c32189c33.txt")},
			{"rmrb2024031301.txt", []byte("本报讯（记者甲）一则短讯。\n一则短讯\n")},
		}, []int{1, 3}},
		{"the number printed in a running head of name and number wins over the file name", []File{
			{"06.txt", []byte("社区·民生 第2版\n市民王女士说，过去坐公交\n去高铁站要倒两次车。\n三条公交新线路开通\n")},
			{"05.txt", []byte("本报讯（记者甲）一则短讯。\n一则短讯\n")},
		}, []int{2, 5}},
		{"unnumbered pages after numbered ones, in the order given", []File{
			{"x.txt", []byte("甲文。\n")},
			{"y.txt", readCorpus(t, "dev/d01.txt")},
		}, []int{3, 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			is, errs, err := Issue(tt.files)
			if err != nil || len(errs) > 0 {
				t.Fatal(err, errs)
			}
			var got []int
			for _, p := range is.Pages {
				got = append(got, p.Number)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("pages %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Fatalf("pages %v, want %v", got, tt.want)
				}
			}
		})
	}
}

func TestNameNumber(t *testing.T) {
	for name, want := range map[string]int{
		"01.txt": 1, "page03.txt": 3, "rmrb2024031303.txt": 3, "第12版.txt": 12,
		"dir/p7": 7, "notes.txt": 0, "20240313.txt": 0, "1234.txt": 0,
		// Only the trailing number group names a page: digits with a
		// letter after them are part of a word.
		"story50k.txt": 0, "v2draft.txt": 0, "05_.txt": 5,
	} {
		if got := nameNumber(name); got != want {
			t.Errorf("nameNumber(%q) = %d, want %d", name, got, want)
		}
	}
}

func TestIssueJoinsContinuations(t *testing.T) {
	t.Run("both parts present", func(t *testing.T) {
		is, _, err := Issue([]File{{"11.txt", readCorpus(t, "dev/d04.txt")}, {"01.txt", []byte(frontPage)}})
		if err != nil {
			t.Fatal(err)
		}
		var joined int
		for _, s := range is.Stories {
			if len(s.Parts) == 2 {
				joined++
				if s.Pages[0] != 1 || s.Pages[1] != 11 {
					t.Errorf("pages %v, want [1 11]", s.Pages)
				}
				if !strings.Contains(s.Lead().Title, "小菜园") {
					t.Errorf("lead title %q", s.Lead().Title)
				}
				if len(s.Seams()) != 1 || s.Seams()[0] != len(s.Parts[0].Paragraphs) {
					t.Errorf("seams %v", s.Seams())
				}
				if s.MissingFrom != 0 || s.MissingTo != 0 {
					t.Errorf("missing %d %d", s.MissingFrom, s.MissingTo)
				}
			}
		}
		if joined != 1 {
			t.Fatalf("%d joined stories, want 1", joined)
		}
		// Every article of every page is in exactly one story.
		n := 0
		for _, p := range is.Pages {
			n += len(p.Articles)
		}
		m := 0
		for _, s := range is.Stories {
			m += len(s.Parts)
		}
		if n != m {
			t.Errorf("%d articles on the pages, %d in the stories", n, m)
		}
	})
	t.Run("the other part missing", func(t *testing.T) {
		is, _, err := Issue([]File{{"03.txt", readCorpus(t, "seed/000_5477695c32189c33.txt")}})
		if err != nil {
			t.Fatal(err)
		}
		last := is.Stories[len(is.Stories)-1]
		if last.MissingFrom != 2 {
			t.Errorf("MissingFrom = %d, want 2 (（上接第2版）, page 2 not in the issue)", last.MissingFrom)
		}
	})
}

func TestIssueJSON(t *testing.T) {
	is, _, err := Issue([]File{{"01.txt", []byte(frontPage)}, {"11.txt", readCorpus(t, "dev/d04.txt")}})
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(is.JSON())
	if err != nil {
		t.Fatal(err)
	}
	var back struct {
		Date  string            `json:"date"`
		Pages []json.RawMessage `json:"pages"`
		Arts  []struct {
			Title      string   `json:"title"`
			Pages      []int    `json:"pages"`
			Paragraphs []string `json:"paragraphs"`
			From       int      `json:"continued_from"`
			To         int      `json:"continued_to"`
		} `json:"articles"`
	}
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if back.Date != "2019-02-22" || len(back.Pages) != 2 {
		t.Fatalf("date %q, %d pages", back.Date, len(back.Pages))
	}
	found := false
	for _, a := range back.Arts {
		if len(a.Pages) == 2 {
			found = true
			if a.From != 0 || a.To != 0 {
				t.Errorf("joined story says continued_from %d, continued_to %d; want 0, 0", a.From, a.To)
			}
			if len(a.Paragraphs) < 10 {
				t.Errorf("joined story has %d paragraphs", len(a.Paragraphs))
			}
		}
	}
	if !found {
		t.Error("no article spans two pages")
	}
}
