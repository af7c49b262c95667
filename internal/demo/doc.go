// Package demo serves three fictional Vietnamese news outlets on loopback so that `genderlens serve --demo` can crawl,
// score and index something realistic without any network access.
//
// The articles live in content/*.yaml, embedded in the binary and validated by Content. Each outlet gets its own
// listener (its own host, robots.txt and sitemaps) and its own HTML style: a modern newspaper with JSON-LD, an old
// table-based district portal without any metadata, and a radio station with OpenGraph and audio players. The pages
// differ on purpose so that the crawler and the extractor are exercised the way real outlets exercise them.
//
// Each article carries its own annotations (quoted sources by gender, flagged phrases); the scorer's accuracy test
// scores the articles of Articles against them.
//
// Files by concern: content.go the articles, their annotations and the outlets; handler.go one outlet's site model
// (its articles indexed by path, slug and section); urls.go each outlet's URL scheme; routes.go the requests each
// outlet answers; render.go and views.go the pages, metadata.go their OpenGraph and JSON-LD, svg.go the images;
// feeds.go robots.txt, sitemaps and RSS; site.go the three listeners.
package demo
