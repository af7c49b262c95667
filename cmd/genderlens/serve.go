package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"time"

	"genderlens/config"
	"genderlens/ingest"
	"genderlens/internal/demo"
	"genderlens/server"
)

func runServe(ctx context.Context, env *environment, args []string) error {
	fs := newFlagSet(env, "serve", "serve [--config FILE] [--data DIR] [--listen ADDR] [--demo] [--no-crawl]", `  genderlens serve --demo
      start three sample outlets on loopback, crawl and score them; open http://127.0.0.1:8080/
  genderlens serve --config genderlens.yaml --listen 0.0.0.0:8080
  genderlens serve --no-crawl       # serve what is stored, crawl nothing`)
	var cf configFlags
	cf.register(fs, true)
	demoMode := fs.Bool("demo", false, "also serve built-in sample outlets on loopback and crawl them instead of the configured outlets")
	noCrawl := fs.Bool("no-crawl", false, "do not crawl; serve the stored articles only")
	cfg, log, err := cf.parse(fs, args, env)
	if err != nil {
		return err
	}

	if *demoMode {
		// Demo articles and crawl state live apart from real data and are rebuilt at each start. The demo outlets
		// listen where they did last time, as recorded in the demo's data directory, so that their article URLs (in
		// bookmarks, reports, exports) stay the same across restarts.
		cfg.DataDir = filepath.Join(cfg.DataDir, "demo")
		addrs := previousDemoAddrs(cfg.DataDir, log)
		site, err := demo.Start(ctx, addrs)
		if err != nil {
			return fmt.Errorf("start demo site: %w", err)
		}
		defer site.Close()
		cfg.Outlets = site.Config()
		cfg.Unit = demo.Unit
		// The demo site is ours and on loopback: no need to wait seconds between requests.
		cfg.Crawler.Delay = config.Duration(50 * time.Millisecond)
		cfg.Crawler.Parallelism = 4
		cfg.Crawler.Interval = 0
		if err := os.RemoveAll(cfg.DataDir); err != nil {
			return fmt.Errorf("reset demo data: %w", err)
		}
		for _, o := range cfg.Outlets {
			if want := addrs[o.ID]; want != "" && want != site.Addr(o.ID) {
				log.Warn("demo outlet address taken, serving on another port: links to its articles from before this start will not open",
					"id", o.ID, "previous", "http://"+want+"/", "url", o.StartURLs[0])
			}
			log.Info("demo outlet", "id", o.ID, "name", o.Name, "url", o.StartURLs[0])
		}
	}

	reg := newRegistry()
	p, err := openPipeline(cfg, reg, log)
	if err != nil {
		return err
	}
	defer func() {
		if err := p.Close(); err != nil {
			log.Error("close index", "err", err)
		} else {
			log.Info("index closed")
		}
	}()
	// Every figure served uses the officers' corrections; the store recomputes a review whenever it rewrites an article.
	rv, err := openReview(cfg, p.scorer, p.index, log)
	if err != nil {
		return err
	}
	// The outlets served are the ones `report --data` lists for this directory, as /report does.
	if err := recordOutlets(cfg); err != nil {
		return err
	}
	policy, evidence, err := openAdoption(cfg)
	if err != nil {
		return err
	}
	// serve is the store's only writer: it folds the evidence log into the snapshot and removes what a crash left.
	if err := evidence.Compact(); err != nil {
		log.Warn("evidence store not compacted: writes still append to its log", "err", err)
	}
	if *demoMode {
		// Fictional evidence for last year and this one, so the demo district shows outlets at different levels.
		now := time.Now()
		for _, year := range []int{now.Year() - 1, now.Year()} {
			for _, ev := range demo.ProcessEvidence(year) {
				if _, err := evidence.Put(ev); err != nil {
					return fmt.Errorf("record demo evidence: %w", err)
				}
			}
		}
	}
	// Articles scored with an older rules version are re-scored in the background; Close stops it, a restart resumes.
	if err := p.index.StartRescore(p.scorer.RulesVersion(), ingest.Rescorer(p.scorer)); err != nil {
		log.Warn("rescore not started", "err", err)
	}
	ver, _ := buildVersion()
	srv, err := server.New(server.Options{
		Outlets: cfg.Outlets, Store: p.index, Scorer: p.scorer, Registry: reg, Logger: log, Version: ver,
		Policy: policy, Evidence: evidence, APIToken: cfg.APIToken, Now: env.now, MinSample: cfg.Figures.MinSample,
		Unit: cfg.Unit, CheckConcurrency: cfg.Server.CheckConcurrency, CheckQueue: cfg.Server.CheckQueue.Std(), CrawlHealth: p.crawler,
		Review: rv, SampleSize: cfg.Review.SampleSize, Editors: cfg.Review.Editors,
	})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", cfg.Listen)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	limits := server.Limits{ReadHeaderTimeout: cfg.Server.ReadHeaderTimeout.Std(), ReadTimeout: cfg.Server.ReadTimeout.Std(),
		WriteTimeout: cfg.Server.WriteTimeout.Std(), IdleTimeout: cfg.Server.IdleTimeout.Std(),
		MaxConnections: cfg.Server.MaxConnections}
	httpSrv := server.HTTPServer(srv.Handler(), limits)
	ln = server.LimitListener(ln, limits)
	log.Info("serving", "url", "http://"+ln.Addr().String()+"/", "outlets", len(cfg.Outlets), "articles", p.index.Count(),
		"rules_version", p.scorer.RulesVersion())

	var wg sync.WaitGroup
	crawlCtx, stopCrawl := context.WithCancel(ctx)
	defer stopCrawl()
	if !*noCrawl {
		wg.Add(1)
		go func() {
			defer wg.Done()
			crawlLoop(crawlCtx, log, p.crawler, cfg.Outlets, cfg.Crawler.Interval <= 0, time.Minute)
		}()
	}
	serveErr := make(chan error, 1)
	go func() { serveErr <- httpSrv.Serve(ln) }()

	select {
	case <-ctx.Done():
		log.Info("shutting down")
	case err := <-serveErr:
		stopCrawl()
		wg.Wait()
		return fmt.Errorf("http server: %w", err)
	}
	// In-flight crawls stop first so that nothing writes to the index while it closes.
	stopCrawl()
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := httpSrv.Shutdown(shutdownCtx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		log.Warn("http shutdown", "err", err)
	}
	wg.Wait()
	return nil
}

// previousDemoAddrs are the addresses the demo outlets had at the last start, read from the outlets recorded in the
// demo's data directory (each demo outlet's only allowed host is its address); none on a first start.
func previousDemoAddrs(dataDir string, log *slog.Logger) map[string]string {
	outlets, _, err := config.RecordedOutlets(dataDir)
	if err != nil {
		log.Warn("demo outlets of the last start unreadable: they get new ports", "err", err)
		return nil
	}
	addrs := map[string]string{}
	for _, o := range outlets {
		if len(o.AllowedHosts) == 1 {
			addrs[o.ID] = o.AllowedHosts[0]
		}
	}
	return addrs
}
