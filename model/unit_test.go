package model

import "testing"

func TestUnitDisplay(t *testing.T) {
	tests := []struct {
		unit             Unit
		lang             string
		display, level   string
		capitalizedLevel string
	}{
		{Unit{Level: UnitDistrict}, "vi", "quận", "quận", "Quận"},
		{Unit{Level: UnitDistrict}, "en", "district", "district", "District"},
		{Unit{Name: "Phường Ba Đình", Level: UnitWard}, "vi", "Phường Ba Đình", "phường", "Phường"},
		{Unit{Name: "Phường Ba Đình", Level: UnitWard}, "en", "Phường Ba Đình", "ward", "Ward"},
		{Unit{Name: " ", Level: UnitCity}, "vi", "thành phố", "thành phố", "Thành phố"},
		{Unit{Level: UnitProvince}, "en", "province", "province", "Province"},
	}
	for _, tc := range tests {
		if got := tc.unit.Display(tc.lang); got != tc.display {
			t.Errorf("%+v.Display(%s) = %q, want %q", tc.unit, tc.lang, got, tc.display)
		}
		if got := tc.unit.LevelLabel(tc.lang); got != tc.level {
			t.Errorf("%+v.LevelLabel(%s) = %q, want %q", tc.unit, tc.lang, got, tc.level)
		}
		if got := Capitalize(tc.unit.LevelLabel(tc.lang)); got != tc.capitalizedLevel {
			t.Errorf("Capitalize(%q) = %q, want %q", tc.unit.LevelLabel(tc.lang), got, tc.capitalizedLevel)
		}
	}
}
