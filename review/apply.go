package review

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strings"

	"golang.org/x/text/unicode/norm"

	"genderlens/model"
	"genderlens/scorer"
)

// TextHash identifies an article's scored text: a correction carries the hash of the text it was made on.
func TextHash(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:16])
}

// SameName reports whether two names are the same person's name as corrections compare them.
func SameName(a, b string) bool { return nameKey(a) == nameKey(b) }

// nameKey is how a person's name is compared: NFC, lower case, single spaces.
func nameKey(name string) string {
	return strings.Join(strings.Fields(strings.ToLower(norm.NFC.String(name))), " ")
}

// Finding states in a review.
const (
	StateMachine   = "machine"   // nobody has said anything about it
	StateConfirmed = "confirmed" // an officer confirmed it, or dismissed an objection to it
	StateRejected  = "rejected"  // an officer rejected it, or upheld an objection to it
	StateAdded     = "added"     // an officer added it: the scorer missed it
)

// FindingReview is one finding of the machine result or of the review, with what the review says of it.
type FindingReview struct {
	scorer.Finding
	State string `json:"state"`
	// Machine is true when the scorer found it (false for a finding an officer added, or confirmed after the rules
	// stopped finding it).
	Machine bool `json:"machine"`
	// By is the correction that decided the state (nil for machine).
	By *Correction `json:"by,omitempty"`
	// Objections are the objections to it, each with its decision.
	Objections []Objection `json:"objections,omitempty"`
}

// Outcome is an article's review: the reviewed result and how it differs from the scorer's.
type Outcome struct {
	// Result is the reviewed result: findings and people as corrected, counts and score recomputed.
	Result *scorer.Result `json:"result"`
	// Findings are the machine findings and the added ones, in text order, each with its state.
	Findings []FindingReview `json:"findings"`
	// Reviewed is the latest "reviewed" mark that still applies (nil: not reviewed).
	Reviewed *Correction `json:"reviewed"`
	// OutOfScope is the latest out-of-scope mark when the article is out of scope (nil: in scope).
	OutOfScope *Correction `json:"out_of_scope"`
	// Stale are corrections made on another version of the text: not applied, to be reviewed again.
	Stale []Correction `json:"stale"`
	// Unmatched are corrections of a person the current result does not have (the rules changed): not applied.
	Unmatched []Correction `json:"unmatched"`
	// Applied counts the corrections that changed or confirmed something.
	Applied int `json:"applied"`
	// Changed is true when the reviewed figures differ from the machine's.
	Changed bool `json:"changed"`
}

// Apply applies an article's corrections, oldest first, to its machine result: res is not modified. textHash is the
// hash of the article's current scored text, text the text itself (for positions), sc the scorer that recomputes
// counts and score. A correction made on other text is not applied but listed as stale, whatever its kind, except
// the out-of-scope marks, which are about the article rather than its words.
func Apply(sc *scorer.Scorer, res *scorer.Result, text string, cs []Correction) Outcome {
	hash := TextHash(text)
	out := Outcome{Stale: []Correction{}, Unmatched: []Correction{}}

	type decided struct {
		state string
		by    Correction
		ref   FindingRef
	}
	decisions := map[findingKey]decided{}
	var order []findingKey // keys of added or decided findings, first decision first
	decide := func(ref FindingRef, state string, c Correction) {
		k := ref.key()
		if _, ok := decisions[k]; !ok {
			order = append(order, k)
		}
		decisions[k] = decided{state, c, ref}
	}
	objections := map[int]*Objection{}
	objectionsOf := map[findingKey][]*Objection{}

	people := clonePeople(res.People)
	topics := map[string]bool{model.TopicGBV: res.Topics.GBV, model.TopicGenderEquality: res.Topics.GenderEquality,
		model.TopicWomenFocus: res.Topics.WomenFocus}
	find := func(name string) int {
		k := nameKey(name)
		for i, p := range people {
			if nameKey(p.Name) == k {
				return i
			}
		}
		return -1
	}

	for _, c := range cs {
		if c.TextHash != hash && c.Kind != KindOutOfScope && c.Kind != KindInScope {
			out.Stale = append(out.Stale, c)
			continue
		}
		applied := true
		switch c.Kind {
		case KindConfirmFinding:
			decide(*c.Finding, StateConfirmed, c)
		case KindRejectFinding:
			decide(*c.Finding, StateRejected, c)
		case KindAddFinding:
			decide(*c.Finding, StateAdded, c)
		case KindObjection:
			o := &Objection{Correction: c}
			objections[c.ID] = o
			objectionsOf[c.Finding.key()] = append(objectionsOf[c.Finding.key()], o)
			applied = false
		case KindDecision:
			o := objections[c.Objection]
			if o == nil {
				out.Unmatched = append(out.Unmatched, c)
				continue
			}
			d := c
			o.Decision = &d
			state := StateConfirmed
			if c.Decision == DecisionUpheld {
				state = StateRejected
			}
			decide(*o.Finding, state, c)
		case KindSetGender, KindSetQuoted, KindSetRole, KindRemovePerson, KindMergePeople:
			i := find(c.Person)
			if i < 0 {
				out.Unmatched = append(out.Unmatched, c)
				continue
			}
			switch c.Kind {
			case KindSetGender:
				people[i].Gender = c.Gender
			case KindSetQuoted:
				people[i].Quoted = *c.Quoted
			case KindSetRole:
				people[i].Role = c.Role
			case KindRemovePerson:
				people = append(people[:i], people[i+1:]...)
			case KindMergePeople:
				j := find(c.Into)
				if j < 0 {
					out.Unmatched = append(out.Unmatched, c)
					continue
				}
				merged := people[j]
				merged.Quoted = merged.Quoted || people[i].Quoted
				if merged.Gender == model.Unknown {
					merged.Gender = people[i].Gender
				}
				merged.Mentions = append(merged.Mentions, people[i].Mentions...)
				people[j] = merged
				people = append(people[:i], people[i+1:]...)
			}
		case KindAddPerson:
			if i := find(c.Person); i >= 0 {
				// Adding someone already there corrects them instead of counting them twice.
				people[i].Gender = c.Gender
				if c.Quoted != nil {
					people[i].Quoted = *c.Quoted
				}
				if c.Role != "" {
					people[i].Role = c.Role
				}
				break
			}
			p := scorer.Person{Name: c.Person, Gender: c.Gender, Role: c.Role, Quoted: c.Quoted != nil && *c.Quoted,
				Cues: []scorer.Cue{{Decides: "gender", Kind: "review", Value: c.Gender, Text: c.By}}, Mentions: []scorer.Mention{}}
			if p.Role == "" {
				p.Role = model.RoleOther
			}
			people = append(people, p)
		case KindSetTopic:
			topics[c.Topic] = *c.Flag
		case KindOutOfScope:
			cc := c
			out.OutOfScope = &cc
		case KindInScope:
			out.OutOfScope = nil
		case KindReviewed:
			cc := c
			out.Reviewed = &cc
			applied = false
		}
		if applied {
			out.Applied++
		}
	}

	reviewed := *res
	reviewed.People = people
	reviewed.Topics = scorer.Topics{GBV: topics[model.TopicGBV], GenderEquality: topics[model.TopicGenderEquality],
		WomenFocus: topics[model.TopicWomenFocus]}
	reviewed.Findings = make([]scorer.Finding, 0, len(res.Findings))
	seen := map[findingKey]bool{}
	for _, f := range res.Findings {
		k := findingKey{f.Category, f.Start, f.End}
		seen[k] = true
		fr := FindingReview{Finding: f, State: StateMachine, Machine: true}
		if d, ok := decisions[k]; ok {
			fr.State = d.state
			by := d.by
			fr.By = &by
			if d.state == StateAdded {
				fr.State = StateConfirmed // added where the scorer finds it too: the scorer was right
			}
		}
		for _, o := range objectionsOf[k] {
			fr.Objections = append(fr.Objections, *o)
		}
		out.Findings = append(out.Findings, fr)
		if fr.State != StateRejected {
			reviewed.Findings = append(reviewed.Findings, f)
		}
	}
	for _, k := range order {
		d := decisions[k]
		if seen[k] || d.state == StateRejected {
			continue
		}
		f := addedFinding(d.ref, text)
		by := d.by
		fr := FindingReview{Finding: f, State: StateAdded, By: &by}
		for _, o := range objectionsOf[k] {
			fr.Objections = append(fr.Objections, *o)
		}
		out.Findings = append(out.Findings, fr)
		reviewed.Findings = append(reviewed.Findings, f)
	}
	sc.Revise(&reviewed, text)
	sortFindingReviews(out.Findings)
	out.Result = &reviewed
	out.Changed = out.OutOfScope != nil || changed(res, &reviewed)
	return out
}

// addedFinding is the finding an officer added (or confirmed after the rules stopped finding it).
func addedFinding(ref FindingRef, text string) scorer.Finding {
	c, _ := model.LookupCategory(ref.Category)
	indicator := model.IndicatorStereotypes
	if c.Group == model.GroupViolence {
		indicator = model.IndicatorViolence
	}
	severity := model.SeverityWarning
	if !c.Problem() {
		severity = model.SeverityInfo
	}
	rule := ref.Rule
	if rule == "" {
		rule = RuleAdded
	}
	f := scorer.Finding{Rule: rule, Indicator: indicator, Category: ref.Category, Severity: severity,
		Start: ref.Start, End: ref.End, Text: ref.Text, Message: c.Label.In("vi")}
	if ref.End <= len(text) && ref.Start >= 0 && ref.Start < ref.End {
		f.Text = text[ref.Start:ref.End]
	}
	return f
}

// RuleAdded is the rule id of findings an officer added.
const RuleAdded = "review.added"

func sortFindingReviews(fs []FindingReview) {
	slices.SortStableFunc(fs, func(a, b FindingReview) int { return a.Start - b.Start })
}

func clonePeople(ps []scorer.Person) []scorer.Person {
	out := make([]scorer.Person, len(ps))
	copy(out, ps)
	return out
}

// changed reports whether the reviewed result's figures differ from the machine's.
func changed(a, b *scorer.Result) bool {
	if a.Counts != b.Counts || a.Topics != b.Topics || len(a.Findings) != len(b.Findings) || a.Score != b.Score {
		return true
	}
	for i := range a.Findings {
		if a.Findings[i].Category != b.Findings[i].Category || a.Findings[i].Start != b.Findings[i].Start {
			return true
		}
	}
	for i := range a.People {
		if i >= len(b.People) || a.People[i].Role != b.People[i].Role {
			return true
		}
	}
	return false
}
