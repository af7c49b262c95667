package model

import "math"

// Interval is the range a proportion lies in with 95% confidence, both ends from 0 to 1.
type Interval struct {
	Low  float64 `json:"low"`
	High float64 `json:"high"`
}

// z95 is the standard normal quantile of a two-sided 95% interval.
const z95 = 1.959963984540054

// Wilson is the 95% Wilson score interval of k out of n; ok is false when n is 0. Unlike the textbook
// p ± 1.96·√(p(1-p)/n), it stays within 0..1 and does not shrink to nothing at 0 of 3 or 3 of 3, which is what
// small outlets' figures look like.
func Wilson(k, n int) (iv Interval, ok bool) {
	if n <= 0 || k < 0 || k > n {
		return Interval{}, false
	}
	p, nf := float64(k)/float64(n), float64(n)
	z2 := z95 * z95
	denom := 1 + z2/nf
	centre := (p + z2/(2*nf)) / denom
	half := z95 * math.Sqrt(p*(1-p)/nf+z2/(4*nf*nf)) / denom
	iv = Interval{Low: max(0, centre-half), High: min(1, centre+half)}
	// At 0 of n and n of n the bound is exactly the end of the scale; rounding must not move it.
	if k == 0 {
		iv.Low = 0
	}
	if k == n {
		iv.High = 1
	}
	return iv, true
}

// WilsonOf is Wilson as a pointer, nil when n is 0, for figures whose "no data" is null.
func WilsonOf(k, n int) *Interval {
	if iv, ok := Wilson(k, n); ok {
		return &iv
	}
	return nil
}

// DefaultMinSample is the smallest base (sources or people for a women's or unknown share, articles for a rate) from
// which a share is shown as a percentage; below it the pages and reports say "not enough data". The configuration's
// figures.min_sample sets it.
const DefaultMinSample = 10

// NotEnoughData labels a share whose base is below the minimum sample.
var NotEnoughData = Label{"chưa đủ dữ liệu", "not enough data"}

// EnoughData reports whether a share of base items can be shown as a percentage under the minimum sample minSample.
func EnoughData(base, minSample int) bool { return base > 0 && base >= minSample }
