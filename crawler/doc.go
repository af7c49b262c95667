// Package crawler collects the articles of configured outlets with colly and goquery and hands each one to a Sink.
//
// It discovers pages through robots.txt Sitemap lines, sitemaps, RSS/Atom feeds and links from start and listing pages,
// stays within each outlet's allowed hosts, honours robots.txt and a per-host delay, decodes legacy charsets, and
// extracts title, lead, body, author, section, date and images. It knows nothing of scoring or storage.
package crawler
