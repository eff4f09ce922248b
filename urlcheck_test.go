package sms

import (
	"net/url"
	"testing"
)

var urlSeeds = []string{
	"https://example.com", "http://example.com/a/b?c=d&e=f#g", "https://user:pw@example.com/",
	"https://a@b@example.com/x", "https://example.com:8443/cb", "https://example.com:/cb",
	"https://example.com:99999", "https://example.com:80:90/x", "https://[2001:db8::1]:443/x",
	"https://my_host.example.com/", "https://ex%41mple.com/", "https://example.com/%zz",
	"https://example.com/%4", "HTTPS://EXAMPLE.COM/", "https://", "https:///path", "https://?q",
	"https://exa mple.com", "javascript:alert(1)", "file:///etc/passwd", "//example.com/x",
	"https://example.com/ü", "https://bücher.example/", "http://203.0.113.7/", "http://1.2.3.4.5/",
}

// TestSplitSimpleURLAgreesWithNetURL: whenever the fast path accepts a URL,
// net/url parses it to the same host, port and user info.
func TestSplitSimpleURLAgreesWithNetURL(t *testing.T) {
	for _, s := range urlSeeds {
		checkSplitAgrees(t, s)
	}
}

func checkSplitAgrees(t *testing.T, s string) {
	host, port, user, ok := splitSimpleURL(s)
	if !ok {
		return
	}
	u, err := url.Parse(s)
	if err != nil {
		t.Fatalf("splitSimpleURL(%q) accepted what url.Parse rejects: %v", s, err)
	}
	if u.Hostname() != host || u.Port() != port || (u.User != nil) != user || (u.Scheme != "http" && u.Scheme != "https") {
		t.Fatalf("splitSimpleURL(%q) = %q, %q, %v; url.Parse gives %q, %q, %v, scheme %q", s, host, port, user, u.Hostname(), u.Port(), u.User != nil, u.Scheme)
	}
}

func FuzzSplitSimpleURL(f *testing.F) {
	for _, s := range urlSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkSplitAgrees(t, s)
		var p problems
		if checkText(&p, "StatusCallback", s) {
			checkURL(&p, "StatusCallback", s, true)
			checkURL(&p, "MediaUrl", s, false)
		}
	})
}
