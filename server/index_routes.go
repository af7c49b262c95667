package server

import "net/http"

// registerIndexRoutes adds the search, aggregate and adoption endpoints.
func (s *Server) registerIndexRoutes(handle func(pattern, name string, h http.HandlerFunc)) {}
