package rules

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"genderlens/internal/golden"
)

// namesDir is ../shared/names seen from this package's directory.
var namesDir = filepath.Join("..", "..", "shared", "names")

// derivedTables says how each embedded table is derived from ../shared/names.
var derivedTables = []struct {
	file   string
	derive func(t *testing.T) []byte
}{
	{"given-names-vi.tsv", func(t *testing.T) []byte { return deriveCounts(t, "given_name_gender_counts.csv") }},
	{"middle-names-vi.tsv", func(t *testing.T) []byte { return deriveCounts(t, "middle_name_gender_counts.csv") }},
	{"given-names-world.tsv", deriveWorld},
}

// TestDerivedNameTables checks that the embedded name tables are exactly
// what ../shared/names gives, and with -update rewrites them.
func TestDerivedNameTables(t *testing.T) {
	if _, err := os.Stat(namesDir); err != nil {
		t.Skipf("name lists not available (%v): the check needs ../shared next to the project", err)
	}
	for _, d := range derivedTables {
		golden.Assert(t, filepath.Join(PeopleDir, d.file), d.derive(t))
	}
}

// deriveCounts keeps the name and both counts of a counts CSV
// (name,n_male,n_female,p_female); the thresholds are applied at load time
// from names.yaml, so they can change without rederiving.
func deriveCounts(t *testing.T, name string) []byte {
	t.Helper()
	var b bytes.Buffer
	fmt.Fprintf(&b, "# Derived from the labelled-name counts in shared/names/%s: name, bearers male, bearers female.\n", name)
	readLines(t, name, func(i int, line string) {
		if i == 0 {
			return // header
		}
		cols := strings.Split(line, ",")
		if len(cols) < 3 {
			t.Fatalf("%s line %d: %q", name, i+1, line)
		}
		fmt.Fprintf(&b, "%s\t%s\t%s\n", cols[0], cols[1], cols[2])
	})
	return b.Bytes()
}

// deriveWorld keeps the given names of one sex from world_given_names.tsv,
// with the MIT notice of the project they come from.
func deriveWorld(t *testing.T) []byte {
	t.Helper()
	var b bytes.Buffer
	b.WriteString("# Given names and their usual sex, derived from the name lists of the gender-detection-from-name\n")
	b.WriteString("# project through shared/names/world_given_names.tsv; names used for both sexes are left out.\n")
	b.WriteString("# The lists are used under the MIT licence of that project:\n#\n")
	readLines(t, "LICENSE-gender-detection-from-name", func(_ int, line string) {
		b.WriteString(strings.TrimRight("# "+line, " ") + "\n")
	})
	readLines(t, "world_given_names.tsv", func(_ int, line string) {
		if strings.HasPrefix(line, "#") {
			return
		}
		cols := strings.Split(line, "\t")
		if len(cols) >= 2 && (cols[1] == Female || cols[1] == Male) {
			fmt.Fprintf(&b, "%s\t%s\n", cols[0], cols[1])
		}
	})
	return b.Bytes()
}

func readLines(t *testing.T, name string, f func(i int, line string)) {
	t.Helper()
	file, err := os.Open(filepath.Join(namesDir, name))
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	sc := bufio.NewScanner(file)
	for i := 0; sc.Scan(); i++ {
		f(i, sc.Text())
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
}
