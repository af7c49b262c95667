package rules

import (
	"fmt"
	"reflect"
	"strings"

	"go.yaml.in/yaml/v3"

	"genderlens/vntext"
)

// checkKeys reports every key of n, at any depth, that the Go type t does
// not declare: a misspelt condition ("near.tokns") would otherwise be
// ignored and the rule would silently match more than its author meant.
// Keys are named by their path from the rule or file ("near.tokns") and
// come with the closest known key when one is near.
func checkKeys(n *yaml.Node, t reflect.Type, path, file string, add func(string, int, string, ...any)) {
	checkKeysDepth(n, t, path, file, add, 0)
}

// maxKeyDepth bounds the walk: the rule types nest three levels at most, and
// a hostile file must not make the walk deep.
const maxKeyDepth = 8

func checkKeysDepth(n *yaml.Node, t reflect.Type, path, file string, add func(string, int, string, ...any), depth int) {
	if n == nil || depth > maxKeyDepth {
		return
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Slice:
		if n.Kind == yaml.SequenceNode {
			for _, c := range n.Content {
				checkKeysDepth(c, t.Elem(), path, file, add, depth+1)
			}
		}
	case reflect.Struct:
		if n.Kind != yaml.MappingNode {
			return // a scalar form (an example as a plain string) or a type error decode reports
		}
		fields := yamlFields(t)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			key := joinPath(path, k.Value)
			ft, ok := fields[k.Value]
			if !ok {
				msg := fmt.Sprintf("unknown key %q", key)
				if near := closest(k.Value, keysOf(fields)); near != "" {
					msg += fmt.Sprintf(" (did you mean %q?)", joinPath(path, near))
				}
				add(file, k.Line, "%s", msg)
				continue
			}
			checkKeysDepth(n.Content[i+1], ft, key, file, add, depth+1)
		}
	}
}

func joinPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// yamlFields maps the YAML keys of struct type t to their types.
func yamlFields(t reflect.Type) map[string]reflect.Type {
	out := make(map[string]reflect.Type, t.NumField())
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("yaml")
		name, _, _ := strings.Cut(tag, ",")
		if name == "-" || !f.IsExported() {
			continue
		}
		if name == "" {
			name = strings.ToLower(f.Name)
		}
		out[name] = f.Type
	}
	return out
}

func keysOf(m map[string]reflect.Type) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

// closest returns the known key within two edits of key, if any.
func closest(key string, known []string) string {
	best, bestD := "", 3
	for _, k := range known {
		if d := vntext.EditDistance(key, k); d < bestD || d == bestD && k < best {
			best, bestD = k, d
		}
	}
	return best
}
