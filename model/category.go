package model

// Finding categories. The first eight are gendered language, as the annotated sets and the indicator set name them;
// "positive" is good practice; "balance" and "topic" come from the article-level rule kinds.
const (
	CategoryAppearance           = "appearance"
	CategorySexualization        = "sexualization"
	CategoryGenderMarking        = "gender_marking"
	CategoryStereotype           = "stereotype"
	CategoryDerogatory           = "derogatory"
	CategorySensationalGBV       = "sensational_gbv"
	CategoryVictimBlaming        = "victim_blaming"
	CategoryVictimIdentification = "victim_identification"
	CategoryPositive             = "positive"
	CategoryBalance              = "balance"
	CategoryTopic                = "topic"
)

// CategoryGroup says what kind of thing a category's findings are.
type CategoryGroup string

const (
	// GroupLanguage is gendered language in any story (indicator B1.2).
	GroupLanguage CategoryGroup = "language"
	// GroupViolence is harmful reporting of gender-based violence (B1.3); it is gendered language too.
	GroupViolence CategoryGroup = "violence"
	// GroupPositive is good practice: it adds to the score and is never a problem.
	GroupPositive CategoryGroup = "positive"
	// GroupSources is the balance of women and men among sources (B1.1).
	GroupSources CategoryGroup = "sources"
	// GroupTopic flags what a story is about; it is neither a problem nor a good practice.
	GroupTopic CategoryGroup = "topic"
)

// Category is a finding category with its group and labels.
type Category struct {
	ID    string
	Group CategoryGroup
	Label Label
}

// GenderedLanguage reports whether the category's findings are gendered language (the language figures count them).
func (c Category) GenderedLanguage() bool {
	return c.Group == GroupLanguage || c.Group == GroupViolence
}

// Problem reports whether a finding of the category is a problem an outlet should fix.
func (c Category) Problem() bool { return c.Group != GroupPositive && c.Group != GroupTopic }

// categories is the catalogue, in display order.
var categories = []Category{
	{CategoryAppearance, GroupLanguage, Label{"Nhấn mạnh ngoại hình", "Appearance"}},
	{CategorySexualization, GroupLanguage, Label{"Tình dục hóa", "Sexualisation"}},
	{CategoryGenderMarking, GroupLanguage, Label{"Đánh dấu giới không cần thiết", "Gender marking"}},
	{CategoryStereotype, GroupLanguage, Label{"Định kiến, rập khuôn giới", "Stereotype"}},
	{CategoryDerogatory, GroupLanguage, Label{"Từ ngữ xúc phạm", "Derogatory"}},
	{CategorySensationalGBV, GroupViolence, Label{"Giật gân về bạo lực giới", "Sensational GBV wording"}},
	{CategoryVictimBlaming, GroupViolence, Label{"Đổ lỗi cho nạn nhân", "Victim blaming"}},
	{CategoryVictimIdentification, GroupViolence, Label{"Lộ danh tính nạn nhân", "Victim identified"}},
	{CategoryPositive, GroupPositive, Label{"Dấu hiệu tích cực", "Positive signal"}},
	{CategoryBalance, GroupSources, Label{"Mất cân bằng nguồn tin", "Source balance"}},
	{CategoryTopic, GroupTopic, Label{"Chủ đề", "Topic"}},
}

// Categories returns the catalogue in display order (a fresh slice).
func Categories() []Category { return append([]Category(nil), categories...) }

// CategoryIDs returns every category id in display order.
func CategoryIDs() []string {
	out := make([]string, len(categories))
	for i, c := range categories {
		out[i] = c.ID
	}
	return out
}

// GenderedLanguageCategories returns the ids of the gendered-language categories in display order.
func GenderedLanguageCategories() []string {
	var out []string
	for _, c := range categories {
		if c.GenderedLanguage() {
			out = append(out, c.ID)
		}
	}
	return out
}

// LookupCategory finds a category by id.
func LookupCategory(id string) (Category, bool) {
	for _, c := range categories {
		if c.ID == id {
			return c, true
		}
	}
	return Category{}, false
}

// CategoryLabel names a category in lang; an unknown id is returned as is.
func CategoryLabel(id, lang string) string {
	if c, ok := LookupCategory(id); ok {
		return c.Label.In(lang)
	}
	return id
}

// Severities of findings. What a severity costs is the rule set's scoring.penalty: every severity of a problem costs
// something (info a little), so that no problem is free; positive signals, always info, are no problems and cost
// nothing.
const (
	SeverityInfo    = "info"
	SeverityWarning = "warning"
	SeverityError   = "error"
)

// Severities lists the severities from the mildest.
func Severities() []string { return []string{SeverityInfo, SeverityWarning, SeverityError} }

var severityLabels = map[string]Label{
	SeverityInfo:    {"Lưu ý", "Note"},
	SeverityWarning: {"Cảnh báo", "Warning"},
	SeverityError:   {"Nghiêm trọng", "Serious"},
}

// SeverityLabel names a severity in lang; an unknown value is returned as is.
func SeverityLabel(sev, lang string) string {
	if l, ok := severityLabels[sev]; ok {
		return l.In(lang)
	}
	return sev
}
