package model

import "testing"

func TestScoredText(t *testing.T) {
	tests := []struct {
		title, lead, body string
		captions          []string
		want              string
	}{
		{"T", "L", "B", nil, "T\n\nL\n\nB"},
		{"T", "", "B", nil, "T\n\nB"},
		{" T ", "  ", "", nil, "T"},
		// Captions come last, one a line, repeats and blanks dropped, inner line breaks joined.
		{"T", "", "B", []string{"Ảnh 1", " ", "Người đẹp\ntạo dáng", "Ảnh 1"}, "T\n\nB\n\nẢnh 1\nNgười đẹp tạo dáng"},
		{"", "", "", []string{"C"}, "C"},
	}
	for _, tt := range tests {
		if got := ScoredText(tt.title, tt.lead, tt.body, tt.captions); got != tt.want {
			t.Errorf("ScoredText(%q, %q, %q, %q) = %q, want %q", tt.title, tt.lead, tt.body, tt.captions, got, tt.want)
		}
	}
}
