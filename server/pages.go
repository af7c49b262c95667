package server

import (
	"embed"
	"html/template"
	"net/http"
)

//go:embed templates/*.html
var templateFS embed.FS

var pageTemplates = template.Must(template.New("").Funcs(template.FuncMap{
	"deref": func(f *float64) float64 { return *f },
	"pct":   func(f *float64) float64 { return *f * 100 },
}).ParseFS(templateFS, "templates/*.html"))

// overviewText holds the page's words in one language; Vietnamese is the default.
type overviewText struct {
	Title, Subtitle, Caption, Outlet, Kind, Articles, Score, Women, Empty, API, Switch string
}

var overviewTexts = map[string]overviewText{
	"vi": {
		Title:    "Bộ chỉ số về giới trong truyền thông",
		Subtitle: "Theo dõi các cơ quan báo chí, cổng thông tin theo Bộ chỉ số về giới trong truyền thông",
		Caption:  "Điểm nội dung (0-100) và tỷ lệ nữ trong số nguồn tin được trích dẫn, trên mọi bài đã thu thập",
		Outlet:   "Cơ quan", Kind: "Loại hình", Articles: "Số bài", Score: "Điểm nội dung", Women: "Nguồn tin nữ",
		Empty: "Chưa có cơ quan nào được cấu hình.", API: "Dữ liệu máy đọc:", Switch: "English",
	},
	"en": {
		Title:    "Gender Indicator Set in Media",
		Subtitle: "Monitoring outlets and portals against the Gender Indicator Set in Media",
		Caption:  "Content score (0-100) and women's share of quoted sources, over every collected article",
		Outlet:   "Outlet", Kind: "Kind", Articles: "Articles", Score: "Content score", Women: "Women sources",
		Empty: "No outlets configured.", API: "Machine-readable:", Switch: "Tiếng Việt",
	},
}

var kindNames = map[string]map[string]string{
	"vi": {"newspaper": "Báo", "magazine": "Tạp chí", "radio_tv": "Phát thanh - Truyền hình",
		"district_portal": "Cổng TTĐT quận", "ward_portal": "Cổng TTĐT phường"},
	"en": {"newspaper": "Newspaper", "magazine": "Magazine", "radio_tv": "Radio/TV",
		"district_portal": "District portal", "ward_portal": "Ward portal"},
}

func pageLang(r *http.Request) string {
	if r.URL.Query().Get("lang") == "en" {
		return "en"
	}
	return "vi"
}

func (s *Server) overview(w http.ResponseWriter, r *http.Request) {
	lang := pageLang(r)
	other := "en"
	if lang == "en" {
		other = "vi"
	}
	data := map[string]any{
		"Lang": lang, "Other": other, "T": overviewTexts[lang], "Kinds": kindNames[lang], "Outlets": s.outletViews(),
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if err := pageTemplates.ExecuteTemplate(w, "overview.html", data); err != nil {
		s.opts.Logger.Error("render overview", "err", err)
	}
}
