package indexer

import (
	"encoding/json"
	"fmt"
	"sort"
	"time"

	"genderlens/model"
)

// The article index's fields, by name. Names and mappings are the stored layout: changing either needs a new
// mappingVersion, and existing indexes are then rebuilt when opened.
const (
	fieldURL           = "url"
	fieldOutlet        = "outlet"
	fieldTitle         = "title"
	fieldLead          = "lead"
	fieldBody          = "body"
	fieldCaptions      = "captions"
	fieldText          = "text"
	fieldBigrams       = "bigrams"
	fieldAuthor        = "author"
	fieldSection       = "section"
	fieldContentHash   = "content_hash"
	fieldRulesVersion  = "rules_version"
	fieldCategories    = "categories"
	fieldRuleIDs       = "rule_ids"
	fieldTopics        = "topics"
	fieldPublished     = "published"
	fieldMonth         = "month"
	fieldCrawled       = "crawled"
	fieldScore         = "score"
	fieldFindingCount  = "finding_count"
	fieldPeopleFemale  = "people_female"
	fieldPeopleMale    = "people_male"
	fieldPeopleUnknown = "people_unknown"
	fieldQuotedFemale  = "quoted_female"
	fieldQuotedMale    = "quoted_male"
	fieldQuotedUnknown = "quoted_unknown"
	fieldIndicators    = "indicators_json"
	fieldRoles         = "roles_json"
	fieldResult        = "result"
	fieldStoredAt      = "stored_at"
)

// fieldKind is how bleve maps a field (see newMapping).
type fieldKind uint8

const (
	// kindStoredOnly is kept for display and for marking snippets, and not searched.
	kindStoredOnly fieldKind = iota
	// kindText is the folded words of the title, lead, body and captions: searched, not stored.
	kindText
	// kindBigrams is pairs of neighbouring folded words with their positions, for phrases: searched, not stored.
	kindBigrams
	// kindKeyword is stored and matched as a whole value.
	kindKeyword
	// kindNumber is stored and searchable as a number.
	kindNumber
	// kindDate is stored and searchable as a date and time.
	kindDate
)

// indexField is one field of the article index: how bleve maps it, and how a Document's value is written to it
// and read back from it.
type indexField struct {
	name string
	kind fieldKind
	// value is what a document holds in the field; ok false leaves the field out. Nil for the fields the writer
	// fills itself.
	value func(d *Document) (v any, ok bool)
	// read sets the document's value from the field's stored value (nil when the document has none). Nil for the
	// fields that are not stored or only repeat another.
	read func(d *Document, v any) error
}

// indexFields is the article index's schema, which the mapping, the writing and the reading of documents follow.
// The JSON fields come last, in this order, so that a document that fails to read has every other field set.
var indexFields = [...]indexField{
	keywordField(fieldURL, func(d *Document) *string { return &d.URL }),
	keywordField(fieldOutlet, func(d *Document) *string { return &d.Outlet }),
	storedTextField(fieldTitle, func(d *Document) *string { return &d.Title }),
	storedTextField(fieldLead, func(d *Document) *string { return &d.Lead }),
	storedTextField(fieldBody, func(d *Document) *string { return &d.Body }),
	{name: fieldCaptions, kind: kindStoredOnly,
		value: func(d *Document) (any, bool) { return d.Captions, len(d.Captions) > 0 },
		read: func(d *Document, v any) error {
			if l := storedStrings(v); len(l) > 0 { // in page order, unlike the keyword lists
				d.Captions = l
			}
			return nil
		}},
	// Title, lead, body and captions are searched through two fields that hold them as an array (so that no phrase
	// spans two of them) and are not stored: text, their folded syllables, and bigrams, pairs of neighbouring
	// syllables with positions, for phrases. The originals are stored only, for display and for marking snippets.
	// Indexing each text once, instead of per field and again in _all, halves the postings to write and merge.
	{name: fieldText, kind: kindText, value: searchedTexts},
	{name: fieldBigrams, kind: kindBigrams, value: searchedTexts},
	keywordField(fieldAuthor, func(d *Document) *string { return &d.Author }),
	keywordField(fieldSection, func(d *Document) *string { return &d.Section }),
	keywordField(fieldContentHash, func(d *Document) *string { return &d.ContentHash }),
	keywordField(fieldRulesVersion, func(d *Document) *string { return &d.RulesVersion }),
	keywordsField(fieldCategories, func(d *Document) *[]string { return &d.Categories }),
	keywordsField(fieldRuleIDs, func(d *Document) *[]string { return &d.RuleIDs }),
	keywordsField(fieldTopics, func(d *Document) *[]string { return &d.Topics }),
	dateField(fieldPublished, func(d *Document) *time.Time { return &d.Published }),
	// The month of publication in Vietnam, for the month facet.
	{name: fieldMonth, kind: kindKeyword, value: func(d *Document) (any, bool) {
		if d.Published.IsZero() {
			return nil, false
		}
		return d.Published.In(model.Vietnam()).Format("2006-01"), true
	}},
	dateField(fieldCrawled, func(d *Document) *time.Time { return &d.Crawled }),
	numberField(fieldScore, func(d *Document) *float64 { return &d.Score }),
	countField(fieldFindingCount, func(d *Document) *int { return &d.FindingCount }),
	countField(fieldPeopleFemale, func(d *Document) *int { return &d.People.Female }),
	countField(fieldPeopleMale, func(d *Document) *int { return &d.People.Male }),
	countField(fieldPeopleUnknown, func(d *Document) *int { return &d.People.Unknown }),
	countField(fieldQuotedFemale, func(d *Document) *int { return &d.Quoted.Female }),
	countField(fieldQuotedMale, func(d *Document) *int { return &d.Quoted.Male }),
	countField(fieldQuotedUnknown, func(d *Document) *int { return &d.Quoted.Unknown }),
	// When the writer stored the document, which it sets at write time: the newer of two copies wins.
	{name: fieldStoredAt, kind: kindNumber,
		read: func(d *Document, v any) error { d.storedAt = int64(storedNumber(v)); return nil }},
	{name: fieldIndicators, kind: kindStoredOnly,
		value: func(d *Document) (any, bool) {
			b, _ := json.Marshal(d.Indicators)
			return string(b), true
		},
		read: func(d *Document, v any) error {
			if s := storedString(v); s != "" && s != "null" {
				if err := json.Unmarshal([]byte(s), &d.Indicators); err != nil {
					return fmt.Errorf("indicators: %w", err)
				}
			}
			return nil
		}},
	{name: fieldRoles, kind: kindStoredOnly,
		value: func(d *Document) (any, bool) {
			s := d.rolesJSON()
			return s, s != ""
		},
		read: func(d *Document, v any) error {
			if s := storedString(v); s != "" {
				var roles storedRoles
				if err := json.Unmarshal([]byte(s), &roles); err != nil {
					return fmt.Errorf("roles: %w", err)
				}
				d.PeopleByRole, d.QuotedByRole = roles.People, roles.Quoted
			}
			return nil
		}},
	// The scorer's result, which articles stored before results moved to the result store still carry here.
	{name: fieldResult, kind: kindStoredOnly,
		read: func(d *Document, v any) error {
			if s := storedString(v); s != "" {
				d.Result = json.RawMessage(s)
			}
			return nil
		}},
}

// storedRoles is the stored form of the per-role counts.
type storedRoles struct {
	People map[string]model.GenderCounts `json:"people,omitempty"`
	Quoted map[string]model.GenderCounts `json:"quoted,omitempty"`
}

func (d Document) rolesJSON() string {
	if len(d.PeopleByRole) == 0 && len(d.QuotedByRole) == 0 {
		return ""
	}
	b, _ := json.Marshal(storedRoles{People: d.PeopleByRole, Quoted: d.QuotedByRole})
	return string(b)
}

func storedTextField(name string, at func(d *Document) *string) indexField {
	f := keywordField(name, at)
	f.kind = kindStoredOnly
	return f
}

func keywordField(name string, at func(d *Document) *string) indexField {
	return indexField{name: name, kind: kindKeyword,
		value: func(d *Document) (any, bool) { return *at(d), true },
		read:  func(d *Document, v any) error { *at(d) = storedString(v); return nil }}
}

// keywordsField holds a list whose order does not matter: it is read back sorted.
func keywordsField(name string, at func(d *Document) *[]string) indexField {
	return indexField{name: name, kind: kindKeyword,
		value: func(d *Document) (any, bool) { return *at(d), true },
		read: func(d *Document, v any) error {
			if l := storedStrings(v); l != nil {
				sort.Strings(l)
				*at(d) = l
			}
			return nil
		}}
}

func numberField(name string, at func(d *Document) *float64) indexField {
	return indexField{name: name, kind: kindNumber,
		value: func(d *Document) (any, bool) { return *at(d), true },
		read:  func(d *Document, v any) error { *at(d) = storedNumber(v); return nil }}
}

// countField holds an int, which bleve stores as a float64.
func countField(name string, at func(d *Document) *int) indexField {
	return indexField{name: name, kind: kindNumber,
		value: func(d *Document) (any, bool) { return float64(*at(d)), true },
		read:  func(d *Document, v any) error { *at(d) = int(storedNumber(v)); return nil }}
}

// dateField leaves a zero time out of the index.
func dateField(name string, at func(d *Document) *time.Time) indexField {
	return indexField{name: name, kind: kindDate,
		value: func(d *Document) (any, bool) { return *at(d), !at(d).IsZero() },
		read: func(d *Document, v any) error {
			*at(d), _ = time.Parse(time.RFC3339Nano, storedString(v))
			return nil
		}}
}

func searchedTexts(d *Document) (any, bool) {
	return append([]string{d.Title, d.Lead, d.Body}, d.Captions...), true
}

// fields flattens a document into bleve's field map.
func (d Document) fields() map[string]any {
	m := make(map[string]any, len(indexFields))
	for _, f := range indexFields {
		if f.value == nil {
			continue
		}
		if v, ok := f.value(&d); ok {
			m[f.name] = v
		}
	}
	return m
}

// documentFromFields reads a document back from its stored fields.
func documentFromFields(stored map[string]any) (Document, error) {
	var d Document
	for _, f := range indexFields {
		if f.read == nil {
			continue
		}
		if err := f.read(&d, stored[f.name]); err != nil {
			return d, err
		}
	}
	return d, nil
}

func storedString(v any) string {
	s, _ := v.(string)
	return s
}

func storedNumber(v any) float64 {
	n, _ := v.(float64)
	return n
}

// storedStrings reads a list in stored order; bleve gives a list of one as a plain string.
func storedStrings(v any) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []any:
		out := make([]string, 0, len(v))
		for _, e := range v {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}
