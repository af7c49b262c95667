package adoption

import (
	"fmt"
	"maps"
	"slices"
	"time"

	"genderlens/model"
)

// Check is one requirement of one level, what it asks, what was found and whether it is met.
type Check struct {
	Level       Level  `json:"level"`
	Requirement string `json:"requirement"`
	Want        string `json:"want"`
	Got         string `json:"got"`
	Met         bool   `json:"met"`
}

// Status is an outlet's application level in a year, with every check behind it.
type Status struct {
	Outlet string `json:"outlet"`
	Year   int    `json:"year"`
	Level  Level  `json:"level"`
	// Reasons explains the level in words: what is missing for the next level (or that every requirement is met).
	Reasons []string `json:"reasons"`
	Checks  []Check  `json:"checks"`
	// Policy is the policy version; RulesVersions the rules versions of the articles behind the content checks.
	Policy        string         `json:"policy"`
	RulesVersions map[string]int `json:"rules_versions"`
	Articles      int            `json:"articles"`
	HasEvidence   bool           `json:"has_evidence"`
}

// Assess computes an outlet's level in a year from its evidence (nil when none is recorded) and its content figures
// for that year. Official requires the pilot requirements too.
func (p *Policy) Assess(outlet string, year int, ev *Evidence, content model.Aggregate) Status {
	st := Status{Outlet: outlet, Year: year, Level: NotStarted, Policy: p.Version, RulesVersions: content.RulesVersions,
		Articles: content.Articles, HasEvidence: ev != nil}
	if st.RulesVersions == nil {
		st.RulesVersions = map[string]int{}
	}
	pilot := p.checks(Pilot, p.Pilot, year, ev, content)
	official := p.checks(Official, p.Official, year, ev, content)
	st.Checks = append(pilot, official...)
	pilotMet, officialMet := allMet(pilot), allMet(official)
	switch {
	case pilotMet && officialMet:
		st.Level = Official
		st.Reasons = []string{"every pilot and official requirement is met"}
	case pilotMet:
		st.Level = Pilot
		st.Reasons = append([]string{"every pilot requirement is met; not official because:"}, unmet(official)...)
	default:
		st.Reasons = append([]string{"not started because:"}, unmet(pilot)...)
	}
	return st
}

func allMet(cs []Check) bool {
	for _, c := range cs {
		if !c.Met {
			return false
		}
	}
	return true
}

func unmet(cs []Check) []string {
	var out []string
	for _, c := range cs {
		if !c.Met {
			out = append(out, fmt.Sprintf("%s: want %s, got %s", c.Requirement, c.Want, c.Got))
		}
	}
	return out
}

func (p *Policy) checks(level Level, r Requirements, year int, ev *Evidence, a model.Aggregate) []Check {
	var cs []Check
	add := func(req, want, got string, met bool) {
		cs = append(cs, Check{Level: level, Requirement: req, Want: want, Got: got, Met: met})
	}
	var e Evidence
	if ev != nil {
		e = *ev
	}
	pr := r.Process
	if pr.Decision {
		add("decision", "a decision or plan adopting the indicator set", refText(e.Decision), e.Decision != nil)
	}
	if pr.FocalPerson {
		got := e.FocalPerson
		if got == "" {
			got = "none recorded"
		}
		add("focal_person", "a named focal person", got, e.FocalPerson != "")
	}
	if pr.SelfAssessment {
		add("self_assessment", "a self-assessment on the ministry's template", refText(e.SelfAssessment), e.SelfAssessment != nil)
	}
	if pr.ReportOnTime {
		deadline, _ := time.Parse("01-02", p.ReportDeadline)
		want := fmt.Sprintf("the report sent before %02d/%02d/%d", deadline.Day(), int(deadline.Month()), year)
		sent, err := time.Parse("2006-01-02", e.ReportSent)
		switch {
		case e.ReportSent == "" || err != nil:
			add("report_on_time", want, "not sent", false)
		default:
			add("report_on_time", want, "sent "+sent.Format("02/01/2006"), p.reportOnTime(sent, year))
		}
	}
	if v := pr.MinStaffTrainedShare; v != nil {
		add("staff_trained_share", "at least "+pct(*v), sharePtrText(e.StaffTrainedShare), e.StaffTrainedShare != nil && atLeast(*e.StaffTrainedShare, *v))
	}
	if pr.WomenLeadershipReported {
		add("women_leadership_reported", "the share of women in leadership reported", sharePtrText(e.WomenLeadershipShare), e.WomenLeadershipShare != nil)
	}
	if v := pr.MinWomenLeadershipShare; v != nil {
		add("women_leadership_share", "at least "+pct(*v), sharePtrText(e.WomenLeadershipShare), e.WomenLeadershipShare != nil && atLeast(*e.WomenLeadershipShare, *v))
	}

	c := r.Content
	if c.MinArticles > 0 {
		add("articles", fmt.Sprintf("at least %d monitored articles in %d", c.MinArticles, year), fmt.Sprint(a.Articles), a.Articles >= c.MinArticles)
	}
	if v := c.MinScore; v != nil {
		got, met := "no articles", false
		if a.Score != nil {
			got, met = fmt.Sprintf("%.1f", *a.Score), atLeast(*a.Score, *v)
		}
		add("content_score", fmt.Sprintf("at least %.1f", *v), got, met)
	}
	if v := c.MinQuotedWomenShare; v != nil {
		got := sharePtrText(a.Quoted.WomenShare)
		if a.Quoted.WomenShare != nil {
			// The base says how much the share can be trusted, as the category checks' "n of m articles" does.
			got += fmt.Sprintf(" (%d of %d quoted sources of known gender)", a.Quoted.Female, a.Quoted.Female+a.Quoted.Male)
		}
		add("quoted_women_share", "at least "+pct(*v)+" women among quoted sources of known gender",
			got, a.Quoted.WomenShare != nil && atLeast(*a.Quoted.WomenShare, *v))
	}
	for _, cat := range slices.Sorted(maps.Keys(c.MaxCategoryRate)) {
		limit := c.MaxCategoryRate[cat]
		r := a.Categories[cat]
		got, met := "no articles", false
		switch {
		case a.Articles == 0:
		case r.Rate == nil:
			got, met = "0%", true
		default:
			got, met = fmt.Sprintf("%s (%d of %d articles)", pct(*r.Rate), r.Articles, a.Articles), atMost(*r.Rate, limit)
		}
		add("category_rate:"+cat, "at most "+pct(limit)+" of articles", got, met)
	}
	violence := map[string]model.Rate{
		"victim_blaming": a.Violence.VictimBlaming, "sensational": a.Violence.Sensational,
		"victim_identification": a.Violence.VictimIdentification,
	}
	for _, k := range slices.Sorted(maps.Keys(c.MaxViolenceRate)) {
		limit, r := c.MaxViolenceRate[k], violence[k]
		// Without violence stories there is nothing to get wrong: the check is met.
		got, met := "no violence stories", true
		if r.Rate != nil {
			got, met = fmt.Sprintf("%s (%d of %d violence stories)", pct(*r.Rate), r.Articles, a.Violence.Articles), atMost(*r.Rate, limit)
		}
		add("violence_rate:"+k, "at most "+pct(limit)+" of violence stories", got, met)
	}
	return cs
}

// tolerance absorbs float rounding so that 0.3 of 10 meets "at least 30%".
const tolerance = 1e-9

func atLeast(got, want float64) bool { return got >= want-tolerance }
func atMost(got, want float64) bool  { return got <= want+tolerance }

func pct(f float64) string {
	s := fmt.Sprintf("%.1f", f*100)
	if len(s) > 2 && s[len(s)-2:] == ".0" {
		s = s[:len(s)-2]
	}
	return s + "%"
}

func sharePtrText(f *float64) string {
	if f == nil {
		return "not recorded"
	}
	return pct(*f)
}

func refText(d *DocumentRef) string {
	if d == nil {
		return "none recorded"
	}
	if d.Date != "" {
		return d.Ref + " (" + d.Date + ")"
	}
	return d.Ref
}

// TargetStatus is the district's progress toward one target.
type TargetStatus struct {
	Target
	// Outlets is how many outlets are at Level or above in ResultYear; Rate is that over all outlets.
	Outlets int     `json:"outlets"`
	Rate    float64 `json:"rate"`
	// ResultYear is the year Outlets and Rate are of: the target's own year once it is reached (see WithPastTargets),
	// else the year assessed, as progress toward it.
	ResultYear int `json:"result_year"`
	// Due is true once the target's year is reached; Met when Rate reaches Share.
	Due bool `json:"due"`
	Met bool `json:"met"`
}

// District is the district's application of the indicator set in a year.
type District struct {
	Year    int    `json:"year"`
	Policy  string `json:"policy"`
	Outlets int    `json:"outlets"`
	// Pilot counts outlets at pilot level or above, Official those at official level.
	Pilot        int     `json:"pilot"`
	Official     int     `json:"official"`
	PilotRate    float64 `json:"pilot_rate"`
	OfficialRate float64 `json:"official_rate"`
	// Target is the one the district works toward this year (see Policy.TargetFor); Targets lists them all.
	Target        TargetStatus   `json:"target"`
	Targets       []TargetStatus `json:"targets"`
	RulesVersions map[string]int `json:"rules_versions"`
	Statuses      []Status       `json:"statuses"`
}

// AssessDistrict assesses every outlet of the district in a year. content holds the outlets' figures for the year
// (missing outlets have no articles); evidence their current evidence.
func (p *Policy) AssessDistrict(year int, outlets []string, evidence map[string]Evidence, content map[string]*model.Aggregate) District {
	d := District{Year: year, Policy: p.Version, Outlets: len(outlets), RulesVersions: map[string]int{}, Statuses: []Status{}}
	for _, o := range outlets {
		var ev *Evidence
		if e, ok := evidence[o]; ok {
			ev = &e
		}
		var agg model.Aggregate
		if a := content[o]; a != nil {
			agg = *a
		}
		st := p.Assess(o, year, ev, agg)
		if st.Level.rank() >= Pilot.rank() {
			d.Pilot++
		}
		if st.Level == Official {
			d.Official++
		}
		for v, n := range st.RulesVersions {
			d.RulesVersions[v] += n
		}
		d.Statuses = append(d.Statuses, st)
	}
	if d.Outlets > 0 {
		d.PilotRate = float64(d.Pilot) / float64(d.Outlets)
		d.OfficialRate = float64(d.Official) / float64(d.Outlets)
	}
	for _, t := range p.Targets {
		ts := d.TargetStatus(t)
		d.Targets = append(d.Targets, ts)
		if t == p.TargetFor(year) {
			d.Target = ts
		}
	}
	return d
}

// TargetStatus is the district's result in its year measured against target t.
func (d District) TargetStatus(t Target) TargetStatus {
	ts := TargetStatus{Target: t, Outlets: d.Pilot, Rate: d.PilotRate, ResultYear: d.Year, Due: d.Year >= t.Year}
	if t.Level == Official {
		ts.Outlets, ts.Rate = d.Official, d.OfficialRate
	}
	ts.Met = d.Outlets > 0 && ts.Rate >= t.Share-tolerance
	return ts
}

// WithPastTargets returns d with each target of a year before d's measured by the district of the target's own year,
// as assess gives it: the 2025 target on the 2026 overview shows what 2025 reached, the same on every later page.
// Targets of d's year or later keep d's result, as progress toward them. d.Target, the one the year works toward,
// keeps d's result too.
func (d District) WithPastTargets(assess func(year int) District) District {
	targets := make([]TargetStatus, len(d.Targets))
	past := map[int]District{}
	for i, ts := range d.Targets {
		if ts.Year >= d.Year {
			targets[i] = ts
			continue
		}
		then, ok := past[ts.Year]
		if !ok {
			then = assess(ts.Year)
			past[ts.Year] = then
		}
		targets[i] = then.TargetStatus(ts.Target)
	}
	d.Targets = targets
	return d
}
