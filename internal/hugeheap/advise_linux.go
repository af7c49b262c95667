package hugeheap

import (
	"syscall"
	"unsafe"
)

// madvHugePage is MADV_HUGEPAGE, 14 on every Linux architecture.
const madvHugePage = 14

// advise marks the huge pages wholly inside b MADV_HUGEPAGE. b is fresh
// from the kernel (a large allocation), so nothing in it has been touched.
func advise(b []byte) {
	p := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	beg := (p + hugePage - 1) &^ (hugePage - 1)
	end := (p + uintptr(len(b))) &^ (hugePage - 1)
	if end <= beg {
		return
	}
	_ = syscall.Madvise(b[beg-p:end-p], madvHugePage)
}
