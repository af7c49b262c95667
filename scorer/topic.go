package scorer

import "genderlens/rules"

// topicRules sets the article's topics: a topic holds when the cues of one
// of its rules occur at least MinHits times (default 1).
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
		if r.Kind != rules.KindTopic || !s.applies(d, r) {
			continue
		}
		if len(longestFirst(d, nil, cues[int32(ri)], except[int32(ri)])) >= max(1, r.MinHits) {
			d.topics[r.Topic] = true
			fired[r.ID] = true
		}
	}
}
