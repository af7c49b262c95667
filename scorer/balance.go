package scorer

import (
	"genderlens/model"
	"genderlens/rules"
)

// balanceRules evaluates the source-ratio rules on the people found. They
// describe the whole article, so their findings have no span.
func (s *Scorer) balanceRules(d *doc, res *Result, fired map[string]bool) []Finding {
	var out []Finding
	for ri := range s.rules {
		r := &s.rules[ri]
		if r.Kind != rules.KindBalance || !s.applies(d, r) {
			continue
		}
		g := s.group(res, r.Balance.Of)
		b := r.Balance
		f := Finding{
			Rule: r.ID, Indicator: r.Indicator, Category: r.Category, Severity: r.Severity,
			Message: r.Message.In(d.lang), Suggestion: r.Suggestion.In(d.lang),
		}
		if b.MinFemale > 0 {
			if g.Female < b.MinFemale {
				continue
			}
			// Point the positive signal at the first such woman.
			for _, p := range res.People {
				if p.Gender == female && s.inGroup(p, b.Of) && len(p.Mentions) > 0 {
					f.Start, f.End = p.Mentions[0].Start, p.Mentions[0].End
					f.Text = d.input[f.Start:f.End]
					break
				}
			}
		} else {
			total := g.Female + g.Male
			if total < max(1, b.MinSources) || float64(g.Female) >= b.MinShare*float64(total) {
				continue
			}
		}
		fired[r.ID] = true
		out = append(out, f)
	}
	return out
}

// group counts, by gender, the people a balance rule is about.
func (s *Scorer) group(res *Result, of string) model.GenderCounts {
	var g model.GenderCounts
	for _, p := range res.People {
		if s.inGroup(p, of) {
			g.Count(p.Gender)
		}
	}
	return g
}

func (s *Scorer) inGroup(p Person, of string) bool {
	switch of {
	case "quoted":
		return p.Quoted
	case "experts":
		return p.Quoted && p.Role == roleExpert
	case "officials":
		return p.Quoted && p.Role == roleOfficial
	}
	return true
}
