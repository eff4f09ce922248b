package sms_test

import (
	"errors"
	"fmt"
	"strings"

	sms "github.com/smsgauge/sms"
)

func ExampleAnalyze() {
	a := sms.Analyze("Your code is 4821")
	fmt.Println(a.Encoding, a.Segments, a.Characters)

	a = sms.Analyze("It’s 5€") // the curly apostrophe is not GSM-7
	fmt.Println(a.Encoding, a.Segments, a.Characters, a.FirstNonGSM)
	// Output:
	// GSM-7 1 17
	// UCS-2 1 7 2
}

func ExampleAnalyzeBytes() {
	a := sms.AnalyzeBytes([]byte(strings.Repeat("a", 161)))
	fmt.Println(a.Encoding, a.Segments, a.Capacity, a.TotalBits)
	// Output: GSM-7 2 153 1223
}

func ExampleOptions_Analyze() {
	_, err := sms.Options{Encoding: sms.EncodingGSM7}.Analyze("naïve")
	var ee *sms.EncodingError
	if errors.As(err, &ee) {
		fmt.Println(errors.Is(err, sms.ErrNotGSM7), ee.Chars[0].Text, ee.Chars[0].Offset)
	}

	a, _ := sms.Options{UDH16: true}.Analyze(strings.Repeat("a", 305))
	fmt.Println(a.Segments, a.Capacity, a.UDHOctets)
	// Output:
	// true ï 2
	// 3 152 7
}

func ExampleOptions_AnalyzeBytes() {
	a, _ := sms.Options{Encoding: sms.EncodingUCS2}.AnalyzeBytes([]byte("hello"))
	fmt.Println(a.Encoding, a.Units, a.MessageBits)
	// Output: UCS-2 5 80
}

func ExampleSplit() {
	// The euro sign (two septets) does not fit after 152 septets: it moves
	// whole to the second part.
	for _, s := range sms.Split(strings.Repeat("a", 152) + "€ and more") {
		fmt.Printf("%d/%d %q\n", s.Units, s.Capacity, s.Text[len(s.Text)-3:])
	}
	// Output:
	// 152/153 "aaa"
	// 11/153 "ore"
}

func ExampleSplitSeq() {
	// A flag is one cluster: it never straddles two parts.
	for s := range sms.SplitSeq(strings.Repeat("x", 66) + "🇫🇷 ok") {
		fmt.Printf("%d %d/%d %q\n", s.Index, s.Units, s.Capacity, s.Text[len(s.Text)-2:])
	}
	// Output:
	// 0 66/67 "xx"
	// 1 7/67 "ok"
}

func ExampleAppendSplit() {
	buf := make([]sms.Segment, 0, 8) // reused: no allocation
	for _, body := range []string{"Your code is 1234", strings.Repeat("Long notice. ", 20)} {
		buf = sms.AppendSplit(buf[:0], body)
		fmt.Println(len(buf), buf[len(buf)-1].Units)
	}
	// Output:
	// 1 17
	// 2 107
}

func ExampleOptions_AppendSplit() {
	var buf []sms.Segment
	buf, err := sms.Options{Encoding: sms.EncodingGSM7}.AppendSplit(buf, "Привет")
	fmt.Println(len(buf), errors.Is(err, sms.ErrNotGSM7))
	buf, _ = sms.Options{UDH16: true}.AppendSplit(buf, strings.Repeat("ж", 71))
	fmt.Println(len(buf), buf[0].Units, buf[1].Units)
	// Output:
	// 0 true
	// 2 66 5
}

func ExampleOptions_Split() {
	segs, _ := sms.Options{UDH16: true}.Split(strings.Repeat("ж", 71))
	fmt.Println(len(segs), segs[0].Units, segs[1].Units)
	// Output: 2 66 5
}

func ExampleAnalysis_SplitSeq() {
	// The emoji with its skin tone (4 units) does not fit after 66 units.
	a := sms.Analyze(strings.Repeat("ж", 66) + "👍🏽!")
	for s := range a.SplitSeq() {
		fmt.Println(s.Index, s.Units, s.Capacity, s.Bits)
	}
	// Output:
	// 0 66 67 1056
	// 1 5 67 80
}

func ExampleAnalysis_AppendSplit() {
	buf := make([]sms.Segment, 0, 8) // reused: no allocation
	buf = sms.Analyze(strings.Repeat("x", 400)).AppendSplit(buf[:0])
	fmt.Println(len(buf), buf[2].Units)
	// Output: 3 94
}

func ExampleAnalysis_NonGSMSeq() {
	for c := range sms.Analyze("“Hi” — e\u0301").NonGSMSeq() {
		fmt.Printf("%d %+q %d\n", c.Offset, c.Text, c.Units)
	}
	// Output:
	// 0 "\u201c" 1
	// 5 "\u201d" 1
	// 9 "\u2014" 1
	// 13 "e\u0301" 2
}

func ExampleAnalysis_AppendNonGSM() {
	chars := sms.Analyze("ok \xff").AppendNonGSM(nil)
	fmt.Println(len(chars), chars[0].Offset, chars[0].Invalid)
	// Output: 1 3 true
}

func ExampleIsGSM7() {
	fmt.Println(sms.IsGSM7('Ç'), sms.IsGSM7('ç'), sms.IsGSM7('`'), sms.IsGSM7('€'))
	// Output: true false false true
}

func ExampleGSM7Septets() {
	fmt.Println(sms.GSM7Septets('a'), sms.GSM7Septets('{'), sms.GSM7Septets('ж'))
	// Output: 1 2 0
}

func ExampleParseEncoding() {
	e, err := sms.ParseEncoding("ucs-2")
	fmt.Println(e, err)
	_, err = sms.ParseEncoding("utf-8")
	fmt.Println(errors.Is(err, sms.ErrInvalidOption))
	// Output:
	// UCS-2 <nil>
	// true
}

func ExampleEncoding_String() {
	fmt.Println(sms.EncodingGSM7, sms.EncodingUCS2, sms.EncodingAuto)
	// Output: GSM-7 UCS-2 auto
}

func ExampleEncoding_MarshalText() {
	b, _ := sms.EncodingUCS2.MarshalText()
	fmt.Println(string(b))
	// Output: UCS-2
}

func ExampleEncoding_UnmarshalText() {
	var e sms.Encoding
	err := e.UnmarshalText([]byte("GSM-7"))
	fmt.Println(e, err)
	// Output: GSM-7 <nil>
}

func ExampleRCSSegments() {
	fmt.Println(sms.RCSSegments(""), sms.RCSSegments(strings.Repeat("a", 161)), sms.RCSSegments(strings.Repeat("ж", 80)))
	// Output: 0 2 1
}

func ExampleEncodingError() {
	_, err := sms.Options{Encoding: sms.EncodingGSM7}.Split("Hello 😀")
	fmt.Println(err)
	// Output: sms: body cannot be encoded in GSM-7: 1 character(s) outside it: "\U0001f600" at byte 6
}
