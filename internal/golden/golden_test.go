package golden

import "testing"

func TestFirstDiff(t *testing.T) {
	tests := []struct {
		got, want, diff string
	}{
		{"a\nb\n", "a\nc\n", "line 2:\n got: \"b\"\nwant: \"c\""},
		{"a\n", "a\nb\n", "line 2:\n got: \"\"\nwant: \"b\""},
		{"a\nb", "a", "line 2:\n got: \"b\"\nwant: \"<end of file>\""},
		{"a\r\n", "a\n", "line 1:\n got: \"a\\r\"\nwant: \"a\""},
		{"Bà Lan\n", "Bà Lan\n", "no line differs"},
	}
	for _, tt := range tests {
		if got := firstDiff([]byte(tt.got), []byte(tt.want)); got != tt.diff {
			t.Errorf("firstDiff(%q, %q) = %q, want %q", tt.got, tt.want, got, tt.diff)
		}
	}
}
