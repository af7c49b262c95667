package model

// Roles of people among sources, as GMMP and the indicator set split them; the scorer's other roles count as
// RoleOther in aggregates.
const (
	RoleExpert    = "expert"
	RoleOfficial  = "official"
	RoleOrdinary  = "ordinary"
	RoleCelebrity = "celebrity"
	RoleOther     = "other"
	// NumRoles is the number of roles, for arrays indexed by RoleIndex.
	NumRoles = 5
)

// Roles returns the roles in display order (a fresh slice: callers may keep it).
func Roles() []string {
	return []string{RoleExpert, RoleOfficial, RoleOrdinary, RoleCelebrity, RoleOther}
}

// RoleIndex is a role's position in Roles(); an unknown role counts as RoleOther.
func RoleIndex(role string) int {
	switch role {
	case RoleExpert:
		return 0
	case RoleOfficial:
		return 1
	case RoleOrdinary:
		return 2
	case RoleCelebrity:
		return 3
	}
	return 4
}

var roleLabels = [NumRoles]Label{
	{"Chuyên gia", "Expert"},
	{"Lãnh đạo, quản lý", "Official"},
	{"Người dân", "Ordinary person"},
	{"Người nổi tiếng", "Celebrity"},
	{"Khác", "Other"},
}

// RoleLabel names a role in lang; an unknown role is named as RoleOther.
func RoleLabel(role, lang string) string { return roleLabels[RoleIndex(role)].In(lang) }
