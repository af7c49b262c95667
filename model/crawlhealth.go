package model

import "time"

// CrawlHealth is the outcome of an outlet's last crawl, as the crawler saw it: what an officer needs to tell a
// monitored outlet from one that is fetched but yields nothing.
type CrawlHealth struct {
	// LastCrawl is when the last crawl of the outlet ended.
	LastCrawl time.Time `json:"last_crawl"`
	// Pages are the responses read (pages, sitemaps, feeds); Articles the pages taken as articles (new, updated,
	// unchanged or duplicate); Stored those handed to storage in that crawl (new or updated).
	Pages    int `json:"pages"`
	Articles int `json:"articles"`
	Stored   int `json:"stored"`
	Errors   int `json:"errors"`
	// Skipped counts the pages fetched but not taken as articles, by reason (article_pattern, thin, listing,
	// no_signal, not_html).
	Skipped map[string]int `json:"skipped"`
	// Warnings say, in English, what looks wrong and how to fix it (article_pattern, selectors).
	Warnings []string `json:"warnings"`
}
