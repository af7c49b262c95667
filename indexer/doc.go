// Package indexer stores scored articles and answers searches and exact per-outlet aggregates over them.
//
// Articles live in bleve indexes, one per year of publication, searched together through an alias. Writes are
// batched by one writer goroutine and acknowledged only once bleve has persisted the batch, so an article reported
// as stored survives a crash; the same URL written again is an update. Aggregates are computed from a compact
// in-memory table of every stored article, rebuilt from the indexes when they are opened, so they are exact and
// cheap. A background rescore brings articles scored with an older rules version up to date, resumably.
package indexer
