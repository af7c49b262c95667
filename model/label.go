package model

import "strings"

// Label is a name shown to people, in Vietnamese (the UI's first language) and English.
type Label struct {
	VI, EN string
}

// In returns the label in lang: "en" gives English, anything else Vietnamese.
func (l Label) In(lang string) string {
	if lang == "en" {
		return l.EN
	}
	return l.VI
}

// LabelOf returns the label of a vocabulary key, its kind and id joined by a dot: "cat.appearance", "sev.warning",
// "kind.radio_tv", "topic.gbv", "role.expert", "gender.female". Templates and translation tables name vocabulary
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
	}
	if !ok {
		return "", false
	}
	return l.In(lang), true
}
