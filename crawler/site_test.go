package crawler

import (
	"context"
	"errors"
	"fmt"
	"html"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"genderlens/internal/legacyenc"

	"golang.org/x/text/encoding/charmap"
)

// This file builds the loopback news sites the crawl tests and benchmarks run against. Every text is generated here
// from fragments written for the project (fictional places and people), except in the shared-corpus test, which
// reads real texts from ../shared at run time.

// Site styles.
const (
	styleJSONLD = "jsonld" // modern newspaper: JSON-LD NewsArticle, sapo, figure with caption
	styleOG     = "og"     // OpenGraph and meta tags only, visible "17-01-2022 10:30 GMT+7" date
	styleLegacy = "legacy" // old portal: table layout, windows-1258, "Thứ Hai, 17/01/2022 - 10:30", text byline
)

type fakeArticle struct {
	Path      string
	Title     string
	Lead      string // rendered as a sapo in the JSON-LD style; empty otherwise
	Author    string
	Section   string
	Published time.Time
	Paras     []string
	Image     Image // alt and caption; URL relative
	// Style, when set, overrides the site's style for this article (sites use several templates).
	Style string
}

// wantBody is the text the test rendered as the article (lead included), for token F1.
func (a fakeArticle) wantBody() string {
	return strings.Join(append([]string{a.Lead}, a.Paras...), "\n\n")
}

// siteOptions are the behaviours of one fake site.
type siteOptions struct {
	style string
	// perPage articles on each listing page (pagination).
	perPage int
	// etag / lastModified: answer conditional GETs with 304.
	etag, lastModified bool
	// headerCharset sends the legacy charset in the Content-Type header as well as in <meta>.
	headerCharset bool
	// crawlDelay is written into robots.txt when positive.
	crawlDelay time.Duration
	// serveLatency is added to every response, to make concurrency visible to the server.
	serveLatency time.Duration
	// extraLinks are added to every listing page (links to trap pages).
	extraLinks []string
}

// fakeSite is an httptest server that records, per path, how often it was hit, and globally the start time and
// concurrency of every request (the politeness the server observed).
type fakeSite struct {
	t        testing.TB
	srv      *httptest.Server
	opt      siteOptions
	articles []fakeArticle
	byPath   map[string]*fakeArticle
	extra    map[string]http.HandlerFunc

	mu          sync.Mutex
	hits        map[string]int
	conditional map[string]int // requests carrying If-None-Match or If-Modified-Since
	notModified int
	full        map[string]int // article pages sent in full (200)
	starts      []time.Time
	paths       []string
	inFlight    int
	maxInFlight int
	userAgents  map[string]bool
}

var (
	placeWords  = []string{"Hoa Sen", "Tây Hồ Mới", "Sông Đào", "Bến Nứa", "Cầu Gỗ", "Đồng Xanh", "Ngọc Lâm", "Bãi Sậy"}
	personWords = []string{"Nguyễn Thị Mai", "Trần Văn Khôi", "Lê Thu Trang", "Phạm Minh Đức", "Hoàng Lan Anh", "Vũ Quốc Bảo", "Đặng Hải Yến", "Bùi Thanh Tùng"}
	topicWords  = []string{"sân chơi cho trẻ em", "lớp học bơi mùa hè", "chợ phiên cuối tuần", "tuyến xe buýt mới", "thư viện phường", "câu lạc bộ dưỡng sinh", "vườn rau cộng đồng", "điểm thu gom rác tái chế"}
	sectionList = []string{"Xã hội", "Kinh tế", "Giáo dục", "Văn hóa"}
	authorList  = []string{"Minh Châu", "Quang Huy", "Thu Hà", "Ngọc Ánh", "Đức Long"}
	sentenceFmt = []string{
		"Ủy ban nhân dân phường %[1]s vừa đưa %[2]s vào sử dụng sau hơn ba tháng chuẩn bị.",
		"Theo bà %[3]s, người dân đã góp nhiều ý kiến để %[2]s phù hợp với nhu cầu của cả người già và trẻ nhỏ.",
		"Ông %[3]s cho biết kinh phí chủ yếu do các hộ kinh doanh trên địa bàn %[1]s ủng hộ.",
		"Mỗi tuần có khoảng %[4]d lượt người đến với %[2]s, nhiều nhất vào sáng thứ Bảy.",
		"“Chúng tôi mong %[2]s sẽ được duy trì lâu dài”, chị %[3]s chia sẻ.",
		"Trong thời gian tới, phường %[1]s dự kiến mở rộng %[2]s ra thêm %[5]d tổ dân phố.",
		"Các tình nguyện viên thay phiên nhau trông coi %[2]s từ sáu giờ sáng đến chín giờ tối.",
		"Một số hộ dân ở %[1]s đề nghị bổ sung ghế đá và đèn chiếu sáng quanh khu vực.",
		"Đoàn thanh niên phường %[1]s nhận nhiệm vụ hướng dẫn người dân đăng ký tham gia.",
		"Kết quả khảo sát cho thấy %[4]d phần trăm người được hỏi hài lòng với %[2]s.",
	}
)

// makeArticles generates n fictional articles for a site style, deterministically.
func makeArticles(style string, n int, seed uint64) []fakeArticle {
	rng := rand.New(rand.NewPCG(seed, 7))
	base := time.Date(2026, 3, 1, 7, 0, 0, 0, newsZone)
	out := make([]fakeArticle, n)
	for i := range out {
		place, topic := placeWords[rng.IntN(len(placeWords))], topicWords[rng.IntN(len(topicWords))]
		var paras []string
		for p := 0; p < 3+rng.IntN(4); p++ {
			var sents []string
			for s := 0; s < 2+rng.IntN(2); s++ {
				f := sentenceFmt[rng.IntN(len(sentenceFmt))]
				sents = append(sents, fmt.Sprintf(f, place, topic, personWords[rng.IntN(len(personWords))], 10+rng.IntN(500), 2+rng.IntN(9)))
			}
			paras = append(paras, strings.Join(sents, " "))
		}
		a := fakeArticle{
			Title:     fmt.Sprintf("Phường %s có thêm %s (bài %d)", place, topic, i+1),
			Author:    authorList[rng.IntN(len(authorList))],
			Section:   sectionList[i%len(sectionList)],
			Published: base.Add(time.Duration(i)*97*time.Minute + time.Duration(rng.IntN(50))*time.Minute),
			Paras:     paras,
			Image:     Image{URL: fmt.Sprintf("/anh/%d.jpg", i+1), Alt: "Người dân tại " + topic, Caption: "Ảnh: " + place},
		}
		switch style {
		case styleLegacy:
			a.Path = fmt.Sprintf("/tin-tuc/phuong-%s-co-them-%s-bai-%d.html", slug(place), slug(topic), i+1)
			a.Author += " - Phòng VH-TT"
		case styleOG:
			a.Path = fmt.Sprintf("/%s/%s-%d.htm", slug(a.Section), slug(topic), 20260301000+i)
		default:
			a.Path = fmt.Sprintf("/%s/phuong-%s-co-them-%s-%d.html", slug(a.Section), slug(place), slug(topic), 10001+i)
			a.Lead = fmt.Sprintf("Phường %s vừa đưa %s vào hoạt động, đáp ứng mong mỏi của nhiều gia đình trong khu dân cư.", place, topic)
		}
		out[i] = a
	}
	return out
}

// slug is a crude ASCII slug, enough for test paths.
func slug(s string) string {
	repl := strings.NewReplacer("đ", "d", "Đ", "d")
	s = repl.Replace(strings.ToLower(s))
	var b strings.Builder
	for _, r := range foldMarks(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == ' ' || r == '-':
			b.WriteByte('-')
		}
	}
	return b.String()
}

func foldMarks(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < 0x80 {
			b.WriteRune(r)
			continue
		}
		if base, ok := vnBase[r]; ok {
			b.WriteRune(base)
		}
	}
	return b.String()
}

var vnBase = func() map[rune]rune {
	m := map[rune]rune{}
	for base, set := range map[rune]string{
		'a': "àáảãạăằắẳẵặâầấẩẫậ", 'e': "èéẻẽẹêềếểễệ", 'i': "ìíỉĩị", 'o': "òóỏõọôồốổỗộơờớởỡợ",
		'u': "ùúủũụưừứửữự", 'y': "ỳýỷỹỵ",
	} {
		for _, r := range set {
			m[r] = base
		}
	}
	return m
}()

func newFakeSite(t testing.TB, opt siteOptions, articles []fakeArticle) *fakeSite {
	t.Helper()
	if opt.perPage == 0 {
		opt.perPage = 4
	}
	s := &fakeSite{
		t: t, opt: opt, articles: articles, byPath: map[string]*fakeArticle{}, extra: map[string]http.HandlerFunc{},
		hits: map[string]int{}, full: map[string]int{}, conditional: map[string]int{}, userAgents: map[string]bool{},
	}
	for i := range s.articles {
		s.byPath[s.articles[i].Path] = &s.articles[i]
	}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.srv.Close)
	return s
}

func (s *fakeSite) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.hits[r.URL.Path]++
	s.starts = append(s.starts, time.Now())
	s.paths = append(s.paths, r.URL.RequestURI())
	s.inFlight++
	s.maxInFlight = max(s.maxInFlight, s.inFlight)
	s.userAgents[r.UserAgent()] = true
	if r.Header.Get("If-None-Match") != "" || r.Header.Get("If-Modified-Since") != "" {
		s.conditional[r.URL.Path]++
	}
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		s.inFlight--
		s.mu.Unlock()
	}()
	if s.opt.serveLatency > 0 {
		time.Sleep(s.opt.serveLatency) // a slow server is what the option asks for
	}
	if h, ok := s.extra[r.URL.Path]; ok {
		h(w, r)
		return
	}
	switch p := r.URL.Path; {
	case p == "/robots.txt":
		fmt.Fprintf(w, "User-agent: *\nDisallow: /noi-bo/\n")
		if s.opt.crawlDelay > 0 {
			fmt.Fprintf(w, "Crawl-delay: %g\n", s.opt.crawlDelay.Seconds())
		}
		fmt.Fprintf(w, "\nSitemap: %s/sitemap.xml\n", s.srv.URL)
	case p == "/sitemap.xml":
		w.Header().Set("Content-Type", "application/xml")
		fmt.Fprint(w, `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)
		fmt.Fprintf(w, `<sitemap><loc>%s/sitemap-news.xml</loc><lastmod>%s</lastmod></sitemap></sitemapindex>`,
			s.srv.URL, s.lastPublished().Format(time.RFC3339))
	case p == "/sitemap-news.xml":
		// Every third article, with its lastmod: the others must be found through the feed and the listings.
		w.Header().Set("Content-Type", "application/xml")
		fmt.Fprint(w, `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">`)
		for i, a := range s.articles {
			if i%3 == 0 {
				fmt.Fprintf(w, "<url><loc>%s%s</loc><lastmod>%s</lastmod><news:news><news:title>%s</news:title></news:news></url>\n",
					s.srv.URL, a.Path, a.Published.Format(time.RFC3339), html.EscapeString(a.Title))
			}
		}
		fmt.Fprint(w, `</urlset>`)
	case p == "/rss.xml":
		w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		fmt.Fprint(w, `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Tin mới</title>`)
		for i := len(s.articles) - 1; i >= 0 && i >= len(s.articles)-5; i-- {
			a := s.articles[i]
			fmt.Fprintf(w, "<item><title>%s</title><link>%s%s?utm_source=rss&amp;utm_medium=feed</link><pubDate>%s</pubDate></item>\n",
				html.EscapeString(a.Title), s.srv.URL, a.Path, a.Published.Format(time.RFC1123Z))
		}
		fmt.Fprint(w, `</channel></rss>`)
	case p == "/" || p == "/tin-moi":
		s.listing(w, r)
	default:
		if a, ok := s.byPath[p]; ok {
			s.article(w, r, a)
			return
		}
		http.NotFound(w, r)
	}
}

func (s *fakeSite) lastPublished() time.Time {
	var last time.Time
	for _, a := range s.articles {
		if a.Published.After(last) {
			last = a.Published
		}
	}
	return last
}

// listing serves paginated section pages: links with tracking parameters and fragments, a robots-disallowed page,
// and the next page.
func (s *fakeSite) listing(w http.ResponseWriter, r *http.Request) {
	page, _ := strconv.Atoi(r.URL.Query().Get("trang"))
	page = max(page, 1)
	from, to := (page-1)*s.opt.perPage, min(page*s.opt.perPage, len(s.articles))
	var b strings.Builder
	b.WriteString(`<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Tin mới - Trang ` + strconv.Itoa(page) + `</title>`)
	b.WriteString(`<meta property="og:type" content="website"></head><body><header><nav><a href="/">Trang chủ</a> <a href="/tin-moi?trang=1">Tin mới</a>`)
	b.WriteString(` <a href="/noi-bo/bao-cao-tai-chinh-quy-mot-2026.html">Nội bộ</a></nav></header><main><ul class="list-news">`)
	for i := from; i < to; i++ {
		a := s.articles[i]
		fmt.Fprintf(&b, `<li><a href="%s?utm_source=home&amp;utm_campaign=list">%s</a> <a href="%s#binh-luan">Bình luận</a> <a href="%s?fbclid=AbC%d">Chia sẻ</a><p>%s</p></li>`,
			a.Path, html.EscapeString(a.Title), a.Path, a.Path, i, html.EscapeString(a.Title))
	}
	b.WriteString(`</ul>`)
	for _, l := range s.opt.extraLinks {
		fmt.Fprintf(&b, `<a href="%s">Xem thêm</a> `, l)
	}
	if to < len(s.articles) {
		fmt.Fprintf(&b, `<div class="pagination"><a href="/tin-moi?trang=%d">Trang sau</a></div>`, page+1)
	}
	b.WriteString(`</main><footer>Bản quyền thuộc về tòa soạn thử nghiệm.</footer></body></html>`)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprint(w, b.String())
}

func (s *fakeSite) article(w http.ResponseWriter, r *http.Request, a *fakeArticle) {
	etag := fmt.Sprintf(`"%x"`, len(a.Title)*7919+len(a.Paras)*31+int(a.Published.Unix()%100000))
	lastMod := a.Published.UTC().Format(http.TimeFormat)
	if s.opt.etag {
		w.Header().Set("ETag", etag)
		if r.Header.Get("If-None-Match") == etag {
			s.mu.Lock()
			s.notModified++
			s.mu.Unlock()
			w.WriteHeader(http.StatusNotModified)
			return
		}
	}
	if s.opt.lastModified {
		w.Header().Set("Last-Modified", lastMod)
		if ims, err := http.ParseTime(r.Header.Get("If-Modified-Since")); err == nil && !a.Published.After(ims) {
			s.mu.Lock()
			s.notModified++
			s.mu.Unlock()
			w.WriteHeader(http.StatusNotModified)
			return
		}
	}
	s.mu.Lock()
	s.full[a.Path]++
	style := s.opt.style
	if a.Style != "" {
		style = a.Style
	}
	page := renderArticle(style, *a, s.srv.URL)
	s.mu.Unlock()
	if s.opt.style == styleLegacy {
		enc, err := encodeWindows1258(page)
		if err != nil {
			s.t.Errorf("encode windows-1258: %v", err)
		}
		if s.opt.headerCharset {
			w.Header().Set("Content-Type", "text/html; charset=windows-1258")
		} else {
			w.Header().Set("Content-Type", "text/html")
		}
		w.Write(enc)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprint(w, page)
}

// encodeWindows1258 encodes a page as old Vietnamese portals did: windows-1258 with combining tone marks.
func encodeWindows1258(page string) ([]byte, error) {
	return charmap.Windows1258.NewEncoder().Bytes([]byte(legacyenc.Windows1258Form(page)))
}

// renderArticle writes an article page in one of the site styles, with the chrome real pages carry: navigation,
// ads, related links, comments, footer.
func renderArticle(style string, a fakeArticle, origin string) string {
	esc := html.EscapeString
	var paras strings.Builder
	for _, p := range a.Paras {
		fmt.Fprintf(&paras, "<p>%s</p>\n", esc(p))
	}
	switch style {
	case styleLegacy:
		vnDays := []string{"Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"}
		date := fmt.Sprintf("%s, %s", vnDays[a.Published.Weekday()], a.Published.Format("02/01/2006 - 15:04"))
		return fmt.Sprintf(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1258">
<title>%s</title></head><body bgcolor="#ffffff">
<table width="980" border="0" cellpadding="0" cellspacing="0"><tr><td colspan="2"><img src="/banner.gif" alt="Cổng thông tin điện tử phường"></td></tr>
<tr><td width="200" valign="top" class="menu"><a href="/">Trang chủ</a><br><a href="/tin-moi">Tin tức - Sự kiện</a><br><a href="/tin-moi?trang=2">Văn bản</a><br>
<a href="/lien-he.html">Liên hệ</a></td>
<td valign="top"><table width="100%%"><tr><td class="title"><b>%s</b></td></tr>
<tr><td class="date">%s</td></tr>
<tr><td class="content">%s<p><img src="%s" alt="%s"></p><p align="right"><b>%s</b></p></td></tr></table>
<p class="other">Các tin khác: <a href="/tin-moi">Xem tất cả</a></p></td></tr>
<tr><td colspan="2" align="center">Lượt truy cập: 1234567 - Ghi rõ nguồn khi phát hành lại thông tin từ trang này</td></tr></table></body></html>`,
			esc(a.Title), esc(a.Title), date, paras.String(), a.Image.URL, esc(a.Image.Alt), esc(a.Author))
	case styleOG:
		return fmt.Sprintf(`<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>%s | Tin Phường</title>
<meta property="og:type" content="article"><meta property="og:title" content="%s">
<meta property="og:url" content="%s%s"><meta property="og:description" content="%s">
<meta property="article:section" content="%s"><meta name="author" content="%s">
</head><body><div id="top"><a href="/">Tin Phường</a> | <a href="/tin-moi">Tin mới</a> | <a href="/rss.xml">RSS</a></div>
<div class="qc">Quảng cáo: mua nhà trả góp lãi suất thấp, gọi ngay</div>
<div class="detail"><h1 class="detail-title">%s</h1>
<div class="detail-meta"><span class="author">%s</span> - <span class="ngay-dang">%s</span></div>
<div class="detail-content">%s<figure><img src="%s" alt="%s"><figcaption>%s</figcaption></figure></div></div>
<div class="box-related"><h4>Tin cùng chuyên mục</h4><ul><li><a href="/tin-moi">Các tin khác trong ngày</a></li></ul></div>
<div class="comments"><h4>Ý kiến bạn đọc</h4><p>Chưa có bình luận nào.</p></div>
<div class="footer">Tin Phường - Địa chỉ: số 1 phố Thử Nghiệm - Điện thoại: 024 0000 0000</div></body></html>`,
			esc(a.Title), esc(a.Title), origin, a.Path, esc(a.Paras[0]), esc(a.Section), esc(a.Author),
			esc(a.Title), esc(a.Author), a.Published.Format("02-01-2006 15:04")+" GMT+7", paras.String(),
			a.Image.URL, esc(a.Image.Alt), esc(a.Image.Caption))
	default:
		return fmt.Sprintf(`<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>%s - Báo Thử</title>
<link rel="canonical" href="%s%s">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Báo Thử"},
{"@type":"NewsArticle","headline":%q,"datePublished":%q,"articleSection":%q,"author":[{"@type":"Person","name":%q}]}]}</script>
</head><body><header><nav><a href="/">Trang chủ</a> <a href="/tin-moi">Tin mới</a> <a href="/tin-moi?trang=2">Xã hội</a></nav></header>
<div class="ads">Quảng cáo: vay tiền nhanh trong 5 phút</div>
<main><article><div class="breadcrumb"><a href="/">Trang chủ</a> › <a href="/tin-moi">%s</a></div><h1>%s</h1>
<p class="sapo">%s</p>
<div class="article-body">%s<figure><img src="%s" alt="%s"><figcaption>%s</figcaption></figure>
<div class="box-related-inline"><a href="/tin-moi?utm_source=inline">Xem thêm: Những điểm vui chơi mới cho thiếu nhi dịp hè</a></div></div>
<p class="author">%s</p>
<div class="tags">Từ khóa: <a href="/tin-moi?tag=1">cộng đồng</a> <a href="/tin-moi?tag=2">dân sinh</a></div></article>
<aside><h3>Tin liên quan</h3><ul><li><a href="/tin-moi?utm_source=related">Hàng nghìn người dự ngày hội đọc sách ở công viên</a></li>
<li><a href="/tin-moi?trang=2">Phố đi bộ mở thêm khu ẩm thực vào cuối tuần</a></li></ul></aside>
<section class="comments"><h3>Bình luận (2)</h3><div class="comment"><b>Bạn đọc Hải</b><p>Mong các phường khác cũng làm được như vậy.</p></div>
<div class="comment"><b>Bạn đọc Linh</b><p>Nên có thêm chỗ gửi xe cho người đến tham gia.</p></div></section></main>
<footer>Báo Thử - Giấy phép số 1/GP-BTTTT</footer></body></html>`,
			esc(a.Title), origin, a.Path, a.Title, a.Published.Format(time.RFC3339), a.Section, a.Author,
			esc(a.Section), esc(a.Title), esc(a.Lead), paras.String(), a.Image.URL, esc(a.Image.Alt), esc(a.Image.Caption), esc(a.Author))
	}
}

// checkPoliteness checks the request rate the server saw: in any window of 8 delays, at most 8 requests start,
// plus one for the scheduling jitter between the client's send and the handler's start (tens of milliseconds under
// -race on two cores, so single gaps are not a reliable server-side measure). A crawler letting N requests through
// per delay (colly's LimitRule with parallelism N) shows about 8*N. The client side is checked gap by gap by
// recordingTransport.
func (s *fakeSite) checkPoliteness(t *testing.T, name string, minGap time.Duration, maxInFlight int) {
	t.Helper()
	const windowGaps = 8
	window := windowGaps * minGap
	s.mu.Lock()
	defer s.mu.Unlock()
	starts := slices.Clone(s.starts)
	sort.Slice(starts, func(i, j int) bool { return starts[i].Before(starts[j]) })
	defer func() {
		if t.Failed() {
			for i, st := range s.starts {
				t.Logf("server %s %d %s %s", name, i, st.Format("05.000000"), s.paths[i])
			}
		}
	}()
	for i := range starts {
		n := 0
		for j := i; j < len(starts) && starts[j].Sub(starts[i]) < window; j++ {
			n++
		}
		if n > windowGaps+1 {
			t.Errorf("%s: %d requests started within %v from request %d, want <= %d (server side)", name, n, window, i, windowGaps+1)
		}
	}
	if s.maxInFlight > maxInFlight {
		t.Errorf("%s: %d requests in flight at once, want <= %d", name, s.maxInFlight, maxInFlight)
	}
}

func (s *fakeSite) fullCount(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.full[path]
}

func (s *fakeSite) hitCount(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

// testLogger sends the crawler's log to the test's output, shown with -v or when the test fails.
func testLogger(tb testing.TB) *slog.Logger {
	return slog.New(slog.NewTextHandler(tb.Output(), &slog.HandlerOptions{Level: slog.LevelDebug}))
}

// countingSink records every acknowledged Store per URL; it refuses work after cancellation, as a real store would.
type countingSink struct {
	mu       sync.Mutex
	articles map[string]Article
	stores   map[string]int
	// cancelAfter, when positive, calls cancel once that many articles were stored.
	cancelAfter int
	cancel      context.CancelFunc
	cancelledAt time.Time
	total       int
}

func newCountingSink() *countingSink {
	return &countingSink{articles: map[string]Article{}, stores: map[string]int{}}
}

func (s *countingSink) Store(ctx context.Context, a Article) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("store %s: %w", a.URL, err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.articles[a.URL] = a
	s.stores[a.URL]++
	s.total++
	if s.cancelAfter > 0 && s.total == s.cancelAfter && s.cancel != nil {
		s.cancelledAt = time.Now()
		s.cancel()
	}
	return nil
}

// sinceCancel is how long ago the sink cancelled the crawl.
func (s *countingSink) sinceCancel() time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return time.Since(s.cancelledAt)
}

func (s *countingSink) count() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.total
}

var errNotStored = errors.New("not stored")

func (s *countingSink) get(url string) (Article, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	a, ok := s.articles[url]
	if !ok {
		return Article{}, fmt.Errorf("%s: %w", url, errNotStored)
	}
	return a, nil
}
