package crawler

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"
	"time"
)

// sitemapEntry is one <url> of a urlset or one <sitemap> of a sitemap index.
type sitemapEntry struct {
	Loc     string
	LastMod time.Time
}

// parseSitemap reads a sitemap or a sitemap index (news sitemaps are urlsets with extra elements, which are ignored).
func parseSitemap(body []byte) (pages, sitemaps []sitemapEntry, err error) {
	var typed struct {
		XMLName  xml.Name
		URLs     []xmlLoc `xml:"url"`
		Sitemaps []xmlLoc `xml:"sitemap"`
	}
	dec := xml.NewDecoder(bytes.NewReader(body))
	dec.Strict = false
	dec.CharsetReader = xmlCharsetReader
	if err := dec.Decode(&typed); err != nil {
		return nil, nil, fmt.Errorf("parse sitemap: %w", err)
	}
	switch typed.XMLName.Local {
	case "urlset", "sitemapindex":
	default:
		return nil, nil, fmt.Errorf("parse sitemap: root element <%s> is neither urlset nor sitemapindex", typed.XMLName.Local)
	}
	for _, u := range typed.URLs {
		if loc := strings.TrimSpace(u.Loc); loc != "" {
			pages = append(pages, sitemapEntry{Loc: loc, LastMod: parseLastMod(u.LastMod)})
		}
	}
	for _, s := range typed.Sitemaps {
		if loc := strings.TrimSpace(s.Loc); loc != "" {
			sitemaps = append(sitemaps, sitemapEntry{Loc: loc, LastMod: parseLastMod(s.LastMod)})
		}
	}
	return pages, sitemaps, nil
}

type xmlLoc struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod"`
}

func parseLastMod(s string) time.Time {
	t, _ := parseISO(strings.TrimSpace(s))
	return t
}

// parseFeed reads the item links of an RSS 2.0, RSS 1.0 (RDF) or Atom feed.
func parseFeed(body []byte) ([]string, error) {
	var feed struct {
		XMLName xml.Name
		Items   []struct {
			Link string `xml:"link"`
			GUID string `xml:"guid"`
		} `xml:"channel>item"`
		RDFItems []struct {
			Link string `xml:"link"`
		} `xml:"item"`
		Entries []struct {
			Links []struct {
				Href string `xml:"href,attr"`
				Rel  string `xml:"rel,attr"`
			} `xml:"link"`
		} `xml:"entry"`
	}
	dec := xml.NewDecoder(bytes.NewReader(body))
	dec.Strict = false
	dec.CharsetReader = xmlCharsetReader
	if err := dec.Decode(&feed); err != nil {
		return nil, fmt.Errorf("parse feed: %w", err)
	}
	var links []string
	for _, it := range feed.Items {
		link := strings.TrimSpace(it.Link)
		if link == "" && strings.HasPrefix(strings.TrimSpace(it.GUID), "http") {
			link = strings.TrimSpace(it.GUID)
		}
		if link != "" {
			links = append(links, link)
		}
	}
	for _, it := range feed.RDFItems {
		if l := strings.TrimSpace(it.Link); l != "" {
			links = append(links, l)
		}
	}
	for _, e := range feed.Entries {
		for _, l := range e.Links {
			if l.Rel == "" || l.Rel == "alternate" {
				if h := strings.TrimSpace(l.Href); h != "" {
					links = append(links, h)
					break
				}
			}
		}
	}
	if feed.XMLName.Local != "rss" && feed.XMLName.Local != "feed" && feed.XMLName.Local != "RDF" {
		return nil, fmt.Errorf("parse feed: root element <%s> is not rss, feed or RDF", feed.XMLName.Local)
	}
	return links, nil
}
