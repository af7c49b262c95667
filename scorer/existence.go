package scorer

import "genderlens/rules"

// existence reports every match of the rule's phrases.
func (s *Scorer) existence(d *doc, r *rules.Rule, ms []match) []Finding {
	out := make([]Finding, 0, len(ms))
	for _, m := range ms {
		out = append(out, s.finding(d, r, m.start, m.end))
	}
	return out
}
