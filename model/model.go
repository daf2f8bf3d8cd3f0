// Package model holds the article tree of a newspaper issue — issue, pages,
// articles, paragraphs — and the operations that read it. It knows nothing of
// files, terminals or how the tree was made; package parse builds it.
package model

// Issue is one day's paper: its pages in order, and its stories.
type Issue struct {
	Date  string  // "2024-03-13", "" when no page says
	Pages []*Page // in page-number order

	// Stories holds every article of the issue once, in reading order, with
	// the parts of a story continued from page to page joined. Every
	// article of every page is in exactly one story.
	Stories []*Story
}

// Page is one printed page (版) of an issue.
type Page struct {
	Number   int        // the 第N版 printed on the page, 0 when it does not say
	Name     string     // the page's name (版名), such as 要闻; may be empty
	Date     string     // "2024-03-13" as printed, "" when the page does not say
	Source   string     // where the page came from (a file name), for messages only
	Articles []*Article // in reading order

	// Furniture is the page's running heads and feet (date line, 第N版,
	// 责任编辑 …) as printed, kept so that no text of the page is lost.
	Furniture []string

	// Geometry is the printed page's size and its pictures, known when the
	// page was read from a PDF; nil for a page of extracted text.
	Geometry *Geometry
}

// Geometry is what a PDF tells of a page beyond its text.
type Geometry struct {
	Width, Height float64 // the page's size in points (1/72 inch)
	Figures       []Box   // pictures and adverts: areas of the page with no text of a story
}

// Box is a rectangle on a printed page, in points from the page's top-left
// corner: X grows to the right, Y downwards.
type Box struct {
	X0, Y0, X1, Y1 float64
}

// Empty reports whether the box covers no area.
func (b Box) Empty() bool { return b.X1 <= b.X0 || b.Y1 <= b.Y0 }

// Union returns the smallest box that holds both b and c; an empty box
// adds nothing.
func (b Box) Union(c Box) Box {
	if b.Empty() {
		return c
	}
	if c.Empty() {
		return b
	}
	return Box{min(b.X0, c.X0), min(b.Y0, c.Y0), max(b.X1, c.X1), max(b.Y1, c.Y1)}
}

// Article is one story on a page.
type Article struct {
	Title    string // the headline, lines joined; "" for a continuation whose headline is elsewhere
	Kicker   string // 引题: the line printed above the headline
	Subtitle string // 副题: the line printed below it, often starting with ——
	Byline   string // 本报讯（记者苏晴）, 本报记者 高俊明, 新华社北京3月5日电（记者X）

	ContinuedFrom int // N of （上接第N版）, 0 when the article starts on this page
	ContinuedTo   int // N of （下转第N版）, 0 when it ends on this page

	// Markers are the continuation markers as printed, such as （上接第2版）;
	// they are not body text, but they are part of the page.
	Markers []string

	Paragraphs []string // body paragraphs in reading order, one line each

	// Region is where the article is printed on its page — the rectangles
	// its headline and text blocks cover, in reading order — when the page
	// was read from a PDF; nil for a page of extracted text.
	Region []Box
}

// Bounds returns the smallest box that holds the article's region; an
// empty box when the page has no geometry.
func (a *Article) Bounds() Box {
	var b Box
	for _, r := range a.Region {
		b = b.Union(r)
	}
	return b
}

// Heading returns what a list of headlines shows for the article: its title,
// or for a continuation without one, its first words.
func (a *Article) Heading() string {
	if a.Title != "" {
		return a.Title
	}
	if len(a.Paragraphs) > 0 {
		return a.Paragraphs[0]
	}
	return ""
}
