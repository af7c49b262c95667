package server

import (
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"strings"
	"unicode/utf8"

	"genderlens/scorer"
)

// apiCheck scores a draft: a text/plain body, or JSON {"title","text","section","lang"}. Nothing is stored. With
// ?explain=1 the result also says what the people finder set aside and which rule matches a condition cancelled.
func (s *Server) apiCheck(w http.ResponseWriter, r *http.Request) {
	body, ok := readBody(w, r)
	if !ok {
		return
	}
	doc := scorer.Document{Lang: r.URL.Query().Get("lang")}
	switch r.URL.Query().Get("explain") {
	case "", "0", "false":
	case "1", "true":
		doc.Explain = true
	default:
		writeError(w, http.StatusBadRequest, "explain must be 1 or 0")
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
		dec := json.NewDecoder(strings.NewReader(string(body)))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&in); err != nil {
			writeError(w, http.StatusBadRequest, "invalid JSON: "+err.Error())
			return
		}
		doc.Text, doc.Section = in.Text, in.Section
		if in.Lang != "" {
			doc.Lang = in.Lang
		}
	case "", "text/plain":
		doc.Text = string(body)
	default:
		writeError(w, http.StatusUnsupportedMediaType, "send text/plain or application/json")
		return
	}
	if !utf8.ValidString(doc.Text) {
		writeError(w, http.StatusBadRequest, "the text is not valid UTF-8")
		return
	}
	if strings.TrimSpace(doc.Text) == "" {
		writeError(w, http.StatusBadRequest, "the text is empty")
		return
	}
	if doc.Lang != "" && doc.Lang != "vi" && doc.Lang != "en" {
		writeError(w, http.StatusBadRequest, "lang must be vi or en")
		return
	}
	writeJSON(w, http.StatusOK, s.opts.Scorer.Check(doc))
}

// readBody reads a request body of at most maxBodyBytes; on failure it has already answered 413 or 400.
func readBody(w http.ResponseWriter, r *http.Request) ([]byte, bool) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBodyBytes))
	if err == nil {
		return body, true
	}
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		writeError(w, http.StatusRequestEntityTooLarge, "the body is larger than 1 MB")
	} else {
		writeError(w, http.StatusBadRequest, "could not read the request body")
	}
	return nil, false
}
