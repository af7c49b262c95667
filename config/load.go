package config

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"genderlens/internal/strictyaml"

	"go.yaml.in/yaml/v3"
)

// defaultYAML is a string rather than a []byte so that the embedded defaults cannot be modified.
//
//go:embed default.yaml
var defaultYAML string

// defaultFile names the embedded defaults in error messages.
const defaultFile = "default.yaml (embedded)"

// maxAliasedValues bounds the values one document may decode to beyond its own nodes, that is through aliases. A
// plain file decodes each of its nodes once whatever its size (a 50,000-outlet file loads); the bound stops
// documents that reuse anchors to expand into billions of values (the "billion laughs" attack).
const maxAliasedValues = 1 << 18

// MaxFileBytes bounds the size of a configuration file, checked before it is read: a 50,000-outlet file takes about
// 5 MB.
const MaxFileBytes = 10 << 20

// Load reads the configuration file at path on top of the embedded defaults and validates it. An empty path means the
// embedded defaults alone.
func Load(path string) (*Config, error) {
	var data []byte
	if path != "" {
		var err error
		if data, err = readFile(path); err != nil {
			return nil, fmt.Errorf("load configuration: %w", err)
		}
	}
	c, err := Parse(data, path)
	if err != nil {
		return nil, err
	}
	// The token is a secret: the environment lets operators keep it out of the file.
	if v, ok := os.LookupEnv(APITokenEnv); ok {
		c.APIToken = v
	}
	return c, nil
}

// readFile reads the file at path if it is at most MaxFileBytes long: the size is checked before reading, and the
// read is bounded too, for files whose size is not known in advance (a pipe).
func readFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	tooLarge := fmt.Errorf("%s: the file is larger than %d MB: a configuration is a few kilobytes", path, MaxFileBytes>>20)
	if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() && fi.Size() > MaxFileBytes {
		return nil, tooLarge
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxFileBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if len(data) > MaxFileBytes {
		return nil, tooLarge
	}
	return data, nil
}

// APITokenEnv names the environment variable that overrides api_token.
const APITokenEnv = "GENDERLENS_API_TOKEN"

// Default returns a fresh copy of the embedded defaults. It panics only if the embedded file is broken, which the
// package's tests rule out.
func Default() *Config {
	c, err := Parse(nil, "")
	if err != nil {
		panic(fmt.Sprintf("config: embedded defaults are invalid: %v", err))
	}
	return c
}

// Parse decodes data on top of the embedded defaults, fills derived values (outlets' allowed_hosts) and validates the
// result. Keys missing from data keep their default; a list written in data (such as outlets) replaces the default
// list as a whole; an empty value ("key:" alone) sets an empty string, 0 or an empty list, while an empty section
// ("crawler:" alone) changes nothing. Unknown keys are errors.
//
// filename is used only in error messages. Every problem found is returned at once as Problems, sorted by line, each
// naming the file, the line and the field.
func Parse(data []byte, filename string) (*Config, error) {
	c := new(Config)
	// The defaults are decoded by the same code as the file so that they obey the same rules.
	if _, probs := decodeDocument([]byte(defaultYAML), defaultFile, c); len(probs) > 0 {
		return nil, probs.err()
	}
	lines, probs := decodeDocument(data, filename, c)
	if lines == nil {
		return nil, probs.err() // a syntax error or an alias bomb: nothing worth validating
	}
	c.fillDerived()
	v := validator{file: filename, lines: lines}
	c.validate(&v)
	for _, p := range v.probs {
		// A field that failed to decode holds a meaningless value: checking it would only repeat the first error.
		// Nor its parent: an outlet whose start_urls failed to decode need not also be told it has no URL.
		if !slices.ContainsFunc(probs, func(q *Problem) bool { return within(p.Field, q.Field) || within(q.Field, p.Field) }) {
			probs = append(probs, p)
		}
	}
	if len(probs) > 0 {
		return nil, probs.err()
	}
	return c, nil
}

// fillDerived sets the values that default to other values of the file.
func (c *Config) fillDerived() {
	for i := range c.Outlets {
		if len(c.Outlets[i].AllowedHosts) == 0 {
			c.Outlets[i].AllowedHosts = c.Outlets[i].urlHosts()
		}
	}
}

// within reports whether field path is the path prefix or lies below it ("outlets[1].kind" is within "outlets[1]"
// and "outlets", but not within "outlets[10]").
func within(path, prefix string) bool {
	if prefix == "" || path == prefix {
		return true
	}
	if !strings.HasPrefix(path, prefix) {
		return false
	}
	next := path[len(prefix)]
	return next == '.' || next == '['
}

// yamlLineRE matches the "yaml: line N: message" form of the YAML parser's errors.
var yamlLineRE = regexp.MustCompile(`(?s)^yaml: line (\d+): (.*)$`)

// syntaxError rewords a YAML parser error (the file and line move to the Problem) and keeps the original for errors.Is.
type syntaxError struct {
	msg string
	err error
}

func (e *syntaxError) Error() string { return e.msg }
func (e *syntaxError) Unwrap() error { return e.err }

// syntaxProblem turns a YAML parser error into a Problem with the file and the line.
func syntaxProblem(filename string, err error) *Problem {
	p := &Problem{File: filename, Err: &syntaxError{msg: "invalid YAML: " + strings.TrimPrefix(err.Error(), "yaml: "), err: err}}
	if m := yamlLineRE.FindStringSubmatch(err.Error()); m != nil {
		p.Line, _ = strconv.Atoi(m[1])
		p.Err = &syntaxError{msg: "invalid YAML: " + m[2], err: err}
	}
	return p
}

// decodeDocument decodes the single YAML document in data into c, field by field, so that every problem can name its
// field and line. It returns the line of every field path written in data (nil when data is not well-formed YAML or
// expands beyond its own nodes and maxAliasedValues, so that the caller stops there) and the problems found.
func decodeDocument(data []byte, filename string, c *Config) (map[string]int, Problems) {
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := safeDecode(dec, &doc); err != nil && !errors.Is(err, io.EOF) {
		return nil, Problems{syntaxProblem(filename, err)}
	}
	d := decoder{file: filename, lines: map[string]int{}, budget: countNodes(&doc) + maxAliasedValues}
	var extra yaml.Node
	switch err := safeDecode(dec, &extra); {
	case err == nil:
		d.fail("", extra.Line, errors.New("the file holds more than one YAML document (a second \"---\"): keep one"))
	case !errors.Is(err, io.EOF):
		return nil, Problems{syntaxProblem(filename, err)}
	}
	if doc.Kind == yaml.DocumentNode && len(doc.Content) > 0 {
		for _, u := range strictyaml.Check(doc.Content[0], reflect.TypeFor[Config]()) {
			d.fail(u.Path, u.Line, u)
		}
		d.decode(doc.Content[0], reflect.ValueOf(c).Elem(), "")
	}
	if d.budget <= 0 {
		return nil, d.probs // too large to be worth validating
	}
	return d.lines, d.probs
}

// countNodes counts the nodes of the tree under n without following aliases: the values a document decodes to
// when no alias is expanded.
func countNodes(n *yaml.Node) int {
	count := 1
	for _, c := range n.Content {
		count += countNodes(c)
	}
	return count
}

// safeDecode shields callers from a panic in the YAML parser on hostile input: a configuration loader must fail with
// an error, not bring the service down.
func safeDecode(dec *yaml.Decoder, n *yaml.Node) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("yaml: the YAML parser failed: %v", r)
		}
	}()
	return dec.Decode(n)
}

// decoder walks a yaml.Node tree and a Go value of the configuration types together. It decodes rather than the YAML
// library because a file is laid over the defaults (an empty section keeps them, an empty value clears one) and each
// wrong value is a Problem naming its field; unknown keys are strictyaml's to report.
type decoder struct {
	file   string
	lines  map[string]int
	probs  Problems
	budget int
}

func (d *decoder) fail(field string, line int, err error) {
	d.probs = append(d.probs, &Problem{File: d.file, Line: line, Field: field, Err: err})
}

var unmarshalerType = reflect.TypeFor[yaml.Unmarshaler]()

// decode stores node n into v. It recurses only along the configuration types, which are not recursive, so hostile
// aliases (even cyclic ones) cannot make it loop.
func (d *decoder) decode(n *yaml.Node, v reflect.Value, field string) {
	if d.budget--; d.budget == 0 {
		d.fail(field, n.Line, errors.New("the document expands to too many values (aliases used too often)"))
	}
	if d.budget <= 0 {
		return
	}
	for i := 0; n.Kind == yaml.AliasNode && n.Alias != nil && i < 100; i++ {
		n = n.Alias
	}
	if reflect.PointerTo(v.Type()).Implements(unmarshalerType) {
		if err := v.Addr().Interface().(yaml.Unmarshaler).UnmarshalYAML(n); err != nil {
			d.fail(field, n.Line, err)
		}
		return
	}
	switch v.Kind() {
	case reflect.Struct:
		d.decodeStruct(n, v, field)
	case reflect.Slice:
		d.decodeSlice(n, v, field)
	case reflect.String:
		if n.Kind != yaml.ScalarNode {
			d.fail(field, n.Line, fmt.Errorf("expected text, got %s", describeNode(n)))
			return
		}
		if n.ShortTag() == "!!null" {
			v.SetString("")
			return
		}
		v.SetString(n.Value)
	case reflect.Int, reflect.Int64:
		d.decodeInt(n, v, field)
	default:
		// Reached only if a field of an unsupported type is added to the configuration types.
		d.fail(field, n.Line, fmt.Errorf("internal error: cannot decode into %s", v.Type()))
	}
}

func (d *decoder) decodeInt(n *yaml.Node, v reflect.Value, field string) {
	if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null" {
		v.SetInt(0)
		return
	}
	if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!int" {
		d.fail(field, n.Line, fmt.Errorf("expected a whole number, got %s", describeNode(n)))
		return
	}
	var x int64
	if err := n.Decode(&x); err != nil || v.OverflowInt(x) {
		d.fail(field, n.Line, fmt.Errorf("%s is too large", n.Value))
		return
	}
	v.SetInt(x)
}

func (d *decoder) decodeSlice(n *yaml.Node, v reflect.Value, field string) {
	if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null" {
		v.SetZero()
		return
	}
	if n.Kind != yaml.SequenceNode {
		d.fail(field, n.Line, fmt.Errorf("expected a list (\"- item\" lines or [a, b]), got %s", describeNode(n)))
		return
	}
	if len(n.Content) == 0 {
		v.SetZero() // "[]" and an empty value mean the same, so a marshalled configuration reads back equal
		return
	}
	// A new slice, not the default one: a list in the file replaces the default list, and its elements start empty.
	s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
	for i, el := range n.Content {
		f := field + "[" + strconv.Itoa(i) + "]"
		d.lines[f] = el.Line
		d.decode(el, s.Index(i), f)
	}
	v.Set(s)
}

func (d *decoder) decodeStruct(n *yaml.Node, v reflect.Value, field string) {
	if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null" {
		return // an empty section: every key keeps its value
	}
	if n.Kind != yaml.MappingNode {
		d.fail(field, n.Line, fmt.Errorf("expected a mapping (key: value lines), got %s", describeNode(n)))
		return
	}
	fields := strictyaml.Fields(v.Type())
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, val := n.Content[i], n.Content[i+1]
		if key.Kind != yaml.ScalarNode {
			d.fail(field, key.Line, fmt.Errorf("keys must be plain names, got %s", describeNode(key)))
			continue
		}
		f := key.Value
		if field != "" {
			f = field + "." + key.Value
		}
		if key.Value == "<<" {
			d.fail(f, key.Line, errors.New("merge keys (<<) are not supported: write the keys out"))
			continue
		}
		if first, ok := seen[key.Value]; ok {
			d.fail(f, key.Line, fmt.Errorf("key repeated (first set on line %d)", first))
			continue
		}
		seen[key.Value] = key.Line
		fi := slices.IndexFunc(fields, func(sf strictyaml.Field) bool { return sf.Key == key.Value })
		if fi < 0 {
			continue // an unknown key, which strictyaml.Check has reported
		}
		d.lines[f] = key.Line
		d.decode(val, v.FieldByIndex(fields[fi].Index), f)
	}
}
