package demo

import (
	"net/http"
	"strconv"
	"strings"
	"time"
)

// ServeHTTP routes a request to the outlet's pages; anything unknown is a 404 page in the outlet's style.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	p := r.URL.Path
	switch {
	case p == "/robots.txt":
		h.serveBytes(w, r, "text/plain; charset=utf-8", []byte(h.robots()), time.Time{})
		return
	case p == "/static/style.css":
		h.serveBytes(w, r, "text/css; charset=utf-8", h.css, time.Time{})
		return
	case p == "/static/logo.svg":
		h.serveBytes(w, r, "image/svg+xml", logoSVG(h.info), time.Time{})
		return
	}
	if it, ok := h.images[p]; ok {
		h.serveBytes(w, r, "image/svg+xml", placeholderSVG(it), it.Published)
		return
	}
	if it, ok := h.byPath[p]; ok {
		// Query strings such as utm_source are ignored, as on real sites; the canonical link names the clean URL.
		h.render(w, r, http.StatusOK, h.articlePage(it), it.Published)
		return
	}
	var served bool
	switch h.info.ID {
	case outletBaohotay:
		served = h.routeBaohotay(w, r)
	case outletHoasen:
		served = h.routeHoasen(w, r)
	default:
		served = h.routeSonghong(w, r)
	}
	if !served {
		h.notFound(w, r)
	}
}

// redirect sends a permanent redirect to a root-relative path, as CMSs do for a missing trailing slash.
func redirect(w http.ResponseWriter, r *http.Request, p string) {
	http.Redirect(w, r, p, http.StatusMovedPermanently)
}

// pageNumber reads a page number from the query; ok is false for anything but a positive integer.
func pageNumber(r *http.Request, key string) (int, bool) {
	v := r.URL.Query().Get(key)
	if v == "" {
		return 1, true
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		return 0, false
	}
	return n, true
}

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
