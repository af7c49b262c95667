package server

import (
	_ "embed"
	"net/http"
)

// openAPISpec is the OpenAPI 3 description of the JSON API, /healthz and /metrics.
//
//go:embed openapi.yaml
var openAPISpec []byte

// openAPI: GET /api/openapi.yaml: the OpenAPI document.
func (s *Server) openAPI(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "application/yaml")
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(openAPISpec)
}
