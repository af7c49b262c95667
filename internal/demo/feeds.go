package demo

import (
	"encoding/xml"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// robots is each outlet's robots.txt; the differences (a disallowed search page, Crawl-delay, a bot-specific group)
// are the ones real Vietnamese sites have and the crawler must honour.
func (h *Handler) robots() string {
	var b strings.Builder
	switch h.info.ID {
	case outletBaohotay:
		b.WriteString("# robots.txt - Báo Hồ Tây\nUser-agent: *\nDisallow: /tim-kiem\nDisallow: /api/\nAllow: /\n\n" +
			"User-agent: GPTBot\nDisallow: /\n\n")
	case outletHoasen:
		b.WriteString("User-agent: *\nCrawl-delay: 0.2\nDisallow: /quan-tri/\nDisallow: /Upload/TaiLieu/\n\n")
	default:
		b.WriteString("User-agent: *\nDisallow: /admin/\nDisallow: /media/audio/\n\n")
	}
	fmt.Fprintf(&b, "Sitemap: %s/sitemap.xml\n", h.base)
	return b.String()
}

type urlSet struct {
	XMLName xml.Name     `xml:"urlset"`
	XMLNS   string       `xml:"xmlns,attr"`
	News    string       `xml:"xmlns:news,attr,omitempty"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc        string       `xml:"loc"`
	LastMod    string       `xml:"lastmod,omitempty"`
	ChangeFreq string       `xml:"changefreq,omitempty"`
	Priority   string       `xml:"priority,omitempty"`
	News       *sitemapNews `xml:"news:news,omitempty"`
}

type sitemapNews struct {
	Publication struct {
		Name     string `xml:"news:name"`
		Language string `xml:"news:language"`
	} `xml:"news:publication"`
	PublicationDate string `xml:"news:publication_date"`
	Title           string `xml:"news:title"`
}

type sitemapIndex struct {
	XMLName  xml.Name     `xml:"sitemapindex"`
	XMLNS    string       `xml:"xmlns,attr"`
	Sitemaps []sitemapRef `xml:"sitemap"`
}

type sitemapRef struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod"`
}

const sitemapNS = "http://www.sitemaps.org/schemas/sitemap/0.9"

func (h *Handler) serveXML(w http.ResponseWriter, r *http.Request, ctype string, v any, mod time.Time) {
	b, err := xml.MarshalIndent(v, "", "  ")
	if err != nil {
		http.Error(w, "encode XML: "+err.Error(), http.StatusInternalServerError)
		return
	}
	h.serveBytes(w, r, ctype, append([]byte(xml.Header), append(b, '\n')...), mod)
}

// monthKey groups Báo Hồ Tây's article sitemaps by month, like WordPress-style monthly sitemaps.
func monthKey(it *item) string { return it.local.Format("2006-01") }

func (h *Handler) months() []string {
	var out []string
	for _, it := range h.items {
		if k := monthKey(it); len(out) == 0 || out[len(out)-1] != k {
			out = append(out, k)
		}
	}
	return out
}

// serveSitemap serves /sitemap.xml and, for Báo Hồ Tây, the sitemaps its index points to. It returns false for
// unknown sitemap names.
func (h *Handler) serveSitemap(w http.ResponseWriter, r *http.Request, p string) bool {
	const ctype = "application/xml; charset=utf-8"
	switch h.info.ID {
	case outletBaohotay:
		if p == "/sitemap.xml" {
			idx := sitemapIndex{XMLNS: sitemapNS}
			idx.Sitemaps = append(idx.Sitemaps, sitemapRef{Loc: h.base + "/sitemaps/chuyen-muc.xml", LastMod: h.lastMod(h.items)})
			for _, m := range h.months() {
				idx.Sitemaps = append(idx.Sitemaps, sitemapRef{
					Loc: h.base + "/sitemaps/bai-viet-" + m + ".xml", LastMod: h.lastMod(h.inMonth(m)),
				})
			}
			h.serveXML(w, r, ctype, idx, h.newest)
			return true
		}
		if p == "/sitemaps/chuyen-muc.xml" {
			set := urlSet{XMLNS: sitemapNS}
			set.URLs = append(set.URLs, sitemapURL{Loc: h.base + "/", LastMod: h.lastMod(h.items), ChangeFreq: "hourly"})
			for _, s := range h.sections {
				set.URLs = append(set.URLs, sitemapURL{
					Loc: h.base + h.sectionPath(s.slug, 1), LastMod: h.lastMod(s.items), ChangeFreq: "hourly",
				})
			}
			h.serveXML(w, r, ctype, set, h.newest)
			return true
		}
		m, ok := strings.CutPrefix(p, "/sitemaps/bai-viet-")
		if m, ok = strings.CutSuffix(m, ".xml"); !ok {
			return false
		}
		items := h.inMonth(m)
		if len(items) == 0 {
			return false
		}
		set := urlSet{XMLNS: sitemapNS}
		for _, it := range items {
			set.URLs = append(set.URLs, sitemapURL{Loc: h.base + it.path, LastMod: it.local.Format(time.RFC3339)})
		}
		h.serveXML(w, r, ctype, set, items[0].Published)
		return true
	case outletHoasen:
		if p != "/sitemap.xml" {
			return false
		}
		// The portal's CMS writes dates only and a priority for everything, as old Vietnamese portals do.
		set := urlSet{XMLNS: sitemapNS}
		set.URLs = append(set.URLs,
			sitemapURL{Loc: h.base + "/", ChangeFreq: "daily", Priority: "1.0"},
			sitemapURL{Loc: h.base + "/tin-tuc/", ChangeFreq: "daily", Priority: "0.9"})
		for _, s := range h.sections {
			set.URLs = append(set.URLs, sitemapURL{Loc: h.base + h.sectionPath(s.slug, 1), ChangeFreq: "daily", Priority: "0.8"})
		}
		for _, it := range h.items {
			set.URLs = append(set.URLs, sitemapURL{
				Loc: h.base + it.path, LastMod: it.local.Format("2006-01-02"), ChangeFreq: "monthly", Priority: "0.6",
			})
		}
		h.serveXML(w, r, ctype, set, h.newest)
		return true
	default:
		if p != "/sitemap.xml" {
			return false
		}
		set := urlSet{XMLNS: sitemapNS, News: "http://www.google.com/schemas/sitemap-news/0.9"}
		for _, it := range h.items {
			n := &sitemapNews{PublicationDate: it.local.Format(time.RFC3339), Title: it.Title}
			n.Publication.Name, n.Publication.Language = h.info.Name, "vi"
			set.URLs = append(set.URLs, sitemapURL{Loc: h.base + it.path, LastMod: it.local.Format(time.RFC3339), News: n})
		}
		h.serveXML(w, r, ctype, set, h.newest)
		return true
	}
}

func (h *Handler) inMonth(m string) []*item {
	var out []*item
	for _, it := range h.items {
		if monthKey(it) == m {
			out = append(out, it)
		}
	}
	return out
}

// lastMod is the newest publication time of items (which are sorted newest first).
func (h *Handler) lastMod(items []*item) string {
	if len(items) == 0 {
		return ""
	}
	return items[0].local.Format(time.RFC3339)
}

type rssDoc struct {
	XMLName xml.Name   `xml:"rss"`
	Version string     `xml:"version,attr"`
	DC      string     `xml:"xmlns:dc,attr"`
	Atom    string     `xml:"xmlns:atom,attr"`
	Channel rssChannel `xml:"channel"`
}

type rssChannel struct {
	Title         string    `xml:"title"`
	Link          string    `xml:"link"`
	Description   string    `xml:"description"`
	Language      string    `xml:"language"`
	LastBuildDate string    `xml:"lastBuildDate,omitempty"`
	Self          rssLink   `xml:"atom:link"`
	Items         []rssItem `xml:"item"`
}

type rssLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr"`
}

type rssItem struct {
	Title       string        `xml:"title"`
	Link        string        `xml:"link"`
	Description string        `xml:"description"`
	PubDate     string        `xml:"pubDate"`
	GUID        rssGUID       `xml:"guid"`
	Category    string        `xml:"category"`
	Creator     string        `xml:"dc:creator"`
	Enclosure   *rssEnclosure `xml:"enclosure"`
}

type rssGUID struct {
	IsPermaLink string `xml:"isPermaLink,attr"`
	Value       string `xml:",chardata"`
}

type rssEnclosure struct {
	URL    string `xml:"url,attr"`
	Length string `xml:"length,attr"`
	Type   string `xml:"type,attr"`
}

// serveFeed serves the RSS feed with every article, newest first.
func (h *Handler) serveFeed(w http.ResponseWriter, r *http.Request) {
	doc := rssDoc{
		Version: "2.0", DC: "http://purl.org/dc/elements/1.1/", Atom: "http://www.w3.org/2005/Atom",
		Channel: rssChannel{
			Title: h.info.Name, Link: h.base + "/", Description: "Tin tức mới nhất - " + h.info.Name, Language: "vi",
			Self: rssLink{Href: h.base + h.feedPath(), Rel: "self", Type: "application/rss+xml"},
		},
	}
	if len(h.items) > 0 {
		doc.Channel.LastBuildDate = h.items[0].local.Format(time.RFC1123Z)
	}
	for _, it := range h.items {
		ri := rssItem{
			Title: it.Title, Link: h.base + it.path, Description: it.Lead, PubDate: it.local.Format(time.RFC1123Z),
			GUID: rssGUID{IsPermaLink: "true", Value: h.base + it.path}, Category: it.sec.name, Creator: it.Author,
		}
		if h.info.ID == outletSonghong {
			ri.Enclosure = &rssEnclosure{
				URL: h.base + audioPath(it), Length: "0", Type: "audio/mpeg",
			}
		}
		doc.Channel.Items = append(doc.Channel.Items, ri)
	}
	h.serveXML(w, r, "application/rss+xml; charset=utf-8", doc, h.newest)
}
