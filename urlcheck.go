//go:build !smsgauge_core

package sms

import (
	"net/netip"
	"net/url"
	"strconv"
	"strings"
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
	u, err := url.Parse(s)
	if err != nil {
		p.addCause(param, ParamURL, "not a URL", err)
		return
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		if u.Scheme == "" {
			p.add(param, ParamURL, quoteShort(s)+" is not absolute; start it with https://")
		} else {
			p.add(param, ParamURL, "scheme "+quoteShort(u.Scheme)+" is not http or https")
		}
		return
	}
	if u.Opaque != "" || u.Host == "" {
		p.add(param, ParamURL, quoteShort(s)+" has no host")
		return
	}
	if port := u.Port(); port != "" {
		if n, err := strconv.Atoi(port); err != nil || n < 1 || n > 65535 {
			p.add(param, ParamURL, "port "+quoteShort(port)+" is not from 1 to 65535")
		}
	}
	if !callback {
		return
	}
	if u.User != nil {
		p.add(param, ParamURL, "user info (user:password@) is not allowed; it would leak into logs")
	}
	if d := hostProblem(u.Hostname()); d != "" {
		p.add(param, ParamURL, d)
	}
}

// hostProblem returns why host is not a valid host name, or "".
func hostProblem(host string) string {
	if host == "" {
		return "empty host"
	}
	if _, err := netip.ParseAddr(host); err == nil {
		return ""
	}
	h := strings.TrimSuffix(host, ".")
	if len(h) > 253 {
		return "host name longer than 253 characters"
	}
	for label := range strings.SplitSeq(h, ".") {
		if label == "" {
			return "host " + quoteShort(host) + " has an empty label"
		}
		if len(label) > 63 {
			return "host label longer than 63 characters"
		}
		if label[0] == '-' || label[len(label)-1] == '-' {
			return "host label " + quoteShort(label) + " starts or ends with a hyphen"
		}
		for i := 0; i < len(label); i++ {
			c := label[i]
			switch {
			case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '-':
			case c == '_':
				return "host " + quoteShort(host) + " contains an underscore, which Twilio does not allow"
			case c >= 0x80:
				return "host " + quoteShort(host) + " is not ASCII; use its punycode (xn--) form"
			default:
				return "host " + quoteShort(host) + " contains " + strconv.QuoteRune(rune(c))
			}
		}
	}
	return ""
}
