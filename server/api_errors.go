package server

import (
	"errors"
	"fmt"
	"net/http"
)

// errorCode is the machine-readable kind of a JSON API error, sent as "code" beside the human "error" message so
// that clients switch on it rather than on the text. The set is closed: openapi.yaml lists it in the Error schema.
type errorCode string

const (
	codeBadRequest           errorCode = "bad_request"
	codeUnauthorized         errorCode = "unauthorized"
	codeForbidden            errorCode = "forbidden"
	codeNotFound             errorCode = "not_found"
	codeMethodNotAllowed     errorCode = "method_not_allowed"
	codeConflict             errorCode = "conflict"
	codePayloadTooLarge      errorCode = "payload_too_large"
	codeUnsupportedMediaType errorCode = "unsupported_media_type"
	codeInternal             errorCode = "internal"
	codeUnavailable          errorCode = "unavailable"
)

// errorStatus is the one place an error code becomes an HTTP status.
var errorStatus = map[errorCode]int{
	codeBadRequest:           http.StatusBadRequest,
	codeUnauthorized:         http.StatusUnauthorized,
	codeForbidden:            http.StatusForbidden,
	codeNotFound:             http.StatusNotFound,
	codeMethodNotAllowed:     http.StatusMethodNotAllowed,
	codeConflict:             http.StatusConflict,
	codePayloadTooLarge:      http.StatusRequestEntityTooLarge,
	codeUnsupportedMediaType: http.StatusUnsupportedMediaType,
	codeInternal:             http.StatusInternalServerError,
	codeUnavailable:          http.StatusServiceUnavailable,
}

// status is the HTTP status of the code; an unknown code is an internal error.
func (c errorCode) status() int {
	if s, ok := errorStatus[c]; ok {
		return s
	}
	return http.StatusInternalServerError
}

// apiError is an error the API answers: a code, a message for the client, and the cause, which is logged for server
// errors but never sent.
type apiError struct {
	Code    errorCode
	Message string
	Err     error
}

func (e *apiError) Error() string {
	if e.Err == nil || e.Err.Error() == e.Message {
		return e.Message
	}
	return e.Message + ": " + e.Err.Error()
}

func (e *apiError) Unwrap() error { return e.Err }

// errorf returns an API error whose message is the formatted text.
func errorf(code errorCode, format string, args ...any) *apiError {
	return &apiError{Code: code, Message: fmt.Sprintf(format, args...)}
}

// wrapError returns an API error for a cause: msg is what the client reads, the cause stays on the server.
func wrapError(code errorCode, cause error, msg string) *apiError {
	return &apiError{Code: code, Message: msg, Err: cause}
}

// badRequest returns a 400 whose message is the cause's own text, for causes written for the client (a parameter's
// expected form, the invalid fields of a body).
func badRequest(cause error) *apiError {
	return &apiError{Code: codeBadRequest, Message: cause.Error(), Err: cause}
}

// errorBody is every JSON error: the message (the field clients have always read) and its code.
type errorBody struct {
	Error string    `json:"error"`
	Code  errorCode `json:"code"`
}

// writeError answers err as a JSON error with the status its code maps to. An error that is no *apiError is internal
// and its text is not sent; server errors are logged with their cause.
func (s *Server) writeError(w http.ResponseWriter, r *http.Request, err error) {
	var e *apiError
	if !errors.As(err, &e) {
		e = wrapError(codeInternal, err, "internal error")
	}
	status := e.Code.status()
	if status >= http.StatusInternalServerError {
		s.opts.Logger.Error("request failed", "method", r.Method, "path", r.URL.Path, "code", e.Code, "err", e.Err)
	}
	if status == http.StatusUnauthorized {
		// RFC 9110: a 401 names the scheme it wants.
		w.Header().Set("WWW-Authenticate", `Bearer realm="genderlens"`)
	}
	writeJSON(w, status, errorBody{Error: e.Message, Code: e.Code})
}
