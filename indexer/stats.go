package indexer

import (
	"sync/atomic"
	"time"
)

// WriteStats counts the writer's work since the index was opened, for monitoring.
type WriteStats struct {
	Batches       uint64
	Documents     uint64
	Errors        uint64
	BatchDuration time.Duration // summed over every batch
	// DamagedParts counts the partitions and results file that could not be read and are not served (see Damaged).
	DamagedParts int
}

type writeCounters struct {
	batches, documents, errors, nanos atomic.Uint64
}

func (c *writeCounters) record(docs int, d time.Duration, err error) {
	c.batches.Add(1)
	c.documents.Add(uint64(docs))
	c.nanos.Add(uint64(d))
	if err != nil {
		c.errors.Add(1)
	}
}

// WriteStats returns the counts of batches and documents written, failed batches and time spent writing.
func (ix *Index) WriteStats() WriteStats {
	return WriteStats{
		Batches: ix.stats.batches.Load(), Documents: ix.stats.documents.Load(), Errors: ix.stats.errors.Load(),
		BatchDuration: time.Duration(ix.stats.nanos.Load()), DamagedParts: len(ix.Damaged()),
	}
}
