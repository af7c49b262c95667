// Package rules loads the gender-indicator rule set: YAML files, one per
// indicator group, each rule with a kind, an indicator, a category, a
// bilingual message and suggestion, patterns, conditions and examples that
// must and must not match. The set is embedded in the binary and can be
// replaced by a directory.
package rules

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"genderlens/vntext"
)

//go:embed *.yaml
var embedded embed.FS

// SetFile is the file that carries the rule set's version and scoring
// weights; every other *.yaml file holds rules.
const SetFile = "ruleset.yaml"

// Rule kinds, modelled on Vale's.
const (
	KindExistence    = "existence"    // any listed phrase is a finding
	KindSubstitution = "substitution" // a phrase with a better wording
	KindProximity    = "proximity"    // a phrase only near a person or cue
	KindBalance      = "balance"      // shares of women among sources
	KindTopic        = "topic"        // cues that set an article topic
)

// Categories returns the categories a rule may have: the kinds of gendered
// language, "positive" for good practice, and "balance" and "topic" for the
// article-level rule kinds.
func Categories() []string {
	return []string{
		"appearance", "sexualization", "gender_marking", "stereotype", "derogatory",
		"sensational_gbv", "victim_blaming", "victim_identification", "positive",
		"balance", "topic",
	}
}

// Topics returns the topics an article can be flagged with.
func Topics() []string { return []string{"gbv", "gender_equality", "women_focus"} }

// Set is a loaded, validated rule set.
type Set struct {
	Version string
	Rules   []Rule
	Scoring Scoring
}

// Scoring holds the weights documented in README.md.
type Scoring struct {
	// Groups weights each indicator group in the overall score.
	Groups map[string]float64 `yaml:"groups"`
	// Penalty is the points an indicator loses per finding of a severity.
	Penalty map[string]float64 `yaml:"penalty"`
	// Bonus is the points a positive signal adds to its indicator.
	Bonus float64 `yaml:"bonus"`
}

// Text is a message in Vietnamese and English.
type Text struct {
	VI string `yaml:"vi" json:"vi"`
	EN string `yaml:"en" json:"en"`
}

// In returns the text in lang ("en" gives English, anything else Vietnamese).
func (t Text) In(lang string) string {
	if strings.HasPrefix(strings.ToLower(lang), "en") && t.EN != "" {
		return t.EN
	}
	return t.VI
}

// Near is a proximity condition: the match must lie within Within words of
// a person of the given gender (female, male, any) or of one of Tokens.
type Near struct {
	Person string   `yaml:"person"`
	Tokens []string `yaml:"tokens"`
	Within int      `yaml:"within"`
}

// Balance is the condition of a balance rule. With MinFemale > 0 it fires
// when at least MinFemale women are in the group (a positive signal);
// otherwise it fires when at least MinSources people of the group are
// counted and women's share of them is below MinShare.
type Balance struct {
	Of         string  `yaml:"of"` // quoted, people, experts, officials
	MinShare   float64 `yaml:"min_share"`
	MinSources int     `yaml:"min_sources"`
	MinFemale  int     `yaml:"min_female"`
}

// Example is one example sentence with its place in the file.
type Example struct {
	Text    string
	Section string
	Line    int
}

// UnmarshalYAML accepts a plain string or {text, section}.
func (e *Example) UnmarshalYAML(n *yaml.Node) error {
	e.Line = n.Line
	if n.Kind == yaml.ScalarNode {
		e.Text = n.Value
		return nil
	}
	var v struct {
		Text    string `yaml:"text"`
		Section string `yaml:"section"`
	}
	if err := n.Decode(&v); err != nil {
		return fmt.Errorf("example: %w", err)
	}
	e.Text, e.Section = v.Text, v.Section
	return nil
}

// Examples are texts the rule must and must not fire on.
type Examples struct {
	Match   []Example `yaml:"match"`
	NoMatch []Example `yaml:"nomatch"`
}

// Rule is one rule of the set.
type Rule struct {
	ID         string `yaml:"id"`
	Kind       string `yaml:"kind"`
	Indicator  string `yaml:"indicator"`
	Category   string `yaml:"category"`
	Severity   string `yaml:"severity"`
	Message    Text   `yaml:"message"`
	Suggestion Text   `yaml:"suggestion"`

	// Tokens are the phrases of existence, proximity and topic rules.
	Tokens []string `yaml:"tokens"`
	// Swap maps a phrase to its better wording (substitution rules).
	Swap map[string]string `yaml:"swap"`
	// Exceptions are longer phrases that cancel an overlapping match.
	Exceptions []string `yaml:"exceptions"`
	// Near restricts proximity rules.
	Near *Near `yaml:"near"`
	// Unless drops a match that has one of its tokens (or a person) near
	// it: "nữ thủ tướng đầu tiên" is news about sex, not gender marking.
	Unless *Near `yaml:"unless"`
	// WhenTopics: fire only when the article has all these topics.
	WhenTopics []string `yaml:"when_topics"`
	// Sections / NotSections restrict by the outlet's section (substring
	// match on the section slug, e.g. "the-thao").
	Sections    []string `yaml:"sections"`
	NotSections []string `yaml:"not_sections"`
	// Topic and MinHits configure topic rules: the topic is set when cues
	// of the rule occur at least MinHits times (distinct phrases count once
	// each unless Weighted).
	Topic   string   `yaml:"topic"`
	MinHits int      `yaml:"min_hits"`
	Balance *Balance `yaml:"balance"`

	Examples Examples `yaml:"examples"`

	File string `yaml:"-"`
	Line int    `yaml:"-"`
}

// ruleFile is the layout of a rules file.
type ruleFile struct {
	Indicator string `yaml:"indicator"`
	Rules     []Rule `yaml:"rules"`
}

type setFile struct {
	Version string  `yaml:"version"`
	Scoring Scoring `yaml:"scoring"`
}

// EmbeddedFS returns the rule files compiled into the binary.
func EmbeddedFS() fs.FS { return embedded }

// Embedded loads the rule set compiled into the binary.
func Embedded() (*Set, error) {
	s, err := Load(embedded)
	if err != nil {
		return nil, fmt.Errorf("embedded rules: %w", err)
	}
	return s, nil
}

// LoadDir loads a directory that replaces the embedded rule set.
func LoadDir(dir string) (*Set, error) {
	if _, err := os.Stat(dir); err != nil {
		return nil, fmt.Errorf("load rules %s: %w", dir, err)
	}
	s, err := Load(os.DirFS(dir))
	if err != nil {
		return nil, fmt.Errorf("load rules %s: %w", dir, err)
	}
	return s, nil
}

// Load reads and validates every *.yaml file at the root of fsys. It fails
// with all problems Lint finds.
func Load(fsys fs.FS) (*Set, error) {
	set, problems := parse(fsys)
	if len(problems) > 0 {
		errs := make([]error, len(problems))
		for i, p := range problems {
			errs[i] = errors.New(p.String())
		}
		return nil, errors.Join(errs...)
	}
	return set, nil
}

// ruleFiles lists the rule files in a stable order.
func ruleFiles(fsys fs.FS) ([]string, error) {
	names, err := fs.Glob(fsys, "*.yaml")
	if err != nil {
		return nil, fmt.Errorf("list rule files: %w", err)
	}
	sort.Strings(names)
	return names, nil
}

// parse reads every file and collects the set and all problems found.
func parse(fsys fs.FS) (*Set, []Problem) {
	var problems []Problem
	add := func(file string, line int, format string, args ...any) {
		problems = append(problems, Problem{File: file, Line: line, Message: fmt.Sprintf(format, args...)})
	}
	names, err := ruleFiles(fsys)
	if err != nil {
		add(".", 0, "%v", err)
		return nil, problems
	}
	set := &Set{}
	sawSet := false
	seen := map[string]string{}
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			add(name, 0, "read: %v", err)
			continue
		}
		var doc yaml.Node
		if err := yaml.Unmarshal(data, &doc); err != nil {
			add(name, yamlLine(err), "parse: %v", err)
			continue
		}
		if len(doc.Content) == 0 {
			add(name, 1, "empty file")
			continue
		}
		root := doc.Content[0]
		if path.Base(name) == SetFile {
			sawSet = true
			checkKeys(root, name, []string{"version", "scoring"}, add)
			var sf setFile
			if err := root.Decode(&sf); err != nil {
				add(name, yamlLine(err), "decode: %v", err)
				continue
			}
			if sf.Version == "" {
				add(name, root.Line, "version is missing")
			}
			set.Version = sf.Version
			set.Scoring = sf.Scoring
			continue
		}
		checkKeys(root, name, []string{"indicator", "rules"}, add)
		var rf ruleFile
		if err := root.Decode(&rf); err != nil {
			add(name, yamlLine(err), "decode: %v", err)
			continue
		}
		ruleNodes := mapValue(root, "rules")
		for i := range rf.Rules {
			r := &rf.Rules[i]
			r.File = name
			if ruleNodes != nil && i < len(ruleNodes.Content) {
				rn := ruleNodes.Content[i]
				r.Line = rn.Line
				checkKeys(rn, name, ruleKeys, add)
			}
			if r.Indicator == "" {
				r.Indicator = rf.Indicator
			}
			if prev, ok := seen[r.ID]; ok && r.ID != "" {
				add(name, r.Line, "duplicate rule id %q (first in %s)", r.ID, prev)
			}
			seen[r.ID] = name
			for _, msg := range validate(r) {
				add(name, r.Line, "rule %s: %s", r.ID, msg)
			}
			set.Rules = append(set.Rules, *r)
		}
	}
	if !sawSet {
		add(SetFile, 0, "missing: the rule set needs a %s with its version", SetFile)
	}
	return set, problems
}

var ruleKeys = []string{
	"id", "kind", "indicator", "category", "severity", "message", "suggestion",
	"tokens", "swap", "exceptions", "near", "unless", "when_topics", "sections",
	"not_sections", "topic", "min_hits", "balance", "examples",
}

// checkKeys reports keys of a mapping node that the loader does not know,
// because a misspelt condition would otherwise be silently ignored.
func checkKeys(n *yaml.Node, file string, known []string, add func(string, int, string, ...any)) {
	if n.Kind != yaml.MappingNode {
		add(file, n.Line, "expected a mapping")
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		ok := false
		for _, want := range known {
			if k.Value == want {
				ok = true
				break
			}
		}
		if !ok {
			add(file, k.Line, "unknown key %q", k.Value)
		}
	}
}

func mapValue(n *yaml.Node, key string) *yaml.Node {
	if n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

// yamlLine extracts the line number from a yaml error, 0 when absent.
func yamlLine(err error) int {
	var te *yaml.TypeError
	msg := err.Error()
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	var line int
	if i := strings.Index(msg, "line "); i >= 0 {
		fmt.Sscanf(msg[i+5:], "%d", &line)
	}
	return line
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// validate returns what is wrong with one rule.
func validate(r *Rule) []string {
	var out []string
	bad := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	if r.ID == "" {
		bad("id is missing")
	}
	if r.Indicator == "" {
		bad("indicator is missing")
	}
	if !contains(Categories(), r.Category) {
		bad("category %q is not one of %s", r.Category, strings.Join(Categories(), ", "))
	}
	switch r.Severity {
	case "info", "warning", "error":
	default:
		bad("severity %q is not info, warning or error", r.Severity)
	}
	if r.Message.VI == "" || r.Message.EN == "" {
		bad("message needs vi and en")
	}
	if r.Kind != KindTopic && (r.Suggestion.VI == "" || r.Suggestion.EN == "") && r.Kind != KindSubstitution {
		bad("suggestion needs vi and en")
	}
	if len(r.Examples.Match) == 0 {
		bad("needs at least one example under examples.match")
	}
	if len(r.Examples.NoMatch) == 0 {
		bad("needs at least one example under examples.nomatch")
	}
	for _, t := range r.WhenTopics {
		if !contains(Topics(), t) {
			bad("when_topics: unknown topic %q", t)
		}
	}
	phrases := func(field string, list []string) {
		seen := make(map[string]bool, len(list))
		for _, p := range list {
			if strings.TrimSpace(p) == "" {
				bad("%s: empty phrase", field)
			}
			// Phrases are matched folded, so "thuý"/"thúy" are one phrase.
			k := vntext.FoldString(strings.Join(strings.Fields(p), " "))
			if seen[k] {
				bad("%s: duplicate phrase %q", field, p)
			}
			seen[k] = true
		}
	}
	phrases("exceptions", r.Exceptions)
	if r.Unless != nil {
		if r.Unless.Within <= 0 {
			bad("unless.within must be positive")
		}
		if r.Unless.Person == "" && len(r.Unless.Tokens) == 0 {
			bad("unless needs a person or tokens")
		}
		phrases("unless.tokens", r.Unless.Tokens)
	}
	switch r.Kind {
	case KindExistence:
		if len(r.Tokens) == 0 {
			bad("existence rule needs tokens")
		}
		phrases("tokens", r.Tokens)
	case KindSubstitution:
		if len(r.Swap) == 0 {
			bad("substitution rule needs swap")
		}
		for k, v := range r.Swap {
			if strings.TrimSpace(k) == "" || strings.TrimSpace(v) == "" {
				bad("swap: empty phrase or replacement")
			}
		}
	case KindProximity:
		if len(r.Tokens) == 0 {
			bad("proximity rule needs tokens")
		}
		phrases("tokens", r.Tokens)
		if r.Near == nil {
			bad("proximity rule needs near")
		} else {
			if r.Near.Within <= 0 {
				bad("near.within must be positive")
			}
			switch r.Near.Person {
			case "", "female", "male", "any":
			default:
				bad("near.person %q is not female, male or any", r.Near.Person)
			}
			if r.Near.Person == "" && len(r.Near.Tokens) == 0 {
				bad("near needs a person or tokens")
			}
			phrases("near.tokens", r.Near.Tokens)
		}
	case KindBalance:
		if r.Balance == nil {
			bad("balance rule needs balance")
		} else {
			switch r.Balance.Of {
			case "quoted", "people", "experts", "officials":
			default:
				bad("balance.of %q is not quoted, people, experts or officials", r.Balance.Of)
			}
			if r.Balance.MinFemale <= 0 && (r.Balance.MinShare <= 0 || r.Balance.MinShare > 1) {
				bad("balance.min_share must be in (0, 1]")
			}
		}
	case KindTopic:
		if !contains(Topics(), r.Topic) {
			bad("topic %q is not one of %s", r.Topic, strings.Join(Topics(), ", "))
		}
		if len(r.Tokens) == 0 {
			bad("topic rule needs tokens")
		}
		phrases("tokens", r.Tokens)
	default:
		bad("kind %q is not existence, substitution, proximity, balance or topic", r.Kind)
	}
	return out
}
