package scorer

import (
	"slices"

	"genderlens/model"
)

// Revise recomputes what follows from a result's people and findings after a reviewer corrected them: the counts of
// people and quoted sources, the quoted sources by role, the findings' order and line and column in text, the
// indicator groups and the score. The topics and the article-level alerts stay as the scorer found them.
func (s *Scorer) Revise(res *Result, text string) {
	res.Counts = Counts{}
	res.QuotedByRole = map[string]model.GenderCounts{}
	for _, p := range res.People {
		res.Counts.People.Count(p.Gender)
		if p.Quoted {
			res.Counts.Quoted.Count(p.Gender)
			g := res.QuotedByRole[p.Role]
			g.Count(p.Gender)
			res.QuotedByRole[p.Role] = g
		}
	}
	slices.SortStableFunc(res.Findings, func(a, b Finding) int { return a.Start - b.Start })
	setPositions(text, res.Findings)
	res.Indicators = map[string]float64{}
	s.score(res)
}
