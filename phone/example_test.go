package phone_test

import (
	"fmt"

	sms "github.com/smsgauge/sms"
	"github.com/smsgauge/sms/phone"
)

func ExampleParse() {
	n, err := phone.Parse("(415) 555-2671", "US")
	fmt.Println(n.E164, n.Region, n.CallingCode, n.Possible, n.Valid, n.Type, err)
	n, err = phone.Parse("07400 123456", "GB")
	fmt.Println(n.E164, n.Region, n.Type, err)
	n, err = phone.Parse("+1 800 555 1234", "")
	fmt.Println(n.E164, n.Type, err)
	_, err = phone.Parse("415 555 2671", "")
	fmt.Println(err)
	// Output:
	// +14155552671 US 1 true true fixed_line_or_mobile <nil>
	// +447400123456 GB mobile <nil>
	// +18005551234 toll_free <nil>
	// sms: "415 555 2671": number without leading + (E.164 required; set Lenient, Region and Numbers to read national numbers)
}

func ExampleNormalize() {
	s, err := phone.Normalize("030 123456", "DE")
	fmt.Println(s, err)
	// Output: +4930123456 <nil>
}

func ExampleParser_ParseNumber() {
	o := sms.AddressOptions{Lenient: true, Region: "US", Numbers: phone.Parser{}}
	a, err := o.ParseAddress("whatsapp:(415) 555-2671")
	fmt.Println(a.Value, a.Number.Region, a.Number.Valid, err)
	// Output: whatsapp:+14155552671 US true <nil>
}

func ExampleRegions() {
	fmt.Println(phone.Regions(44), len(phone.Regions(1)) > 10, phone.Regions(999))
	// Output:
	// [GB GG IM JE] true []
}

func ExampleValidRegion() {
	fmt.Println(phone.ValidRegion("+14165550123"))
	fmt.Println(phone.ValidRegion("+447400123456"))
	fmt.Println(phone.ValidRegion("+15550100"))
	// Output:
	// CA 1 true
	// GB 44 true
	//  0 false
}
