package demo

import (
	"encoding/json"
	"html/template"
)

// og is the OpenGraph block of an article page; without a photo it points at the outlet's logo.
func (h *Handler) og(it *item, a *articleView) *ogView {
	o := &ogView{
		Type: "article", Title: it.Title, Description: it.Lead, URL: a.URL, SiteName: h.info.Name,
		Published: a.ISO, Section: it.sec.name, Author: it.Author,
	}
	if a.Image != nil {
		o.Image = a.Image.AbsURL
	} else {
		o.Image = h.base + "/static/logo.svg"
	}
	return o
}

type ldThing struct {
	Type string `json:"@type"`
	Name string `json:"name,omitempty"`
	ID   string `json:"@id,omitempty"`
	URL  string `json:"url,omitempty"`
	Logo any    `json:"logo,omitempty"`
}

type ldArticle struct {
	Context          string    `json:"@context"`
	Type             string    `json:"@type"`
	MainEntityOfPage ldThing   `json:"mainEntityOfPage"`
	Headline         string    `json:"headline"`
	Description      string    `json:"description"`
	Image            []string  `json:"image"`
	DatePublished    string    `json:"datePublished"`
	DateModified     string    `json:"dateModified"`
	Author           []ldThing `json:"author"`
	Publisher        ldThing   `json:"publisher"`
	ArticleSection   string    `json:"articleSection"`
	InLanguage       string    `json:"inLanguage"`
}

// jsonLD is the NewsArticle block; json.Marshal escapes <, > and & so the text cannot close the script element.
func (h *Handler) jsonLD(it *item, a *articleView) template.JS {
	img := h.base + "/static/logo.svg"
	if a.Image != nil {
		img = a.Image.AbsURL
	}
	ld := ldArticle{
		Context: "https://schema.org", Type: "NewsArticle",
		MainEntityOfPage: ldThing{Type: "WebPage", ID: a.URL},
		Headline:         it.Title, Description: it.Lead, Image: []string{img},
		DatePublished: a.ISO, DateModified: a.ISO,
		Author: []ldThing{{Type: "Person", Name: it.Author}},
		Publisher: ldThing{Type: "NewsMediaOrganization", Name: h.info.Name, URL: h.base + "/",
			Logo: ldThing{Type: "ImageObject", URL: h.base + "/static/logo.svg"}},
		ArticleSection: it.sec.name, InLanguage: "vi",
	}
	b, err := json.MarshalIndent(ld, "", "  ")
	if err != nil {
		// Only strings and slices of strings are marshalled, which cannot fail.
		return template.JS("{}")
	}
	return template.JS(b) //nolint:gosec // JSON from encoding/json with HTML escaping on.
}
