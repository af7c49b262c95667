package rules

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

func TestSectionKey(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"suc-khoe", "suc khoe"},
		{"Sức khỏe", "suc khoe"},
		{"Sức khoẻ", "suc khoe"},                      // the other tone placement
		{"Su\u031bc kho\u0309e", "suc khoe"},          // decomposed (NFD)
		{"  Bóng đá / Thể thao ", "bong da the thao"}, // đ folds to d
		{"the_thao", "the thao"},
		{"", ""},
		{" - ", ""},
	} {
		if got := SectionKey(tc.in); got != tc.want {
			t.Errorf("SectionKey(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestSectionIndexOf(t *testing.T) {
	x := NewSectionIndex(map[string][]string{
		"sport":  {"thể thao"},
		"health": {"sức khỏe"},
		"law":    {"pháp luật", "an ninh"},
	})
	for _, tc := range []struct {
		section string
		want    []string
	}{
		{"Thể thao", []string{"sport"}},
		{"the-thao", []string{"sport"}},
		{"sport", []string{"sport"}},
		{"Bóng đá - Thể thao", []string{"sport"}},
		{"sức khoẻ", []string{"health"}},
		{"An ninh - Pháp luật", []string{"law"}},
		{"sports", nil},    // whole words only
		{"thể thaoo", nil}, // not a prefix match
		{"Kinh doanh", nil},
		{"", nil},
	} {
		if got := x.Of(tc.section); !slices.Equal(got, tc.want) {
			t.Errorf("Of(%q) = %v, want %v", tc.section, got, tc.want)
		}
	}
}

func TestLintSections(t *testing.T) {
	fsys := minimalSet()
	fsys["ruleset.yaml"] = &fstest.MapFile{Data: []byte("version: \"t1\"\nsections:\n  sport: [thể thao]\n  games: [The thao]\n  x: [\"--\"]\n" + goodScoring)}
	fsys["b.yaml"] = &fstest.MapFile{Data: []byte(`rules:
  - id: x.sec
    kind: existence
    category: appearance
    severity: info
    indicator: B1.2
    message: {vi: "a", en: "a"}
    suggestion: {vi: "b", en: "b"}
    tokens: [xinh]
    sections: [sport]
    not_sections: [the-thao]
    examples:
      match: [{text: "xinh", flag: "xinh"}]
      nomatch: ["b"]
`)}
	text := lintText(fsys)
	for _, want := range []string{
		`rule x.sec: not_sections: unknown section "the-thao"`,
		`sections: sport: alias "thể thao" is also games's`,
		`sections: x: alias "--" has no letters`,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("lint does not report %q; got:\n%s", want, text)
		}
	}
	if strings.Contains(text, `unknown section "sport"`) {
		t.Errorf("lint rejects a defined section:\n%s", text)
	}
}
