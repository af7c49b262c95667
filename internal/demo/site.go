package demo

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"genderlens/config"
)

// Site runs the three demo outlets, each on its own loopback listener so that each is its own host.
type Site struct {
	servers  []*outletServer // in Outlets() order
	requests atomic.Int64
	wg       sync.WaitGroup
	// serveErrs collects errors of Serve other than a normal shutdown; buffered for every server.
	serveErrs chan error
	done      chan struct{}
	closeOnce sync.Once
	closeErr  error
}

type outletServer struct {
	handler *Handler
	srv     *http.Server
	host    string // 127.0.0.1:PORT
}

// Start serves the embedded content (see Content) until ctx is done or Close is called. addrs are the addresses the
// outlets should listen on, by outlet id (see StartContent).
func Start(ctx context.Context, addrs map[string]string) (*Site, error) {
	content, err := Content()
	if err != nil {
		return nil, fmt.Errorf("start demo sites: %w", err)
	}
	return StartContent(ctx, content, addrs)
}

// StartContent serves the given articles by outlet id; every outlet of Outlets needs at least one article. Each
// outlet listens on its address in addrs ("127.0.0.1:PORT", usually the previous run's, so that the URLs of its
// articles stay the same across restarts) when it is a free loopback address, and on a free loopback port otherwise:
// compare Addr with what was asked to tell.
func StartContent(ctx context.Context, content map[string][]Article, addrs map[string]string) (*Site, error) {
	outlets := Outlets()
	s := &Site{serveErrs: make(chan error, len(outlets)), done: make(chan struct{})}
	var lc net.ListenConfig
	for _, o := range outlets {
		ln, err := listenLoopback(ctx, &lc, addrs[o.ID])
		if err != nil {
			return nil, errors.Join(fmt.Errorf("start demo site %s: %w", o.ID, err), s.Close())
		}
		host := ln.Addr().String()
		h, err := NewHandler(o.ID, content[o.ID], "http://"+host)
		if err != nil {
			return nil, errors.Join(fmt.Errorf("start demo site %s: %w", o.ID, err), ln.Close(), s.Close())
		}
		srv := &outletServer{handler: h, host: host}
		srv.srv = &http.Server{
			Handler:           s.count(h),
			ReadHeaderTimeout: 10 * time.Second,
			// Cancelled with ctx like the rest of the site, so in-flight requests end too.
			BaseContext: func(net.Listener) context.Context { return ctx },
		}
		s.servers = append(s.servers, srv)
		s.wg.Go(func() {
			if err := srv.srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
				s.serveErrs <- fmt.Errorf("demo site %s: %w", o.ID, err)
			}
		})
	}
	go func() {
		select {
		case <-ctx.Done():
			_ = s.Close()
		case <-s.done:
		}
	}()
	return s, nil
}

// listenLoopback listens on addr when it is a loopback address that is free, and on a free loopback port otherwise:
// the demo never listens beyond this machine, and a port taken since the last run must not stop it.
func listenLoopback(ctx context.Context, lc *net.ListenConfig, addr string) (net.Listener, error) {
	if host, _, err := net.SplitHostPort(addr); err == nil {
		if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
			if ln, err := lc.Listen(ctx, "tcp", addr); err == nil {
				return ln, nil
			}
		}
	}
	return lc.Listen(ctx, "tcp", "127.0.0.1:0")
}

func (s *Site) count(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.requests.Add(1)
		next.ServeHTTP(w, r)
	})
}

// Close stops the three servers and waits for them; it is safe to call more than once.
func (s *Site) Close() error {
	s.closeOnce.Do(func() {
		close(s.done)
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		var errs []error
		for _, o := range s.servers {
			if err := o.srv.Shutdown(ctx); err != nil {
				errs = append(errs, fmt.Errorf("stop demo site %s: %w", o.handler.info.ID, err), o.srv.Close())
			}
		}
		s.wg.Wait()
		close(s.serveErrs)
		for err := range s.serveErrs {
			errs = append(errs, err)
		}
		s.closeErr = errors.Join(errs...)
	})
	return s.closeErr
}

// Requests is the number of requests the three sites have served so far.
func (s *Site) Requests() int64 { return s.requests.Load() }

func (s *Site) server(outletID string) *outletServer {
	for _, o := range s.servers {
		if o.handler.info.ID == outletID {
			return o
		}
	}
	return nil
}

// Handler returns the handler of one outlet's site, or nil for an unknown outlet.
func (s *Site) Handler(outletID string) *Handler {
	if o := s.server(outletID); o != nil {
		return o.handler
	}
	return nil
}

// Addr is the address an outlet's site listens on, like "127.0.0.1:41234", or "" for an unknown outlet.
func (s *Site) Addr(outletID string) string {
	if o := s.server(outletID); o != nil {
		return o.host
	}
	return ""
}

// URL is the base URL of an outlet's site, like "http://127.0.0.1:41234", or "" for an unknown outlet.
func (s *Site) URL(outletID string) string {
	if o := s.server(outletID); o != nil {
		return o.handler.base
	}
	return ""
}

// ArticleURL is the absolute canonical URL of an article, or "" when the site does not serve it.
func (s *Site) ArticleURL(a Article) string {
	if o := s.server(a.Outlet); o != nil {
		return o.handler.ArticleURL(a.Slug)
	}
	return ""
}

// Config is the crawl configuration of the three sites: the home page to start from, the feeds and sitemaps each
// outlet publishes, and its host as the only allowed one.
func (s *Site) Config() []config.Outlet {
	out := make([]config.Outlet, 0, len(s.servers))
	for _, o := range s.servers {
		h := o.handler
		c := config.Outlet{
			ID: h.info.ID, Name: h.info.Name, Kind: h.info.Kind,
			StartURLs:    []string{h.base + "/"},
			Sitemaps:     []string{h.base + "/sitemap.xml"},
			AllowedHosts: []string{o.host},
		}
		if p := h.feedPath(); p != "" {
			c.Feeds = []string{h.base + p}
		}
		out = append(out, c)
	}
	return out
}
