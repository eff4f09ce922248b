package webforms_test

import (
	"fmt"

	"github.com/smsgauge/sms/internal/webapi/webforms"
	"github.com/smsgauge/sms/phone"
)

func ExampleAppendAddress() {
	b, _ := webforms.AppendAddress(nil, "(415) 555-2671", webforms.AddressOptions{As: "to", Region: "US", Lenient: true}, phone.Parser{})
	fmt.Println(string(b))
	_, err := webforms.AppendAddress(nil, "Acme", webforms.AddressOptions{As: "to"}, nil)
	fmt.Println(err != nil)
	// Output:
	// {"kind":"phone","channel":"sms","value":"+14155552671","id":"+14155552671","number":{"e164":"+14155552671","region":"US","callingCode":1,"possible":true,"valid":true,"type":"fixed_line_or_mobile"}}
	// true
}

func ExampleAppendCreateForm() {
	b, _ := webforms.AppendCreateForm(nil, []byte(`{"To":"+14155552671","From":"+15017122661","Body":"Hi"}`))
	fmt.Println(string(b))
	// Output:
	// {"valid":true,"form":"Body=Hi&From=%2B15017122661&To=%2B14155552671","fields":[["Body","Hi"],["From","+15017122661"],["To","+14155552671"]],"errors":[],"warnings":[],"estimate":{"encoding":"GSM-7","segments":1,"characters":2}}
}
