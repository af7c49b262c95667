package demo

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"genderlens/config"
	"genderlens/internal/golden"
	"genderlens/internal/wait"
	"genderlens/model"

	"github.com/PuerkitoBio/goquery"
	"github.com/temoto/robotstxt"
)

// testAgent is the user agent the robots.txt checks run as; it must get the `User-agent: *` rules.
const testAgent = "genderlens"

func placeholderContent(t *testing.T) map[string][]Article {
	t.Helper()
	c, err := LoadContent(os.DirFS("testdata"), "content")
	if err != nil {
		t.Fatalf("load placeholder content: %v", err)
	}
	return c
}

// embeddedYAML lists the content files compiled into the package; the real ones are written by other people and
// may not exist yet.
func embeddedYAML(t *testing.T) []string {
	t.Helper()
	names, err := fs.Glob(embedded, "content/*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return names
}

// generatedContent makes enough articles per outlet for several listing pages: one big section and two small ones.
func generatedContent() map[string][]Article {
	out := map[string][]Article{}
	start := time.Date(2026, 3, 20, 9, 0, 0, 0, model.Vietnam())
	for _, o := range Outlets() {
		for i := range 26 {
			sec, name := "thoi-su", "Thời sự"
			if i >= 14 {
				sec, name = []string{"doi-song", "giao-duc"}[i%2], []string{"Đời sống", "Giáo dục"}[i%2]
			}
			a := Article{
				Outlet: o.ID, Slug: fmt.Sprintf("bai-mau-so-%02d", i), Section: sec, SectionName: name,
				Title: fmt.Sprintf("Bài mẫu số %d của %s", i, o.Name), Lead: fmt.Sprintf("Tóm tắt bài mẫu số %d.", i),
				Author: "Phóng viên " + string(rune('A'+i%5)), Quality: "neutral",
				// Every fifth article goes back a month so that monthly sitemaps have more than one file.
				Published: start.Add(-time.Duration(i)*7*time.Hour - time.Duration(i/5)*30*24*time.Hour),
				Body:      fmt.Sprintf("Đoạn một của bài %d.\n\nĐoạn hai của bài %d.\n\nĐoạn ba của bài %d.", i, i, i),
			}
			if i%2 == 0 {
				a.Image = &Image{Alt: fmt.Sprintf("Ảnh minh họa bài %d", i), Caption: fmt.Sprintf("Chú thích ảnh bài %d", i)}
			}
			out[o.ID] = append(out[o.ID], a)
		}
	}
	return out
}

func TestParagraphs(t *testing.T) {
	tests := []struct {
		name, body string
		want       []string
	}{
		{"empty", "", nil},
		{"one", "Một đoạn.\n", []string{"Một đoạn."}},
		{"two", "Đoạn một.\n\nĐoạn hai.\n", []string{"Đoạn một.", "Đoạn hai."}},
		{"wrapped lines join", "Dòng một\ndòng hai.\n\n\n  \nĐoạn hai.", []string{"Dòng một dòng hai.", "Đoạn hai."}},
		{"crlf", "A.\r\n\r\nB.\r\n", []string{"A.", "B."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Paragraphs(tt.body); !slices.Equal(got, tt.want) {
				t.Errorf("Paragraphs(%q) = %q, want %q", tt.body, got, tt.want)
			}
		})
	}
}

func TestLoadContentPlaceholders(t *testing.T) {
	c := placeholderContent(t)
	for _, o := range Outlets() {
		arts := c[o.ID]
		if len(arts) < 2 {
			t.Errorf("%s: %d placeholder articles, want at least 2", o.ID, len(arts))
		}
		for _, a := range arts {
			if a.Outlet != o.ID {
				t.Errorf("%s/%s: Outlet = %q", o.ID, a.Slug, a.Outlet)
			}
			if a.Published.IsZero() {
				t.Errorf("%s/%s: Published is zero", o.ID, a.Slug)
			}
		}
	}
	if got := c[outletBaohotay][0].Published; !got.Equal(time.Date(2026, 3, 7, 8, 15, 0, 0, model.Vietnam())) {
		t.Errorf("published parsed as %v", got)
	}
}

func TestLoadContentErrors(t *testing.T) {
	const good = `  - slug: bai-mot
    section: xa-hoi
    section_name: Xã hội
    title: "Tiêu đề"
    lead: "Tóm tắt."
    author: "Minh Châu"
    published: "2026-03-07T08:15:00+07:00"
    quality: neutral
    sources: {female: 0, male: 0, unknown: 0}
    flagged: []
    body: |
      Đoạn một có phái yếu.
`
	minimal := func(outlet string) string { return "outlet: " + outlet + "\narticles:\n" + good }
	files := func(over map[string]string) fstest.MapFS {
		m := fstest.MapFS{}
		for _, o := range Outlets() {
			m["c/"+o.ID+".yaml"] = &fstest.MapFile{Data: []byte(minimal(o.ID))}
		}
		for k, v := range over {
			if v == "" {
				delete(m, k)
				continue
			}
			m[k] = &fstest.MapFile{Data: []byte(v)}
		}
		return m
	}
	tests := []struct {
		name string
		over map[string]string
		want []string // substrings of the error
	}{
		{"valid", nil, nil},
		{"missing file", map[string]string{"c/hoasen.yaml": ""}, []string{"c/hoasen.yaml", "missing content file"}},
		{"outlet mismatch", map[string]string{"c/hoasen.yaml": minimal("songhong")}, []string{"c/hoasen.yaml", "does not match"}},
		{"unknown outlet", map[string]string{"c/hoasen.yaml": minimal("baomoi")}, []string{"c/hoasen.yaml", "unknown outlet"}},
		{"unknown field", map[string]string{"c/hoasen.yaml": minimal("hoasen") + "    note: x\n"}, []string{"c/hoasen.yaml", "note"}},
		{"nested typo", map[string]string{"c/hoasen.yaml": strings.Replace(minimal("hoasen"), "unknown: 0", "unknwn: 0", 1)},
			[]string{"c/hoasen.yaml", `articles[0].sources.unknwn: unknown key "unknwn" (did you mean "unknown"?)`}},
		{"bad date", map[string]string{"c/hoasen.yaml": strings.Replace(minimal("hoasen"), "2026-03-07T08:15:00+07:00", "07/03/2026", 1)},
			[]string{"c/hoasen.yaml", `slug "bai-mot"`, "RFC 3339"}},
		{"duplicate slug", map[string]string{"c/hoasen.yaml": minimal("hoasen") + good}, []string{"c/hoasen.yaml", "article 2", "duplicates article 1"}},
		{"flag not in text", map[string]string{"c/songhong.yaml": strings.Replace(minimal("songhong"), "flagged: []", `flagged: [{text: "chân dài", category: sexualised}]`, 1)},
			[]string{"c/songhong.yaml", `slug "bai-mot"`, `"chân dài"`, "verbatim"}},
		{"bad category", map[string]string{"c/songhong.yaml": strings.Replace(minimal("songhong"), "flagged: []", `flagged: [{text: "phái yếu", category: "Khuôn mẫu"}]`, 1)},
			[]string{"bad category"}},
		{"bad quality", map[string]string{"c/baohotay.yaml": strings.Replace(minimal("baohotay"), "quality: neutral", "quality: good", 1)},
			[]string{"c/baohotay.yaml", `quality "good"`}},
		{"male_only with women", map[string]string{"c/baohotay.yaml": strings.Replace(minimal("baohotay"), "quality: neutral", "quality: male_only", 1)},
			[]string{"male_only needs male sources"}},
		{"non-ascii slug", map[string]string{"c/baohotay.yaml": strings.Replace(minimal("baohotay"), "slug: bai-mot", "slug: bài-một", 1)},
			[]string{"lowercase ASCII"}},
		{"reserved section", map[string]string{"c/baohotay.yaml": strings.Replace(minimal("baohotay"), "section: xa-hoi", "section: tim-kiem", 1)},
			[]string{"reserved"}},
		{"empty title", map[string]string{"c/baohotay.yaml": strings.Replace(minimal("baohotay"), `title: "Tiêu đề"`, `title: ""`, 1)},
			[]string{"title is empty"}},
		{"body repeats title", map[string]string{"c/baohotay.yaml": strings.Replace(minimal("baohotay"), "      Đoạn một có phái yếu.\n", "      Tiêu đề\n\n      Đoạn hai.\n", 1)},
			[]string{"repeats the title"}},
		{"section renamed", map[string]string{"c/baohotay.yaml": minimal("baohotay") + strings.Replace(strings.Replace(good, "bai-mot", "bai-hai", 1), "section_name: Xã hội", "section_name: Xa hoi", 1)},
			[]string{`section "xa-hoi" is named "Xa hoi"`}},
		{"no articles", map[string]string{"c/baohotay.yaml": "outlet: baohotay\narticles: []\n"}, []string{"no articles"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := LoadContent(files(tt.over), "c")
			if tt.want == nil {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				if len(c) != 3 {
					t.Fatalf("got %d outlets", len(c))
				}
				return
			}
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
		})
	}
}

// TestEmbeddedContent checks the real content files once they exist.
func TestEmbeddedContent(t *testing.T) {
	if len(embeddedYAML(t)) == 0 {
		t.Skip("internal/demo/content/*.yaml not written yet")
	}
	c, err := Content()
	if err != nil {
		t.Fatalf("Content: %v", err)
	}
	total := 0
	classes := map[string]bool{}
	for _, o := range Outlets() {
		if len(c[o.ID]) == 0 {
			t.Errorf("outlet %s has no articles", o.ID)
		}
		total += len(c[o.ID])
		for _, a := range c[o.ID] {
			classes[a.Quality] = true
		}
	}
	if total < 60 {
		t.Errorf("%d articles in total, want at least 60", total)
	}
	for _, q := range Qualities() {
		if !classes[q] {
			t.Errorf("no article of quality %s in any outlet", q)
		}
	}
}

// TestArticles checks that Articles is Content flattened in Outlets order, each article naming its outlet.
func TestArticles(t *testing.T) {
	c, err := Content()
	if err != nil {
		t.Fatalf("Content: %v", err)
	}
	got, err := Articles()
	if err != nil {
		t.Fatalf("Articles: %v", err)
	}
	var want []Article
	for _, o := range Outlets() {
		want = append(want, c[o.ID]...)
	}
	if len(got) != len(want) {
		t.Fatalf("Articles: %d articles, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i].Outlet != want[i].Outlet || got[i].Slug != want[i].Slug {
			t.Errorf("article %d: %s/%s, want %s/%s", i, got[i].Outlet, got[i].Slug, want[i].Outlet, want[i].Slug)
		}
		if got[i].Outlet == "" {
			t.Errorf("article %d (%s) names no outlet", i, got[i].Slug)
		}
	}
}

// client talks to the loopback servers only.
func client() *http.Client { return &http.Client{Timeout: 10 * time.Second} }

func get(t *testing.T, c *http.Client, u string) (*http.Response, []byte) {
	t.Helper()
	resp, err := c.Get(u)
	if err != nil {
		t.Fatalf("GET %s: %v", u, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("read %s: %v", u, err)
	}
	return resp, b
}

func parseHTML(t *testing.T, u string, b []byte) *goquery.Document {
	t.Helper()
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("parse %s: %v", u, err)
	}
	return doc
}

// checkPage checks what every HTML page must have: Vietnamese, UTF-8, declared as such.
func checkPage(t *testing.T, u string, resp *http.Response, doc *goquery.Document) {
	t.Helper()
	if ct := resp.Header.Get("Content-Type"); ct != "text/html; charset=utf-8" {
		t.Errorf("%s: Content-Type %q", u, ct)
	}
	if lang, _ := doc.Find("html").Attr("lang"); lang != "vi" {
		t.Errorf("%s: html lang %q", u, lang)
	}
	if cs, _ := doc.Find("head meta[charset]").Attr("charset"); !strings.EqualFold(cs, "utf-8") {
		t.Errorf("%s: meta charset %q", u, cs)
	}
}

func contentSets(t *testing.T) []struct {
	name    string
	content map[string][]Article
} {
	sets := []struct {
		name    string
		content map[string][]Article
	}{
		{"placeholders", placeholderContent(t)},
		{"generated", generatedContent()},
	}
	if len(embeddedYAML(t)) > 0 {
		if c, err := Content(); err == nil {
			sets = append(sets, struct {
				name    string
				content map[string][]Article
			}{"embedded", c})
		} else {
			t.Errorf("embedded content present but invalid: %v", err)
		}
	}
	return sets
}

// outletExpect says where each outlet's style puts the parts of an article.
type outletExpect struct {
	title, byline, lead, paras string
	date                       func(time.Time) string
	jsonLD, og, canonical      bool
	feed                       string
	listLinks, next            string
}

func expectations() map[string]outletExpect {
	return map[string]outletExpect{
		outletBaohotay: {
			title: "h1.article-title", byline: ".article-meta .author", lead: "p.sapo", paras: "div.article-body > p",
			date: longDateVN, jsonLD: true, og: true, canonical: true, feed: "/rss.xml",
			listLinks: ".story-title a", next: "nav.pagination a.next",
		},
		outletHoasen: {
			title: "td.tieu-de-tin h2", byline: `td.noi-dung > p[align="right"] > b`, lead: "td.tom-tat b",
			paras: `td.noi-dung > p[align="justify"]`, date: longDateVN,
			listLinks: "table.ds-tin a.tieu-de", next: ".phan-trang a:contains('Trang sau')",
		},
		outletSonghong: {
			title: "h1.title", byline: ".meta .author", lead: ".summary strong", paras: "div.content > p",
			date: func(t time.Time) string { return t.Format("02-01-2006 15:04") + " GMT+7" }, og: true,
			feed: "/rss/tin-tuc.rss", listLinks: ".news-item h3 a", next: ".paging a.next",
		},
	}
}

func TestSites(t *testing.T) {
	for _, set := range contentSets(t) {
		t.Run(set.name, func(t *testing.T) {
			s, err := StartContent(t.Context(), set.content, nil)
			if err != nil {
				t.Fatalf("StartContent: %v", err)
			}
			t.Cleanup(func() {
				if err := s.Close(); err != nil {
					t.Errorf("Close: %v", err)
				}
			})
			checkConfig(t, s)
			for _, o := range Outlets() {
				t.Run(o.ID, func(t *testing.T) {
					arts := set.content[o.ID]
					c := client()
					robots := checkRobots(t, c, s, o.ID)
					t.Run("sitemaps", func(t *testing.T) { checkSitemaps(t, c, s, arts) })
					t.Run("feed", func(t *testing.T) { checkFeed(t, c, s, o.ID, arts) })
					t.Run("articles", func(t *testing.T) { checkArticles(t, c, s, o.ID, arts) })
					t.Run("pagination", func(t *testing.T) { checkPagination(t, c, s, o.ID, arts) })
					t.Run("links", func(t *testing.T) { checkLinks(t, c, s, o.ID, arts, robots) })
					t.Run("not found", func(t *testing.T) { checkNotFound(t, c, s, o.ID, arts) })
				})
			}
		})
	}
}

func checkConfig(t *testing.T, s *Site) {
	t.Helper()
	cfg := s.Config()
	if len(cfg) != 3 {
		t.Fatalf("Config has %d outlets", len(cfg))
	}
	hosts := map[string]bool{}
	for i, o := range Outlets() {
		c := cfg[i]
		base := s.URL(o.ID)
		u, err := url.Parse(base)
		if err != nil || u.Hostname() != "127.0.0.1" {
			t.Errorf("%s: URL %q is not on 127.0.0.1", o.ID, base)
			continue
		}
		hosts[u.Host] = true
		want := config.Outlet{
			ID: o.ID, Name: o.Name, Kind: o.Kind, StartURLs: []string{base + "/"}, Sitemaps: []string{base + "/sitemap.xml"},
			AllowedHosts: []string{u.Host},
		}
		if f := expectations()[o.ID].feed; f != "" {
			want.Feeds = []string{base + f}
		}
		if fmt.Sprint(c) != fmt.Sprint(want) {
			t.Errorf("Config()[%d] = %+v, want %+v", i, c, want)
		}
		if !slices.Contains(model.OutletKinds(), c.Kind) {
			t.Errorf("%s: kind %q is not a config kind", o.ID, c.Kind)
		}
	}
	if len(hosts) != 3 {
		t.Errorf("outlets share hosts: %v", hosts)
	}
	if s.URL("nope") != "" || s.ArticleURL(Article{Outlet: "nope", Slug: "x"}) != "" {
		t.Error("unknown outlet has a URL")
	}
}

func checkRobots(t *testing.T, c *http.Client, s *Site, id string) *robotstxt.Group {
	t.Helper()
	base := s.URL(id)
	resp, b := get(t, c, base+"/robots.txt")
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/plain") {
		t.Fatalf("robots.txt: %s %s", resp.Status, resp.Header.Get("Content-Type"))
	}
	r, err := robotstxt.FromBytes(b)
	if err != nil {
		t.Fatalf("parse robots.txt: %v", err)
	}
	if !slices.Equal(r.Sitemaps, []string{base + "/sitemap.xml"}) {
		t.Errorf("robots.txt sitemaps %q", r.Sitemaps)
	}
	g := r.FindGroup(testAgent)
	if !g.Test("/") {
		t.Error("robots.txt forbids the home page")
	}
	switch id {
	case outletBaohotay:
		for _, p := range []string{"/tim-kiem", "/tim-kiem?q=phụ+nữ"} {
			if g.Test(p) {
				t.Errorf("robots.txt allows %s", p)
			}
		}
		resp, b := get(t, c, base+"/tim-kiem?q=")
		if resp.StatusCode != http.StatusOK {
			t.Errorf("search page: %s", resp.Status)
		} else if parseHTML(t, "search", b).Find(".story-title a").Length() == 0 {
			t.Error("search page links to no article")
		}
	case outletHoasen:
		if g.CrawlDelay != 200*time.Millisecond {
			t.Errorf("crawl delay %v, want 200ms", g.CrawlDelay)
		}
	}
	return g
}

func articleURLs(s *Site, arts []Article) map[string]bool {
	m := map[string]bool{}
	for _, a := range arts {
		m[s.ArticleURL(a)] = true
	}
	return m
}

// checkEachOnce reports article URLs missing from got or listed more than once, and listed URLs that are no article.
func checkEachOnce(t *testing.T, what string, got []string, want map[string]bool) {
	t.Helper()
	n := map[string]int{}
	for _, u := range got {
		n[u]++
	}
	for u := range want {
		if n[u] != 1 {
			t.Errorf("%s lists %s %d times, want once", what, u, n[u])
		}
	}
}

func checkSitemaps(t *testing.T, c *http.Client, s *Site, arts []Article) {
	base := s.URL(arts[0].Outlet)
	var locs []string
	queue := []string{base + "/sitemap.xml"}
	for len(queue) > 0 {
		u := queue[0]
		queue = queue[1:]
		resp, b := get(t, c, u)
		if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/xml") {
			t.Fatalf("%s: %s %s", u, resp.Status, resp.Header.Get("Content-Type"))
		}
		type entry struct {
			Loc     string `xml:"loc"`
			LastMod string `xml:"lastmod"`
		}
		var doc struct {
			XMLName  xml.Name
			URLs     []entry `xml:"url"`
			Sitemaps []entry `xml:"sitemap"`
		}
		if err := xml.Unmarshal(b, &doc); err != nil {
			t.Fatalf("%s: %v", u, err)
		}
		switch doc.XMLName.Local {
		case "sitemapindex":
			for _, sm := range doc.Sitemaps {
				if sm.LastMod == "" {
					t.Errorf("%s: sitemap %s has no lastmod", u, sm.Loc)
				}
				queue = append(queue, sm.Loc)
			}
		case "urlset":
			for _, x := range doc.URLs {
				locs = append(locs, x.Loc)
			}
		default:
			t.Fatalf("%s: root element %q", u, doc.XMLName.Local)
		}
	}
	checkEachOnce(t, "sitemaps", locs, articleURLs(s, arts))
	for _, u := range locs {
		if !strings.HasPrefix(u, base+"/") {
			t.Errorf("sitemap URL %s is not on %s", u, base)
		}
		if resp, _ := get(t, c, u); resp.StatusCode != http.StatusOK {
			t.Errorf("sitemap URL %s: %s", u, resp.Status)
		}
	}
}

func checkFeed(t *testing.T, c *http.Client, s *Site, id string, arts []Article) {
	feed := expectations()[id].feed
	if feed == "" {
		if resp, _ := get(t, c, s.URL(id)+"/rss.xml"); resp.StatusCode != http.StatusNotFound {
			t.Errorf("outlet without feed serves /rss.xml: %s", resp.Status)
		}
		return
	}
	resp, b := get(t, c, s.URL(id)+feed)
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/rss+xml") {
		t.Fatalf("feed: %s %s", resp.Status, resp.Header.Get("Content-Type"))
	}
	var doc struct {
		Channel struct {
			Items []struct {
				Title   string `xml:"title"`
				Link    string `xml:"link"`
				PubDate string `xml:"pubDate"`
				Creator string `xml:"http://purl.org/dc/elements/1.1/ creator"`
			} `xml:"item"`
		} `xml:"channel"`
	}
	if err := xml.Unmarshal(b, &doc); err != nil {
		t.Fatalf("parse feed: %v", err)
	}
	var links []string
	bySlugURL := map[string]Article{}
	for _, a := range arts {
		bySlugURL[s.ArticleURL(a)] = a
	}
	for _, it := range doc.Channel.Items {
		links = append(links, it.Link)
		a, ok := bySlugURL[it.Link]
		if !ok {
			t.Errorf("feed item %s is no article", it.Link)
			continue
		}
		pub, err := time.Parse(time.RFC1123Z, it.PubDate)
		if it.Title != a.Title || it.Creator != a.Author || err != nil || !pub.Equal(a.Published) {
			t.Errorf("feed item %s = %q by %q at %q", it.Link, it.Title, it.Creator, it.PubDate)
		}
	}
	if len(links) != len(arts) {
		t.Errorf("feed has %d items for %d articles", len(links), len(arts))
	}
	checkEachOnce(t, "feed", links, articleURLs(s, arts))
}

func checkArticles(t *testing.T, c *http.Client, s *Site, id string, arts []Article) {
	ex := expectations()[id]
	for _, a := range arts {
		u := s.ArticleURL(a)
		resp, b := get(t, c, u)
		if resp.StatusCode != http.StatusOK {
			t.Errorf("%s: %s", u, resp.Status)
			continue
		}
		doc := parseHTML(t, u, b)
		checkPage(t, u, resp, doc)
		text := func(sel string) string { return strings.TrimSpace(doc.Find(sel).First().Text()) }
		if got := text(ex.title); got != a.Title {
			t.Errorf("%s: title element %q, want %q", u, got, a.Title)
		}
		if got := text("title"); !strings.Contains(got, a.Title) {
			t.Errorf("%s: <title> %q lacks the title", u, got)
		}
		if got := text(ex.byline); got != a.Author {
			t.Errorf("%s: byline %q, want %q", u, got, a.Author)
		}
		if got := text(ex.lead); got != a.Lead {
			t.Errorf("%s: lead %q, want %q", u, got, a.Lead)
		}
		var paras []string
		doc.Find(ex.paras).Each(func(_ int, p *goquery.Selection) { paras = append(paras, strings.TrimSpace(p.Text())) })
		if !slices.Equal(paras, Paragraphs(a.Body)) {
			t.Errorf("%s: body paragraphs %q, want %q", u, paras, Paragraphs(a.Body))
		}
		if !strings.Contains(doc.Text(), ex.date(a.Published.In(model.Vietnam()))) {
			t.Errorf("%s: visible date %q missing", u, ex.date(a.Published.In(model.Vietnam())))
		}
		if a.Image != nil {
			img := doc.Find("img").FilterFunction(func(_ int, s *goquery.Selection) bool {
				alt, _ := s.Attr("alt")
				return alt == a.Image.Alt
			})
			src, _ := img.Attr("src")
			if img.Length() != 1 || !strings.Contains(doc.Text(), a.Image.Caption) {
				t.Errorf("%s: image %q or caption missing", u, a.Image.Alt)
			} else if r, _ := get(t, c, s.URL(id)+src); r.StatusCode != http.StatusOK || r.Header.Get("Content-Type") != "image/svg+xml" {
				t.Errorf("%s: image %s: %s", u, src, r.Status)
			}
		}
		canon, _ := doc.Find(`link[rel="canonical"]`).Attr("href")
		if ex.canonical != (canon == u) {
			t.Errorf("%s: canonical %q", u, canon)
		}
		checkOG(t, u, doc, a, ex.og)
		checkJSONLD(t, u, doc, a, ex.jsonLD)
		if ex.canonical {
			// Tracking parameters must not break the page; the canonical link still names the clean URL.
			resp, b := get(t, c, u+"?utm_source=facebook&utm_medium=social")
			canon, _ := parseHTML(t, u, b).Find(`link[rel="canonical"]`).Attr("href")
			if resp.StatusCode != http.StatusOK || canon != u {
				t.Errorf("%s with utm: %s, canonical %q", u, resp.Status, canon)
			}
		}
	}
}

func checkOG(t *testing.T, u string, doc *goquery.Document, a Article, want bool) {
	t.Helper()
	meta := func(sel string) string { v, _ := doc.Find(sel).Attr("content"); return v }
	if !want {
		if n := doc.Find(`meta[property^="og:"], meta[property^="article:"]`).Length(); n != 0 {
			t.Errorf("%s: %d OpenGraph tags on a site without them", u, n)
		}
		return
	}
	if got := meta(`meta[property="og:title"]`); got != a.Title {
		t.Errorf("%s: og:title %q", u, got)
	}
	if got := meta(`meta[property="og:url"]`); got != u {
		t.Errorf("%s: og:url %q", u, got)
	}
	if pt, err := time.Parse(time.RFC3339, meta(`meta[property="article:published_time"]`)); err != nil || !pt.Equal(a.Published) {
		t.Errorf("%s: article:published_time %v %v", u, pt, err)
	}
	if a.Outlet == outletSonghong {
		if got := meta(`meta[name="author"]`); got != a.Author {
			t.Errorf("%s: meta author %q", u, got)
		}
	}
}

func checkJSONLD(t *testing.T, u string, doc *goquery.Document, a Article, want bool) {
	t.Helper()
	scripts := doc.Find(`script[type="application/ld+json"]`)
	if !want {
		if scripts.Length() != 0 {
			t.Errorf("%s: JSON-LD on a site without it", u)
		}
		return
	}
	var ld struct {
		Type          string   `json:"@type"`
		Headline      string   `json:"headline"`
		DatePublished string   `json:"datePublished"`
		Section       string   `json:"articleSection"`
		Image         []string `json:"image"`
		Author        []struct {
			Name string `json:"name"`
		} `json:"author"`
	}
	if err := json.Unmarshal([]byte(scripts.First().Text()), &ld); err != nil {
		t.Errorf("%s: JSON-LD: %v", u, err)
		return
	}
	pub, err := time.Parse(time.RFC3339, ld.DatePublished)
	if ld.Type != "NewsArticle" || ld.Headline != a.Title || err != nil || !pub.Equal(a.Published) ||
		ld.Section != a.SectionName || len(ld.Image) != 1 || len(ld.Author) != 1 || ld.Author[0].Name != a.Author {
		t.Errorf("%s: JSON-LD %+v", u, ld)
	}
}

// checkPagination follows each listing's "next" links and checks that together they reach every article.
func checkPagination(t *testing.T, c *http.Client, s *Site, id string, arts []Article) {
	ex := expectations()[id]
	h := s.Handler(id)
	starts := h.ListingURLs()[1:]
	if id == outletHoasen {
		starts = append(starts, h.URL()+"/tin-tuc/")
	}
	all, missing := articleURLs(s, arts), articleURLs(s, arts)
	for _, start := range starts {
		reached := map[string]bool{}
		pages := 0
		for u := start; u != ""; pages++ {
			if pages > 50 {
				t.Fatalf("%s: pagination does not end", start)
			}
			resp, b := get(t, c, u)
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("%s: %s", u, resp.Status)
			}
			doc := parseHTML(t, u, b)
			checkPage(t, u, resp, doc)
			n := doc.Find(ex.listLinks).Each(func(_ int, a *goquery.Selection) {
				href, _ := a.Attr("href")
				reached[resolve(t, u, href)] = true
			}).Length()
			if n == 0 || n > h.perPage() {
				t.Errorf("%s: %d items on a page of %d", u, n, h.perPage())
			}
			u = ""
			if href, ok := doc.Find(ex.next).First().Attr("href"); ok {
				u = resolve(t, start, href)
			}
		}
		for r := range reached {
			if !all[r] {
				t.Errorf("%s lists %s, which is no article", start, r)
			}
			delete(missing, r)
		}
	}
	for u := range missing {
		t.Errorf("no listing reaches %s", u)
	}
}

func resolve(t *testing.T, base, href string) string {
	t.Helper()
	b, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	r, err := b.Parse(href)
	if err != nil {
		t.Fatalf("bad link %q on %s: %v", href, base, err)
	}
	r.Fragment = ""
	return r.String()
}

// checkLinks crawls the site politely from the home page, without expanding article pages, and checks that every
// link works, that robots.txt keeps the crawl out of the search page and that every article is reachable.
func checkLinks(t *testing.T, c *http.Client, s *Site, id string, arts []Article, robots *robotstxt.Group) {
	base := s.URL(id)
	want := articleURLs(s, arts)
	seen := map[string]bool{}
	queue := []string{base + "/"}
	disallowed := 0
	for len(queue) > 0 {
		u := queue[0]
		queue = queue[1:]
		if len(seen) > 600 {
			t.Fatal("site has too many pages")
		}
		resp, b := get(t, c, u)
		if resp.StatusCode != http.StatusOK {
			t.Errorf("%s: %s", u, resp.Status)
			continue
		}
		clean, _, _ := strings.Cut(u, "?")
		if want[clean] || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
			delete(want, clean)
			continue
		}
		doc := parseHTML(t, u, b)
		checkPage(t, u, resp, doc)
		doc.Find("a[href]").Each(func(_ int, a *goquery.Selection) {
			href, _ := a.Attr("href")
			next := resolve(t, u, href)
			nu, err := url.Parse(next)
			if err != nil || nu.Scheme+"://"+nu.Host != base {
				t.Errorf("%s links off the site: %s", u, next)
				return
			}
			if !robots.Test(nu.RequestURI()) {
				disallowed++
				return
			}
			if !seen[next] {
				seen[next] = true
				queue = append(queue, next)
			}
		})
	}
	for u := range want {
		t.Errorf("crawl from the home page never reaches %s", u)
	}
	if id == outletBaohotay && disallowed == 0 {
		t.Error("no page links to the disallowed search page")
	}
}

func checkNotFound(t *testing.T, c *http.Client, s *Site, id string, arts []Article) {
	base := s.URL(id)
	a := arts[0]
	paths := []string{"/khong-co-trang", "/khong-co-trang/", "/favicon.ico", "/static/khong-co.css", "/sitemaps/bai-viet-1999-01.xml"}
	switch id {
	case outletBaohotay:
		paths = append(paths, "/"+a.Section+"/khong-co-bai-12345.html", "/"+a.Section+"/trang-99", "/"+a.Section+"/trang-0",
			"/"+a.Section+"/trang-02", "/"+a.Section+"/"+a.Slug+".html")
	case outletHoasen:
		paths = append(paths, "/tin-tuc/khong-co.html", "/tin-tuc/?trang=99", "/tin-tuc/?trang=x",
			"/chuyen-muc/"+a.Section+"/?trang=0", "/chuyen-muc/khong-co/", "/tin-tuc/"+a.Slug)
	case outletSonghong:
		paths = append(paths, "/tin/"+a.Section+"/khong-co", "/tin/"+a.Section+"/?page=99", "/tin/khong-co/",
			"/tin/"+a.Section+"/"+a.Slug+"/", "/rss.xml")
	}
	for _, p := range paths {
		resp, b := get(t, c, base+p)
		if resp.StatusCode != http.StatusNotFound {
			t.Errorf("%s: %s, want 404", p, resp.Status)
			continue
		}
		checkPage(t, p, resp, parseHTML(t, p, b))
	}
}

func TestHandlerBasics(t *testing.T) {
	c := placeholderContent(t)
	h, err := NewHandler(outletBaohotay, c[outletBaohotay], "http://127.0.0.1:8001")
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(h)
	defer ts.Close()
	noFollow := &http.Client{Timeout: 10 * time.Second, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}
	tests := []struct {
		method, path string
		status       int
		location     string
	}{
		{http.MethodGet, "/", http.StatusOK, ""},
		{http.MethodHead, "/", http.StatusOK, ""},
		{http.MethodPost, "/", http.StatusMethodNotAllowed, ""},
		{http.MethodGet, "/xa-hoi", http.StatusMovedPermanently, "/xa-hoi/"},
		{http.MethodGet, "/xa-hoi/trang-1", http.StatusMovedPermanently, "/xa-hoi/"},
		{http.MethodGet, "/static/style.css", http.StatusOK, ""},
		{http.MethodGet, "/static/logo.svg", http.StatusOK, ""},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.path, func(t *testing.T) {
			req, err := http.NewRequestWithContext(t.Context(), tt.method, ts.URL+tt.path, nil)
			if err != nil {
				t.Fatal(err)
			}
			resp, err := noFollow.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != tt.status || resp.Header.Get("Location") != tt.location {
				t.Errorf("got %s Location %q", resp.Status, resp.Header.Get("Location"))
			}
		})
	}
}

func TestNewHandlerErrors(t *testing.T) {
	good := placeholderContent(t)[outletHoasen]
	dup := append(slices.Clone(good), good[0])
	noDate := slices.Clone(good)
	noDate[0].Published = time.Time{}
	tests := []struct {
		name, outlet, base string
		arts               []Article
		want               string
	}{
		{"unknown outlet", "baomoi", "http://127.0.0.1:1", good, "unknown outlet"},
		{"base with path", outletHoasen, "http://127.0.0.1:1/x", good, "scheme://host"},
		{"base without scheme", outletHoasen, "127.0.0.1:1", good, "base URL"},
		{"no articles", outletHoasen, "http://127.0.0.1:1", nil, "no articles"},
		{"duplicate slug", outletHoasen, "http://127.0.0.1:1", dup, "duplicates"},
		{"no date", outletHoasen, "http://127.0.0.1:1", noDate, "published is missing"},
		{"other outlet", outletBaohotay, "http://127.0.0.1:1", good, `belongs to outlet "hoasen"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewHandler(tt.outlet, tt.arts, tt.base)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want %q", err, tt.want)
			}
		})
	}
}

func TestSiteLifecycle(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	s, err := StartContent(ctx, placeholderContent(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	c := client()
	for _, o := range Outlets() {
		if resp, _ := get(t, c, s.URL(o.ID)+"/"); resp.StatusCode != http.StatusOK {
			t.Errorf("%s home: %s", o.ID, resp.Status)
		}
	}
	if got := s.Requests(); got != 3 {
		t.Errorf("Requests() = %d after 3 requests", got)
	}
	cancel()
	wait.For(t, 5*time.Second, func() error {
		resp, err := c.Get(s.URL(outletHoasen) + "/")
		if err != nil {
			return nil
		}
		resp.Body.Close()
		return errors.New("site still serving after its context was cancelled")
	})
	if err := s.Close(); err != nil {
		t.Errorf("Close after cancel: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
}

// TestSiteKeepsAddresses checks that a restart given the previous addresses serves every outlet at the same address
// (so stored article URLs keep working), and that an address taken meanwhile, or not on loopback, gives a free
// loopback port instead of an error.
func TestSiteKeepsAddresses(t *testing.T) {
	content := placeholderContent(t)
	first, err := StartContent(t.Context(), content, nil)
	if err != nil {
		t.Fatal(err)
	}
	addrs := map[string]string{}
	for _, o := range Outlets() {
		addrs[o.ID] = first.Addr(o.ID)
	}
	if err := first.Close(); err != nil {
		t.Fatal(err)
	}

	again, err := StartContent(t.Context(), content, addrs)
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range Outlets() {
		if got := again.Addr(o.ID); got != addrs[o.ID] {
			t.Errorf("%s restarted at %s, want %s", o.ID, got, addrs[o.ID])
		}
		if got, want := again.URL(o.ID), "http://"+addrs[o.ID]; got != want {
			t.Errorf("%s URL %s, want %s", o.ID, got, want)
		}
	}
	if err := again.Close(); err != nil {
		t.Fatal(err)
	}

	// Another program took the first outlet's port; the second asks for an address beyond loopback.
	taken, err := net.Listen("tcp", addrs[outletBaohotay])
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	addrs[outletHoasen] = "0.0.0.0:" + strings.Split(addrs[outletHoasen], ":")[1]
	moved, err := StartContent(t.Context(), content, addrs)
	if err != nil {
		t.Fatalf("a taken or non-loopback address stopped the demo: %v", err)
	}
	defer moved.Close()
	for _, id := range []string{outletBaohotay, outletHoasen} {
		got := moved.Addr(id)
		if got == addrs[id] || !strings.HasPrefix(got, "127.0.0.1:") {
			t.Errorf("%s at %s, want another loopback port than %s", id, got, addrs[id])
		}
		if resp, _ := get(t, client(), moved.URL(id)+"/"); resp.StatusCode != http.StatusOK {
			t.Errorf("%s home: %s", id, resp.Status)
		}
	}
	if got := moved.Addr(outletSonghong); got != addrs[outletSonghong] {
		t.Errorf("%s at %s, want its free address %s kept", outletSonghong, got, addrs[outletSonghong])
	}
}

func TestStartEmbedded(t *testing.T) {
	s, err := Start(t.Context(), nil)
	if len(embeddedYAML(t)) == 0 {
		if err == nil {
			s.Close()
			t.Fatal("Start succeeded without content files")
		}
		t.Skipf("no content files yet: %v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	c, _ := Content()
	a := c[outletSonghong][0]
	if resp, _ := get(t, client(), s.ArticleURL(a)); resp.StatusCode != http.StatusOK {
		t.Errorf("%s: %s", s.ArticleURL(a), resp.Status)
	}
}

// goldenArticles are fixed so that the golden pages do not change when the content files do. The first article
// has an image, a long body (for the in-article ad) and characters that must be escaped.
func goldenArticles(outlet string) []Article {
	pub := time.Date(2026, 3, 7, 8, 15, 0, 0, model.Vietnam())
	return []Article{
		{
			Outlet: outlet, Slug: "nu-ky-su-cau-duong", Section: "xa-hoi", SectionName: "Xã hội",
			Title:  `Nữ kỹ sư "vượt rào" & những cây cầu <mới>`,
			Lead:   "Sau mười năm làm việc trên công trường, chị Lan trở thành chỉ huy trưởng công trình cầu đầu tiên của công ty.",
			Author: "Minh Châu", Quality: "gender_marking", Published: pub,
			Sources: SourceCounts{Female: 2, Male: 1},
			Flagged: []FlaggedPhrase{{Text: "Nữ kỹ sư", Category: "gender_marking"}},
			Image:   &Image{Alt: "Chị Lan kiểm tra cốt thép trên mặt cầu", Caption: "Chị Lan (phải) kiểm tra cốt thép sáng 6/3."},
			Body: "Chị Nguyễn Thị Lan, 38 tuổi, bắt đầu đi công trường từ năm 2016.\n\n" +
				"\"Ban đầu nhiều người hỏi tôi có chịu nổi nắng gió không\", chị kể.\n\n" +
				"Anh Trần Văn Hải, đồng nghiệp của chị, nói chị là người đọc bản vẽ nhanh nhất đội.\n\n" +
				"Bà Phạm Thu Hằng, giám đốc công ty, cho biết sẽ bổ nhiệm thêm hai chỉ huy trưởng trong năm nay.\n\n" +
				"Cây cầu dự kiến thông xe vào cuối năm 2026.",
		},
		{
			Outlet: outlet, Slug: "thu-vien-mo-cua-toi", Section: "xa-hoi", SectionName: "Xã hội",
			Title: "Thư viện phường mở cửa đến 21 giờ", Lead: "Từ tháng 3, thư viện phường mở cửa thêm buổi tối.",
			Author: "Hoàng Anh", Quality: "neutral", Published: pub.Add(-26 * time.Hour),
			Body: "Thư viện có hơn năm nghìn đầu sách.\n\nBạn đọc được mượn tối đa ba cuốn.",
		},
		{
			Outlet: outlet, Slug: "gia-rau-tang", Section: "kinh-te", SectionName: "Kinh tế",
			Title: "Giá rau xanh tăng sau đợt rét", Lead: "Giá rau tại các chợ tăng 20-30% so với tuần trước.",
			Author: "Quốc Việt", Quality: "male_only", Published: pub.Add(-50 * time.Hour),
			Sources: SourceCounts{Male: 1},
			Body:    "Ông Lê Văn Tư, tiểu thương chợ Hồ Tây, cho biết nguồn hàng giảm một nửa.",
		},
	}
}

func TestGoldenArticlePages(t *testing.T) {
	for _, o := range Outlets() {
		t.Run(o.ID, func(t *testing.T) {
			arts := goldenArticles(o.ID)
			h, err := NewHandler(o.ID, arts, "http://127.0.0.1:8001")
			if err != nil {
				t.Fatal(err)
			}
			ts := httptest.NewServer(h)
			defer ts.Close()
			p := strings.TrimPrefix(h.ArticleURL(arts[0].Slug), h.URL())
			resp, got := get(t, client(), ts.URL+p)
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("%s: %s", p, resp.Status)
			}
			golden.Assert(t, filepath.Join("testdata", "golden", o.ID+"-article.html"), got)
		})
	}
}

// TestArticleIDsStable pins the id scheme: changing it would move every Báo Hồ Tây URL.
func TestArticleIDsStable(t *testing.T) {
	arts := goldenArticles(outletBaohotay)
	ids := articleIDs(outletBaohotay, arts)
	reversed := slices.Clone(arts)
	slices.Reverse(reversed)
	again := articleIDs(outletBaohotay, reversed)
	seen := map[int]bool{}
	for _, a := range arts {
		id := ids[a.Slug]
		if id < 10000 || id > 99999 || seen[id] || again[a.Slug] != id {
			t.Errorf("%s: id %d (again %d)", a.Slug, id, again[a.Slug])
		}
		seen[id] = true
	}
}
