package crawler

import (
	"cmp"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"time"

	"genderlens/model"
)

// Thresholds of diagnose: below them a crawl is too small to say anything about.
const (
	// minPagesForWarning pages not taken as articles, with none taken, make an outlet that stores nothing.
	minPagesForWarning = 3
	// missedTextShare: pages holding running text but not taken, as a share of the articles taken, beyond which
	// articles are probably being missed.
	missedTextShare = 0.25
	// listingOnlyRatio: more than this many skipped pages per article taken is far fewer articles than the links
	// followed suggest.
	listingOnlyRatio = 10
)

// diagnose tells, from one crawl's counts, whether the outlet yields no or far too few articles, the likely cause
// and the fix. textSkipped counts, by reason, the pages not taken that nonetheless held article-length text.
func (r *run) diagnose(st Stats, textSkipped map[string]int) []string {
	taken := st.New + st.Updated + st.Unchanged + st.Duplicates
	skipped := 0
	for _, n := range st.Skipped {
		skipped += n
	}
	missed := 0
	for _, n := range textSkipped {
		missed += n
	}
	var problem string
	reasons := st.Skipped
	switch {
	case taken == 0 && skipped >= minPagesForWarning:
		problem = fmt.Sprintf("outlet %s: %d pages fetched, none taken as an article", r.outlet.ID, skipped)
	case missed >= minPagesForWarning && float64(missed) >= missedTextShare*float64(taken):
		problem = fmt.Sprintf("outlet %s: %d articles taken, but %d more pages hold article-length text and were not taken",
			r.outlet.ID, taken, missed)
		reasons = textSkipped
	case skipped >= 2*listingOnlyRatio && skipped > listingOnlyRatio*taken:
		problem = fmt.Sprintf("outlet %s: %d articles taken from %d pages followed", r.outlet.ID, taken, skipped+taken)
	default:
		return nil
	}
	return []string{problem + ": " + r.likelyCause(reasons)}
}

// likelyCause names the main reason pages were not taken and the setting that fixes it.
func (r *run) likelyCause(skipped map[string]int) string {
	reasons := slices.Collect(maps.Keys(skipped))
	slices.SortFunc(reasons, func(a, b string) int {
		if skipped[a] != skipped[b] {
			return skipped[b] - skipped[a]
		}
		return cmp.Compare(a, b)
	})
	top := ""
	if len(reasons) > 0 {
		top = reasons[0]
	}
	return "likely cause (" + top + "): " + causeAndFix(top, r.outlet.ArticlePattern)
}

// causeAndFix explains one skip reason and the setting that fixes it.
func causeAndFix(reason, pattern string) string {
	switch reason {
	case SkipPattern:
		return fmt.Sprintf("article_pattern %q matches none or few of the URLs fetched; fix: correct article_pattern to match the outlet's article URLs, or remove it",
			pattern)
	case SkipThin:
		return "the pages have under 200 characters of text where extraction looks (text loaded by script, or in an unusual container); fix: set selectors.body to the element holding the article text"
	case SkipListing:
		return "the pages are laid out as listings (many headline links, teasers, pagination); fix: if some are articles, set article_pattern to match their URLs"
	case SkipNoSignal:
		return "the pages carry no article metadata (JSON-LD, og:type), their URLs do not look like articles and no date was found near the headline; fix: set article_pattern to match the article URLs (for example news\\.aspx\\?id=\\d+), or selectors.date and selectors.body"
	case SkipNotHTML:
		return "the pages fetched are not HTML; fix: point start_urls, feeds or sitemaps at the outlet's news pages"
	default:
		return "unknown; fix: check start_urls and the crawl log"
	}
}

// setHealth records the outcome of a finished crawl of an outlet, in memory and, with WithStateDir, in
// health/<outlet>.json there, so that a restarted server still shows it until the outlet is next due.
func (c *Crawler) setHealth(outletID string, end time.Time, st Stats) {
	h := model.CrawlHealth{
		LastCrawl: end, Pages: st.Pages, Articles: st.New + st.Updated + st.Unchanged + st.Duplicates,
		Stored: st.Articles, Errors: st.Errors, Skipped: maps.Clone(st.Skipped), Warnings: slices.Clone(st.Warnings),
		PausedSeconds: st.Paused.Seconds(),
	}
	if h.Skipped == nil {
		h.Skipped = map[string]int{}
	}
	if h.Warnings == nil {
		h.Warnings = []string{}
	}
	c.healthMu.Lock()
	c.health[outletID] = h
	c.healthMu.Unlock()
	if c.stateDir != "" {
		if err := writeHealth(c.stateDir, outletID, h); err != nil {
			c.log.Error("crawl health not saved", "outlet", outletID, "err", err)
		}
	}
}

// CrawlHealth returns the outcome of the outlet's last crawl that was not cancelled (kept in the state directory
// across restarts when there is one), with PausedSince set while the crawler is paused for lack of space; ok is
// false when none is known.
func (c *Crawler) CrawlHealth(outletID string) (model.CrawlHealth, bool) {
	c.healthMu.Lock()
	defer c.healthMu.Unlock()
	h, ok := c.health[outletID]
	if !ok && c.stateDir != "" {
		var err error
		if h, ok, err = readHealth(c.stateDir, outletID); err != nil {
			c.log.Warn("crawl health unreadable", "outlet", outletID, "err", err)
		}
		if ok {
			c.health[outletID] = h
		}
	}
	if ok {
		h.Skipped = maps.Clone(h.Skipped)
		h.Warnings = slices.Clone(h.Warnings)
		h.PausedSince = nil
		if since := c.pause.pausedSince(); !since.IsZero() {
			h.PausedSince = &since
		}
	}
	return h, ok
}

func healthPath(dir, outletID string) string {
	name := outletID
	if !safeIDRe.MatchString(name) {
		name = "x-" + hex.EncodeToString([]byte(outletID))
	}
	return filepath.Join(dir, "health", name+".json")
}

// writeHealth replaces the outlet's health file atomically (a temporary file renamed over it).
func writeHealth(dir, outletID string, h model.CrawlHealth) error {
	path := healthPath(dir, outletID)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("write crawl health: %w", err)
	}
	b, err := json.Marshal(h)
	if err != nil {
		return fmt.Errorf("write crawl health: %w", err)
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		return fmt.Errorf("write crawl health: %w", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("write crawl health %s: %w", path, err)
	}
	return nil
}

func readHealth(dir, outletID string) (model.CrawlHealth, bool, error) {
	var h model.CrawlHealth
	b, err := os.ReadFile(healthPath(dir, outletID))
	if errors.Is(err, fs.ErrNotExist) {
		return h, false, nil
	}
	if err != nil {
		return h, false, fmt.Errorf("read crawl health: %w", err)
	}
	if err := json.Unmarshal(b, &h); err != nil {
		return h, false, fmt.Errorf("read crawl health %s: %w", healthPath(dir, outletID), err)
	}
	return h, true, nil
}
