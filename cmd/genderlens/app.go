package main

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"genderlens/config"
	"genderlens/crawler"
	"genderlens/indexer"
	"genderlens/ingest"
	"genderlens/rules"
	"genderlens/scorer"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
)

// loadScorer compiles the embedded rule set, or the one in dir when it is set.
func loadScorer(dir string) (*scorer.Scorer, error) {
	var set *rules.Set
	var err error
	if dir != "" {
		set, err = rules.LoadDir(dir)
	} else {
		set, err = rules.Embedded()
	}
	if err != nil {
		return nil, err
	}
	return scorer.New(set)
}

// newRegistry returns a registry with the Go and process collectors and the build info.
func newRegistry() *prometheus.Registry {
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	ver, rev := buildVersion()
	reg.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name:        "genderlens_build_info",
		Help:        "Build information; the value is always 1.",
		ConstLabels: prometheus.Labels{"version": ver, "revision": rev},
	}, func() float64 { return 1 }))
	return reg
}

// pipeline is the crawl -> score -> store path shared by serve and crawl.
type pipeline struct {
	index   *indexer.Index
	scorer  *scorer.Scorer
	crawler *crawler.Crawler
}

func openPipeline(cfg *config.Config, reg prometheus.Registerer, log *slog.Logger) (*pipeline, error) {
	sc, err := loadScorer(cfg.RulesDir)
	if err != nil {
		return nil, err
	}
	idx, err := indexer.Open(cfg.DataDir, indexer.Options{})
	if err != nil {
		return nil, err
	}
	cr := crawler.New(cfg.Crawler, ingest.New(sc, idx), crawler.WithMetrics(crawler.NewMetrics(reg)), crawler.WithLogger(log))
	return &pipeline{index: idx, scorer: sc, crawler: cr}, nil
}

func (p *pipeline) Close() error { return p.index.Close() }

// crawlLoop crawls every outlet now and then every interval (0: once) until ctx ends.
func crawlLoop(ctx context.Context, log *slog.Logger, cr *crawler.Crawler, outlets []config.Outlet, interval time.Duration) {
	for {
		start := time.Now()
		stats, err := cr.CrawlAll(ctx, outlets)
		total := 0
		for _, s := range stats {
			total += s.Articles
		}
		if ctx.Err() != nil {
			return
		}
		if err != nil {
			log.Warn("crawl finished with errors", "err", err)
		}
		log.Info("crawl pass done", "outlets", len(outlets), "articles", total, "duration", time.Since(start).Round(time.Millisecond))
		if interval <= 0 {
			return
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(interval):
		}
	}
}

func selectOutlets(all []config.Outlet, ids []string) ([]config.Outlet, error) {
	if len(ids) == 0 {
		return all, nil
	}
	var out []config.Outlet
	for _, id := range ids {
		found := false
		for _, o := range all {
			if o.ID == id {
				out = append(out, o)
				found = true
			}
		}
		if !found {
			return nil, usageErrorf("--outlet: no outlet with id %q in the configuration", id)
		}
	}
	return out, nil
}

func fmtErr(what string, err error) error { return fmt.Errorf("%s: %w", what, err) }
