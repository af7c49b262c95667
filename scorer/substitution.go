package scorer

import "genderlens/rules"

// substitution reports each phrase with its better wording.
func (s *Scorer) substitution(d *doc, r *rules.Rule, ms []match) []Finding {
	out := make([]Finding, 0, len(ms))
	for _, m := range ms {
		f := s.finding(d, r, m.start, m.end)
		better := s.m.entries[m.entry].replacement
		f.Suggestion = swapSuggestion(d.lang, f.Text, better)
		if extra := r.Suggestion.In(d.lang); extra != "" {
			f.Suggestion += " " + extra
		}
		out = append(out, f)
	}
	return out
}
