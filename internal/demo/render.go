package demo

import (
	"bytes"
	"embed"
	"hash/fnv"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"genderlens/model"
)

// assets are each outlet's page templates and style sheet, named after the outlet id.
//
//go:embed templates/*.html static/*.css
var assets embed.FS

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

func (h *Handler) newPage(kind, title string) *pageView {
	v := &pageView{Kind: kind, Title: title}
	v.Site = siteView{ID: h.info.ID, Name: h.info.Name, Base: h.base, Year: h.newest.In(model.Vietnam()).Year()}
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

// sectionBlocks is the home page's per-section boxes with the n newest articles of each section.
func (h *Handler) sectionBlocks(n int) []sectionBlock {
	out := make([]sectionBlock, 0, len(h.sections))
	for _, s := range h.sections {
		out = append(out, sectionBlock{Name: s.name, URL: h.sectionPath(s.slug, 1), Items: h.itemViews(s.items[:min(n, len(s.items))])})
	}
	return out
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

func weekdayVN(d time.Weekday) string {
	return [...]string{"Chủ Nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"}[d]
}

// longDateVN is the date line of Báo Hồ Tây and the Hoa Sen portal: "Thứ Bảy, 07/03/2026 - 08:15".
func longDateVN(t time.Time) string {
	return weekdayVN(t.Weekday()) + ", " + t.Format("02/01/2006 - 15:04")
}
