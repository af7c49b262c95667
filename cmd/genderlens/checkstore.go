package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"genderlens/crawler"
	"genderlens/indexer"
	"genderlens/review"
)

// errStoreDamaged is returned by check-store when it found damage or loss (exit status 1).
var errStoreDamaged = errors.New("the store is damaged or lost articles: run `genderlens check-store --repair`, then `genderlens crawl`")

// runCheckStore verifies the data directory and, with --repair, makes it whole again as far as it can: the logic is
// in indexer (Check, Repair) and crawler (StoredEntries, Requeue); this wires the two, which do not import each other.
func runCheckStore(ctx context.Context, env *environment, args []string) error {
	fs := newFlagSet(env, "check-store", "check-store [--config FILE] [--data DIR] [--repair]", `  genderlens check-store --config genderlens.yaml
  genderlens check-store --config genderlens.yaml --repair && genderlens crawl --once --config genderlens.yaml`)
	var cf configFlags
	cf.register(fs, false)
	repair := fs.Bool("repair", false, "set damaged files aside (never deleted), keep what can be read, and re-queue every lost article for the next crawl")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	cfg, err := cf.load()
	if err != nil {
		return err
	}
	if err := requireDataDir(cfg.DataDir); err != nil {
		return err
	}
	idx, err := indexer.Open(cfg.DataDir, indexer.Options{})
	if err != nil {
		return err
	}
	defer idx.Close()
	stateDir := filepath.Join(cfg.DataDir, "crawl")
	state, err := crawler.NewFileState(stateDir)
	if err != nil {
		return err
	}
	defer state.Close()
	var configured []string
	for _, o := range cfg.Outlets {
		configured = append(configured, o.ID)
	}
	outlets, err := stateOutlets(stateDir, configured)
	if err != nil {
		return err
	}
	for _, o := range outlets {
		if err := state.Load(o); err != nil {
			return fmt.Errorf("check-store: outlet %s: %w", o, err)
		}
	}
	w := env.stdout
	if *repair {
		done, err := idx.Repair()
		for _, line := range done {
			fmt.Fprintf(w, "repaired: %s\n", line)
		}
		if err != nil {
			return fmt.Errorf("check-store: %w", err)
		}
	}
	c, err := idx.Check(ctx)
	if err != nil {
		return fmt.Errorf("check-store: %w", err)
	}
	fmt.Fprintf(w, "%d articles served, %d results readable\n", c.Articles, c.Results)
	for _, d := range c.Damaged {
		fmt.Fprintf(w, "damaged: %s: %v\n", d.Path, d.Err)
	}
	reviewDamaged := checkCorrections(w, filepath.Join(cfg.DataDir, reviewFile), idx.Has)
	noResult := map[string]bool{}
	for _, u := range c.MissingResults {
		noResult[u] = true
	}
	lost := 0
	for _, o := range outlets {
		missing := lostArticles(state.StoredEntries(o), idx.Has, noResult)
		if len(missing) == 0 {
			continue
		}
		lost += len(missing)
		if !*repair {
			fmt.Fprintf(w, "outlet %s: %d articles marked stored in the crawl state are missing from the store or their result\n", o, len(missing))
			continue
		}
		if err := state.Requeue(o, missing); err != nil {
			return fmt.Errorf("check-store: re-queue outlet %s: %w", o, err)
		}
		fmt.Fprintf(w, "outlet %s: re-queued %d lost articles: the next crawl fetches them\n", o, len(missing))
	}
	if len(c.Damaged) > 0 || reviewDamaged || (!*repair && lost > 0) {
		return errStoreDamaged
	}
	if *repair && lost > 0 {
		fmt.Fprintln(w, "run `genderlens crawl` (or let `serve` crawl) to fetch the re-queued articles")
	} else {
		fmt.Fprintln(w, "the store is whole")
	}
	return nil
}

// checkCorrections reads the officers' corrections and says how many there are and how many wait for an article the
// store no longer has (they apply again once it is crawled). A damaged log is never repaired automatically: each line
// is an officer's decision, so the error names the line for a person to fix. It reports whether the log is damaged.
func checkCorrections(w io.Writer, path string, has func(string) bool) bool {
	st, err := review.OpenStore(path)
	if err == nil {
		err = st.Damaged()
	}
	if err != nil {
		fmt.Fprintf(w, "damaged: %v: move the damaged line out of the file (every other line is an officer's correction); until then corrections cannot be recorded\n", err)
		return true
	}
	waiting := 0
	for _, u := range st.URLs() {
		if !has(u) {
			waiting++
		}
	}
	fmt.Fprintf(w, "%d corrections of %d articles readable", st.Len(), len(st.URLs()))
	if waiting > 0 {
		fmt.Fprintf(w, "; %d of those articles are not in the store: their corrections apply once they are crawled again", waiting)
	}
	fmt.Fprintln(w)
	return false
}

// stateOutlets are the outlets with a crawl-state log, and the configured ones.
func stateOutlets(dir string, configured []string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("check-store: crawl state: %w", err)
	}
	out := slices.Clone(configured)
	for _, e := range entries {
		if id, ok := strings.CutSuffix(e.Name(), ".jsonl"); ok && !strings.HasPrefix(id, "x-") {
			out = append(out, id)
		}
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}

// lostArticles are the stored entries whose article the store no longer has (or whose result it lost). An entry
// whose content is stored under another URL (a redirect or a re-posted copy shares its hash) is not lost.
func lostArticles(entries []crawler.Entry, has func(string) bool, noResult map[string]bool) []string {
	present := map[string]bool{}
	for _, e := range entries {
		if has(e.URL) && !noResult[e.URL] && e.Hash != "" {
			present[e.Hash] = true
		}
	}
	var out []string
	for _, e := range entries {
		if noResult[e.URL] || (!has(e.URL) && !present[e.Hash]) {
			out = append(out, e.URL)
		}
	}
	slices.Sort(out)
	return out
}
