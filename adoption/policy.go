// Package adoption decides, per outlet and year, whether an outlet applies the gender indicator set for media (not
// started, pilot, official) and how the district compares to its target. It owns the versioned policy file that sets
// the requirements, its embedded Hanoi and national presets, and the durable store of process evidence.
package adoption

import (
	"embed"
	"errors"
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"
	"time"

	"genderlens/internal/strictyaml"
	"genderlens/model"

	"go.yaml.in/yaml/v3"
)

// Level is how far an outlet applies the indicator set.
type Level string

// Levels, in order.
const (
	NotStarted Level = "not_started"
	Pilot      Level = "pilot"
	Official   Level = "official"
)

func (l Level) rank() int {
	switch l {
	case Pilot:
		return 1
	case Official:
		return 2
	}
	return 0
}

// Policy sets what pilot and official application require and the district's targets. It is data, versioned, and
// every figure computed with it names its Version.
type Policy struct {
	Version string `yaml:"version" json:"version"`
	Name    string `yaml:"name" json:"name"`
	// Source names the plans and decisions the policy follows, in Vietnamese for the reports and pages and in
	// English. A file may give one text (the form before both were kept); it is then used for both.
	Source model.Label `yaml:"source" json:"source"`
	// ReportDeadline is the day (MM-DD) before which the yearly report must be sent to be on time.
	ReportDeadline string       `yaml:"report_deadline" json:"report_deadline"`
	Targets        []Target     `yaml:"targets" json:"targets"`
	Pilot          Requirements `yaml:"pilot" json:"pilot"`
	Official       Requirements `yaml:"official" json:"official"`
}

// Target is a share of outlets to reach a level by the end of a year.
type Target struct {
	Year  int     `yaml:"year" json:"year"`
	Level Level   `yaml:"level" json:"level"`
	Share float64 `yaml:"share" json:"share"`
}

// Requirements are what one level asks of an outlet in a year.
type Requirements struct {
	Process ProcessRequirements `yaml:"process" json:"process"`
	Content ContentThresholds   `yaml:"content" json:"content"`
}

// ProcessRequirements are the adoption steps, checked against recorded Evidence.
type ProcessRequirements struct {
	Decision                bool     `yaml:"decision" json:"decision"`
	FocalPerson             bool     `yaml:"focal_person" json:"focal_person"`
	SelfAssessment          bool     `yaml:"self_assessment" json:"self_assessment"`
	ReportOnTime            bool     `yaml:"report_on_time" json:"report_on_time"`
	MinStaffTrainedShare    *float64 `yaml:"min_staff_trained_share" json:"min_staff_trained_share,omitempty"`
	WomenLeadershipReported bool     `yaml:"women_leadership_reported" json:"women_leadership_reported"`
	MinWomenLeadershipShare *float64 `yaml:"min_women_leadership_share" json:"min_women_leadership_share,omitempty"`
}

// ContentThresholds are checked against the outlet's content figures for the year.
type ContentThresholds struct {
	MinArticles         int      `yaml:"min_articles" json:"min_articles"`
	MinScore            *float64 `yaml:"min_score" json:"min_score,omitempty"`
	MinQuotedWomenShare *float64 `yaml:"min_quoted_women_share" json:"min_quoted_women_share,omitempty"`
	// MaxCategoryRate bounds the share of articles with a finding of each category.
	MaxCategoryRate map[string]float64 `yaml:"max_category_rate" json:"max_category_rate,omitempty"`
	// MaxViolenceRate bounds, among gender-based violence stories, the share with victim_blaming, sensational or
	// victim_identification.
	MaxViolenceRate map[string]float64 `yaml:"max_violence_rate" json:"max_violence_rate,omitempty"`
}

//go:embed presets/*.yaml
var presetFiles embed.FS

// PresetNames are the embedded policies, usable as policy_file "preset:NAME".
func PresetNames() []string { return []string{"hanoi", "national"} }

// Preset returns an embedded policy: "hanoi" (80% pilot by 2025, 100% official by 2030) or "national" (70%/90%).
func Preset(name string) (*Policy, error) {
	b, err := presetFiles.ReadFile("presets/" + name + ".yaml")
	if err != nil {
		return nil, fmt.Errorf("no policy preset %q (have %s)", name, strings.Join(PresetNames(), ", "))
	}
	return ParsePolicy(b, "preset:"+name)
}

// LoadPolicy reads the policy named by the configuration's policy_file: empty for the Hanoi preset, "preset:NAME"
// for another preset, or a YAML file path.
func LoadPolicy(ref string) (*Policy, error) {
	switch {
	case ref == "":
		return Preset("hanoi")
	case strings.HasPrefix(ref, "preset:"):
		return Preset(strings.TrimPrefix(ref, "preset:"))
	}
	b, err := os.ReadFile(ref)
	if err != nil {
		return nil, fmt.Errorf("read policy file: %w", err)
	}
	return ParsePolicy(b, ref)
}

// ParsePolicy decodes and validates a policy; name (a file or preset) prefixes every error.
func ParsePolicy(b []byte, name string) (*Policy, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		return nil, fmt.Errorf("policy %s: %w", name, err)
	}
	var p Policy
	if doc.Kind != 0 {
		sourceInBothLanguages(&doc)
		if err := strictyaml.Decode(&doc, &p); err != nil {
			return nil, fmt.Errorf("policy %s: %w", name, err)
		}
	}
	if err := p.validate(); err != nil {
		return nil, fmt.Errorf("policy %s: %w", name, err)
	}
	return &p, nil
}

// sourceInBothLanguages turns a policy file's single-text source into the same text in both languages.
func sourceInBothLanguages(doc *yaml.Node) {
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return
	}
	m := doc.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		if v := m.Content[i+1]; m.Content[i].Value == "source" && v.Kind == yaml.ScalarNode {
			text := *v
			vi, en := text, text
			m.Content[i+1] = &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: v.Line, Column: v.Column, Content: []*yaml.Node{
				{Kind: yaml.ScalarNode, Tag: "!!str", Value: "vi", Line: v.Line, Column: v.Column}, &vi,
				{Kind: yaml.ScalarNode, Tag: "!!str", Value: "en", Line: v.Line, Column: v.Column}, &en,
			}}
		}
	}
}

func (p *Policy) validate() error {
	var errs []error
	if strings.TrimSpace(p.Version) == "" {
		errs = append(errs, errors.New("version: required, so that every figure can name the policy it used"))
	}
	if _, err := time.Parse("01-02", p.ReportDeadline); err != nil {
		errs = append(errs, fmt.Errorf("report_deadline: want MM-DD, got %q", p.ReportDeadline))
	}
	if len(p.Targets) == 0 {
		errs = append(errs, errors.New("targets: at least one required"))
	}
	for i, t := range p.Targets {
		if t.Level != Pilot && t.Level != Official {
			errs = append(errs, fmt.Errorf("targets[%d].level: want pilot or official, got %q", i, t.Level))
		}
		if t.Share < 0 || t.Share > 1 {
			errs = append(errs, fmt.Errorf("targets[%d].share: want 0..1, got %v", i, t.Share))
		}
		if i > 0 && t.Year <= p.Targets[i-1].Year {
			errs = append(errs, fmt.Errorf("targets[%d].year: targets must be in increasing years", i))
		}
	}
	for _, lv := range []struct {
		name string
		r    Requirements
	}{{"pilot", p.Pilot}, {"official", p.Official}} {
		name, r := lv.name, lv.r
		for _, sh := range []struct {
			key string
			v   *float64
		}{
			{"process.min_staff_trained_share", r.Process.MinStaffTrainedShare},
			{"process.min_women_leadership_share", r.Process.MinWomenLeadershipShare},
			{"content.min_quoted_women_share", r.Content.MinQuotedWomenShare},
		} {
			if sh.v != nil && (*sh.v < 0 || *sh.v > 1) {
				errs = append(errs, fmt.Errorf("%s.%s: want 0..1, got %v", name, sh.key, *sh.v))
			}
		}
		if s := r.Content.MinScore; s != nil && (*s < 0 || *s > 100) {
			errs = append(errs, fmt.Errorf("%s.content.min_score: want 0..100, got %v", name, *s))
		}
		for _, k := range slices.Sorted(maps.Keys(r.Content.MaxCategoryRate)) {
			if c, ok := model.LookupCategory(k); !ok || !c.Problem() {
				errs = append(errs, fmt.Errorf("%s.content.max_category_rate.%s: not a problem category (want one of %s)", name, k, strings.Join(problemCategoryIDs(), ", ")))
			}
		}
		for _, k := range slices.Sorted(maps.Keys(r.Content.MaxViolenceRate)) {
			if k != "victim_blaming" && k != "sensational" && k != "victim_identification" {
				errs = append(errs, fmt.Errorf("%s.content.max_violence_rate.%s: want victim_blaming, sensational or victim_identification", name, k))
			}
		}
	}
	return errors.Join(errs...)
}

// TargetFor is the target the district works toward in year: the first target due that year or later, or the last
// one once every deadline has passed.
func (p *Policy) TargetFor(year int) Target {
	for _, t := range p.Targets {
		if t.Year >= year {
			return t
		}
	}
	return p.Targets[len(p.Targets)-1]
}

// reportOnTime reports whether a report sent on the given day beats the deadline of year.
func (p *Policy) reportOnTime(sent time.Time, year int) bool {
	d, _ := time.Parse("01-02", p.ReportDeadline)
	deadline := time.Date(year, d.Month(), d.Day(), 0, 0, 0, 0, time.UTC)
	day := time.Date(sent.Year(), sent.Month(), sent.Day(), 0, 0, 0, 0, time.UTC)
	return day.Before(deadline)
}

// problemCategoryIDs are the finding categories a content limit may bound.
func problemCategoryIDs() []string {
	var out []string
	for _, c := range model.Categories() {
		if c.Problem() {
			out = append(out, c.ID)
		}
	}
	return out
}
