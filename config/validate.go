package config

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"genderlens/model"

	"github.com/andybalholm/cascadia"
)

var (
	idRE = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)
	// contactURLRE finds the contact URL that an honest User-Agent carries, such as "(+https://example.org/bot)".
	contactURLRE = regexp.MustCompile(`https?://[^\s;()<>"]+`)
)

// Validate checks every field and returns all problems at once as Problems (nil when there is none). Parse already
// validates; call Validate again after changing fields, for example from command-line flags. Its problems name the
// field but not a file or line, since the values may not come from a file.
func (c *Config) Validate() error {
	var v validator
	c.validate(&v)
	return v.probs.err()
}

// validator collects problems, locating each field through the lines recorded while decoding (if any).
type validator struct {
	file  string
	lines map[string]int
	probs Problems
}

// fail records a problem with field. A field not written in the file is located at its closest written parent (for
// example a missing outlet name at the outlet's first line).
func (v *validator) fail(field string, err error) {
	p := &Problem{File: v.file, Field: field, Err: err}
	for f := field; f != "" && v.lines != nil; f = parentField(f) {
		if line, ok := v.lines[f]; ok {
			p.Line = line
			break
		}
	}
	v.probs = append(v.probs, p)
}

func (v *validator) failf(field, format string, args ...any) {
	v.fail(field, fmt.Errorf(format, args...))
}

// parentField strips the last ".key" or "[i]" of a field path.
func parentField(f string) string {
	i := strings.LastIndexAny(f, ".[")
	if i < 0 {
		return ""
	}
	return f[:i]
}

func (c *Config) validate(v *validator) {
	if c.DataDir == "" {
		v.failf("data_dir", "must not be empty: it names the directory for the index and the crawl state")
	}
	if err := checkListen(c.Listen); err != nil {
		v.fail("listen", err)
	}
	if !slices.Contains(model.UnitLevels(), c.Unit.Level) {
		v.failf("unit.level", "%q is not one of %s", c.Unit.Level, strings.Join(model.UnitLevels(), ", "))
	}
	if strings.ContainsAny(c.Unit.Name, "\n\r\t") {
		v.failf("unit.name", "%q must be one line, for example \"Phường Ba Đình\"", c.Unit.Name)
	}
	c.Crawler.validate(v)
	c.Server.validate(v)
	if n := c.Figures.MinSample; n < 1 || n > maxMinSample {
		v.failf("figures.min_sample", "must be from 1 to %d (the smallest number of sources or articles a share is shown for), got %d", maxMinSample, n)
	}
	if n := c.Review.SampleSize; n < 1 || n > maxSampleSize {
		v.failf("review.sample_size", "must be from 1 to %d (articles proposed for review per outlet and period), got %d", maxSampleSize, n)
	}
	if len(c.Outlets) == 0 {
		v.failf("outlets", "at least one outlet is required")
	}
	firstID := map[string]int{}
	for i, o := range c.Outlets {
		field := "outlets[" + strconv.Itoa(i) + "]"
		if o.ID != "" && idRE.MatchString(o.ID) {
			if j, dup := firstID[o.ID]; dup {
				v.failf(field+".id", "%q is already the id of outlets[%d]: ids must be unique", o.ID, j)
			} else {
				firstID[o.ID] = i
			}
		}
		o.validate(v, field)
	}
	for i, e := range c.Review.Editors {
		field := "review.editors[" + strconv.Itoa(i) + "]"
		switch tok := e.Token; {
		case !slices.ContainsFunc(c.Outlets, func(o Outlet) bool { return o.ID == e.Outlet }):
			v.failf(field+".outlet", "%q is not the id of a configured outlet", e.Outlet)
		case len(strings.TrimSpace(tok)) < minTokenLength:
			v.failf(field+".token", "must be at least %d characters: it lets its holder write objections", minTokenLength)
		case tok == c.APIToken:
			v.failf(field+".token", "must differ from api_token: an editor's token must not give an officer's rights")
		}
	}
}

// maxSampleSize bounds review.sample_size: a review sample is read by a person.
const maxSampleSize = 1000

// minTokenLength is the shortest editor token accepted: long enough not to be guessed.
const minTokenLength = 16

// maxMinSample bounds figures.min_sample: above it even a large outlet's year would show "not enough data", which is
// a typo rather than a policy.
const maxMinSample = 1000

func checkListen(addr string) error {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("%q is not host:port (for example 127.0.0.1:8080, or :8080 for every interface): %w", addr, err)
	}
	if strings.ContainsAny(host, " \t/") {
		return fmt.Errorf("%q has an invalid host %q", addr, host)
	}
	if _, err := strconv.ParseUint(port, 10, 16); err != nil {
		return fmt.Errorf("%q has an invalid port %q: want a number from 0 to 65535", addr, port)
	}
	return nil
}

func (cr Crawler) validate(v *validator) {
	switch {
	case strings.TrimSpace(cr.UserAgent) == "":
		v.failf("crawler.user_agent", "must not be empty: name the tool and a contact URL, "+
			"for example \"genderlens/1.0 (+https://example.org/genderlens)\"")
	case !hasContactURL(cr.UserAgent):
		v.failf("crawler.user_agent", "%q has no http(s) contact URL: add one, for example \"(+https://example.org/contact)\", "+
			"so that site owners can reach the operator", cr.UserAgent)
	}
	if cr.Delay < 0 {
		v.failf("crawler.delay", "must not be negative, got %s", cr.Delay)
	}
	if cr.Parallelism < 1 {
		v.failf("crawler.parallelism", "must be at least 1, got %d", cr.Parallelism)
	}
	if cr.Timeout <= 0 {
		v.failf("crawler.timeout", "must be positive, got %s", cr.Timeout)
	}
	if cr.Interval < 0 {
		v.failf("crawler.interval", "must not be negative (0 disables scheduled crawls), got %s", cr.Interval)
	}
	if cr.MaxPages < 0 {
		v.failf("crawler.max_pages", "must not be negative (0 means no limit), got %d", cr.MaxPages)
	}
	if cr.MaxBodyBytes <= 0 {
		v.failf("crawler.max_body_bytes", "must be positive, got %d", cr.MaxBodyBytes)
	}
	if cr.MaxRedirects < 1 || cr.MaxRedirects > 20 {
		v.failf("crawler.max_redirects", "must be from 1 to 20, got %d", cr.MaxRedirects)
	}
	if cr.MaxRetryAfter <= 0 {
		v.failf("crawler.max_retry_after", "must be positive, got %s", cr.MaxRetryAfter)
	}
	if cr.MaxHostPause < cr.MaxRetryAfter || cr.MaxHostPause <= 0 {
		v.failf("crawler.max_host_pause", "must be positive and at least crawler.max_retry_after (%s), got %s",
			cr.MaxRetryAfter, cr.MaxHostPause)
	}
	if cr.DiskRetry <= 0 {
		v.failf("crawler.disk_retry", "must be positive, got %s", cr.DiskRetry)
	}
	if cr.MaxDiskPause <= 0 {
		v.failf("crawler.max_disk_pause", "must be positive (how long `crawl --once` waits for space), got %s", cr.MaxDiskPause)
	}
}

// maxServerConnections bounds server.max_connections below the usual file-descriptor limits' reach once the index's
// own files are counted; a larger value is a typo.
const maxServerConnections = 100000

func (sv Server) validate(v *validator) {
	for _, d := range []struct {
		key string
		d   Duration
	}{
		{"server.read_header_timeout", sv.ReadHeaderTimeout}, {"server.read_timeout", sv.ReadTimeout},
		{"server.write_timeout", sv.WriteTimeout}, {"server.idle_timeout", sv.IdleTimeout}, {"server.check_queue", sv.CheckQueue},
	} {
		if d.d <= 0 {
			v.failf(d.key, "must be positive, got %s", d.d)
		}
	}
	if sv.ReadHeaderTimeout > sv.ReadTimeout && sv.ReadTimeout > 0 {
		v.failf("server.read_header_timeout", "must not exceed server.read_timeout (%s), got %s", sv.ReadTimeout, sv.ReadHeaderTimeout)
	}
	if n := sv.MaxConnections; n < 1 || n > maxServerConnections {
		v.failf("server.max_connections", "must be from 1 to %d, got %d", maxServerConnections, n)
	}
	if n := sv.CheckConcurrency; n < 1 || n > sv.MaxConnections {
		v.failf("server.check_concurrency", "must be from 1 to server.max_connections (%d), got %d", sv.MaxConnections, n)
	}
}

func hasContactURL(ua string) bool {
	for _, s := range contactURLRE.FindAllString(ua, -1) {
		if u, err := url.Parse(s); err == nil && u.Hostname() != "" {
			return true
		}
	}
	return false
}

func (o Outlet) validate(v *validator, field string) {
	switch {
	case o.ID == "":
		v.failf(field+".id", "must not be empty")
	case !idRE.MatchString(o.ID):
		v.failf(field+".id", "%q must consist of lower-case letters a-z, digits and hyphens, starting with a letter "+
			"or digit (for example phuong-kim-ma)", o.ID)
	}
	if strings.TrimSpace(o.Name) == "" {
		v.failf(field+".name", "must not be empty")
	}
	if !slices.Contains(model.OutletKinds(), o.Kind) {
		v.failf(field+".kind", "%q is not one of %s", o.Kind, strings.Join(model.OutletKinds(), ", "))
	}
	if len(o.StartURLs)+len(o.Feeds)+len(o.Sitemaps) == 0 {
		v.failf(field, "needs at least one of start_urls, feeds, sitemaps")
	}
	// URLs are checked against the valid entries only, so that a broken entry is reported once, at its own line.
	hosts := o.Hosts()
	if len(o.AllowedHosts) > 0 {
		hosts = nil
		for i, h := range o.AllowedHosts {
			if err := checkHost(h); err != nil {
				v.fail(field+".allowed_hosts["+strconv.Itoa(i)+"]", err)
				continue
			}
			hosts = append(hosts, h)
		}
	}
	for _, list := range []struct {
		key  string
		urls []string
	}{{"start_urls", o.StartURLs}, {"feeds", o.Feeds}, {"sitemaps", o.Sitemaps}} {
		for i, raw := range list.urls {
			f := field + "." + list.key + "[" + strconv.Itoa(i) + "]"
			u, err := parseHTTPURL(raw)
			if err != nil {
				v.fail(f, err)
				continue
			}
			if !hostAllowed(hosts, u.Host) {
				v.failf(f, "host %q is not in allowed_hosts (%s)", u.Host, strings.Join(hosts, ", "))
			}
		}
	}
	if o.ArticlePattern != "" {
		if _, err := regexp.Compile(o.ArticlePattern); err != nil {
			v.fail(field+".article_pattern", fmt.Errorf("is not a valid Go regular expression: %w", err))
		}
	}
	for _, s := range []struct{ key, sel string }{
		{"title", o.Selectors.Title}, {"body", o.Selectors.Body}, {"date", o.Selectors.Date}, {"author", o.Selectors.Author},
	} {
		if s.sel == "" {
			continue
		}
		if _, err := cascadia.Compile(s.sel); err != nil {
			v.fail(field+".selectors."+s.key, fmt.Errorf("%q is not a valid CSS selector: %w", s.sel, err))
		}
	}
	if o.MaxPages < 0 {
		v.failf(field+".max_pages", "must not be negative (0 means crawler.max_pages), got %d", o.MaxPages)
	}
	if o.Schedule < 0 {
		v.failf(field+".schedule", "must not be negative (0 means crawler.interval), got %s", o.Schedule)
	}
}

// parseHTTPURL parses an absolute http or https URL with a host.
func parseHTTPURL(raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("%q is not a URL: %w", raw, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" || u.Hostname() == "" {
		return nil, fmt.Errorf("%q is not an absolute http or https URL (for example https://example.org/news)", raw)
	}
	return u, nil
}

// checkHost accepts "example.org" and "example.org:8080" (and IP addresses), not URLs or paths.
func checkHost(h string) error {
	if h == "" {
		return errors.New("must not be empty")
	}
	u, err := url.Parse("http://" + h)
	if err != nil || u.Host != h || u.Hostname() == "" || u.Path != "" || u.RawQuery != "" || u.Fragment != "" ||
		u.User != nil || strings.ContainsAny(h, " \t") {
		return fmt.Errorf("%q is not a host such as example.org or example.org:8080 (no scheme or path)", h)
	}
	return nil
}
