package model

import (
	"math"
	"testing"
)

// TestWilson checks the 95% Wilson score interval against values computed independently: the ones for 81/263,
// 15/148, 0/20, 1/29 and 29/29 are Newcombe's (Statistics in Medicine 17, 1998, table I, method 3), the others the
// same formula in Python (statsmodels' proportion_confint(method="wilson") gives them too).
func TestWilson(t *testing.T) {
	tests := []struct {
		k, n      int
		low, high float64
		ok        bool
	}{
		{0, 0, 0, 0, false},
		{0, 10, 0, 0.277533, true},
		{5, 10, 0.236593, 0.763407, true},
		{10, 10, 0.722467, 1, true},
		{1, 2, 0.094531, 0.905469, true},
		{0, 1, 0, 0.793451, true},
		{3, 7, 0.158220, 0.749542, true},
		{42, 100, 0.327984, 0.517935, true},
		{81, 263, 0.2553, 0.3662, true},
		{15, 148, 0.0624, 0.1605, true},
		{0, 20, 0, 0.1611, true},
		{1, 29, 0.0061, 0.1718, true},
		{29, 29, 0.8830, 1, true},
		{3, 2, 0, 0, false},  // more successes than trials
		{-1, 2, 0, 0, false}, // a negative count
	}
	for _, tt := range tests {
		got, ok := Wilson(tt.k, tt.n)
		if ok != tt.ok {
			t.Errorf("Wilson(%d, %d) ok = %v, want %v", tt.k, tt.n, ok, tt.ok)
			continue
		}
		// Newcombe gives four decimals; the rest are checked to six.
		tol := 5e-7
		if tt.low == math.Round(tt.low*1e4)/1e4 && tt.high == math.Round(tt.high*1e4)/1e4 {
			tol = 5e-5
		}
		if math.Abs(got.Low-tt.low) > tol || math.Abs(got.High-tt.high) > tol {
			t.Errorf("Wilson(%d, %d) = [%.6f, %.6f], want [%.6f, %.6f]", tt.k, tt.n, got.Low, got.High, tt.low, tt.high)
		}
		if ok && (got.Low < 0 || got.High > 1 || got.Low > float64(tt.k)/float64(tt.n) || got.High < float64(tt.k)/float64(tt.n)) {
			t.Errorf("Wilson(%d, %d) = %+v does not hold the proportion within 0..1", tt.k, tt.n, got)
		}
	}
	if WilsonOf(0, 0) != nil {
		t.Error("WilsonOf(0, 0) is not nil")
	}
	if iv := WilsonOf(5, 10); iv == nil || math.Abs(iv.Low-0.236593) > 1e-6 {
		t.Errorf("WilsonOf(5, 10) = %v", iv)
	}
}

// TestFiguresCarryBasesAndIntervals: the women's share is over people of known gender, the unknown share over
// everyone, each with its own base and interval; the enough-data flags follow the minimum sample.
func TestFiguresCarryBasesAndIntervals(t *testing.T) {
	f := GenderCounts{Female: 5, Male: 5, Unknown: 2}.Figures()
	if f.WomenShareBase != 10 || f.UnknownShareBase != 12 || *f.WomenShare != 0.5 {
		t.Fatalf("figures = %+v", f)
	}
	if f.WomenShareInterval == nil || math.Abs(f.WomenShareInterval.Low-0.236593) > 1e-6 {
		t.Errorf("women's share interval = %v, want Wilson(5, 10)", f.WomenShareInterval)
	}
	want, _ := Wilson(2, 12)
	if f.UnknownShareInterval == nil || *f.UnknownShareInterval != want {
		t.Errorf("unknown share interval = %v, want %v", f.UnknownShareInterval, want)
	}
	if f.WomenShareEnoughData || f.UnknownShareEnoughData {
		t.Error("enough-data flags set before WithMinSample")
	}
	tests := []struct {
		min            int
		women, unknown bool
	}{
		{10, true, true},
		{11, false, true},
		{13, false, false},
		{0, true, true},
	}
	for _, tt := range tests {
		g := f.WithMinSample(tt.min)
		if g.WomenShareEnoughData != tt.women || g.UnknownShareEnoughData != tt.unknown {
			t.Errorf("min %d: enough data = %v, %v; want %v, %v", tt.min, g.WomenShareEnoughData, g.UnknownShareEnoughData, tt.women, tt.unknown)
		}
	}
	none := GenderCounts{}.Figures().WithMinSample(0)
	if none.WomenShare != nil || none.WomenShareInterval != nil || none.UnknownShareInterval != nil || none.WomenShareEnoughData {
		t.Errorf("no people: %+v, want nil shares and intervals and not enough data", none)
	}
}

func TestRateOfAndAggregateMinSample(t *testing.T) {
	r := RateOf(2, 8)
	if r.Base != 8 || r.Interval == nil || *r.Rate != 0.25 || r.EnoughData {
		t.Fatalf("RateOf(2, 8) = %+v", r)
	}
	if none := RateOf(0, 0); none.Rate != nil || none.Interval != nil {
		t.Errorf("RateOf(0, 0) = %+v, want nil rate and interval", none)
	}
	a := Aggregate{Articles: 12, Quoted: GenderCounts{Female: 3, Male: 9}.Figures(),
		QuotedByRole: map[string]GenderFigures{RoleExpert: GenderCounts{Female: 1}.Figures()},
		Categories:   map[string]Rate{CategoryStereotype: RateOf(3, 12)},
		Topics:       map[string]Rate{TopicGBV: RateOf(2, 12)},
		Violence:     ViolenceFigures{Articles: 2, VictimBlaming: RateOf(1, 2)}}
	got := a.WithMinSample(10)
	if !got.Quoted.WomenShareEnoughData || got.QuotedByRole[RoleExpert].WomenShareEnoughData ||
		!got.Categories[CategoryStereotype].EnoughData || !got.Topics[TopicGBV].EnoughData || got.Violence.VictimBlaming.EnoughData {
		t.Errorf("WithMinSample(10) = %+v", got)
	}
	if a.Categories[CategoryStereotype].EnoughData {
		t.Error("WithMinSample changed the original's map")
	}
	if c := got.CategoryRate(CategoryAppearance); c.Articles != 0 || c.Base != 12 || c.Rate == nil || *c.Rate != 0 || !c.EnoughData {
		t.Errorf("an absent category = %+v, want 0 of 12", c)
	}
}
