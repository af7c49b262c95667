package scorer

import "genderlens/model"

// Short names for the gender and role values of the JSON output, which model declares.
const (
	female  = model.Female
	male    = model.Male
	unknown = model.Unknown

	roleExpert    = model.RoleExpert
	roleOfficial  = model.RoleOfficial
	roleOrdinary  = model.RoleOrdinary
	roleCelebrity = model.RoleCelebrity
	roleOther     = model.RoleOther
)

// Result is the audit of one article. Every list is empty, never null, in
// JSON.
type Result struct {
	RulesVersion string                        `json:"rules_version"`
	Score        float64                       `json:"score"`
	Indicators   map[string]float64            `json:"indicators"` // groups that apply only (see scoreOf)
	People       []Person                      `json:"people"`
	Findings     []Finding                     `json:"findings"`
	Alerts       []Finding                     `json:"alerts"`
	Topics       Topics                        `json:"topics"`
	Counts       Counts                        `json:"counts"`
	QuotedByRole map[string]model.GenderCounts `json:"quoted_by_role"`
	// Explain is set when the document asked for it: what the people
	// finder rejected or merged, and rule matches conditions cancelled.
	Explain *Explanation `json:"explain,omitempty"`

	fired map[string]bool // ids of the rules that fired, for TestExamples
}

// Person is someone named, or described and quoted, in the article.
type Person struct {
	Name   string `json:"name"`
	Gender string `json:"gender"` // female, male, unknown
	Quoted bool   `json:"quoted"`
	// Unnamed is a source the story describes but does not name ("một
	// người dân cho biết"); Name is then the description.
	Unnamed bool   `json:"unnamed,omitempty"`
	Role    string `json:"role"` // expert, official, ordinary, celebrity, other
	// Cues are the pieces of text that decided gender, quoted and role.
	Cues     []Cue     `json:"cues"`
	Mentions []Mention `json:"mentions"`
}

// Cue is a piece of the text that decided something about a person: what it
// decides (gender, quoted, role), the kind of cue, the value it gives and
// where it is (byte offsets into the input; both 0 for cues without a place,
// such as the section).
type Cue struct {
	Decides string `json:"decides"`
	Kind    string `json:"kind"`
	Value   string `json:"value"`
	Text    string `json:"text"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
	// Bearers are the name-table counts a full_name cue weighed: each name
	// with the bearers of each sex the table knows.
	Bearers []NameBearers `json:"bearers,omitempty"`
}

// NameBearers is how many bearers of each sex a name table counts for a
// name.
type NameBearers struct {
	Name   string `json:"name"`
	Male   int    `json:"male"`
	Female int    `json:"female"`
}

// Cue kinds.
const (
	cueHonorific     = "honorific"      // bà, ông before a name
	cueRoleNoun      = "role_noun"      // nữ diễn viên, hoa hậu before a name
	cueMiddleName    = "middle_name"    // Thị, Văn, and the counts table
	cueReference     = "reference"      // a pronoun or family word referring back
	cueSpeakerFamily = "speaker_family" // "chồng tôi" in the person's own words
	cueGivenName     = "given_name"     // the given-name tables
	cueFullName      = "full_name"      // middle and given name weighed together
	cueNotable       = "notable"        // a well-known person's known gender
	cueDescription   = "description"    // an unnamed source's description
	cueConflict      = "conflict"       // cues of one kind disagree: gender unknown
	cueNone          = "none"           // no cue
	cueSpeechVerb    = "speech_verb"    // cho biết, nói after the person
	cueTheo          = "theo"           // "Theo X," before the person
	cueColon         = "colon"          // "X: “...”"
	cueQuoteDash     = "quote_dash"     // "“...” - X"
	cueAnaphor       = "anaphor"        // "“...”, bà nói" with the person as antecedent
	cueInterview     = "interview"      // the answers of a question-and-answer interview
	cueTitle         = "title"          // a title before or after the name
	cueSection       = "section"        // the outlet section (sport, entertainment)
	cueDefault       = "default"        // an honorific without a title: ordinary
)

// Mention is where a person is named, as byte offsets into the input.
type Mention struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Finding is one rule match. Start and End are byte offsets into the input
// as given, so input[Start:End] == Text; Line and Column are 1-based, the
// column counted in characters. Article-level findings (balance alerts)
// have Start == End == 0 and an empty Text.
type Finding struct {
	Rule       string `json:"rule"`
	Indicator  string `json:"indicator"`
	Category   string `json:"category"`
	Severity   string `json:"severity"`
	Start      int    `json:"start"`
	End        int    `json:"end"`
	Line       int    `json:"line"`
	Column     int    `json:"column"`
	Text       string `json:"text"`
	Message    string `json:"message"`
	Suggestion string `json:"suggestion"`
	// Context is what satisfied a proximity rule's condition: the nearby
	// phrase or person that makes the match a finding.
	Context *Span `json:"context,omitempty"`
}

// Span is a piece of the input with its byte offsets.
type Span struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Explanation says what the scorer considered and set aside.
type Explanation struct {
	// Candidates are capitalised runs and descriptions that are not people
	// of their own: rejected (a place, a club, no cue of a person) or
	// merged into a person named elsewhere.
	Candidates []CandidateNote `json:"candidates"`
	// Dropped are rule matches that a condition cancelled.
	Dropped []DroppedMatch `json:"dropped"`
}

// CandidateNote is one candidate the people finder set aside.
type CandidateNote struct {
	Text    string `json:"text"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Outcome string `json:"outcome"` // rejected, merged
	Stage   string `json:"stage"`   // candidates, non_person, merge
	Reason  string `json:"reason"`
	// Person is the person a merged mention joined.
	Person string `json:"person,omitempty"`
}

// DroppedMatch is a rule phrase found in the text that did not become a
// finding, and why.
type DroppedMatch struct {
	Rule   string `json:"rule"`
	Text   string `json:"text"`
	Start  int    `json:"start"`
	End    int    `json:"end"`
	Reason string `json:"reason"`
}

// Topics are the article-level flags.
type Topics struct {
	GBV            bool `json:"gbv"`
	GenderEquality bool `json:"gender_equality"`
	WomenFocus     bool `json:"women_focus"`
}

// Counts are the people and quoted sources by gender.
type Counts struct {
	People model.GenderCounts `json:"people"`
	Quoted model.GenderCounts `json:"quoted"`
}
