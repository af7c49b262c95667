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
	// PausedSeconds is how long that crawl fetched nothing because the store had no space (a full disk): it waited
	// for a write to succeed, then went on where it stopped. Absent when it did not pause.
	PausedSeconds float64 `json:"paused_seconds,omitempty"`
	// PausedSince is set while the crawler is paused because the store has no space: no outlet's page is fetched
	// until a write succeeds (every outlet's articles go to the same disk).
	PausedSince *time.Time `json:"paused_since,omitempty"`
}
