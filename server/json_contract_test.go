package server

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// TestJSONMatchesOpenAPILists checks the API's responses against openapi.yaml where it matters to clients: a list is a
// JSON array, [] when empty, null appears only where the document says nullable, and every field an object with
// documented properties holds is documented. Every JSON GET route is called
// with its path parameters filled from the fixture, and POST /api/check with and without an explanation, on a text
// that finds nothing and on one that finds people and findings.
func TestJSONMatchesOpenAPILists(t *testing.T) {
	ts, _ := newPagesTestServer(t)
	var doc map[string]any
	if err := yaml.Unmarshal(openAPISpec, &doc); err != nil {
		t.Fatal(err)
	}
	paths := doc["paths"].(map[string]any)
	fill := strings.NewReplacer("{id}", "bao-ho-tay", "{year}", strconv.Itoa(fixtureYear))
	// /api/outlets answers for this year, which the fixture has no article in (nulls); one outlet is asked for the
	// fixture's year, so its intervals and flags are filled.
	query := map[string]string{"/api/article": "?url=" + url.QueryEscape(fixtureSexual), "/api/review": "?url=" + url.QueryEscape(fixtureSexual),
		"/api/outlets/{id}": "?period=" + strconv.Itoa(fixtureYear), "/api/outlets/{id}/review": "?period=" + strconv.Itoa(fixtureYear)}
	checked := 0
	for path, item := range paths {
		get, ok := item.(map[string]any)["get"].(map[string]any)
		if !ok {
			continue
		}
		schema := jsonSchemaOf(t, doc, get)
		if schema == nil {
			continue // not JSON: metrics, the OpenAPI document itself
		}
		u := ts.URL + fill.Replace(path) + query[path]
		body := fetchJSON(t, http.MethodGet, u, "", "")
		validateLists(t, doc, schema, body, "GET "+path)
		checked++
	}
	post := paths["/api/check"].(map[string]any)["post"].(map[string]any)
	schema := jsonSchemaOf(t, doc, post)
	for _, text := range []string{
		"Trời mưa to suốt đêm qua.",
		"Bà Nguyễn Thị Lan cho biết phái đẹp ngày càng tự tin. “Chúng tôi sẽ cố gắng”, ông Hùng nói.",
	} {
		for _, q := range []string{"", "?explain=1"} {
			body := fetchJSON(t, http.MethodPost, ts.URL+"/api/check"+q, "text/plain; charset=utf-8", text)
			validateLists(t, doc, schema, body, "POST /api/check"+q)
			if q != "" && !strings.Contains(string(body), `"explain"`) {
				t.Errorf("POST /api/check%s: no explanation in %s", q, body)
			}
			checked++
		}
	}
	if checked < 12 {
		t.Errorf("only %d responses checked: routes missing from openapi.yaml?", checked)
	}
}

func TestCheckExplainParameter(t *testing.T) {
	ts, _ := newPagesTestServer(t)
	resp, err := http.Post(ts.URL+"/api/check?explain=yes", "text/plain", strings.NewReader("Bà Lan nói."))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusBadRequest {
		t.Errorf("explain=yes: status %d, want 400", resp.StatusCode)
	}
	var res struct {
		Explain *struct {
			Candidates []struct{ Text, Outcome, Stage, Reason string }
		}
	}
	body := fetchJSON(t, http.MethodPost, ts.URL+"/api/check?explain=1", "text/plain", "Ông Hùng ở phường Hoa Mai cho biết. Hùng nói thêm.")
	if err := json.Unmarshal(body, &res); err != nil {
		t.Fatal(err)
	}
	if res.Explain == nil || len(res.Explain.Candidates) == 0 {
		t.Fatalf("no candidates explained: %s", body)
	}
	var merged, rejected bool
	for _, c := range res.Explain.Candidates {
		merged = merged || c.Outcome == "merged" && c.Text == "Hùng"
		rejected = rejected || c.Outcome == "rejected" && c.Text == "Hoa Mai" && c.Reason != ""
	}
	if !merged || !rejected {
		t.Errorf("want Hùng merged and Hoa Mai rejected with a reason: %s", body)
	}
}

// jsonSchemaOf returns the schema of an operation's 200 application/json response, or nil.
func jsonSchemaOf(t *testing.T, doc map[string]any, op map[string]any) map[string]any {
	t.Helper()
	resp, _ := op["responses"].(map[string]any)["200"].(map[string]any)
	if resp == nil {
		return nil
	}
	resp = resolveRef(t, doc, resp)
	content, _ := resp["content"].(map[string]any)
	js, _ := content["application/json"].(map[string]any)
	if js == nil {
		return nil
	}
	schema, _ := js["schema"].(map[string]any)
	return schema
}

func fetchJSON(t *testing.T, method, u, contentType, body string) []byte {
	t.Helper()
	req, err := http.NewRequest(method, u, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("%s %s: status %d: %s", method, u, resp.StatusCode, raw)
	}
	return raw
}

// resolveRef follows a local "$ref" ("#/components/schemas/Result").
func resolveRef(t *testing.T, doc map[string]any, v map[string]any) map[string]any {
	t.Helper()
	for {
		ref, ok := v["$ref"].(string)
		if !ok {
			return v
		}
		var cur any = doc
		for _, part := range strings.Split(strings.TrimPrefix(ref, "#/"), "/") {
			cur = cur.(map[string]any)[part]
		}
		v = cur.(map[string]any)
	}
}

// validateLists reports where a JSON body breaks its schema's lists.
func validateLists(t *testing.T, doc map[string]any, schema map[string]any, body []byte, what string) {
	t.Helper()
	for _, p := range listProblems(t, doc, schema, body) {
		t.Errorf("%s: %s", what, p)
	}
}

// listProblems walks a JSON body along its schema: arrays must be arrays, null only where nullable.
func listProblems(t *testing.T, doc map[string]any, schema map[string]any, body []byte) []string {
	t.Helper()
	var v any
	if err := json.Unmarshal(body, &v); err != nil {
		t.Fatal(err)
	}
	var problems []string
	var walk func(schema map[string]any, v any, at string)
	walk = func(schema map[string]any, v any, at string) {
		if schema == nil {
			return
		}
		schema = mergeAllOf(t, doc, schema)
		if v == nil {
			if schema["nullable"] != true {
				problems = append(problems, at+" is null; openapi.yaml does not allow it")
			}
			return
		}
		switch schema["type"] {
		case "array":
			items, ok := v.([]any)
			if !ok {
				problems = append(problems, fmt.Sprintf("%s is %T, want an array", at, v))
				return
			}
			item, _ := schema["items"].(map[string]any)
			for i, x := range items {
				walk(item, x, fmt.Sprintf("%s[%d]", at, i))
			}
		case "object", nil:
			obj, ok := v.(map[string]any)
			if !ok {
				return
			}
			props, _ := schema["properties"].(map[string]any)
			extra, _ := schema["additionalProperties"].(map[string]any)
			for k, x := range obj {
				if p, ok := props[k].(map[string]any); ok {
					walk(p, x, at+"."+k)
				} else if extra != nil {
					walk(extra, x, at+"."+k)
				} else if props != nil {
					problems = append(problems, at+"."+k+" is not in openapi.yaml")
				}
			}
		}
	}
	walk(schema, v, "$")
	return problems
}

// mergeAllOf resolves a schema's $ref and folds its allOf parts into one object schema, so that a field of any part
// is documented for the whole.
func mergeAllOf(t *testing.T, doc map[string]any, schema map[string]any) map[string]any {
	t.Helper()
	schema = resolveRef(t, doc, schema)
	all, ok := schema["allOf"].([]any)
	if !ok {
		return schema
	}
	merged := map[string]any{"type": "object"}
	props := map[string]any{}
	for k, v := range schema {
		if k != "allOf" {
			merged[k] = v
		}
	}
	for _, part := range all {
		p := mergeAllOf(t, doc, part.(map[string]any))
		for k, v := range p {
			if k == "properties" {
				for name, prop := range v.(map[string]any) {
					props[name] = prop
				}
			} else if _, set := merged[k]; !set {
				merged[k] = v
			}
		}
	}
	merged["properties"] = props
	return merged
}

// TestListProblemsFindsNull: the walker itself catches a null list, a non-array list and a null inside an element,
// and accepts a documented nullable number.
func TestListProblemsFindsNull(t *testing.T) {
	var doc map[string]any
	if err := yaml.Unmarshal(openAPISpec, &doc); err != nil {
		t.Fatal(err)
	}
	result := map[string]any{"$ref": "#/components/schemas/Result"}
	got := listProblems(t, doc, result, []byte(`{"findings": null, "alerts": {}, "people": [{"cues": null, "mentions": []}]}`))
	if len(got) != 3 {
		t.Errorf("problems = %q, want findings, alerts and people[0].cues", got)
	}
	rate := map[string]any{"$ref": "#/components/schemas/Rate"}
	if got := listProblems(t, doc, rate, []byte(`{"articles": 0, "rate": null, "base": 0, "interval": null, "enough_data": false}`)); len(got) != 0 {
		t.Errorf("a nullable rate: %q", got)
	}
	if got := listProblems(t, doc, rate, []byte(`{"articles": 1, "rate": 0.5, "ratio": 0.5}`)); len(got) != 1 {
		t.Errorf("an undocumented field: problems %q, want one", got)
	}
	// A field of any allOf part is documented for the whole.
	figures := map[string]any{"$ref": "#/components/schemas/GenderFigures"}
	if got := listProblems(t, doc, figures, []byte(`{"female": 1, "women_share": 1, "women_share_interval": null}`)); len(got) != 0 {
		t.Errorf("GenderFigures: %q", got)
	}
}
