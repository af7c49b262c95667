// Package hugeheap asks the kernel to back the memory a start-up is about to
// fill with transparent huge pages.
//
// Compiling the rules fills some 40 MB of fresh heap in a few tens of
// milliseconds. The kernel backs fresh memory one 4 KB page at a time, on
// first touch; on a virtual machine each of those 10,000 faults cost about
// 7 µs, half of `genderlens check`'s start-up (issue 10). With huge
// pages the same memory takes some twenty faults. Where the kernel gives huge
// pages only on request (transparent_hugepage=madvise, the common default),
// Go's heap does not ask for them, so Reserve does: it allocates a span of
// the heap, advises it, and hands it back to the runtime, which then carves
// the start-up's objects out of it.
package hugeheap

import "runtime"

// hugePage is the size of a transparent huge page on amd64 and arm64.
const hugePage = 2 << 20

// Reserve backs the next n bytes of the heap with huge pages where the
// system allows it, and does nothing otherwise. It is meant to be called
// once, at the start of a process (package atstart), before the burst of
// allocation it is for. It runs a collection, which frees the span it
// advised. Advice only: an error (an old kernel, huge pages turned off)
// leaves the heap as it was.
func Reserve(n int) {
	if n < 2*hugePage {
		return
	}
	advise(make([]byte, n))
	// The span is free once advise returns, and a collection makes it so now
	// rather than at the next cycle: the burst's objects then come from it,
	// in pages the kernel backs 2 MB at a time.
	runtime.GC()
}
