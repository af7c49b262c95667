package crawler

import (
	"context"
	"time"

	"genderlens/model"
)

// Article is one news article as collected from an outlet, before scoring: the article itself and how it was fetched.
type Article struct {
	model.Article
	// FetchedURL is the URL the page was actually fetched from.
	FetchedURL string    `json:"fetched_url,omitempty"`
	Fetched    time.Time `json:"fetched"`
	// Images are the body's images; their captions are part of the scored text.
	Images []Image `json:"images,omitempty"`
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
// replace the earlier version. An error (or a cancelled ctx) leaves the article unmarked, to be fetched again. An
// error that means the disk is full (IsNoSpace: one that wraps syscall.ENOSPC, EDQUOT or EFBIG) pauses the whole
// crawler instead: Store is called again with the same article, with backoff, until it succeeds.
type Sink interface {
	Store(ctx context.Context, a Article) error
}
