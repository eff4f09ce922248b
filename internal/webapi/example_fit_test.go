package webapi_test

import (
	"fmt"
	"strings"

	"github.com/smsgauge/sms/internal/webapi"
)

// kept is the UTF-16 index of the cut in the input.
func ExampleAppendFit() {
	b, _ := webapi.AppendFit(nil, strings.Repeat("a", 150)+"😀 bye", 1, webapi.FitOptions{Suffix: "…"})
	fmt.Println(string(b))
	b, _ = webapi.AppendFit(nil, strings.Repeat("a", 150)+"😀 bye", 1, webapi.FitOptions{})
	fmt.Println(string(b))
	// Output:
	// {"body":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…","cut":true,"kept":69,"cutCharacters":86,"suffix":"…","encoding":"UCS-2","segments":1,"characters":70,"units":70,"before":{"encoding":"UCS-2","segments":3,"characters":155,"units":156}}
	// {"body":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa...","cut":true,"kept":150,"cutCharacters":5,"suffix":"...","encoding":"GSM-7","segments":1,"characters":153,"units":153,"before":{"encoding":"UCS-2","segments":3,"characters":155,"units":156}}
}

func ExampleAppendErrorObject() {
	e := &webapi.Error{Code: "missing_plus", Message: `sms: "14155552671": number without leading +`, Param: "To", TwilioCode: 21211}
	fmt.Println(string(webapi.AppendErrorObject(nil, e)))
	// Output: {"error":{"code":"missing_plus","message":"sms: \"14155552671\": number without leading +","param":"To","twilioCode":21211}}
}
