package server

import (
	"context"
	"net/http"
	"strconv"
	"time"
)

// Body limits per route: a body larger than its route's limit is answered 413 before any of it is parsed.
const (
	// formBodyBytes bounds the self-check form: the 1 MB draft and the form's other fields and multipart framing.
	formBodyBytes = maxBodyBytes + 64<<10
	// evidenceFormBytes bounds the evidence form, a dozen short text fields, and the article page's review forms
	// (a reason of at most 4,000 characters, URL-encoded, and a few short fields).
	evidenceFormBytes = 64 << 10
	// formMemoryBytes is what ParseMultipartForm keeps in memory; the body limit above it means nothing of a form
	// within its limit is written to a temporary file.
	formMemoryBytes = formBodyBytes
)

// bodyLimit is the largest request body route rt reads.
func bodyLimit(rt route) int64 {
	switch rt.name {
	case "page_check":
		return formBodyBytes
	case "page_evidence", "page_review":
		return evidenceFormBytes
	default:
		return maxBodyBytes
	}
}

// limitBody applies the route's body limit before the handler sees the request: a declared length beyond it is
// refused at once without reading a byte, and the body of any other is cut at the limit (http.MaxBytesReader), which
// the handlers answer 413. Every body is bounded this way, so no handler, and no form parse such as the page
// language's, can read more.
func (s *Server) limitBody(limit int64, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.ContentLength > limit {
			// The body is not read: closing the connection keeps the server from draining it.
			w.Header().Set("Connection", "close")
			s.tooLarge(w, r, limit)
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, limit)
		h.ServeHTTP(w, r)
	})
}

// tooLarge answers 413: an HTML page to a browser, the JSON error to the API and other clients.
func (s *Server) tooLarge(w http.ResponseWriter, r *http.Request, limit int64) {
	if wantsPage(r) {
		s.errorPage(w, r, http.StatusRequestEntityTooLarge, "error.toolarge", "error.maxsize", sizeText(limit))
		return
	}
	s.writeError(w, r, errorf(codePayloadTooLarge, "the body is larger than %s", sizeText(limit)))
}

// sizeText writes a body limit for a person: "1 MB" for the API's limit, as it has always been called, KiB otherwise.
func sizeText(limit int64) string {
	if limit == maxBodyBytes {
		return "1 MB"
	}
	return strconv.FormatInt(limit>>10, 10) + " KiB"
}

// checkGate bounds the drafts POST /api/check scores at once: scoring a 1 MB draft takes tens of megabytes, so the
// number in flight, not the number of clients, sets the memory it uses. A request beyond the bound waits up to the
// queue time for a slot, then gets 503 with Retry-After.
type checkGate struct {
	slots chan struct{}
	wait  time.Duration
}

func newCheckGate(n int, wait time.Duration) *checkGate {
	return &checkGate{slots: make(chan struct{}, n), wait: wait}
}

// acquire takes a slot, waiting at most the queue time; it returns false when none came free (or the client left).
func (g *checkGate) acquire(ctx context.Context) bool {
	select {
	case g.slots <- struct{}{}:
		return true
	default:
	}
	t := time.NewTimer(g.wait)
	defer t.Stop()
	select {
	case g.slots <- struct{}{}:
		return true
	case <-t.C:
		return false
	case <-ctx.Done():
		return false
	}
}

func (g *checkGate) release() { <-g.slots }
