package webapi_test

import (
	"fmt"

	"github.com/smsgauge/sms/internal/webapi"
)

func ExampleAppendCount() {
	b, _ := webapi.AppendCount(nil, "It’s 5€", webapi.AnalyzeOptions{})
	fmt.Println(string(b))
	b, _ = webapi.AppendCount(nil, "It’s 5€", webapi.AnalyzeOptions{Smart: true})
	fmt.Println(string(b))
	// Output:
	// {"encoding":"UCS-2","segments":1,"characters":7,"units":7,"capacity":70,"used":7,"left":63,"saved":0}
	// {"encoding":"GSM-7","segments":1,"characters":8,"units":8,"capacity":160,"used":8,"left":152,"saved":0}
}

func ExampleCountBody() {
	c, _ := webapi.CountBody("😀 at the start", webapi.AnalyzeOptions{})
	fmt.Println(c.Encoding, c.Segments, c.Left)
	// Output: UCS-2 1 55
}

// Offsets are UTF-16 indices, as JavaScript's String.prototype.slice takes.
func ExampleAppendAnalysis() {
	b, _ := webapi.AppendAnalysis(nil, "😀é’", webapi.AnalyzeOptions{})
	fmt.Println(string(b))
	// Output:
	// {"encoding":"UCS-2","segments":1,"characters":3,"units":4,"graphemes":3,"scalars":3,"capacity":70,"udhOctets":0,"messageBits":64,"totalBits":64,"invalid":0,"length":4,"parts":[{"index":0,"start":0,"end":4,"text":"😀é’","used":4,"capacity":70,"bits":64}],"nonGSM":[{"start":0,"end":2,"text":"😀","units":2},{"start":3,"end":4,"text":"’","units":1}]}
}

// A suggestion changes the body only when that saves a segment; the fixes
// say what would avoid each costly character anyway.
func ExampleAppendSuggestion() {
	b, _ := webapi.AppendSuggestion(nil, "Don’t", false)
	fmt.Println(string(b))
	// Output:
	// {"body":"Don’t","nfc":false,"smart":false,"smartOnlyShrinking":false,"saved":0,"changes":1,"before":{"encoding":"UCS-2","segments":1,"characters":5,"units":5},"after":{"encoding":"UCS-2","segments":1,"characters":5,"units":5},"fixes":[{"start":3,"end":4,"text":"’","fix":"smart","replacement":"'"}],"remaining":[{"start":3,"end":4,"text":"’"}]}
}

func ExampleAppendError() {
	fmt.Println(string(webapi.AppendError(nil, "unknown_option", `sms: unknown option "bogus" in options`, "options.bogus")))
	// Output: {"error":{"code":"unknown_option","message":"sms: unknown option \"bogus\" in options","param":"options.bogus"}}
}

func ExampleUTF16Len() {
	fmt.Println(webapi.UTF16Len("a😀"))
	// Output: 3
}
