package sms_test

import (
	"errors"
	"fmt"

	sms "github.com/smsgauge/sms"
)

func ExampleIsE164() {
	fmt.Println(sms.IsE164("+14155552671"))
	fmt.Println(sms.IsE164("14155552671"))
	fmt.Println(sms.IsE164("+1 415 555 2671"))
	// Output:
	// true
	// false
	// false
}

func ExampleCheckE164() {
	for _, s := range []string{"+14155552671", "+0123", "+1234567890123456", "+1415555ABCD"} {
		var ae *sms.AddressError
		if err := sms.CheckE164(s); errors.As(err, &ae) {
			fmt.Println(s, ae.Rule, ae.Offset)
		} else {
			fmt.Println(s, "ok")
		}
	}
	// Output:
	// +14155552671 ok
	// +0123 country_code_zero 1
	// +1234567890123456 too_many_digits 16
	// +1415555ABCD not_a_digit 8
}

func ExampleParseAddress() {
	for _, s := range []string{"+14155552671", "12345", "MyShop", "whatsapp:+14155552671", "rcs:acme_agent", "telegram:+14155552671"} {
		a, err := sms.ParseAddress(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(a.Channel, a.Kind, a.ID)
	}
	// Output:
	// sms phone +14155552671
	// sms short_code 12345
	// sms sender_id MyShop
	// whatsapp phone +14155552671
	// rcs rcs_agent acme_agent
	// sms: "telegram:+14155552671": unsupported channel prefix at byte 0
}

func ExampleAddressOptions_ParseAddress() {
	lenient := sms.AddressOptions{Lenient: true}
	for _, s := range []string{" +1 (415) 555-2671 ", "＋１４１５５５５２６７１", "+١٤١٥٥٥٥٢٦٧١", "WhatsApp:+44 7400 123456", "\u202e+14155552671"} {
		a, err := lenient.ParseAddress(s)
		fmt.Println(a.Value, err)
	}
	a, err := sms.AddressOptions{Permissive: true}.ParseAddress("Fish&Chips")
	fmt.Println(a.Kind, a.Value, err)
	// Output:
	// +14155552671 <nil>
	// +14155552671 <nil>
	// +14155552671 <nil>
	// whatsapp:+447400123456 <nil>
	//  sms: "\u202e+14155552671": bidirectional control character (can disguise a sender) at byte 0
	// sender_id Fish&Chips <nil>
}

func ExampleAddress_String() {
	a, _ := sms.AddressOptions{Lenient: true}.ParseAddress("whatsapp: +1 415 555 2671")
	fmt.Println(a)
	// Output: whatsapp:+14155552671
}

func ExampleAddress_IsZero() {
	a, err := sms.ParseAddress("")
	fmt.Println(a.IsZero(), err)
	// Output: true sms: "": empty
}

func ExampleChannel_Prefix() {
	fmt.Printf("%q %q\n", sms.ChannelSMS.Prefix(), sms.ChannelWhatsApp.Prefix())
	// Output: "" "whatsapp:"
}

func ExampleChannel_String() {
	fmt.Println(sms.ChannelMessenger)
	// Output: messenger
}

func ExampleAddressKind_String() {
	fmt.Println(sms.AddressSenderID, sms.AddressAgentID)
	// Output: sender_id rcs_agent
}

func ExampleAddressRule_String() {
	fmt.Println(sms.RuleMissingPlus, sms.RuleUnknownChannel)
	// Output: missing_plus unknown_channel
}

func ExampleNumberType_String() {
	fmt.Println(sms.NumberMobile, sms.NumberTollFree)
	// Output: mobile toll_free
}

func ExampleAddressError() {
	_, err := sms.ParseAddress("14155552671")
	var ae *sms.AddressError
	if errors.As(err, &ae) {
		fmt.Println(ae.Rule, errors.Is(err, sms.ErrAddress))
	}
	_, err = sms.ParseAddress("signal:+14155552671")
	fmt.Println(errors.Is(err, sms.RuleUnknownChannel), errors.Is(err, sms.ErrAddress))
	// Output:
	// missing_plus true
	// true true
}

func ExampleAddressError_Error() {
	err := &sms.AddressError{Field: "To", Value: "MyShop", Rule: sms.RuleSenderIDAsTo, Offset: -1}
	fmt.Println(err.Error())
	// Output: sms: To "MyShop": an alphanumeric sender ID can only be a From
}

func ExampleAddressError_Unwrap() {
	err := &sms.AddressError{Rule: sms.RuleChannelMismatch, Offset: -1}
	fmt.Println(err.Unwrap() == sms.ErrRoute)
	// Output: true
}

func ExampleCheckTo() {
	shop, _ := sms.ParseAddress("MyShop")
	fmt.Println(sms.CheckTo(shop))
	// Output: sms: To "MyShop": an alphanumeric sender ID can only be a From
}

func ExampleCheckFrom() {
	shop, _ := sms.ParseAddress("MyShop")
	fmt.Println(sms.CheckFrom(shop), sms.CheckFrom(sms.Address{}))
	// Output: <nil> sms: From "": empty
}

func ExampleCheckRoute() {
	from, _ := sms.ParseAddress("whatsapp:+14155550100")
	to, _ := sms.ParseAddress("+14155552671")
	err := sms.CheckRoute(from, to)
	fmt.Println(err, errors.Is(err, sms.ErrRoute))
	// Output: sms: To "+14155552671": From and To are on different channels true
}

func ExampleCheckFallback() {
	from, _ := sms.ParseAddress("rcs:acme_agent")
	to, _ := sms.ParseAddress("+14155552671")
	fallback, _ := sms.ParseAddress("+14155550100")
	fmt.Println(sms.CheckFallback(from, to, fallback))
	rcsTo, _ := sms.ParseAddress("rcs:+14155552671")
	fmt.Println(sms.CheckFallback(from, rcsTo, fallback))
	// Output:
	// <nil>
	// sms: FallbackFrom "+14155550100": an rcs: To forces RCS, so it cannot have an SMS FallbackFrom
}

func ExampleParseSID() {
	k, err := sms.ParseSID("MG0123456789abcdef0123456789abcdef")
	fmt.Println(k, err)
	k, err = sms.ParseSID("XX0123456789abcdef0123456789abcdef")
	fmt.Println(k, err)
	// Output:
	// Messaging Service <nil>
	// unknown sms: SID "XX0123456789abcdef0123456789abcdef": prefix "XX" is not a known kind
}

func ExampleSIDKind_Check() {
	fmt.Println(sms.SIDAccount.Check("AC0123456789abcdef0123456789abcdef"))
	fmt.Println(sms.SIDAccount.Check("MG0123456789abcdef0123456789abcdef"))
	fmt.Println(sms.SIDAccount.Check("AC0123456789abcdef0123456789abcdeg"))
	fmt.Println(sms.SIDAccount.Check("AC0123"))
	// Output:
	// <nil>
	// sms: Account SID "MG0123456789abcdef0123456789abcdef": prefix "MG", want "AC"
	// sms: Account SID "AC0123456789abcdef0123456789abcdeg": not a hexadecimal digit at byte 33
	// sms: Account SID "AC0123": length 6, want 34 (2-letter prefix and 32 hex digits)
}

func ExampleSIDKind_Prefix() {
	fmt.Println(sms.SIDContent.Prefix(), sms.SIDMessage.Prefix())
	// Output: HX SM
}

func ExampleSIDKind_String() {
	fmt.Println(sms.SIDApplication)
	// Output: Application
}

func ExampleSIDRule_String() {
	fmt.Println(sms.SIDRuleHex)
	// Output: hex
}

func ExampleSIDError() {
	err := sms.MessageSID("SK0123456789abcdef0123456789abcdef").Validate()
	var se *sms.SIDError
	if errors.As(err, &se) {
		fmt.Println(se.Kind, se.Rule, errors.Is(err, sms.ErrSID))
	}
	// Output: Message prefix true
}

func ExampleSIDError_Error() {
	err := &sms.SIDError{Kind: sms.SIDContent, Value: "HX0123", Rule: sms.SIDRuleLength, Offset: 6}
	fmt.Println(err.Error())
	// Output: sms: Content SID "HX0123": length 6, want 34 (2-letter prefix and 32 hex digits)
}

func ExampleSIDError_Unwrap() {
	fmt.Println((&sms.SIDError{}).Unwrap() == sms.ErrSID)
	// Output: true
}

func ExampleAccountSID_Validate() {
	fmt.Println(sms.AccountSID("AC0123456789abcdef0123456789abcdef").Validate())
	// Output: <nil>
}

func ExampleMessagingServiceSID_Validate() {
	fmt.Println(sms.MessagingServiceSID("MG0123456789abcdef0123456789abcdef").Validate())
	// Output: <nil>
}

func ExampleContentSID_Validate() {
	fmt.Println(sms.ContentSID("HX0123456789abcdef0123456789abcdeZ").Validate())
	// Output: sms: Content SID "HX0123456789abcdef0123456789abcdeZ": not a hexadecimal digit at byte 33
}

func ExampleApplicationSID_Validate() {
	fmt.Println(sms.ApplicationSID("AP0123456789abcdef0123456789abcdef").Validate())
	// Output: <nil>
}

func ExampleMessageSID_Validate() {
	fmt.Println(sms.MessageSID("MM0123456789abcdef0123456789abcdef").Validate())
	// Output: <nil>
}

func ExampleAPIKeySID_Validate() {
	fmt.Println(sms.APIKeySID("SK0123456789abcdef0123456789abcdef").Validate())
	// Output: <nil>
}
