package sms_test

import (
	"errors"
	"fmt"
	"strings"

	sms "github.com/smsgauge/sms"
)

func ExampleFit() {
	body := "Your order #4411 has shipped and will arrive on Tuesday between 9:00 and 12:00. " +
		"Track it at https://example.com/t/4411 or reply STOP to opt out of these updates."
	r, err := sms.Fit(body, 1)
	if err != nil {
		panic(err)
	}
	fmt.Println(r.Before.Segments, "->", r.After.Segments, "segment")
	fmt.Println(r.Cut, r.CutGraphemes, "characters cut")
	fmt.Println(r.Body)
	// Output:
	// 2 -> 1 segment
	// true 4 characters cut
	// Your order #4411 has shipped and will arrive on Tuesday between 9:00 and 12:00. Track it at https://example.com/t/4411 or reply STOP to opt out of these upda...
}

func ExampleFitOptions_Fit() {
	// An emoji at the end makes the whole body UCS-2 (3 segments); without
	// it the rest is GSM-7 and fits in one, with room for the suffix.
	body := strings.Repeat("a", 150) + "🎉 see you"
	r, _ := sms.FitOptions{Suffix: " [+]"}.Fit(body, 1)
	fmt.Println(r.Before.Encoding, r.Before.Segments, "->", r.After.Encoding, r.After.Segments)
	fmt.Printf("kept %d bytes, cut %d: ...%q\n", r.Kept, r.CutBytes, r.Body[140:])

	// No suffix at all.
	r, _ = sms.FitOptions{NoSuffix: true}.Fit(strings.Repeat("b", 200), 1)
	fmt.Println(len(r.Body), r.Suffix == "")

	// A suffix that cannot fit is an error.
	_, err := sms.FitOptions{Suffix: strings.Repeat("z", 200)}.Fit(body, 1)
	fmt.Println(errors.Is(err, sms.ErrSuffixTooLong), errors.Is(err, sms.ErrInvalidOption))
	_, err = sms.Fit(body, 0)
	fmt.Println(err)
	// Output:
	// UCS-2 3 -> GSM-7 1
	// kept 150 bytes, cut 12: ..."aaaaaaaaaa [+]"
	// 160 true
	// true true
	// sms: invalid option maxSegments: "0": at least 1 segment is needed
}

func ExampleLineBreakCost() {
	// An HTML form submits a textarea's line breaks as CR LF, which Twilio
	// bills as two characters.
	l := sms.LineBreakCost(strings.Repeat("a", 80) + "\r\n" + strings.Repeat("a", 79))
	fmt.Println(l)
	fmt.Println(l.CRLF, l.Segments, l.LFSegments, l.Saved())
	// The same text as a textarea's value, with a lone LF.
	fmt.Println(sms.LineBreakCost(strings.Repeat("a", 80) + "\n" + strings.Repeat("a", 79)))
	// Output:
	// 1 CRLF; with LF: 1 segment instead of 2
	// 1 2 1 1
	// 1 LF; as CRLF (an HTML form): 2 segments instead of 1
}

func ExampleOptions_LineBreakCost() {
	l, err := sms.Options{UDH16: true}.LineBreakCost(strings.Repeat("ok\r\n", 77))
	if err != nil {
		panic(err)
	}
	fmt.Println(l)
	// Output: 77 CRLF; with LF: 2 segments instead of 3
}

func ExampleLineBreaks_String() {
	fmt.Println(sms.LineBreakCost("Hi\r\nthere"))
	fmt.Println(sms.LineBreakCost("Hi there"))
	// Output:
	// 1 CRLF; with LF: the same 1 segment
	// no line breaks
}

func ExampleLineBreaks_Saved() {
	body := strings.Repeat("a", 80) + "\r\n" + strings.Repeat("a", 79)
	fmt.Println(sms.LineBreakCost(body).Saved(), "segment saved by LF")
	// Output: 1 segment saved by LF
}
