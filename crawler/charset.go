package crawler

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/unicode/norm"
)

// decodeHTML converts an HTML body to NFC UTF-8. The encoding comes from a BOM, the Content-Type header, or a <meta>
// declaration, in that order of precedence (the HTML5 sniffing algorithm); old Vietnamese portals still serve
// windows-1258, whose tone marks are combining characters, hence the NFC step.
func decodeHTML(body []byte, contentType string) (string, string, error) {
	enc, name, certain := charset.DetermineEncoding(body, contentType)
	if enc == nil {
		return "", "", fmt.Errorf("unknown charset in %q", contentType)
	}
	// Without a declaration the HTML5 default is windows-1252, which is never right for Vietnamese pages; valid
	// UTF-8 is by far the likelier reading.
	if !certain && name == "windows-1252" && utf8.Valid(body) {
		return norm.NFC.String(string(body)), "utf-8", nil
	}
	r := enc.NewDecoder().Reader(bytes.NewReader(body))
	out, err := io.ReadAll(r)
	if err != nil {
		return "", name, fmt.Errorf("decode %s: %w", name, err)
	}
	// The UTF-8 "decoder" passes invalid bytes through; the rest of the pipeline assumes valid text.
	return norm.NFC.String(strings.ToValidUTF8(string(out), "\uFFFD")), name, nil
}
