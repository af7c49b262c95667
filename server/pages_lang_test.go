package server

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/net/html"
)

// The language test walks every page that renders HTML, in Vietnamese and in English, over the pages' fixture, and
// fails on text in the wrong language: on a Vietnamese page an English word of the stop list below or an internal
// snake_case code; on an English page a word with Vietnamese diacritics. Content (article titles and text, quotes,
// names, what an officer typed) is marked in the templates with a lang attribute, and the walk skips every element
// whose lang differs from the page's.

// englishWords are words of the interface, of explanations and of error messages that must not appear on a
// Vietnamese page. None is a Vietnamese word written without diacritics.
var englishWords = strings.Fields(`
	the of and or with without for from into between because only never nearby must should want wanted got required
	none recorded least most article articles error invalid percentage share honorific role gender quoted decision
	plan report sent section sections topic cancelled rejected merged person people name given family title middle
	speech verb colon candidates filter merging source sources women men score outlet outlets district ward city
	province overview search check draft back page found request period year month unknown female male expert official
	pilot level target met missed evidence focal trained staff leadership stories story violence sensational blaming
	victim identified stereotype appearance positive date reference note token access submit save saved download
	please must expected number whole percent`)

var (
	snakeCase = regexp.MustCompile(`\b[a-z][a-z0-9]*(_[a-z0-9]+)+\b`)
	// quoted is text in quotation marks: quoted article content (a phrase, a suggestion's words) in an English
	// explanation.
	quoted  = regexp.MustCompile(`"[^"]*"|“[^”]*”|«[^»]*»|‘[^’]*’`)
	urlLike = regexp.MustCompile(`\bhttps?://\S+`)
	wordRE  = regexp.MustCompile(`[\p{L}]+`)
)

// langPage is one page request of the walk.
type langPage struct {
	name, method, path string
	form               url.Values
	code               int
}

func langPages() []langPage {
	draft := url.Values{"text": {"Nữ phi công xinh đẹp\n\nBà Nguyễn Thị Lan, Giám đốc trung tâm, cho biết phái yếu ngày càng tham gia nhiều dự án.\n\n" +
		"“Chị ấy rất giỏi,” ông Trần Văn Hùng nói."}}
	badEvidence := url.Values{"token": {testToken}, "recorded_by": {"Phòng VH-TT"}, "staff_trained": {"120"},
		"women_leadership": {"nhiều"}, "decision_date": {"2025-13-01"}, "report_sent": {"hôm qua"}}
	return []langPage{
		{"overview", "GET", "/?year=2025", nil, 200},
		{"overview this year", "GET", "/", nil, 200},
		{"outlet", "GET", "/outlets/bao-ho-tay?year=2025", nil, 200},
		{"outlet without evidence", "GET", "/outlets/phuong-sen?year=2025", nil, 200},
		{"article", "GET", "/article?url=" + url.QueryEscape(fixtureStereo), nil, 200},
		{"article sexualised", "GET", "/article?url=" + url.QueryEscape(fixtureSexual), nil, 200},
		{"article balanced", "GET", "/article?url=" + url.QueryEscape("https://hotay.example/tin-01"), nil, 200},
		{"search form", "GET", "/search", nil, 200},
		{"search", "GET", "/search?q=nguoi+dep", nil, 200},
		{"search filtered", "GET", "/search?outlet=phuong-sen&period=2025", nil, 200},
		{"check", "GET", "/check", nil, 200},
		{"check draft", "POST", "/check", draft, 200},
		{"check empty", "POST", "/check", url.Values{"text": {" "}}, 400},
		{"evidence", "GET", "/outlets/bao-ho-tay/evidence/2025", nil, 200},
		{"evidence invalid", "POST", "/outlets/phuong-sen/evidence/2025", badEvidence, 400},
		{"review refused", "POST", "/article/review?url=" + url.QueryEscape(fixtureStereo), url.Values{"token": {testToken},
			"kind": {"objection"}, "category": {"stereotype"}, "start": {"0"}, "end": {"8"}, "by": {"Cán bộ Hà"}}, 400},
		{"review invalid", "POST", "/article/review?url=" + url.QueryEscape(fixtureStereo), url.Values{"token": {testToken},
			"kind": {"add_finding"}, "category": {"stereotype"}, "text": {"không có trong bài"}}, 400},
		// A recorded correction redirects to the article page, which then shows it in its review and history.
		{"review recorded", "POST", "/article/review?url=" + url.QueryEscape(fixtureStereo), url.Values{"token": {testToken},
			"kind": {"set_gender"}, "person": {"Phạm Quốc Bảo"}, "gender": {"female"}, "reason": {"Nữ chuyên gia"}}, 200},
		{"review objection", "POST", "/article/review?url=" + url.QueryEscape(fixtureStereo), url.Values{"token": {testToken},
			"kind": {"objection"}, "category": {"stereotype"}, "start": {"0"}, "end": {"11"}, "reason": {"Trích lời nhân vật"}}, 200},
		{"review marked", "POST", "/article/review?url=" + url.QueryEscape(fixtureStereo), url.Values{"token": {testToken},
			"kind": {"reviewed"}, "by": {"Phòng VH-TT"}}, 200},
		{"outlet reviewed", "GET", "/outlets/bao-ho-tay?year=2025", nil, 200},
		{"review without token", "POST", "/article/review?url=" + url.QueryEscape(fixtureStereo), url.Values{"kind": {"reviewed"}}, 401},
		{"report", "GET", "/report?year=2025&format=html", nil, 200},
		{"bad year", "GET", "/?year=abc", nil, 400},
		{"bad period", "GET", "/search?period=someday", nil, 400},
		{"bad category", "GET", "/search?category=nope", nil, 400},
		{"bad offset", "GET", "/search?offset=-1", nil, 400},
		{"bad report format", "GET", "/report?year=2025&format=pdf", nil, 400},
		{"no url", "GET", "/article", nil, 400},
		{"no outlet", "GET", "/outlets/nope", nil, 404},
		{"no article", "GET", "/article?url=" + url.QueryEscape("https://hotay.example/nope"), nil, 404},
		{"no page", "GET", "/nope", nil, 404},
	}
}

func TestPagesSpeakOneLanguage(t *testing.T) {
	ts, _ := newPagesTestServer(t)
	for _, lang := range []string{"vi", "en"} {
		for _, pg := range langPages() {
			if pg.path == "/report?year=2025&format=html" && lang == "en" {
				continue // the report is Vietnamese only
			}
			t.Run(lang+"/"+pg.name, func(t *testing.T) {
				u := ts.URL + pg.path
				if lang == "en" {
					u += sep(u) + "lang=en"
				}
				code, body := fetchPage(t, pg.method, u, pg.form)
				if code != pg.code {
					t.Fatalf("%s %s = %d, want %d", pg.method, u, code, pg.code)
				}
				doc, err := html.Parse(strings.NewReader(body))
				if err != nil {
					t.Fatal(err)
				}
				if got := pageLangOf(doc); got != lang {
					t.Errorf("<html lang=%q>, want %q", got, lang)
				}
				seen := map[string]bool{}
				for _, txt := range visibleText(doc, lang) {
					if bad := untranslated(lang, txt); len(bad) > 0 && !seen[txt] {
						seen[txt] = true
						t.Errorf("%s %s: %q in %q", pg.method, pg.path, bad, txt)
					}
				}
				if !strings.Contains(body, fixtureUnit.Name) {
					t.Errorf("%s %s does not name the unit %q", pg.method, pg.path, fixtureUnit.Name)
				}
			})
		}
	}
}

// fetchPage requests a page as a browser does, with Accept: text/html.
func fetchPage(t *testing.T, method, u string, form url.Values) (int, string) {
	t.Helper()
	var body *strings.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	} else {
		body = strings.NewReader("")
	}
	req, err := http.NewRequest(method, u, body)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Accept", "text/html,application/xhtml+xml")
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var sb strings.Builder
	buf := make([]byte, 32<<10)
	for {
		n, err := resp.Body.Read(buf)
		sb.Write(buf[:n])
		if err != nil {
			break
		}
	}
	return resp.StatusCode, sb.String()
}

func pageLangOf(doc *html.Node) string {
	for n := doc.FirstChild; n != nil; n = n.NextSibling {
		if n.Type == html.ElementNode && n.Data == "html" {
			return attr(n, "lang")
		}
	}
	return ""
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// properNames are the fixture's names of outlets and of the unit. Text nodes mark them with lang="vi"; attributes
// and SVG titles (a chart's accessible name) cannot, so the walk leaves them out of those.
var properNames = strings.NewReplacer("Báo Hồ Tây", "", "Cổng phường Sen", "", fixtureUnit.Name, "")

// visibleText returns the texts a reader sees or hears on the page: text nodes and the accessible attributes, outside
// <head>, scripts, styles, form fields' contents and elements in another language than the page's.
func visibleText(doc *html.Node, lang string) []string {
	var out []string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "title" {
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				out = append(out, properNames.Replace(c.Data)) // an SVG title
			}
			return
		}
		if n.Type == html.ElementNode {
			switch n.Data {
			case "head", "script", "style", "textarea":
				return
			}
			if l := attr(n, "lang"); l != "" && n.Data != "html" && l != lang {
				return
			}
			for _, key := range []string{"aria-label", "placeholder", "title", "alt"} {
				if v := attr(n, key); strings.TrimSpace(v) != "" {
					out = append(out, properNames.Replace(v))
				}
			}
		}
		if n.Type == html.TextNode && strings.TrimSpace(n.Data) != "" {
			out = append(out, strings.Join(strings.Fields(n.Data), " "))
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return out
}

// untranslated returns the words of txt that do not belong on a page in lang.
func untranslated(lang, txt string) []string {
	txt = urlLike.ReplaceAllString(txt, " ")
	var bad []string
	if lang == "vi" {
		bad = append(bad, snakeCase.FindAllString(txt, -1)...)
		for _, tok := range strings.Fields(txt) {
			w := strings.TrimFunc(tok, func(r rune) bool { return !unicode.IsLetter(r) })
			if w == "" || strings.ContainsAny(w, "-_/.") || w == strings.ToUpper(w) {
				continue // codes, slugs, acronyms (API, XLSX, UBND)
			}
			for _, e := range englishWords {
				if strings.EqualFold(w, e) {
					bad = append(bad, w)
				}
			}
		}
		return bad
	}
	for _, w := range wordRE.FindAllString(quoted.ReplaceAllString(txt, " "), -1) {
		for _, r := range w {
			if r > unicode.MaxASCII && unicode.IsLetter(r) {
				bad = append(bad, w)
				break
			}
		}
	}
	return bad
}

func TestUntranslated(t *testing.T) {
	tests := []struct {
		lang, txt string
		want      []string
	}{
		{"vi", "Tỷ lệ: want a percentage", []string{"want", "percentage"}},
		{"vi", "staff_trained: cần một tỷ lệ", []string{"staff_trained"}},
		{"vi", "Tải báo cáo năm: XLSX · HTML; ví dụ: the-thao; https://a.example/the-page", nil},
		{"en", "Women sources in Phường Sen", []string{"Phường"}},
		{"en", "Monthly trends – 2025 «quote»", nil},
		{"en", `Write "phụ nữ" instead of “phái yếu”; speech verb «cho biết»`, nil},
	}
	for _, tt := range tests {
		got := untranslated(tt.lang, tt.txt)
		if strings.Join(got, ",") != strings.Join(tt.want, ",") {
			t.Errorf("untranslated(%s, %q) = %q, want %q", tt.lang, tt.txt, got, tt.want)
		}
	}
}
