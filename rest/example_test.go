package rest_test

import (
	"context"
	"fmt"
	"io"
	"time"

	sms "github.com/smsgauge/sms"
	"github.com/smsgauge/sms/rest"
)

const (
	exAccount = "AC0123456789abcdef0123456789abcdef"
	exService = "MG0123456789abcdef0123456789abcdef"
	exMessage = "SM0123456789abcdef0123456789abcdef"
)

var exEndpoint = rest.Endpoint{Credentials: rest.Credentials{Username: exAccount, Secret: "authtoken0123456789"}}

// fixedClock is the clock of the examples that schedule.
func fixedClock() time.Time { return time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC) }

func ExampleEndpoint_CreateRequest() {
	m := sms.CreateMessage{To: "+14155552671", From: "+14155550100", Body: "Hi"}
	req, err := exEndpoint.CreateRequest(context.Background(), m)
	if err != nil {
		fmt.Println(err)
		return
	}
	body, _ := io.ReadAll(req.Body)
	fmt.Println(req.Method, req.URL)
	fmt.Println(req.Header.Get("Content-Type"))
	fmt.Println(string(body))
	// Output:
	// POST https://api.twilio.com/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages.json
	// application/x-www-form-urlencoded
	// Body=Hi&From=%2B14155550100&To=%2B14155552671
}

func ExampleEndpoint_CreateRequest_rules() {
	m := sms.CreateMessage{To: "+14155552671", MessagingServiceSid: exService, Body: "Reminder",
		ScheduleType: sms.ScheduleFixed, SendAt: fixedClock().Add(time.Hour)}
	ep := exEndpoint
	ep.Edge = "frankfurt"
	ep.Rules = sms.Rules{Now: fixedClock}
	req, err := ep.CreateRequest(context.Background(), m)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(req.URL.Host)
	// Output:
	// api.frankfurt.us1.twilio.com
}

func ExampleSecret() {
	c := rest.Credentials{Username: exAccount, Secret: "authtoken0123456789"}
	fmt.Printf("%v\n%+v\n", c.Secret, c)
	// Output:
	// [REDACTED]
	// {Username:AC0123456789abcdef0123456789abcdef Secret:[REDACTED]}
}

func ExampleSecret_String() {
	s := rest.Secret("your_auth_token_here")
	fmt.Println(s)
	fmt.Printf("%v %#v\n", s, s)
	// Output:
	// [REDACTED]
	// [REDACTED] rest.Secret("[REDACTED]")
}

func ExampleEndpoint_BaseURL() {
	fmt.Println(rest.Endpoint{}.BaseURL())
	fmt.Println(rest.Endpoint{Edge: "sydney", Region: "au1"}.BaseURL())
	fmt.Println(rest.Endpoint{Edge: "frankfurt"}.BaseURL())
	// Output:
	// https://api.twilio.com
	// https://api.sydney.au1.twilio.com
	// https://api.frankfurt.us1.twilio.com
}

func ExampleEndpoint_Validate() {
	ep := rest.Endpoint{Credentials: rest.Credentials{Username: "SK0123456789abcdef0123456789abcdef", Secret: "keysecret"}}
	fmt.Println(ep.Validate())
	ep.AccountSid = exAccount
	fmt.Println(ep.Validate())
	// Output:
	// sms: AccountSid: required: give AccountSid, or an Account SID as Credentials.Username
	// <nil>
}

func ExampleEndpoint_Account() {
	fmt.Println(exEndpoint.Account())
	// Output:
	// AC0123456789abcdef0123456789abcdef
}

func ExampleEndpoint_UpdateRequest() {
	req, _ := exEndpoint.UpdateRequest(context.Background(), sms.UpdateMessage{Sid: exMessage, Status: sms.StatusCanceled})
	body, _ := io.ReadAll(req.Body)
	fmt.Println(req.Method, req.URL.Path, string(body))
	// Output:
	// POST /2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages/SM0123456789abcdef0123456789abcdef.json Status=canceled
}

func ExampleEndpoint_ListRequest() {
	req, _ := exEndpoint.ListRequest(context.Background(), sms.ListMessages{PageSize: 50})
	fmt.Println(req.Method, req.URL)
	// Output:
	// GET https://api.twilio.com/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages.json?PageSize=50
}

func ExampleEndpoint_FetchRequest() {
	req, _ := exEndpoint.FetchRequest(context.Background(), sms.FetchMessage{Sid: exMessage})
	fmt.Println(req.Method, req.URL.Path)
	// Output:
	// GET /2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages/SM0123456789abcdef0123456789abcdef.json
}

func ExampleEndpoint_DeleteRequest() {
	req, _ := exEndpoint.DeleteRequest(context.Background(), sms.DeleteMessage{Sid: exMessage})
	fmt.Println(req.Method, req.URL.Path)
	// Output:
	// DELETE /2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages/SM0123456789abcdef0123456789abcdef.json
}
