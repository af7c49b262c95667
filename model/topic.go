package model

// Topics an article can be flagged with.
const (
	TopicGBV            = "gbv"
	TopicGenderEquality = "gender_equality"
	TopicWomenFocus     = "women_focus"
)

// Topics lists the topics in display order.
func Topics() []string { return []string{TopicGBV, TopicGenderEquality, TopicWomenFocus} }

var topicLabels = map[string]Label{
	TopicGBV:            {"Bài về bạo lực giới", "Gender-based violence stories"},
	TopicGenderEquality: {"Bài về bình đẳng giới", "Gender equality stories"},
	TopicWomenFocus:     {"Bài lấy phụ nữ làm trung tâm", "Stories centred on women"},
}

// TopicLabel names a topic's stories in lang; an unknown topic is returned as is.
func TopicLabel(topic, lang string) string {
	if l, ok := topicLabels[topic]; ok {
		return l.In(lang)
	}
	return topic
}
