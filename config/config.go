// Package config loads, defaults and validates the genderlens YAML configuration in one place.
//
// Every subcommand gets its settings from a *Config built by Load or Default; errors name the file, the line and the
// field so that an officer editing the file can find the mistake. A data directory records the outlets it was filled
// for (RecordOutlets, RecordedOutlets), so that commands reading it later list the same outlets as the service.
package config

import (
	"time"

	"genderlens/model"
)

// Config is the whole configuration file.
type Config struct {
	// DataDir holds the index and the crawl state.
	DataDir string `yaml:"data_dir"`
	// Listen is the HTTP address of the server.
	Listen string `yaml:"listen"`
	// Unit is the local government whose office follows the outlets: its name and level (district, ward, city,
	// province) head every page and report.
	Unit    model.Unit `yaml:"unit"`
	Crawler Crawler    `yaml:"crawler"`
	// RulesDir, when set, replaces the embedded indicator rule set.
	RulesDir string `yaml:"rules_dir"`
	// PolicyFile, when set, replaces the embedded adoption policy (thresholds for pilot and official application).
	PolicyFile string `yaml:"policy_file"`
	// APIToken authorises the API's write endpoints (bearer token); the GENDERLENS_API_TOKEN environment variable
	// overrides it. Empty disables writes.
	APIToken string   `yaml:"api_token"`
	Outlets  []Outlet `yaml:"outlets"`

	// Figures sets how shares are shown on the pages, in the API and in the reports.
	Figures Figures `yaml:"figures"`
	// Server bounds what clients of the HTTP server can hold: timeouts, connections and the draft checks in flight.
	Server Server `yaml:"server"`
	// Review sets the officers' review of the scorer's output: the sample size and the outlets' editors' tokens.
	Review Review `yaml:"review"`
}

// Review holds the settings of the review of articles by officers and editors.
type Review struct {
	// SampleSize is how many articles of an outlet and period the random review sample proposes.
	SampleSize int `yaml:"sample_size"`
	// Editors give an outlet's editors a token with which they may object to findings on their outlet's articles,
	// and nothing else.
	Editors []Editor `yaml:"editors"`
}

// Editor is the token of one outlet's editors.
type Editor struct {
	Outlet string `yaml:"outlet"`
	Token  string `yaml:"token"`
}

// Server holds the HTTP server's limits against slow, idle and numerous clients.
type Server struct {
	// ReadHeaderTimeout bounds the time a client takes to send a request's headers.
	ReadHeaderTimeout Duration `yaml:"read_header_timeout"`
	// ReadTimeout bounds the time a client takes to send a whole request, body included.
	ReadTimeout Duration `yaml:"read_timeout"`
	// WriteTimeout bounds the time from the end of a request's headers to the end of its response.
	WriteTimeout Duration `yaml:"write_timeout"`
	// IdleTimeout closes a kept-alive connection that sends no new request.
	IdleTimeout Duration `yaml:"idle_timeout"`
	// MaxConnections bounds the connections open at once; more wait to be accepted.
	MaxConnections int `yaml:"max_connections"`
	// CheckConcurrency bounds the drafts POST /api/check scores at once.
	CheckConcurrency int `yaml:"check_concurrency"`
	// CheckQueue is how long a check beyond check_concurrency waits for a slot before a 503 with Retry-After.
	CheckQueue Duration `yaml:"check_queue"`
}

// Figures holds the settings of the shares genderlens shows.
type Figures struct {
	// MinSample is the smallest base (sources or people for a women's or unknown share, articles for a rate) from
	// which a share is shown as a percentage; below it pages and reports say "not enough data" and the API sets
	// enough_data false.
	MinSample int `yaml:"min_sample"`
}

// Crawler holds settings shared by every outlet's crawl.
type Crawler struct {
	// UserAgent must name the tool and a contact URL so that site owners can reach the operator.
	UserAgent string `yaml:"user_agent"`
	// Delay is the minimum time between two requests to the same host.
	Delay Duration `yaml:"delay"`
	// Parallelism is the maximum number of concurrent requests per host.
	Parallelism int `yaml:"parallelism"`
	// Timeout bounds one HTTP request.
	Timeout Duration `yaml:"timeout"`
	// Interval is how often `serve` re-crawls every outlet; 0 disables scheduled crawls.
	Interval Duration `yaml:"interval"`
	// MaxPages bounds the pages fetched for one outlet in one run (outlets may override it).
	MaxPages int `yaml:"max_pages"`
	// MaxBodyBytes bounds the size of one response body.
	MaxBodyBytes int64 `yaml:"max_body_bytes"`
	// MaxRedirects bounds the redirects followed for one request.
	MaxRedirects int `yaml:"max_redirects"`
	// MaxRetryAfter is the longest pause a 429/503 Retry-After may impose on a host within a run; a site asking for
	// more is left alone until the next run.
	MaxRetryAfter Duration `yaml:"max_retry_after"`
	// MaxHostPause caps the pause a Retry-After may impose on a host: a site asking for longer (a week, a year) is
	// left alone this long, then asked again.
	MaxHostPause Duration `yaml:"max_host_pause"`
	// DiskRetry is the first wait before the crawler, paused because the store has no space, tries to store the
	// article it holds again; the wait doubles after each failure, up to 2 minutes.
	DiskRetry Duration `yaml:"disk_retry"`
	// MaxDiskPause bounds how long `crawl --once` stays paused for lack of space before it gives up and exits
	// non-zero; `serve` and a scheduled `crawl` stay paused until space returns.
	MaxDiskPause Duration `yaml:"max_disk_pause"`
}

// Outlet is one media agency whose articles are collected and scored.
type Outlet struct {
	// ID is the stable key of the outlet in the index, the API and the reports: lower-case letters, digits, hyphens.
	ID string `yaml:"id"`
	// Name is the outlet's name as people know it, shown in reports.
	Name string `yaml:"name"`
	// Kind is one of model.OutletKinds().
	Kind string `yaml:"kind"`
	// StartURLs are pages from which links are followed (home page, section pages).
	StartURLs []string `yaml:"start_urls"`
	// Feeds are RSS or Atom feeds whose items are fetched.
	Feeds []string `yaml:"feeds"`
	// Sitemaps are XML sitemaps whose URLs are fetched.
	Sitemaps []string `yaml:"sitemaps"`
	// AllowedHosts limit the crawl. An entry without a port matches any port, and an entry also matches its
	// subdomains. Parse fills it from the hosts of StartURLs, Feeds and Sitemaps when the file leaves it empty.
	AllowedHosts []string `yaml:"allowed_hosts"`
	// ArticlePattern, when set, is a regular expression that article URLs match; other pages are only followed.
	ArticlePattern string `yaml:"article_pattern"`
	// Selectors override the automatic extraction for sites it gets wrong.
	Selectors Selectors `yaml:"selectors"`
	// MaxPages overrides crawler.max_pages for this outlet when positive.
	MaxPages int `yaml:"max_pages"`
	// Schedule, when positive, is how often this outlet is re-crawled, instead of crawler.interval (a small ward
	// portal that posts weekly needs no crawl every 6 hours).
	Schedule Duration `yaml:"schedule"`
}

// Selectors are CSS selectors (as goquery/cascadia accept them) for the parts of an article page; empty means automatic.
type Selectors struct {
	Title  string `yaml:"title"`
	Body   string `yaml:"body"`
	Date   string `yaml:"date"`
	Author string `yaml:"author"`
}

// Duration is a time.Duration written in YAML as "1s", "500ms" or "6h". Bare numbers other than 0 are refused
// because a reader cannot tell whether they mean seconds, milliseconds or nanoseconds.
type Duration time.Duration
