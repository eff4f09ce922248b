package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
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

const requestUsage = `usage: smsgauge request create [flags] < params.json
       smsgauge request update|list|fetch|delete [flags]   (see -h of each)

Reads a JSON object of create-message parameters named as Twilio names them
({"To":"+14155552671","From":"+14155550100","Body":"Hi","MediaUrl":["https://..."]}),
or takes them from -set flags, validates them and prints the form body, ready
for: curl -u "$TWILIO_ACCOUNT_SID:$TWILIO_AUTH_TOKEN" --data @- URL.
On invalid input it prints {"errors":[...]} as JSON and exits 1.
Warnings go to standard error.

flags:
`

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
	if len(args) > 0 {
		switch args[0] {
		case "update", "list", "fetch", "delete":
			return runResourceRequest(args[0], args[1:], stdout, stderr)
		}
	}
	if len(args) == 0 || args[0] != "create" {
		fmt.Fprint(stderr, requestUsage)
		return 2
	}
	fs := flag.NewFlagSet("request create", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, requestUsage); fs.PrintDefaults() }
	var (
		sets    paramSetFlag
		account = fs.String("account", "", "Account SID (AC…) for the URL; default $TWILIO_ACCOUNT_SID")
		edge    = fs.String("edge", "", "Twilio edge location, such as frankfurt")
		region  = fs.String("region", "", "Twilio region, such as ie1 (us1 when -edge is given)")
		dryRun  = fs.Bool("dry-run", false, "print the whole HTTP request, secret masked, instead of the body")
		now     = fs.String("now", "", "RFC 3339 time to check SendAt against, instead of the clock")
		minLead = fs.Duration("min-lead", 0, "earliest SendAt ahead of now (default 5m, Twilio's rule since 2026; 15m for the older one)")
	)
	fs.Var(&sets, "set", "a parameter as Name=value (repeat for MediaUrl and PersistentAction); replaces standard input")
	if err := fs.Parse(args[1:]); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "smsgauge request create: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	rules := sms.Rules{MinLead: *minLead}
	if *now != "" {
		t, err := time.Parse(time.RFC3339, *now)
		if err != nil {
			fmt.Fprintf(stderr, "smsgauge request create: -now: %v\n", err)
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
	req, err := ep.CreateRequest(context.Background(), m)
	if err != nil {
		return writeRequestErrors(stdout, problemsOf(err), warnings)
	}
	writeDryRun(stdout, req, ep.Credentials)
	return 0
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
func writeDryRun(w io.Writer, req *http.Request, c rest.Credentials) {
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
	w.Write(b.Bytes())
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
		out = append(out, jsonProblem{Param: pe.Param, Rule: pe.Rule.String(), Message: pe.Error(), TwilioCode: pe.TwilioCode})
	}
	if len(out) == 0 && err != nil {
		out = append(out, jsonProblem{Rule: "error", Message: err.Error()})
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
