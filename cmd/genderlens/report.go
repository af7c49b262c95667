package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"genderlens/config"
	"genderlens/indexer"
	"genderlens/model"
	"genderlens/report"

	"golang.org/x/term"
)

func runReport(ctx context.Context, env *environment, args []string) error {
	fs := newFlagSet(env, "report", "report [--config FILE] [--data DIR] [--year YYYY] [--format xlsx|csv|html] [--action-month] [--out FILE]", `  genderlens report --year 2025 --out bao-cao-2025.xlsx
  genderlens report --year 2025 --action-month --format html --out thang-hanh-dong-2025.html
  genderlens report --year 2025 --format csv > co-quan-2025.csv
  genderlens report --data data/demo --format html --out demo.html   # the outlets of "serve --demo"`)
	var cf configFlags
	cf.register(fs, false)
	year := fs.Int("year", env.clock().In(model.Vietnam()).Year(), "the report's `year`")
	format := fs.String("format", "xlsx", "`xlsx` (every table, one sheet each), csv (the outlet table, UTF-8 with BOM) or html (printable A4 page)")
	actionMonth := fs.Bool("action-month", false, "report on the Action Month for gender equality (15/11-15/12 of --year) instead of the year")
	out := fs.String("out", "", "write to this `file` (default: standard output; xlsx needs --out when that is a terminal)")
	cfg, log, err := cf.parse(fs, args, env)
	if err != nil {
		return err
	}
	if !validFormat(*format) {
		return usageErrorf("--format: want %s, got %q", strings.Join(report.Formats, ", "), *format)
	}
	if *year < 2000 || *year > 2100 {
		return usageErrorf("--year: want a year between 2000 and 2100, got %d", *year)
	}
	if *out == "" && *format == "xlsx" && isTerminal(env.stdout) {
		return usageErrorf("--format xlsx is a binary file and standard output is a terminal: write it with --out FILE (or redirect: > bao-cao.xlsx)")
	}
	if err := requireDataDir(cfg.DataDir); err != nil {
		return err
	}
	// The outlets the data directory records are the ones the web report (/report of the serve that filled it) lists.
	configured, recorded, err := dataOutlets(cfg)
	if err != nil {
		return err
	}
	if recorded && !sameOutletIDs(configured, cfg.Outlets) {
		fmt.Fprintf(env.stderr, "genderlens report: listing the %d outlets recorded in %s (those its articles were collected for, as the web report does), not the %d of the configuration\n",
			len(configured), filepath.Join(cfg.DataDir, config.OutletsFile), len(cfg.Outlets))
	}
	policy, evidence, err := openAdoption(cfg)
	if err != nil {
		return usageError{err}
	}
	sc, err := loadScorer(cfg.RulesDir)
	if err != nil {
		return usageError{err}
	}
	idx, err := indexer.Open(cfg.DataDir, indexer.Options{})
	if err != nil {
		return err
	}
	defer idx.Close()
	// The corrections, as serve applies them: the report's figures are the reviewed ones, the same as /report's.
	rv, err := openReview(cfg, sc, idx, log)
	if err != nil {
		return err
	}
	outlets := make([]report.Outlet, len(configured))
	for i, o := range configured {
		outlets[i] = report.Outlet{ID: o.ID, Name: o.Name, Kind: o.Kind}
	}
	rep, err := report.Build(ctx, idx, policy, evidence.Year(*year), outlets, *year, *actionMonth)
	if err != nil {
		return err
	}
	// The methodology explains the rule set the articles are scored with; Build assumes the embedded one.
	rep.Scoring = sc.Scoring()
	if err := rep.AddReview(rv, idx, cfg.Review.SampleSize); err != nil {
		log.Warn("review estimates: some sampled articles could not be read and are left out", "err", err)
	}
	rep.MinSample = cfg.Figures.MinSample
	rep.AsOf = env.clock()
	if rep.District.Articles == 0 {
		fmt.Fprintf(env.stderr, "genderlens report: warning: no article in %s for any outlet in %s: the report has no figures\n",
			rep.PeriodText(), cfg.DataDir)
	}
	rep.Unit = cfg.Unit
	if *out == "" {
		return rep.Write(env.stdout, *format)
	}
	return writeFileAtomic(*out, func(f *os.File) error { return rep.Write(f, *format) })
}

// isTerminal reports whether w is a terminal, where binary output would garble the screen.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

func validFormat(format string) bool {
	for _, f := range report.Formats {
		if f == format {
			return true
		}
	}
	return false
}

// writeFileAtomic writes path through a temporary file in the same directory, so a failed report leaves no partial
// file behind and never clobbers a previous one.
func writeFileAtomic(path string, write func(*os.File) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return usageErrorf("--out: %v", err)
	}
	defer os.Remove(tmp.Name())
	if err := write(tmp); err != nil {
		tmp.Close()
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
