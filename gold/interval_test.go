package gold_test

import (
	"reflect"
	"strings"
	"testing"

	"genderlens/gold"
)

// figuresOf builds a set's figures from its articles' counts, as Measure does.
func figuresOf(samples ...gold.Counts) gold.Figures {
	f := gold.Figures{Articles: len(samples), Samples: samples}
	for _, c := range samples {
		f.Counts = addCounts(f.Counts, c)
	}
	return f
}

// repeat returns n copies of the samples, in turn.
func repeat(n int, samples ...gold.Counts) []gold.Counts {
	var out []gold.Counts
	for range n {
		out = append(out, samples...)
	}
	return out
}

func TestIntervals(t *testing.T) {
	right := gold.Counts{WomenTP: 1, MenTP: 2, SystemWomen: 1, SystemMen: 2, GoldWomen: 1, GoldMen: 2, Findings: 2, Correct: 2, Phrases: 2, Hits: 2}
	wrong := gold.Counts{WomenFN: 1, MenTP: 1, MenFP: 1, SystemMen: 2, GoldWomen: 1, GoldMen: 1, Findings: 2, Correct: 1, Phrases: 2, Hits: 1}
	story := gold.Counts{GBVTP: 1}
	missed := gold.Counts{GBVFN: 1}

	one, two := figuresOf(right), figuresOf(right, wrong)
	if _, ok := one.Intervals(100, 1); ok {
		t.Error("one article: an interval, want none")
	}
	if _, ok := two.Intervals(0, 1); ok {
		t.Error("no resamples: an interval, want none")
	}

	// Articles all alike: every resample is the set itself, so each interval is the figure.
	same := figuresOf(repeat(5, right)...)
	iv, ok := same.Intervals(200, 1)
	if !ok {
		t.Fatal("five articles: no interval")
	}
	for name, r := range map[string]*gold.Range{"women F1": &iv.WomenF1, "men F1": &iv.MenF1, "language P": iv.LangP, "language R": iv.LangR} {
		if r == nil || r.Low != 1 || r.High != 1 {
			t.Errorf("%s of identical perfect articles: %+v, want 1-1", name, r)
		}
	}
	if iv.ShareGap == nil || iv.ShareGap.Low != 0 || iv.ShareGap.High != 0 {
		t.Errorf("share gap of identical perfect articles: %+v, want 0", iv.ShareGap)
	}
	if iv.GBVF1 != nil {
		t.Errorf("gbv interval %+v without a gbv story, want none", *iv.GBVF1)
	}

	// Mixed articles: the interval holds the figure, is reproducible with its seed, and narrows as the set grows.
	small := figuresOf(repeat(5, right, wrong, story, missed)...)
	large := figuresOf(repeat(50, right, wrong, story, missed)...)
	a, _ := small.Intervals(gold.DefaultResamples, 7)
	b, _ := small.Intervals(gold.DefaultResamples, 7)
	if !reflect.DeepEqual(a, b) {
		t.Errorf("the same seed gave %+v and %+v", a, b)
	}
	l, _ := large.Intervals(gold.DefaultResamples, 7)
	for _, tt := range []struct {
		name         string
		figure       float64
		narrow, wide gold.Range
	}{
		{"women F1", small.WomenF1(), l.WomenF1, a.WomenF1},
		{"men F1", small.MenF1(), l.MenF1, a.MenF1},
		{"share gap", small.SysShare() - small.GoldShare(), *l.ShareGap, *a.ShareGap},
		{"language P", small.LangP(), *l.LangP, *a.LangP},
		{"language R", small.LangR(), *l.LangR, *a.LangR},
		{"gbv F1", small.GBVF1(), *l.GBVF1, *a.GBVF1},
	} {
		if tt.figure < tt.wide.Low || tt.figure > tt.wide.High || tt.figure < tt.narrow.Low || tt.figure > tt.narrow.High {
			t.Errorf("%s %.3f outside its intervals %+v (20 articles), %+v (200)", tt.name, tt.figure, tt.wide, tt.narrow)
		}
		if tt.narrow.High-tt.narrow.Low >= tt.wide.High-tt.wide.Low {
			t.Errorf("%s: 200 articles' interval %+v is not narrower than 20's %+v", tt.name, tt.narrow, tt.wide)
		}
	}

	// A resample with no finding or no gold phrase has no precision or recall: it is left out, not counted as 0.
	// Of a perfect article with findings and one with none, every resample with a finding is perfect.
	quiet := gold.Counts{WomenTP: 1, SystemWomen: 1, GoldWomen: 1}
	half := figuresOf(right, quiet)
	if h, _ := half.Intervals(500, 3); h.LangP == nil || h.LangP.Low != 1 || h.LangR == nil || h.LangR.Low != 1 {
		t.Errorf("resamples without findings lowered precision or recall: %+v, %+v", h.LangP, h.LangR)
	}
	// Nothing to measure at all: no interval, and the report says so.
	none := figuresOf(quiet, quiet)
	if h, _ := none.Intervals(100, 3); h.LangP != nil || h.LangR != nil || h.GBVF1 != nil {
		t.Errorf("intervals over nothing: %+v, %+v, %+v", h.LangP, h.LangR, h.GBVF1)
	}
	if got := none.Report("none"); !strings.Contains(got[len(got)-2], "language P none, R none") {
		t.Errorf("report of nothing measured: %q", got[len(got)-2])
	}

	// The report gives the intervals in the line before the table row.
	lines := small.Report("mixed")
	if got := lines[len(lines)-2]; !strings.HasPrefix(got, "  95% intervals (bootstrap, 2000 resamples of the articles): women F1 ") ||
		!strings.Contains(got, "share gap ") || !strings.Contains(got, ", gbv F1 ") {
		t.Errorf("report's interval line: %q", got)
	}
	if !strings.HasPrefix(lines[len(lines)-1], "  | mixed (20) |") {
		t.Errorf("report's last line: %q", lines[len(lines)-1])
	}
}
