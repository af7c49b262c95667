package crawler

import (
	"fmt"
	"io"

	"golang.org/x/text/encoding/htmlindex"
)

// xmlCharsetReader lets encoding/xml read feeds and sitemaps declared in legacy charsets (windows-1258 included).
func xmlCharsetReader(label string, input io.Reader) (io.Reader, error) {
	enc, err := htmlindex.Get(label)
	if err != nil {
		return nil, fmt.Errorf("xml charset %q: %w", label, err)
	}
	return enc.NewDecoder().Reader(input), nil
}
