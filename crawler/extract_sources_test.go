package crawler

import (
	"maps"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	"genderlens/config"
)

// TestExtractSources checks which extractor each field of the golden pages comes from.
func TestExtractSources(t *testing.T) {
	fetched := time.Date(2026, 11, 27, 15, 0, 0, 0, newsZone)
	tests := []struct {
		file   string
		outlet config.Outlet
		want   map[string]string
		jsonld bool
		ogType string
	}{
		{file: "jsonld.html", jsonld: true, ogType: "article", want: map[string]string{"title": SourceJSONLD,
			"lead": SourceMarkup, "date": SourceJSONLD, "author": SourceJSONLD, "section": SourceJSONLD,
			"body": SourceKnownBody + " .article-body", "captions": SourceMarkup}},
		{file: "og.html", ogType: "article", want: map[string]string{"title": SourceOpenGraph, "lead": SourceOpenGraph,
			"date": SourceMarkup, "author": SourceMarkup, "section": SourceOpenGraph, "body": SourceKnownBody + " .detail-content",
			"captions": SourceMarkup}},
		{file: "legacy.utf8.html", want: map[string]string{"title": SourceTitleTag, "date": SourceMarkup,
			"author": SourceBodyByline, "body": SourceKnownBody + " .content"}},
		{file: "time-element.html", want: map[string]string{"title": SourceMarkup, "date": SourceMarkup,
			"author": SourceMarkup, "body": SourceReadability}},
		{file: "selectors.html", outlet: config.Outlet{Selectors: config.Selectors{Title: ".tieu-de-tin",
			Body: ".noi-dung-tin", Date: ".ngay", Author: ".nguoi-viet"}}, want: map[string]string{"title": SourceSelectors,
			"date": SourceSelectors, "author": SourceSelectors, "body": SourceSelectors}},
	}
	for _, tt := range tests {
		raw, err := os.ReadFile(filepath.Join("testdata", "extract", tt.file))
		if err != nil {
			t.Fatal(err)
		}
		u, _ := url.Parse("https://baothu.example/a/mot-bai-bao-thu-12345.htm")
		page, err := ExtractPage(string(raw), u, tt.outlet, nil, fetched)
		if err != nil {
			t.Fatal(err)
		}
		if !maps.Equal(page.Sources, tt.want) {
			t.Errorf("%s: sources %v, want %v", tt.file, page.Sources, tt.want)
		}
		if page.JSONLD != tt.jsonld || page.OGType != tt.ogType {
			t.Errorf("%s: JSON-LD %v og:type %q, want %v %q", tt.file, page.JSONLD, page.OGType, tt.jsonld, tt.ogType)
		}
	}
}
