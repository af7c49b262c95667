package review

import (
	"crypto/sha256"
	"encoding/binary"
	"slices"

	"genderlens/model"
)

// DefaultSampleSize is how many articles of an outlet and period the review sample proposes (config
// review.sample_size).
const DefaultSampleSize = 20

// Sample draws the review sample of an outlet and period from its articles: size of them, uniformly at random, so
// that a review of the sample measures the scorer without the bias of choosing what to check. The draw is a fixed
// function of the outlet, the period and the URLs (the size smallest keys of a hash), so every page, report and
// process proposes the same sample, and a new article changes it by at most one article. The sample is returned in
// draw order.
func Sample(outlet, period string, urls []string, size int) []string {
	if size <= 0 || len(urls) == 0 {
		return []string{}
	}
	type keyed struct {
		key uint64
		url string
	}
	ks := make([]keyed, len(urls))
	for i, u := range urls {
		h := sha256.Sum256([]byte(outlet + "\x00" + period + "\x00" + u))
		ks[i] = keyed{binary.BigEndian.Uint64(h[:8]), u}
	}
	slices.SortFunc(ks, func(a, b keyed) int {
		switch {
		case a.key < b.key:
			return -1
		case a.key > b.key:
			return 1
		}
		return 0
	})
	n := min(size, len(ks))
	out := make([]string, n)
	for i := range n {
		out[i] = ks[i].url
	}
	return out
}

// SampleIndex is what a review sample reads of the article store: the articles of an outlet and period, and where
// each one's review stands.
type SampleIndex interface {
	Index
	URLs(f model.Filter) []string
	RevisionOf(url string) (has, reviewed, outOfScope bool)
}

// SampleReview is an outlet's review sample for a period and what its reviewed part says of the scorer.
type SampleReview struct {
	// Articles is every article of the outlet in the period (in scope or not).
	Articles int `json:"articles"`
	// Sample is the sample in draw order; Size is the size asked for (review.sample_size), which a small outlet's
	// sample may not reach.
	Sample []string `json:"sample"`
	Size   int      `json:"size"`
	// Reviewed is how many of the sample are reviewed; Estimates rest on them alone, so they are unbiased.
	Reviewed  int       `json:"reviewed"`
	Estimates Estimates `json:"estimates"`
}

// ReviewSample draws the sample of outlet over period (named as ParsePeriod reads it, which seeds the draw) and
// estimates the scorer's precision from its reviewed part: the one computation the outlet page, the API and the
// report share, so they propose the same articles and state the same estimates. An article that cannot be read is
// left out of the estimates and counted in the error.
func (rv *Reviewer) ReviewSample(ix SampleIndex, outlet, periodName string, period model.Period, size int) (SampleReview, error) {
	urls := ix.URLs(model.Filter{Outlet: outlet, Period: period})
	sr := SampleReview{Articles: len(urls), Sample: Sample(outlet, periodName, urls, size), Size: size}
	for _, u := range sr.Sample {
		if _, reviewed, _ := ix.RevisionOf(u); reviewed {
			sr.Reviewed++
		}
	}
	est, err := rv.Estimate(ix, sr.Sample)
	sr.Estimates = est
	return sr, err
}
