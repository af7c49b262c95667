package scorer

import "genderlens/rules"

// topicRules sets the article's topics: a topic holds when the cues of one
// of its rules occur at least MinHits times (default 1). A rule with Near
// counts a cue only with one of its context phrases close by ("hiếp dâm"
// next to "bé gái" or "tội" tells a case; alone it may be a passing
// mention), and Unless cancels a cue; people are not known yet, so both
// look at phrases only.
func (s *Scorer) topicRules(d *doc, fired map[string]bool) {
	cues := make(map[int32][]match)
	except := make(map[int32][]match)
	for _, h := range d.hits {
		e := s.m.entries[h.entry]
		if s.rules[max(0, e.rule)].Kind != rules.KindTopic || e.rule < 0 {
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
		if r.Kind != rules.KindTopic || len(cues[int32(ri)]) < max(1, r.MinHits) || !s.applies(d, r) {
			continue // too few cues, whatever their context: skip the work
		}
		ms := s.unless(d, r, int32(ri), longestFirst(d, nil, cues[int32(ri)], except[int32(ri)]))
		if r.Near != nil {
			kept := ms[:0]
			for _, m := range ms {
				if _, _, ok := s.near(d, r.Near, entryNear, int32(ri), m); ok {
					kept = append(kept, m)
				} else {
					d.drop(r, m, "no context phrase within "+itoa(r.Near.Within)+" words")
				}
			}
			ms = kept
		}
		if len(ms) >= max(1, r.MinHits) {
			d.topics[r.Topic] = true
			fired[r.ID] = true
		}
	}
}
