package main

import (
	"context"
	"flag"
	"fmt"
	"strings"
	"time"

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
failure; or its crawl state could not be read), 2 bad flags or configuration. A failed outlet keeps its last success
time, so the not-crawled alert ages it; pages it could not fetch are fetched by the next crawl.`)
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
	p, err := openPipeline(cfg, prometheus.NewRegistry(), log)
	if err != nil {
		return err
	}
	defer p.Close()
	// Every configured outlet, not only the --outlet ones: the list is the district's, which report reads back.
	if err := recordOutlets(cfg); err != nil {
		return err
	}
	crawlErr := crawlLoop(ctx, log, p.crawler, outlets, *once || cfg.Crawler.Interval <= 0, time.Minute)
	fmt.Fprintf(env.stdout, "%d articles stored in %s\n", p.index.Count(), cfg.DataDir)
	if ctx.Err() != nil {
		return ctx.Err()
	}
	return crawlErr
}
