package review

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"genderlens/model"
)

// Kinds of correction.
const (
	// On findings: the finding is right, wrong, or missed (added with its category and place).
	KindConfirmFinding = "confirm_finding"
	KindRejectFinding  = "reject_finding"
	KindAddFinding     = "add_finding"
	// On people: a person's gender, quoted flag or role is corrected; one person merged into another; a candidate
	// that is not a person removed; a missed person added.
	KindSetGender    = "set_gender"
	KindSetQuoted    = "set_quoted"
	KindSetRole      = "set_role"
	KindMergePeople  = "merge_people"
	KindRemovePerson = "remove_person"
	KindAddPerson    = "add_person"
	// On the article's topics: a story on gender-based violence, on gender equality, focused on women (or not).
	KindSetTopic = "set_topic"
	// On the article: out of scope (with a Scope reason) or back in scope; reviewed (every finding and person
	// checked: what was not corrected is right as the scorer has it).
	KindOutOfScope = "out_of_scope"
	KindInScope    = "in_scope"
	KindReviewed   = "reviewed"
	// An editor's (or officer's) objection to a finding, and the officer's decision on it.
	KindObjection = "objection"
	KindDecision  = "decision"
)

// Kinds lists every kind of correction, in the order the pages and the API document them.
func Kinds() []string {
	return []string{KindConfirmFinding, KindRejectFinding, KindAddFinding, KindSetGender, KindSetQuoted, KindSetRole,
		KindMergePeople, KindRemovePerson, KindAddPerson, KindSetTopic, KindOutOfScope, KindInScope, KindReviewed, KindObjection,
		KindDecision}
}

// Reasons an article is out of scope.
const (
	ScopeAdvertisement = "advertisement"
	ScopeNotNews       = "not_news"
	ScopeDuplicate     = "duplicate"
)

// Scopes lists the reasons an article can be out of scope.
func Scopes() []string { return []string{ScopeAdvertisement, ScopeNotNews, ScopeDuplicate} }

// Decisions on an objection: upheld rejects the finding, dismissed confirms it.
const (
	DecisionUpheld    = "upheld"
	DecisionDismissed = "dismissed"
)

// Who wrote a correction: an officer (the API token) or an outlet's editor (the outlet's editor token), who may only
// object.
const (
	ByOfficer = "officer"
	ByEditor  = "editor"
)

// Correction is one recorded act of review. Which fields apply depends on Kind; Validate says which are required.
type Correction struct {
	// ID is the correction's place in the log (from 1), set by the store.
	ID  int    `json:"id"`
	URL string `json:"url"`
	// Outlet is the article's outlet, set by whoever records it from the stored article.
	Outlet string `json:"outlet"`
	Kind   string `json:"kind"`
	// TextHash identifies the text the correction was made on (TextHash of the scored text); the store's user sets
	// it from the stored article. A correction whose hash differs from the article's current text is stale.
	TextHash string `json:"text_hash"`

	// Finding is the finding confirmed, rejected, added or objected to.
	Finding *FindingRef `json:"finding,omitempty"`
	// Person names the person corrected, merged or removed, as the result names them.
	Person string `json:"person,omitempty"`
	// Into is the person another is merged into.
	Into string `json:"into,omitempty"`
	// Gender, Quoted and Role are the corrected values (set_*) or the added person's (add_person).
	Gender string `json:"gender,omitempty"`
	Quoted *bool  `json:"quoted,omitempty"`
	Role   string `json:"role,omitempty"`
	// Scope is why an article is out of scope.
	Scope string `json:"scope,omitempty"`
	// Topic (model.Topics) and Flag set an article's topic flag.
	Topic string `json:"topic,omitempty"`
	Flag  *bool  `json:"flag,omitempty"`
	// Objection is the ID of the objection a decision decides; Decision is upheld or dismissed.
	Objection int    `json:"objection,omitempty"`
	Decision  string `json:"decision,omitempty"`

	// Reason is an optional explanation (required for objections).
	Reason string `json:"reason,omitempty"`
	// By is who recorded it (a name or address), Role whether an officer or an editor, At when (set by the store).
	By     string    `json:"by"`
	ByRole string    `json:"by_role"`
	At     time.Time `json:"at"`
}

// FindingRef identifies a finding by its category and place in the scored text; Rule and Text are kept to show
// it (and to anchor it: Text must be the text at Start..End).
type FindingRef struct {
	Category string `json:"category"`
	Rule     string `json:"rule,omitempty"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Text     string `json:"text"`
}

// key is a finding's identity across rescoring: the rule that finds it may change, the category and place do not.
func (f FindingRef) key() findingKey { return findingKey{f.Category, f.Start, f.End} }

type findingKey struct {
	category   string
	start, end int
}

// ErrInvalid matches (with errors.Is) a correction that Validate refuses.
var ErrInvalid = errors.New("invalid correction")

type invalidError struct{ msg string }

func (e invalidError) Error() string        { return e.msg }
func (e invalidError) Is(target error) bool { return target == ErrInvalid }

// Field length bounds: names and phrases are short; a reason is a paragraph.
const (
	maxShort  = 300
	maxReason = 4000
)

// Validate reports what is missing or wrong for the correction's kind; the error matches ErrInvalid.
func (c Correction) Validate() error {
	var problems []string
	bad := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	if strings.TrimSpace(c.URL) == "" {
		bad("url: required")
	}
	if !slices.Contains(Kinds(), c.Kind) {
		bad("kind: %q is not one of %s", c.Kind, strings.Join(Kinds(), ", "))
	}
	for _, f := range []struct {
		name, v string
		max     int
	}{{"url", c.URL, 2048}, {"person", c.Person, maxShort}, {"into", c.Into, maxShort}, {"by", c.By, maxShort},
		{"reason", c.Reason, maxReason}} {
		if err := cleanText(f.v, f.max, f.name == "reason"); err != nil {
			bad("%s: %v", f.name, err)
		}
	}
	if c.ByRole != ByOfficer && c.ByRole != ByEditor {
		bad("by_role: want %s or %s", ByOfficer, ByEditor)
	}
	if c.ByRole == ByEditor && c.Kind != KindObjection {
		bad("kind: an editor may only object (kind %s)", KindObjection)
	}
	needFinding := func(withPlace bool) {
		switch {
		case c.Finding == nil:
			bad("finding: required for %s", c.Kind)
		case !knownCategory(c.Finding.Category):
			bad("finding.category: unknown category %q", c.Finding.Category)
		case withPlace && (c.Finding.Start < 0 || c.Finding.End <= c.Finding.Start):
			bad("finding: start %d and end %d do not make a span", c.Finding.Start, c.Finding.End)
		default:
			if err := cleanText(c.Finding.Text, maxShort, false); err != nil {
				bad("finding.text: %v", err)
			}
		}
	}
	needPerson := func() {
		if strings.TrimSpace(c.Person) == "" {
			bad("person: required for %s", c.Kind)
		}
	}
	switch c.Kind {
	case KindConfirmFinding, KindRejectFinding:
		needFinding(false)
	case KindAddFinding:
		needFinding(true)
	case KindObjection:
		needFinding(false)
		if strings.TrimSpace(c.Reason) == "" {
			bad("reason: an objection needs a reason")
		}
	case KindSetGender:
		needPerson()
		if !slices.Contains(model.Genders(), c.Gender) {
			bad("gender: want one of %s", strings.Join(model.Genders(), ", "))
		}
	case KindSetQuoted:
		needPerson()
		if c.Quoted == nil {
			bad("quoted: required (true or false)")
		}
	case KindSetRole:
		needPerson()
		if !slices.Contains(model.Roles(), c.Role) {
			bad("role: want one of %s", strings.Join(model.Roles(), ", "))
		}
	case KindMergePeople:
		needPerson()
		if strings.TrimSpace(c.Into) == "" {
			bad("into: required: the person %q is merged into", c.Person)
		} else if nameKey(c.Into) == nameKey(c.Person) {
			bad("into: a person cannot be merged into themselves")
		}
	case KindRemovePerson:
		needPerson()
	case KindAddPerson:
		needPerson()
		if c.Gender != "" && !slices.Contains(model.Genders(), c.Gender) {
			bad("gender: want one of %s", strings.Join(model.Genders(), ", "))
		}
		if c.Role != "" && !slices.Contains(model.Roles(), c.Role) {
			bad("role: want one of %s", strings.Join(model.Roles(), ", "))
		}
	case KindSetTopic:
		if !slices.Contains(model.Topics(), c.Topic) {
			bad("topic: want one of %s", strings.Join(model.Topics(), ", "))
		}
		if c.Flag == nil {
			bad("flag: required (true or false)")
		}
	case KindOutOfScope:
		if !slices.Contains(Scopes(), c.Scope) {
			bad("scope: want one of %s", strings.Join(Scopes(), ", "))
		}
	case KindDecision:
		if c.Objection <= 0 {
			bad("objection: the id of the objection decided is required")
		}
		if c.Decision != DecisionUpheld && c.Decision != DecisionDismissed {
			bad("decision: want %s or %s", DecisionUpheld, DecisionDismissed)
		}
	}
	if len(problems) > 0 {
		return invalidError{strings.Join(problems, "; ")}
	}
	return nil
}

// cleanText refuses invalid UTF-8, control characters (newlines and tabs only where multiline) and overlong values.
func cleanText(s string, max int, multiline bool) error {
	if !utf8.ValidString(s) {
		return errors.New("not valid UTF-8")
	}
	if n := utf8.RuneCountInString(s); n > max {
		return fmt.Errorf("%d characters, at most %d", n, max)
	}
	for _, r := range s {
		if unicode.IsControl(r) && !(multiline && (r == '\n' || r == '\r' || r == '\t')) {
			return fmt.Errorf("control character %U not allowed", r)
		}
	}
	return nil
}

func knownCategory(id string) bool {
	_, ok := model.LookupCategory(id)
	return ok
}
