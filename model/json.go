package model

// The page schema of the corpus README, as JSON:
//
//	{"page": 3, "date": "2024-03-13", "articles": [{"title": …, "kicker": …,
//	 "subtitle": …, "byline": …, "continued_from": 0, "continued_to": 0,
//	 "paragraphs": […]}]}
//
// Fields beyond the schema (markers, furniture, name) are extra and ignored
// by readers that do not know them.

// PageJSON is the JSON form of a page.
type PageJSON struct {
	Page      int           `json:"page"`
	Date      string        `json:"date"`
	Name      string        `json:"name,omitempty"`
	Articles  []ArticleJSON `json:"articles"`
	Furniture []string      `json:"furniture,omitempty"`
	Geometry  *Geometry     `json:"geometry,omitempty"`
}

// ArticleJSON is the JSON form of an article.
type ArticleJSON struct {
	Title         string   `json:"title"`
	Kicker        string   `json:"kicker"`
	Subtitle      string   `json:"subtitle"`
	Byline        string   `json:"byline"`
	ContinuedFrom int      `json:"continued_from"`
	ContinuedTo   int      `json:"continued_to"`
	Paragraphs    []string `json:"paragraphs"`
	Markers       []string `json:"markers,omitempty"`
	Region        []Box    `json:"region,omitempty"`
}

// JSON returns the page in the schema's form.
func (p *Page) JSON() PageJSON {
	out := PageJSON{Page: p.Number, Date: p.Date, Name: p.Name, Furniture: p.Furniture, Geometry: p.Geometry, Articles: []ArticleJSON{}}
	for _, a := range p.Articles {
		out.Articles = append(out.Articles, a.JSON())
	}
	return out
}

// JSON returns the article in the schema's form.
func (a *Article) JSON() ArticleJSON {
	paras := a.Paragraphs
	if paras == nil {
		paras = []string{}
	}
	return ArticleJSON{
		Title: a.Title, Kicker: a.Kicker, Subtitle: a.Subtitle, Byline: a.Byline,
		ContinuedFrom: a.ContinuedFrom, ContinuedTo: a.ContinuedTo,
		Paragraphs: paras, Markers: a.Markers, Region: a.Region,
	}
}
