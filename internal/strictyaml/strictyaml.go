// Package strictyaml decodes YAML into Go values and reports every unknown key, at any depth, with its line and a
// suggestion.
//
// The YAML library ignores keys its target does not declare, so a misspelt key silently keeps its default; its strict
// mode (KnownFields) stops at the first unknown key and names the Go type rather than the place in the file. Check
// walks the document against the Go type instead and names each unknown key by its path from the top of the file
// ("rules[3].near.tokns"), with the known key it most likely misspells.
package strictyaml

import (
	"cmp"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"genderlens/vntext"
)

// Unmarshal decodes the first YAML document in data into v, which must be a non-nil pointer, like yaml.Unmarshal. When
// the document has keys that v's type does not declare, v is decoded all the same (so that a caller can check the
// rest) and the error is UnknownKeys; a decoding error of the YAML library comes after them.
func Unmarshal(data []byte, v any) error {
	var doc yaml.Node
	if err := shielded(func() error { return yaml.Unmarshal(data, &doc) }); err != nil {
		return err
	}
	if doc.Kind == 0 {
		return nil // an empty document decodes to nothing, as with yaml.Unmarshal
	}
	return Decode(&doc, v)
}

// Decode decodes node n into v, which must be a non-nil pointer, with the same errors as Unmarshal.
func Decode(n *yaml.Node, v any) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return fmt.Errorf("strictyaml: cannot decode into %T: want a non-nil pointer", v)
	}
	unknown := Check(n, rv.Type().Elem())
	if err := shielded(func() error { return n.Decode(v) }); err != nil {
		if len(unknown) > 0 {
			return errors.Join(unknown, err)
		}
		return err
	}
	if len(unknown) > 0 {
		return unknown
	}
	return nil
}

// shielded runs a call into the YAML library and turns a panic in it (hostile input has made the parser panic
// before) into an error: a loader must fail, not bring the service down.
func shielded(call func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("yaml: the YAML parser failed: %v", r)
		}
	}()
	return call()
}

// An UnknownKey is a key of the document that its Go type does not declare.
type UnknownKey struct {
	// Path names the key from the top of the document: struct and map keys joined by dots, list items by their
	// 0-based index ("rules[3].near.tokns").
	Path string
	// Key is the key as written.
	Key string
	// Line and Column are 1-based.
	Line, Column int
	// Suggestion is the known key the key most likely misspells, or "" when none is close.
	Suggestion string
	// Known are the keys allowed where the key is, in declaration order.
	Known []string
}

// Error says what is wrong with the key without saying where (Path and Line), so that callers can place it their own
// way: `unknown key "tokns" (did you mean "tokens"?)`, or the list of known keys when none is close.
func (u *UnknownKey) Error() string {
	switch {
	case u.Suggestion != "":
		return fmt.Sprintf("unknown key %q (did you mean %q?)", u.Key, u.Suggestion)
	case len(u.Known) == 0:
		return fmt.Sprintf("unknown key %q (no keys are allowed here)", u.Key)
	}
	return fmt.Sprintf("unknown key %q (known keys: %s)", u.Key, strings.Join(u.Known, ", "))
}

// UnknownKeys are all the unknown keys of one document, in the order of their lines.
type UnknownKeys []*UnknownKey

// Error lists every unknown key, one per line, as "line N: path: message".
func (us UnknownKeys) Error() string {
	lines := make([]string, len(us))
	for i, u := range us {
		lines[i] = fmt.Sprintf("line %d: %s: %v", u.Line, u.Path, u)
	}
	return strings.Join(lines, "\n")
}

// Unwrap lets errors.As see each UnknownKey.
func (us UnknownKeys) Unwrap() []error {
	errs := make([]error, len(us))
	for i, u := range us {
		errs[i] = u
	}
	return errs
}

// Check returns every key of n, at any depth, that the Go type t does not declare, following the YAML library's rules
// for which keys a type declares (see Fields). n may be a document node. Values of the wrong kind (a list where t wants
// a mapping) are left to the decoder, and keys inside an unknown key's value are not checked: nothing is known of them.
//
// A type with its own UnmarshalYAML is checked by its fields all the same when it is given a mapping, because such
// types usually accept a short form or else the mapping of their fields; one without fields reads the mapping its own
// way and is not checked.
func Check(n *yaml.Node, t reflect.Type) UnknownKeys {
	if n == nil {
		return nil
	}
	if n.Kind == yaml.DocumentNode {
		if len(n.Content) == 0 {
			return nil
		}
		n = n.Content[0]
	}
	c := checker{walked: map[walked]bool{}}
	c.value(n, t, "")
	slices.SortStableFunc(c.unknown, func(a, b *UnknownKey) int {
		return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column))
	})
	return c.unknown
}

// checker walks a node tree and a Go type together.
type checker struct {
	unknown UnknownKeys
	// walked holds the anchored nodes already checked against a type: an alias to one is not walked again, so that
	// aliases (even cyclic ones, or a "billion laughs" document) cannot make the walk loop or explode, and a mistake
	// under an anchor is reported once, where it is written.
	walked map[walked]bool
}

type walked struct {
	n *yaml.Node
	t reflect.Type
}

// maxAliasHops bounds the resolution of an alias; the parser only makes aliases of non-alias nodes, so one hop is
// the most a well-formed tree needs.
const maxAliasHops = 8

// resolve follows aliases to the node they name; nil for a dangling alias.
func resolve(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode; i++ {
		if i == maxAliasHops {
			return nil
		}
		n = n.Alias
	}
	return n
}

// enter reports whether n is still to be checked against t, and marks it checked.
func (c *checker) enter(n *yaml.Node, t reflect.Type) bool {
	if n.Anchor == "" {
		return true // only an anchored node can be reached twice
	}
	k := walked{n, t}
	if c.walked[k] {
		return false
	}
	c.walked[k] = true
	return true
}

// value checks node n, the value at path, against type t.
func (c *checker) value(n *yaml.Node, t reflect.Type, path string) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if n = resolve(n); n == nil || !holdsKeys(t) || !c.enter(n, t) {
		return
	}
	switch t.Kind() {
	case reflect.Struct:
		if n.Kind == yaml.MappingNode {
			if info := structInfoOf(t); !info.open {
				c.mapping(n, t, path, info, map[string]bool{})
			}
		}
	case reflect.Map:
		if n.Kind == yaml.MappingNode {
			c.mapValues(n, t, path)
		}
	case reflect.Slice, reflect.Array:
		if n.Kind == yaml.SequenceNode {
			for i, el := range n.Content {
				c.value(el, t.Elem(), path+"["+strconv.Itoa(i)+"]")
			}
		}
	}
}

// mapping checks the keys of mapping node n against the keys of struct type t, and each value against its field's
// type. seen holds the keys met so far in this mapping and the ones it merges, so that a key repeated is reported once.
func (c *checker) mapping(n *yaml.Node, t reflect.Type, path string, info *structInfo, seen map[string]bool) {
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := resolve(n.Content[i]), n.Content[i+1]
		if k == nil || k.Kind != yaml.ScalarNode {
			continue // a key that is not a name: the decoder reports it
		}
		if isMerge(k) {
			c.merge(val, t, func(m *yaml.Node) { c.mapping(m, t, path, info, seen) })
			continue
		}
		p := joinKey(path, k.Value)
		if f, ok := info.byKey[k.Value]; ok {
			c.value(val, info.fields[f].Type, p)
			continue
		}
		if info.rest != nil {
			c.value(val, info.rest, p) // an ",inline" map takes every other key
			continue
		}
		if seen[k.Value] {
			continue
		}
		seen[k.Value] = true
		c.unknown = append(c.unknown, &UnknownKey{
			Path: p, Key: k.Value, Line: k.Line, Column: k.Column,
			Suggestion: suggest(k.Value, info.keys), Known: slices.Clone(info.keys),
		})
	}
}

// mapValues checks the values of a mapping node decoded into a Go map of type t, whose keys are all allowed.
func (c *checker) mapValues(n *yaml.Node, t reflect.Type, path string) {
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := resolve(n.Content[i]), n.Content[i+1]
		if k == nil || k.Kind != yaml.ScalarNode {
			continue
		}
		if isMerge(k) {
			c.merge(val, t, func(m *yaml.Node) { c.mapValues(m, t, path) })
			continue
		}
		c.value(val, t.Elem(), joinKey(path, k.Value))
	}
}

// merge calls walk on each mapping that a merge key ("<<: *defaults") brings into a mapping of type t: a single mapping
// or a list of them. Each is walked once per type, however often it is merged.
func (c *checker) merge(val *yaml.Node, t reflect.Type, walk func(*yaml.Node)) {
	val = resolve(val)
	if val == nil {
		return
	}
	sources := []*yaml.Node{val}
	if val.Kind == yaml.SequenceNode {
		sources = val.Content
	}
	for _, m := range sources {
		if m = resolve(m); m != nil && m.Kind == yaml.MappingNode && c.enter(m, t) {
			walk(m)
		}
	}
}

// isMerge reports whether key k is the merge key "<<", by the YAML library's rule.
func isMerge(k *yaml.Node) bool {
	return k.Value == "<<" && (k.Tag == "" || k.Tag == "!" || k.ShortTag() == "!!merge")
}

func joinKey(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// maxSuggestDistance is the edit distance from which a known key is too far to be the one meant.
const maxSuggestDistance = 3

// suggest returns the known key closest to key, the first in declaration order on a tie, or "" when none is within
// two edits. Case is ignored in key, since known keys are written in lower case.
func suggest(key string, known []string) string {
	key = strings.ToLower(key)
	n := utf8.RuneCountInString(key)
	best, bestDist := "", maxSuggestDistance
	for _, k := range known {
		if d := utf8.RuneCountInString(k) - n; d >= maxSuggestDistance || -d >= maxSuggestDistance {
			continue // the lengths alone are too far apart (and a long key would make the distance slow)
		}
		if dist := vntext.EditDistance(key, k); dist < bestDist {
			best, bestDist = k, dist
		}
	}
	return best
}

// A Field is one key that a struct type declares.
type Field struct {
	// Key is the key in YAML.
	Key string
	// Index is the field's index for reflect.Value.FieldByIndex; it has more than one element for a field of an
	// ",inline" struct.
	Index []int
	// Type is the field's type.
	Type reflect.Type
}

// Fields returns the keys of struct type t in declaration order, by the YAML library's rules: the name in the field's
// yaml tag, else the field name in lower case; fields tagged "-" and unexported fields are left out; the fields of an
// ",inline" struct are t's own. An ",inline" map, or an ",inline" struct with its own UnmarshalYAML, takes keys that
// are not listed.
func Fields(t reflect.Type) []Field {
	return structInfoOf(t).fields
}

// structInfo is what the checker needs to know of a struct type.
type structInfo struct {
	fields []Field
	keys   []string       // the keys of fields, in order
	byKey  map[string]int // key -> index in fields
	// rest is the value type of an ",inline" map, which takes every key not in fields; nil when there is none.
	rest reflect.Type
	// open is set when any key is allowed: an ",inline" struct decodes itself, or the struct decodes itself and
	// declares no field.
	open bool
}

var structInfos sync.Map // reflect.Type -> *structInfo

func structInfoOf(t reflect.Type) *structInfo {
	if info, ok := structInfos.Load(t); ok {
		return info.(*structInfo)
	}
	info := &structInfo{byKey: map[string]int{}}
	addFields(info, t, nil, 0)
	for _, f := range info.fields {
		info.keys = append(info.keys, f.Key)
	}
	if len(info.fields) == 0 && info.rest == nil && decodesItself(t) {
		info.open = true
	}
	structInfos.Store(t, info)
	return info
}

// maxInlineDepth bounds the nesting of ",inline" structs, which a recursive type could make endless.
const maxInlineDepth = 16

// addFields adds the fields of struct type t, reached through index, to info, following yaml's getStructInfo.
func addFields(info *structInfo, t reflect.Type, index []int, depth int) {
	for i := range t.NumField() {
		sf := t.Field(i)
		if sf.PkgPath != "" && !sf.Anonymous {
			continue // unexported
		}
		tag := sf.Tag.Get("yaml")
		if tag == "" && !strings.Contains(string(sf.Tag), ":") {
			tag = string(sf.Tag) // the library's old form: the whole tag is the yaml tag
		}
		if tag == "-" {
			continue
		}
		name, flags, _ := strings.Cut(tag, ",")
		idx := append(slices.Clone(index), i)
		if slices.Contains(strings.Split(flags, ","), "inline") {
			ft := sf.Type
			for ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			switch {
			case ft.Kind() == reflect.Map:
				info.rest = ft.Elem()
			case ft.Kind() == reflect.Struct && decodesItself(ft):
				info.open = true // it is given the whole mapping and may read any key
			case ft.Kind() == reflect.Struct && depth < maxInlineDepth:
				addFields(info, ft, idx, depth+1)
			}
			continue
		}
		if name == "" {
			name = strings.ToLower(sf.Name)
		}
		if _, dup := info.byKey[name]; dup {
			continue // the YAML library refuses such a type; keep the first
		}
		info.byKey[name] = len(info.fields)
		info.fields = append(info.fields, Field{Key: name, Index: idx, Type: sf.Type})
	}
}

var (
	unmarshalerType         = reflect.TypeFor[yaml.Unmarshaler]()
	obsoleteUnmarshalerType = reflect.TypeFor[interface{ UnmarshalYAML(func(any) error) error }]()
)

// decodesItself reports whether values of type t decode themselves (an UnmarshalYAML method).
func decodesItself(t reflect.Type) bool {
	pt := reflect.PointerTo(t)
	return pt.Implements(unmarshalerType) || pt.Implements(obsoleteUnmarshalerType)
}

// holdsKeys reports whether a value of type t can hold a key to check: it is a struct, or holds structs through
// pointers, lists and maps. Other values (text, numbers, lists of text) are not walked at all.
func holdsKeys(t reflect.Type) bool {
	for range maxInlineDepth {
		switch t.Kind() {
		case reflect.Struct:
			return true
		case reflect.Pointer, reflect.Slice, reflect.Array, reflect.Map:
			t = t.Elem()
		default:
			return false
		}
	}
	return true // a type nested this deep (or made of itself, type T []T): walk it, the walk is bounded by the nodes
}
