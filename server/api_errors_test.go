package server

import (
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"genderlens/adoption"
	"genderlens/config"

	"github.com/prometheus/client_golang/prometheus"
	"go.yaml.in/yaml/v3"
)

// checkErrorBody checks a JSON error answer: a message in "error" and a "code" whose status is the answer's; it
// returns the code.
func checkErrorBody(t *testing.T, what string, status int, body []byte) errorCode {
	t.Helper()
	var got struct {
		Error *string `json:"error"`
		Code  *string `json:"code"`
	}
	if err := json.Unmarshal(body, &got); err != nil {
		t.Errorf("%s: error body is not JSON: %v: %s", what, err, body)
		return ""
	}
	if got.Error == nil || *got.Error == "" {
		t.Errorf("%s: error body without a message: %s", what, body)
	}
	if got.Code == nil {
		t.Errorf("%s: error body without a code: %s", what, body)
		return ""
	}
	code := errorCode(*got.Code)
	if want, ok := errorStatus[code]; !ok || want != status {
		t.Errorf("%s: status %d with code %q, which maps to %d", what, status, code, want)
	}
	return code
}

// TestErrorStatus: each code answers its status with {"error", "code"}; an untyped error is internal and its text
// stays on the server.
func TestErrorStatus(t *testing.T) {
	want := map[errorCode]int{
		"bad_request": 400, "unauthorized": 401, "forbidden": 403, "not_found": 404, "method_not_allowed": 405,
		"conflict": 409, "payload_too_large": 413, "unsupported_media_type": 415, "internal": 500, "unavailable": 503,
	}
	if len(want) != len(errorStatus) {
		t.Errorf("errorStatus has %d codes, the test knows %d", len(errorStatus), len(want))
	}
	s := &Server{opts: Options{Logger: slog.New(slog.DiscardHandler)}}
	r := httptest.NewRequest(http.MethodGet, "/api/x", nil)
	for code, status := range want {
		t.Run(string(code), func(t *testing.T) {
			if got := code.status(); got != status {
				t.Errorf("status %d, want %d", got, status)
			}
			rec := httptest.NewRecorder()
			s.writeError(rec, r, wrapError(code, errors.New("cause"), "what went wrong"))
			if rec.Code != status {
				t.Errorf("answered %d, want %d", rec.Code, status)
			}
			if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Errorf("Content-Type %q", ct)
			}
			var body map[string]string
			if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
				t.Fatal(err)
			}
			if body["error"] != "what went wrong" || body["code"] != string(code) || len(body) != 2 {
				t.Errorf("body %v", body)
			}
			if hasAuth := rec.Header().Get("WWW-Authenticate") != ""; hasAuth != (status == 401) {
				t.Errorf("WWW-Authenticate %q on %d", rec.Header().Get("WWW-Authenticate"), status)
			}
		})
	}
	rec := httptest.NewRecorder()
	s.writeError(rec, r, errors.New("disk on fire at /var/secret"))
	if rec.Code != 500 || strings.Contains(rec.Body.String(), "secret") || checkErrorBody(t, "untyped", 500, rec.Body.Bytes()) != codeInternal {
		t.Errorf("untyped error answered %d: %s", rec.Code, rec.Body)
	}
	if got := errorCode("no_such_code").status(); got != 500 {
		t.Errorf("unknown code: status %d, want 500", got)
	}
	// Wrapping keeps the cause for errors.Is and the log.
	if err := wrapError(codeConflict, adoption.ErrExists, "x"); !errors.Is(err, adoption.ErrExists) {
		t.Errorf("%v does not match its cause", err)
	}
}

// TestErrorCodesMatchOpenAPI: the Error schema requires code and lists exactly the codes, and every error status the
// document promises has a code.
func TestErrorCodesMatchOpenAPI(t *testing.T) {
	var doc map[string]any
	if err := yaml.Unmarshal(openAPISpec, &doc); err != nil {
		t.Fatal(err)
	}
	schema := resolveRef(t, doc, map[string]any{"$ref": "#/components/schemas/Error"})
	if req, _ := schema["required"].([]any); !slices.Contains(req, any("code")) || !slices.Contains(req, any("error")) {
		t.Errorf("Error.required = %v, want error and code", req)
	}
	var enum []string
	for _, c := range schema["properties"].(map[string]any)["code"].(map[string]any)["enum"].([]any) {
		enum = append(enum, c.(string))
	}
	var codes []string
	statuses := map[int]bool{}
	for c, st := range errorStatus {
		codes = append(codes, string(c))
		statuses[st] = true
	}
	slices.Sort(enum)
	slices.Sort(codes)
	if !slices.Equal(enum, codes) {
		t.Errorf("Error.code enum %v, want %v", enum, codes)
	}
	documented := 0
	for path, item := range doc["paths"].(map[string]any) {
		for method, op := range item.(map[string]any) {
			opMap, ok := op.(map[string]any)
			if !ok {
				continue // the path's parameters
			}
			resps, _ := opMap["responses"].(map[string]any)
			for st, resp := range resps {
				n, err := strconv.Atoi(st)
				if err != nil || n < 400 {
					continue
				}
				documented++
				if !statuses[n] {
					t.Errorf("%s %s: status %d has no error code", method, path, n)
				}
				content, _ := resolveRef(t, doc, resp.(map[string]any))["content"].(map[string]any)
				js, _ := content["application/json"].(map[string]any)
				if js == nil || js["schema"].(map[string]any)["$ref"] != "#/components/schemas/Error" {
					t.Errorf("%s %s: %d is not answered with the Error schema", method, path, n)
				}
			}
		}
	}
	if documented < 20 {
		t.Errorf("only %d error responses documented", documented)
	}
}

// TestErrorResponses: real requests answer the code of their status, with the headers the status needs.
func TestErrorResponses(t *testing.T) {
	ts, _ := newIndexTestServer(t)
	auth := map[string]string{"Authorization": "Bearer " + testToken, "Content-Type": "application/json"}
	tests := []struct {
		name, method, path, body string
		header                   map[string]string
		want                     errorCode
		wantHeader               string
	}{
		{"bad JSON", "POST", "/api/check", `{"text":`, map[string]string{"Content-Type": "application/json"}, codeBadRequest, ""},
		{"bad parameter", "GET", "/api/articles?size=0", "", nil, codeBadRequest, ""},
		{"invalid evidence", "PUT", "/api/outlets/bao-a/evidence/2025", `{"staff_trained_share":2,"recorded_by":"x"}`, auth, codeBadRequest, ""},
		{"too large", "POST", "/api/check", strings.Repeat("a", maxBodyBytes+1), map[string]string{"Content-Type": "text/plain"}, codePayloadTooLarge, ""},
		{"media type", "POST", "/api/check", "x", map[string]string{"Content-Type": "image/png"}, codeUnsupportedMediaType, ""},
		{"unknown path", "GET", "/api/nope", "", nil, codeNotFound, ""},
		{"unknown page", "GET", "/nope", "", nil, codeNotFound, ""},
		{"unknown outlet", "GET", "/api/outlets/nope", "", nil, codeNotFound, ""},
		{"no token", "POST", "/api/outlets/bao-a/evidence/2025", `{}`, nil, codeUnauthorized, "WWW-Authenticate"},
		{"wrong token", "POST", "/api/outlets/bao-a/evidence/2025", `{}`, map[string]string{"Authorization": "Bearer nope"}, codeForbidden, ""},
		{"method", "DELETE", "/api/outlets", "", nil, codeMethodNotAllowed, "Allow"},
		{"create", "POST", "/api/outlets/bao-a/evidence/2024", `{"recorded_by":"x"}`, auth, "", ""},
		{"create twice", "POST", "/api/outlets/bao-a/evidence/2024", `{"recorded_by":"x"}`, auth, codeConflict, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, header, body := request(t, tt.method, ts.URL+tt.path, tt.body, tt.header)
			if tt.want == "" {
				if status >= 400 {
					t.Fatalf("status %d: %s", status, body)
				}
				return
			}
			if status != errorStatus[tt.want] {
				t.Errorf("status %d, want %d: %s", status, errorStatus[tt.want], body)
			}
			if got := checkErrorBody(t, tt.name, status, body); got != tt.want {
				t.Errorf("code %q, want %q", got, tt.want)
			}
			if tt.wantHeader != "" && header.Get(tt.wantHeader) == "" {
				t.Errorf("no %s header", tt.wantHeader)
			}
		})
	}
}

// TestUnavailable: valid evidence that cannot be written answers 503 unavailable (not 400: the error is told apart by
// errors.Is), and the cause stays in the log.
func TestUnavailable(t *testing.T) {
	idx, sc := testStore(t)
	dir := filepath.Join(t.TempDir(), "evidence")
	ev, err := adoption.OpenEvidenceStore(filepath.Join(dir, "evidence.json"))
	if err != nil {
		t.Fatal(err)
	}
	// A file where the store's directory should be: every write fails.
	if err := os.WriteFile(dir, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	var log strings.Builder
	srv, err := New(Options{
		Outlets: []config.Outlet{{ID: "bao-a", Name: "Báo A", Kind: "newspaper"}},
		Store:   idx, Scorer: sc, Registry: prometheus.NewRegistry(), Evidence: ev, APIToken: testToken,
		Logger: slog.New(slog.NewTextHandler(&log, nil)),
	})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	auth := map[string]string{"Authorization": "Bearer " + testToken}
	status, _, body := request(t, "PUT", ts.URL+"/api/outlets/bao-a/evidence/2025", `{"recorded_by":"x"}`, auth)
	if code := checkErrorBody(t, "save", status, body); code != codeUnavailable {
		t.Errorf("save to a broken store: %d %q: %s", status, code, body)
	}
	ts.Close() // waits for the handler, so that its log line is written
	if !strings.Contains(log.String(), "record evidence of bao-a for 2025") || !strings.Contains(log.String(), "code=unavailable") {
		t.Errorf("the cause is not logged:\n%s", log.String())
	}
}

// request sends a request and returns the status, the headers and the body.
func request(t *testing.T, method, url, body string, header map[string]string) (int, http.Header, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, resp.Header, b
}

// TestWriteJSONUnencodable: a value that cannot be encoded (a stored result damaged into invalid JSON) answers a
// JSON error with its code, never a 200 with an empty body.
func TestWriteJSONUnencodable(t *testing.T) {
	rec := httptest.NewRecorder()
	writeJSON(rec, http.StatusOK, map[string]any{"result": json.RawMessage(`{"score":`)})
	var body map[string]string
	if rec.Code != http.StatusInternalServerError || json.Unmarshal(rec.Body.Bytes(), &body) != nil || body["code"] != "internal" {
		t.Errorf("%d %q", rec.Code, rec.Body.String())
	}
}
