package model

// Kinds of media agency the district's plan counts.
const (
	KindNewspaper      = "newspaper"
	KindMagazine       = "magazine"
	KindRadioTV        = "radio_tv"
	KindDistrictPortal = "district_portal"
	KindWardPortal     = "ward_portal"
)

// OutletKinds lists the kinds in display order.
func OutletKinds() []string {
	return []string{KindNewspaper, KindMagazine, KindRadioTV, KindDistrictPortal, KindWardPortal}
}

var kindLabels = map[string]Label{
	KindNewspaper:      {"Báo", "Newspaper"},
	KindMagazine:       {"Tạp chí", "Magazine"},
	KindRadioTV:        {"Phát thanh - Truyền hình", "Radio/TV"},
	KindDistrictPortal: {"Cổng TTĐT quận", "District portal"},
	KindWardPortal:     {"Cổng TTĐT phường", "Ward portal"},
}

// OutletKindLabel names an outlet kind in lang; an unknown kind is returned as is.
func OutletKindLabel(kind, lang string) string {
	if l, ok := kindLabels[kind]; ok {
		return l.In(lang)
	}
	return kind
}
