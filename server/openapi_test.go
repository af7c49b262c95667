package server

import (
	"bytes"
	"io"
	"net/http"
	"os"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	"go.yaml.in/yaml/v3"
)

// openAPIDoc is the part of the OpenAPI document the tests read.
type openAPIDoc struct {
	OpenAPI string `yaml:"openapi"`
	Info    struct {
		Title   string `yaml:"title"`
		Version string `yaml:"version"`
	} `yaml:"info"`
	Paths      map[string]map[string]any `yaml:"paths"`
	Components map[string]map[string]any `yaml:"components"`
}

func parseOpenAPI(t *testing.T) openAPIDoc {
	t.Helper()
	var doc openAPIDoc
	if err := yaml.Unmarshal(openAPISpec, &doc); err != nil {
		t.Fatalf("openapi.yaml: %v", err)
	}
	return doc
}

func TestOpenAPIDocument(t *testing.T) {
	doc := parseOpenAPI(t)
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Errorf("openapi = %q, want 3.x", doc.OpenAPI)
	}
	if doc.Info.Title != "genderlens API" || doc.Info.Version == "" {
		t.Errorf("info = %+v, want title %q and a version", doc.Info, "genderlens API")
	}
	if len(doc.Paths) == 0 {
		t.Fatal("no paths")
	}
	// Every $ref points at something defined in components.
	var generic map[string]any
	if err := yaml.Unmarshal(openAPISpec, &generic); err != nil {
		t.Fatal(err)
	}
	for _, ref := range collectRefs(generic, nil) {
		parts := strings.Split(strings.TrimPrefix(ref, "#/"), "/")
		if len(parts) != 3 || parts[0] != "components" {
			t.Errorf("$ref %q: want #/components/KIND/NAME", ref)
			continue
		}
		if _, ok := doc.Components[parts[1]][parts[2]]; !ok {
			t.Errorf("$ref %q: not defined", ref)
		}
	}
	// Every path parameter in a path template is declared as a parameter of that path or its operations.
	param := regexp.MustCompile(`\{([^}]+)\}`)
	for path, item := range doc.Paths {
		for _, m := range param.FindAllStringSubmatch(path, -1) {
			if !declaresPathParam(doc, item, m[1]) {
				t.Errorf("%s: path parameter %q not declared", path, m[1])
			}
		}
	}
}

func collectRefs(v any, refs []string) []string {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			if s, ok := x.(string); ok && k == "$ref" {
				refs = append(refs, s)
			} else {
				refs = collectRefs(x, refs)
			}
		}
	case []any:
		for _, x := range v {
			refs = collectRefs(x, refs)
		}
	}
	return refs
}

// declaresPathParam reports whether the path item, or each of its operations, declares the path parameter name.
func declaresPathParam(doc openAPIDoc, item map[string]any, name string) bool {
	has := func(params any) bool {
		list, _ := params.([]any)
		for _, p := range list {
			m, _ := p.(map[string]any)
			if ref, ok := m["$ref"].(string); ok {
				m, _ = doc.Components["parameters"][strings.TrimPrefix(ref, "#/components/parameters/")].(map[string]any)
			}
			if m["in"] == "path" && m["name"] == name && m["required"] == true {
				return true
			}
		}
		return false
	}
	if has(item["parameters"]) {
		return true
	}
	ops := 0
	for method, op := range item {
		if method == "parameters" {
			continue
		}
		ops++
		m, _ := op.(map[string]any)
		if !has(m["parameters"]) {
			return false
		}
	}
	return ops > 0
}

// registeredRoutes are the route table's patterns, "METHOD /path", sorted.
func registeredRoutes(t *testing.T) []string {
	t.Helper()
	idx, sc := testStore(t)
	srv, err := New(Options{Store: idx, Scorer: sc, Registry: prometheus.NewRegistry()})
	if err != nil {
		t.Fatal(err)
	}
	var routes []string
	for _, rt := range srv.routes() {
		routes = append(routes, rt.pattern())
	}
	sort.Strings(routes)
	return slices.Compact(routes)
}

// openAPIPath turns a ServeMux pattern's path into an OpenAPI path: {id} stays, {rest...} becomes {rest}, {$} goes.
func openAPIPath(p string) string {
	p = strings.ReplaceAll(p, "{$}", "")
	return regexp.MustCompile(`\{([A-Za-z_][A-Za-z0-9_]*)\.\.\.\}`).ReplaceAllString(p, "{$1}")
}

func TestOpenAPICoversRoutes(t *testing.T) {
	doc := parseOpenAPI(t)
	routes := registeredRoutes(t)
	if len(routes) < 10 {
		t.Fatalf("found only %d routes in the route table: %v", len(routes), routes)
	}
	documented := map[string]bool{}
	for _, r := range routes {
		method, path, _ := strings.Cut(r, " ")
		if !strings.HasPrefix(path, "/api/") && path != "/healthz" && path != "/metrics" {
			continue
		}
		path = openAPIPath(path)
		documented[strings.ToLower(method)+" "+path] = true
		item, ok := doc.Paths[path]
		if !ok {
			t.Errorf("route %q: path %s missing from openapi.yaml", r, path)
			continue
		}
		if _, ok := item[strings.ToLower(method)]; !ok {
			t.Errorf("route %q: method %s of %s missing from openapi.yaml", r, method, path)
		}
	}
	for _, want := range []string{"get /healthz", "get /metrics", "get /api/outlets", "post /api/check", "get /api/openapi.yaml"} {
		if !documented[want] {
			t.Errorf("the route table lacks %s", want)
		}
	}
	// And the other way round: nothing documented that is not served.
	methods := map[string]bool{"get": true, "put": true, "post": true, "delete": true, "patch": true, "head": true, "options": true, "trace": true}
	for path, item := range doc.Paths {
		for m := range item {
			if methods[m] && !documented[m+" "+path] {
				t.Errorf("openapi.yaml documents %s %s, which is not registered", strings.ToUpper(m), path)
			}
		}
	}
}

func TestOpenAPIServed(t *testing.T) {
	ts, _ := newTestServer(t)
	resp, err := http.Get(ts.URL + "/api/openapi.yaml")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %s", resp.StatusCode, body)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "application/yaml" {
		t.Errorf("Content-Type = %q, want application/yaml", ct)
	}
	if !bytes.Equal(body, openAPISpec) {
		t.Error("the served document differs from the embedded openapi.yaml")
	}
	onDisk, err := os.ReadFile("openapi.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(body, onDisk) {
		t.Error("the served document differs from server/openapi.yaml")
	}
}
