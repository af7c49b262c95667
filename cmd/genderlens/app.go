package main

import (
	"context"
	"errors"
	"log/slog"
	"path/filepath"
	"runtime/debug"
	"time"

	"genderlens/adoption"
	"genderlens/config"
	"genderlens/crawler"
	"genderlens/indexer"
	"genderlens/ingest"
	"genderlens/internal/preload"
	"genderlens/review"
	"genderlens/rules"
	"genderlens/scorer"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
)

// loadScorer compiles the embedded rule set, or the one in dir when it is
// set. The first load of the embedded set takes the one compiled while the
// program started (internal/preload).
func loadScorer(dir string) (*scorer.Scorer, error) {
	if dir == "" {
		if sc, ok, err := preload.Take(); ok {
			return sc, err
		}
		return preload.Compile()
	}
	defer debug.SetGCPercent(debug.SetGCPercent(-1)) // as preload.Compile does
	set, err := rules.LoadDir(dir)
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

func openPipeline(cfg *config.Config, reg prometheus.Registerer, log *slog.Logger, opts ...crawler.Option) (*pipeline, error) {
	sc, err := loadScorer(cfg.RulesDir)
	if err != nil {
		return nil, err
	}
	idx, err := indexer.Open(cfg.DataDir, indexer.Options{})
	if err != nil {
		return nil, err
	}
	// Crawl state (ETags, content hashes, what was stored) lets a restart resume without refetching everything.
	state, err := crawler.NewFileState(filepath.Join(cfg.DataDir, "crawl"))
	if err != nil {
		return nil, errors.Join(err, idx.Close())
	}
	requeueLost(log, state, idx, cfg.Outlets)
	opts = append([]crawler.Option{crawler.WithMetrics(crawler.NewMetrics(reg)), crawler.WithLogger(log),
		crawler.WithState(state)}, opts...)
	cr := crawler.New(cfg.Crawler, ingest.New(sc, idx), opts...)
	return &pipeline{index: idx, scorer: sc, crawler: cr}, nil
}

// reviewFile is the officers' corrections in the data directory.
const reviewFile = "corrections.jsonl"

// openReview opens the corrections of the data directory and applies them to the store's figures: every command
// that reads figures sees the reviewed ones. The store recomputes an article's review whenever it rewrites it.
func openReview(cfg *config.Config, sc *scorer.Scorer, idx *indexer.Index, log *slog.Logger) (*review.Reviewer, error) {
	st, err := review.OpenStore(filepath.Join(cfg.DataDir, reviewFile))
	if err != nil {
		return nil, err
	}
	if err := st.Damaged(); err != nil {
		log.Error("the corrections log is damaged: the corrections before the damage apply, new ones are refused",
			"err", err, "fix", "move the damaged line out of the file (every other line is an officer's correction), then restart; `genderlens check-store` names it")
	}
	rv := &review.Reviewer{Store: st, Scorer: sc}
	idx.SetReviser(rv.Revision)
	if err := rv.SyncAll(context.Background(), idx); err != nil {
		log.Error("some reviewed articles could not be revised: their figures are the machine's until rescored", "err", err)
	}
	return rv, nil
}

// requeueLost marks not stored, in the crawl state, every article it marks stored that the store no longer has (a
// partition deleted or set aside), so that this process's crawl fetches it again instead of skipping it for good.
// A state that does not load is left to the crawl, which reports it.
func requeueLost(log *slog.Logger, state *crawler.FileState, idx *indexer.Index, outlets []config.Outlet) {
	for _, o := range outlets {
		if state.Load(o.ID) != nil {
			continue
		}
		lost := lostArticles(state.StoredEntries(o.ID), idx.Has, nil)
		if len(lost) == 0 {
			continue
		}
		if err := state.Requeue(o.ID, lost); err != nil {
			log.Error("could not re-queue the articles the store lost", "outlet", o.ID, "articles", len(lost), "error", err)
			continue
		}
		log.Warn("articles marked stored in the crawl state are missing from the store: re-queued for the next crawl",
			"outlet", o.ID, "articles", len(lost), "check", "genderlens check-store")
	}
}

// Close closes the crawl state and the index.
func (p *pipeline) Close() error { return errors.Join(p.crawler.Close(), p.index.Close()) }

// crawlLoop crawls until ctx ends. With once, every outlet is crawled one time. Otherwise each outlet is crawled
// whenever it is due (its schedule, or crawler.interval, since its last successful crawl as persisted in the crawl
// state), checked every tick, so a restart does not re-crawl outlets crawled an hour ago. With once, it returns the
// errors of the outlets whose crawl failed (a site unreachable, a crawl state that cannot be read).
func crawlLoop(ctx context.Context, log *slog.Logger, cr *crawler.Crawler, outlets []config.Outlet, once bool, tick time.Duration) error {
	for {
		var passErr error
		due := outlets
		if !once {
			due = nil
			for _, o := range outlets {
				if cr.Due(o, time.Now()) {
					due = append(due, o)
				}
			}
		}
		if len(due) > 0 {
			start := time.Now()
			stats, err := cr.CrawlAll(ctx, due)
			if ctx.Err() != nil {
				return ctx.Err()
			}
			total := 0
			for _, s := range stats {
				total += s.Articles
			}
			if err != nil {
				log.Warn("crawl finished with errors", "err", err)
			}
			passErr = err
			log.Info("crawl pass done", "outlets", len(due), "articles", total, "duration", time.Since(start).Round(time.Millisecond))
		}
		if once {
			return passErr
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(tick):
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
			return nil, unknownOutlet(id, outletIDs(all))
		}
	}
	return out, nil
}

// openAdoption loads the adoption policy (policy_file; empty: the Hanoi preset) and the evidence store in the data
// directory.
func openAdoption(cfg *config.Config) (*adoption.Policy, *adoption.EvidenceStore, error) {
	policy, err := adoption.LoadPolicy(cfg.PolicyFile)
	if err != nil {
		return nil, nil, err
	}
	evidence, err := adoption.OpenEvidenceStore(filepath.Join(cfg.DataDir, "evidence.json"))
	if err != nil {
		return nil, nil, err
	}
	return policy, evidence, nil
}
