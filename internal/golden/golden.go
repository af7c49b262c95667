// Package golden compares a test's output with the expected file committed next to the test, and rewrites that file
// instead when the test binary runs with -update (after a deliberate change, review the diff in version control).
// Importing it registers the -update flag, once for the whole test binary.
package golden

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files from the current output")

// Updating reports whether the test binary runs with -update: for generated files that Assert cannot compare byte for
// byte (an encoding whose bytes vary from run to run with the same content).
func Updating() bool { return *update }

// Assert fails the test when got differs from the file at path, showing the first line that differs. Under -update it
// writes got to path instead.
func Assert(tb testing.TB, path string, got []byte) {
	tb.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			tb.Fatalf("update golden file: %v", err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("%v (go test -update writes it)", err)
	}
	if !bytes.Equal(got, want) {
		tb.Errorf("output differs from %s (go test -update rewrites it; review the diff):\n%s", path, firstDiff(got, want))
	}
}

// firstDiff describes the first line where got and want differ, with both lines in full.
func firstDiff(got, want []byte) string {
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := range max(len(g), len(w)) {
		gl, wl := "<end of output>", "<end of file>"
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return fmt.Sprintf("line %d:\n got: %q\nwant: %q", i+1, gl, wl)
		}
	}
	return "no line differs"
}
