package scorer

import (
	"cmp"
	"fmt"
	"slices"
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
	byRule, except := d.ruleMatches(len(s.rules))
	for _, h := range d.hits {
		e := s.m.meta[h.entry]
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
		ms := byRule[ri]
		if len(ms) == 0 {
			continue
		}
		if why := s.notApplies(d, r); why != "" {
			for _, m := range ms {
				d.drop(r, m, why)
			}
			continue
		}
		ms = s.unless(d, r, int32(ri), longestFirst(d, r, ms, except[ri]))
		if c := s.classTests[ri]; c != nil {
			ms = s.asClass(d, r, c, ms)
		}
		if r.SkipNames {
			ms = s.skipNames(d, r, ms)
		}
		if r.ClauseStart {
			ms = s.clauseStarts(d, r, ms)
		}
		if r.SkipQuotes {
			ms = s.outsideQuotes(d, r, ms)
		}
		if r.SpareMen != nil {
			ms = s.spareMen(d, r, int32(ri), ms)
		}
		if r.SkipSpeech {
			ms = s.outsideSpeech(d, r, ms)
		}
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
	return yieldToViolence(dropContained(out))
}

// ruleMatches returns empty per-rule lists of matches and of exceptions
// for n rules: slices the pooled doc keeps, not maps of new slices made for
// every document. topicRules and findings use them in turn.
func (d *doc) ruleMatches(n int) (byRule, except [][]match) {
	if len(d.byRule) != n {
		d.byRule, d.except = make([][]match, n), make([][]match, n)
	}
	for i := range d.byRule {
		d.byRule[i], d.except[i] = d.byRule[i][:0], d.except[i][:0]
	}
	return d.byRule, d.except
}

// applies checks the article-level conditions of a rule: sections and
// topics.
func (s *Scorer) applies(d *doc, r *rules.Rule) bool { return s.notApplies(d, r) == "" }

// notApplies says which article-level condition of a rule the document does
// not meet ("" when it meets them all).
func (s *Scorer) notApplies(d *doc, r *rules.Rule) string {
	for _, t := range r.WhenTopics {
		if !d.topics[t] {
			return "only in articles with the topic " + t
		}
	}
	for _, t := range r.NotTopics {
		if d.topics[t] {
			return "never in articles with the topic " + t
		}
	}
	for _, sec := range r.NotSections {
		if s.inSection(d, sec) {
			return "never in the section " + sec
		}
	}
	if len(r.Sections) > 0 {
		ok := false
		for _, sec := range r.Sections {
			if s.inSection(d, sec) {
				ok = true
			}
		}
		if !ok {
			return "only in the sections " + strings.Join(r.Sections, ", ")
		}
	}
	return ""
}

// inSection reports whether the document is in the named section of the
// rule set.
func (s *Scorer) inSection(d *doc, name string) bool {
	return slices.Contains(d.sections, name)
}

// skipNames drops the matches written with a capital in mid-sentence: they
// are part of a proper name ("giải Người đẹp Biển"). A list of such names
// after a colon ("gồm: Người đẹp Biển, Người đẹp Ảnh, ...") opens with
// one whose capital looks like a sentence's: when the same phrase is
// capitalised in mid-sentence further on in the sentence, the first is a
// name of the list too.
func (s *Scorer) skipNames(d *doc, r *rules.Rule, ms []match) []match {
	type phraseIn struct {
		sent  int32
		entry int32
	}
	var named map[phraseIn]bool
	for _, m := range ms {
		if d.isUpper(m.start) && !d.sentenceStart(m.start) {
			if named == nil {
				named = make(map[phraseIn]bool)
			}
			named[phraseIn{d.sent[m.start], m.entry}] = true
		}
	}
	out := ms[:0]
	for _, m := range ms {
		if d.isUpper(m.start) && !d.sentenceStart(m.start) {
			d.drop(r, m, "capitalised in mid-sentence: part of a proper name")
			continue
		}
		if m.start > 0 && d.tokenText(m.start-1) == ":" && d.isUpper(m.start) && named[phraseIn{d.sent[m.start], m.entry}] {
			d.drop(r, m, "opens a list of names after a colon")
			continue
		}
		if d.inWorkTitle(m.start) {
			d.drop(r, m, "inside the title of a work after its noun")
			continue
		}
		out = append(out, m)
	}
	return out
}

// inWorkTitle reports whether token a lies in the title of a film, a book
// or a song written in sentence case right after its noun ("sau bộ phim
// Những cô gái chân dài"): a word capitalised in mid-sentence at most four
// lower-case words before a, itself right after one of workNouns. Only
// the title's first word has the capital, so skipNames' own test misses
// the words after it.
func (d *doc) inWorkTitle(a int) bool {
	for t := a - 1; t >= 0 && t >= a-5; t-- {
		if !d.isWord(t) || d.sent[t] != d.sent[a] {
			return false
		}
		if !d.isUpper(t) {
			continue
		}
		if d.sentenceStart(t) {
			return false
		}
		return workNouns.spans(d, t-2, t) || workNouns.spans(d, t-1, t)
	}
	return false
}

// workNouns name a work whose title may follow them.
var workNouns = foldedPhraseSet("phim", "bộ phim", "tập phim", "kịch bản", "vở", "vở kịch", "vở diễn", "tiểu thuyết",
	"cuốn sách", "truyện", "truyện ngắn", "ca khúc", "bài hát", "album", "chương trình", "tác phẩm")

// clauseStarts keeps the matches that open a clause, a quantifier of the
// whole group allowed before them ("Hầu hết các bà vợ đều ...").
func (s *Scorer) clauseStarts(d *doc, r *rules.Rule, ms []match) []match {
	out := ms[:0]
	for _, m := range ms {
		start := m.start
		for _, n := range []int{3, 2, 1} {
			if groupQuantifiers.spans(d, start-n, start) {
				start -= n
				break
			}
		}
		// "Rất nhiều chàng trai ...": a quantifier the match itself opens
		// ("nhiều chàng trai") may carry an intensifier before it.
		if start == m.start && start > 0 && groupQuantifiers.spans(d, start, start+1) &&
			d.in(intensifiers, start-1) {
			start--
		}
		if start > 0 && d.tokenText(start-1) == foldedHave && start-1 < m.start {
			start-- // "Có nhiều người vợ rất muốn ...": there are many who
		}
		if start > 0 && !d.sentenceStart(start) && d.in(reasonOpeners, start-1) {
			start-- // "Vì phụ nữ đẹp thường ...": the reason is a clause of its own
			// ... and the word that leads "vì" ("Bởi vì phụ nữ vốn ...",
			// "Chính vì đàn ông thường ...").
			if start > 0 && !d.sentenceStart(start) && d.in(reasonLeads, start-1) {
				start--
			}
		}
		// "Thật ra đàn ông ...", "Trong tình yêu phụ nữ luôn ...": a framing
		// adverbial written without its comma still leaves the sex the
		// subject. Only frames that take no person as object ("khi gặp phụ
		// nữ" makes her the object of "gặp").
		for _, n := range []int{4, 3, 2, 1} {
			if start-n >= 0 && !d.sentenceStart(start) && adverbialFrames.spans(d, start-n, start) &&
				(d.sentenceStart(start-n) || d.in(clauseOpeners, start-n-1)) {
				start -= n
				break
			}
		}
		if !d.sentenceStart(start) && !d.in(clauseOpeners, start-1) {
			d.drop(r, m, "not at the start of a clause")
			continue
		}
		out = append(out, m)
	}
	return out
}

// groupQuantifiers speak of most or all of a group.
var groupQuantifiers = foldedPhraseSet("hầu hết", "phần lớn", "đa số", "đa phần", "tất cả", "mọi", "nhiều", "không ít",
	"rất nhiều", "khá nhiều", "phần đông", "số đông", "đại đa số", "đại bộ phận")

// adverbialFrames open a sentence before its subject without a comma:
// truth and habit adverbs, and frames of love and marriage.
var adverbialFrames = foldedPhraseSet("thật ra", "thực ra", "thực tế", "trên thực tế", "nói chung", "nhìn chung",
	"thông thường", "thường thì", "có lẽ", "dường như", "hình như", "quả thật", "xưa nay", "từ xưa", "từ xưa đến nay",
	"thật sự", "nói thật", "trong tình yêu", "trong hôn nhân", "trong chuyện tình cảm", "trong cuộc sống vợ chồng",
	"trong gia đình", "khi yêu", "khi đang yêu", "khi yêu nhau", "khi yêu ai", "sau khi cưới", "sau khi kết hôn",
	"khi kết hôn", "khi lấy chồng", "khi lấy vợ", "khi có con", "khi về già", "khi giận", "khi ghen", "lúc giận",
	"lúc ghen",
	// Reasons and conclusions written as a frame ("Bởi lẽ phụ nữ vốn ...",
	// "Suy cho cùng, đàn ông luôn ...").
	"bởi lẽ", "vì lẽ", "suy cho cùng", "nói cho cùng", "xét cho cùng", "có thể nói")

// intensifiers strengthen a quantifier ("rất nhiều", "khá nhiều").
var intensifiers = foldedWords("rất", "khá")

// reasonOpeners open a clause of reason or consequence whose subject
// follows them: "vì phụ nữ ...", "nên đàn ông ...".
var reasonOpeners = foldedWords("vì", "bởi", "nên", "do")

// reasonLeads come before "vì" or "do" in a two-word reason opener: "bởi
// vì", "chính vì", "là vì", "cũng vì", "chính do".
var reasonLeads = foldedWords("bởi", "chính", "là", "cũng")

// outsideQuotes keeps the matches outside quotations.
func (s *Scorer) outsideQuotes(d *doc, r *rules.Rule, ms []match) []match {
	out := ms[:0]
	for _, m := range ms {
		if d.quote[m.start] {
			d.drop(r, m, "inside a quotation: the source's own words")
			continue
		}
		out = append(out, m)
	}
	return out
}

// speechTokens is the length from which a quotation is someone's speech
// rather than a word or a name set in quotation marks.
const speechTokens = 8

// outsideSpeech drops the matches inside a quotation of at least
// speechTokens tokens, or the rule's own SpeechTokens (rules.Rule.SkipSpeech).
func (s *Scorer) outsideSpeech(d *doc, r *rules.Rule, ms []match) []match {
	least := speechTokens
	if r.SpeechTokens > 0 {
		least = r.SpeechTokens
	}
	out := ms[:0]
	for _, m := range ms {
		if d.quote[m.start] && quotedRun(d, m.start, least) >= least && !labelQuote(d, m.start) {
			d.drop(r, m, "inside a quotation: the source's own words")
			continue
		}
		out = append(out, m)
	}
	return out
}

// labelQuote reports a quotation that names someone or something rather
// than giving anyone's words: it follows "là" after a verb of naming
// ("gọi cô là “...”", "được xem là “...”") or a word for a name ("biệt
// danh “...”"). A label the outlet repeats is its own wording.
func labelQuote(d *doc, k int) bool {
	j := k
	for j > 0 && d.quote[j-1] {
		j--
	}
	// j is the first quoted token; before it, the opening mark, then the word.
	for i := j - 1; i >= 0 && i >= j-2; i-- {
		if !d.isWord(i) {
			continue
		}
		switch t := d.tokenText(i); {
		case d.in(labelWords, i):
			return true
		case t == foldedLa:
			// "là" after a verb of naming or judging: "gọi cô là", "được xem là";
			// not "bài học là “...”", which gives her words.
			for h := i - 1; h >= 0 && h >= i-8 && d.sent[h] == d.sent[i]; h-- {
				if d.in(namingVerbs, h) {
					return true
				}
			}
		}
		return false
	}
	return false
}

// labelWords right before a quotation make it a label: "danh" (biệt
// danh, mệnh danh), "hiệu" (danh hiệu, biệt hiệu); namingVerbs make a "là"
// before it one ("ca tụng là", praised as, names as "tôn vinh là" does).
var (
	labelWords  = newWordSet([]string{"danh", "hiệu"})
	namingVerbs = newWordSet([]string{"gọi", "xem", "coi", "danh", "vinh", "chọn", "tụng"})
)

// quotedRun counts the tokens of the quotation that token k lies in,
// stopping at least: only whether it is that long matters.
func quotedRun(d *doc, k, least int) int {
	n := 1
	for j := k - 1; j >= 0 && d.quote[j] && n < least; j-- {
		n++
	}
	for j := k + 1; j < len(d.quote) && d.quote[j] && n < least; j++ {
		n++
	}
	return n
}

// drop records, for --explain, a rule match that did not become a finding.
func (d *doc) drop(r *rules.Rule, m match, why string) {
	if !d.explain {
		return
	}
	start, end := d.span(m.start, m.end)
	d.dropped = append(d.dropped, DroppedMatch{Rule: r.ID, Text: d.input[start:end], Start: start, End: end, Reason: reasonIn(d.lang, why)})
}

// longestFirst keeps the leftmost-longest, non-overlapping matches that no
// exception overlaps.
func longestFirst(d *doc, r *rules.Rule, ms, exceptions []match) []match {
	// slices.SortFunc, not sort.Slice, whose reflection allocated at every
	// rule with matches; matches of one span keep the scan's (entry) order.
	slices.SortFunc(ms, func(a, b match) int {
		return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(b.end, a.end), cmp.Compare(a.entry, b.entry))
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
			if r != nil {
				d.drop(r, m, "an exception of the rule overlaps it")
			}
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
	slices.SortStableFunc(fs, func(a, b Finding) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(b.End, a.End))
	})
	// Sorted by start, every finding kept so far starts at or before f, so f
	// is contained exactly when a kept finding of its category reaches f's
	// end: the furthest-reaching one per category decides. (Scanning back
	// only over findings that overlap f's start missed a long finding
	// hidden behind a shorter one that ends earlier.)
	reach := map[string]int{}
	out := fs[:0]
	for _, f := range fs {
		if end, ok := reach[f.Category]; ok && f.End <= end && f.Start < f.End {
			continue // article-level findings (no span) contain nothing
		}
		out = append(out, f)
		if f.End > reach[f.Category] {
			reach[f.Category] = f.End
		}
	}
	return out
}

// yieldToViolence removes a sexualization finding that overlaps a
// sensational_gbv one: in a violence story the "hot" pictures leaked or
// used for blackmail ("ảnh nóng của chị bị phát tán") are the story's coy,
// selling wording, which its readers call sensational, not a body put on
// show; one phrase is reported once, in the category of the violence
// rule, which fires only in violence stories.
func yieldToViolence(fs []Finding) []Finding {
	var gbv []Finding
	for _, f := range fs {
		if f.Category == "sensational_gbv" && f.Start < f.End {
			gbv = append(gbv, f)
		}
	}
	if len(gbv) == 0 {
		return fs
	}
	out := fs[:0]
	for _, f := range fs {
		if f.Category == "sexualization" && overlapsAny(f, gbv) {
			continue
		}
		out = append(out, f)
	}
	return out
}

// overlapsAny reports whether f's span overlaps that of one of gs.
func overlapsAny(f Finding, gs []Finding) bool {
	for _, g := range gs {
		if f.Start < g.End && g.Start < f.End {
			return true
		}
	}
	return false
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
