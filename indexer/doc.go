// Package indexer stores scored articles in a bleve index and answers searches and per-outlet aggregates over them.
//
// Writes are batched by one writer goroutine and acknowledged only once bleve has persisted the batch, so an article
// reported as stored survives a crash. Aggregates are computed from a compact in-memory table of every stored article,
// rebuilt from the index when it is opened, so they are exact and cheap.
package indexer
