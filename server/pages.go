package server

// The district overview is in pages_district.go, the other pages in pages_*.go.
