package scorer

import "genderlens/rules"

// topicRules sets the article's topics: a topic holds when the cues of one
// of its rules occur at least MinHits times (default 1). A rule with Near
// counts a cue only with one of its context phrases close by ("hiếp dâm"
// next to "bé gái" or "tội" tells a case; alone it may be a passing
// mention), and Unless cancels a cue; people are not known yet, so both
// look at phrases only. A rule with Central counts its cues only when the
// topic is what the article is about, judged from every cue of the topic's
// central rules that its context allows, not only its own (a story that
// says "bị hàng xóm xâm hại" early and "sờ vào vùng kín" later comes back to
// the abuse in other words).
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
	// Each rule's cues that their context allows, in place. A central rule
	// with fewer cues than it needs still lends them to the others'
	// centrality; any other such rule is skipped without the work.
	for ri := range s.rules {
		r := &s.rules[ri]
		if r.Kind != rules.KindTopic || len(cues[ri]) == 0 ||
			r.Central == nil && len(cues[ri]) < max(1, r.MinHits) || !s.applies(d, r) {
			cues[ri] = cues[ri][:0]
			continue
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
		cues[ri] = ms
	}
	for ri := range s.rules {
		r := &s.rules[ri]
		ms := cues[ri]
		if r.Kind != rules.KindTopic || len(ms) < max(1, r.MinHits) {
			continue
		}
		if r.Central != nil {
			if why := s.central(d, r, cues); why != "" {
				for _, m := range ms {
					d.drop(r, m, why)
				}
				continue
			}
		}
		d.topics[r.Topic] = true
		fired[r.ID] = true
	}
}

// central says why the cues of topic rule r are a passing mention rather
// than what the article is about (rules.Central), or "" when they count: a
// brief article, a cue in the title or lead, or cues far enough apart. The
// cues are those of every central rule of r's topic (cues, by rule).
func (s *Scorer) central(d *doc, r *rules.Rule, cues [][]match) string {
	c := r.Central
	n := 0
	if len(d.sent) > 0 {
		n = int(d.sent[len(d.sent)-1]) + 1
	}
	if c.Brief > 0 && n <= c.Brief {
		return ""
	}
	first, last := n, -1
	for oi, ms := range cues {
		if o := &s.rules[oi]; len(ms) == 0 || o.Central == nil || o.Topic != r.Topic {
			continue
		}
		for _, m := range ms {
			first, last = min(first, int(d.sent[m.start])), max(last, int(d.sent[m.start]))
		}
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
