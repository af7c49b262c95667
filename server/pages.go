package server

import "net/http"

func (s *Server) overview(w http.ResponseWriter, r *http.Request) {
	s.render(w, http.StatusOK, "overview.html", newPage(r, "overview", s.outletViews()))
}
