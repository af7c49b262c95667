package config

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// Std returns d as a time.Duration.
func (d Duration) Std() time.Duration { return time.Duration(d) }

// String formats d like time.Duration but without trailing zero units ("6h" rather than "6h0m0s"), so that a
// marshalled configuration reads like a hand-written one; the result always parses back to the same value.
func (d Duration) String() string {
	s := time.Duration(d).String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}

// MarshalYAML writes d as a string such as "20s".
func (d Duration) MarshalYAML() (any, error) { return d.String(), nil }

// UnmarshalYAML reads a Go duration string ("500ms", "20s", "6h", "1h30m"). A bare number is refused, except 0, because
// a reader of the file cannot tell its unit; an empty value means 0.
func (d *Duration) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return fmt.Errorf("expected a duration such as \"20s\", got %s", describeNode(n))
	}
	if n.ShortTag() == "!!null" {
		*d = 0
		return nil
	}
	v, err := parseDuration(n.Value)
	if err != nil {
		return err
	}
	*d = Duration(v)
	return nil
}

func parseDuration(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	if isBareNumber(s) {
		if strings.Trim(s, "0.+-_") == "" {
			return 0, nil // zero is the same in every unit
		}
		return 0, fmt.Errorf("%q has no unit: write %q for seconds (or use ms, m, h); bare numbers are refused "+
			"because they could mean seconds, milliseconds or nanoseconds", s, s+"s")
	}
	v, err := time.ParseDuration(s)
	if err != nil {
		hint := ""
		if strings.HasSuffix(s, "d") || strings.HasSuffix(s, "w") {
			hint = " (days and weeks are not units: write hours, for example \"168h\" for a week)"
		}
		return 0, fmt.Errorf("%q is not a duration such as \"500ms\", \"20s\" or \"6h\"%s: %w", s, hint, err)
	}
	return v, nil
}

// isBareNumber reports whether s looks like a number without a unit, such as "30", "1.5" or "-2".
func isBareNumber(s string) bool {
	return strings.ContainsAny(s, "0123456789") && strings.Trim(s, "0123456789.+-_") == ""
}

// describeNode names a node's kind for error messages.
func describeNode(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping (key: value pairs)"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	case yaml.DocumentNode:
		return "a document"
	}
	switch n.ShortTag() {
	case "!!null":
		return "nothing"
	case "!!int", "!!float":
		return "the number " + n.Value
	case "!!bool":
		return "the boolean " + n.Value
	}
	return strconv.Quote(n.Value)
}
