package sms_test

import (
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/text/transform"

	"github.com/smsgauge/sms"
)

func ExampleSmartEncode() {
	fmt.Printf("%q\n", sms.SmartEncode("“Don’t” — it’s\u00a0½ price…"))
	// Output: "\"Don't\" - it's  1/2 price..."
}

func ExampleSmartEncodeBytes() {
	fmt.Printf("%s\n", sms.SmartEncodeBytes([]byte("ＦＵＬＬ\u200bWIDTH")))
	// Output: FULLWIDTH
}

func ExampleAppendSmartEncode() {
	buf := []byte("Body: ")
	buf = sms.AppendSmartEncode(buf, []byte("«Привет»"))
	fmt.Printf("%s\n", buf)
	// Output: Body: "Привет"
}

func ExampleSmartEncoder() {
	r := transform.NewReader(strings.NewReader("It’s a “stream”\n"), sms.SmartEncoder{})
	io.Copy(os.Stdout, r)
	// Output: It's a "stream"
}
