package model

import "strings"

// Label is a text shown to people, in Vietnamese (the UI's first language) and English: a name from this package, a
// rule's message or suggestion.
type Label struct {
	VI string `yaml:"vi" json:"vi"`
	EN string `yaml:"en" json:"en"`
}

// In returns the label in lang: a language starting with "en" gives English when there is one, anything else
// Vietnamese.
func (l Label) In(lang string) string {
	if strings.HasPrefix(strings.ToLower(lang), "en") && l.EN != "" {
		return l.EN
	}
	return l.VI
}

// LabelOf returns the label of a vocabulary key, its kind and id joined by a dot: "cat.appearance", "sev.warning",
// "kind.radio_tv", "topic.gbv", "role.expert", "gender.female", "unit.ward". Templates and translation tables name vocabulary
// this way; ok is false for a key this package does not declare.
func LabelOf(key, lang string) (label string, ok bool) {
	kind, id, found := strings.Cut(key, ".")
	if !found {
		return "", false
	}
	var l Label
	switch kind {
	case "cat":
		var c Category
		c, ok = LookupCategory(id)
		l = c.Label
	case "sev":
		l, ok = severityLabels[id]
	case "kind":
		l, ok = kindLabels[id]
	case "topic":
		l, ok = topicLabels[id]
	case "role":
		if i := RoleIndex(id); Roles()[i] == id {
			l, ok = roleLabels[i], true
		}
	case "gender":
		l, ok = genderLabels[id]
	case "unit":
		l, ok = unitLevelLabels[id]
	}
	if !ok {
		return "", false
	}
	return l.In(lang), true
}
