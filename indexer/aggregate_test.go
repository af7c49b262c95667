package indexer

import (
	"context"
	"math"
	"reflect"
	"testing"
	"time"

	"genderlens/model"
)

func ptr(f float64) *float64 { return &f }

func TestAggregate(t *testing.T) {
	ix, err := Open(t.TempDir(), Options{BatchWait: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	at := func(m time.Month, d int) time.Time { return time.Date(2025, m, d, 10, 0, 0, 0, model.Vietnam()) }
	docs := []Document{
		Document{Article: model.Article{URL: "u1", Outlet: "a", Published: at(11, 20)}, Score: 80, RulesVersion: "v1",
			People: model.GenderCounts{Female: 2, Male: 1, Unknown: 1}, Quoted: model.GenderCounts{Female: 1, Male: 1},
			PeopleByRole: map[string]model.GenderCounts{"expert": {Female: 1}, "official": {Male: 1}, "ordinary": {Female: 1, Unknown: 1}},
			QuotedByRole: map[string]model.GenderCounts{"expert": {Female: 1}, "official": {Male: 1}},
			Topics:       []string{model.TopicGBV, model.TopicWomenFocus}, Categories: []string{model.CategoryVictimBlaming, "stereotype"}},
		Document{Article: model.Article{URL: "u2", Outlet: "a", Published: at(12, 15)}, Score: 40, RulesVersion: "v1",
			People: model.GenderCounts{Male: 3}, Quoted: model.GenderCounts{Male: 2, Unknown: 1},
			PeopleByRole: map[string]model.GenderCounts{"official": {Male: 3}}, QuotedByRole: map[string]model.GenderCounts{"official": {Male: 2}, "spokesperson": {Unknown: 1}},
			Topics: []string{model.TopicGBV}, Categories: []string{model.CategorySensationalGBV}},
		Document{Article: model.Article{URL: "u3", Outlet: "a", Published: at(3, 8)}, Score: 90, RulesVersion: "v2", Topics: []string{model.TopicGenderEquality}},
		Document{Article: model.Article{URL: "u4", Outlet: "b", Published: at(11, 30)}, Score: 70, RulesVersion: "v1", Quoted: model.GenderCounts{Female: 1}},
	}
	for _, d := range docs {
		if err := ix.Put(context.Background(), d); err != nil {
			t.Fatal(err)
		}
	}
	am := model.ActionMonth(2025)
	tests := []struct {
		name  string
		f     model.Filter
		check func(t *testing.T, a model.Aggregate)
	}{
		{"outlet in action month", model.Filter{Outlet: "a", Period: am}, func(t *testing.T, a model.Aggregate) {
			if a.Articles != 2 || *a.Score != 60 {
				t.Errorf("articles %d score %v, want 2 and 60", a.Articles, *a.Score)
			}
			if !reflect.DeepEqual(a.Quoted.WomenShare, ptr(0.25)) || !reflect.DeepEqual(a.Quoted.UnknownShare, ptr(0.2)) {
				t.Errorf("quoted women %v unknown %v, want 0.25 and 0.2", *a.Quoted.WomenShare, *a.Quoted.UnknownShare)
			}
			if q := a.QuotedByRole["official"]; q.Male != 3 || *q.WomenShare != 0 {
				t.Errorf("quoted officials %+v, want 3 men, share 0", q)
			}
			if q := a.QuotedByRole["other"]; q.Unknown != 1 || q.WomenShare != nil || *q.UnknownShare != 1 {
				t.Errorf("quoted other %+v: an unlisted role counts as other", q)
			}
			if p := a.PeopleByRole["expert"]; p.Female != 1 || *p.WomenShare != 1 {
				t.Errorf("people experts %+v", p)
			}
			if a.Violence.Articles != 2 || *a.Violence.VictimBlaming.Rate != 0.5 || *a.Violence.Sensational.Rate != 0.5 ||
				*a.Violence.VictimIdentification.Rate != 0 {
				t.Errorf("violence %+v", a.Violence)
			}
			if r := a.Topics[model.TopicWomenFocus]; r.Articles != 1 || *r.Rate != 0.5 {
				t.Errorf("women focus %+v", r)
			}
			if r := a.Categories["stereotype"]; r.Articles != 1 || *r.Rate != 0.5 {
				t.Errorf("stereotype %+v", r)
			}
			if a.MixedRulesVersions || a.RulesVersions["v1"] != 2 {
				t.Errorf("versions %v mixed %v", a.RulesVersions, a.MixedRulesVersions)
			}
		}},
		{"outlet year mixes versions", model.Filter{Outlet: "a", Period: model.Year(2025)}, func(t *testing.T, a model.Aggregate) {
			if a.Articles != 3 || !a.MixedRulesVersions || math.Abs(*a.Score-70) > 1e-9 {
				t.Errorf("articles %d mixed %v score %v", a.Articles, a.MixedRulesVersions, *a.Score)
			}
		}},
		{"one rules version", model.Filter{Outlet: "a", Period: model.Year(2025), RulesVersion: "v2"}, func(t *testing.T, a model.Aggregate) {
			if a.Articles != 1 || a.MixedRulesVersions {
				t.Errorf("articles %d mixed %v", a.Articles, a.MixedRulesVersions)
			}
		}},
		{"empty period", model.Filter{Outlet: "a", Period: model.Year(2024)}, func(t *testing.T, a model.Aggregate) {
			if a.Articles != 0 || a.Score != nil || a.Quoted.WomenShare != nil || a.Violence.VictimBlaming.Rate != nil {
				t.Errorf("empty aggregate should have no score, share or rate: %+v", a)
			}
		}},
		{"all outlets", model.Filter{Period: am}, func(t *testing.T, a model.Aggregate) {
			if a.Articles != 3 || a.Quoted.Female != 2 {
				t.Errorf("articles %d quoted %+v", a.Articles, a.Quoted.GenderCounts)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.check(t, ix.Aggregate(tt.f)) })
	}
	by := ix.AggregateByOutlet(model.Filter{Period: am})
	if len(by) != 2 || by["a"].Articles != 2 || by["b"].Articles != 1 {
		t.Errorf("by outlet: %d outlets", len(by))
	}
	// Moving an article to another outlet moves its figures.
	moved := docs[3]
	moved.Outlet = "a"
	if err := ix.Put(context.Background(), moved); err != nil {
		t.Fatal(err)
	}
	if got := ix.Outlets(); !reflect.DeepEqual(got, []string{"a"}) {
		t.Errorf("outlets after move = %v", got)
	}
}
