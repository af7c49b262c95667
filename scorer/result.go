package scorer

// Gender and role values of the JSON output.
const (
	female  = "female"
	male    = "male"
	unknown = "unknown"

	roleExpert    = "expert"
	roleOfficial  = "official"
	roleOrdinary  = "ordinary"
	roleCelebrity = "celebrity"
	roleOther     = "other"
)

// Result is the audit of one article.
type Result struct {
	RulesVersion string                  `json:"rules_version"`
	Score        float64                 `json:"score"`
	Indicators   map[string]float64      `json:"indicators"`
	People       []Person                `json:"people"`
	Findings     []Finding               `json:"findings"`
	Alerts       []Finding               `json:"alerts"`
	Topics       Topics                  `json:"topics"`
	Counts       Counts                  `json:"counts"`
	QuotedByRole map[string]GenderCounts `json:"quoted_by_role"`

	fired map[string]bool // ids of the rules that fired, for TestExamples
}

// Person is someone named in the article.
type Person struct {
	Name     string    `json:"name"`
	Gender   string    `json:"gender"` // female, male, unknown
	Quoted   bool      `json:"quoted"`
	Role     string    `json:"role"` // expert, official, ordinary, celebrity, other
	Evidence string    `json:"evidence"`
	Mentions []Mention `json:"mentions"`
}

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
}

// Topics are the article-level flags.
type Topics struct {
	GBV            bool `json:"gbv"`
	GenderEquality bool `json:"gender_equality"`
	WomenFocus     bool `json:"women_focus"`
}

// GenderCounts counts people by gender.
type GenderCounts struct {
	Female  int `json:"female"`
	Male    int `json:"male"`
	Unknown int `json:"unknown"`
}

func (g *GenderCounts) add(gender string) {
	switch gender {
	case female:
		g.Female++
	case male:
		g.Male++
	default:
		g.Unknown++
	}
}

// Counts are the people and quoted sources by gender.
type Counts struct {
	People GenderCounts `json:"people"`
	Quoted GenderCounts `json:"quoted"`
}
