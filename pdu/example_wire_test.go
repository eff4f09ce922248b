package pdu_test

import (
	"errors"
	"fmt"
	"strings"

	"golang.org/x/text/encoding"

	sms "github.com/smsgauge/sms"
	"github.com/smsgauge/sms/pdu"
)

func ExampleEncodeSegments() {
	parts, err := pdu.EncodeSegments(strings.Repeat("a", 161), pdu.EncodeOptions{Reference: 7})
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
	parts := make([]pdu.Part, 0, 16)
	o := pdu.EncodeOptions{Unpacked: true} // SMPP data_coding 0 style
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
	def, _ := pdu.EncodeOptions{}.Plan(body)
	fmt.Println(def.Encoding, def.Segments)
	tr, _ := pdu.EncodeOptions{Languages: []pdu.Language{pdu.LanguageTurkish}}.Plan(body)
	fmt.Println(tr.Encoding, tr.Segments, tr.Locking, tr.Single, tr.UDHOctets)
	fmt.Println(tr.Reason)
	// Output:
	// UCS-2 3
	// GSM-7 2 default Turkish 9
	// GSM-7 with the Turkish single shift table: 2 segment(s) instead of 3 in UCS-2, paying 3 header octets per segment for the shift element(s)
}

func ExamplePlan_AppendSegment() {
	p, err := pdu.EncodeOptions{Reference: 1}.Plan(strings.Repeat("ab", 100))
	if err != nil {
		panic(err)
	}
	dst := make([]byte, 0, 256)
	for i := 0; i < p.Segments; i++ {
		var part pdu.Part
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
	p, _ := pdu.EncodeOptions{Languages: []pdu.Language{pdu.LanguageSpanish}}.Plan(strings.Repeat("¿Cómo estás? Aquí, sí. ", 10))
	for s := range p.SplitSeq() {
		fmt.Println(s.Index, s.Units, s.Capacity)
	}
	// Output:
	// 0 149 149
	// 1 121 149
}

func ExampleReassemble() {
	parts, _ := pdu.EncodeSegments(strings.Repeat("héllo ", 40), pdu.EncodeOptions{Reference: 3})
	// Parts may arrive in any order.
	parts[0], parts[1] = parts[1], parts[0]
	body, err := pdu.Reassemble(parts)
	fmt.Println(len(parts), err, body == strings.Repeat("héllo ", 40))

	_, err = pdu.Reassemble(parts[:1])
	fmt.Println(errors.Is(err, pdu.ErrMissingPart), err)
	// Output:
	// 2 <nil> true
	// true pdu: missing part of a concatenated message: part 1 of 2
}

func ExampleParseUDH() {
	// A header with an application port element before the concatenation one.
	ud := []byte{0x0B, 0x05, 0x04, 0x0B, 0x84, 0x23, 0xF0, 0x00, 0x03, 0x2A, 0x02, 0x01, 'h', 'i'}
	h, n, err := pdu.ParseUDH(ud)
	fmt.Println(h.Reference, h.Sequence, h.Total, n, err)
	// Output:
	// 42 1 2 12 <nil>
}

func ExampleUDH_AppendTo() {
	h := pdu.UDH{Concat: true, Ref16: true, Reference: 0x1234, Total: 3, Sequence: 1, LockingShift: pdu.LanguagePortuguese}
	fmt.Printf("%X %d\n", h.AppendTo(nil), h.Len())
	// Output:
	// 09080412340301250103 10
}

func ExampleUDH_Len() {
	fmt.Println(pdu.UDH{}.Len(), pdu.UDH{Concat: true}.Len(), pdu.UDH{Concat: true, Ref16: true}.Len(),
		pdu.UDH{Concat: true, SingleShift: pdu.LanguageTurkish, LockingShift: pdu.LanguageTurkish}.Len())
	// Output:
	// 0 6 7 12
}

func ExampleAppendPacked() {
	fmt.Printf("% X\n", pdu.AppendPacked(nil, []byte("hellohello"), 0))
	// Output:
	// E8 32 9B FD 46 97 D9 EC 37
}

func ExampleAppendUnpacked() {
	septets, err := pdu.AppendUnpacked(nil, []byte{0xE8, 0x32, 0x9B, 0xFD, 0x06}, 0, 5)
	fmt.Printf("%s %v\n", septets, err)
	// Output:
	// hello <nil>
}

func ExampleFillBits() {
	fmt.Println(pdu.FillBits(6), pdu.FillBits(7), pdu.FillBits(9))
	// Output:
	// 1 0 5
}

func ExamplePackedLen() {
	fmt.Println(pdu.PackedLen(160, 0), pdu.PackedLen(153, 1), pdu.PackedLen(8, 0))
	// Output:
	// 140 134 7
}

func ExampleParseLanguage() {
	l, err := pdu.ParseLanguage("tr")
	fmt.Println(l, l.Code(), l.HasLockingShift(), err)
	es, _ := pdu.ParseLanguage("Spanish")
	fmt.Println(es, es.HasLockingShift())
	_, err = pdu.ParseLanguage("fr")
	fmt.Println(errors.Is(err, pdu.ErrUnknownLanguage))
	// Output:
	// Turkish tr true <nil>
	// Spanish false
	// true
}

func ExampleLanguage_String() {
	fmt.Println(pdu.LanguageHindi, pdu.LanguageNone, pdu.Language(42))
	// Output:
	// Hindi default Language(42)
}

func ExampleLanguage_Code() {
	fmt.Println(pdu.LanguageUrdu.Code(), pdu.LanguagePortuguese.Code())
	// Output:
	// ur pt
}

func ExampleLanguage_HasLockingShift() {
	fmt.Println(pdu.LanguageSpanish.HasLockingShift(), pdu.LanguageTamil.HasLockingShift())
	// Output:
	// false true
}

func ExampleGSM7() {
	septets, err := pdu.GSM7.NewEncoder().String("Price: 5€ {ok}")
	fmt.Printf("% X %v\n", septets, err)
	text, err := pdu.GSM7.NewDecoder().String(septets)
	fmt.Println(text, err)
	// Runes outside GSM-7 fail, or become '?' with ReplaceUnsupported.
	_, err = pdu.GSM7.NewEncoder().String("ş")
	fmt.Println(errors.Is(err, sms.ErrNotGSM7))
	s, _ := encoding.ReplaceUnsupported(pdu.GSM7.NewEncoder()).String("aşb")
	fmt.Println(s)
	// Output:
	// 50 72 69 63 65 3A 20 35 1B 65 20 1B 28 6F 6B 1B 29 <nil>
	// Price: 5€ {ok} <nil>
	// true
	// a?b
}
