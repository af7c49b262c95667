package server

import (
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"genderlens/model"
	"genderlens/scorer"
)

// utf8BOM is the byte order mark some editors put at the start of a UTF-8 file: not text, and as a character it
// would shift the columns of the first line and hide the first word from the rules.
const utf8BOM = "\ufeff"

// apiCheck scores a draft: a text/plain body, or JSON {"title","text","section","lang"}. Nothing is stored. With
// ?explain=1 the result also says what the people finder set aside and which rule matches a condition cancelled.
// A title is scored with the text as a published article is (model.DraftText): the result's offsets, lines and
// columns are then those of the title, a blank line and the text.
func (s *Server) apiCheck(w http.ResponseWriter, r *http.Request) {
	// The slot is taken before the body is read, so that queued requests hold no draft in memory.
	if !s.check.acquire(r.Context()) {
		w.Header().Set("Retry-After", strconv.Itoa(max(1, int(s.opts.CheckQueue/time.Second))))
		// Written directly rather than through writeError, which logs every 503 as an error: under load that would
		// add a log line per refused request. The HTTP metrics count them.
		writeJSON(w, http.StatusServiceUnavailable, errorBody{Error: "too many drafts are being checked; try again shortly",
			Code: codeUnavailable})
		return
	}
	defer s.check.release()
	body, err := readBody(w, r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	body = strings.TrimPrefix(body, utf8BOM)
	doc := scorer.Document{Lang: r.URL.Query().Get("lang")}
	var title string
	switch r.URL.Query().Get("explain") {
	case "", "0", "false":
	case "1", "true":
		doc.Explain = true
	default:
		s.writeError(w, r, errorf(codeBadRequest, "explain must be 1 or 0"))
		return
	}
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch mt {
	case "application/json":
		var in struct {
			Title   string `json:"title"`
			Text    string `json:"text"`
			Section string `json:"section"`
			Lang    string `json:"lang"`
		}
		if err := decodeJSON(body, &in); err != nil {
			s.writeError(w, r, err)
			return
		}
		title, doc.Text, doc.Section = in.Title, strings.TrimPrefix(in.Text, utf8BOM), in.Section
		if in.Lang != "" {
			doc.Lang = in.Lang
		}
	case "", "text/plain":
		doc.Text = body
	default:
		s.writeError(w, r, errorf(codeUnsupportedMediaType, "send text/plain or application/json"))
		return
	}
	if !utf8.ValidString(doc.Text) {
		s.writeError(w, r, errorf(codeBadRequest, "the text is not valid UTF-8"))
		return
	}
	if strings.TrimSpace(doc.Text) == "" {
		s.writeError(w, r, errorf(codeBadRequest, "the text is empty"))
		return
	}
	if doc.Lang != "" && doc.Lang != "vi" && doc.Lang != "en" {
		s.writeError(w, r, errorf(codeBadRequest, "lang must be vi or en"))
		return
	}
	doc.Text, _ = model.DraftText(title, doc.Text)
	writeJSON(w, http.StatusOK, s.opts.Scorer.Check(doc))
}

// decodeJSON decodes body, one JSON object and nothing after it but white space, into v: unknown fields and trailing
// data are a bad_request error.
func decodeJSON(body string, v any) error {
	dec := json.NewDecoder(strings.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return wrapError(codeBadRequest, err, "invalid JSON: "+err.Error())
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return errorf(codeBadRequest, "invalid JSON: data after the object")
	}
	return nil
}

// readJSON reads a JSON body of at most maxBodyBytes into v (see readBody and decodeJSON).
func readJSON(w http.ResponseWriter, r *http.Request, v any) error {
	body, err := readBody(w, r)
	if err != nil {
		return err
	}
	return decodeJSON(body, v)
}

// readBody reads a request body of at most maxBodyBytes as a string: a payload_too_large error beyond, bad_request
// when the body cannot be read. The string is built where the body is read, sized by Content-Length when the client
// gives one: a 1 MB draft then costs one 1 MB allocation, where io.ReadAll's doublings and the conversion to a
// string cost three.
func readBody(w http.ResponseWriter, r *http.Request) (string, error) {
	var body strings.Builder
	if n := r.ContentLength; n > 0 && n <= maxBodyBytes {
		body.Grow(int(n))
	}
	_, err := io.Copy(&body, http.MaxBytesReader(w, r.Body, maxBodyBytes))
	if err == nil {
		return body.String(), nil
	}
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		return "", wrapError(codePayloadTooLarge, err, "the body is larger than "+sizeText(tooBig.Limit))
	}
	return "", wrapError(codeBadRequest, err, "could not read the request body")
}
