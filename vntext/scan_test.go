package vntext

import (
	"math/rand"
	"strings"
	"testing"
)

// TestByteScannerMatchesLoop checks byteScanner.from against a byte-by-byte
// search, at positions that move forward by random steps.
func TestByteScannerMatchesLoop(t *testing.T) {
	alpha := []string{"a", "ư", "\n", "\r", ".", "!", "?", "…", "“", "”", "\"", "«", "»", " ", "\u00a0", "x"}
	r := rand.New(rand.NewSource(1))
	for n := 0; n < 20000; n++ {
		var b strings.Builder
		for k := r.Intn(40); k >= 0; k-- {
			b.WriteString(alpha[r.Intn(len(alpha))])
		}
		s := b.String()
		for _, stops := range []string{sentenceStops, quoteStops} {
			sc := newByteScanner(s, stops)
			for i := 0; i < len(s); i += 1 + r.Intn(4) {
				want := i
				for want < len(s) && strings.IndexByte(stops, s[want]) < 0 {
					want++
				}
				if got := sc.from(i); got != want {
					t.Fatalf("from(%d) in %q with stops %q = %d, want %d", i, s, stops, got, want)
				}
			}
		}
	}
}
