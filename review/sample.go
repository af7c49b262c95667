package review

import (
	"crypto/sha256"
	"encoding/binary"
	"slices"
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
