package rules

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"genderlens/vntext"
)

// SectionKey folds a section's name for comparison: lower case, no
// diacritics (so both tone placements and NFD text fold alike), and every run
// of other characters than letters and digits one space, so that the slug
// "suc-khoe", "Sức khỏe" and "Sức khoẻ" are one key, "suc khoe".
func SectionKey(s string) string {
	return strings.Join(strings.FieldsFunc(vntext.FoldDiacritics(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ")
}

// SectionIndex finds the rule set's sections an article is in. It holds
// each section's folded names, padded with spaces for whole-word tests.
type SectionIndex map[string][]string

// NewSectionIndex folds the names of every section once.
func NewSectionIndex(sections map[string][]string) SectionIndex {
	x := make(SectionIndex, len(sections))
	for name, aliases := range sections {
		for _, a := range append([]string{name}, aliases...) {
			if k := SectionKey(a); k != "" {
				x[name] = append(x[name], " "+k+" ")
			}
		}
	}
	return x
}

// Of names the sections an article's section is in: those whose name or
// alias it holds as whole words ("Bóng đá - Thể thao" is in sport by "thể
// thao"). Sorted, so that explanations are stable.
func (x SectionIndex) Of(section string) []string {
	key := SectionKey(section)
	if key == "" {
		return nil
	}
	padded := " " + key + " "
	var in []string
	for name, keys := range x {
		for _, k := range keys {
			if strings.Contains(padded, k) {
				in = append(in, name)
				break
			}
		}
	}
	sort.Strings(in)
	return in
}

// validateSections checks ruleset.yaml's sections: names and aliases that
// fold to something, and no alias given to two sections (an article would be
// in both by one word).
func validateSections(sections map[string][]string) []string {
	var bad []string
	owner := map[string]string{}
	names := make([]string, 0, len(sections))
	for name := range sections {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if SectionKey(name) == "" {
			bad = append(bad, fmt.Sprintf("section name %q has no letters", name))
			continue
		}
		for _, a := range append([]string{name}, sections[name]...) {
			k := SectionKey(a)
			if k == "" {
				bad = append(bad, fmt.Sprintf("%s: alias %q has no letters", name, a))
				continue
			}
			if prev, ok := owner[k]; ok && prev != name {
				bad = append(bad, fmt.Sprintf("%s: alias %q is also %s's", name, a, prev))
			}
			owner[k] = name
		}
	}
	return bad
}

// unknownSections names the sections a rule limits itself to that
// ruleset.yaml does not define: a misspelt section would silently never (or
// always) apply.
func unknownSections(r *Rule, sections map[string][]string) []string {
	var bad []string
	for field, list := range map[string][]string{"sections": r.Sections, "not_sections": r.NotSections} {
		for _, sec := range list {
			if _, ok := sections[sec]; !ok {
				bad = append(bad, fmt.Sprintf("%s: unknown section %q (sections are named in %s)", field, sec, SetFile))
			}
		}
	}
	sort.Strings(bad)
	return bad
}
