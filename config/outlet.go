package config

import (
	"net"
	"net/url"
	"slices"
	"strings"
)

// Outlet returns the outlet with the given id.
func (c *Config) Outlet(id string) (Outlet, bool) {
	i := slices.IndexFunc(c.Outlets, func(o Outlet) bool { return o.ID == id })
	if i < 0 {
		return Outlet{}, false
	}
	return c.Outlets[i], true
}

// MaxPagesOr returns the outlet's own page limit when it sets one (MaxPages > 0), and def (usually
// crawler.max_pages) otherwise.
func (o Outlet) MaxPagesOr(def int) int {
	if o.MaxPages > 0 {
		return o.MaxPages
	}
	return def
}

// Hosts returns the hosts the crawl of o may visit: AllowedHosts, or when it is empty the hosts (host[:port], lower
// case, without duplicates) of StartURLs, Feeds and Sitemaps.
func (o Outlet) Hosts() []string {
	if len(o.AllowedHosts) > 0 {
		return o.AllowedHosts
	}
	return o.urlHosts()
}

func (o Outlet) urlHosts() []string {
	var hosts []string
	for _, list := range [][]string{o.StartURLs, o.Feeds, o.Sitemaps} {
		for _, raw := range list {
			u, err := parseHTTPURL(raw)
			if err != nil {
				continue // reported by validation
			}
			if h := strings.ToLower(u.Host); !slices.Contains(hosts, h) {
				hosts = append(hosts, h)
			}
		}
	}
	return hosts
}

// AllowsHost reports whether the crawl of o may visit host, given as in a URL's Host field ("example.org" or
// "example.org:8080"). See Outlet.AllowedHosts for the matching rules.
func (o Outlet) AllowsHost(host string) bool { return hostAllowed(o.Hosts(), host) }

func hostAllowed(allowed []string, host string) bool {
	return slices.ContainsFunc(allowed, func(a string) bool { return hostMatches(a, host) })
}

// hostMatches reports whether host is allowed by the entry allowed. The port matters only if the entry has one; the
// entry also allows its subdomains, so that "example.org" covers "www.example.org" (but "ample.org" does not cover
// "example.org", and IP addresses have no subdomains).
func hostMatches(allowed, host string) bool {
	a, h := &url.URL{Host: allowed}, &url.URL{Host: host}
	if a.Port() != "" && a.Port() != h.Port() {
		return false
	}
	aName := strings.TrimSuffix(strings.ToLower(a.Hostname()), ".")
	hName := strings.TrimSuffix(strings.ToLower(h.Hostname()), ".")
	if aName == "" || hName == "" {
		return false
	}
	if aName == hName {
		return true
	}
	return net.ParseIP(aName) == nil && net.ParseIP(hName) == nil && strings.HasSuffix(hName, "."+aName)
}
