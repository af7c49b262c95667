package main

import (
	"flag"
	"fmt"
	"io"
	"log/slog"
	"strings"

	"genderlens/config"
)

// newFlagSet returns a flag set whose --help prints the synopsis, the flags and examples.
func newFlagSet(env *environment, name, synopsis, examples string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	fs.Usage = func() {
		w := fs.Output()
		fmt.Fprintf(w, "Usage: genderlens %s\n\nFlags:\n", synopsis)
		fs.PrintDefaults()
		if examples != "" {
			fmt.Fprintf(w, "\nExamples:\n%s\n", strings.TrimRight(examples, "\n"))
		}
	}
	return fs
}

// configFlags are the flags shared by every subcommand that reads the configuration.
type configFlags struct {
	path, dataDir, listen, logLevel string
}

func (c *configFlags) register(fs *flag.FlagSet, withListen bool) {
	fs.StringVar(&c.path, "config", "", "YAML configuration `file` (default: the embedded defaults)")
	fs.StringVar(&c.dataDir, "data", "", "data `dir`ectory (overrides data_dir)")
	if withListen {
		fs.StringVar(&c.listen, "listen", "", "listen `addr`ess host:port (overrides listen)")
	}
	fs.StringVar(&c.logLevel, "log-level", "info", "log `level`: debug, info, warn, error")
}

// load reads the configuration and applies the flag overrides, validating the result once more.
func (c *configFlags) load() (*config.Config, error) {
	cfg, err := config.Load(c.path)
	if err != nil {
		return nil, usageError{err}
	}
	if c.dataDir != "" {
		cfg.DataDir = c.dataDir
	}
	if c.listen != "" {
		cfg.Listen = c.listen
	}
	if err := cfg.Validate(); err != nil {
		return nil, usageError{err}
	}
	return cfg, nil
}

func (c *configFlags) logger(w io.Writer) (*slog.Logger, error) {
	var level slog.Level
	if err := level.UnmarshalText([]byte(c.logLevel)); err != nil {
		return nil, usageErrorf("--log-level: %v", err)
	}
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: level})), nil
}

// parseFlags parses args and turns flag errors into usage errors.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return err
		}
		return usageError{err}
	}
	return nil
}

// parse parses a command line without positional arguments, then loads the configuration and builds the logger.
func (c *configFlags) parse(fs *flag.FlagSet, args []string, env *environment) (*config.Config, *slog.Logger, error) {
	if err := parseFlags(fs, args); err != nil {
		return nil, nil, err
	}
	if fs.NArg() > 0 {
		return nil, nil, usageErrorf("unexpected arguments %v", fs.Args())
	}
	cfg, err := c.load()
	if err != nil {
		return nil, nil, err
	}
	log, err := c.logger(env.stderr)
	if err != nil {
		return nil, nil, err
	}
	if env.useLogger != nil {
		env.useLogger(log)
	}
	return cfg, log, nil
}
