package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"
	"time"

	"genderlens/crawler"

	"github.com/prometheus/client_golang/prometheus"
)

type stringList []string

func (s *stringList) String() string { return strings.Join(*s, ",") }
func (s *stringList) Set(v string) error {
	*s = append(*s, v)
	return nil
}

var _ flag.Value = (*stringList)(nil)

func runCrawl(ctx context.Context, env *environment, args []string) error {
	fs := newFlagSet(env, "crawl", "crawl [--config FILE] [--data DIR] [--once] [--outlet ID]...", `  genderlens crawl --once --config genderlens.yaml
  genderlens crawl --once --outlet hanoimoi --log-level debug
  genderlens crawl --config genderlens.yaml      # keep crawling every crawler.interval

Exit status: 0 every outlet crawled, 1 an outlet failed (its site could not be reached: DNS, connection or TLS
failure; or its crawl state could not be read) or the disk stayed full for crawler.max_disk_pause, 2 bad flags or
configuration. A failed outlet keeps its last success time, so the not-crawled alert ages it; pages it could not
fetch or store are fetched by the next crawl. On a full disk the crawl pauses (nothing is fetched) and goes on once
a write succeeds; a scheduled crawl (no --once, crawler.interval set) waits for space as long as it takes.`)
	var cf configFlags
	cf.register(fs, false)
	once := fs.Bool("once", false, "crawl every outlet once, then exit")
	var outletIDs stringList
	fs.Var(&outletIDs, "outlet", "crawl only this outlet `id` (repeatable)")
	cfg, log, err := cf.parse(fs, args, env)
	if err != nil {
		return err
	}
	outlets, err := selectOutlets(cfg.Outlets, outletIDs)
	if err != nil {
		return err
	}
	oneShot := *once || cfg.Crawler.Interval <= 0
	var opts []crawler.Option
	if oneShot {
		// A one-shot crawl must end: on a disk that stays full it gives up instead of waiting for space for ever.
		opts = append(opts, crawler.WithMaxDiskPause(cfg.Crawler.MaxDiskPause.Std()))
	}
	p, err := openPipeline(cfg, prometheus.NewRegistry(), log, opts...)
	if err != nil {
		return err
	}
	defer p.Close()
	// Every configured outlet, not only the --outlet ones: the list is the district's, which report reads back.
	if err := recordOutlets(cfg); err != nil {
		return err
	}
	crawlErr := crawlLoop(ctx, log, p.crawler, outlets, oneShot, time.Minute)
	fmt.Fprintf(env.stdout, "%d articles stored in %s\n", p.index.Count(), cfg.DataDir)
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if errors.Is(crawlErr, crawler.ErrNoSpace) {
		return fmt.Errorf("%w\nthe disk of %s is full: free space, then crawl again (what was not stored is fetched again)",
			crawlErr, cfg.DataDir)
	}
	return crawlErr
}
