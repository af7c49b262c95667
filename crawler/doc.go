// Package crawler collects the articles of configured outlets with colly and goquery and hands each one to a Sink.
//
// It discovers pages through robots.txt Sitemap lines, sitemaps (read first, so that their lastmod is known),
// RSS/Atom feeds and links from start and listing pages, stays within each outlet's allowed hosts, honours
// robots.txt, decodes legacy charsets, and extracts title, lead, body, author, section, date and images. It knows
// nothing of scoring or storage.
//
// Politeness lives in one http.RoundTripper under colly (polite.go): per host at most crawler.parallelism requests
// in flight and at least crawler.delay (or a larger robots.txt Crawl-delay) between request starts, 429/503
// retried after Retry-After, a timeout per attempt, and bodies over crawler.max_body_bytes refused rather than cut.
// colly runs synchronously on a fixed pool of workers fed by the run's own bounded frontier (frontier.go).
//
// The crawl state (state.go: per URL the validators, sitemap lastmod, content hash and a "stored" mark set only
// after the Sink acknowledged the article) is kept in an append-only log per outlet under WithStateDir, so that a
// re-crawl sends conditional GETs, skips what the sitemap says is unchanged, re-stores only changed articles, and a
// restart neither re-fetches everything nor loses an article.
//
// A Sink error that means the disk is full (IsNoSpace: ENOSPC, EDQUOT, EFBIG) pauses the whole crawler rather than
// costing the article (diskpause.go): no request starts, for any outlet, the article is held and stored again with
// backoff, and the crawl goes on where it stopped once a write succeeds (or gives up after WithMaxDiskPause).
package crawler
