package parse

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dubaoreader/dubao/model"
)

// Tests of the geometry parse. The fixtures in testdata/geom are corners of
// corpus PDFs, extracted once by PDFium (go test ./parse/pdfium -run
// TestDumpSheets with DUBAO_DUMP_CROP); the synthetic pages here are set by
// setter below. None of them needs PDFium.

// TestGeomGolden parses each fixture and compares the page's JSON, with the
// articles' regions, with NAME.golden; go test ./parse -run TestGeomGolden
// -update rewrites them.
func TestGeomGolden(t *testing.T) {
	names, _ := filepath.Glob("testdata/geom/*.json")
	if len(names) == 0 {
		t.Fatal("no fixtures in testdata/geom")
	}
	for _, name := range names {
		if strings.HasSuffix(name, ".golden.json") {
			continue
		}
		t.Run(filepath.Base(name), func(t *testing.T) {
			p := SheetPage(readSheet(t, name))
			got, err := json.MarshalIndent(p.JSON(), "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			golden := strings.TrimSuffix(name, ".json") + ".golden.json"
			if *update {
				if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (write it with -update)", err)
			}
			if !bytes.Equal(bytes.TrimSpace(got), bytes.TrimSpace(want)) {
				t.Errorf("%s differs from %s:\n%s", name, golden, got)
			}
		})
	}
}

// TestGeomNothingLost: every character printed on a fixture's page lands
// somewhere in the page: furniture, a headline, a byline, a paragraph or a
// continuation marker.
func TestGeomNothingLost(t *testing.T) {
	names, _ := filepath.Glob("testdata/geom/*.json")
	for _, name := range names {
		if strings.HasSuffix(name, ".golden.json") {
			continue
		}
		s := readSheet(t, name)
		p := SheetPage(s)
		var printed, kept []rune
		for _, c := range s.Chars {
			printed = append(printed, []rune(Normalize(string(c.R)))...)
		}
		all := strings.Join(p.Furniture, "")
		for _, a := range p.Articles {
			all += a.Kicker + a.Title + a.Subtitle + a.Byline + strings.Join(a.Markers, "") + strings.Join(a.Paragraphs, "")
		}
		kept = []rune(all)
		if d := runeDiff(printed, kept); d != "" {
			t.Errorf("%s: %s", name, d)
		}
	}
}

// runeDiff says which characters, apart from spaces, are in a but not in b
// or the other way round.
func runeDiff(a, b []rune) string {
	count := map[rune]int{}
	for _, r := range a {
		if !isSpace(r) {
			count[r]++
		}
	}
	for _, r := range b {
		if !isSpace(r) {
			count[r]--
		}
	}
	var lost, made []string
	for r, n := range count {
		switch {
		case n > 0:
			lost = append(lost, fmt.Sprintf("%q×%d", r, n))
		case n < 0:
			made = append(made, fmt.Sprintf("%q×%d", r, -n))
		}
	}
	slices.Sort(lost)
	slices.Sort(made)
	if len(lost) == 0 && len(made) == 0 {
		return ""
	}
	return fmt.Sprintf("lost %v, made up %v", lost, made)
}

// TestSheetJSON: a sheet written and read back is the same sheet, to a
// hundredth of a point.
func TestSheetJSON(t *testing.T) {
	s := &Sheet{Width: 600, Height: 800,
		Chars: []Char{
			{R: '报', Box: model.Box{X0: 10, Y0: 20, X1: 22.004, Y1: 32}, Size: 12},
			{R: 0, Box: model.Box{X0: 22, Y0: 20, X1: 34, Y1: 32}, Size: 12, Font: "SimSun", Weight: 700},
		},
		Pictures: []model.Box{{X0: 1, Y0: 2, X1: 3, Y1: 4}},
		Rules:    []model.Box{{X0: 5, Y0: 6, X1: 7, Y1: 8}},
	}
	b, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	var back Sheet
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	s.Chars[0].Box.X1 = 22
	s.Chars[1].R = 0xFFFD // no code point is written as U+FFFD
	if fmt.Sprint(*s) != fmt.Sprint(back) {
		t.Errorf("round trip:\n got %+v\nwant %+v", back, *s)
	}
	if err := json.Unmarshal([]byte(`{"Text":"ab","Boxes":[1,2,3]}`), &back); err == nil {
		t.Error("boxes that do not match the characters were taken")
	}
}

// setter sets text on a synthetic page the way a layout engine does:
// characters an em wide, lines an em and a quarter apart, justified into
// columns of a given width.
type setter struct{ s Sheet }

// line sets one line at x, its em box's top at y.
func (st *setter) line(text string, x, y, size float64) {
	for i, r := range []rune(text) {
		st.s.Chars = append(st.s.Chars, Char{R: r, Size: size,
			Box: model.Box{X0: x + float64(i)*size, Y0: y, X1: x + float64(i+1)*size - 0.5, Y1: y + size}})
	}
}

// column sets paragraphs into a column of width ems from (x, y), each
// paragraph's first line indented two ems, and returns the y under it.
func (st *setter) column(paras []string, x, y, size float64, width int) float64 {
	for _, p := range paras {
		rs := []rune(p)
		indent := 2
		for len(rs) > 0 {
			n := min(width-indent, len(rs))
			st.line(string(rs[:n]), x+float64(indent)*size, y, size)
			rs, indent, y = rs[n:], 0, y+1.25*size
		}
	}
	return y
}

// words makes n characters of body text, ending a sentence.
func words(seed rune, n int) string {
	rs := make([]rune, n)
	for i := range rs {
		rs[i] = seed + rune(i%40)
	}
	rs[n-1] = '。'
	return string(rs)
}

func TestGeomSynthetic(t *testing.T) {
	const body = 10.0
	t.Run("two stories side by side, each a headline over two columns", func(t *testing.T) {
		st := &setter{s: Sheet{Width: 600, Height: 400}}
		st.line("二〇二四年三月十三日 第3版", 20, 10, body)
		st.s.Rules = append(st.s.Rules, model.Box{X0: 20, Y0: 24, X1: 580, Y1: 25})
		for k, x := range []float64{20, 310} {
			st.line(fmt.Sprintf("标题%c新闻", '甲'+rune(k)), x+60, 40, 2*body)
			y := 70.0
			st.column([]string{words('一', 25), words('丁', 20)}, x, y, body, 12)
			st.column([]string{words('人', 18)}, x+140, y, body, 12)
		}
		p := SheetPage(&st.s)
		if p.Number != 3 {
			t.Errorf("page number %d, want 3", p.Number)
		}
		if len(p.Articles) != 2 {
			t.Fatalf("%d articles, want 2: %s", len(p.Articles), dumpArticles(p))
		}
		for k, a := range p.Articles {
			if want := fmt.Sprintf("标题%c新闻", '甲'+rune(k)); a.Title != want {
				t.Errorf("article %d: title %q, want %q", k, a.Title, want)
			}
			want := []string{words('一', 25), words('丁', 20), words('人', 18)}
			if !slices.Equal(a.Paragraphs, want) {
				t.Errorf("article %d: paragraphs %q, want %q", k, a.Paragraphs, want)
			}
			if len(a.Region) != 3 || a.Bounds().X0 < float64(k)*290 {
				t.Errorf("article %d: region %v", k, a.Region)
			}
		}
	})
	t.Run("a headline centred over the middle of three columns heads them all", func(t *testing.T) {
		st := &setter{s: Sheet{Width: 500, Height: 400}}
		st.line("居中标题", 150+(140-40)/2, 20, 2*body)
		for c := range 3 {
			st.column([]string{words('一'+rune(c), 30)}, 10+float64(c)*140, 60, body, 12)
		}
		p := SheetPage(&st.s)
		if len(p.Articles) != 1 || p.Articles[0].Title != "居中标题" || len(p.Articles[0].Paragraphs) != 3 {
			t.Fatalf("want one story of three paragraphs under its headline: %s", dumpArticles(p))
		}
	})
	t.Run("a large kicker and subtitle around a larger title", func(t *testing.T) {
		st := &setter{s: Sheet{Width: 400, Height: 400}}
		st.line("引题之行", 60, 20, 1.4*body)
		st.line("主标题行", 40, 20+1.6*body, 2.5*body)
		st.line("副题之行", 60, 20+4.4*body, 1.3*body)
		st.column([]string{words('一', 30)}, 10, 20+6.5*body, body, 20)
		p := SheetPage(&st.s)
		if len(p.Articles) != 1 {
			t.Fatalf("%d articles: %s", len(p.Articles), dumpArticles(p))
		}
		if a := p.Articles[0]; a.Kicker != "引题之行" || a.Title != "主标题行" || a.Subtitle != "副题之行" {
			t.Errorf("kicker %q title %q subtitle %q", a.Kicker, a.Title, a.Subtitle)
		}
	})
	t.Run("a bold headline little larger than a body that is not bold", func(t *testing.T) {
		st := &setter{s: Sheet{Width: 600, Height: 400}}
		for k, x := range []float64{10, 300} {
			n := len(st.s.Chars)
			st.line([]string{"粗体甲标题", "粗体乙标题"}[k], x, 20, 1.1*body)
			for i := n; i < len(st.s.Chars); i++ {
				st.s.Chars[i].Weight = 700
			}
			n = len(st.s.Chars)
			st.column([]string{words('一', 50)}, x, 20+2*body, body, 20)
			for i := n; i < len(st.s.Chars); i++ {
				st.s.Chars[i].Weight = 400
			}
		}
		p := SheetPage(&st.s)
		if len(p.Articles) != 2 || p.Articles[0].Title != "粗体甲标题" || p.Articles[1].Title != "粗体乙标题" {
			t.Fatalf("want two stories under their bold headlines: %s", dumpArticles(p))
		}
	})
	t.Run("a headline set vertically beside its story", func(t *testing.T) {
		st := &setter{s: Sheet{Width: 400, Height: 400}}
		for i, r := range []rune("竖排标题") {
			st.line(string(r), 10, 20+float64(i)*2.2*body, 2*body)
		}
		st.column([]string{words('一', 60), words('丁', 40)}, 50, 20, body, 20)
		p := SheetPage(&st.s)
		if len(p.Articles) != 1 || p.Articles[0].Title != "竖排标题" || len(p.Articles[0].Paragraphs) != 2 {
			t.Fatalf("want the story under its vertical headline: %s", dumpArticles(p))
		}
	})
	t.Run("a tint behind a story is no picture", func(t *testing.T) {
		st := &setter{s: Sheet{Width: 400, Height: 400}}
		st.s.Pictures = []model.Box{{X0: 5, Y0: 5, X1: 250, Y1: 200}, {X0: 260, Y0: 20, X1: 390, Y1: 120}}
		st.line("底纹标题", 40, 20, 2*body)
		st.column([]string{words('一', 30), words('丁', 30)}, 10, 60, body, 20)
		p := SheetPage(&st.s)
		if len(p.Articles) != 1 || p.Articles[0].Title != "底纹标题" || len(p.Articles[0].Paragraphs) != 2 {
			t.Fatalf("want the story on its tint: %s", dumpArticles(p))
		}
		if f := p.Geometry.Figures; len(f) != 1 || f[0].X0 != 260 {
			t.Errorf("figures %v, want only the picture with no text on it", f)
		}
	})
	t.Run("a continuation beside a story is an article of its own", func(t *testing.T) {
		st := &setter{s: Sheet{Width: 500, Height: 400}}
		st.line("（上接第2版）"+string([]rune(words('天', 20))[:6]), 10, 20, body)
		st.column([]string{words('地', 40)}, 10, 20+1.25*body, body, 12)
		st.line("另一标题", 200, 20, 2*body)
		st.column([]string{words('玄', 40)}, 170, 60, body, 12)
		p := SheetPage(&st.s)
		if len(p.Articles) != 2 {
			t.Fatalf("%d articles, want 2: %s", len(p.Articles), dumpArticles(p))
		}
		if a := p.Articles[0]; a.ContinuedFrom != 2 || a.Title != "" {
			t.Errorf("the continuation: from %d, title %q", a.ContinuedFrom, a.Title)
		}
		if a := p.Articles[1]; a.Title != "另一标题" || a.ContinuedFrom != 0 {
			t.Errorf("the story: %q from %d", a.Title, a.ContinuedFrom)
		}
	})
}

func dumpArticles(p *model.Page) string {
	b, _ := json.MarshalIndent(p.JSON().Articles, "", " ")
	return string(b)
}

// FuzzSheetPage: whatever a sheet holds, the geometry parse does not panic
// and makes a page. Seeded with the fixtures.
func FuzzSheetPage(f *testing.F) {
	names, _ := filepath.Glob("testdata/geom/*.json")
	for _, name := range names {
		if strings.HasSuffix(name, ".golden.json") {
			continue
		}
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`{"W":100,"H":100,"Text":"甲乙","Boxes":[0,0,10,10,10,5,0,15,10,10]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		var s Sheet
		if json.Unmarshal(b, &s) != nil || len(s.Chars) > 20000 {
			return
		}
		if SheetPage(&s) == nil {
			t.Fatal("no page")
		}
	})
}
