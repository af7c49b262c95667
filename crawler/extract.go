package crawler

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"genderlens/config"
	"genderlens/model"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/text/unicode/norm"
)

// Page is what extraction found on one HTML page: the article (when the page is one) and the links to follow.
type Page struct {
	Article   Article
	IsArticle bool
	// SkipReason says why the page is not an article (one of the Skip constants); empty for an article.
	SkipReason string
	// MainTextRunes is the running text of the page's main block, in characters, whatever the page was taken as.
	MainTextRunes int
	Links         []string
	// Sources names, per article field ("title", "lead", "date", "author", "section", "body", "captions"), the
	// extractor that supplied it (Source* constants), so that an operator can see which part of a page was read.
	Sources map[string]string
	// JSONLD and OGType are the page's own article metadata: a JSON-LD object of an article type, og:type.
	JSONLD bool
	OGType string
}

// Extractors recorded in Page.Sources.
const (
	SourceSelectors   = "selectors"   // the outlet's configured CSS selectors
	SourceJSONLD      = "json-ld"     // a schema.org article object
	SourceOpenGraph   = "opengraph"   // og:, article: and twitter: meta tags
	SourceMeta        = "meta"        // other meta tags (description, author, date)
	SourceMarkup      = "markup"      // page elements: h1, sapo, time, by-line, breadcrumb
	SourceTitleTag    = "title-tag"   // <title>, or the headline element it contains
	SourceKnownBody   = "known-body"  // a known article-text container (followed by its selector)
	SourceReadability = "readability" // readability's scoring of the page
	SourceBodyByline  = "body-byline" // the last line of the body text
)

// candidate is one extractor's reading of a field.
type candidate struct{ from, value string }

// pick returns the first non-empty candidate and its extractor.
func pick(cands ...candidate) (string, string) {
	for _, c := range cands {
		if c.value != "" {
			return c.value, c.from
		}
	}
	return "", ""
}

func metaSource(key string) string {
	if strings.HasPrefix(key, "og:") || strings.HasPrefix(key, "article:") || strings.HasPrefix(key, "twitter:") {
		return SourceOpenGraph
	}
	return SourceMeta
}

var articleTypes = map[string]bool{
	"NewsArticle": true, "Article": true, "ReportageNews": true, "AnalysisNewsArticle": true, "BlogPosting": true,
	"OpinionNewsArticle": true, "BackgroundNewsArticle": true,
}

// slugPathRe matches article-like URL paths: a last segment of four or more words ("---" stands for a dash in the
// headline), or one ending in a numeric id of four digits or more (section and pagination ids are shorter).
var slugPathRe = regexp.MustCompile(`(?i)/[^/]*[a-z0-9]+(?:-+[a-z0-9]+){3,}[^/]*$|[-_/]\d{4,}(?:\.[a-z]+)?$|\d{5,}[^/]*$`)

// ExtractPage reads an HTML page fetched from pageURL. The outlet's selectors, when set, win over the automatic
// extraction; articlePattern, when set, decides which pages are articles.
func ExtractPage(html string, pageURL *url.URL, o config.Outlet, articlePattern *regexp.Regexp, fetched time.Time) (Page, error) {
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(html))
	if err != nil {
		return Page{}, fmt.Errorf("parse html: %w", err)
	}
	base := pageURL
	if href, ok := doc.Find("base[href]").First().Attr("href"); ok {
		if b, err := pageURL.Parse(href); err == nil {
			base = b
		}
	}
	page := Page{Links: extractLinks(doc, base)}

	ld := findLDArticle(doc)
	meta := func(keys ...string) candidate {
		for _, k := range keys {
			sel := fmt.Sprintf(`meta[property=%q], meta[name=%q], meta[itemprop=%q]`, k, k, k)
			if v, ok := doc.Find(sel).First().Attr("content"); ok && strings.TrimSpace(v) != "" {
				return candidate{metaSource(k), cleanText(v)}
			}
		}
		return candidate{}
	}
	ogType := meta("og:type").value
	page.JSONLD, page.OGType = ld != nil, ogType
	src := map[string]string{}

	a := Article{Article: model.Article{Outlet: o.ID}, FetchedURL: pageURL.String(), Fetched: fetched}
	if href, ok := doc.Find(`link[rel="canonical"]`).First().Attr("href"); ok {
		if cu, err := base.Parse(strings.TrimSpace(href)); err == nil {
			a.URL = cu.String()
		}
	}
	if a.URL == "" {
		a.URL = pageURL.String()
	}

	// Selector overrides first: the operator configured them because the automatic path got this site wrong.
	sel := o.Selectors
	a.Title, src["title"] = pick(candidate{SourceSelectors, selText(doc, sel.Title)}, candidate{SourceJSONLD, ldTitle(ld)},
		meta("og:title", "twitter:title"), candidate{SourceMarkup, cleanText(doc.Find("h1").First().Text())},
		candidate{SourceTitleTag, titleTag(doc)})
	a.Lead, src["lead"] = pick(candidate{SourceMarkup, cleanText(doc.Find(".sapo, .lead, .summary, .article-summary, .chapeau, p.description, h2.sapo").First().Text())},
		candidate{SourceJSONLD, ldString(ld, "description")}, meta("og:description", "description"))
	a.Section, src["section"] = pick(candidate{SourceJSONLD, ldSection(ld)}, meta("article:section"),
		candidate{SourceMarkup, breadcrumbSection(doc)})

	a.Published, src["date"] = firstDate(fetched,
		candidate{SourceSelectors, selText(doc, sel.Date)}, candidate{SourceJSONLD, ldString(ld, "datePublished")},
		meta("article:published_time", "datePublished", "pubdate", "publishdate", "date", "dc.date.issued"),
		candidate{SourceMarkup, attr(doc, "time[datetime]", "datetime")},
		candidate{SourceMarkup, cleanText(doc.Find(`time, .date, .time, .datetime, .publish-date, .post-date, .ngay-dang, [class*="date"], [class*="time"]`).First().Text())},
	)

	// The layout is measured before anything is removed: listings and articles differ in what surrounds the text.
	// JSON-LD of an article type decides alone, so its pages are not measured.
	var shape shapeReport
	if len(doc.Nodes) > 0 && ld == nil {
		shape = analyseShape(doc.Nodes[0], a.Title, a.Published, fetched)
		if a.Published.IsZero() {
			a.Published = shape.Date
		}
	}

	var bodyText string
	var readable readability.Article
	selectorBody := false
	if sel.Body != "" {
		// The configured container may hold ad slots and "Xem thêm" boxes too.
		removeBoilerplate(doc.Find(sel.Body))
		if nodes := doc.Find(sel.Body).Nodes; len(nodes) > 0 {
			var parts []string
			for _, n := range nodes {
				parts = append(parts, nodeParagraphs(n))
			}
			bodyText = strings.Join(parts, "\n\n")
			src["body"] = SourceSelectors
			selectorBody = len([]rune(bodyText)) >= minArticleText
		}
	}
	authorFromPage, authorSource := pick(candidate{SourceSelectors, selText(doc, sel.Author)}, candidate{SourceJSONLD, ldAuthor(ld)},
		meta("author", "article:author", "dc.creator"), candidate{SourceMarkup, pageByline(doc, fetched)})
	images := extractImages(doc, base)

	// Readability prunes the tree it is given, so it runs last, on the same parsed document.
	if bodyText == "" && len(doc.Nodes) > 0 {
		// Comment threads, related-article boxes and share bars sit next to the text on Vietnamese news pages and
		// a readability scorer keeps them when they are short; they are never article text.
		doc.Find(boilerplateSel).Remove()
		removeBoilerplate(doc.Selection)
		// Captions were read with the images and are scored apart; in the body they would count twice.
		doc.Find("figcaption").Remove()
		// The containers Vietnamese news and portal sites put the article text in come first; readability's
		// scoring is for the pages that have none of them (on a table-layout portal it takes the whole cell,
		// menu and visit counter included).
		if n, sel := knownBody(doc); n != nil {
			bodyText = nodeParagraphs(n)
			src["body"] = SourceKnownBody + " " + sel
		}
		parser := readability.NewParser()
		if res, err := parser.ParseAndMutate(doc.Nodes[0], pageURL); err == nil && res.Node != nil {
			if bodyText == "" {
				bodyText = nodeParagraphs(res.Node)
				src["body"] = SourceReadability
			}
			readable = res
		}
	}
	if a.Title == "" && readable.Node != nil {
		a.Title, src["title"] = pick(candidate{SourceReadability, cleanText(readable.Title())})
	}
	if a.Published.IsZero() && readable.Node != nil {
		if t, err := readable.PublishedTime(); err == nil && !t.IsZero() {
			a.Published, src["date"] = t.In(newsZone), SourceReadability
		}
	}
	a.Author = authorFromPage
	a.Body, a.Author = tidyBody(bodyText, a.Title, a.Lead, a.Author, fetched)
	if a.Author != authorFromPage {
		authorSource = SourceBodyByline
	}
	src["author"] = authorSource
	if a.Author == "" && readable.Node != nil {
		a.Author, src["author"] = pick(candidate{SourceReadability, cleanText(readable.Byline())})
	}
	if a.Body == "" {
		src["body"] = ""
	}
	a.Images = images
	for _, img := range images {
		if img.Caption != "" {
			src["captions"] = SourceMarkup // figcaption
			break
		}
	}
	for k, v := range src {
		if v == "" {
			delete(src, k)
		}
	}
	page.Sources = src
	a.ContentHash = contentHash(a.Title, a.Body)

	page.IsArticle, page.SkipReason = classify(classifySignals{
		URL: pageURL, Pattern: articlePattern, HasLD: ld != nil, OGType: ogType, Text: a.Lead + a.Body,
		SelectorBody: selectorBody, Shape: shape.Shape,
	})
	page.MainTextRunes = shape.MainRunes
	page.Article = a
	return page, nil
}

// knownBodySel are the article-text containers of common Vietnamese news and portal templates, most specific first.
var knownBodySel = []string{
	`[itemprop="articleBody"]`, ".fck_detail", ".singular-content", ".dt-news__content", ".detail-content",
	".detail__content", ".article-body", ".article-content", ".article__body", ".content-detail", ".detail-body",
	".news-content", ".entry-content", ".post-content", "#main-detail", ".content",
}

// knownBody returns the first known container holding a paragraph's worth of text and its selector, or nil.
func knownBody(doc *goquery.Document) (*html.Node, string) {
	for _, sel := range knownBodySel {
		s := doc.Find(sel).First()
		if s.Length() == 0 {
			continue
		}
		if len([]rune(strings.TrimSpace(s.Text()))) >= 120 {
			return s.Nodes[0], sel
		}
	}
	return nil, ""
}

const boilerplateSel = `[class*="comment"], [id*="comment"], [class*="binh-luan"], [id*="binh-luan"], ` +
	`[class*="binhluan"], [class*="related"], [class*="lien-quan"], [class*="tinlienquan"], [class*="share"], ` +
	`[class*="social"], .tags, .tag-list, .box-tag, nav, aside, footer`

func findLDArticle(doc *goquery.Document) map[string]any {
	var found map[string]any
	doc.Find(`script[type="application/ld+json"]`).EachWithBreak(func(_ int, s *goquery.Selection) bool {
		var v any
		if err := json.Unmarshal([]byte(s.Text()), &v); err != nil {
			return true
		}
		found = searchLD(v, 0)
		return found == nil
	})
	return found
}

// searchLD walks JSON-LD (objects, arrays, @graph) for the first article-typed object.
func searchLD(v any, depth int) map[string]any {
	if depth > 5 {
		return nil
	}
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			if m := searchLD(e, depth+1); m != nil {
				return m
			}
		}
	case map[string]any:
		if isArticleType(x["@type"]) {
			return x
		}
		if g, ok := x["@graph"]; ok {
			return searchLD(g, depth+1)
		}
	}
	return nil
}

func isArticleType(t any) bool {
	switch x := t.(type) {
	case string:
		return articleTypes[x]
	case []any:
		for _, e := range x {
			if s, ok := e.(string); ok && articleTypes[s] {
				return true
			}
		}
	}
	return false
}

func ldString(ld map[string]any, key string) string {
	if ld == nil {
		return ""
	}
	if s, ok := ld[key].(string); ok {
		return cleanText(s)
	}
	return ""
}

func ldTitle(ld map[string]any) string {
	return firstNonEmpty(ldString(ld, "headline"), ldString(ld, "name"))
}

func ldSection(ld map[string]any) string {
	if ld == nil {
		return ""
	}
	switch x := ld["articleSection"].(type) {
	case string:
		return cleanText(x)
	case []any:
		if len(x) > 0 {
			if s, ok := x[0].(string); ok {
				return cleanText(s)
			}
		}
	}
	return ""
}

func ldAuthor(ld map[string]any) string {
	if ld == nil {
		return ""
	}
	var names []string
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case string:
			names = append(names, cleanText(x))
		case map[string]any:
			if n, ok := x["name"].(string); ok {
				names = append(names, cleanText(n))
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		}
	}
	walk(ld["author"])
	return strings.Join(names, ", ")
}

func breadcrumbSection(doc *goquery.Document) string {
	items := doc.Find(`.breadcrumb a, .breadcrumbs a, [itemtype*="BreadcrumbList"] [itemprop="name"]`)
	if items.Length() < 2 {
		return ""
	}
	return cleanText(items.Last().Text())
}

// titleElements are where pages without <h1> (old portals) put the headline.
const titleElements = `.title, .tieu-de, .tieude, .news-title, .article-title, .detail-title, .post-title, ` +
	`[class*="title"], h2, h3`

func titleTag(doc *goquery.Document) string {
	t := cleanText(doc.Find("title").First().Text())
	// A headline element whose text the <title> contains is the headline exactly, separators and all; cutting
	// the <title> at " - " would truncate headlines such as "Hà Nội - Hải Phòng: ...".
	var found string
	doc.Find(titleElements).EachWithBreak(func(_ int, s *goquery.Selection) bool {
		if c := cleanText(s.Text()); len([]rune(c)) >= 10 && len(c) <= len(t) && strings.Contains(t, c) {
			found = c
			return false
		}
		return true
	})
	if found != "" {
		return found
	}
	// "Headline - Outlet" or "Headline | Outlet": keep the headline.
	for _, sep := range []string{" | ", " - ", " – ", " — "} {
		if i := strings.LastIndex(t, sep); i > 20 {
			return strings.TrimSpace(t[:i])
		}
	}
	return t
}

func selText(doc *goquery.Document, selector string) string {
	if selector == "" {
		return ""
	}
	return cleanText(doc.Find(selector).First().Text())
}

func attr(doc *goquery.Document, selector, name string) string {
	v, _ := doc.Find(selector).First().Attr(name)
	return strings.TrimSpace(v)
}

func firstDate(now time.Time, candidates ...candidate) (time.Time, string) {
	for _, c := range candidates {
		if t, ok := ParseVietnameseDate(c.value, now); ok {
			return t, c.from
		}
	}
	return time.Time{}, ""
}

func extractImages(doc *goquery.Document, base *url.URL) []Image {
	var imgs []Image
	seen := map[string]bool{}
	doc.Find("article img, main img, figure img, .content img, .article-body img, .detail img").Each(func(_ int, s *goquery.Selection) {
		if s.ParentsFiltered("header, footer, nav, aside").Length() > 0 || inAd(s) {
			return
		}
		src, _ := s.Attr("src")
		if src == "" {
			src, _ = s.Attr("data-src")
		}
		if u, err := base.Parse(strings.TrimSpace(src)); err == nil && src != "" {
			src = u.String()
		}
		if seen[src] {
			return
		}
		seen[src] = true
		alt, _ := s.Attr("alt")
		caption := cleanText(s.ParentsFiltered("figure").First().Find("figcaption").First().Text())
		imgs = append(imgs, Image{URL: src, Alt: cleanText(alt), Caption: caption})
	})
	return imgs
}

func extractLinks(doc *goquery.Document, base *url.URL) []string {
	var links []string
	seen := map[string]bool{}
	doc.Find("a[href]").Each(func(_ int, s *goquery.Selection) {
		href, _ := s.Attr("href")
		href = strings.TrimSpace(href)
		if href == "" || strings.HasPrefix(href, "#") || strings.HasPrefix(strings.ToLower(href), "javascript:") ||
			strings.HasPrefix(strings.ToLower(href), "mailto:") || strings.HasPrefix(strings.ToLower(href), "tel:") {
			return
		}
		u, err := base.Parse(href)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
			return
		}
		u.Fragment = ""
		if s := u.String(); !seen[s] {
			seen[s] = true
			links = append(links, s)
		}
	})
	return links
}

// tidyBody splits the extracted text into paragraphs, drops the repeated title and lead, and takes a trailing
// one-line byline ("Thu Hà - Phòng VH-TT", common on portals) out of the body as the author when none was found.
func tidyBody(body, title, lead, author string, fetched time.Time) (string, string) {
	var paras []string
	for _, p := range strings.Split(body, "\n") {
		if t := cleanText(p); t != "" {
			paras = append(paras, t)
		}
	}
	// The title, the lead, date lines, bare separators and "Bởi <author>" lines that extractors keep at either end.
	for len(paras) > 0 && (paras[0] == title || paras[0] == lead || isMetaLine(paras[0], author, fetched)) {
		paras = paras[1:]
	}
	for len(paras) > 1 && isMetaLine(paras[len(paras)-1], author, fetched) && !looksLikeByline(paras[len(paras)-1]) {
		paras = paras[:len(paras)-1]
	}
	if n := len(paras); n > 1 {
		last := paras[n-1]
		switch {
		case author != "" && (last == author || strings.TrimPrefix(last, "Theo ") == author || cleanByline(last, fetched) == author):
			paras = paras[:n-1]
		case author == "" && looksLikeByline(last):
			author = last
			paras = paras[:n-1]
		}
	}
	return strings.Join(paras, "\n\n"), author
}

// bylineSelectors are tried in order, most specific first (a ".byline" box often holds the date too).
var bylineSelectors = []string{
	`[itemprop="author"] [itemprop="name"]`, `.author-name`, `.author_name`, `[rel="author"]`, `[itemprop="author"]`,
	`.author`, `.tac-gia`, `.tacgia`, `.byline`,
}

// pageByline finds the by-line in the page markup and strips what surrounds the name: "Bởi", "Theo", a date.
func pageByline(doc *goquery.Document, fetched time.Time) string {
	for _, sel := range bylineSelectors {
		if t := cleanByline(bylineText(doc.Find(sel)), fetched); t != "" {
			return t
		}
	}
	return ""
}

// bylineText is the text of a by-line element. Several authors are often marked up one element each ("<span
// class="author">Minh Nhật</span> - <span class="author">Trường Thịnh</span>"): then it is the text from the first
// to the last of them as the page writes it, separators included, when they share a parent.
func bylineText(s *goquery.Selection) string {
	if s.Length() == 0 {
		return ""
	}
	first := s.Nodes[0]
	var last *html.Node
	for _, n := range s.Nodes[1:] {
		if n.Parent == first.Parent && n.Parent != nil {
			last = n
		}
	}
	if last == nil {
		return cleanText(s.First().Text())
	}
	var b strings.Builder
	for n := first; n != nil; n = n.NextSibling {
		b.WriteString(goquery.NewDocumentFromNode(n).Text())
		if n == last {
			break
		}
	}
	return cleanText(b.String())
}

var bylinePrefixes = []string{"Bởi ", "bởi ", "Theo ", "Tác giả: ", "Tác giả ", "By ", "Người viết: "}

func cleanByline(s string, fetched time.Time) string {
	for _, p := range bylinePrefixes {
		s = strings.TrimPrefix(s, p)
	}
	// "Đức Long · 2 giờ trước", "Minh Châu | 17/01/2022": keep the parts that are not dates, and between two kept
	// parts ("Minh Nhật | Trường Thịnh", two authors) the separator as written.
	var b strings.Builder
	sep := ""
	for rest := s; rest != ""; {
		i := strings.IndexAny(rest, "·|•")
		part, next := rest, ""
		if i >= 0 {
			part, next = rest[:i], rest[i:]
		}
		part = strings.TrimSpace(part)
		if _, isDate := ParseVietnameseDate(part, fetched); part != "" && !isDate {
			if b.Len() > 0 {
				b.WriteString(" " + sep + " ")
			}
			b.WriteString(part)
		}
		if next == "" {
			break
		}
		_, size := utf8.DecodeRuneInString(next)
		sep, rest = next[:size], next[size:]
	}
	s = b.String()
	if len([]rune(s)) > 80 {
		return "" // a paragraph, not a by-line
	}
	return s
}

// isMetaLine reports a short paragraph that is a date, a lone separator or the author's by-line, not text.
func isMetaLine(p, author string, fetched time.Time) bool {
	r := []rune(p)
	if len(r) > 60 {
		return false
	}
	if strings.IndexFunc(p, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) < 0 {
		return true
	}
	if author != "" && (p == author || cleanByline(p, fetched) == author) {
		return true
	}
	if _, ok := ParseVietnameseDate(p, fetched); ok && len(r) <= 40 && !strings.ContainsAny(p, ".?!") {
		return true
	}
	return false
}

// looksLikeByline is deliberately strict: a short line with no sentence punctuation, mostly capitalised words.
func looksLikeByline(s string) bool {
	r := []rune(s)
	if len(r) == 0 || len(r) > 60 || strings.ContainsAny(s, ".?!“”\":;") {
		return false
	}
	words := strings.Fields(s)
	if len(words) > 9 {
		return false
	}
	caps := 0
	for _, w := range words {
		wr := []rune(w)
		if len(wr) > 0 && (wr[0] >= 'A' && wr[0] <= 'Z' || strings.ToUpper(string(wr[0])) == string(wr[0]) && strings.ToLower(string(wr[0])) != string(wr[0])) {
			caps++
		}
	}
	return caps*2 >= len(words)
}

// cleanText returns s in NFC with every run of white space (no-break and zero-width spaces included) made one
// space, trimmed. It is a loop rather than a regular expression because it runs on every text node of every page.
func cleanText(s string) string {
	s = norm.NFC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) || r == '\u00a0' || r == '\u200b' {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

func firstNonEmpty(vs ...string) string {
	for _, v := range vs {
		if v != "" {
			return v
		}
	}
	return ""
}

func contentHash(title, body string) string {
	h := sha256.Sum256([]byte(strings.ToLower(title) + "\n" + strings.ToLower(body)))
	return hex.EncodeToString(h[:16])
}
