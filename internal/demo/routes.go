package demo

import (
	"net/http"
	"strconv"
	"strings"
	"time"
)

// routeBaohotay serves the newspaper's own pages; it returns false when the path is not one of them.
func (h *Handler) routeBaohotay(w http.ResponseWriter, r *http.Request) bool {
	p := r.URL.Path
	switch {
	case p == "/":
		v := h.newPage("home", h.info.Name+" - Tin tức thời sự, đời sống, xã hội")
		v.Description = "Báo Hồ Tây: tin tức thời sự, xã hội, đời sống, kinh tế cập nhật liên tục."
		v.Canonical = h.base + "/"
		v.Items = h.itemViews(h.items[:min(10, len(h.items))])
		v.Blocks = h.sectionBlocks(3)
		v.Sidebar = h.mostRead(5)
		h.render(w, r, http.StatusOK, v, h.newest)
		return true
	case p == "/rss.xml":
		h.serveFeed(w, r)
		return true
	case p == "/sitemap.xml" || strings.HasPrefix(p, "/sitemaps/"):
		return h.serveSitemap(w, r, p)
	case p == "/tim-kiem":
		h.search(w, r)
		return true
	}
	secSlug, tail, hasSlash := strings.Cut(strings.TrimPrefix(p, "/"), "/")
	sec := h.bySection[secSlug]
	if sec == nil {
		return false
	}
	if !hasSlash {
		redirect(w, r, h.sectionPath(sec.slug, 1))
		return true
	}
	page := 1
	if tail != "" {
		n, ok := strings.CutPrefix(tail, "trang-")
		if !ok {
			return false
		}
		var err error
		if page, err = strconv.Atoi(n); err != nil || strconv.Itoa(page) != n {
			return false
		}
		if page == 1 {
			redirect(w, r, h.sectionPath(sec.slug, 1))
			return true
		}
	}
	return h.serveSection(w, r, sec, page)
}

// search is Báo Hồ Tây's search page. It links to articles but robots.txt forbids it, so a polite crawler never
// sees it; tests check that the crawler does not.
func (h *Handler) search(w http.ResponseWriter, r *http.Request) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	v := h.newPage("search", "Tìm kiếm - "+h.info.Name)
	v.Query = q
	v.Heading = "Kết quả tìm kiếm"
	needle := strings.ToLower(q)
	var found []*item
	for _, it := range h.items {
		hay := strings.ToLower(it.Title + "\n" + it.Lead + "\n" + it.sec.name + "\n" + "tháng " + it.local.Format("1/2006"))
		if needle == "" || strings.Contains(hay, needle) {
			found = append(found, it)
		}
	}
	v.Items = h.itemViews(found[:min(20, len(found))])
	v.Sidebar = h.mostRead(5)
	h.render(w, r, http.StatusOK, v, time.Time{})
}

// serveSection serves page n of a section listing; false when the page does not exist.
func (h *Handler) serveSection(w http.ResponseWriter, r *http.Request, sec *section, n int) bool {
	items, pager, ok := h.paginate(sec.items, n, func(i int) string { return h.sectionPath(sec.slug, i) })
	if !ok {
		return false
	}
	title := sec.name
	if n > 1 {
		title += " - Trang " + strconv.Itoa(n)
	}
	v := h.newPage("section", title+" - "+h.shortName())
	h.activate(v, sec.slug)
	v.Heading = sec.name
	v.Section = sec.name
	v.Items = items
	v.Pager = pager
	switch h.info.ID {
	case outletBaohotay:
		v.Canonical = h.base + h.sectionPath(sec.slug, n)
		v.Description = "Tin tức " + sec.name + " mới nhất trên " + h.info.Name
		v.Sidebar = h.mostRead(5)
	case outletSonghong:
		v.Sidebar = h.itemViews(h.items[:min(6, len(h.items))])
	}
	h.render(w, r, http.StatusOK, v, sec.items[0].Published)
	return true
}

// sectionBlocks is the home page's per-section boxes with the n newest articles of each section.
func (h *Handler) sectionBlocks(n int) []sectionBlock {
	out := make([]sectionBlock, 0, len(h.sections))
	for _, s := range h.sections {
		out = append(out, sectionBlock{Name: s.name, URL: h.sectionPath(s.slug, 1), Items: h.itemViews(s.items[:min(n, len(s.items))])})
	}
	return out
}

// routeHoasen serves the district portal's own pages.
func (h *Handler) routeHoasen(w http.ResponseWriter, r *http.Request) bool {
	p := r.URL.Path
	switch p {
	case "/":
		v := h.newPage("home", "Cổng thông tin điện tử quận Hoa Sen")
		if len(h.items) > 0 {
			v.Items = h.itemViews(h.items[:min(9, len(h.items))])
		}
		v.Blocks = h.sectionBlocks(4)
		h.render(w, r, http.StatusOK, v, h.newest)
		return true
	case "/sitemap.xml":
		return h.serveSitemap(w, r, p)
	case "/tin-tuc", "/van-ban":
		redirect(w, r, p+"/")
		return true
	case "/tin-tuc/":
		n, ok := pageNumber(r, "trang")
		if !ok {
			return false
		}
		items, pager, ok := h.paginate(h.items, n, func(i int) string { return withPage("/tin-tuc/", "trang", i) })
		if !ok {
			return false
		}
		v := h.newPage("section", "Tin tức - Sự kiện - "+h.shortName())
		v.Heading = "Tin tức - Sự kiện"
		v.Items, v.Pager = items, pager
		h.render(w, r, http.StatusOK, v, h.newest)
		return true
	case "/gioi-thieu.html":
		v := h.newPage("about", "Giới thiệu chung - "+h.shortName())
		v.Heading = "Giới thiệu chung"
		h.render(w, r, http.StatusOK, v, time.Time{})
		return true
	case "/van-ban/":
		v := h.newPage("docs", "Văn bản chỉ đạo - "+h.shortName())
		v.Heading = "Văn bản chỉ đạo, điều hành"
		h.render(w, r, http.StatusOK, v, time.Time{})
		return true
	}
	rest, ok := strings.CutPrefix(p, "/chuyen-muc/")
	if !ok {
		return false
	}
	secSlug, tail, hasSlash := strings.Cut(rest, "/")
	sec := h.bySection[secSlug]
	switch {
	case sec == nil || tail != "":
		return false
	case !hasSlash:
		redirect(w, r, h.sectionPath(sec.slug, 1))
		return true
	}
	n, ok := pageNumber(r, "trang")
	return ok && h.serveSection(w, r, sec, n)
}

// routeSonghong serves the radio station's own pages.
func (h *Handler) routeSonghong(w http.ResponseWriter, r *http.Request) bool {
	p := r.URL.Path
	switch p {
	case "/":
		v := h.newPage("home", h.info.Name+" - Tin tức, phát thanh trực tuyến")
		v.Description = "Tin tức thời sự, bản tin phát thanh và chương trình trực tuyến của Đài Phát thanh Sông Hồng."
		v.Items = h.itemViews(h.items[:min(8, len(h.items))])
		v.Blocks = h.sectionBlocks(4)
		h.render(w, r, http.StatusOK, v, h.newest)
		return true
	case "/rss/tin-tuc.rss":
		h.serveFeed(w, r)
		return true
	case "/sitemap.xml":
		return h.serveSitemap(w, r, p)
	}
	rest, ok := strings.CutPrefix(p, "/tin/")
	if !ok {
		return false
	}
	secSlug, tail, hasSlash := strings.Cut(rest, "/")
	sec := h.bySection[secSlug]
	switch {
	case sec == nil || tail != "":
		// Article pages were matched before routing; anything else under a section is unknown.
		return false
	case !hasSlash:
		redirect(w, r, h.sectionPath(sec.slug, 1))
		return true
	}
	n, ok := pageNumber(r, "page")
	return ok && h.serveSection(w, r, sec, n)
}

func hoasenDocs() []docEntry {
	return []docEntry{
		{Number: "Kế hoạch số 112/KH-UBND", Date: "05/03/2026", Title: "Về chỉnh trang đô thị và trật tự vỉa hè năm 2026", Anchor: "kh-112"},
		{Number: "Thông báo số 57/TB-UBND", Date: "27/02/2026", Title: "Lịch tiếp công dân của lãnh đạo UBND quận tháng 3/2026", Anchor: "tb-57"},
		{Number: "Công văn số 845/UBND-VHTT", Date: "12/01/2026", Title: "Về tổ chức các hoạt động mừng Đảng, mừng Xuân Bính Ngọ 2026", Anchor: "cv-845"},
		{Number: "Quyết định số 2315/QĐ-UBND", Date: "18/11/2025", Title: "Ban hành Quy chế tiếp nhận, xử lý phản ánh, kiến nghị của người dân", Anchor: "qd-2315"},
	}
}

func songhongSchedule() []scheduleEntry {
	return []scheduleEntry{
		{Time: "05:30", Program: "Thời sự buổi sáng"},
		{Time: "06:15", Program: "Nông nghiệp - Nông thôn"},
		{Time: "07:00", Program: "Sức khỏe cho mọi nhà"},
		{Time: "11:30", Program: "Thời sự buổi trưa"},
		{Time: "14:00", Program: "Văn hóa - Văn nghệ"},
		{Time: "17:30", Program: "Thời sự buổi chiều"},
		{Time: "20:00", Program: "Ca nhạc theo yêu cầu"},
		{Time: "22:00", Program: "Bản tin cuối ngày"},
	}
}
