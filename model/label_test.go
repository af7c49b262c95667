package model

import (
	"strings"
	"testing"
)

// TestEveryWordHasBothLabels fails when a category, severity, outlet kind, topic, role or gender lacks a label in
// either language, or when two ids of one kind share a label (a page would show them as one).
func TestEveryWordHasBothLabels(t *testing.T) {
	kinds := map[string][]string{
		"cat":    CategoryIDs(),
		"sev":    Severities(),
		"kind":   OutletKinds(),
		"topic":  Topics(),
		"role":   Roles(),
		"gender": Genders(),
		"unit":   UnitLevels(),
	}
	for kind, ids := range kinds {
		for _, lang := range []string{"vi", "en"} {
			seen := map[string]string{}
			for _, id := range ids {
				key := kind + "." + id
				l, ok := LabelOf(key, lang)
				if !ok || strings.TrimSpace(l) == "" {
					t.Errorf("%s: no %s label", key, lang)
					continue
				}
				if other, dup := seen[l]; dup {
					t.Errorf("%s and %s.%s share the %s label %q", key, kind, other, lang, l)
				}
				seen[l] = id
			}
		}
	}
}

func TestLabelOf(t *testing.T) {
	tests := []struct {
		key, lang, want string
		ok              bool
	}{
		{"cat.gender_marking", "vi", "Đánh dấu giới không cần thiết", true},
		{"cat.gender_marking", "en", "Gender marking", true},
		{"role.official", "vi", "Lãnh đạo, quản lý", true},
		{"kind.radio_tv", "vi", "Phát thanh - Truyền hình", true},
		{"gender.female", "fr", "Nữ", true}, // any other language falls back to Vietnamese
		{"role.nobody", "vi", "", false},    // RoleLabel would say "Khác"; a key lookup must not
		{"cat.nothing", "vi", "", false},
		{"cat", "vi", "", false},
		{"colour.red", "vi", "", false},
	}
	for _, tt := range tests {
		got, ok := LabelOf(tt.key, tt.lang)
		if got != tt.want || ok != tt.ok {
			t.Errorf("LabelOf(%q, %q) = %q, %v; want %q, %v", tt.key, tt.lang, got, ok, tt.want, tt.ok)
		}
	}
}

func TestCategoryGroups(t *testing.T) {
	want := []string{"appearance", "sexualization", "gender_marking", "stereotype", "derogatory", "sensational_gbv",
		"victim_blaming", "victim_identification"}
	if got := GenderedLanguageCategories(); strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("GenderedLanguageCategories() = %v, want the eight categories of the annotation guide %v", got, want)
	}
	for _, id := range []string{"positive", "topic"} {
		if c, _ := LookupCategory(id); c.Problem() {
			t.Errorf("%s counts as a problem", id)
		}
	}
	if c, _ := LookupCategory("balance"); !c.Problem() || c.GenderedLanguage() {
		t.Errorf("balance: a problem of sources, not of language")
	}
}
