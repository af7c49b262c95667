package review

import (
	"strings"

	"genderlens/gold"
	"genderlens/model"
)

// unnamedSuffix marks an unnamed quoted individual in the annotated sets.
const unnamedSuffix = " (không tên)"

// Gold is a reviewed article as a line of an annotated set (../shared/gold's schema), so that a district's own
// reviews measure the rules as the project's sets do: the text the scorer read, the reviewed people (the same
// person once), each gendered-language phrase of the reviewed findings once, and the reviewed topic flags. ok is
// false for an article that is not reviewed or is out of scope: its labels would be the machine's.
func (a Article) Gold(outletName string) (g gold.Article, ok bool) {
	o := a.Outcome
	if o.Reviewed == nil || o.OutOfScope != nil {
		return gold.Article{}, false
	}
	d := a.Document
	g = gold.Article{ID: d.Outlet + "_" + a.TextHash[:12], Outlet: outletName, URL: d.URL, Category: d.Section,
		Title: d.Title, Text: a.Text}
	if !d.Published.IsZero() {
		g.Date = d.Published.In(model.Vietnam()).Format("20060102")
	}
	res := o.Result
	g.Gold.People = make([]gold.Person, 0, len(res.People))
	for _, p := range res.People {
		name := p.Name
		if p.Unnamed && !strings.HasSuffix(name, unnamedSuffix) {
			name += unnamedSuffix
		}
		g.Gold.People = append(g.Gold.People, gold.Person{Name: name, Gender: goldGender(p.Gender), Quoted: p.Quoted, Role: p.Role})
	}
	g.Gold.Language = []gold.Phrase{}
	seen := map[gold.Phrase]bool{}
	for _, f := range res.Findings {
		c, known := model.LookupCategory(f.Category)
		ph := gold.Phrase{Text: f.Text, Category: f.Category}
		if !known || !c.GenderedLanguage() || f.Text == "" || seen[ph] {
			continue
		}
		seen[ph] = true
		g.Gold.Language = append(g.Gold.Language, ph)
	}
	g.Gold.GBV, g.Gold.GenderEqualityFocus, g.Gold.WomenFocus = res.Topics.GBV, res.Topics.GenderEquality, res.Topics.WomenFocus
	return g, true
}

func goldGender(g string) string {
	switch g {
	case model.Female:
		return gold.Female
	case model.Male:
		return gold.Male
	}
	return gold.Unknown
}
