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

func ExampleSmartAnalyze() {
	sa := sms.SmartAnalyze("’" + strings.Repeat("a", 100))
	fmt.Println(sa.Before.Encoding, sa.Before.Segments, "->", sa.After.Encoding, sa.After.Segments, "saved", sa.Saved)
	for _, s := range sa.Substitutions {
		fmt.Printf("%d %q -> %q\n", s.Offset, s.Original, s.Replacement)
	}
	// Output:
	// UCS-2 2 -> GSM-7 1 saved 1
	// 0 "’" -> "'"
}

func ExampleSmartOptions_Analyze() {
	body := "It’s 😀"
	calc := sms.SmartAnalyze(body)
	strict, _ := sms.SmartOptions{Policy: sms.SmartIfGSM7}.Analyze(body)
	fmt.Printf("%q %q\n", calc.Body, strict.Body)

	nfc, _ := sms.SmartOptions{NFC: true}.Analyze(strings.Repeat("e\u0301", 70))
	fmt.Println(nfc.Before.Segments, "->", nfc.After.Segments, "NFC saved", nfc.NFCSaved)
	// Output:
	// "It's 😀" "It’s 😀"
	// 3 -> 1 NFC saved 2
}

func ExampleSmartOptions_Encode() {
	body, _ := sms.SmartOptions{Policy: sms.SmartIfGSM7}.Encode("“Hi” 👋")
	fmt.Println(body)
	// Output: “Hi” 👋
}

func ExampleSmartOptions_Suggest() {
	sg, _ := sms.SmartOptions{Core: sms.Options{UDH16: true}}.Suggest("Caf" + "e\u0301" + strings.Repeat(" ok", 30))
	fmt.Println(sg.Before.Segments, "->", sg.After.Segments, "NFC:", sg.NFC)
	// Output: 2 -> 1 NFC: true
}

func ExampleSmartOptions_SuggestSummary() {
	body := strings.Repeat("It’s ok. ", 30)
	sg, _ := sms.SmartOptions{}.SuggestSummary(body)
	fmt.Println(sg.Before.Segments, "->", sg.After.Segments, sg.After.Encoding, len(sg.Fixes))
	// The fixes, one at a time: each distinct character is looked up once.
	seen := map[string]sms.Fix{}
	n := 0
	for c := range sg.Before.NonGSMSeq() {
		if _, ok := seen[c.Text]; !ok {
			seen[c.Text] = sms.FixChar(c)
		}
		n++
	}
	fmt.Println(n, "characters,", len(seen), "different:", seen["’"].Kind, seen["’"].Replacement)
	// Output:
	// 5 -> 2 GSM-7 0
	// 30 characters, 1 different: smart '
}

func ExampleFixChar() {
	for c := range sms.Analyze("e\u0301 “ 😀").NonGSMSeq() {
		f := sms.FixChar(c)
		fmt.Printf("%+q %s %+q\n", c.Text, f.Kind, f.Replacement)
	}
	// Output:
	// "e\u0301" nfc "\u00e9"
	// "\u201c" smart "\""
	// "\U0001f600" none ""
}

func ExampleParseSmartPolicy() {
	p, err := sms.ParseSmartPolicy("gsm-only")
	fmt.Println(p == sms.SmartIfGSM7, err)
	// Output: true <nil>
}

func ExampleAppendSubstitutions() {
	for _, s := range sms.AppendSubstitutions(nil, "a\tb…") {
		fmt.Printf("%d %q -> %q\n", s.Offset, s.Original, s.Replacement)
	}
	// Output:
	// 1 "\t" -> "       "
	// 3 "…" -> "..."
}

func ExampleSuggest() {
	sg := sms.Suggest("Don’t miss it 🎉 " + strings.Repeat("\u200b", 10) + strings.Repeat("x", 50))
	fmt.Println(sg.Before.Segments, "->", sg.After.Segments)
	for _, f := range sg.Fixes[:2] {
		fmt.Printf("%d %q %s %q\n", f.Offset, f.Text, f.Kind, f.Replacement)
	}
	for _, c := range sg.Remaining {
		fmt.Printf("still UCS-2: %q at %d\n", c.Text, c.Offset)
	}
	// Output:
	// 2 -> 1
	// 3 "’" smart "'"
	// 16 "🎉" none ""
	// still UCS-2: "🎉" at 14
}
