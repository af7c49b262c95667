//go:build !linux

package hugeheap

// advise does nothing where transparent huge pages are not asked for with madvise.
func advise([]byte) {}
