package scorer

import "genderlens/rules"

// topicRules sets the article's topics: a topic holds when the cues of one
// of its rules occur at least MinHits times (default 1). A rule with Near
// counts a cue only with one of its context phrases close by ("hiếp dâm"
// next to "bé gái" or "tội" tells a case; alone it may be a passing
// mention), and Unless cancels a cue; people are not known yet, so both
// look at phrases only.
func (s *Scorer) topicRules(d *doc, fired map[string]bool) {
	cues, except := d.ruleMatches(len(s.rules))
	for _, h := range d.hits {
		e := s.m.meta[h.entry]
		if !e.topic {
			continue
		}
		m := match{rule: e.rule, start: int(h.start), end: int(h.end)}
		switch e.kind {
		case entryRule:
			cues[e.rule] = append(cues[e.rule], m)
		case entryException:
			except[e.rule] = append(except[e.rule], m)
		}
	}
	for ri := range s.rules {
		r := &s.rules[ri]
		if r.Kind != rules.KindTopic || len(cues[ri]) < max(1, r.MinHits) || !s.applies(d, r) {
			continue // too few cues, whatever their context: skip the work
		}
		ms := s.unless(d, r, int32(ri), longestFirst(d, nil, cues[ri], except[ri]))
		if r.Near != nil {
			kept := ms[:0]
			for _, m := range ms {
				if _, _, ok := s.near(d, r.Near, entryNear, int32(ri), m); ok {
					kept = append(kept, m)
				} else {
					if d.explain {
						d.drop(r, m, "no context phrase within "+itoa(r.Near.Within)+" words")
					}
				}
			}
			ms = kept
		}
		if r.Central != nil && len(ms) >= max(1, r.MinHits) {
			if why := central(d, r.Central, ms); why != "" {
				for _, m := range ms {
					d.drop(r, m, why)
				}
				ms = nil
			}
		}
		if len(ms) >= max(1, r.MinHits) {
			d.topics[r.Topic] = true
			fired[r.ID] = true
		}
	}
}

// central says why the cues ms of a topic rule are a passing mention rather
// than what the article is about (rules.Central), or "" when they count: a
// brief article, a cue in the title or lead, or cues far enough apart.
func central(d *doc, c *rules.Central, ms []match) string {
	n := 0
	if len(d.sent) > 0 {
		n = int(d.sent[len(d.sent)-1]) + 1
	}
	if c.Brief > 0 && n <= c.Brief {
		return ""
	}
	first, last := int(d.sent[ms[0].start]), int(d.sent[ms[0].start])
	for _, m := range ms {
		first, last = min(first, int(d.sent[m.start])), max(last, int(d.sent[m.start]))
	}
	if c.Lead > 0 && first < c.Lead {
		return ""
	}
	if c.Spread > 0 && last-first >= c.Spread {
		return ""
	}
	return "a passing mention: " + itoa(n) + " sentences, no cue in the first " + itoa(c.Lead) +
		", the cues within " + itoa(last-first+1) + " sentences"
}
