// Package webapi turns the library's results into the JSON objects the
// WebAssembly modules hand to JavaScript, with offsets in UTF-16 indices.
//
// It is plain Go (tested on every platform); the syscall/js glue lives in
// js.go and builds only for GOOS=js GOARCH=wasm. It imports the root
// package only, so the core module stays free of phone-number metadata.
package webapi

import (
	sms "github.com/smsgauge/sms"
)

// AnalyzeOptions are the options of analyze(body, {smart, nfc, udh16}).
type AnalyzeOptions struct {
	Smart bool // apply Twilio's SmartEncoded substitution first
	NFC   bool // normalise to NFC first
	UDH16 bool // 16-bit concatenation reference (152 septets / 66 units)
}

// AppendAnalysis appends the analyze() result for body. Offsets (start,
// end) are UTF-16 indices into the analysed body; parts[].text is each
// segment's text.
func AppendAnalysis(dst []byte, body string, o AnalyzeOptions) []byte {
	a, err := sms.Options{UDH16: o.UDH16}.Analyze(body)
	if err != nil {
		return AppendError(dst, "invalid_options", err.Error(), "options")
	}
	return appendAnalysis(dst, body, a, nil)
}

// appendAnalysis writes the fields of a, then calls extra (if any) to add
// more members to the same object.
func appendAnalysis(dst []byte, body string, a sms.Analysis, extra func(*obj)) []byte {
	o := obj{b: append(dst, '{')}
	o.str("encoding", a.Encoding.String())
	o.int("segments", a.Segments)
	o.int("characters", a.Characters)
	o.int("units", a.Units)
	o.int("graphemes", a.Graphemes)
	o.int("scalars", a.Scalars)
	o.int("capacity", a.Capacity)
	o.int("udhOctets", a.UDHOctets)
	o.int("messageBits", a.MessageBits)
	o.int("totalBits", a.TotalBits)
	o.int("invalid", a.Invalid)
	o.int("length", UTF16Len(body))

	parts := o.open("parts", '[')
	c := u16{s: body}
	for seg := range a.EachSegment() {
		parts.item()
		p := obj{b: append(parts.b, '{')}
		p.int("index", seg.Index)
		p.int("start", c.at(seg.Offset))
		p.int("end", c.at(seg.Offset+len(seg.Text)))
		p.str("text", seg.Text)
		p.int("used", seg.Units)
		p.int("capacity", seg.Capacity)
		p.int("bits", seg.Bits)
		parts.b = append(p.b, '}')
	}
	o.end(parts, ']')

	non := o.open("nonGSM", '[')
	c = u16{s: body}
	for ch := range a.EachNonGSM() {
		non.item()
		p := obj{b: append(non.b, '{')}
		p.int("start", c.at(ch.Offset))
		p.int("end", c.at(ch.Offset+len(ch.Text)))
		p.str("text", ch.Text)
		p.int("units", ch.Units)
		if ch.Invalid {
			p.bool("invalid", true)
		}
		non.b = append(p.b, '}')
	}
	o.end(non, ']')
	if extra != nil {
		extra(&o)
	}
	return append(o.b, '}')
}
