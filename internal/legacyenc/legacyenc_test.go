package legacyenc

import (
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

func TestWindows1258RoundTrip(t *testing.T) {
	for _, s := range []string{"Phụ nữ làm chủ", "Hội Liên hiệp Phụ nữ phường", "ẩm ướt, đường phố", "ASCII only"} {
		b, err := Windows1258(s)
		if err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		back, err := charmap.Windows1258.NewDecoder().Bytes(b)
		if err != nil {
			t.Fatal(err)
		}
		if got := norm.NFC.String(string(back)); got != s {
			t.Errorf("round trip of %q = %q", s, got)
		}
	}
}
