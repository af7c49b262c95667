package main

import (
	"context"
	"fmt"
	"runtime/debug"
)

// version is set at build time with -ldflags "-X main.version=..."; otherwise it comes from the module build info.
var version = ""

func buildVersion() (ver, revision string) {
	ver = version
	if info, ok := debug.ReadBuildInfo(); ok {
		if ver == "" {
			ver = info.Main.Version
		}
		for _, s := range info.Settings {
			if s.Key == "vcs.revision" {
				revision = s.Value
			}
		}
	}
	if ver == "" || ver == "(devel)" {
		ver = "dev"
	}
	return ver, revision
}

func runVersion(_ context.Context, env *environment, args []string) error {
	fs := newFlagSet(env, "version", "version", "  genderlens version")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	ver, rev := buildVersion()
	if rev != "" {
		fmt.Fprintf(env.stdout, "genderlens %s (%s)\n", ver, rev)
	} else {
		fmt.Fprintf(env.stdout, "genderlens %s\n", ver)
	}
	return nil
}
