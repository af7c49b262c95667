package adoption

import (
	"strconv"
	"strings"
	"testing"

	"genderlens/model"
)

func f(v float64) *float64 { return &v }

// officialEvidence meets every process requirement of the Hanoi preset for 2025.
func officialEvidence() Evidence {
	return Evidence{
		Outlet: "bao-a", Year: 2025, Decision: &DocumentRef{Ref: "QĐ 12/QĐ-BA", Date: "2025-02-10"},
		FocalPerson: "Phó Tổng biên tập", SelfAssessment: &DocumentRef{Ref: "Tự đánh giá 2025"}, ReportSent: "2025-11-20",
		StaffTrainedShare: f(0.6), WomenLeadershipShare: f(0.4), RecordedBy: "test",
	}
}

// officialContent meets every content threshold of the Hanoi preset.
func officialContent() model.Aggregate {
	return model.Aggregate{
		Articles: 100, Score: f(85),
		Quoted:     model.GenderFigures{GenderCounts: model.GenderCounts{Female: 40, Male: 60}, WomenShare: f(0.4)},
		Categories: map[string]model.Rate{"sexualization": {Articles: 1, Rate: f(0.01)}},
		Violence: model.ViolenceFigures{Articles: 10, VictimBlaming: model.Rate{Articles: 1, Rate: f(0.1)},
			Sensational: model.Rate{Rate: f(0)}, VictimIdentification: model.Rate{Rate: f(0)}},
		RulesVersions: map[string]int{"r1": 100},
	}
}

func TestAssessThresholds(t *testing.T) {
	p, err := Preset("hanoi")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		ev      func(*Evidence)
		content func(*model.Aggregate)
		noEv    bool
		want    Level
		reason  string // a fragment of the reasons when not official
	}{
		{name: "everything met", want: Official},
		{name: "no evidence", noEv: true, want: NotStarted, reason: "decision"},
		{name: "no decision", ev: func(e *Evidence) { e.Decision = nil }, want: NotStarted, reason: "decision"},
		{name: "no focal person", ev: func(e *Evidence) { e.FocalPerson = "" }, want: NotStarted, reason: "focal_person"},
		{name: "no self-assessment", ev: func(e *Evidence) { e.SelfAssessment = nil }, want: Pilot, reason: "self_assessment"},
		{name: "report on 24/11", ev: func(e *Evidence) { e.ReportSent = "2025-11-24" }, want: Official},
		{name: "report on 25/11 is late", ev: func(e *Evidence) { e.ReportSent = "2025-11-25" }, want: Pilot, reason: "report_on_time"},
		{name: "report not sent", ev: func(e *Evidence) { e.ReportSent = "" }, want: Pilot, reason: "not sent"},
		{name: "staff trained at 50%", ev: func(e *Evidence) { e.StaffTrainedShare = f(0.5) }, want: Official},
		{name: "staff trained at 49%", ev: func(e *Evidence) { e.StaffTrainedShare = f(0.49) }, want: Pilot, reason: "staff_trained_share"},
		{name: "leadership not reported", ev: func(e *Evidence) { e.WomenLeadershipShare = nil }, want: Pilot, reason: "women_leadership"},
		{name: "score at 80", content: func(a *model.Aggregate) { a.Score = f(80) }, want: Official},
		{name: "score 79.9", content: func(a *model.Aggregate) { a.Score = f(79.9) }, want: Pilot, reason: "content_score"},
		{name: "score at 55", content: func(a *model.Aggregate) { a.Score = f(55) }, want: Pilot},
		{name: "score 54.9", content: func(a *model.Aggregate) { a.Score = f(54.9) }, want: NotStarted, reason: "content_score"},
		{name: "30 articles", content: func(a *model.Aggregate) { a.Articles = 30 }, want: Official},
		{name: "29 articles", content: func(a *model.Aggregate) { a.Articles = 29 }, want: Pilot, reason: "articles"},
		{name: "10 articles", content: func(a *model.Aggregate) { a.Articles = 10 }, want: Pilot},
		{name: "9 articles", content: func(a *model.Aggregate) { a.Articles = 9 }, want: NotStarted, reason: "articles"},
		{name: "no articles", content: func(a *model.Aggregate) { *a = model.Aggregate{} }, want: NotStarted, reason: "no articles"},
		{name: "quoted women 30%", content: func(a *model.Aggregate) { a.Quoted.WomenShare = f(0.3) }, want: Official},
		{name: "quoted women 29%", content: func(a *model.Aggregate) { a.Quoted.WomenShare = f(0.29) }, want: Pilot, reason: "quoted_women_share"},
		{name: "quoted women unknown", content: func(a *model.Aggregate) { a.Quoted.WomenShare = nil }, want: Pilot, reason: "quoted_women_share"},
		{name: "sexualization 2%", content: func(a *model.Aggregate) { a.Categories["sexualization"] = model.Rate{Articles: 2, Rate: f(0.02)} }, want: Official},
		{name: "sexualization 3%", content: func(a *model.Aggregate) { a.Categories["sexualization"] = model.Rate{Articles: 3, Rate: f(0.03)} }, want: Pilot, reason: "category_rate:sexualization"},
		{name: "victim blaming 11%", content: func(a *model.Aggregate) { a.Violence.VictimBlaming = model.Rate{Articles: 1, Rate: f(0.11)} }, want: Pilot, reason: "violence_rate:victim_blaming"},
		{name: "a victim identified", content: func(a *model.Aggregate) { a.Violence.VictimIdentification = model.Rate{Articles: 1, Rate: f(0.1)} }, want: Pilot, reason: "violence_rate:victim_identification"},
		{name: "no violence stories", content: func(a *model.Aggregate) { a.Violence = model.ViolenceFigures{} }, want: Official},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ev := officialEvidence()
			if tt.ev != nil {
				tt.ev(&ev)
			}
			content := officialContent()
			if tt.content != nil {
				tt.content(&content)
			}
			evp := &ev
			if tt.noEv {
				evp = nil
			}
			st := p.Assess("bao-a", 2025, evp, content)
			if st.Level != tt.want {
				t.Fatalf("level = %s, want %s; reasons %q", st.Level, tt.want, st.Reasons)
			}
			if st.Policy != p.Version {
				t.Errorf("policy = %q, want %q", st.Policy, p.Version)
			}
			if tt.reason != "" && !strings.Contains(strings.Join(st.Reasons, "\n"), tt.reason) {
				t.Errorf("reasons %q do not mention %q", st.Reasons, tt.reason)
			}
		})
	}
}

func TestDistrictTargets(t *testing.T) {
	outlets := []string{"o1", "o2", "o3", "o4", "o5"}
	// Four of five outlets reach pilot (80%), two reach official (40%).
	evidence, content := map[string]Evidence{}, map[string]*model.Aggregate{}
	for i, o := range outlets {
		ev := officialEvidence()
		ev.Outlet = o
		a := officialContent()
		switch {
		case i >= 4:
			ev.Decision = nil
		case i >= 2:
			ev.SelfAssessment = nil
		}
		evidence[o], content[o] = ev, &a
	}
	tests := []struct {
		preset     string
		year       int
		wantLevel  Level
		wantShare  float64
		wantRate   float64
		wantMet    bool
		wantDue    bool
		wantPolicy string
	}{
		{"hanoi", 2025, Pilot, 0.8, 0.8, true, true, "hanoi-331-2021/genderlens-1"},
		{"hanoi", 2030, Official, 1.0, 0.4, false, true, "hanoi-331-2021/genderlens-1"},
		{"hanoi", 2024, Pilot, 0.8, 0.8, true, false, "hanoi-331-2021/genderlens-1"},
		{"hanoi", 2027, Official, 1.0, 0.4, false, false, "hanoi-331-2021/genderlens-1"},
		{"hanoi", 2031, Official, 1.0, 0.4, false, true, "hanoi-331-2021/genderlens-1"},
		{"national", 2025, Pilot, 0.7, 0.8, true, true, "national-1790-2021/genderlens-1"},
		{"national", 2030, Official, 0.9, 0.4, false, true, "national-1790-2021/genderlens-1"},
	}
	for _, tt := range tests {
		p, err := Preset(tt.preset)
		if err != nil {
			t.Fatal(err)
		}
		// Evidence is per year: reuse the same records for the year under test.
		ev := map[string]Evidence{}
		for o, e := range evidence {
			e.Year = tt.year
			e.ReportSent = strconv.Itoa(tt.year) + "-11-20"
			ev[o] = e
		}
		d := p.AssessDistrict(tt.year, outlets, ev, content)
		tg := d.Target
		if tg.Level != tt.wantLevel || tg.Share != tt.wantShare || tg.Rate != tt.wantRate || tg.Met != tt.wantMet || tg.Due != tt.wantDue || d.Policy != tt.wantPolicy {
			t.Errorf("%s %d: target %+v policy %s; want level %s share %v rate %v met %v due %v policy %s",
				tt.preset, tt.year, tg, d.Policy, tt.wantLevel, tt.wantShare, tt.wantRate, tt.wantMet, tt.wantDue, tt.wantPolicy)
		}
		if d.Pilot != 4 || d.Official != 2 || d.PilotRate != 0.8 || d.OfficialRate != 0.4 || len(d.Targets) != 2 {
			t.Errorf("%s %d: pilot %d official %d rates %v %v", tt.preset, tt.year, d.Pilot, d.Official, d.PilotRate, d.OfficialRate)
		}
	}
}

// TestPastTargetsShowTheirOwnYear: on a later year's assessment a past target shows the result of its own year (the
// 2025 target on the 2026 overview is 2025's rate), while the current and future targets show the year assessed.
func TestPastTargetsShowTheirOwnYear(t *testing.T) {
	p, err := Preset("hanoi")
	if err != nil {
		t.Fatal(err)
	}
	outlets := []string{"o1", "o2", "o3", "o4"}
	content := map[string]*model.Aggregate{}
	for _, o := range outlets {
		a := officialContent()
		content[o] = &a
	}
	// In 2025 one outlet of four had its evidence in order; in 2026 all four have.
	evidence := func(year, outlets int) map[string]Evidence {
		ev := map[string]Evidence{}
		for _, o := range []string{"o1", "o2", "o3", "o4"}[:outlets] {
			e := officialEvidence()
			e.Outlet, e.Year, e.ReportSent = o, year, strconv.Itoa(year)+"-11-20"
			ev[o] = e
		}
		return ev
	}
	var asked []int
	assess := func(year int) District {
		asked = append(asked, year)
		return p.AssessDistrict(year, outlets, evidence(year, 1), content)
	}
	d := p.AssessDistrict(2026, outlets, evidence(2026, 4), content).WithPastTargets(assess)
	if len(asked) != 1 || asked[0] != 2025 {
		t.Errorf("assessed years %v, want only 2025", asked)
	}
	if len(d.Targets) != 2 {
		t.Fatalf("targets = %+v", d.Targets)
	}
	past, future := d.Targets[0], d.Targets[1]
	if past.Year != 2025 || past.ResultYear != 2025 || past.Rate != 0.25 || past.Outlets != 1 || past.Met || !past.Due {
		t.Errorf("2025 target on 2026 = %+v, want 2025's 1 of 4 outlets, missed", past)
	}
	if future.Year != 2030 || future.ResultYear != 2026 || future.Rate != 1 || future.Due {
		t.Errorf("2030 target on 2026 = %+v, want 2026's 4 of 4 outlets, not due", future)
	}
	if d.Target.Year != 2030 || d.Target.ResultYear != 2026 {
		t.Errorf("the year's target = %+v, want 2030 measured in 2026", d.Target)
	}
	// The same target row on its own year's page agrees.
	own := p.AssessDistrict(2025, outlets, evidence(2025, 1), content).WithPastTargets(assess)
	if own.Targets[0] != past {
		t.Errorf("2025 target on 2025 = %+v, on 2026 = %+v: want the same", own.Targets[0], past)
	}
}

// TestQuotedWomenCheckGivesItsBase: the check's finding says how many sources the share is of.
func TestQuotedWomenCheckGivesItsBase(t *testing.T) {
	p, err := Preset("hanoi")
	if err != nil {
		t.Fatal(err)
	}
	a := officialContent()
	a.Quoted = model.GenderCounts{Female: 3, Male: 4, Unknown: 5}.Figures()
	ev := officialEvidence()
	found := 0
	for _, c := range p.Assess("bao-a", 2025, &ev, a).Checks {
		if c.Requirement != "quoted_women_share" {
			continue
		}
		found++
		if want := "42.9% (3 of 7 quoted sources of known gender)"; c.Got != want {
			t.Errorf("got %q, want %q", c.Got, want)
		}
		if want := "42,9% (3 trên 7 nguồn tin được trích dẫn đã rõ giới)"; Vietnamese(c.Got) != want {
			t.Errorf("in Vietnamese %q, want %q", Vietnamese(c.Got), want)
		}
	}
	if found == 0 {
		t.Error("the Hanoi preset has no quoted_women_share check")
	}
}
