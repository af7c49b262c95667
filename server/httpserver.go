package server

import (
	"net"
	"net/http"
	"time"

	"golang.org/x/net/netutil"
)

// Limits bound what slow, idle and numerous clients can hold of the server: each timeout frees a connection that a
// client keeps without finishing its request or using it, and MaxConnections bounds the file descriptors they take.
type Limits struct {
	// ReadHeaderTimeout bounds the time to send the request line and headers (also of a new, silent connection).
	ReadHeaderTimeout time.Duration
	// ReadTimeout bounds the time to send the whole request, body included.
	ReadTimeout time.Duration
	// WriteTimeout bounds the time from the end of the request's headers to the end of the response.
	WriteTimeout time.Duration
	// IdleTimeout closes a kept-alive connection that sends no new request.
	IdleTimeout time.Duration
	// MaxConnections bounds the connections open at once; more wait to be accepted.
	MaxConnections int
}

// HTTPServer is an http.Server for h with the limits' timeouts.
func HTTPServer(h http.Handler, l Limits) *http.Server {
	return &http.Server{Handler: h, ReadHeaderTimeout: l.ReadHeaderTimeout, ReadTimeout: l.ReadTimeout,
		WriteTimeout: l.WriteTimeout, IdleTimeout: l.IdleTimeout}
}

// LimitListener accepts at most l.MaxConnections connections at once from ln; the others wait in the kernel's
// queue until one closes, which the timeouts guarantee.
func LimitListener(ln net.Listener, l Limits) net.Listener {
	return netutil.LimitListener(ln, l.MaxConnections)
}
