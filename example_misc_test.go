package sms_test

import (
	"fmt"

	sms "github.com/smsgauge/sms"
)

func ExampleFlag_Bool() {
	m := sms.CreateMessage{SmartEncoded: sms.FlagTrue}
	fmt.Println(m.SmartEncoded.Bool(), m.SendAsMms.Bool(), m.SendAsMms == sms.FlagUnset)
	// Output: true false true
}

func ExampleSmartPolicy_String() {
	fmt.Println(sms.SmartAlways, sms.SmartIfGSM7)
	// Output: calculator gsm-only
}

func ExampleFixKind_String() {
	for _, f := range sms.Suggest("It’s e\u0301 😀").Fixes {
		fmt.Println(f.Offset, f.Kind)
	}
	// Output:
	// 2 smart
	// 7 nfc
	// 11 none
}
