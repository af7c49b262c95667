package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"genderlens/indexer"
	"genderlens/model"
	"genderlens/report"
)

func runReport(ctx context.Context, env *environment, args []string) error {
	fs := newFlagSet(env, "report", "report [--config FILE] [--data DIR] [--year YYYY] [--format xlsx|csv|html] [--action-month] [--out FILE]", `  genderlens report --year 2025 --out bao-cao-2025.xlsx
  genderlens report --year 2025 --action-month --format html --out thang-hanh-dong-2025.html
  genderlens report --year 2025 --format csv > co-quan-2025.csv`)
	var cf configFlags
	cf.register(fs, false)
	year := fs.Int("year", time.Now().In(model.Vietnam()).Year(), "the report's `year`")
	format := fs.String("format", "xlsx", "`xlsx` (every table, one sheet each), csv (the outlet table, UTF-8 with BOM) or html (printable A4 page)")
	actionMonth := fs.Bool("action-month", false, "report on the Action Month for gender equality (15/11-15/12 of --year) instead of the year")
	out := fs.String("out", "", "write to this `file` (default: standard output)")
	cfg, _, err := cf.parse(fs, args, env)
	if err != nil {
		return err
	}
	if !validFormat(*format) {
		return usageErrorf("--format: want %s, got %q", strings.Join(report.Formats, ", "), *format)
	}
	if *year < 2000 || *year > 2100 {
		return usageErrorf("--year: want a year between 2000 and 2100, got %d", *year)
	}
	policy, evidence, err := openAdoption(cfg)
	if err != nil {
		return usageError{err}
	}
	idx, err := indexer.Open(cfg.DataDir, indexer.Options{})
	if err != nil {
		return err
	}
	defer idx.Close()
	outlets := make([]report.Outlet, len(cfg.Outlets))
	for i, o := range cfg.Outlets {
		outlets[i] = report.Outlet{ID: o.ID, Name: o.Name, Kind: o.Kind}
	}
	rep, err := report.Build(ctx, idx, policy, evidence.Year(*year), outlets, *year, *actionMonth)
	if err != nil {
		return err
	}
	rep.Unit = cfg.Unit
	if *out == "" {
		return rep.Write(env.stdout, *format)
	}
	return writeFileAtomic(*out, func(f *os.File) error { return rep.Write(f, *format) })
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
