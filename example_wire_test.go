package sms_test

import (
	"errors"
	"fmt"
	"strings"

	"golang.org/x/text/encoding"

	sms "github.com/smsgauge/sms"
)

func ExampleEncodeSegments() {
	parts, err := sms.EncodeSegments(strings.Repeat("a", 161), sms.EncodeOptions{Reference: 7})
	if err != nil {
		panic(err)
	}
	for _, p := range parts {
		fmt.Printf("UDH %X, %d octets of user data, UDL %d, DCS %#02x\n", p.UDH, len(p.UserData), p.UDL, p.DCS)
	}
	// Output:
	// UDH 050003070201, 134 octets of user data, UDL 160, DCS 0x00
	// UDH 050003070202, 8 octets of user data, UDL 15, DCS 0x00
}

func ExampleEncodeOptions_AppendSegments() {
	// Reuse the buffers from message to message: no allocation once they
	// are large enough.
	buf := make([]byte, 0, 4096)
	parts := make([]sms.Part, 0, 16)
	o := sms.EncodeOptions{Unpacked: true} // SMPP data_coding 0 style
	buf, parts, err := o.AppendSegments(buf[:0], parts[:0], "Hi {you}")
	if err != nil {
		panic(err)
	}
	fmt.Printf("% X (DCS %d)\n", parts[0].UserData, parts[0].DCS)
	// Output:
	// 48 69 20 1B 28 79 6F 75 1B 29 (DCS 0)
}

func ExampleEncodeOptions_Plan() {
	body := strings.Repeat("Şu an İstanbul'da güzel bir gün. ", 6)
	def, _ := sms.EncodeOptions{}.Plan(body)
	fmt.Println(def.Encoding, def.Segments)
	tr, _ := sms.EncodeOptions{Languages: []sms.Language{sms.LanguageTurkish}}.Plan(body)
	fmt.Println(tr.Encoding, tr.Segments, tr.Locking, tr.Single, tr.UDHOctets)
	fmt.Println(tr.Reason)
	// Output:
	// UCS-2 3
	// GSM-7 2 default Turkish 9
	// GSM-7 with the Turkish single shift table: 2 segment(s) instead of 3 in UCS-2, paying 3 header octets per segment for the shift element(s)
}

func ExamplePlan_AppendSegment() {
	p, err := sms.EncodeOptions{Reference: 1}.Plan(strings.Repeat("ab", 100))
	if err != nil {
		panic(err)
	}
	dst := make([]byte, 0, 256)
	for i := 0; i < p.Segments; i++ {
		var part sms.Part
		dst, part, err = p.AppendSegment(dst[:0], i)
		if err != nil {
			panic(err)
		}
		fmt.Printf("%X %d septets\n", part.UDH, part.Segment.Units)
	}
	// Output:
	// 050003010201 153 septets
	// 050003010202 47 septets
}

func ExamplePlan_SplitSeq() {
	p, _ := sms.EncodeOptions{Languages: []sms.Language{sms.LanguageSpanish}}.Plan(strings.Repeat("¿Cómo estás? Aquí, sí. ", 10))
	for s := range p.SplitSeq() {
		fmt.Println(s.Index, s.Units, s.Capacity)
	}
	// Output:
	// 0 149 149
	// 1 121 149
}

func ExampleReassemble() {
	parts, _ := sms.EncodeSegments(strings.Repeat("héllo ", 40), sms.EncodeOptions{Reference: 3})
	// Parts may arrive in any order.
	parts[0], parts[1] = parts[1], parts[0]
	body, err := sms.Reassemble(parts)
	fmt.Println(len(parts), err, body == strings.Repeat("héllo ", 40))

	_, err = sms.Reassemble(parts[:1])
	fmt.Println(errors.Is(err, sms.ErrMissingPart), err)
	// Output:
	// 2 <nil> true
	// true sms: missing part of a concatenated message: part 1 of 2
}

func ExampleParseUDH() {
	// A header with an application port element before the concatenation one.
	ud := []byte{0x0B, 0x05, 0x04, 0x0B, 0x84, 0x23, 0xF0, 0x00, 0x03, 0x2A, 0x02, 0x01, 'h', 'i'}
	h, n, err := sms.ParseUDH(ud)
	fmt.Println(h.Reference, h.Sequence, h.Total, n, err)
	// Output:
	// 42 1 2 12 <nil>
}

func ExampleUDH_AppendTo() {
	h := sms.UDH{Concat: true, Ref16: true, Reference: 0x1234, Total: 3, Sequence: 1, LockingShift: sms.LanguagePortuguese}
	fmt.Printf("%X %d\n", h.AppendTo(nil), h.Len())
	// Output:
	// 09080412340301250103 10
}

func ExampleUDH_Len() {
	fmt.Println(sms.UDH{}.Len(), sms.UDH{Concat: true}.Len(), sms.UDH{Concat: true, Ref16: true}.Len(),
		sms.UDH{Concat: true, SingleShift: sms.LanguageTurkish, LockingShift: sms.LanguageTurkish}.Len())
	// Output:
	// 0 6 7 12
}

func ExampleAppendPacked() {
	fmt.Printf("% X\n", sms.AppendPacked(nil, []byte("hellohello"), 0))
	// Output:
	// E8 32 9B FD 46 97 D9 EC 37
}

func ExampleAppendUnpacked() {
	septets, err := sms.AppendUnpacked(nil, []byte{0xE8, 0x32, 0x9B, 0xFD, 0x06}, 0, 5)
	fmt.Printf("%s %v\n", septets, err)
	// Output:
	// hello <nil>
}

func ExampleFillBits() {
	fmt.Println(sms.FillBits(6), sms.FillBits(7), sms.FillBits(9))
	// Output:
	// 1 0 5
}

func ExamplePackedLen() {
	fmt.Println(sms.PackedLen(160, 0), sms.PackedLen(153, 1), sms.PackedLen(8, 0))
	// Output:
	// 140 134 7
}

func ExampleParseLanguage() {
	l, err := sms.ParseLanguage("tr")
	fmt.Println(l, l.Code(), l.HasLockingShift(), err)
	es, _ := sms.ParseLanguage("Spanish")
	fmt.Println(es, es.HasLockingShift())
	_, err = sms.ParseLanguage("fr")
	fmt.Println(errors.Is(err, sms.ErrUnknownLanguage))
	// Output:
	// Turkish tr true <nil>
	// Spanish false
	// true
}

func ExampleLanguage_String() {
	fmt.Println(sms.LanguageHindi, sms.LanguageNone, sms.Language(42))
	// Output:
	// Hindi default Language(42)
}

func ExampleLanguage_Code() {
	fmt.Println(sms.LanguageUrdu.Code(), sms.LanguagePortuguese.Code())
	// Output:
	// ur pt
}

func ExampleLanguage_HasLockingShift() {
	fmt.Println(sms.LanguageSpanish.HasLockingShift(), sms.LanguageTamil.HasLockingShift())
	// Output:
	// false true
}

func ExampleGSM7() {
	septets, err := sms.GSM7.NewEncoder().String("Price: 5€ {ok}")
	fmt.Printf("% X %v\n", septets, err)
	text, err := sms.GSM7.NewDecoder().String(septets)
	fmt.Println(text, err)
	// Runes outside GSM-7 fail, or become '?' with ReplaceUnsupported.
	_, err = sms.GSM7.NewEncoder().String("ş")
	fmt.Println(errors.Is(err, sms.ErrNotGSM7))
	s, _ := encoding.ReplaceUnsupported(sms.GSM7.NewEncoder()).String("aşb")
	fmt.Println(s)
	// Output:
	// 50 72 69 63 65 3A 20 35 1B 65 20 1B 28 6F 6B 1B 29 <nil>
	// Price: 5€ {ok} <nil>
	// true
	// a?b
}
