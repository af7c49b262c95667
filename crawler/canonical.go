package crawler

import (
	"net/url"
	"sort"
	"strings"
)

// trackingParams are query parameters that identify a campaign, not a page; they are dropped so that the same article
// linked from a newsletter and from a section page is fetched and stored once.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "dclid": true, "msclkid": true, "zarsrc": true, "gidzl": true, "_ga": true,
	"mc_cid": true, "mc_eid": true, "ref": true, "ref_src": true,
}

// CanonicalURL normalises an absolute URL so that trivially different spellings of one page compare equal: lower-case
// scheme and host, no "www.", no default port, no fragment, no tracking parameters, sorted query, no trailing slash.
// The scheme is kept as https for http pages too, because outlets serve the same article under both.
func CanonicalURL(raw string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return "", err
	}
	if u.Scheme == "" || u.Host == "" {
		return "", &url.Error{Op: "canonicalise", URL: raw, Err: errNotAbsolute}
	}
	u.Scheme = strings.ToLower(u.Scheme)
	host := strings.ToLower(u.Hostname())
	host = strings.TrimPrefix(host, "www.")
	port := u.Port()
	if (u.Scheme == "http" && port == "80") || (u.Scheme == "https" && port == "443") {
		port = ""
	}
	if port != "" {
		u.Host = host + ":" + port
	} else {
		u.Host = host
	}
	if u.Scheme == "http" && port == "" {
		u.Scheme = "https"
	}
	u.Fragment = ""
	u.RawFragment = ""
	u.User = nil
	if u.RawQuery != "" {
		q := u.Query()
		for k := range q {
			lk := strings.ToLower(k)
			if trackingParams[lk] || strings.HasPrefix(lk, "utm_") {
				q.Del(k)
			}
		}
		keys := make([]string, 0, len(q))
		for k := range q {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		var b strings.Builder
		for _, k := range keys {
			vs := q[k]
			sort.Strings(vs)
			for _, v := range vs {
				if b.Len() > 0 {
					b.WriteByte('&')
				}
				b.WriteString(url.QueryEscape(k))
				b.WriteByte('=')
				b.WriteString(url.QueryEscape(v))
			}
		}
		u.RawQuery = b.String()
	}
	u.ForceQuery = false
	if len(u.Path) > 1 {
		u.Path = strings.TrimRight(u.Path, "/")
		u.RawPath = ""
	}
	if u.Path == "/" {
		u.Path = ""
	}
	return u.String(), nil
}

type canonError string

func (e canonError) Error() string { return string(e) }

const errNotAbsolute = canonError("not an absolute URL")
