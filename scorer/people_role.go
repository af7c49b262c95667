package scorer

// Stage 6 of the people finder: each person's role, as monitors code a
// source's function. The title nearest before a mention wins (already
// taken with the candidate), then a title in the appositive after a
// mention ("X, Giám đốc Sở"); without a title, people in sport and
// entertainment sections are celebrities and people with an honorific are
// ordinary people; the rest are "other".

// roles decides the role of every person that has none yet.
func (s *Scorer) roles(d *doc) {
	for _, p := range d.people {
		if p.role != "" {
			continue
		}
		if role, cue, ok := s.appositiveRole(d, p); ok {
			p.role, p.roleBy = role, cue
			continue
		}
		p.role, p.roleBy = s.defaultRole(d, p)
	}
}

// defaultRole is the role of a person no title describes.
func (s *Scorer) defaultRole(d *doc, p *person) (string, Cue) {
	switch {
	case s.inSection(d, "sport") || s.inSection(d, "entertainment"):
		return roleCelebrity, Cue{Decides: "role", Kind: cueSection, Value: roleCelebrity, Text: d.section}
	case s.hasHonorific(p):
		return roleOrdinary, Cue{Decides: "role", Kind: cueDefault, Value: roleOrdinary}
	}
	return roleOther, Cue{Decides: "role", Kind: cueDefault, Value: roleOther}
}

// hasHonorific reports whether any mention had an honorific.
func (s *Scorer) hasHonorific(p *person) bool {
	for _, c := range p.gcues {
		if c.cue.Kind == cueHonorific {
			return true
		}
	}
	return false
}

// appositiveRole looks for a title right after a mention: "X, Giám đốc Sở",
// "X (giáo viên)", "X - phó chủ tịch".
func (s *Scorer) appositiveRole(d *doc, p *person) (string, Cue, bool) {
	for _, sp := range p.spans {
		b := sp[1]
		for k := b; k < len(d.toks) && k < b+6; k++ {
			if k > b && d.sent[k] != d.sent[b-1] || d.mention[k] >= 0 {
				break
			}
			if e, end, ok := d.cueAt(s, k, entryTitle); ok {
				return e.tag, d.cueOf("role", cueTitle, e.tag, k, end), true
			}
		}
	}
	return "", Cue{}, false
}
