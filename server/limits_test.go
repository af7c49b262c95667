package server

import (
	"io"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"

	"genderlens/model"
)

// countingReader yields n bytes of 'a' and counts what was read from it: what the server took of an upload.
type countingReader struct {
	left int64
	read atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	if c.left <= 0 {
		return 0, io.EOF
	}
	p = p[:min(int64(len(p)), c.left)]
	for i := range p {
		p[i] = 'a'
	}
	c.left -= int64(len(p))
	c.read.Add(int64(len(p)))
	return len(p), nil
}

// TestFaultBodyLimits sends bodies far larger than each route's limit, with a declared length and chunked (no
// length), and checks the answer and that the server stopped reading near the limit instead of taking the upload.
func TestFaultBodyLimits(t *testing.T) {
	ts, _ := newPagesTestServer(t)
	const upload = 300 << 20 // what the attack sent
	// Loopback socket buffers hold a few megabytes the server never read.
	const readBound = 16 << 20
	multipartHead := "--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\n"
	for _, tc := range []struct {
		name, method, path, contentType, head string
		chunked                               bool
		want                                  int
	}{
		{"check page upload", "POST", "/check", "multipart/form-data; boundary=B", multipartHead, false, 413},
		{"check page upload chunked", "POST", "/check", "multipart/form-data; boundary=B", multipartHead, true, 413},
		{"check page english upload chunked", "POST", "/check?lang=en", "multipart/form-data; boundary=B", multipartHead, true, 413},
		{"check page urlencoded chunked", "POST", "/check", "application/x-www-form-urlencoded", "text=", true, 413},
		{"check API", "POST", "/api/check", "text/plain", "", false, 413},
		{"check API chunked", "POST", "/api/check", "text/plain", "", true, 413},
		// The evidence form carries its token in fields: an upload has none, so it is refused without being read.
		{"evidence form upload chunked", "POST", "/outlets/bao-ho-tay/evidence/2025", "multipart/form-data; boundary=B", multipartHead, true, 401},
		{"evidence form upload", "POST", "/outlets/bao-ho-tay/evidence/2025", "multipart/form-data; boundary=B", multipartHead, false, 413},
		{"evidence form oversized chunked", "POST", "/outlets/bao-ho-tay/evidence/2025", "application/x-www-form-urlencoded", "note=", true, 413},
		{"evidence API chunked", "PUT", "/api/outlets/bao-ho-tay/evidence/2025", "application/json", `{"note":"`, true, 413},
		{"search with a body", "GET", "/search", "text/plain", "", false, 413},
	} {
		t.Run(tc.name, func(t *testing.T) {
			body := &countingReader{left: upload}
			req, err := http.NewRequest(tc.method, ts.URL+tc.path, io.MultiReader(strings.NewReader(tc.head), body))
			if err != nil {
				t.Fatal(err)
			}
			req.Header.Set("Content-Type", tc.contentType)
			if strings.HasPrefix(tc.path, "/api/") {
				req.Header.Set("Authorization", "Bearer "+testToken)
			}
			if !tc.chunked {
				req.ContentLength = int64(len(tc.head)) + upload
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatalf("no answer: %v (read %d bytes)", err, body.read.Load())
			}
			resp.Body.Close()
			if resp.StatusCode != tc.want {
				t.Errorf("status %d, want %d", resp.StatusCode, tc.want)
			}
			if n := body.read.Load(); n > readBound {
				t.Errorf("the server read %d bytes of a %d-byte upload; want at most %d", n, upload, readBound)
			}
		})
	}
}

// TestFaultInputs: out-of-range dates, unknown filters, JSON with data after the object and the bearer scheme in
// any case, on every endpoint that takes them.
func TestFaultInputs(t *testing.T) {
	ts, _ := newPagesTestServer(t)
	for _, tc := range []struct {
		name, method, path, auth, contentType, body string
		want                                        int
	}{
		{"articles to far future", "GET", "/api/articles?to=2999-01-01", "", "", "", 400},
		{"articles from year 1", "GET", "/api/articles?from=0001-01-01", "", "", "", 400},
		{"articles period year 2999", "GET", "/api/articles?period=2999", "", "", "", 400},
		{"articles period year 0001", "GET", "/api/articles?period=0001-Q1", "", "", "", 400},
		{"aggregates to far future", "GET", "/api/aggregates?to=2999-01-01", "", "", "", 400},
		{"outlets from year 1", "GET", "/api/outlets?from=0001-01-01", "", "", "", 400},
		{"search page far future", "GET", "/search?q=a&period=2999-01-01..2999-02-01", "", "", "", 400},
		{"search page year 1", "GET", "/search?q=a&period=0001", "", "", "", 400},
		{"articles in range", "GET", "/api/articles?from=2000-01-01&to=2100-12-31", "", "", "", 200},
		{"articles unknown outlet", "GET", "/api/articles?outlet=nope", "", "", "", 400},
		{"articles unknown outlet in a list", "GET", "/api/articles?outlet=bao-ho-tay,nope", "", "", "", 400},
		{"articles unknown category", "GET", "/api/articles?category=nope", "", "", "", 400},
		{"articles unknown topic", "GET", "/api/articles?topic=nope", "", "", "", 400},
		{"articles known filters", "GET", "/api/articles?outlet=bao-ho-tay&category=stereotype&topic=" + model.TopicGBV, "", "", "", 200},
		{"check trailing data", "POST", "/api/check", "", "application/json", `{"text":"Chị Lan nói."} {"text":"x"}`, 400},
		{"check trailing garbage", "POST", "/api/check", "", "application/json", `{"text":"Chị Lan nói."}garbage`, 400},
		{"check trailing white space", "POST", "/api/check", "", "application/json", "{\"text\":\"Chị Lan nói.\"}\n\t ", 200},
		{"evidence trailing data", "PUT", "/api/outlets/phuong-sen/evidence/2025", "Bearer " + testToken, "application/json", `{"recorded_by":"A"}]`, 400},
		{"bearer lower case", "PUT", "/api/outlets/phuong-sen/evidence/2025", "bearer " + testToken, "application/json", `{"recorded_by":"A"}`, 200},
		{"bearer upper case", "PUT", "/api/outlets/phuong-sen/evidence/2025", "BEARER " + testToken, "application/json", `{"recorded_by":"A"}`, 200},
		{"evidence NUL", "PUT", "/api/outlets/phuong-sen/evidence/2025", "Bearer " + testToken, "application/json", `{"recorded_by":"A\u0000"}`, 400},
		{"evidence control character", "PUT", "/api/outlets/phuong-sen/evidence/2025", "Bearer " + testToken, "application/json", `{"recorded_by":"A","focal_person":"\u001b[2J"}`, 400},
		{"evidence long note", "PUT", "/api/outlets/phuong-sen/evidence/2025", "Bearer " + testToken, "application/json", `{"recorded_by":"A","note":"` + strings.Repeat("x", 2001) + `"}`, 400},
		{"evidence form NUL", "POST", "/outlets/phuong-sen/evidence/2025", "", "application/x-www-form-urlencoded", "token=" + testToken + "&recorded_by=A%00", 400},
		{"evidence form invalid UTF-8", "POST", "/outlets/phuong-sen/evidence/2025", "", "application/x-www-form-urlencoded", "token=" + testToken + "&recorded_by=A%FF", 400},
		{"basic scheme", "PUT", "/api/outlets/phuong-sen/evidence/2025", "Basic " + testToken, "application/json", `{"recorded_by":"A"}`, 401},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req, err := http.NewRequest(tc.method, ts.URL+tc.path, strings.NewReader(tc.body))
			if err != nil {
				t.Fatal(err)
			}
			if tc.auth != "" {
				req.Header.Set("Authorization", tc.auth)
			}
			if tc.contentType != "" {
				req.Header.Set("Content-Type", tc.contentType)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != tc.want {
				t.Errorf("status %d, want %d: %.300s", resp.StatusCode, tc.want, b)
			}
		})
	}
}
