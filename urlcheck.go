package sms

import (
	"net/netip"
	"net/url"
	"strconv"
	"strings"

	"github.com/smsgauge/sms/internal/quote"
)

// checkURL checks an absolute http or https URL. With callback set it also
// applies Twilio's StatusCallback rules: a valid host name (letters, digits
// and hyphens in labels of 1 to 63, no underscore) or an IP literal, and no
// user info. The caller has already rejected control characters and invalid
// UTF-8.
func checkURL(p *problems, param, s string, callback bool) {
	if i := strings.IndexByte(s, ' '); i >= 0 {
		p.add(param, ParamURL, "space at byte "+strconv.Itoa(i)+"; percent-encode it as %20")
		return
	}
	host, port, user, ok := splitSimpleURL(s)
	if !ok {
		u, err := url.Parse(s)
		if err != nil {
			p.addCause(param, ParamURL, "not a URL", err)
			return
		}
		if u.Scheme != "http" && u.Scheme != "https" {
			if u.Scheme == "" {
				p.add(param, ParamURL, quote.Short(s)+" is not absolute; start it with https://")
			} else {
				p.add(param, ParamURL, "scheme "+quote.Short(u.Scheme)+" is not http or https")
			}
			return
		}
		if u.Opaque != "" || u.Host == "" {
			p.add(param, ParamURL, quote.Short(s)+" has no host")
			return
		}
		host, port, user = u.Hostname(), u.Port(), u.User != nil
	}
	if port != "" {
		if n, err := strconv.Atoi(port); err != nil || n < 1 || n > 65535 {
			p.add(param, ParamURL, "port "+quote.Short(port)+" is not from 1 to 65535")
		}
	}
	if !callback {
		return
	}
	if user {
		p.add(param, ParamURL, "user info (user:password@) is not allowed; it would leak into logs")
	}
	if d := hostProblem(host); d != "" {
		p.add(param, ParamURL, d)
	}
}

// hostProblem returns why host is not a valid host name, or "".
func hostProblem(host string) string {
	if host == "" {
		return "empty host"
	}
	if looksLikeIP(host) {
		if _, err := netip.ParseAddr(host); err != nil {
			return "host " + quote.Short(host) + " is not a valid IP address"
		}
		return ""
	}
	h := strings.TrimSuffix(host, ".")
	if len(h) > 253 {
		return "host name longer than 253 characters"
	}
	for label := range strings.SplitSeq(h, ".") {
		if label == "" {
			return "host " + quote.Short(host) + " has an empty label"
		}
		if len(label) > 63 {
			return "host label longer than 63 characters"
		}
		if label[0] == '-' || label[len(label)-1] == '-' {
			return "host label " + quote.Short(label) + " starts or ends with a hyphen"
		}
		for i := 0; i < len(label); i++ {
			c := label[i]
			switch {
			case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '-':
			case c == '_':
				return "host " + quote.Short(host) + " contains an underscore, which Twilio does not allow"
			case c >= 0x80:
				return "host " + quote.Short(host) + " is not ASCII; use its punycode (xn--) form"
			default:
				return "host " + quote.Short(host) + " contains " + strconv.QuoteRune(rune(c))
			}
		}
	}
	return ""
}

// looksLikeIP reports whether host is an IPv6 literal (it has a colon) or
// only digits and dots, which no valid host name is (its last label, the
// top-level domain, is never all digits).
func looksLikeIP(host string) bool {
	if strings.IndexByte(host, ':') >= 0 {
		return true
	}
	for i := 0; i < len(host); i++ {
		if c := host[i]; c != '.' && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// urlSafe marks the bytes a simple URL may hold as they are: unreserved,
// sub-delimiters and the general delimiters except '[' and ']'.
var urlSafe = func() (t [256]bool) {
	for _, c := range []byte("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:/?#@%") {
		t[c] = true
	}
	return t
}()

// splitSimpleURL splits the common case without net/url (which allocates):
// "http://" or "https://", then only URL-safe ASCII with well-formed
// percent escapes and no IPv6 literal. It returns ok false for anything
// else, which the caller hands to url.Parse.
func splitSimpleURL(s string) (host, port string, user, ok bool) {
	var rest string
	switch {
	case strings.HasPrefix(s, "https://"):
		rest = s[len("https://"):]
	case strings.HasPrefix(s, "http://"):
		rest = s[len("http://"):]
	default:
		return "", "", false, false
	}
	for i := 0; i < len(rest); i++ {
		c := rest[i]
		if !urlSafe[c] {
			return "", "", false, false
		}
		if c == '%' && (i+2 >= len(rest) || !isHexByte(rest[i+1]) || !isHexByte(rest[i+2])) {
			return "", "", false, false
		}
	}
	end := strings.IndexAny(rest, "/?#")
	if end < 0 {
		end = len(rest)
	}
	authority := rest[:end]
	if at := strings.LastIndexByte(authority, '@'); at >= 0 {
		user = true
		authority = authority[at+1:]
	}
	host = authority
	if c := strings.LastIndexByte(authority, ':'); c >= 0 {
		host, port = authority[:c], authority[c+1:]
		for i := 0; i < len(port); i++ {
			if port[i] < '0' || port[i] > '9' {
				return "", "", false, false
			}
		}
		if port == "" {
			return "", "", false, false // url.Parse accepts "host:"; let it decide
		}
	}
	if host == "" || strings.IndexByte(host, '%') >= 0 || strings.IndexByte(host, ':') >= 0 {
		return "", "", false, false
	}
	return host, port, user, true
}
