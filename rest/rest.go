// Package rest builds the HTTP requests of Twilio's Message resource (REST
// API version 2010-04-01): create, update, fetch, delete and list, as
// *http.Request values that the caller sends with the client of its choice.
// It never sends anything itself.
//
// The parameters and their checks are package sms's (sms.CreateMessage,
// sms.UpdateMessage, sms.ListMessages, ...); this package adds where the
// request goes (Endpoint: account, edge, region), who sends it (Credentials,
// with a Secret that never shows itself in output), and the decoding of
// parameters written as JSON, as the command line reads them.
package rest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	sms "github.com/smsgauge/sms"
	"github.com/smsgauge/sms/internal/paramjson"
	"github.com/smsgauge/sms/internal/quote"
)

// Secret is a credential: an Auth Token or an API key secret. It never
// shows itself through fmt (any verb, %#v included), encoding/json,
// encoding (text marshalling) or log/slog; convert it with string(s) where
// the raw value is needed. Errors of this package never contain it.
type Secret string

func (s Secret) mask() string {
	if s == "" {
		return "[unset]"
	}
	return "[REDACTED]"
}

// String returns "[REDACTED]", or "[unset]" for an empty secret.
func (s Secret) String() string { return s.mask() }

// GoString returns rest.Secret("[REDACTED]").
func (s Secret) GoString() string { return `rest.Secret("` + s.mask() + `")` }

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

// Endpoint says where, as whom and under which rules a request goes: the
// account whose resources it addresses, the credentials, Twilio's edge
// location and region, and the rules that create requests are checked
// against. The zero Edge and Region give https://api.twilio.com; Edge
// "frankfurt" gives https://api.frankfurt.us1.twilio.com (region us1 by
// default, as Twilio's helper libraries do); Region alone gives
// https://api.{region}.twilio.com.
type Endpoint struct {
	// AccountSid is the account in the URL path ("AC…"). It may be left
	// empty when Credentials.Username is that Account SID; it is required
	// with an API key.
	AccountSid  string
	Credentials Credentials
	Edge        string    // such as "sydney", "frankfurt", "frankfurt-ix"
	Region      string    // such as "us1", "ie1", "au1"
	Rules       sms.Rules `json:"-"` // what CreateRequest checks a message against; the zero value is Twilio's (not marshalled: it holds a clock)
}

// Account returns the Account SID of the URL path: AccountSid, or the
// username when that is an Account SID.
func (e Endpoint) Account() string {
	if e.AccountSid == "" && strings.HasPrefix(e.Credentials.Username, sms.SIDAccount.Prefix()) {
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

// Validate reports every problem of the endpoint, joined; each is an
// *sms.ParamError naming the field ("AccountSid", "Credentials.Username",
// "Credentials.Secret", "Edge", "Region"). A zero Credentials is allowed (no
// Authorization header is set); a username without a secret is not.
func (e Endpoint) Validate() error {
	return errors.Join(e.problems()...)
}

func (e Endpoint) problems() []error {
	var p []error
	add := func(param string, rule sms.ParamRule, detail string) {
		p = append(p, &sms.ParamError{Param: param, Rule: rule, Detail: detail})
	}
	u := e.Credentials.Username
	switch {
	case u == "" && e.Credentials.Secret != "":
		add("Credentials.Username", sms.ParamRequired, "a secret needs the Account SID or API key SID it belongs to")
	case u != "" && sms.SIDAccount.Check(u) != nil && sms.SIDAPIKey.Check(u) != nil:
		add("Credentials.Username", sms.ParamSID, quote.Short(u)+" is not AC or SK followed by 32 hexadecimal digits")
	case u != "" && e.Credentials.Secret == "":
		add("Credentials.Secret", sms.ParamRequired, "the Auth Token or API key secret is empty")
	}
	if !isAlnum(string(e.Credentials.Secret)) {
		add("Credentials.Secret", sms.ParamFormat, "holds a character other than a letter or digit; check for quotes or whitespace")
	}
	switch acct := e.Account(); {
	case acct == "":
		add("AccountSid", sms.ParamRequired, "give AccountSid, or an Account SID as Credentials.Username")
	case sms.SIDAccount.Check(acct) != nil:
		add("AccountSid", sms.ParamSID, quote.Short(acct)+" is not AC followed by 32 hexadecimal digits")
	}
	for _, f := range [...]struct{ param, s string }{{"Edge", e.Edge}, {"Region", e.Region}} {
		if f.s != "" && !isHostLabel(f.s) {
			add(f.param, sms.ParamFormat, quote.Short(f.s)+" is not a host label of lower-case letters, digits and hyphens")
		}
	}
	return p
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

// isHostLabel reports whether s can stand between the dots of a host name
// as Twilio's edges and regions do: lower-case letters, digits and inner
// hyphens, at most 63 bytes.
func isHostLabel(s string) bool {
	if len(s) > 63 || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// CreateRequest checks m against e.Rules and builds the request that
// creates it: POST {base}/2010-04-01/Accounts/{AccountSid}/Messages.json
// with the form body, its Content-Type and Basic auth. The error joins the
// endpoint's problems and the message's, each an *sms.ParamError.
func (e Endpoint) CreateRequest(ctx context.Context, m sms.CreateMessage) (*http.Request, error) {
	form, err := e.Rules.Form(m)
	return e.newRequest(ctx, http.MethodPost, "/Messages.json", form, err)
}

// UpdateRequest builds POST .../Messages/{Sid}.json, which redacts a
// message or cancels a scheduled one.
func (e Endpoint) UpdateRequest(ctx context.Context, u sms.UpdateMessage) (*http.Request, error) {
	form, err := u.Form()
	return e.newRequest(ctx, http.MethodPost, messagePath(u.Sid), form, err)
}

// FetchRequest builds GET .../Messages/{Sid}.json.
func (e Endpoint) FetchRequest(ctx context.Context, f sms.FetchMessage) (*http.Request, error) {
	return e.newRequest(ctx, http.MethodGet, messagePath(f.Sid), nil, f.Validate())
}

// DeleteRequest builds DELETE .../Messages/{Sid}.json.
func (e Endpoint) DeleteRequest(ctx context.Context, d sms.DeleteMessage) (*http.Request, error) {
	return e.newRequest(ctx, http.MethodDelete, messagePath(d.Sid), nil, d.Validate())
}

// ListRequest builds GET .../Messages.json with the filters of l as its
// query.
func (e Endpoint) ListRequest(ctx context.Context, l sms.ListMessages) (*http.Request, error) {
	q, err := l.Query()
	return e.newRequest(ctx, http.MethodGet, "/Messages.json", q, err)
}

func messagePath(sid string) string { return "/Messages/" + sid + ".json" }

// newRequest builds the request after joining the endpoint's problems with
// those of the parameters (perr). It never sends anything.
func (e Endpoint) newRequest(ctx context.Context, method, path string, form url.Values, perr error) (*http.Request, error) {
	p := e.problems()
	if perr != nil {
		p = append(p, perr)
	}
	if err := errors.Join(p...); err != nil {
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

// MaxParamsBytes is the most DecodeParams reads: far more than any request
// Twilio accepts (a Body is at most 1,600 characters).
const MaxParamsBytes = 4 << 20

// DecodeParams reads one JSON object of request parameters from r, as the
// command line takes them: {"To": "+14155552671", "MediaUrl": ["…", "…"],
// "SmartEncoded": true}. A value may be a string, a number (kept as
// written), a boolean, or an array of those (one value each); null leaves
// the parameter out. The JSON is read strictly: invalid UTF-8, a lone
// surrogate escape ("\ud800"), a key given twice, text after the object and
// input over MaxParamsBytes are errors, never silently repaired. Errors are
// *sms.ParamError values naming the key, or "JSON", and the byte offset.
func DecodeParams(r io.Reader) (url.Values, error) {
	b, err := io.ReadAll(io.LimitReader(r, MaxParamsBytes+1))
	if err != nil {
		return nil, err
	}
	if len(b) > MaxParamsBytes {
		return nil, &sms.ParamError{Param: paramjson.Param, Rule: sms.ParamTooLong, Detail: "more than " + strconv.Itoa(MaxParamsBytes) + " bytes of JSON"}
	}
	return paramjson.Values(string(b))
}

// DecodeCreate reads a JSON object of create-message parameters from r
// into an sms.CreateMessage: DecodeParams, then sms.ParseCreateMessage.
func DecodeCreate(r io.Reader) (sms.CreateMessage, error) {
	vals, err := DecodeParams(r)
	if err != nil {
		return sms.CreateMessage{}, err
	}
	return sms.ParseCreateMessage(vals)
}

// DecodeList reads a JSON object of list filters from r into an
// sms.ListMessages: DecodeParams, then sms.ParseListMessages.
func DecodeList(r io.Reader) (sms.ListMessages, error) {
	vals, err := DecodeParams(r)
	if err != nil {
		return sms.ListMessages{}, err
	}
	return sms.ParseListMessages(vals)
}
