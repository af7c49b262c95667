package strictyaml

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// The test types mirror the shapes the project decodes: nested pointers, lists of structs, maps of structs, an inline
// struct, an inline map and types with their own UnmarshalYAML.
type (
	near struct {
		Tokens []string `yaml:"tokens"`
		Within int      `yaml:"within"`
	}
	// example accepts a plain string or {text, flag}, like rules.Example.
	example struct {
		Text string `yaml:"text"`
		Flag string `yaml:"flag"`
	}
	rule struct {
		ID       string    `yaml:"id"`
		Near     *near     `yaml:"near"`
		Examples []example `yaml:"examples"`
	}
	header struct {
		Version string `yaml:"version"`
	}
	file struct {
		header `yaml:",inline"`
		Rules  []rule          `yaml:"rules"`
		Lists  map[string]near `yaml:"lists"`
		Raw    opaque          `yaml:"raw"`
		Open   withRest        `yaml:"open"`
	}
	// withRest takes any key besides name into an inline map.
	withRest struct {
		Name string          `yaml:"name"`
		Rest map[string]near `yaml:",inline"`
	}
	// opaque reads any mapping its own way and declares no field.
	opaque struct{ keys int }
)

func (e *example) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		*e = example{Text: n.Value}
		return nil
	}
	type plain example
	return n.Decode((*plain)(e))
}

func (o *opaque) UnmarshalYAML(n *yaml.Node) error {
	o.keys = len(n.Content) / 2
	return nil
}

func TestUnmarshal(t *testing.T) {
	tests := []struct {
		name string
		doc  string
		want []string // the lines of the error; none for a document without unknown keys
		// check looks at the decoded value, which is complete even when keys are unknown.
		check func(t *testing.T, f *file)
	}{
		{
			name: "valid",
			doc: "version: v1\nrules:\n  - id: a\n    near: {tokens: [x], within: 2}\n    examples: [plain, {text: t, flag: f}]\n" +
				"lists: {weak: {within: 3}}\nraw: {anything: 1, goes: 2}\nopen: {name: n, extra: {within: 4}}\n",
			check: func(t *testing.T, f *file) {
				if f.Version != "v1" || f.Rules[0].Near.Within != 2 || f.Rules[0].Examples[0].Text != "plain" ||
					f.Rules[0].Examples[1].Flag != "f" || f.Lists["weak"].Within != 3 || f.Raw.keys != 2 ||
					f.Open.Rest["extra"].Within != 4 {
					t.Errorf("decoded %+v", f)
				}
			},
		},
		{
			name: "nested unknown key",
			doc:  "rules:\n  - id: a\n    near: {tokns: [x]}\n",
			want: []string{`line 3: rules[0].near.tokns: unknown key "tokns" (did you mean "tokens"?)`},
		},
		{
			name: "key in a list item",
			doc:  "rules: [{id: a}, {id: b}, {id: c}, {id: d, examples: [x], nera: {}}]\n",
			want: []string{`line 1: rules[3].nera: unknown key "nera" (did you mean "near"?)`},
			check: func(t *testing.T, f *file) {
				if len(f.Rules) != 4 || f.Rules[3].ID != "d" || f.Rules[3].Examples[0].Text != "x" {
					t.Errorf("the known keys were not decoded: %+v", f.Rules)
				}
			},
		},
		{
			name: "inline struct",
			doc:  "versoin: v1\n",
			want: []string{`line 1: versoin: unknown key "versoin" (did you mean "version"?)`},
		},
		{
			name: "map values",
			doc:  "lists:\n  weak:\n    within: 2\n    withn: 3\n",
			want: []string{`line 4: lists.weak.withn: unknown key "withn" (did you mean "within"?)`},
			check: func(t *testing.T, f *file) {
				if f.Lists["weak"].Within != 2 {
					t.Errorf("lists: %+v", f.Lists)
				}
			},
		},
		{
			name: "inline map values",
			doc:  "open: {name: n, extra: {tokenz: [x]}}\n",
			want: []string{`line 1: open.extra.tokenz: unknown key "tokenz" (did you mean "tokens"?)`},
		},
		{
			name: "custom unmarshaler",
			doc:  "rules:\n  - id: a\n    examples:\n      - plain\n      - {text: t, flg: f}\n",
			want: []string{`line 5: rules[0].examples[1].flg: unknown key "flg" (did you mean "flag"?)`},
			check: func(t *testing.T, f *file) {
				if ex := f.Rules[0].Examples; ex[0].Text != "plain" || ex[1].Text != "t" {
					t.Errorf("examples: %+v", ex)
				}
			},
		},
		{
			name: "custom unmarshaler without fields",
			doc:  "raw: {whatever: 1}\n",
		},
		{
			name: "several unknown keys together",
			doc:  "versio: v1\nrules:\n  - id: a\n    near: {tokns: [x], withni: 2}\n  - idd: b\nlist: {}\n",
			want: []string{
				`line 1: versio: unknown key "versio" (did you mean "version"?)`,
				`line 4: rules[0].near.tokns: unknown key "tokns" (did you mean "tokens"?)`,
				`line 4: rules[0].near.withni: unknown key "withni" (did you mean "within"?)`,
				`line 5: rules[1].idd: unknown key "idd" (did you mean "id"?)`,
				`line 6: list: unknown key "list" (did you mean "lists"?)`,
			},
		},
		{
			name: "no suggestion when too far",
			doc:  "colour: blue\n",
			want: []string{`line 1: colour: unknown key "colour" (known keys: version, rules, lists, raw, open)`},
		},
		{
			name: "case is ignored in suggestions",
			doc:  "Version: v1\n",
			want: []string{`line 1: Version: unknown key "Version" (did you mean "version"?)`},
		},
		{
			name: "a repeated unknown key is reported once",
			doc:  "rules: [{id: a, tokns: 1, tokns: 2}]\n",
			want: []string{
				`line 1: rules[0].tokns: unknown key "tokns" (known keys: id, near, examples)`,
				"yaml: unmarshal errors:", `  line 1: mapping key "tokns" already defined at line 1`,
			},
		},
		{
			name: "an anchored mistake is reported where it is written",
			doc:  "lists: {base: &d {within: 2, withn: 1}}\nrules: [{id: a, near: {<<: *d, tokens: [x]}}, {id: b, near: *d}]\n",
			want: []string{`line 1: lists.base.withn: unknown key "withn" (did you mean "within"?)`},
			check: func(t *testing.T, f *file) {
				if f.Rules[0].Near.Within != 2 || f.Rules[1].Near.Within != 2 {
					t.Errorf("the merge and the alias were not decoded: %+v %+v", f.Rules[0].Near, f.Rules[1].Near)
				}
			},
		},
		{
			name: "a merged mapping is checked",
			doc:  "rules: [{id: a, near: {<<: {tokns: [x]}, within: 1}}]\n",
			want: []string{`line 1: rules[0].near.tokns: unknown key "tokns" (did you mean "tokens"?)`},
		},
		{
			name: "empty document",
			doc:  "",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var f file
			err := Unmarshal([]byte(tt.doc), &f)
			if len(tt.want) == 0 {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
			} else {
				var unknown UnknownKeys
				if !errors.As(err, &unknown) {
					t.Fatalf("error is not UnknownKeys: %#v", err)
				}
				if got := err.Error(); got != strings.Join(tt.want, "\n") {
					t.Errorf("error:\n%s\nwant:\n%s", got, strings.Join(tt.want, "\n"))
				}
				var one *UnknownKey
				if !errors.As(err, &one) || one.Path == "" || one.Line == 0 {
					t.Errorf("errors.As finds no UnknownKey with its place: %+v", one)
				}
			}
			if tt.check != nil {
				tt.check(t, &f)
			}
		})
	}
}

// TestDecodeErrorAfterUnknownKeys: a value of the wrong type is still reported, after the unknown keys.
func TestDecodeErrorAfterUnknownKeys(t *testing.T) {
	var f file
	err := Unmarshal([]byte("rules: [{id: a, near: {within: many, tokns: [x]}}]\n"), &f)
	var unknown UnknownKeys
	var typeErr *yaml.TypeError
	if !errors.As(err, &unknown) || len(unknown) != 1 || !errors.As(err, &typeErr) {
		t.Fatalf("want the unknown key and the type error, got %v", err)
	}
	if got := err.Error(); !strings.HasPrefix(got, `line 1: rules[0].near.tokns: unknown key`) ||
		!strings.Contains(got, "cannot unmarshal") {
		t.Errorf("error: %s", got)
	}
}

func TestDecodeNeedsAPointer(t *testing.T) {
	var n yaml.Node
	if err := yaml.Unmarshal([]byte("a: 1"), &n); err != nil {
		t.Fatal(err)
	}
	if err := Decode(&n, file{}); err == nil {
		t.Error("decoding into a non-pointer succeeded")
	}
}

func TestUnknownKeyError(t *testing.T) {
	for _, tt := range []struct {
		u    UnknownKey
		want string
	}{
		{UnknownKey{Key: "tokns", Suggestion: "tokens", Known: []string{"tokens"}}, `unknown key "tokns" (did you mean "tokens"?)`},
		{UnknownKey{Key: "x", Known: []string{"a", "b"}}, `unknown key "x" (known keys: a, b)`},
		{UnknownKey{Key: "x"}, `unknown key "x" (no keys are allowed here)`},
	} {
		if got := tt.u.Error(); got != tt.want {
			t.Errorf("got %s, want %s", got, tt.want)
		}
	}
}

func TestFields(t *testing.T) {
	type inner struct {
		B string `yaml:"b"`
	}
	type outer struct {
		A      string `yaml:"a"`
		inner  `yaml:",inline"`
		Plain  int
		Skip   string `yaml:"-"`
		hidden string
	}
	var v outer
	v.B = "inline"
	if f := Fields(reflect.TypeFor[outer]())[1]; f.Key != "b" || reflect.ValueOf(v).FieldByIndex(f.Index).String() != "inline" {
		t.Errorf("the inline field is %+v", f)
	}
	keys := make([]string, 0, 3)
	for _, f := range Fields(reflect.TypeFor[outer]()) {
		keys = append(keys, f.Key)
	}
	if strings.Join(keys, ",") != "a,b,plain" {
		t.Errorf("keys %v", keys)
	}
}

// TestHostileAliases: aliases that expand without bound, or refer to themselves, are walked once.
func TestHostileAliases(t *testing.T) {
	bomb := "a: &a [{tokns: 1}, {tokns: 1}]\n"
	prev := "a"
	for _, name := range []string{"b", "c", "d", "e", "f", "g", "h", "i"} {
		bomb += name + ": &" + name + " [*" + prev + ", *" + prev + ", *" + prev + ", *" + prev + "]\n"
		prev = name
	}
	type bombs struct {
		A, B, C, D, E, F, G, H, I any
	}
	if got := Check(parse(t, bomb), reflect.TypeFor[map[string][]near]()); len(got) != 2 {
		t.Errorf("want the two written mistakes, got %d: %v", len(got), got)
	}
	if got := Check(parse(t, bomb), reflect.TypeFor[bombs]()); len(got) != 0 {
		t.Errorf("values of type any have no unknown keys, got %v", got)
	}
	cyclic := "rules: &r [{id: a, examples: *r}]\nlists: &l {x: {<<: *l}}\n"
	Check(parse(t, cyclic), reflect.TypeFor[file]()) // must return
}

func parse(t *testing.T, doc string) *yaml.Node {
	t.Helper()
	var n yaml.Node
	if err := yaml.Unmarshal([]byte(doc), &n); err != nil {
		t.Fatal(err)
	}
	return &n
}

func FuzzDecode(f *testing.F) {
	for _, seed := range []string{
		"version: v1\nrules: [{id: a, near: {tokns: [x]}, examples: [x, {text: t, flg: f}]}]\n",
		"lists: {base: &d {within: 2, withn: 1}}\nrules: [{near: {<<: *d}}, {near: *d}]\n",
		"rules: &r [{id: a, examples: *r}]\nlists: &l {x: {<<: *l}}\n",
		"open: {name: n, x: {tokenz: 1}}\nraw: {a: 1}\n",
		"a: &a [*a]\n",
		"- 1\n- [2]\n",
		"? [a]\n: b\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var v file
		err := Unmarshal(data, &v)
		var unknown UnknownKeys
		if errors.As(err, &unknown) {
			for _, u := range unknown {
				if u.Line == 0 || !strings.HasSuffix(u.Path, u.Key) { // a null key ("?" alone) has an empty name and path
					t.Fatalf("unknown key without its place: %+v", u)
				}
			}
		}
		var m map[string]any
		_ = Unmarshal(data, &m)
	})
}
