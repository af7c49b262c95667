package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"go.yaml.in/yaml/v3"
)

// OutletsFile is the file in a data directory that records the outlets its articles were collected for. `serve` and
// `crawl` write it, so a command that reads the directory later (`report`, `export`) lists the same outlets as the
// service that filled it, whatever configuration it is given: a data directory describes itself.
const OutletsFile = "outlets.yaml"

// outletsHeader explains the file to whoever opens it.
const outletsHeader = `# The outlets whose articles this data directory holds, as the "outlets:" list of a genderlens configuration.
# Written by "genderlens serve" and "genderlens crawl" at each start; "genderlens report" lists these outlets, as the
# web report does. Edit the configuration file, not this one.
`

// RecordOutlets writes outlets to dataDir/outlets.yaml (see OutletsFile), creating dataDir if needed. The file is
// replaced atomically, so a reader never sees half a list.
func RecordOutlets(dataDir string, outlets []Outlet) error {
	body, err := yaml.Marshal(struct {
		Outlets []Outlet `yaml:"outlets"`
	}{outlets})
	if err != nil {
		return fmt.Errorf("record outlets: %w", err)
	}
	if err := os.MkdirAll(dataDir, 0o755); err != nil {
		return fmt.Errorf("record outlets: %w", err)
	}
	path := filepath.Join(dataDir, OutletsFile)
	tmp, err := os.CreateTemp(dataDir, "."+OutletsFile+".*")
	if err != nil {
		return fmt.Errorf("record outlets: %w", err)
	}
	defer os.Remove(tmp.Name())
	_, err = tmp.WriteString(outletsHeader + string(body))
	if err = errors.Join(err, tmp.Chmod(0o644), tmp.Close()); err != nil {
		return fmt.Errorf("record outlets in %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("record outlets: %w", err)
	}
	return nil
}

// RecordedOutlets reads the outlets recorded in dataDir (see OutletsFile). ok is false when the directory records
// none (it does not exist, or was filled by a version that did not record its outlets). The file is validated like a
// configuration, and its problems name the file and the line.
func RecordedOutlets(dataDir string) (outlets []Outlet, ok bool, err error) {
	path := filepath.Join(dataDir, OutletsFile)
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("read recorded outlets: %w", err)
	}
	c, err := Parse(data, path)
	if err != nil {
		return nil, false, err
	}
	return c.Outlets, true, nil
}
