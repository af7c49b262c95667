package crawler

import (
	"context"
	"time"
)

// Article is one news article as collected from an outlet, before scoring.
type Article struct {
	// OutletID is the config id of the outlet the article belongs to.
	OutletID string `json:"outlet"`
	// URL is the canonical URL; it identifies the article.
	URL string `json:"url"`
	// FetchedURL is the URL the page was actually fetched from.
	FetchedURL string `json:"fetched_url,omitempty"`
	Title      string `json:"title"`
	// Lead is the sapo/standfirst when the page marks one.
	Lead    string `json:"lead,omitempty"`
	Body    string `json:"body"`
	Author  string `json:"author,omitempty"`
	Section string `json:"section,omitempty"`
	// Published is the publication time in Asia/Ho_Chi_Minh; zero when unknown.
	Published time.Time `json:"published"`
	Fetched   time.Time `json:"fetched"`
	Images    []Image   `json:"images,omitempty"`
	// ContentHash identifies the text so that syndicated copies can be found.
	ContentHash string `json:"content_hash,omitempty"`
}

// Image is an image in the article body; alt text and caption feed later image indicators.
type Image struct {
	URL     string `json:"url,omitempty"`
	Alt     string `json:"alt,omitempty"`
	Caption string `json:"caption,omitempty"`
}

// Sink receives collected articles. The crawler knows nothing of what happens to them (scoring, indexing).
//
// Store must return nil only once the article is durable: the crawler then marks it stored in its state and will not
// hand it over again unless its text changes, in which case Store is called again with the same URL and must
// replace the earlier version. An error (or a cancelled ctx) leaves the article unmarked, to be fetched again.
type Sink interface {
	Store(ctx context.Context, a Article) error
}
