package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"

	"github.com/smsgauge/sms"
	"github.com/smsgauge/sms/rest"
)

// runResourceRequest handles "request update|list|fetch|delete". Update
// prints its form body; list, fetch and delete print the URL to request.
// -dry-run prints the whole HTTP request with the secret masked.
func runResourceRequest(verb string, args []string, stdout, stderr io.Writer) int {
	about := ""
	for _, v := range requestVerbs {
		if v.name == verb {
			about = strings.ToUpper(v.about[:1]) + v.about[1:] + "."
		}
	}
	fs := newFlags("request "+verb, cmdUsage{synopsis: []string{"smsgauge request " + verb + " [flags]"}, about: about})
	var (
		sets    paramSetFlag
		account = fs.String("account", "", "Account SID (AC…) for the URL; default $TWILIO_ACCOUNT_SID")
		edge    = fs.String("edge", "", "Twilio edge location, such as frankfurt")
		region  = fs.String("region", "", "Twilio region, such as ie1 (us1 when -edge is given)")
		dryRun  = fs.Bool("dry-run", false, "print the whole HTTP request, secret masked")
		sid     *string
		redact  *bool
		status  *string
	)
	if verb != "list" {
		sid = fs.String("sid", "", "Message SID (SM… or MM…)")
	}
	if verb == "update" {
		redact = fs.Bool("redact", false, "erase the message text (Body=\"\")")
		status = fs.String("status", "", "`canceled` cancels a scheduled message")
	}
	if verb == "list" {
		fs.Var(&sets, "set", "a filter as Name=value: To, From, DateSent, DateSent<, DateSent>, PageSize, Page, PageToken")
	}
	pos, code, ok := fs.parse(args, stdout, stderr)
	if !ok {
		return code
	}
	if len(pos) > 0 {
		fmt.Fprintf(stderr, "smsgauge request %s: unexpected argument %q\n", verb, pos[0])
		return 2
	}
	acct := *account
	if acct == "" {
		acct = os.Getenv("TWILIO_ACCOUNT_SID")
	}
	ep := rest.Endpoint{AccountSid: acct, Edge: *edge, Region: *region}
	placeholder := false
	if *dryRun {
		ep.Credentials = credentialsFromEnv()
		placeholder = dryRunAccount(&ep, stderr)
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
		writeDryRun(stdout, req, ep.Credentials, placeholder)
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
