package gold

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
)

// Range is a 95% interval of one figure: Low and High in the figure's own unit (F1 and precision from 0 to 1,
// the share gap in percentage points).
type Range struct {
	Low  float64 `json:"low"`
	High float64 `json:"high"`
}

// Intervals are 95% percentile-bootstrap intervals of a set's headline figures. The articles are resampled with
// replacement, as whole articles, since one article's people and phrases are not independent of each other: the
// intervals say how far the figures could move on another set of the same size and kind, which is what a reader
// needs before taking 0.84 on 30 articles for a shortfall against a floor of 0.85.
type Intervals struct {
	Resamples int   `json:"resamples"`
	WomenF1   Range `json:"quoted_women_f1"`
	MenF1     Range `json:"quoted_men_f1"`
	// ShareGap is the system's women's share minus the gold's, in points (the floor is within ±3). It and the
	// others below are nil where the set has nothing to measure them on (no quoted woman or man, no finding, no
	// gold phrase, no gbv story); resamples without any are left out of their interval.
	ShareGap *Range `json:"women_share_gap"`
	LangP    *Range `json:"language_precision"`
	LangR    *Range `json:"language_recall"`
	GBVF1    *Range `json:"gbv_f1"`
}

// DefaultResamples is the number of bootstrap resamples of the reports: enough for the 2.5th and 97.5th
// percentiles to settle to about a hundredth.
const DefaultResamples = 2000

// Intervals resamples the articles' counts (f.Samples) and returns the 95% intervals of the headline figures;
// seed makes them reproducible. ok is false with fewer than two articles, where there is nothing to resample.
func (f *Figures) Intervals(resamples int, seed uint64) (iv Intervals, ok bool) {
	n := len(f.Samples)
	if n < 2 || resamples < 1 {
		return Intervals{}, false
	}
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	var women, men, gap, langP, langR, gbv []float64
	for range resamples {
		var c Counts
		for range n {
			c.add(f.Samples[rng.IntN(n)])
		}
		women, men = append(women, c.WomenF1()), append(men, c.MenF1())
		// A share, a precision or a recall over nothing is no figure: such resamples are left out.
		if c.SystemWomen+c.SystemMen > 0 && c.GoldWomen+c.GoldMen > 0 {
			gap = append(gap, c.SysShare()-c.GoldShare())
		}
		if c.Findings > 0 {
			langP = append(langP, c.LangP())
		}
		if c.Phrases > 0 {
			langR = append(langR, c.LangR())
		}
		if c.GBVMeasured() {
			gbv = append(gbv, c.GBVF1())
		}
	}
	return Intervals{Resamples: resamples, WomenF1: *percentiles(women), MenF1: *percentiles(men),
		ShareGap: percentiles(gap), LangP: percentiles(langP), LangR: percentiles(langR), GBVF1: percentiles(gbv)}, true
}

// percentiles sorts v and returns its 2.5th and 97.5th percentiles, nil when v is empty.
func percentiles(v []float64) *Range {
	if len(v) == 0 {
		return nil
	}
	slices.Sort(v)
	n := float64(len(v))
	lo := int(math.Floor(0.025 * n))
	hi := max(lo, int(math.Ceil(0.975*n))-1)
	return &Range{Low: v[lo], High: v[hi]}
}

// report is the intervals as one line of Report.
func (iv Intervals) report() string {
	span := func(r *Range, format string) string {
		if r == nil {
			return "none"
		}
		return fmt.Sprintf(format, r.Low, r.High)
	}
	line := fmt.Sprintf("  95%% intervals (bootstrap, %d resamples of the articles): women F1 %s, men F1 %s, share gap %s, language P %s, R %s",
		iv.Resamples, span(&iv.WomenF1, "%.2f-%.2f"), span(&iv.MenF1, "%.2f-%.2f"), span(iv.ShareGap, "%+.1f to %+.1f points"),
		span(iv.LangP, "%.2f-%.2f"), span(iv.LangR, "%.2f-%.2f"))
	if iv.GBVF1 != nil {
		line += ", gbv F1 " + span(iv.GBVF1, "%.2f-%.2f")
	}
	return line
}
