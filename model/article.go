package model

import "time"

// Article is a news article as genderlens knows it, from the crawler to the store: the outlet it belongs to, its
// canonical URL (its identity), its text and its dates. The crawler adds how it was fetched, the store adds scores.
type Article struct {
	// URL is the canonical URL; it identifies the article.
	URL string `json:"url"`
	// Outlet is the config id of the outlet the article belongs to.
	Outlet string `json:"outlet"`
	Title  string `json:"title"`
	// Lead is the sapo/standfirst when the page marks one.
	Lead    string `json:"lead,omitempty"`
	Body    string `json:"body"`
	Author  string `json:"author,omitempty"`
	Section string `json:"section,omitempty"`
	// Published is the publication time in Vietnam; zero when unknown.
	Published time.Time `json:"published"`
	// ContentHash identifies the text so that syndicated copies can be found.
	ContentHash string `json:"content_hash,omitempty"`
}
