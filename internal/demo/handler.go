package demo

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
)

//go:embed templates/*.html static/*.css
var assets embed.FS

// Handler serves the whole site of one demo outlet. Create it with NewHandler.
type Handler struct {
	info      OutletInfo
	base      string
	items     []*item // newest first
	byPath    map[string]*item
	bySlug    map[string]*item
	images    map[string]*item
	sections  []*section // in order of first appearance in the content
	bySection map[string]*section
	tmpl      *template.Template
	css       []byte
	newest    time.Time
}

// item is an article with everything the pages need precomputed.
type item struct {
	Article
	id    int
	path  string
	local time.Time
	paras []string
	img   string // root-relative image path; empty when the article has no image
	sec   *section
}

type section struct {
	slug, name string
	items      []*item // newest first
}

// NewHandler builds the site of outletID serving arts, whose absolute URLs (canonical links, sitemaps, feeds) start
// with base, e.g. "http://127.0.0.1:8001". The articles are validated like content files are.
func NewHandler(outletID string, arts []Article, base string) (*Handler, error) {
	info, ok := outletInfo(outletID)
	if !ok {
		return nil, fmt.Errorf("demo handler: unknown outlet %q", outletID)
	}
	u, err := url.Parse(base)
	if err != nil {
		return nil, fmt.Errorf("demo handler %s: base URL: %w", outletID, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" || strings.Trim(u.Path, "/") != "" {
		return nil, fmt.Errorf("demo handler %s: base URL %q must be scheme://host[:port]", outletID, base)
	}
	if len(arts) == 0 {
		return nil, fmt.Errorf("demo handler %s: no articles", outletID)
	}
	var errs []error
	for _, a := range arts {
		for _, p := range articleProblems(a) {
			errs = append(errs, fmt.Errorf("outlet %s: article %q: %s", outletID, a.Slug, p))
		}
		if a.Published.IsZero() {
			errs = append(errs, fmt.Errorf("outlet %s: article %q: published is missing", outletID, a.Slug))
		}
		if a.Outlet != "" && a.Outlet != outletID {
			errs = append(errs, fmt.Errorf("outlet %s: article %q belongs to outlet %q", outletID, a.Slug, a.Outlet))
		}
	}
	errs = append(errs, setProblems(arts, func(i int, p string) error {
		return fmt.Errorf("outlet %s: article %q: %s", outletID, arts[i].Slug, p)
	})...)
	if err := errors.Join(errs...); err != nil {
		return nil, fmt.Errorf("demo handler: %w", err)
	}
	tmpl, err := template.ParseFS(assets, "templates/"+outletID+".html")
	if err != nil {
		return nil, fmt.Errorf("demo handler %s: parse templates: %w", outletID, err)
	}
	css, err := assets.ReadFile("static/" + outletID + ".css")
	if err != nil {
		return nil, fmt.Errorf("demo handler %s: read style: %w", outletID, err)
	}
	h := &Handler{
		info: info, base: strings.TrimRight(base, "/"), tmpl: tmpl, css: css,
		byPath: map[string]*item{}, bySlug: map[string]*item{}, images: map[string]*item{},
		bySection: map[string]*section{},
	}
	ids := articleIDs(outletID, arts)
	for _, a := range arts {
		a.Outlet = outletID
		it := &item{Article: a, id: ids[a.Slug], local: a.Published.In(vnZone()), paras: Paragraphs(a.Body)}
		sec := h.bySection[a.Section]
		if sec == nil {
			sec = &section{slug: a.Section, name: a.SectionName}
			h.bySection[a.Section] = sec
			h.sections = append(h.sections, sec)
		}
		it.sec = sec
		it.path = h.articlePath(it)
		if a.Image != nil {
			it.img = h.imagePath(it)
			h.images[it.img] = it
		}
		h.items = append(h.items, it)
		h.byPath[it.path] = it
		h.bySlug[a.Slug] = it
		if a.Published.After(h.newest) {
			h.newest = a.Published
		}
	}
	slices.SortStableFunc(h.items, newestFirst)
	for _, it := range h.items {
		it.sec.items = append(it.sec.items, it)
	}
	return h, nil
}

func newestFirst(a, b *item) int {
	if c := b.Published.Compare(a.Published); c != 0 {
		return c
	}
	return strings.Compare(a.Slug, b.Slug)
}

// articleIDs gives every slug a stable five-digit id like real CMS article ids. Collisions are resolved in slug
// order, so an id only changes if a new slug happens to hash onto it first.
func articleIDs(outletID string, arts []Article) map[string]int {
	slugs := make([]string, 0, len(arts))
	for _, a := range arts {
		slugs = append(slugs, a.Slug)
	}
	slices.Sort(slugs)
	ids := make(map[string]int, len(slugs))
	used := map[int]bool{}
	for _, s := range slugs {
		f := fnv.New32a()
		_, _ = f.Write([]byte(outletID + "/" + s))
		n := int(f.Sum32() % 90000)
		for used[10000+n] {
			n = (n + 1) % 90000
		}
		used[10000+n] = true
		ids[s] = 10000 + n
	}
	return ids
}

// URL is the base URL of the site, without a trailing slash.
func (h *Handler) URL() string { return h.base }

// Outlet describes the outlet the handler serves.
func (h *Handler) Outlet() OutletInfo { return h.info }

// ArticleURL is the absolute canonical URL of one of the handler's articles, or "" for an unknown slug.
func (h *Handler) ArticleURL(slug string) string {
	it, ok := h.bySlug[slug]
	if !ok {
		return ""
	}
	return h.base + it.path
}

// ListingURLs are the first pages of the home page and every section listing, the way a reader would browse.
func (h *Handler) ListingURLs() []string {
	out := []string{h.base + "/"}
	for _, s := range h.sections {
		out = append(out, h.base+h.sectionPath(s.slug, 1))
	}
	return out
}

// vnZone is Vietnam's time; a fixed zone is exact (no daylight saving) and needs no tzdata on the machine.
func vnZone() *time.Location { return time.FixedZone("ICT", 7*60*60) }

func weekdayVN(d time.Weekday) string {
	return [...]string{"Chủ Nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"}[d]
}

// longDateVN is the date line of Báo Hồ Tây and the Hoa Sen portal: "Thứ Bảy, 07/03/2026 - 08:15".
func longDateVN(t time.Time) string {
	return weekdayVN(t.Weekday()) + ", " + t.Format("02/01/2006 - 15:04")
}

func (h *Handler) articlePath(it *item) string {
	switch h.info.ID {
	case outletBaohotay:
		return fmt.Sprintf("/%s/%s-%d.html", it.Section, it.Slug, it.id)
	case outletHoasen:
		return "/tin-tuc/" + it.Slug + ".html"
	default:
		return "/tin/" + it.Section + "/" + it.Slug
	}
}

func (h *Handler) imagePath(it *item) string {
	switch h.info.ID {
	case outletBaohotay:
		return it.local.Format("/uploads/2006/01/02/") + it.Slug + ".svg"
	case outletHoasen:
		return "/Upload/TinTuc/" + strconv.Itoa(it.id) + ".svg"
	default:
		return "/media/images/" + it.Slug + ".svg"
	}
}

// sectionPath is the listing of a section; each outlet paginates the way its CMS would.
func (h *Handler) sectionPath(slug string, page int) string {
	switch h.info.ID {
	case outletBaohotay:
		if page > 1 {
			return "/" + slug + "/trang-" + strconv.Itoa(page)
		}
		return "/" + slug + "/"
	case outletHoasen:
		return withPage("/chuyen-muc/"+slug+"/", "trang", page)
	default:
		return withPage("/tin/"+slug+"/", "page", page)
	}
}

func withPage(p, key string, page int) string {
	if page > 1 {
		return p + "?" + key + "=" + strconv.Itoa(page)
	}
	return p
}

func (h *Handler) perPage() int {
	switch h.info.ID {
	case outletBaohotay:
		return 6
	case outletHoasen:
		return 10
	default:
		return 8
	}
}

func (h *Handler) listDate(t time.Time) string {
	switch h.info.ID {
	case outletBaohotay:
		return t.Format("02/01/2006 15:04")
	case outletHoasen:
		return t.Format("(02/01/2006)")
	default:
		return t.Format("02-01-2006 15:04")
	}
}

func (h *Handler) articleDate(t time.Time) string {
	if h.info.ID == outletSonghong {
		return t.Format("02-01-2006 15:04") + " GMT+7"
	}
	return longDateVN(t)
}

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

func (h *Handler) serveBytes(w http.ResponseWriter, r *http.Request, ctype string, b []byte, mod time.Time) {
	w.Header().Set("Content-Type", ctype)
	http.ServeContent(w, r, "", mod, bytes.NewReader(b))
}

func (h *Handler) render(w http.ResponseWriter, r *http.Request, status int, v *pageView, mod time.Time) {
	var buf bytes.Buffer
	if err := h.tmpl.ExecuteTemplate(&buf, "layout", v); err != nil {
		http.Error(w, "render page: "+err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if status != http.StatusOK {
		w.WriteHeader(status)
		_, _ = w.Write(buf.Bytes())
		return
	}
	http.ServeContent(w, r, "", mod, bytes.NewReader(buf.Bytes()))
}

func (h *Handler) notFound(w http.ResponseWriter, r *http.Request) {
	v := h.newPage("notfound", "Không tìm thấy trang")
	v.Heading = "Không tìm thấy trang"
	h.render(w, r, http.StatusNotFound, v, time.Time{})
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

// paginate returns page n of items and the pager, or ok false when the page does not exist.
func (h *Handler) paginate(items []*item, n int, pathOf func(int) string) ([]itemView, *pagerView, bool) {
	per := h.perPage()
	pages := max(1, (len(items)+per-1)/per)
	if n < 1 || n > pages {
		return nil, nil, false
	}
	end := min(len(items), n*per)
	views := h.itemViews(items[(n-1)*per : end])
	pg := &pagerView{Current: n, Total: pages}
	if pages > 1 {
		for i := 1; i <= pages; i++ {
			pg.Pages = append(pg.Pages, pageLink{N: i, URL: pathOf(i), Current: i == n})
		}
	}
	if n > 1 {
		pg.Prev = pathOf(n - 1)
	}
	if n < pages {
		pg.Next = pathOf(n + 1)
	}
	return views, pg, true
}

// pageView is everything a page template may show; each outlet's templates use the parts their style has.
type pageView struct {
	Kind        string
	Site        siteView
	Title       string
	Description string
	// Canonical is absolute; empty on sites without canonical links.
	Canonical string
	OG        *ogView
	JSONLD    template.JS
	Heading   string
	Section   string
	Article   *articleView
	Items     []itemView
	Pager     *pagerView
	Blocks    []sectionBlock
	Sidebar   []itemView
	Query     string
}

type siteView struct {
	ID, Name, Base string
	Sections       []linkView
	Ticker         []itemView
	Docs           []docEntry
	Schedule       []scheduleEntry
	Visitors       string
	Online         int
	// Year is the copyright year, taken from the newest article so that pages do not depend on the clock.
	Year int
}

type linkView struct {
	Name, URL string
	Active    bool
}

type itemView struct {
	Title, URL, Lead, Date, ISO, Image, ImageAlt, Section, SectionURL string
}

type sectionBlock struct {
	Name, URL string
	Items     []itemView
}

type pagerView struct {
	Current, Total int
	Pages          []pageLink
	Prev, Next     string
}

type pageLink struct {
	N       int
	URL     string
	Current bool
}

type ogView struct {
	Type, Title, Description, URL, Image, SiteName, Published, Section, Author string
}

type articleView struct {
	Title, Lead, Author, Date, ISO, Section, SectionURL, URL string
	Blocks                                                   []blockView
	Image                                                    *imageView
	Related                                                  []itemView
	Tags                                                     []linkView
	AudioURL                                                 string
}

// blockView is one piece of the body: a paragraph, the image or an in-article ad.
type blockView struct {
	Kind, Text string
}

type imageView struct {
	URL, AbsURL, Alt, Caption string
}

type docEntry struct {
	Number, Date, Title, Anchor string
}

type scheduleEntry struct {
	Time, Program string
}

func (h *Handler) newPage(kind, title string) *pageView {
	v := &pageView{Kind: kind, Title: title}
	v.Site = siteView{ID: h.info.ID, Name: h.info.Name, Base: h.base, Year: h.newest.In(vnZone()).Year()}
	for _, s := range h.sections {
		v.Site.Sections = append(v.Site.Sections, linkView{Name: s.name, URL: h.sectionPath(s.slug, 1)})
	}
	switch h.info.ID {
	case outletBaohotay:
		v.Site.Ticker = h.itemViews(h.items[:min(5, len(h.items))])
	case outletHoasen:
		v.Site.Docs = hoasenDocs()
		// A fixed counter keeps pages byte-stable; a live one would make every fetch look changed.
		v.Site.Visitors = groupThousands(1284517 + 37*len(h.items))
		v.Site.Online = 23
	default:
		v.Site.Schedule = songhongSchedule()
	}
	return v
}

func (h *Handler) activate(v *pageView, sectionSlug string) {
	want := h.sectionPath(sectionSlug, 1)
	for i := range v.Site.Sections {
		v.Site.Sections[i].Active = v.Site.Sections[i].URL == want
	}
}

func (h *Handler) itemViews(items []*item) []itemView {
	out := make([]itemView, 0, len(items))
	for _, it := range items {
		out = append(out, h.itemView(it, ""))
	}
	return out
}

// itemView links to an article; query, when set, adds tracking parameters the way widgets on real sites do.
func (h *Handler) itemView(it *item, query string) itemView {
	v := itemView{
		Title: it.Title, URL: it.path, Lead: it.Lead, Date: h.listDate(it.local), ISO: it.local.Format(time.RFC3339),
		Section: it.sec.name, SectionURL: h.sectionPath(it.Section, 1),
	}
	if query != "" {
		v.URL += "?" + query
	}
	if it.Image != nil {
		v.Image, v.ImageAlt = it.img, it.Image.Alt
	}
	return v
}

func (h *Handler) articlePage(it *item) *pageView {
	v := h.newPage("article", it.Title+" - "+h.shortName())
	h.activate(v, it.Section)
	v.Description = it.Lead
	v.Section = it.sec.name
	abs := h.base + it.path
	a := &articleView{
		Title: it.Title, Lead: it.Lead, Author: it.Author, Date: h.articleDate(it.local),
		ISO: it.local.Format(time.RFC3339), Section: it.sec.name, SectionURL: h.sectionPath(it.Section, 1), URL: abs,
	}
	if it.Image != nil {
		a.Image = &imageView{URL: it.img, AbsURL: h.base + it.img, Alt: it.Image.Alt, Caption: it.Image.Caption}
	}
	a.Blocks = h.bodyBlocks(it, a.Image != nil)
	n := 4
	if h.info.ID == outletHoasen {
		n = 6
	}
	related := h.related(it, n)
	for i, r := range related {
		q := ""
		if h.info.ID == outletBaohotay && i%2 == 1 {
			q = "utm_source=baohotay&utm_medium=tinlienquan&utm_campaign=related"
		}
		a.Related = append(a.Related, h.itemView(r, q))
	}
	switch h.info.ID {
	case outletBaohotay:
		v.Canonical = abs
		v.OG = h.og(it, a)
		v.JSONLD = h.jsonLD(it, a)
		month := "Tháng " + it.local.Format("1/2006")
		for _, t := range []string{it.sec.name, month} {
			a.Tags = append(a.Tags, linkView{Name: t, URL: "/tim-kiem?q=" + url.QueryEscape(t)})
		}
		v.Sidebar = h.mostRead(5)
	case outletHoasen:
		v.Title = it.Title
	default:
		v.OG = h.og(it, a)
		a.AudioURL = audioPath(it)
		v.Sidebar = h.itemViews(h.items[:min(6, len(h.items))])
	}
	v.Article = a
	return v
}

// audioPath is where the radio station keeps the recording of a news item (robots.txt keeps crawlers out).
func audioPath(it *item) string {
	return "/media/audio/" + it.local.Format("2006/01/02/") + it.Slug + ".mp3"
}

func (h *Handler) shortName() string {
	if h.info.ID == outletHoasen {
		return "Cổng TTĐT quận Hoa Sen"
	}
	return h.info.Name
}

// bodyBlocks lays out the body the way each CMS does: Báo Hồ Tây puts the photo after the first paragraph and an ad
// in long articles, the portal puts the photo after the first paragraph, the radio station puts it on top.
func (h *Handler) bodyBlocks(it *item, hasImage bool) []blockView {
	var out []blockView
	if hasImage && h.info.ID == outletSonghong {
		out = append(out, blockView{Kind: "image"})
	}
	for i, p := range it.paras {
		out = append(out, blockView{Kind: "p", Text: p})
		if i == 0 && hasImage && h.info.ID != outletSonghong {
			out = append(out, blockView{Kind: "image"})
		}
		if i == 2 && len(it.paras) >= 5 && h.info.ID == outletBaohotay {
			out = append(out, blockView{Kind: "ad"})
		}
	}
	return out
}

// related picks up to n other articles, same section first, each group nearest in time first.
func (h *Handler) related(it *item, n int) []*item {
	var same, other []*item
	for _, o := range h.items {
		switch {
		case o == it:
		case o.Section == it.Section:
			same = append(same, o)
		default:
			other = append(other, o)
		}
	}
	byDistance := func(a, b *item) int {
		da, db := absDuration(a.Published.Sub(it.Published)), absDuration(b.Published.Sub(it.Published))
		switch {
		case da < db:
			return -1
		case da > db:
			return 1
		}
		return newestFirst(a, b)
	}
	slices.SortStableFunc(same, byDistance)
	slices.SortStableFunc(other, byDistance)
	all := append(same, other...)
	return all[:min(n, len(all))]
}

func absDuration(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}

// mostRead is a deterministic stand-in for a popularity box; its links carry tracking parameters.
func (h *Handler) mostRead(n int) []itemView {
	items := slices.Clone(h.items)
	key := func(it *item) uint32 {
		f := fnv.New32a()
		_, _ = f.Write([]byte("doc-nhieu/" + it.Slug))
		return f.Sum32()
	}
	slices.SortStableFunc(items, func(a, b *item) int {
		ka, kb := key(a), key(b)
		switch {
		case ka < kb:
			return -1
		case ka > kb:
			return 1
		}
		return strings.Compare(a.Slug, b.Slug)
	})
	out := make([]itemView, 0, n)
	for _, it := range items[:min(n, len(items))] {
		out = append(out, h.itemView(it, "utm_source=baohotay&utm_medium=docnhieu"))
	}
	return out
}

func (h *Handler) og(it *item, a *articleView) *ogView {
	o := &ogView{
		Type: "article", Title: it.Title, Description: it.Lead, URL: a.URL, SiteName: h.info.Name,
		Published: a.ISO, Section: it.sec.name, Author: it.Author,
	}
	if a.Image != nil {
		o.Image = a.Image.AbsURL
	} else {
		o.Image = h.base + "/static/logo.svg"
	}
	return o
}

type ldThing struct {
	Type string `json:"@type"`
	Name string `json:"name,omitempty"`
	ID   string `json:"@id,omitempty"`
	URL  string `json:"url,omitempty"`
	Logo any    `json:"logo,omitempty"`
}

type ldArticle struct {
	Context          string    `json:"@context"`
	Type             string    `json:"@type"`
	MainEntityOfPage ldThing   `json:"mainEntityOfPage"`
	Headline         string    `json:"headline"`
	Description      string    `json:"description"`
	Image            []string  `json:"image"`
	DatePublished    string    `json:"datePublished"`
	DateModified     string    `json:"dateModified"`
	Author           []ldThing `json:"author"`
	Publisher        ldThing   `json:"publisher"`
	ArticleSection   string    `json:"articleSection"`
	InLanguage       string    `json:"inLanguage"`
}

// jsonLD is the NewsArticle block; json.Marshal escapes <, > and & so the text cannot close the script element.
func (h *Handler) jsonLD(it *item, a *articleView) template.JS {
	img := h.base + "/static/logo.svg"
	if a.Image != nil {
		img = a.Image.AbsURL
	}
	ld := ldArticle{
		Context: "https://schema.org", Type: "NewsArticle",
		MainEntityOfPage: ldThing{Type: "WebPage", ID: a.URL},
		Headline:         it.Title, Description: it.Lead, Image: []string{img},
		DatePublished: a.ISO, DateModified: a.ISO,
		Author: []ldThing{{Type: "Person", Name: it.Author}},
		Publisher: ldThing{Type: "NewsMediaOrganization", Name: h.info.Name, URL: h.base + "/",
			Logo: ldThing{Type: "ImageObject", URL: h.base + "/static/logo.svg"}},
		ArticleSection: it.sec.name, InLanguage: "vi",
	}
	b, err := json.MarshalIndent(ld, "", "  ")
	if err != nil {
		// Only strings and slices of strings are marshalled, which cannot fail.
		return template.JS("{}")
	}
	return template.JS(b) //nolint:gosec // JSON from encoding/json with HTML escaping on.
}

// groupThousands writes n with dots between thousands, as Vietnamese does: 1.284.517.
func groupThousands(n int) string {
	s := strconv.Itoa(n)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(c)
	}
	return b.String()
}

func placeholderSVG(it *item) []byte {
	f := fnv.New32a()
	_, _ = f.Write([]byte(it.Slug))
	c := f.Sum32() & 0x7f7f7f
	return fmt.Appendf(nil, `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="450" viewBox="0 0 800 450">`+
		`<rect width="800" height="450" fill="#%06x"/><circle cx="400" cy="225" r="90" fill="#ffffff" opacity="0.25"/></svg>`+"\n", c)
}

// logoSVG draws each outlet's logo; the texts are fixed, so no escaping is needed.
func logoSVG(info OutletInfo) []byte {
	const head = `<svg xmlns="http://www.w3.org/2000/svg" `
	switch info.ID {
	case outletBaohotay:
		return []byte(head + `width="240" height="60" viewBox="0 0 240 60"><rect width="240" height="60" rx="4" fill="#b5121b"/>` +
			`<text x="120" y="40" font-family="Georgia, serif" font-size="28" font-weight="bold" fill="#fff" text-anchor="middle">BÁO HỒ TÂY</text></svg>` + "\n")
	case outletHoasen:
		return []byte(head + `width="80" height="80" viewBox="0 0 80 80"><circle cx="40" cy="40" r="38" fill="#ffde00"/>` +
			`<circle cx="40" cy="40" r="32" fill="#c8102e"/><polygon points="40,14 46,32 65,32 50,43 56,61 40,50 24,61 30,43 15,32 34,32" fill="#ffde00"/></svg>` + "\n")
	default:
		return []byte(head + `width="240" height="60" viewBox="0 0 240 60"><rect width="240" height="60" rx="8" fill="#ffffff"/>` +
			`<text x="16" y="30" font-family="Arial, sans-serif" font-size="22" font-weight="bold" fill="#0b5394">SÔNG HỒNG</text>` +
			`<text x="16" y="50" font-family="Arial, sans-serif" font-size="14" fill="#d9480f">PHÁT THANH · FM 96,5</text></svg>` + "\n")
	}
}
