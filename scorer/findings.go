package scorer

import (
	"fmt"
	"sort"
	"strings"

	"genderlens/rules"
)

// match is a rule phrase found in the text, before conditions apply.
type match struct {
	rule       int32
	start, end int // tokens
	entry      int32
}

// findings runs the span-producing rule kinds (existence, substitution,
// proximity) over the hits of the single matcher pass.
func (s *Scorer) findings(d *doc, fired map[string]bool) []Finding {
	byRule := make(map[int32][]match)
	except := make(map[int32][]match)
	for _, h := range d.hits {
		e := s.m.entries[h.entry]
		switch e.kind {
		case entryRule:
			byRule[e.rule] = append(byRule[e.rule], match{rule: e.rule, start: int(h.start), end: int(h.end), entry: h.entry})
		case entryException:
			except[e.rule] = append(except[e.rule], match{rule: e.rule, start: int(h.start), end: int(h.end)})
		}
	}
	var out []Finding
	for ri := range s.rules {
		r := &s.rules[ri]
		ms := byRule[int32(ri)]
		if len(ms) == 0 || !s.applies(d, r) {
			continue
		}
		ms = s.unless(d, r, int32(ri), longestFirst(ms, except[int32(ri)]))
		var got []Finding
		switch r.Kind {
		case rules.KindExistence:
			got = s.existence(d, r, ms)
		case rules.KindSubstitution:
			got = s.substitution(d, r, ms)
		case rules.KindProximity:
			got = s.proximity(d, r, int32(ri), ms)
		}
		if len(got) > 0 {
			fired[r.ID] = true
		}
		out = append(out, got...)
	}
	return dropContained(out)
}

// applies checks the article-level conditions of a rule: sections and
// topics.
func (s *Scorer) applies(d *doc, r *rules.Rule) bool {
	for _, t := range r.WhenTopics {
		if !d.topics[t] {
			return false
		}
	}
	for _, sec := range r.NotSections {
		if d.section != "" && strings.Contains(d.section, strings.ToLower(sec)) {
			return false
		}
	}
	if len(r.Sections) > 0 {
		ok := false
		for _, sec := range r.Sections {
			if strings.Contains(d.section, strings.ToLower(sec)) {
				ok = true
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// longestFirst keeps the leftmost-longest, non-overlapping matches that no
// exception overlaps.
func longestFirst(ms, exceptions []match) []match {
	sort.Slice(ms, func(i, j int) bool {
		if ms[i].start != ms[j].start {
			return ms[i].start < ms[j].start
		}
		return ms[i].end > ms[j].end
	})
	// Exceptions arrive in start order (the scan's order). With the running
	// maximum of their ends, an exception overlaps [start, end) exactly
	// when, among those starting before end, the furthest reaches past
	// start: one binary search per match.
	reach := make([]int, len(exceptions))
	for i, x := range exceptions {
		reach[i] = x.end
		if i > 0 {
			reach[i] = max(reach[i], reach[i-1])
		}
	}
	out := ms[:0]
	last := -1
	for _, m := range ms {
		if m.start < last {
			continue
		}
		n := sort.Search(len(exceptions), func(i int) bool { return exceptions[i].start >= m.end })
		if n > 0 && reach[n-1] > m.start {
			continue
		}
		out = append(out, m)
		last = m.end
	}
	return out
}

// dropContained removes a finding inside another finding of the same
// category, so overlapping rules report a phrase once.
func dropContained(fs []Finding) []Finding {
	sort.SliceStable(fs, func(i, j int) bool {
		if fs[i].Start != fs[j].Start {
			return fs[i].Start < fs[j].Start
		}
		return fs[i].End > fs[j].End
	})
	out := fs[:0]
	for _, f := range fs {
		dup := false
		for k := len(out) - 1; k >= 0 && out[k].End > f.Start; k-- {
			if out[k].Category == f.Category && out[k].Start <= f.Start && f.End <= out[k].End {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, f)
		}
	}
	return out
}

// finding builds the finding of rule r on tokens [a, b).
func (s *Scorer) finding(d *doc, r *rules.Rule, a, b int) Finding {
	start, end := d.span(a, b)
	return Finding{
		Rule:       r.ID,
		Indicator:  r.Indicator,
		Category:   r.Category,
		Severity:   r.Severity,
		Start:      start,
		End:        end,
		Text:       d.input[start:end],
		Message:    r.Message.In(d.lang),
		Suggestion: r.Suggestion.In(d.lang),
	}
}

// swapSuggestion is the suggestion of a substitution rule.
func swapSuggestion(lang, found, better string) string {
	if strings.HasPrefix(strings.ToLower(lang), "en") {
		return fmt.Sprintf("Write %q instead of %q.", better, found)
	}
	return fmt.Sprintf("Dùng %q thay cho %q.", better, found)
}
