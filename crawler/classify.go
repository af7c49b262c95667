package crawler

import (
	"net/url"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Reasons a fetched page is not taken as an article. They label genderlens_crawler_pages_skipped_total and name the
// likely cause in the crawl's warning, so they are few and stable.
const (
	// SkipPattern: the outlet's article_pattern does not match the page's URL.
	SkipPattern = "article_pattern"
	// SkipThin: the page has too little text to be an article (or the text sits where extraction does not look).
	SkipThin = "thin"
	// SkipListing: the page is laid out as a listing: many headline links, short teasers, pagination.
	SkipListing = "listing"
	// SkipNoSignal: no article metadata, no article-like URL and no block of running text with a headline and a date.
	SkipNoSignal = "no_signal"
	// SkipNotHTML: the page is not HTML.
	SkipNotHTML = "not_html"
)

// pageShape is what a page's layout says it is, whatever its URL.
type pageShape int

const (
	shapeUnknown pageShape = iota
	shapeArticle
	shapeListing
)

func (s pageShape) String() string {
	return [...]string{"unknown", "article", "listing"}[s]
}

// shapeReport is what the layout analysis measured on a page.
type shapeReport struct {
	Shape pageShape
	// MainRunes and MainParas are the running text of the page's main block (the container holding most of it).
	MainRunes, MainParas int
	// HeadlineLinks are links whose text reads like a headline; MainHeadlineLinks are those inside the main block.
	HeadlineLinks, MainHeadlineLinks int
	Pagination                       bool
	// Date is the page's date: the one the markup gives, or one printed in a short line near the headline (zero when
	// neither).
	Date time.Time
}

// shapeParagraph is one run of text between block boundaries.
type shapeParagraph struct {
	text      string
	runes     int
	linkRunes int
	container *html.Node // parent of the innermost block element holding the text
}

// Thresholds of the layout analysis. A Vietnamese news article is rarely under 500 characters of running text; a
// teaser is one or two sentences; a headline link is a sentence fragment of five words or more.
const (
	runningParaRunes   = 80
	maxParaLinkDensity = 0.3
	articleMainRunes   = 500
	listingMainRunes   = 400
	headlineLinkRunes  = 25
	// teaserRunes is the most running text per headline link a column of teasers has.
	teaserRunes       = 300
	headlineLinkWords = 5
	// dateWindow is how many paragraphs before and after the headline a date line may sit.
	dateWindowBefore, dateWindowAfter = 3, 6
)

var (
	sentenceEndRe  = regexp.MustCompile(`[.!?…"”»)]\s|[.!?…"”»)]$`)
	paginationText = regexp.MustCompile(`(?i)^(?:trang (?:sau|tiếp|trước|kế)|tiếp|sau|trước|xem tiếp|next|prev(?:ious)?|»|«|›|‹|>>|<<|\d{1,3})$`)
	paginationHref = regexp.MustCompile(`(?i)[?&](?:page|trang|p(?:age)?index|pg|start|limitstart|currentpage)=\d+|/(?:page|trang)[-/]\d+`)
)

// analyseShape measures the layout of a parsed page (before anything is removed from it). title is the headline the
// extraction found; published the date it found in the markup, if any; without one, a date printed near the
// headline is looked for in the short lines around it.
func analyseShape(root *html.Node, title string, published, fetched time.Time) shapeReport {
	var paras []shapeParagraph
	var cur strings.Builder
	curLinks := 0
	var owner *html.Node
	flush := func() {
		t := cleanText(cur.String())
		if t != "" {
			var container *html.Node
			if owner != nil {
				container = owner.Parent
			}
			paras = append(paras, shapeParagraph{text: t, runes: utf8.RuneCountInString(t), linkRunes: curLinks, container: container})
		}
		cur.Reset()
		curLinks = 0
	}
	var rep shapeReport
	var anchors []*html.Node
	var walk func(n *html.Node, inLink bool)
	walk = func(n *html.Node, inLink bool) {
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			if inLink {
				curLinks += utf8.RuneCountInString(strings.TrimSpace(n.Data))
			}
			return
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Select, atom.Option:
				return
			case atom.A:
				inLink = true
				anchors = append(anchors, n)
			}
		}
		block := n.Type == html.ElementNode && blockAtoms[n.DataAtom]
		prev := owner
		if block {
			flush()
			if n.DataAtom != atom.Br && n.DataAtom != atom.Hr {
				owner = n
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inLink)
		}
		if block {
			flush()
			owner = prev
		}
	}
	walk(root, false)
	flush()

	// The main block: the container holding the most running text (sentences, few links).
	runes := map[*html.Node]int{}
	count := map[*html.Node]int{}
	var main *html.Node
	for _, p := range paras {
		if p.runes < runningParaRunes || float64(p.linkRunes) > maxParaLinkDensity*float64(p.runes) ||
			!sentenceEndRe.MatchString(p.text) {
			continue
		}
		runes[p.container] += p.runes - p.linkRunes
		count[p.container]++
		if main == nil || runes[p.container] > runes[main] {
			main = p.container
		}
	}
	if main != nil {
		rep.MainRunes, rep.MainParas = runes[main], count[main]
	}
	for _, a := range anchors {
		t := cleanText(nodeText(a))
		if paginationText.MatchString(t) || paginationHref.MatchString(attrOf(a, "href")) {
			rep.Pagination = true
			continue
		}
		if utf8.RuneCountInString(t) >= headlineLinkRunes && len(strings.Fields(t)) >= headlineLinkWords {
			rep.HeadlineLinks++
			if main != nil && isAncestor(main, a) {
				rep.MainHeadlineLinks++
			}
		}
	}
	rep.Date = published
	if rep.Date.IsZero() {
		rep.Date = dateNearHeadline(paras, title, fetched)
	}

	listingLinks := 6
	if rep.Pagination {
		listingLinks = 3
	}
	// Teasers: headline links among the running text, with no more text per headline than a teaser holds. An
	// article's inline "Xem thêm" links come with far more text each.
	teasers := rep.MainHeadlineLinks >= 3 && rep.MainRunes < teaserRunes*rep.MainHeadlineLinks
	switch {
	case rep.HeadlineLinks >= listingLinks && (teasers || rep.MainRunes < listingMainRunes):
		// Many headlines, and either they sit among the running text as teasers (one column) or the running text is
		// no more than a teaser.
		rep.Shape = shapeListing
	case rep.MainRunes >= articleMainRunes && (rep.MainParas >= 2 || rep.MainRunes >= 2*articleMainRunes) &&
		!teasers && title != "" && !rep.Date.IsZero():
		rep.Shape = shapeArticle
	}
	return rep
}

// dateNearHeadline finds a date in a short line within a few paragraphs of the headline: where portals print it,
// whether or not the markup says so.
func dateNearHeadline(paras []shapeParagraph, title string, fetched time.Time) time.Time {
	if title == "" {
		return time.Time{}
	}
	at := -1
	for i, p := range paras {
		if p.text == title || (p.runes < 300 && strings.Contains(p.text, title)) {
			at = i
			break
		}
	}
	if at < 0 {
		return time.Time{}
	}
	for i := max(0, at-dateWindowBefore); i < min(len(paras), at+dateWindowAfter+1); i++ {
		if p := paras[i]; p.runes <= 120 && i != at {
			if t, ok := ParseVietnameseDate(p.text, fetched); ok {
				return t
			}
		}
	}
	// The date may share the headline's line ("Tiêu đề (17/01/2022)").
	if t, ok := ParseVietnameseDate(strings.Replace(paras[at].text, title, "", 1), fetched); ok {
		return t
	}
	return time.Time{}
}

// Weights of the signals that a page is an article. A page is one when they add up to articleScore: JSON-LD of an
// article type suffices; og:type article or an article-like URL suffice, alone or together, unless the layout is a
// listing; and the layout of an article (running text, headline, date) suffices whatever the URL.
const (
	weightLD       = 7
	weightOG       = 3
	weightSlug     = 2
	weightSelector = 2
	weightShape    = 2
	weightListing  = -5
	articleScore   = 2
	minArticleText = 200
)

// classifySignals are the facts classify weighs.
type classifySignals struct {
	URL     *url.URL
	Pattern *regexp.Regexp
	HasLD   bool
	OGType  string
	Text    string // lead and body
	// SelectorBody is true when the outlet's selectors.body matched text on the page.
	SelectorBody bool
	Shape        pageShape
}

// classify decides whether a page is an article; reason is one of the Skip constants when it is not.
func classify(s classifySignals) (bool, string) {
	if s.Pattern != nil {
		if s.Pattern.MatchString(s.URL.String()) {
			return true, ""
		}
		return false, SkipPattern
	}
	if utf8.RuneCountInString(s.Text) < minArticleText {
		return false, SkipThin
	}
	score := 0
	if s.HasLD {
		score += weightLD
	}
	if s.OGType == "article" {
		score += weightOG
	}
	if slugPathRe.MatchString(s.URL.Path) {
		score += weightSlug
	}
	if s.SelectorBody {
		score += weightSelector
	}
	switch s.Shape {
	case shapeArticle:
		score += weightShape
	case shapeListing:
		score += weightListing
	}
	switch {
	case score >= articleScore:
		return true, ""
	case s.Shape == shapeListing:
		return false, SkipListing
	default:
		return false, SkipNoSignal
	}
}

func nodeText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

func attrOf(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func isAncestor(anc, n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p == anc {
			return true
		}
	}
	return false
}
