// Package webapi turns the library's results into the JSON objects the
// WebAssembly modules hand to JavaScript, with offsets in UTF-16 indices.
//
// It is plain Go (tested on every platform); the syscall/js glue lives in
// js.go and builds only for GOOS=js GOARCH=wasm. It imports the root
// package only, so the core module stays free of phone-number metadata.
package webapi

import (
	"golang.org/x/text/unicode/norm"

	sms "github.com/smsgauge/sms"
)

// AnalyzeOptions are the options of analyze(body, {smart, nfc, udh16,
// policy}).
type AnalyzeOptions struct {
	Smart  bool            // apply Twilio's SmartEncoded substitution first
	NFC    bool            // normalise to NFC first
	UDH16  bool            // 16-bit concatenation reference (152 septets / 66 units)
	Policy sms.SmartPolicy // when smart encoding substitutes
}

// AppendAnalysis appends the analyze() result for body.
//
// Without smart and nfc it describes body itself. With either, it describes
// the body that would be sent (smart-encoded and/or NFC-normalised), and a
// "savings" member says what changed: the sent body, the analysis before,
// the segments saved and each substitution (offsets in the input, or in
// its NFC form when normalized is true). Offsets (start, end) are UTF-16
// indices; parts[].text is each segment's text.
func AppendAnalysis(dst []byte, body string, o AnalyzeOptions) ([]byte, error) {
	core := sms.Options{UDH16: o.UDH16}
	switch {
	case o.Smart:
		sa, err := sms.SmartOptions{Policy: o.Policy, NFC: o.NFC, Core: core}.Analyze(body)
		if err != nil {
			return nil, libError(err, "options")
		}
		on := body
		if sa.Normalized {
			on = norm.NFC.String(body)
		}
		return appendAnalysis(dst, sa.Body, sa.After, func(o *obj) {
			sv := o.open("savings", '{')
			appendSavings(&sv, sa.Body, sa.Before, sa.After, sa.Normalized, sa.Substituted, sa.NFCSaved)
			subs := sv.open("substitutions", '[')
			c := u16{s: on}
			for _, x := range sa.Substitutions {
				subs.item()
				p := obj{b: append(subs.b, '{')}
				p.int("start", c.at(x.Offset))
				p.int("end", c.at(x.Offset+len(x.Original)))
				p.str("original", x.Original)
				p.str("replacement", x.Replacement)
				subs.b = append(p.b, '}')
			}
			sv.end(subs, ']')
			o.end(sv, '}')
		}), nil
	case o.NFC:
		before, err := core.Analyze(body)
		if err != nil {
			return nil, libError(err, "options")
		}
		text := norm.NFC.String(body)
		after, err := core.Analyze(text)
		if err != nil {
			return nil, libError(err, "options")
		}
		saved := before.Segments - after.Segments
		return appendAnalysis(dst, text, after, func(o *obj) {
			sv := o.open("savings", '{')
			appendSavings(&sv, text, before, after, text != body, false, saved)
			sv.raw("substitutions", []byte("[]"))
			o.end(sv, '}')
		}), nil
	}
	a, err := core.Analyze(body)
	if err != nil {
		return nil, libError(err, "options")
	}
	return appendAnalysis(dst, body, a, nil), nil
}

// Count is what count() returns: the counter's figures only.
type Count struct {
	Encoding   sms.Encoding
	Segments   int
	Characters int
	Units      int
	Capacity   int // units per segment
	Used       int // units used in the last segment
	Left       int // units still free in the last segment
	Saved      int // segments smart encoding and NFC saved (0 when neither is on)
}

// CountBody computes the counter's figures as AppendAnalysis would, but
// without the per-segment text or the character lists, so that it stays
// cheap on every keystroke.
func CountBody(body string, o AnalyzeOptions) (Count, error) {
	core := sms.Options{UDH16: o.UDH16}
	var a sms.Analysis
	saved := 0
	switch {
	case o.Smart:
		sa, err := sms.SmartOptions{Policy: o.Policy, NFC: o.NFC, Core: core}.Analyze(body)
		if err != nil {
			return Count{}, libError(err, "options")
		}
		a, saved = sa.After, sa.Saved
	case o.NFC:
		before, err := core.Analyze(body)
		if err != nil {
			return Count{}, libError(err, "options")
		}
		if a, err = core.Analyze(norm.NFC.String(body)); err != nil {
			return Count{}, libError(err, "options")
		}
		saved = before.Segments - a.Segments
	default:
		var err error
		if a, err = core.Analyze(body); err != nil {
			return Count{}, libError(err, "options")
		}
	}
	used := a.LastUnits
	return Count{
		Encoding: a.Encoding, Segments: a.Segments, Characters: a.Characters, Units: a.Units,
		Capacity: a.Capacity, Used: used, Left: a.Capacity - used, Saved: saved,
	}, nil
}

// AppendCount appends the count() result: {encoding, segments, characters,
// units, capacity, used, left, saved} (see Count).
func AppendCount(dst []byte, body string, o AnalyzeOptions) ([]byte, error) {
	c, err := CountBody(body, o)
	if err != nil {
		return nil, err
	}
	w := obj{b: append(dst, '{')}
	w.str("encoding", c.Encoding.String())
	w.int("segments", c.Segments)
	w.int("characters", c.Characters)
	w.int("units", c.Units)
	w.int("capacity", c.Capacity)
	w.int("used", c.Used)
	w.int("left", c.Left)
	w.int("saved", c.Saved)
	return append(w.b, '}'), nil
}

func appendSavings(sv *obj, sent string, before, after sms.Analysis, normalized, substituted bool, nfcSaved int) {
	sv.str("body", sent)
	sv.bool("normalized", normalized)
	sv.bool("substituted", substituted)
	sv.int("saved", before.Segments-after.Segments)
	sv.int("nfcSaved", nfcSaved)
	b := sv.open("before", '{')
	appendSummary(&b, before)
	sv.end(b, '}')
}

// appendSummary writes the headline figures of a.
func appendSummary(o *obj, a sms.Analysis) {
	o.str("encoding", a.Encoding.String())
	o.int("segments", a.Segments)
	o.int("characters", a.Characters)
	o.int("units", a.Units)
}

// AppendSuggestion appends the suggest() result for body: the cheapest
// body, the figures before and after, how it was reached, every character
// of the input that forces UCS-2 with its fix, and the characters of the
// suggested body that still do. Offsets are UTF-16 indices (fixes: in
// body; remaining: in the suggested body).
func AppendSuggestion(dst []byte, body string, udh16 bool) ([]byte, error) {
	sg, err := sms.SmartOptions{Core: sms.Options{UDH16: udh16}}.Suggest(body)
	if err != nil {
		return nil, libError(err, "options")
	}
	o := obj{b: append(dst, '{')}
	o.str("body", sg.Body)
	o.bool("nfc", sg.NFC)
	o.bool("smart", sg.Smart)
	o.bool("smartOnlyShrinking", sg.SmartOnlyShrinking)
	o.int("saved", sg.Saved)
	changes := 0
	for _, f := range sg.Fixes {
		if f.Kind != sms.FixNone {
			changes++
		}
	}
	o.int("changes", changes)
	b := o.open("before", '{')
	appendSummary(&b, sg.Before)
	o.end(b, '}')
	a := o.open("after", '{')
	appendSummary(&a, sg.After)
	o.end(a, '}')
	fx := o.open("fixes", '[')
	c := u16{s: body}
	for _, f := range sg.Fixes {
		fx.item()
		p := obj{b: append(fx.b, '{')}
		p.int("start", c.at(f.Offset))
		p.int("end", c.at(f.Offset+len(f.Text)))
		p.str("text", f.Text)
		p.str("fix", f.Kind.String())
		p.str("replacement", f.Replacement)
		fx.b = append(p.b, '}')
	}
	o.end(fx, ']')
	rm := o.open("remaining", '[')
	c = u16{s: sg.Body}
	for _, ch := range sg.Remaining {
		rm.item()
		p := obj{b: append(rm.b, '{')}
		p.int("start", c.at(ch.Offset))
		p.int("end", c.at(ch.Offset+len(ch.Text)))
		p.str("text", ch.Text)
		rm.b = append(p.b, '}')
	}
	o.end(rm, ']')
	return append(o.b, '}'), nil
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
	for seg := range a.SplitSeq() {
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
	for ch := range a.NonGSMSeq() {
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
