// Package scorer audits one article against the gender indicator rule set:
// it finds the people named and quoted with their gender and role, the
// gendered language the rules describe, the article's topics, and scores
// each indicator group.
package scorer

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"genderlens/rules"
	"genderlens/vntext"
)

// Scorer checks documents against a compiled rule set. It is safe for
// concurrent use: Check only reads it.
type Scorer struct {
	set   *rules.Set
	rules []rules.Rule
	m     *matcher
	pool  sync.Pool // of *doc

	surnames   map[string]bool
	adverbs    map[string]bool
	words      keyWords
	notNames   map[string]bool
	places     map[string]bool
	femaleName map[string]bool
	maleName   map[string]bool
}

// Document is one article to check.
type Document struct {
	// Text is the full input as given: title line(s) and body.
	Text string
	// Section is the outlet's section slug (e.g. "the-thao"), used by the
	// sections/not_sections conditions of rules.
	Section string
	// Lang selects the language of messages: "en" gives English, anything
	// else Vietnamese.
	Lang string
}

// New compiles the rule set and the people cues into one matcher.
func New(set *rules.Set) (*Scorer, error) {
	if set == nil {
		return nil, fmt.Errorf("new scorer: nil rule set")
	}
	s := &Scorer{set: set, rules: set.Rules, m: newMatcher()}
	add := func(phrase string, e entry) error {
		if err := s.m.add(phrase, e); err != nil {
			return fmt.Errorf("compile rule %s: %w", set.Rules[e.rule].ID, err)
		}
		return nil
	}
	for i, r := range set.Rules {
		ri := int32(i)
		for _, p := range r.Tokens {
			if err := add(p, entry{kind: entryRule, rule: ri}); err != nil {
				return nil, err
			}
		}
		swaps := make([]string, 0, len(r.Swap))
		for p := range r.Swap {
			swaps = append(swaps, p)
		}
		sort.Strings(swaps)
		for _, p := range swaps {
			if err := add(p, entry{kind: entryRule, rule: ri, replacement: r.Swap[p]}); err != nil {
				return nil, err
			}
		}
		for _, p := range r.Exceptions {
			if err := add(p, entry{kind: entryException, rule: ri}); err != nil {
				return nil, err
			}
		}
		if r.Near != nil {
			for _, p := range r.Near.Tokens {
				if err := add(p, entry{kind: entryNear, rule: ri}); err != nil {
					return nil, err
				}
			}
		}
		if r.Unless != nil {
			for _, p := range r.Unless.Tokens {
				if err := add(p, entry{kind: entryUnless, rule: ri}); err != nil {
					return nil, err
				}
			}
		}
	}
	cue := func(phrase string, e entry) error {
		if err := s.m.add(phrase, e); err != nil {
			return fmt.Errorf("compile people cue: %w", err)
		}
		return nil
	}
	for _, h := range honorificCues() {
		if err := cue(h.phrase, entry{kind: entryHonorific, gender: h.gender, rule: -1}); err != nil {
			return nil, err
		}
	}
	for role, list := range titlesByRole() {
		for _, t := range list {
			if err := cue(t, entry{kind: entryTitle, role: role, rule: -1}); err != nil {
				return nil, err
			}
		}
	}
	for _, v := range speechVerbs() {
		if err := cue(v, entry{kind: entrySpeech, rule: -1}); err != nil {
			return nil, err
		}
	}
	for _, w := range orgWords() {
		if err := cue(w, entry{kind: entryOrg, rule: -1}); err != nil {
			return nil, err
		}
	}
	for _, p := range pronounCues() {
		if err := cue(p.phrase, entry{kind: entryPronoun, gender: p.gender, rule: -1}); err != nil {
			return nil, err
		}
	}
	for _, f := range speakerFamily() {
		if err := cue(f.phrase, entry{kind: entrySpeakerFamily, gender: f.gender, rule: -1}); err != nil {
			return nil, err
		}
	}
	for _, u := range unnamedSources() {
		if err := cue(u.phrase, entry{kind: entryUnnamed, gender: u.gender, rule: -1}); err != nil {
			return nil, err
		}
	}
	for k, list := range notCues() {
		for _, p := range list {
			if err := cue(p, entry{kind: entryNotCue, target: k, rule: -1}); err != nil {
				return nil, err
			}
		}
	}
	s.words = keyWords{
		loi: vntext.FoldString("lời"), duoc: vntext.FoldString("được"),
		bi: vntext.FoldString("bị"), cua: vntext.FoldString("của"),
	}
	s.surnames = foldedSet(vnSurnames())
	s.adverbs = foldedSet(attributionAdverbs())
	s.notNames = foldedSet(notNames())
	s.places = foldedSet(placeNames())
	s.femaleName = foldedSet(strings.Fields(femaleGivenNames))
	s.maleName = foldedSet(strings.Fields(maleGivenNames))
	return s, nil
}

// keyWords are single words the people finder compares tokens with, in
// their folded form (tokens are folded, so "của" must be too).
type keyWords struct {
	loi, duoc, bi, cua string
}

func foldedSet(list []string) map[string]bool {
	m := make(map[string]bool, len(list))
	for _, w := range list {
		m[vntext.FoldString(w)] = true
	}
	return m
}

// RulesVersion is the version string of the compiled rule set.
func (s *Scorer) RulesVersion() string { return s.set.Version }

// doc is the analysis of one input shared by the rule kinds.
type doc struct {
	input   string
	section string
	lang    string
	key     *vntext.Key
	toks    []vntext.Token
	ids     []int32
	hits    []hit   // ordered by start token
	first   []int32 // first[i]: index of the first hit starting at token >= i
	sent    []int32 // sentence number of each token
	quote   []bool  // token lies inside a quotation
	people  []*person
	mention []int32            // person index mentioned at each token, -1 if none
	byLast  map[string][]int32 // people by the last syllable of their name
	byKey   map[string]int32   // people by their whole folded name

	keyStore vntext.Key // reused across documents with keyBuf
	keyBuf   []byte
	topics   map[string]bool
}

// tokenText is the folded text of token i.
func (d *doc) tokenText(i int) string { return d.key.Text[d.toks[i].Start:d.toks[i].End] }

// span is the input byte range of tokens [i, j).
func (d *doc) span(i, j int) (int, int) {
	return d.key.Offset(d.toks[i].Start), d.key.Offset(d.toks[j-1].End)
}

// isUpper reports whether token i starts with an upper-case letter in the
// input.
func (d *doc) isUpper(i int) bool {
	r, _ := utf8.DecodeRuneInString(d.input[d.key.Offset(d.toks[i].Start):])
	return unicode.IsUpper(r)
}

// allCaps reports whether token i is an acronym such as UBND or HLV.
func (d *doc) allCaps(i int) bool {
	s, e := d.span(i, i+1)
	n := 0
	for _, r := range d.input[s:e] {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n >= 2
}

// hitsAt returns the hits that start at token i.
func (d *doc) hitsAt(i int) []hit {
	if i < 0 || i >= len(d.toks) {
		return nil
	}
	a := d.first[i]
	b := a
	for int(b) < len(d.hits) && int(d.hits[b].start) == i {
		b++
	}
	return d.hits[a:b]
}

// cueAt returns the longest people cue of kind k starting at token i,
// unless a longer phrase gives the word another sense (đàn ông, kể từ).
func (d *doc) cueAt(s *Scorer, i int, k entryKind) (entry, int, bool) {
	var best entry
	end := -1
	for _, h := range d.hitsAt(i) {
		e := s.m.entries[h.entry]
		if e.kind == k && int(h.end) > end {
			best, end = e, int(h.end)
		}
	}
	if end < 0 || d.notCue(s, i, end, k) {
		return entry{}, -1, false
	}
	return best, end, true
}

// notCue reports whether a phrase that cancels cues of kind k overlaps
// tokens [i, end).
func (d *doc) notCue(s *Scorer, i, end int, k entryKind) bool {
	for st := max(0, i-s.m.maxDepth+1); st < end; st++ {
		for _, h := range d.hitsAt(st) {
			e := s.m.entries[h.entry]
			if e.kind == entryNotCue && e.target == k && int(h.end) > i {
				return true
			}
		}
	}
	return false
}

// cueEndingAt returns the longest cue of kind k that ends exactly at token
// end (exclusive), searching starts up to the trie depth back.
func (d *doc) cueEndingAt(s *Scorer, end int, k entryKind) (entry, int, bool) {
	for start := max(0, end-s.m.maxDepth); start < end; start++ {
		for _, h := range d.hitsAt(start) {
			if int(h.end) == end && s.m.entries[h.entry].kind == k && !d.notCue(s, start, end, k) {
				return s.m.entries[h.entry], start, true
			}
		}
	}
	return entry{}, 0, false
}

// Check audits one document.
func (s *Scorer) Check(in Document) *Result {
	d := s.analyse(in)
	res := &Result{
		RulesVersion: s.set.Version,
		Indicators:   map[string]float64{},
		QuotedByRole: map[string]GenderCounts{},
		People:       []Person{},
		Findings:     []Finding{},
		Alerts:       []Finding{},
	}
	fired := map[string]bool{}
	s.topicRules(d, fired)
	res.Topics = Topics{GBV: d.topics["gbv"], GenderEquality: d.topics["gender_equality"], WomenFocus: d.topics["women_focus"]}
	s.collectPeople(d, res)
	if !res.Topics.WomenFocus && res.Counts.People.Female > 0 && res.Counts.People.Female >= 2*max(1, res.Counts.People.Male) {
		// A story mostly about named women focuses on women even without
		// topic words (B1.1.6).
		res.Topics.WomenFocus = true
	}
	res.Findings = s.findings(d, fired)
	res.Alerts = s.balanceRules(d, res, fired)
	for _, f := range res.Alerts {
		if f.Category == "positive" {
			res.Findings = append(res.Findings, f)
		}
	}
	res.Alerts = dropPositive(res.Alerts)
	if res.Alerts == nil {
		res.Alerts = []Finding{}
	}
	sort.SliceStable(res.Findings, func(i, j int) bool { return res.Findings[i].Start < res.Findings[j].Start })
	setPositions(in.Text, res.Findings)
	s.score(res)
	res.fired = fired
	s.release(d)
	return res
}

func dropPositive(fs []Finding) []Finding {
	out := fs[:0]
	for _, f := range fs {
		if f.Category != "positive" {
			out = append(out, f)
		}
	}
	return out
}

// Positives returns the positive signals among the findings.
func (r *Result) Positives() []Finding {
	var out []Finding
	for _, f := range r.Findings {
		if f.Category == "positive" {
			out = append(out, f)
		}
	}
	return out
}

// analyse folds, tokenises and matches the input once. The doc comes from
// a pool so that its per-token arrays are reused across documents; Check
// returns it with release.
func (s *Scorer) analyse(in Document) *doc {
	d, _ := s.pool.Get().(*doc)
	if d == nil {
		d = &doc{topics: map[string]bool{}, byLast: map[string][]int32{}, byKey: map[string]int32{}}
	}
	d.input, d.section, d.lang = in.Text, strings.ToLower(in.Section), in.Lang
	clear(d.topics)
	d.keyStore.Refold(in.Text, &d.keyBuf)
	d.key = &d.keyStore
	d.toks = d.key.Tokens
	n := len(d.toks)
	d.ids = s.m.lookup(d.key.Text, d.toks, d.ids[:0])
	d.hits = s.m.scan(d.toks, d.ids, d.hits[:0])
	d.first = resize(d.first, n+1)
	h := 0
	for i := range d.toks {
		for h < len(d.hits) && int(d.hits[h].start) < i {
			h++
		}
		d.first[i] = int32(h)
	}
	d.first[n] = int32(len(d.hits))
	d.quote = resize(d.quote, n)
	qi := 0
	quotes := vntext.Quotes(in.Text)
	for i := range d.toks {
		off := d.key.Offset(d.toks[i].Start)
		for qi < len(quotes) && quotes[qi].End <= off {
			qi++
		}
		d.quote[i] = qi < len(quotes) && quotes[qi].Start < off
	}
	d.sent = resize(d.sent, n)
	sents := vntext.Sentences(in.Text)
	si := 0
	for i := range d.toks {
		off := d.key.Offset(d.toks[i].Start)
		for si+1 < len(sents) && off >= sents[si+1].Start {
			si++
		}
		d.sent[i] = int32(si)
	}
	d.people = d.people[:0]
	d.mention = d.mention[:0]
	clear(d.byLast)
	clear(d.byKey)
	return d
}

// release returns a doc to the pool. Results never point into a doc: they
// copy what they keep or slice the caller's input.
func (s *Scorer) release(d *doc) {
	if len(d.input) > maxPooledInput {
		return // do not keep the arrays of a huge document alive
	}
	d.input = ""
	clear(d.people)
	s.pool.Put(d)
}

// maxPooledInput is the largest document whose buffers are pooled.
const maxPooledInput = 4 << 20

// resize returns a zeroed slice of length n, reusing s when it is big
// enough.
func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// setPositions fills Line and Column (1-based, columns in characters) of
// findings sorted by Start, in one pass over the input.
func setPositions(input string, fs []Finding) {
	line, col, off := 1, 1, 0
	for i := range fs {
		if fs[i].Start == 0 && fs[i].End == 0 && fs[i].Text == "" {
			fs[i].Line, fs[i].Column = 0, 0
			continue
		}
		for off < fs[i].Start && off < len(input) {
			r, n := utf8.DecodeRuneInString(input[off:])
			if r == '\n' {
				line, col = line+1, 1
			} else {
				col++
			}
			off += n
		}
		fs[i].Line, fs[i].Column = line, col
	}
}
