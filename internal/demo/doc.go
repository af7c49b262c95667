// Package demo serves three fictional Vietnamese news outlets on loopback so that `genderlens serve --demo` can crawl,
// score and index something realistic without any network access.
//
// The articles live in content/*.yaml, embedded in the binary and validated by Content. Each outlet gets its own
// listener (its own host, robots.txt and sitemaps) and its own HTML style: a modern newspaper with JSON-LD, an old
// table-based district portal without any metadata, and a radio station with OpenGraph and audio players. The pages
// differ on purpose so that the crawler and the extractor are exercised the way real outlets exercise them.
package demo
