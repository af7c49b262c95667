package crawler

import (
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// Body cleaning: what Vietnamese news and portal templates put inside or next to the article text that is not
// article text (ads, "Xem thêm" boxes, share bars, comment forms). The scorer reads whatever reaches the body.

// adWords are class or id words of ad and promotion blocks. They are matched against whole class names and against
// their parts split at "-" and "_" ("ads-inline", "box_quangcao"), never as substrings: "downloads", "roads",
// "leads" and "shadow" are not ads.
var adWords = map[string]bool{
	"ad": true, "ads": true, "adv": true, "advert": true, "adverts": true, "advertisement": true, "adsbygoogle": true,
	"adsense": true, "quangcao": true, "qc": true, "banner": true, "banners": true, "sponsor": true, "sponsored": true,
	"sponsors": true, "taitro": true,
}

// shareWords are class or id words of share bars, matched like adWords (the substring "share" is matched apart).
var shareWords = map[string]bool{"chiase": true, "addthis": true, "sharethis": true, "zalo": true}

// relatedLabels start the boxes of links to other articles that templates put inside the body.
var relatedLabels = []string{
	"xem thêm", "tin liên quan", "bài liên quan", "tin bài liên quan", "bài viết liên quan", "đọc thêm",
	"tin cùng chuyên mục", "tin khác", "có thể bạn quan tâm", "bạn có thể quan tâm",
}

// adLabels are the texts of the labels sites put on an ad slot.
var adLabels = map[string]bool{"quảng cáo": true, "advertisement": true, "tài trợ": true, "nội dung tài trợ": true}

// classWords returns the class names and id of n and their parts split at "-" and "_", lower-cased, and whether
// two consecutive parts spell "quang cao" or "chia se" (they are then reported as one word).
func classWords(n *html.Node) []string {
	var words []string
	for _, a := range n.Attr {
		if a.Key != "class" && a.Key != "id" {
			continue
		}
		for _, name := range strings.Fields(strings.ToLower(a.Val)) {
			words = append(words, name)
			parts := strings.FieldsFunc(name, func(r rune) bool { return r == '-' || r == '_' })
			if len(parts) < 2 {
				continue
			}
			words = append(words, parts...)
			for i := 1; i < len(parts); i++ {
				words = append(words, parts[i-1]+parts[i])
			}
		}
	}
	return words
}

// isAdNode reports an element whose class or id names an ad or promotion block.
func isAdNode(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	for _, w := range classWords(n) {
		if adWords[w] || strings.HasPrefix(w, "advert") || strings.HasPrefix(w, "adsbygoogle") {
			return true
		}
	}
	return false
}

func isShareNode(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	for _, w := range classWords(n) {
		if shareWords[w] {
			return true
		}
	}
	return false
}

// maxAdChars bounds the text of an ad block: an element with an ad word in its class and more text than this is a
// page wrapper ("<div class="layout has-ads">"), not a slot.
const maxAdChars = 1000

// isAdBlock reports an ad or promotion slot: an ad-named element, not the page itself nor a wrapper of it.
func isAdBlock(n *html.Node) bool {
	return isAdNode(n) && !isRoot(n) && runeLen(goquery.NewDocumentFromNode(n).Text()) <= maxAdChars
}

// inAd reports whether s is inside (or is) an ad block.
func inAd(s *goquery.Selection) bool {
	for _, n := range s.Nodes {
		for p := n; p != nil; p = p.Parent {
			if isAdBlock(p) {
				return true
			}
		}
	}
	return false
}

// removeBoilerplate takes out of scope the ad blocks, ad-labelled slots, related-article boxes, share bars and
// comment forms.
func removeBoilerplate(scope *goquery.Selection) {
	scope.Find("*").FilterFunction(func(_ int, s *goquery.Selection) bool {
		return isAdBlock(s.Nodes[0]) || isShareNode(s.Nodes[0]) && runeLen(s.Text()) <= maxAdChars
	}).Remove()
	scope.Find(`ins.adsbygoogle, [class*="xem-them"], [class*="xemthem"], [class*="lienquan"], [class*="tin-khac"], textarea`).Remove()
	// A comment form is a form with a text area; ASP.NET pages wrap the whole page in one <form>, which is kept.
	scope.Find("form").Each(func(_ int, s *goquery.Selection) {
		if s.Find("textarea, input[type=text], input:not([type])").Length() > 0 && runeLen(s.Text()) < 400 {
			s.Remove()
		}
	})
	// "Quảng cáo" labels: the slot they label goes with them, unless the label sits directly in the text.
	scope.Find("span, div, p, small, strong, em, b, i, label, h3, h4, h5, h6").Each(func(_ int, s *goquery.Selection) {
		if !adLabels[strings.ToLower(cleanText(s.Text()))] {
			return
		}
		if p := s.Parent(); p.Length() > 0 && !isRoot(p.Nodes[0]) && !p.Is("article, main, td, form") && runeLen(p.Text()) < 300 {
			p.Remove()
			return
		}
		s.Remove()
	})
	scope.Find("p, div, section, aside, ul, h2, h3, h4, h5, h6, strong, b, span").Each(func(_ int, s *goquery.Selection) {
		if s.Nodes[0].Parent == nil || !startsWithRelatedLabel(cleanText(s.Text())) {
			return
		}
		removeRelatedBox(s)
	})
}

// removeRelatedBox removes a box that a related-article label starts: the widest ancestor that is still short and
// mostly links; a label standing alone in the text goes with the link lists that follow it.
func removeRelatedBox(label *goquery.Selection) {
	box := label
	for p := label.Parent(); p.Length() > 0 && !isRoot(p.Nodes[0]); p = p.Parent() {
		if runeLen(p.Text()) > 600 || !mostlyLinks(p) {
			break
		}
		box = p
	}
	if !mostlyLinks(box) {
		if !isBareLabel(cleanText(box.Text())) {
			return // a sentence of text that happens to start with "Xem thêm" or "Tin khác"
		}
		// A heading alone: the lists of links right after it are the box.
		for next := box.Next(); next.Length() > 0 && mostlyLinks(next) && runeLen(next.Text()) < 600; next = box.Next() {
			next.Remove()
		}
	}
	box.Remove()
}

// isBareLabel reports a text that is only a related-article label ("Tin liên quan:", "XEM THÊM »").
func isBareLabel(t string) bool {
	t = strings.ToLower(strings.TrimRight(t, " :>»-–"))
	for _, l := range relatedLabels {
		if t == l {
			return true
		}
	}
	return false
}

func startsWithRelatedLabel(t string) bool {
	lt := strings.ToLower(t)
	for _, l := range relatedLabels {
		if rest, ok := strings.CutPrefix(lt, l); ok && (rest == "" || strings.IndexAny(rest[:1], " :>»-–") == 0) {
			return true
		}
	}
	return false
}

// mostlyLinks reports a block whose text is mostly link text (a label and its links).
func mostlyLinks(s *goquery.Selection) bool {
	all := runeLen(s.Text())
	if all == 0 {
		return false
	}
	links := 0
	s.Find("a").Each(func(_ int, a *goquery.Selection) { links += runeLen(a.Text()) })
	return links*2 >= all
}

func isRoot(n *html.Node) bool {
	return n.Type != html.ElementNode || n.Data == "body" || n.Data == "html"
}

func runeLen(s string) int { return len([]rune(cleanText(s))) }
