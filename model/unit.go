package model

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Levels of the local government whose office monitors the outlets. Until 30 June 2025 Hanoi's plan was applied by
// district offices; since Hanoi's reorganisation of 1 July 2025 it is a ward's or the city's office.
const (
	UnitDistrict = "district"
	UnitWard     = "ward"
	UnitCity     = "city"
	UnitProvince = "province"
)

// UnitLevels lists the levels, smallest first.
func UnitLevels() []string { return []string{UnitWard, UnitDistrict, UnitCity, UnitProvince} }

var unitLevelLabels = map[string]Label{
	UnitDistrict: {"quận", "district"},
	UnitWard:     {"phường", "ward"},
	UnitCity:     {"thành phố", "city"},
	UnitProvince: {"tỉnh", "province"},
}

// Unit is the monitoring unit: the local government (its name and level) whose office follows the outlets and signs
// the reports. Name is as people write it ("Phường Ba Đình"); empty names the unit by its level alone.
type Unit struct {
	Name  string `yaml:"name" json:"name"`
	Level string `yaml:"level" json:"level"`
}

// LevelLabel is the unit's level in lang, lower case ("phường", "ward"); an unknown level is returned as is.
func (u Unit) LevelLabel(lang string) string {
	if l, ok := unitLevelLabels[u.Level]; ok {
		return l.In(lang)
	}
	return u.Level
}

// Display is how pages and reports name the unit: its name, or its level alone when it has none.
func (u Unit) Display(lang string) string {
	if n := strings.TrimSpace(u.Name); n != "" {
		return n
	}
	return u.LevelLabel(lang)
}

// Capitalize upper-cases the first letter of s, for a label that starts a sentence or a heading.
func Capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
