package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"genderlens/rules"
)

func runRules(_ context.Context, env *environment, args []string) error {
	fs := newFlagSet(env, "rules", "rules test|lint [--rules DIR]", `  genderlens rules test                # run every rule's examples
  genderlens rules lint --rules ./my-rules
  genderlens rules test --rules ./my-rules`)
	rulesDir := fs.String("rules", "", "rule set `dir`ectory instead of the embedded rules")
	// The action comes first ("rules lint --rules DIR"), and flags may also precede it.
	var action string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		action, args = args[0], args[1:]
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if action == "" && fs.NArg() > 0 {
		action = fs.Arg(0)
	} else if fs.NArg() > 0 {
		return usageErrorf("unexpected arguments %v", fs.Args())
	}
	if action != "test" && action != "lint" {
		return usageErrorf("want `rules test` or `rules lint`")
	}
	switch action {
	case "lint":
		fsys := rules.EmbeddedFS()
		if *rulesDir != "" {
			if _, err := os.Stat(*rulesDir); err != nil {
				return usageError{err}
			}
			fsys = os.DirFS(*rulesDir)
		}
		problems := rules.Lint(fsys)
		for _, p := range problems {
			if *rulesDir != "" {
				p.File = filepath.Join(*rulesDir, p.File)
			}
			fmt.Fprintln(env.stdout, p.String())
		}
		if len(problems) > 0 {
			return fmt.Errorf("%d problem(s)", len(problems))
		}
		fmt.Fprintln(env.stdout, "rules: no problems")
		return nil
	default:
		sc, err := loadScorer(*rulesDir)
		if err != nil {
			return usageError{err}
		}
		failures := sc.TestExamples()
		for _, f := range failures {
			file := f.File
			if *rulesDir != "" {
				file = filepath.Join(*rulesDir, file)
			}
			fmt.Fprintf(env.stdout, "%s:%d: %s: %s: %q\n", file, f.Line, f.Rule, f.Problem, f.Example)
		}
		if len(failures) > 0 {
			return fmt.Errorf("%d example(s) failed", len(failures))
		}
		fmt.Fprintf(env.stdout, "rules %s: every example passed\n", sc.RulesVersion())
		return nil
	}
}
