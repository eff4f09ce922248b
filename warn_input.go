package sms

import (
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Warning codes of inputWarnings.
const (
	// WarnControlChar: a control character (NUL, C0 other than line
	// breaks, tab and form feed; DEL; C1) in Body. Twilio accepts it, but
	// handsets show it as a box or drop it, and NUL may cut the text.
	WarnControlChar = "control-char"
	// WarnBidiChar: a bidirectional control (U+202A–U+202E, U+2066–U+2069,
	// U+200E, U+200F, U+061C) in Body: it reorders what the reader sees, a
	// trick of phishing texts (a link that reads backwards), and forces
	// UCS-2.
	WarnBidiChar = "bidi-char"
	// WarnUnreachableCallback: a StatusCallback on a loopback, private,
	// link-local or unspecified address, or a localhost name, which Twilio
	// cannot reach from the internet.
	WarnUnreachableCallback = "unreachable-callback"
)

// inputWarnings returns the warnings about characters and addresses that
// are valid but cannot be what the sender means: control and bidi
// characters in Body (To and From reject them outright), and a
// StatusCallback that Twilio cannot reach.
func inputWarnings(m CreateMessage) []Warning {
	var w []Warning
	if cc, cOff, bc, bOff := bodyControls(m.Body); cc > 0 || bc > 0 {
		if cc > 0 {
			w = append(w, Warning{"Body", WarnControlChar, countText(cc, "control character") + ", the first " +
				describeRune(m.Body, cOff) + " at byte " + strconv.Itoa(cOff) + ": handsets show a box or drop it, and NUL may end the text"})
		}
		if bc > 0 {
			w = append(w, Warning{"Body", WarnBidiChar, countText(bc, "bidirectional control character") + ", the first " +
				describeRune(m.Body, bOff) + " at byte " + strconv.Itoa(bOff) + ": it reorders the text the reader sees, and forces UCS-2"})
		}
	}
	if why := unreachableCallback(m.StatusCallback); why != "" {
		w = append(w, Warning{"StatusCallback", WarnUnreachableCallback, why + ": Twilio posts status callbacks from the internet and cannot reach it"})
	}
	return w
}

func countText(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return strconv.Itoa(n) + " " + what + "s"
}

// describeRune names the rune at s[off:] as U+XXXX.
func describeRune(s string, off int) string {
	r, _ := utf8.DecodeRuneInString(s[off:])
	h := strings.ToUpper(strconv.FormatInt(int64(r), 16))
	for len(h) < 4 {
		h = "0" + h
	}
	return "U+" + h
}

// bodyControls counts the control characters and the bidi controls of
// body and gives the offset of the first of each.
func bodyControls(body string) (controls, cOff, bidi, bOff int) {
	cOff, bOff = -1, -1
	for i := 0; i < len(body); {
		c := body[i]
		if c < utf8.RuneSelf {
			if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') || c == 0x7F {
				if controls == 0 {
					cOff = i
				}
				controls++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(body[i:])
		switch {
		case r >= 0x80 && r <= 0x9F:
			if controls == 0 {
				cOff = i
			}
			controls++
		case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069, r == 0x200E, r == 0x200F, r == 0x061C:
			if bidi == 0 {
				bOff = i
			}
			bidi++
		}
		i += size
	}
	return controls, cOff, bidi, bOff
}

// unreachableCallback returns why Twilio cannot reach the callback URL s,
// or "" when it can as far as the URL tells (or s is not a URL: Validate
// reports that).
func unreachableCallback(s string) string {
	if s == "" {
		return ""
	}
	u, err := url.Parse(s)
	if err != nil || u.Host == "" {
		return ""
	}
	host := strings.ToLower(strings.TrimSuffix(u.Hostname(), "."))
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return "host " + strconv.Quote(host) + " is this machine"
	}
	for _, suffix := range []string{".local", ".internal", ".home.arpa", ".lan"} {
		if strings.HasSuffix(host, suffix) {
			return "host " + strconv.Quote(host) + " is a local network name"
		}
	}
	if i := strings.IndexByte(host, '%'); i >= 0 {
		host = host[:i] // an IPv6 zone
	}
	a, err := netip.ParseAddr(host)
	if err != nil {
		return ""
	}
	a = a.Unmap()
	switch {
	case a.IsLoopback():
		return "address " + a.String() + " is loopback"
	case a.IsUnspecified():
		return "address " + a.String() + " is unspecified"
	case a.IsPrivate():
		return "address " + a.String() + " is private"
	case a.IsLinkLocalUnicast(), a.IsLinkLocalMulticast():
		return "address " + a.String() + " is link-local"
	case a.Is4() && a.As4()[0] == 100 && a.As4()[1]&0xC0 == 64:
		return "address " + a.String() + " is in the carrier-grade NAT range (100.64.0.0/10)"
	}
	return ""
}
