package model

import "strings"

// Indicator groups of the indicator set's part B1 (news content) that the content score is made of. A rule names an
// indicator ("B1.2.1"); its group is the first two levels ("B1.2").
const (
	// IndicatorPresence is objective 1: equitable presence of women and men among the people in the news and the
	// sources quoted. It applies to an article with at least one person of known gender.
	IndicatorPresence = "B1.1"
	// IndicatorStereotypes is objective 2: no stereotypes in the language (appearance, sexualisation, gender
	// marking, stereotyped roles, derogatory labels). It applies to every article.
	IndicatorStereotypes = "B1.2"
	// IndicatorViolence is the reporting of gender-based violence. It applies to stories about that violence.
	IndicatorViolence = "B1.3"
)

// IndicatorGroups lists the indicator groups in display order.
func IndicatorGroups() []string {
	return []string{IndicatorPresence, IndicatorStereotypes, IndicatorViolence}
}

var indicatorLabels = map[string]Label{
	IndicatorPresence:    {"hiện diện cân bằng của nữ và nam", "equitable presence of women and men"},
	IndicatorStereotypes: {"không định kiến giới trong ngôn từ", "no gender stereotypes in the language"},
	IndicatorViolence:    {"đưa tin về bạo lực trên cơ sở giới", "reporting gender-based violence"},
}

// IndicatorLabel names an indicator group in lang, in lower case to follow its id ("B1.1 hiện diện ..."); an unknown
// group is returned as is.
func IndicatorLabel(group, lang string) string {
	if l, ok := indicatorLabels[group]; ok {
		return l.In(lang)
	}
	return group
}

// IndicatorGroup maps an indicator such as "B1.2.1" to its group "B1.2"; a group is its own group.
func IndicatorGroup(indicator string) string {
	parts := strings.SplitN(indicator, ".", 3)
	if len(parts) < 2 {
		return indicator
	}
	return parts[0] + "." + parts[1]
}
