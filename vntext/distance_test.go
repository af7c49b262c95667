package vntext

import "testing"

func TestEditDistance(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"abc", "", 3}, {"tokens", "tokns", 1}, {"susantyas", "susanetyas", 1},
		{"hòa", "hoà", 2}, {"nguyễn", "nguyen", 1}, {"kitten", "sitting", 3},
		{"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab", 1}, // past the stack rows
	} {
		if got := EditDistance(tt.a, tt.b); got != tt.want {
			t.Errorf("EditDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
		for k := 0; k <= 3; k++ {
			if got := EditDistanceAtMost(tt.a, tt.b, k); got != (tt.want <= k) {
				t.Errorf("EditDistanceAtMost(%q, %q, %d) = %v", tt.a, tt.b, k, got)
			}
		}
	}
}
