package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"

	"github.com/smsgauge/sms"
	"github.com/smsgauge/sms/rest"
)

// runResourceRequest handles "request update|list|fetch|delete". Update
// prints its form body; list, fetch and delete print the URL to request.
// -dry-run prints the whole HTTP request with the secret masked.
func runResourceRequest(verb string, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("request "+verb, flag.ContinueOnError)
	fs.SetOutput(stderr)
	var (
		sets    paramSetFlag
		account = fs.String("account", "", "Account SID (AC…) for the URL; default $TWILIO_ACCOUNT_SID")
		edge    = fs.String("edge", "", "Twilio edge location, such as frankfurt")
		region  = fs.String("region", "", "Twilio region, such as ie1 (us1 when -edge is given)")
		dryRun  = fs.Bool("dry-run", false, "print the whole HTTP request, secret masked")
		sid     = fs.String("sid", "", "Message SID (SM… or MM…)")
		redact  = fs.Bool("redact", false, "update: erase the message text (Body=\"\")")
		status  = fs.String("status", "", "update: canceled, to cancel a scheduled message")
	)
	if verb == "list" {
		fs.Var(&sets, "set", "a filter as Name=value: To, From, DateSent, DateSent<, DateSent>, PageSize, Page, PageToken")
	}
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: smsgauge request %s [flags]\n\nflags:\n", verb)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "smsgauge request %s: unexpected argument %q\n", verb, fs.Arg(0))
		return 2
	}
	acct := *account
	if acct == "" {
		acct = os.Getenv("TWILIO_ACCOUNT_SID")
	}
	ep := rest.Endpoint{AccountSid: acct, Edge: *edge, Region: *region}
	if *dryRun {
		ep.Credentials = credentialsFromEnv()
	}
	ctx := context.Background()
	var (
		req *http.Request
		err error
	)
	switch verb {
	case "update":
		req, err = ep.UpdateRequest(ctx, sms.UpdateMessage{Sid: *sid, Redact: *redact, Status: *status})
	case "fetch":
		req, err = ep.FetchRequest(ctx, sms.FetchMessage{Sid: *sid})
	case "delete":
		req, err = ep.DeleteRequest(ctx, sms.DeleteMessage{Sid: *sid})
	case "list":
		var l sms.ListMessages
		if l, err = sms.ParseListMessages(url.Values(sets.vals)); err != nil {
			return writeRequestErrors(stdout, problemsOf(err), nil)
		}
		req, err = ep.ListRequest(ctx, l)
	}
	if err != nil {
		return writeRequestErrors(stdout, problemsOf(err), nil)
	}
	switch {
	case *dryRun:
		writeDryRun(stdout, req, ep.Credentials)
	case verb == "update":
		fmt.Fprintf(stderr, "%s %s\n", req.Method, req.URL)
		body, _ := io.ReadAll(req.Body)
		fmt.Fprintln(stdout, string(body))
	default:
		fmt.Fprintf(stderr, "%s\n", req.Method)
		fmt.Fprintln(stdout, req.URL)
	}
	return 0
}
