package scorer

import "genderlens/rules"

// proximity reports a match only when, in the same sentence and within
// Near.Within tokens, there is a mention of a person of the wanted gender or
// one of the rule's context phrases.
func (s *Scorer) proximity(d *doc, r *rules.Rule, ri int32, ms []match) []Finding {
	var out []Finding
	for _, m := range ms {
		if s.near(d, r.Near, entryNear, ri, m) {
			out = append(out, s.finding(d, r, m.start, m.end))
		}
	}
	return out
}

// unless drops the matches that a rule's Unless condition cancels.
func (s *Scorer) unless(d *doc, r *rules.Rule, ri int32, ms []match) []match {
	if r.Unless == nil {
		return ms
	}
	out := ms[:0]
	for _, m := range ms {
		if !s.near(d, r.Unless, entryUnless, ri, m) {
			out = append(out, m)
		}
	}
	return out
}

// near reports whether, within n.Within tokens of m in its sentence, a
// person of n.Person's gender is mentioned or a phrase of kind k of rule ri
// occurs.
func (s *Scorer) near(d *doc, n *rules.Near, k entryKind, ri int32, m match) bool {
	w := n.Within
	lo, hi := max(0, m.start-w), min(len(d.toks), m.end+w)
	sent := d.sent[m.start]
	for t := lo; t < hi; t++ {
		if d.sent[t] != sent || t >= m.start && t < m.end {
			continue
		}
		if n.Person != "" && d.mention != nil && d.mention[t] >= 0 {
			p := d.people[d.mention[t]]
			if n.Person == "any" || s.genderOf(d, p) == n.Person {
				return true
			}
		}
		for _, h := range d.hitsAt(t) {
			e := s.m.entries[h.entry]
			if e.kind == k && e.rule == ri && (int(h.end) <= m.start || t >= m.end) {
				return true
			}
		}
	}
	return false
}

// genderOf is the gender decided for a person of the document.
func (s *Scorer) genderOf(d *doc, p *person) string {
	return p.gender
}
