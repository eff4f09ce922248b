package sms_test

import (
	"errors"
	"fmt"

	sms "github.com/smsgauge/sms"
)

func ExampleTwilioErrorURL() {
	err := sms.CreateMessage{To: "+1415abc", From: "+14155550100", Body: "Hi"}.Validate()
	var pe *sms.ParamError
	if errors.As(err, &pe) {
		fmt.Println(pe.Param, pe.TwilioCode, sms.TwilioErrorURL(pe.TwilioCode))
	}
	// Output: To 21211 https://www.twilio.com/docs/api/errors/21211
}

func ExampleAddressError_TwilioCode() {
	a, _ := sms.ParseAddress("Acme")
	var ae *sms.AddressError
	if errors.As(sms.CheckTo(a), &ae) {
		fmt.Println(ae.Field, ae.Rule, ae.TwilioCode())
	}
	// An unsupported channel prefix has no code in Twilio's dictionary.
	_, err := sms.ParseAddress("telegram:+14155552671")
	if errors.As(err, &ae) {
		ae.Field = "To"
		fmt.Println(ae.Rule, ae.TwilioCode())
	}
	// Output:
	// To sender_id_as_to 21211
	// unknown_channel 0
}

func ExampleParamError_twilioCode() {
	m := sms.CreateMessage{To: "+14155552671", MessagingServiceSid: "MG0123456789abcdef0123456789abcdef"}
	for _, pe := range sms.ParamErrors(m.Validate()) {
		fmt.Println(pe.Param, pe.TwilioCode)
	}
	// Output: Body 21619
}
