package config

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"genderlens/internal/golden"
	"genderlens/internal/strictyaml"
	"genderlens/model"

	"go.yaml.in/yaml/v3"
)

const exampleFile = "../genderlens.example.yaml"

func TestDefaultValidates(t *testing.T) {
	c := Default()
	if err := c.Validate(); err != nil {
		t.Fatalf("embedded defaults do not validate:\n%v", err)
	}
	if c.DataDir != "./data" || c.Listen != "127.0.0.1:8080" || c.RulesDir != "" {
		t.Errorf("top-level defaults = %q, %q, %q", c.DataDir, c.Listen, c.RulesDir)
	}
	// Before units were configurable every page said "quận": the default keeps that.
	if c.Unit != (model.Unit{Level: model.UnitDistrict}) {
		t.Errorf("unit default = %+v, want a district without a name", c.Unit)
	}
	want := Crawler{
		UserAgent:     c.Crawler.UserAgent,
		Delay:         Duration(2 * time.Second),
		Parallelism:   2,
		Timeout:       Duration(20 * time.Second),
		Interval:      Duration(6 * time.Hour),
		MaxPages:      500,
		MaxBodyBytes:  10 << 20,
		MaxRedirects:  5,
		MaxRetryAfter: Duration(2 * time.Minute),
		MaxHostPause:  Duration(24 * time.Hour),
		DiskRetry:     Duration(10 * time.Second),
		MaxDiskPause:  Duration(10 * time.Minute),
	}
	if c.Crawler != want {
		t.Errorf("crawler defaults = %+v, want %+v", c.Crawler, want)
	}
	if c.Figures.MinSample != model.DefaultMinSample {
		t.Errorf("figures.min_sample default = %d, want model.DefaultMinSample %d", c.Figures.MinSample, model.DefaultMinSample)
	}
	kinds := map[string]int{}
	for _, o := range c.Outlets {
		kinds[o.Kind]++
		if len(o.AllowedHosts) == 0 {
			t.Errorf("outlet %s: allowed_hosts not filled from its URLs", o.ID)
		}
	}
	if kinds["district_portal"] != 1 || kinds["ward_portal"] != 14 || kinds["newspaper"] == 0 || kinds["radio_tv"] == 0 {
		t.Errorf("default outlets by kind = %v", kinds)
	}
	for _, id := range []string{"badinh-portal", "phuong-kim-ma", "hanoimoi", "kinhtedothi", "hanoionline", "phunuthudo"} {
		if _, ok := c.Outlet(id); !ok {
			t.Errorf("default outlet %q missing", id)
		}
	}

	// Load("") is the defaults, and Default returns a fresh copy each time.
	l, err := Load("")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(l, c) {
		t.Error(`Load("") differs from Default()`)
	}
	l.Outlets[0].ID = "changed"
	if Default().Outlets[0].ID == "changed" {
		t.Error("Default shares state between calls")
	}
}

func TestExampleLoads(t *testing.T) {
	c, err := Load(exampleFile)
	if err != nil {
		t.Fatalf("example does not load:\n%v", err)
	}
	if len(c.Outlets) != 2 {
		t.Fatalf("example has %d outlets, want 2", len(c.Outlets))
	}
	// The first example outlet shows a value for every outlet key.
	o := reflect.ValueOf(c.Outlets[0])
	for i := range o.NumField() {
		if o.Field(i).IsZero() {
			t.Errorf("example outlets[0] leaves %s empty", o.Type().Field(i).Name)
		}
	}
	if got := c.Outlets[1].AllowedHosts; !slices.Equal(got, []string{"phuongvidu.example.org"}) {
		t.Errorf("example outlets[1].allowed_hosts = %q, want the start URL's host", got)
	}
}

// TestExampleDocumentsEveryKey checks that every key of the configuration types is written in the example file with
// a comment, so that the file stays the reference when fields are added.
func TestExampleDocumentsEveryKey(t *testing.T) {
	data, err := os.ReadFile(exampleFile)
	if err != nil {
		t.Fatal(err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	var walk func(n *yaml.Node, typ reflect.Type, field string)
	walk = func(n *yaml.Node, typ reflect.Type, field string) {
		present := map[string]*yaml.Node{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			present[k.Value] = n.Content[i+1]
			// A comment above "- id:" belongs to the list item, not to its first key.
			if k.HeadComment == "" && k.LineComment == "" && (i > 0 || n.HeadComment == "") {
				t.Errorf("%s.%s has no comment in the example", field, k.Value)
			}
		}
		for _, sf := range strictyaml.Fields(typ) {
			name, ft := sf.Key, sf.Type
			val, ok := present[name]
			if !ok {
				t.Errorf("example does not show %s.%s", field, name)
				continue
			}
			switch {
			case ft.Kind() == reflect.Struct && ft != reflect.TypeFor[Duration]():
				walk(val, ft, field+"."+name)
			case ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.Struct:
				if len(val.Content) == 0 {
					t.Errorf("example %s.%s is empty", field, name)
					continue
				}
				walk(val.Content[0], ft.Elem(), field+"."+name+"[0]")
			}
		}
	}
	walk(doc.Content[0], reflect.TypeFor[Config](), "")
}

func TestPartialFileKeepsDefaults(t *testing.T) {
	c, err := Load("testdata/partial.yaml")
	if err != nil {
		t.Fatal(err)
	}
	want := Default()
	want.Listen = ":9090"
	want.Crawler.Delay = Duration(500 * time.Millisecond)
	want.Crawler.MaxPages = 50
	if !reflect.DeepEqual(c, want) {
		t.Errorf("partial file: got\n%+v\nwant\n%+v", c, want)
	}
}

func TestOutletsReplaceDefaults(t *testing.T) {
	c, err := Load("testdata/outlets.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Outlets) != 2 {
		t.Fatalf("got %d outlets, want the file's 2", len(c.Outlets))
	}
	if got := c.Outlets[0].AllowedHosts; !slices.Equal(got, []string{"hanoimoi.vn", "www.hanoimoi.vn"}) {
		t.Errorf("derived allowed_hosts = %q", got)
	}
	if got := c.Outlets[1].AllowedHosts; !slices.Equal(got, []string{"kimma.example.org:8080", "kimma.example.org"}) {
		t.Errorf("derived allowed_hosts = %q", got)
	}
	if c.Crawler != Default().Crawler {
		t.Error("crawler settings changed although the file does not set them")
	}
}

// TestInvalid loads each testdata/invalid/*.yaml and compares the error text with the .golden file next to it; run
// `go test ./config -update` after a deliberate change of wording. The table also pins the essential parts, so that a
// careless -update cannot lose them.
func TestInvalid(t *testing.T) {
	tests := []struct {
		file string
		want []string // substrings of the error
	}{
		{"kind.yaml", []string{`kind.yaml:15: outlets[1].kind: "blog" is not one of newspaper, magazine, radio_tv, district_portal, ward_portal`}},
		{"unknown_key.yaml", []string{
			`unknown_key.yaml:3: crawler.delai: unknown key "delai" (did you mean "delay"?)`,
			`unknown_key.yaml:4: crawler.useragent: unknown key "useragent" (did you mean "user_agent"?)`,
			`unknown_key.yaml:9: outlets[0].start_url: unknown key "start_url" (did you mean "start_urls"?)`,
			`unknown_key.yaml:10: outlets[0].colour: unknown key "colour" (known keys: id, name, kind, start_urls,`,
		}},
		{"syntax.yaml", []string{"syntax.yaml:3: invalid YAML: did not find expected key"}},
		{"syntax_flow.yaml", []string{"syntax_flow.yaml:", "invalid YAML:"}},
		{"duplicate_ids.yaml", []string{`duplicate_ids.yaml:10: outlets[2].id: "hanoimoi" is already the id of outlets[0]`}},
		{"crawler.yaml", []string{
			"crawler.yaml:2: data_dir: must not be empty",
			`crawler.yaml:3: listen: "localhost" is not host:port`,
			`crawler.yaml:5: crawler.user_agent: "Mozilla/5.0 (compatible; genderlens)" has no http(s) contact URL`,
			"crawler.yaml:6: crawler.delay: must not be negative, got -1s",
			"crawler.yaml:7: crawler.parallelism: must be at least 1, got 0",
			"crawler.yaml:8: crawler.timeout: must be positive, got 0s",
			"crawler.yaml:9: crawler.interval: must not be negative",
			"crawler.yaml:10: crawler.max_pages: must not be negative",
			"crawler.yaml:11: crawler.max_body_bytes: must be positive, got 0",
			"crawler.yaml:12: crawler.max_redirects: must be from 1 to 20, got 0",
			"crawler.yaml:13: crawler.max_retry_after: must be positive, got 0s",
			"crawler.yaml:14: crawler.max_host_pause: must be positive and at least crawler.max_retry_after (0s), got 0s",
			"crawler.yaml:15: crawler.disk_retry: must be positive, got 0s",
			"crawler.yaml:16: crawler.max_disk_pause: must be positive (how long `crawl --once` waits for space), got -1m",
		}},
		{"user_agent.yaml", []string{
			`user_agent.yaml:1: listen: "127.0.0.1:http" has an invalid port "http"`,
			"user_agent.yaml:3: crawler.user_agent: must not be empty",
		}},
		{"types.yaml", []string{
			"types.yaml:2: listen: expected text, got a list",
			`types.yaml:4: crawler.parallelism: expected a whole number, got "two"`,
			"types.yaml:5: crawler.max_body_bytes: expected a whole number, got the number 1.5e7",
			"types.yaml:6: crawler.timeout: expected a duration",
			`types.yaml:11: outlets[0].start_urls: expected a list ("- item" lines or [a, b]), got "https://a.example.org/"`,
			"types.yaml:12: outlets[0].selectors: expected a mapping",
			"types.yaml:13: outlets[0].max_pages: expected a whole number, got the number 99999999999999999999",
		}},
		{"durations.yaml", []string{
			`durations.yaml:2: crawler.delay: "30" has no unit: write "30s" for seconds`,
			`durations.yaml:3: crawler.timeout: "1.5" has no unit`,
			`durations.yaml:4: crawler.interval: "7d" is not a duration such as "500ms", "20s" or "6h" (days and weeks are not units`,
		}},
		{"urls.yaml", []string{
			"urls.yaml:2: outlets[0]: needs at least one of start_urls, feeds, sitemaps",
			`urls.yaml:9: outlets[1].start_urls[0]: "/tin-tuc" is not an absolute http or https URL`,
			`urls.yaml:10: outlets[1].start_urls[1]: "ftp://files.example.org/" is not an absolute http or https URL`,
			`urls.yaml:11: outlets[1].start_urls[2]: "https://exa mple.org/" is not a URL`,
			`urls.yaml:12: outlets[1].start_urls[3]: host "other.example.net" is not in allowed_hosts (example.org:443)`,
			`urls.yaml:13: outlets[1].feeds[0]: host "www.example.org" is not in allowed_hosts (example.org:443)`,
			`urls.yaml:15: outlets[1].allowed_hosts[1]: "https://example.org/" is not a host such as example.org`,
			`urls.yaml:19: outlets[2].start_urls[1]: host "hanoi.gov.vn" is not in allowed_hosts (badinh.hanoi.gov.vn)`,
		}},
		{"patterns.yaml", []string{
			`patterns.yaml:2: outlets[0].id: "Bad_ID" must consist of lower-case letters`,
			"patterns.yaml:3: outlets[0].name: must not be empty",
			`patterns.yaml:4: outlets[0].kind: "" is not one of`,
			"patterns.yaml:6: outlets[0].article_pattern: is not a valid Go regular expression: error parsing regexp: missing closing )",
			`patterns.yaml:8: outlets[0].selectors.title: "h1[" is not a valid CSS selector`,
			`patterns.yaml:10: outlets[0].selectors.date: "time::" is not a valid CSS selector`,
			`patterns.yaml:11: outlets[0].selectors.author: ".author," is not a valid CSS selector`,
			"patterns.yaml:12: outlets[0].max_pages: must not be negative",
			"patterns.yaml:13: outlets[0].schedule: must not be negative",
		}},
		{"unit.yaml", []string{
			`unit.yaml:2: unit.name: "Phường\nBa Đình" must be one line`,
			`unit.yaml:3: unit.level: "quan" is not one of ward, district, city, province`,
		}},
		{"empty_outlets.yaml", []string{"empty_outlets.yaml:2: outlets: at least one outlet is required"}},
		{"two_documents.yaml", []string{"two_documents.yaml:2: the file holds more than one YAML document"}},
		{"repeated_key.yaml", []string{
			"repeated_key.yaml:4: crawler.delay: key repeated (first set on line 3)",
			"repeated_key.yaml:5: listen: key repeated (first set on line 1)",
		}},
		{"not_a_mapping.yaml", []string{"not_a_mapping.yaml:1: expected a mapping (key: value lines), got a list"}},
		{"aliases.yaml", []string{"aliases.yaml:2: outlets[0]: expected a mapping (key: value lines), got a list"}},
		{"figures.yaml", []string{"figures.yaml:2: figures.min_sample: must be from 1 to 1000"}},
	}
	files, err := filepath.Glob("testdata/invalid/*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != len(tests) {
		t.Errorf("testdata/invalid has %d files, the table %d: keep them in step", len(files), len(tests))
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join("testdata", "invalid", tt.file)
			c, err := Load(path)
			if err == nil {
				t.Fatalf("Load(%s) = %+v, want an error", path, c)
			}
			got := err.Error()
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("error lacks %q; got:\n%s", w, got)
				}
			}
			checkSortedByLine(t, err)

			golden.Assert(t, strings.TrimSuffix(path, ".yaml")+".golden", []byte(got+"\n"))
		})
	}
}

func checkSortedByLine(t *testing.T, err error) {
	t.Helper()
	var ps Problems
	if !errors.As(err, &ps) {
		t.Fatalf("error %T is not Problems", err)
	}
	last := 0
	for _, p := range ps {
		if p.Line == 0 {
			last = 1 << 30 // line-less problems come last
			continue
		}
		if p.Line < last {
			t.Errorf("problems not sorted by line:\n%v", err)
		}
		last = p.Line
	}
}

func TestProblemsUnwrap(t *testing.T) {
	_, err := Parse([]byte("crawler:\n  parallelism: 0\n  timeout: 0s\n"), "genderlens.yaml")
	var p *Problem
	if !errors.As(err, &p) {
		t.Fatalf("errors.As(*Problem) failed on %v", err)
	}
	if p.File != "genderlens.yaml" || p.Line != 2 || p.Field != "crawler.parallelism" {
		t.Errorf("first problem = %+v", p)
	}
	if n := len(err.(Problems)); n != 2 {
		t.Errorf("got %d problems, want 2", n)
	}

	// The YAML parser's error stays reachable for callers that inspect it.
	_, err = Parse([]byte("a: [b"), "x.yaml")
	var se *syntaxError
	if !errors.As(err, &se) || se.err == nil {
		t.Errorf("syntax error does not wrap the parser's error: %#v", err)
	}
}

// TestAliasExpansionBounded checks that a small file whose aliases expand to millions of values fails fast.
func TestAliasExpansionBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString("outlets:\n  - &o {id: a, name: A, kind: newspaper, start_urls: &u [")
	for i := range 600 {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(`"https://a.example.org/"`)
	}
	b.WriteString("]}\n")
	for range 600 {
		b.WriteString("  - *o\n")
	}
	start := time.Now()
	_, err := Parse([]byte(b.String()), "bomb.yaml")
	if err == nil || !strings.Contains(err.Error(), "too many values") {
		t.Errorf("alias bomb: got %v", err)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("alias bomb took %v", d)
	}
}

func TestLoadMissingFile(t *testing.T) {
	_, err := Load("testdata/does-not-exist.yaml")
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Load(missing) = %v, want fs.ErrNotExist", err)
	}
}

func TestEmptyFileIsDefaults(t *testing.T) {
	for _, data := range []string{"", "# only a comment\n", "---\n", "~\n"} {
		c, err := Parse([]byte(data), "genderlens.yaml")
		if err != nil {
			t.Errorf("Parse(%q): %v", data, err)
			continue
		}
		if !reflect.DeepEqual(c, Default()) {
			t.Errorf("Parse(%q) differs from the defaults", data)
		}
	}
}

func TestValidateAfterOverride(t *testing.T) {
	c := Default()
	c.Listen = "8080" // as a --listen flag might set it
	c.DataDir = ""
	err := c.Validate()
	if err == nil {
		t.Fatal("Validate accepted an invalid override")
	}
	want := "data_dir: must not be empty: it names the directory for the index and the crawl state\n" +
		`listen: "8080" is not host:port (for example 127.0.0.1:8080, or :8080 for every interface): address 8080: missing port in address`
	if err.Error() != want {
		t.Errorf("Validate() =\n%v\nwant\n%s", err, want)
	}

	// Validate does not need the derived allowed_hosts that Parse fills in.
	c = Default()
	c.Outlets[0].AllowedHosts = nil
	c.Outlets[0].StartURLs = append(c.Outlets[0].StartURLs, "https://new.example.org/")
	if err := c.Validate(); err != nil {
		t.Errorf("Validate with empty allowed_hosts: %v", err)
	}
}

func TestDuration(t *testing.T) {
	tests := []struct {
		in      string
		want    time.Duration
		wantErr string
	}{
		{in: "1s", want: time.Second},
		{in: "500ms", want: 500 * time.Millisecond},
		{in: "6h", want: 6 * time.Hour},
		{in: "1h30m", want: 90 * time.Minute},
		{in: `"20s"`, want: 20 * time.Second},
		{in: "0", want: 0},
		{in: "0s", want: 0},
		{in: "~", want: 0},
		{in: "-2s", want: -2 * time.Second},
		{in: "30", wantErr: `"30" has no unit: write "30s" for seconds`},
		{in: `"30"`, wantErr: `"30" has no unit`},
		{in: "1.5", wantErr: `"1.5" has no unit`},
		{in: "7d", wantErr: "days and weeks are not units"},
		{in: "soon", wantErr: `"soon" is not a duration such as "500ms", "20s" or "6h": time: invalid duration "soon"`},
		{in: "[1s]", wantErr: "expected a duration such as \"20s\", got a list"},
	}
	for _, tt := range tests {
		var got struct {
			D Duration `yaml:"d"`
		}
		err := yaml.Unmarshal([]byte("d: "+tt.in), &got)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("%s: error %v, want one containing %q", tt.in, err, tt.wantErr)
			}
			continue
		}
		if err != nil || got.D.Std() != tt.want {
			t.Errorf("%s: got %v, %v; want %v", tt.in, got.D.Std(), err, tt.want)
		}
	}
}

func TestDurationRoundTrip(t *testing.T) {
	for _, tt := range []struct {
		d    time.Duration
		text string
	}{
		{0, "0s"},
		{500 * time.Millisecond, "500ms"},
		{2 * time.Second, "2s"},
		{90 * time.Second, "1m30s"},
		{5 * time.Minute, "5m"},
		{6 * time.Hour, "6h"},
		{time.Hour + 30*time.Second, "1h0m30s"},
		{-3 * time.Hour, "-3h"},
		{1500 * time.Microsecond, "1.5ms"},
	} {
		d := Duration(tt.d)
		if d.String() != tt.text {
			t.Errorf("Duration(%v).String() = %q, want %q", tt.d, d.String(), tt.text)
		}
		out, err := yaml.Marshal(map[string]Duration{"d": d})
		if err != nil {
			t.Fatal(err)
		}
		var back map[string]Duration
		if err := yaml.Unmarshal(out, &back); err != nil || back["d"] != d {
			t.Errorf("%v: marshalled as %q, read back as %v (%v)", tt.d, out, back["d"], err)
		}
	}
}

// TestMarshalRoundTrip checks that a marshalled configuration (as `genderlens check` might print it) loads back to the
// same value.
func TestMarshalRoundTrip(t *testing.T) {
	for _, path := range []string{"", exampleFile, "testdata/outlets.yaml"} {
		c, err := Load(path)
		if err != nil {
			t.Fatal(err)
		}
		out, err := yaml.Marshal(c)
		if err != nil {
			t.Fatal(err)
		}
		back, err := Parse(out, "marshalled.yaml")
		if err != nil {
			t.Fatalf("%q: marshalled configuration does not load:\n%v\n%s", path, err, out)
		}
		if !reflect.DeepEqual(back, c) {
			t.Errorf("%q: round trip changed the configuration:\n%s", path, out)
		}
	}
}

func TestHostMatching(t *testing.T) {
	tests := []struct {
		allowed, host string
		want          bool
	}{
		{"example.org", "example.org", true},
		{"example.org", "www.example.org", true},
		{"example.org", "a.b.example.org", true},
		{"example.org", "example.org:8080", true},
		{"example.org", "WWW.Example.ORG", true},
		{"Example.org", "example.org.", true},
		{"example.org", "badexample.org", false},
		{"example.org", "example.org.evil.net", false},
		{"www.example.org", "example.org", false},
		{"example.org:8080", "example.org:8080", true},
		{"example.org:8080", "www.example.org:8080", true},
		{"example.org:8080", "example.org", false},
		{"example.org:8080", "example.org:9090", false},
		{"10.0.0.1", "10.0.0.1:80", true},
		{"0.0.1", "10.0.0.1", false},
		{"[::1]:8080", "[::1]:8080", true},
		{"[::1]", "[::1]:8080", true},
		{"", "example.org", false},
		{"example.org", "", false},
	}
	for _, tt := range tests {
		o := Outlet{AllowedHosts: []string{tt.allowed}}
		if got := o.AllowsHost(tt.host); got != tt.want {
			t.Errorf("allowed %q, host %q: got %v, want %v", tt.allowed, tt.host, got, tt.want)
		}
	}

	// Without allowed_hosts, the hosts of the outlet's URLs apply.
	o := Outlet{StartURLs: []string{"https://Hanoimoi.vn/"}, Feeds: []string{"https://rss.example.net:8443/feed"}}
	if got := o.Hosts(); !slices.Equal(got, []string{"hanoimoi.vn", "rss.example.net:8443"}) {
		t.Errorf("Hosts() = %q", got)
	}
	for host, want := range map[string]bool{"www.hanoimoi.vn": true, "rss.example.net": false, "rss.example.net:8443": true} {
		if got := o.AllowsHost(host); got != want {
			t.Errorf("derived hosts, host %q: got %v, want %v", host, got, want)
		}
	}
}

func TestOutletHelpers(t *testing.T) {
	c := &Config{Outlets: []Outlet{{ID: "a", MaxPages: 10}, {ID: "b"}}}
	if o, ok := c.Outlet("b"); !ok || o.ID != "b" {
		t.Errorf(`Outlet("b") = %+v, %v`, o, ok)
	}
	if _, ok := c.Outlet("z"); ok {
		t.Error(`Outlet("z") found`)
	}
	if got := c.Outlets[0].MaxPagesOr(500); got != 10 {
		t.Errorf("MaxPagesOr with own limit = %d, want 10", got)
	}
	if got := c.Outlets[1].MaxPagesOr(500); got != 500 {
		t.Errorf("MaxPagesOr without own limit = %d, want 500", got)
	}
}

func TestWithin(t *testing.T) {
	for _, tt := range []struct {
		path, prefix string
		want         bool
	}{
		{"outlets[1].kind", "outlets[1]", true},
		{"outlets[1].kind", "outlets", true},
		{"outlets[10].kind", "outlets[1]", false},
		{"crawler.delay", "crawler.delay", true},
		{"crawler.delayed", "crawler.delay", false},
		{"listen", "", true},
	} {
		if got := within(tt.path, tt.prefix); got != tt.want {
			t.Errorf("within(%q, %q) = %v", tt.path, tt.prefix, got)
		}
	}
}

// problemRE is the shape of every problem Parse reports: file, optional line, and the message.
var problemRE = regexp.MustCompile(`^fuzz\.yaml(:\d+)?: `)

func FuzzParse(f *testing.F) {
	f.Add([]byte(defaultYAML))
	for _, pattern := range []string{exampleFile, "testdata/*.yaml", "testdata/invalid/*.yaml"} {
		files, _ := filepath.Glob(pattern)
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
	f.Add([]byte("crawler: {delay: 1s, parallelism: 3}\noutlets: [{id: a, name: A, kind: magazine, feeds: ['http://a.b/f']}]"))
	f.Add([]byte("a: &a [*a, *a]\nb: *a\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Parse(data, "fuzz.yaml")
		if err != nil {
			var ps Problems
			if !errors.As(err, &ps) || len(ps) == 0 {
				t.Fatalf("error is not a non-empty Problems: %#v", err)
			}
			for _, p := range ps {
				if !problemRE.MatchString(p.Error()) {
					t.Fatalf("problem does not name the file: %q", p.Error())
				}
			}
			return
		}
		if err := c.Validate(); err != nil {
			t.Fatalf("Parse accepted a configuration that Validate rejects:\n%v", err)
		}
		out, err := yaml.Marshal(c)
		if err != nil {
			t.Fatalf("marshal: %v", err)
		}
		back, err := Parse(out, "fuzz.yaml")
		if err != nil {
			t.Fatalf("marshalled configuration does not load:\n%v\n%s", err, out)
		}
		if !reflect.DeepEqual(back, c) {
			t.Fatalf("round trip changed the configuration:\n%s", out)
		}
	})
}
