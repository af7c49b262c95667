package indexer

import "testing"

func TestScoredText(t *testing.T) {
	tests := []struct{ title, lead, body, want string }{
		{"T", "L", "B", "T\n\nL\n\nB"},
		{"T", "", "B", "T\n\nB"},
		{" T ", "  ", "", "T"},
	}
	for _, tt := range tests {
		if got := ScoredText(tt.title, tt.lead, tt.body); got != tt.want {
			t.Errorf("ScoredText(%q, %q, %q) = %q, want %q", tt.title, tt.lead, tt.body, got, tt.want)
		}
	}
}
