package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strings"

	"genderlens/config"
)

// dataOutlets are the outlets of cfg's data directory: the ones it records (config.OutletsFile, written by serve and
// crawl), so that `report` lists what the service that filled the directory lists; or, when it records none, the
// configuration's. recorded says which.
func dataOutlets(cfg *config.Config) (outlets []config.Outlet, recorded bool, err error) {
	rec, ok, err := config.RecordedOutlets(cfg.DataDir)
	if err != nil {
		return nil, false, usageError{err}
	}
	if ok {
		return rec, true, nil
	}
	return cfg.Outlets, false, nil
}

// sameOutletIDs reports whether a and b list the same outlet ids in the same order.
func sameOutletIDs(a, b []config.Outlet) bool {
	return slices.EqualFunc(a, b, func(x, y config.Outlet) bool { return x.ID == y.ID })
}

func outletIDs(outlets []config.Outlet) []string {
	ids := make([]string, len(outlets))
	for i, o := range outlets {
		ids[i] = o.ID
	}
	return ids
}

// unknownOutlet is the error of an --outlet naming no known outlet: it lists the known ids, so that a typo is
// corrected at once rather than giving an empty result.
func unknownOutlet(id string, known []string) error {
	if len(known) == 0 {
		return usageErrorf("--outlet: no outlet with id %q (none is known)", id)
	}
	return usageErrorf("--outlet: no outlet with id %q; known ids: %s", id, strings.Join(known, ", "))
}

// requireDataDir refuses a data directory that does not exist: a command that only reads it (report, export) must
// not create an empty one and answer with nothing, which looks like a district without articles.
func requireDataDir(dir string) error {
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return usageErrorf("data directory %s does not exist: name the one `genderlens serve` or `crawl` filled with --data (the demo's is data/demo)", dir)
	case err != nil:
		return usageErrorf("data directory: %v", err)
	case !fi.IsDir():
		return usageErrorf("data directory %s is not a directory", dir)
	}
	return nil
}

// recordOutlets records in cfg's data directory the outlets it is filled for (see dataOutlets).
func recordOutlets(cfg *config.Config) error {
	if err := config.RecordOutlets(cfg.DataDir, cfg.Outlets); err != nil {
		return fmt.Errorf("data directory %s: %w", cfg.DataDir, err)
	}
	return nil
}
