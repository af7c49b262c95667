package main

import (
	"context"
	"fmt"
	"os"

	"genderlens/rules"
)

func runRules(_ context.Context, env *environment, args []string) error {
	fs := newFlagSet(env, "rules", "rules test|lint [--rules DIR]", `  genderlens rules test                # run every rule's examples
  genderlens rules lint --rules ./my-rules
  genderlens rules test --rules ./my-rules`)
	rulesDir := fs.String("rules", "", "rule set `dir`ectory instead of the embedded rules")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 || (fs.Arg(0) != "test" && fs.Arg(0) != "lint") {
		return usageErrorf("want `rules test` or `rules lint`")
	}
	switch fs.Arg(0) {
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
			want := "must match"
			if !f.WantMatch {
				want = "must not match"
			}
			fmt.Fprintf(env.stdout, "%s:%d: %s: example %s: %q\n", f.File, f.Line, f.Rule, want, f.Example)
		}
		if len(failures) > 0 {
			return fmt.Errorf("%d example(s) failed", len(failures))
		}
		fmt.Fprintf(env.stdout, "rules %s: every example passed\n", sc.RulesVersion())
		return nil
	}
}
