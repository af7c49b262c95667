package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"genderlens/config"
	"genderlens/crawler"
	"genderlens/model"
)

func runProbe(ctx context.Context, env *environment, args []string) error {
	fs := newFlagSet(env, "probe", "probe [--config FILE] [--outlet ID] [--format text|json] [--lang vi|en] URL", `  genderlens probe https://phuong.example/news.aspx?id=1002
  genderlens probe --config genderlens.yaml --outlet phuong-thu https://phuong.example/news.aspx?id=1002
  genderlens probe --format json https://baothu.example/thoi-su/

Fetches one page as the crawler would (robots.txt, crawler.user_agent, delay, size limit, charset) and shows whether
it is taken as an article and why, what is extracted from it and by which extractor, and the links a crawl would
follow. With --outlet, the outlet's selectors and article_pattern apply, and the page is also shown as read without
them. Only the page's host is contacted; nothing is stored.`)
	var cf configFlags
	cf.register(fs, false)
	outletID := fs.String("outlet", "", "apply the settings (selectors, article_pattern, hosts) of the configured outlet `id`")
	format := fs.String("format", "text", "output `format`: text or json")
	lang := fs.String("lang", "vi", "language of the text output: vi or en")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *format != "text" && *format != "json" {
		return usageErrorf("--format: want text or json, got %q", *format)
	}
	if *lang != "vi" && *lang != "en" {
		return usageErrorf("--lang: want vi or en, got %q", *lang)
	}
	if fs.NArg() != 1 {
		return usageErrorf("name one page URL to probe (see --help)")
	}
	cfg, err := cf.load()
	if err != nil {
		return err
	}
	log, err := cf.logger(env.stderr)
	if err != nil {
		return err
	}
	var o config.Outlet
	if *outletID != "" {
		var ok bool
		if o, ok = cfg.Outlet(*outletID); !ok {
			return usageErrorf("--outlet: no outlet %q in the configuration", *outletID)
		}
	}
	c := crawler.New(cfg.Crawler, nil, crawler.WithLogger(log), crawler.WithClock(env.clock))
	defer c.Close()
	res, err := c.Probe(ctx, fs.Arg(0), o)
	if err != nil {
		return err
	}
	if *format == "json" {
		enc := json.NewEncoder(env.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(res)
	}
	writeProbe(env.stdout, res, *lang)
	return nil
}

// probeLabels are the text output's words, in Vietnamese and English.
var probeLabels = map[string][2]string{
	"page":         {"Trang", "Page"},
	"article":      {"Bài viết", "Article"},
	"yes":          {"có", "yes"},
	"no":           {"không", "no"},
	"signals":      {"Tín hiệu", "Signals"},
	"title":        {"Tiêu đề", "Title"},
	"date":         {"Ngày đăng", "Published"},
	"author":       {"Tác giả", "Author"},
	"section":      {"Chuyên mục", "Section"},
	"lead":         {"Sapo", "Lead"},
	"body":         {"Nội dung", "Body"},
	"paragraphs":   {"đoạn", "paragraphs"},
	"chars":        {"ký tự", "characters"},
	"match":        {"khớp", "matches"},
	"no_match":     {"không khớp", "no match"},
	"url_shape":    {"URL dạng bài viết", "article-like URL"},
	"text_chars":   {"số ký tự sapo và nội dung", "characters of lead and body"},
	"captions":     {"Chú thích ảnh", "Captions"},
	"links":        {"Liên kết sẽ theo", "Links followed"},
	"article_urls": {"dạng bài viết", "article-like"},
	"listing_urls": {"trang khác (chuyên mục, danh sách)", "other (sections, listings)"},
	"off_site":     {"ngoài trang", "off-site"},
	"skipped":      {"tệp bỏ qua", "files skipped"},
	"robots":       {"robots.txt chặn", "blocked by robots.txt"},
	"none":         {"(không có)", "(none)"},
	"automatic":    {"Không dùng selectors và article_pattern của outlet", "Without the outlet's selectors and article_pattern"},
	"same":         {"kết quả như trên", "the same result"},
	"more":         {"… và %d liên kết nữa", "… and %d more"},
}

func probeLabel(lang, key string) string {
	l := probeLabels[key]
	if lang == "en" {
		return l[1]
	}
	return l[0]
}

// probeReason says in one sentence why the page is or is not taken as an article.
func probeReason(ex crawler.ProbeExtraction, lang string) string {
	s := ex.Signals
	vi := lang != "en"
	switch {
	case s.ArticlePattern != "" && s.PatternMatch:
		return pick(vi, "URL khớp article_pattern "+s.ArticlePattern, "the URL matches article_pattern "+s.ArticlePattern)
	case s.ArticlePattern != "":
		return pick(vi, "URL không khớp article_pattern "+s.ArticlePattern+" (article_pattern quyết định một mình)",
			"the URL does not match article_pattern "+s.ArticlePattern+" (article_pattern alone decides)")
	case !ex.IsArticle && s.TextChars < s.MinArticleChars:
		return pick(vi, fmt.Sprintf("quá ít chữ: %d ký tự, cần ít nhất %d", s.TextChars, s.MinArticleChars),
			fmt.Sprintf("too little text: %d characters, at least %d needed", s.TextChars, s.MinArticleChars))
	case !ex.IsArticle && ex.SkipReason == crawler.SkipListing:
		return pick(vi, "trang có dạng trang danh sách (nhiều liên kết, đoạn giới thiệu ngắn, phân trang), không phải một bài viết",
			"the page is shaped like a listing (many links, short teasers, pagination), not an article")
	case ex.IsArticle && s.JSONLD:
		return pick(vi, "trang có JSON-LD kiểu bài viết", "the page has an article-typed JSON-LD object")
	case ex.IsArticle && s.OGType == "article":
		return pick(vi, "trang khai báo og:type article", "the page declares og:type article")
	case ex.IsArticle && s.URLShape:
		return pick(vi, "URL có dạng bài viết (tiêu đề không dấu hoặc mã số dài)", "the URL looks like an article's (a headline slug or a long id)")
	case ex.IsArticle:
		return pick(vi, "hình dạng trang: một khối văn bản chính", "the page's shape: one main block of text")
	}
	return pick(vi, "không có JSON-LD, og:type article hay URL dạng bài viết; nếu đây là bài viết, đặt article_pattern (hoặc selectors) cho outlet",
		"no JSON-LD, og:type article or article-like URL; if this is an article, set the outlet's article_pattern (or selectors)")
}

func pick(vi bool, viText, enText string) string {
	if vi {
		return viText
	}
	return enText
}

// probeBodyLines is how many body paragraphs the text output shows, each cut at probeLineRunes.
const (
	probeBodyLines = 3
	probeLineRunes = 160
	probeLinks     = 10
)

func writeProbe(w io.Writer, res crawler.ProbeResult, lang string) {
	L := func(k string) string { return probeLabel(lang, k) }
	fmt.Fprintf(w, "%s: %s\n", L("page"), res.FinalURL)
	fmt.Fprintf(w, "  HTTP %d, %s, %s, %d byte\n", res.Status, orDash(res.ContentType), res.Charset, res.Bytes)
	writeExtraction(w, res.Extraction, lang)
	if a := res.Automatic; a != nil {
		fmt.Fprintf(w, "\n%s:\n", L("automatic"))
		if probeSame(*a, res.Extraction) {
			fmt.Fprintf(w, "  %s\n", L("same"))
		} else {
			writeExtraction(w, *a, lang)
		}
	}
	l := res.Links
	fmt.Fprintf(w, "\n%s: %d %s, %d %s; %d %s, %d %s, %d %s\n", L("links"), len(l.Articles), L("article_urls"),
		len(l.Listings), L("listing_urls"), l.OffSite, L("off_site"), l.Skipped, L("skipped"), l.RobotsBlocked, L("robots"))
	for _, group := range []struct {
		key  string
		urls []string
	}{{"article_urls", l.Articles}, {"listing_urls", l.Listings}} {
		if len(group.urls) == 0 {
			continue
		}
		fmt.Fprintf(w, "  %s:\n", L(group.key))
		for i, u := range group.urls {
			if i == probeLinks {
				fmt.Fprintf(w, "    "+L("more")+"\n", len(group.urls)-probeLinks)
				break
			}
			fmt.Fprintf(w, "    %s\n", u)
		}
	}
}

func writeExtraction(w io.Writer, ex crawler.ProbeExtraction, lang string) {
	L := func(k string) string { return probeLabel(lang, k) }
	verdict := L("no")
	if ex.IsArticle {
		verdict = L("yes")
	}
	fmt.Fprintf(w, "%s: %s (%s)\n", L("article"), verdict, probeReason(ex, lang))
	s := ex.Signals
	pattern := "-"
	if s.ArticlePattern != "" {
		pattern = s.ArticlePattern + " (" + L("no_match") + ")"
		if s.PatternMatch {
			pattern = s.ArticlePattern + " (" + L("match") + ")"
		}
	}
	yesNo := func(b bool) string {
		if b {
			return L("yes")
		}
		return L("no")
	}
	fmt.Fprintf(w, "  %s: article_pattern %s; %s: %s; JSON-LD: %s; og:type: %s; %s: %d\n", L("signals"), pattern,
		L("url_shape"), yesNo(s.URLShape), yesNo(s.JSONLD), orDash(s.OGType), L("text_chars"), s.TextChars)
	field := func(key, value string) {
		if value == "" {
			value = L("none")
		}
		if src := ex.Sources[key]; src != "" {
			value += "  [" + src + "]"
		}
		fmt.Fprintf(w, "%s: %s\n", L(key), value)
	}
	field("title", ex.Title)
	date := ""
	if ex.Published != nil {
		date = ex.Published.In(model.Vietnam()).Format("2006-01-02 15:04 -07:00")
	}
	field("date", date)
	field("author", ex.Author)
	field("section", ex.Section)
	field("lead", ex.Lead)
	chars := 0
	for _, p := range ex.Body {
		chars += len([]rune(p))
	}
	field("body", fmt.Sprintf("%d %s, %d %s", len(ex.Body), L("paragraphs"), chars, L("chars")))
	for i, p := range ex.Body {
		if i == probeBodyLines {
			fmt.Fprintln(w, "  …")
			break
		}
		fmt.Fprintf(w, "  | %s\n", cutRunes(p, probeLineRunes))
	}
	if len(ex.Captions) > 0 {
		fmt.Fprintf(w, "%s:  [%s]\n", L("captions"), ex.Sources["captions"])
		for _, c := range ex.Captions {
			fmt.Fprintf(w, "  | %s\n", c)
		}
	}
}

// probeSame reports two readings that show the same.
func probeSame(a, b crawler.ProbeExtraction) bool {
	a.Signals, b.Signals = crawler.ProbeSignals{}, crawler.ProbeSignals{}
	pa, pb := a.Published, b.Published
	a.Published, b.Published = nil, nil
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	return string(ja) == string(jb) && (pa == nil) == (pb == nil) && (pa == nil || pa.Equal(*pb))
}

func cutRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n])) + "…"
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
