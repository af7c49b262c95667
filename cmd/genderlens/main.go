// Command genderlens audits news outlets against Vietnam's gender indicator set for media: it crawls outlets, scores
// their articles, stores them and serves the results. This file only dispatches to the subcommands.
package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
	"time"

	// The fresh heap (some 45 MB: dependencies and compiled rules) costs a
	// page fault per 4 KB without huge pages, half of `check`'s start-up on
	// a virtual machine.
	_ "genderlens/internal/hugeheap/atstart"
	// The embedded rules compile while the other packages initialise.
	_ "genderlens/internal/preload"
)

// command is one subcommand.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, env *environment, args []string) error
}

func commands() []command {
	return []command{
		{"serve", "run the web server, the API, /metrics and scheduled crawls", runServe},
		{"crawl", "crawl the configured outlets (--once: one pass, then exit)", runCrawl},
		{"check", "score a draft article (file or stdin) and print findings like a linter", runCheck},
		{"probe", "fetch one page as the crawler would and show what it extracts and why", runProbe},
		{"rules", "test, lint or measure the rule set (rules test | lint | eval FILE: accuracy on an annotated set)", runRules},
		{"check-store", "verify the data directory; --repair sets damage aside and re-queues lost articles", runCheckStore},
		{"export", "print stored articles with their scores as JSON lines", runExport},
		{"report", "write the annual or Action Month report (xlsx, csv or html)", runReport},
		{"version", "print the version", runVersion},
	}
}

// environment is what a subcommand may touch of the process.
type environment struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	// now dates the reports (nil: time.Now); tests fix it so that a report's bytes are stable.
	now func() time.Time
	// useLogger, when set, makes a command's logger the process's default (main sets it; tests, which share one
	// process, leave it nil).
	useLogger func(*slog.Logger)
}

// clock is the current time by env.now.
func (env *environment) clock() time.Time {
	if env.now != nil {
		return env.now()
	}
	return time.Now()
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	// One log format for the whole process: packages that log through slog's default (the indexer) or the log package
	// write through the same text handler as the commands, from the start and after --log-level sets the level.
	useLogger(slog.New(slog.NewTextHandler(os.Stderr, nil)))
	env := &environment{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, useLogger: useLogger}
	os.Exit(run(ctx, env, os.Args[1:]))
}

// useLogger makes l the default of slog and, through it, of the log package (slog.SetDefault redirects log's output
// to l's handler), so that nothing in the process writes a line in another format.
func useLogger(l *slog.Logger) { slog.SetDefault(l) }

// run executes one command line and returns the exit status: 0 ok, 1 findings at --fail-on, 2 usage or input error.
func run(ctx context.Context, env *environment, args []string) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(env.stdout)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range commands() {
		if c.name == args[0] {
			err := c.run(ctx, env, args[1:])
			return exitStatus(env, c.name, err)
		}
	}
	fmt.Fprintf(env.stderr, "genderlens: unknown command %q\n\n", args[0])
	usage(env.stderr)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprint(w, `genderlens audits news outlets against the "Bộ chỉ số về giới trong truyền thông" (gender indicator set for media).

Usage:
  genderlens <command> [flags]

Commands:
`)
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, `
Run "genderlens <command> --help" for a command's flags and examples.

Examples:
  genderlens serve --demo                 # sample outlets on loopback, scored within a minute
  genderlens serve --config genderlens.yaml
  genderlens check bai-viet.txt
  cat bai-viet.txt | genderlens check --format json -
`)
}
