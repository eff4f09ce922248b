package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/smsgauge/sms"
	"github.com/smsgauge/sms/rest"
)

func init() {
	register(command{name: "request", usage: "create|update|list|fetch|delete: validate a Twilio Messages request; print its body or URL", run: runRequest})
}

const requestCreateAbout = `Reads a JSON object of create-message parameters named as Twilio names them
({"To":"+14155552671","From":"+14155550100","Body":"Hi","MediaUrl":["https://..."]})
on standard input, or takes them from -set flags, validates them and prints
the form body, ready for:
  curl -u "$TWILIO_ACCOUNT_SID:$TWILIO_AUTH_TOKEN" --data @- URL
On invalid input it prints {"errors":[...]} as JSON and exits 1. Warnings go
to standard error. -dry-run prints the whole HTTP request instead; without an
Account SID it shows {AccountSid} in the URL.`

// requestVerbs are the verbs of smsgauge request, in the order -h lists
// them.
var requestVerbs = []struct{ name, about string }{
	{"create", "validate create-message parameters (JSON on standard input, or -set) and print the form body"},
	{"update", "redact a message or cancel a scheduled one: print the form body"},
	{"list", "list messages, with filters: print the URL"},
	{"fetch", "fetch one message: print the URL"},
	{"delete", "delete one message: print the URL"},
}

func printRequestUsage(w io.Writer) {
	fmt.Fprint(w, `usage: smsgauge request VERB [flags]

Validates a request to Twilio's Messages resource and prints its form body
or URL (or, with -dry-run, the whole HTTP request, secret masked).

verbs:
`)
	for _, v := range requestVerbs {
		fmt.Fprintf(w, "  %-7s %s\n", v.name, v.about)
	}
	fmt.Fprintln(w, "\nsmsgauge request VERB -h lists the flags of each verb.")
}

// placeholderAccount stands for the Account SID in a -dry-run without one;
// the printed request shows {AccountSid} in its place.
const placeholderAccount = "AC00000000000000000000000000000000"

// paramSetFlag collects repeated -set Name=value flags.
type paramSetFlag struct{ vals map[string][]string }

func (f *paramSetFlag) String() string { return "" }

func (f *paramSetFlag) Set(s string) error {
	name, value, ok := strings.Cut(s, "=")
	if !ok || name == "" {
		return fmt.Errorf("want Name=value, not %q", s)
	}
	if f.vals == nil {
		f.vals = map[string][]string{}
	}
	f.vals[name] = append(f.vals[name], value)
	return nil
}

func runRequest(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		printRequestUsage(stderr)
		return 2
	}
	switch args[0] {
	case "-h", "-help", "--help":
		printRequestUsage(stdout)
		return 0
	case "create":
	case "update", "list", "fetch", "delete":
		return runResourceRequest(args[0], args[1:], stdout, stderr)
	default:
		names := make([]string, len(requestVerbs))
		for i, v := range requestVerbs {
			names[i] = v.name
		}
		fmt.Fprintf(stderr, "smsgauge request: unknown verb %q: want %s\n", args[0], orList(names))
		fmt.Fprintln(stderr, "run 'smsgauge request -h' for the verbs")
		return 2
	}
	fs := newFlags("request create", cmdUsage{
		synopsis: []string{"smsgauge request create [flags] < params.json", "smsgauge request create -set Name=value ... [flags]"},
		about:    requestCreateAbout,
	})
	var (
		sets    paramSetFlag
		account = fs.String("account", "", "Account SID (AC…) for the URL; default $TWILIO_ACCOUNT_SID")
		edge    = fs.String("edge", "", "Twilio edge location, such as frankfurt")
		region  = fs.String("region", "", "Twilio region, such as ie1 (us1 when -edge is given)")
		dryRun  = fs.Bool("dry-run", false, "print the whole HTTP request, secret masked, instead of the body")
		now     = fs.String("now", "", "RFC 3339 `time` to check SendAt against, instead of the clock")
		minLead = fs.Duration("min-lead", 0, "earliest SendAt ahead of now (default 5m, Twilio's rule since 2026; 15m for the older one)")
	)
	fs.Var(&sets, "set", "a parameter as `Name=value` (repeat for MediaUrl and PersistentAction); replaces standard input")
	pos, code, ok := fs.parse(args[1:], stdout, stderr)
	if !ok {
		return code
	}
	if len(pos) > 0 {
		fmt.Fprintf(stderr, "smsgauge request create: unexpected argument %q (parameters come as -set Name=value or JSON on standard input)\n", pos[0])
		return 2
	}
	rules := sms.Rules{MinLead: *minLead}
	if *now != "" {
		t, err := time.Parse(time.RFC3339, *now)
		if err != nil {
			fmt.Fprintf(stderr, "smsgauge request create: invalid value %q for -now: want an RFC 3339 time such as 2026-12-01T12:00:00Z\n", *now)
			return 2
		}
		rules.Now = func() time.Time { return t }
	}

	vals := url.Values(sets.vals)
	if vals == nil {
		var err error
		if vals, err = rest.DecodeParams(stdin); err != nil {
			return writeRequestErrors(stdout, problemsOf(err), nil)
		}
	}
	m, err := sms.ParseCreateMessage(vals)
	if err != nil {
		return writeRequestErrors(stdout, problemsOf(err), nil)
	}
	warnings := rules.Warnings(m)
	form, err := rules.Form(m)
	if err != nil {
		return writeRequestErrors(stdout, problemsOf(err), warnings)
	}
	for _, w := range warnings {
		fmt.Fprintf(stderr, "warning: %s\n", w)
	}

	acct := *account
	if acct == "" {
		acct = os.Getenv("TWILIO_ACCOUNT_SID")
	}
	if !*dryRun {
		if acct != "" {
			ep := rest.Endpoint{AccountSid: acct, Edge: *edge, Region: *region}
			if err := ep.Validate(); err != nil {
				return writeRequestErrors(stdout, problemsOf(err), warnings)
			}
			fmt.Fprintf(stderr, "POST %s/2010-04-01/Accounts/%s/Messages.json\n", ep.BaseURL(), ep.Account())
		}
		fmt.Fprintln(stdout, form.Encode())
		return 0
	}
	ep := rest.Endpoint{AccountSid: acct, Edge: *edge, Region: *region, Credentials: credentialsFromEnv(), Rules: rules}
	placeholder := dryRunAccount(&ep, stderr)
	req, err := ep.CreateRequest(context.Background(), m)
	if err != nil {
		return writeRequestErrors(stdout, problemsOf(err), warnings)
	}
	writeDryRun(stdout, req, ep.Credentials, placeholder)
	return 0
}

// dryRunAccount lets -dry-run work without an Account SID: it puts
// placeholderAccount in ep and says so on stderr; the printed request then
// shows {AccountSid}. It reports whether it did, and notes a request that
// goes without credentials.
func dryRunAccount(ep *rest.Endpoint, stderr io.Writer) bool {
	placeholder := false
	if ep.Account() == "" && ep.Credentials.Username == "" {
		ep.AccountSid = placeholderAccount
		placeholder = true
		fmt.Fprintln(stderr, "note: no Account SID (-account or TWILIO_ACCOUNT_SID): the URL shows {AccountSid}")
	}
	if ep.Credentials.Username == "" {
		fmt.Fprintln(stderr, "note: no credentials (TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN, or TWILIO_API_KEY and TWILIO_API_SECRET): no Authorization header")
	}
	return placeholder
}

// credentialsFromEnv reads an API key (TWILIO_API_KEY, TWILIO_API_SECRET)
// or else the account's token (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN).
func credentialsFromEnv() rest.Credentials {
	if k := os.Getenv("TWILIO_API_KEY"); k != "" {
		return rest.Credentials{Username: k, Secret: rest.Secret(os.Getenv("TWILIO_API_SECRET"))}
	}
	if u := os.Getenv("TWILIO_ACCOUNT_SID"); u != "" {
		return rest.Credentials{Username: u, Secret: rest.Secret(os.Getenv("TWILIO_AUTH_TOKEN"))}
	}
	return rest.Credentials{}
}

// writeDryRun prints req as HTTP/1.1 text with the Authorization header
// replaced by the user name and a masked secret.
func writeDryRun(w io.Writer, req *http.Request, c rest.Credentials, placeholder bool) {
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s %s HTTP/1.1\r\n", req.Method, req.URL.RequestURI())
	fmt.Fprintf(&b, "Host: %s\r\n", req.URL.Host)
	keys := slices.Sorted(func(yield func(string) bool) {
		for k := range req.Header {
			if !yield(k) {
				return
			}
		}
	})
	for _, k := range keys {
		for _, v := range req.Header[k] {
			if k == "Authorization" {
				v = "Basic " + c.Username + ":" + c.Secret.String() + " (masked; base64 on the wire)"
			}
			fmt.Fprintf(&b, "%s: %s\r\n", k, v)
		}
	}
	var body []byte
	if req.Body != nil {
		body, _ = io.ReadAll(req.Body)
		fmt.Fprintf(&b, "Content-Length: %d\r\n", len(body))
	}
	b.WriteString("\r\n")
	b.Write(body)
	b.WriteString("\n")
	out := b.Bytes()
	if placeholder {
		out = bytes.ReplaceAll(out, []byte(placeholderAccount), []byte("{AccountSid}"))
	}
	w.Write(out)
}

// jsonProblem is one error in the JSON output.
type jsonProblem struct {
	Param   string `json:"param,omitempty"`
	Rule    string `json:"rule"`
	Message string `json:"message"`

	// TwilioCode is the code of Twilio's error dictionary for the same
	// mistake, 0 when none is known.
	TwilioCode int `json:"twilio_code"`
}

func problemsOf(err error) []jsonProblem {
	var out []jsonProblem
	for _, pe := range sms.ParamErrors(err) {
		out = append(out, jsonProblem{Param: pe.Param, Rule: pe.Rule.String(), Message: paramMessage(pe, noRegionFlag), TwilioCode: pe.TwilioCode})
	}
	if len(out) == 0 && err != nil {
		out = append(out, jsonProblem{Rule: "error", Message: userErrorHint(err, noRegionFlag)})
	}
	return out
}

func writeRequestErrors(w io.Writer, probs []jsonProblem, warnings []sms.Warning) int {
	type jsonWarning struct {
		Param   string `json:"param,omitempty"`
		Code    string `json:"code"`
		Message string `json:"message"`
	}
	out := struct {
		Errors   []jsonProblem `json:"errors"`
		Warnings []jsonWarning `json:"warnings,omitempty"`
	}{Errors: probs}
	for _, wn := range warnings {
		out.Warnings = append(out.Warnings, jsonWarning{wn.Param, wn.Code, wn.Message})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(out)
	return 1
}
