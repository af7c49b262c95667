package indexer

import (
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// TestFoldedAnalyzer checks the terms the index's analyzers make: lower case without diacritics (vntext.FoldTerm
// after bleve's lower-casing), and pairs of them for the bigrams field.
func TestFoldedAnalyzer(t *testing.T) {
	m, err := newMapping()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ analyzer, in, want string }{
		{foldedAnalyzer, "Phụ nữ ĐÀ Nẵng", "phu|nu|da|nang"},
		{foldedAnalyzer, "hoà hòa " + norm.NFD.String("Khoẻ"), "hoa|hoa|khoe"},
		{foldedAnalyzer, "TP.HCM the 2025", "tp.hcm|the|2025"},
		{foldedAnalyzer, "Ελληνικά ø 日本", "ελληνικα|ø|日|本"},
		{bigramAnalyzer, "bình đẳng giới", "binh dang|dang gioi"},
	} {
		var terms []string
		for _, tok := range m.AnalyzerNamed(tc.analyzer).Analyze([]byte(tc.in)) {
			terms = append(terms, string(tok.Term))
		}
		if got := strings.Join(terms, "|"); got != tc.want {
			t.Errorf("%s(%q) = %q, want %q", tc.analyzer, tc.in, got, tc.want)
		}
	}
}
