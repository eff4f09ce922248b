package sms

import (
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/smsgauge/sms/internal/quote"
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

func TestHostProblem(t *testing.T) {
	tests := []struct {
		name, host string
		ok         bool
	}{
		{"simple", "example.com", true},
		{"trailing dot", "example.com.", true},
		{"single label", "localhost", true},
		{"ipv4", "192.0.2.1", true},
		{"ipv6", "2001:db8::1", true},
		{"bad ipv4", "192.0.2.256", false},
		{"empty", "", false},
		{"empty label", "a..b", false},
		{"label 63", strings.Repeat("a", 63) + ".com", true},
		{"label 64", strings.Repeat("a", 64) + ".com", false},
		{"host 254", strings.Repeat("a.", 127) + "ab", false},
		{"leading hyphen", "-a.com", false},
		{"trailing hyphen", "a-.com", false},
		{"underscore", "my_host.example.com", false},
		{"non-ASCII", "bücher.example", false},
		{"punycode", "xn--bcher-kva.example", true},
		{"other char", "a!b.com", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := hostProblem(tc.host); (got == "") != tc.ok {
				t.Fatalf("hostProblem(%q) = %q, want ok %v", tc.host, got, tc.ok)
			}
		})
	}
}

func TestHumanDuration(t *testing.T) {
	for _, tc := range []struct {
		d    time.Duration
		want string
	}{
		{0, "0 seconds"}, {time.Minute, "1 minute"}, {15 * time.Minute, "15 minutes"}, {time.Hour, "1 hour"},
		{24 * time.Hour, "1 day"}, {35 * 24 * time.Hour, "35 days"}, {90 * time.Second, "1m30s"},
	} {
		if got := humanDuration(tc.d); got != tc.want {
			t.Errorf("humanDuration(%v) = %q, want %q", tc.d, got, tc.want)
		}
	}
	if got := quote.Short(strings.Repeat("é", 30)); got != strconv.Quote(strings.Repeat("é", 20))+"..." {
		t.Errorf("quoteShort cut = %s", got)
	}
	if b, _ := KindRCS.MarshalText(); string(b) != "rcs" || MessageKind(9).String() != "unknown" {
		t.Errorf("MessageKind text = %q, %q", b, MessageKind(9))
	}
	if (Warning{Message: "x"}).String() != "x" {
		t.Errorf("Warning without Param")
	}
}
