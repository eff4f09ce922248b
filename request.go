//go:build !smsgauge_core

package sms

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
)

// Secret is a credential: an Auth Token or an API key secret. It never
// shows itself through fmt (any verb, %#v included), encoding/json,
// encoding (text marshalling) or log/slog; convert it with string(s) where
// the raw value is needed. Errors of this package never contain it.
type Secret string

const redacted = "[REDACTED]"

func (s Secret) mask() string {
	if s == "" {
		return "[unset]"
	}
	return redacted
}

// String returns "[REDACTED]", or "[unset]" for an empty secret.
func (s Secret) String() string { return s.mask() }

// GoString returns sms.Secret("[REDACTED]").
func (s Secret) GoString() string { return `sms.Secret("` + s.mask() + `")` }

// Format writes the masked form for every verb.
func (s Secret) Format(f fmt.State, verb rune) {
	if verb == 'v' && f.Flag('#') {
		io.WriteString(f, s.GoString())
		return
	}
	io.WriteString(f, s.mask())
}

// MarshalText returns the masked form, so that JSON, XML and YAML encoders
// never write the secret.
func (s Secret) MarshalText() ([]byte, error) { return []byte(s.mask()), nil }

// LogValue returns the masked form for log/slog.
func (s Secret) LogValue() slog.Value { return slog.StringValue(s.mask()) }

// Credentials authenticate a request with HTTP Basic auth: the Account SID
// ("AC…") and its Auth Token, or an API key SID ("SK…") and its secret.
type Credentials struct {
	Username string // Account SID or API key SID
	Secret   Secret // Auth Token or API key secret; masked in every output
}

// Endpoint says where and as whom a request goes: the account whose
// resources it addresses, the credentials, and optionally Twilio's edge
// location and region. The zero Edge and Region give
// https://api.twilio.com; Edge "frankfurt" gives
// https://api.frankfurt.us1.twilio.com (region us1 by default, as Twilio's
// helper libraries do); Region alone gives https://api.{region}.twilio.com.
type Endpoint struct {
	// AccountSid is the account in the URL path ("AC…"). It may be left
	// empty when Credentials.Username is that Account SID; it is required
	// with an API key.
	AccountSid  string
	Credentials Credentials
	Edge        string // such as "sydney", "frankfurt", "frankfurt-ix"
	Region      string // such as "us1", "ie1", "au1"
}

// Account returns the Account SID of the URL path: AccountSid, or the
// username when that is an Account SID.
func (e Endpoint) Account() string {
	if e.AccountSid == "" && strings.HasPrefix(e.Credentials.Username, sidAccount) {
		return e.Credentials.Username
	}
	return e.AccountSid
}

// BaseURL returns the scheme and host requests go to, without a slash at
// the end: "https://api.twilio.com" or "https://api.{edge}.{region}.twilio.com".
func (e Endpoint) BaseURL() string {
	region := e.Region
	if region == "" && e.Edge != "" {
		region = "us1"
	}
	b := "https://api."
	if e.Edge != "" {
		b += e.Edge + "."
	}
	if region != "" {
		b += region + "."
	}
	return b + "twilio.com"
}

// Validate reports every problem of the endpoint, joined; each is a
// *ParamError naming the field ("AccountSid", "Credentials.Username",
// "Credentials.Secret", "Edge", "Region"). A zero Credentials is allowed (no
// Authorization header is set); a username without a secret is not.
func (e Endpoint) Validate() error {
	var p problems
	e.check(&p)
	return p.err()
}

func (e Endpoint) check(p *problems) {
	u := e.Credentials.Username
	switch {
	case u == "" && e.Credentials.Secret != "":
		p.add("Credentials.Username", ParamRequired, "a secret needs the Account SID or API key SID it belongs to")
	case u != "" && !checkSID(u, SIDAccount, SIDAPIKey):
		p.add("Credentials.Username", ParamSID, quoteShort(u)+" is not AC or SK followed by 32 hexadecimal digits")
	case u != "" && e.Credentials.Secret == "":
		p.add("Credentials.Secret", ParamRequired, "the Auth Token or API key secret is empty")
	}
	if !isAlnum(string(e.Credentials.Secret)) {
		// Auth Tokens and API key secrets are letters and digits; twilio-go
		// refuses anything else (Twilio error 21224). Never echo it.
		p.add("Credentials.Secret", ParamFormat, "holds a character other than a letter or digit (Twilio error 21224); check for quotes or whitespace")
	}
	switch acct := e.Account(); {
	case acct == "":
		p.add("AccountSid", ParamRequired, "give AccountSid, or an Account SID as Credentials.Username")
	case !checkSID(acct, SIDAccount):
		p.add("AccountSid", ParamSID, quoteShort(acct)+" is not AC followed by 32 hexadecimal digits")
	}
	checkHostLabel(p, "Edge", e.Edge)
	checkHostLabel(p, "Region", e.Region)
}

func isAlnum(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// checkHostLabel accepts lower-case letters, digits and inner hyphens.
func checkHostLabel(p *problems, param, s string) {
	if s == "" {
		return
	}
	ok := len(s) <= 63 && s[0] != '-' && s[len(s)-1] != '-'
	for i := 0; ok && i < len(s); i++ {
		c := s[i]
		ok = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-'
	}
	if !ok {
		p.add(param, ParamFormat, quoteShort(s)+" is not a host label of lower-case letters, digits and hyphens")
	}
}

// newRequest builds the request after joining the endpoint's problems with
// those of the parameters (perr). It never sends anything.
func newRequest(ctx context.Context, e Endpoint, method, path string, form url.Values, perr error) (*http.Request, error) {
	var p problems
	e.check(&p)
	if perr != nil {
		p = append(p, perr)
	}
	if err := p.err(); err != nil {
		return nil, err
	}
	target := e.BaseURL() + "/2010-04-01/Accounts/" + e.Account() + path
	var body io.Reader
	if method == http.MethodPost {
		body = strings.NewReader(form.Encode())
	} else if len(form) > 0 {
		target += "?" + form.Encode()
	}
	req, err := http.NewRequestWithContext(ctx, method, target, body)
	if err != nil {
		return nil, err // the URL holds no secret
	}
	if method == http.MethodPost {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	req.Header.Set("Accept", "application/json")
	if e.Credentials.Username != "" {
		req.SetBasicAuth(e.Credentials.Username, string(e.Credentials.Secret))
	}
	return req, nil
}

// Request validates m with the default Rules and builds the HTTP request
// that creates it: POST {base}/2010-04-01/Accounts/{AccountSid}/Messages.json
// with the form body, its Content-Type and Basic auth. It never sends it.
func (m CreateMessage) Request(ctx context.Context, e Endpoint) (*http.Request, error) {
	return Rules{}.Request(ctx, m, e)
}

// Request is CreateMessage.Request with these rules.
func (r Rules) Request(ctx context.Context, m CreateMessage, e Endpoint) (*http.Request, error) {
	err := r.Validate(m)
	var form url.Values
	if err == nil {
		form = m.form()
	}
	return newRequest(ctx, e, http.MethodPost, "/Messages.json", form, err)
}
