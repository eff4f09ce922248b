package sms

import (
	"strconv"
	"strings"
)

// MessageKind is how Twilio will deliver a create-message request, as far
// as its parameters tell.
type MessageKind uint8

// The message kinds.
const (
	KindSMS       MessageKind = iota // text over SMS, billed per segment
	KindMMS                          // one MMS: MediaUrl given or SendAsMms=true, on an SMS address
	KindWhatsApp                     // a WhatsApp message
	KindMessenger                    // a Facebook Messenger message
	KindRCS                          // an RCS message ("rcs:" To)
)

var messageKindNames = [...]string{"sms", "mms", "whatsapp", "messenger", "rcs"}

// String returns "sms", "mms", "whatsapp", "messenger" or "rcs".
func (k MessageKind) String() string {
	if int(k) < len(messageKindNames) {
		return messageKindNames[k]
	}
	return "unknown"
}

// MarshalText returns the String form.
func (k MessageKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// Estimate is what a create-message request is expected to cost before it is
// sent: the num_segments Twilio will report and the encoding of its Body.
type Estimate struct {
	Kind MessageKind
	// Segments is the expected num_segments: the SMS segments of Body, or 1
	// for an MMS, WhatsApp or Messenger message. For RCS ("rcs:" To) it is
	// RCSSegments(Body), Twilio's US billing of one segment per 160 bytes;
	// Analysis.Segments then says what the same text costs as SMS. It is 0
	// when the content is a template (ContentSid) whose text is not known
	// here.
	Segments int
	// Encoding is the encoding of Body as sent: after smart encoding when
	// SmartEncoded=true.
	Encoding Encoding
	// Body is the text as Twilio would send it: the input, smart-encoded
	// when SmartEncoded=true (under Rules.SmartPolicy).
	Body string
	// Smart reports that SmartEncoded=true changed the body.
	Smart bool
	// Analysis is the full analysis of Body.
	Analysis Analysis
}

// Estimate returns the expected num_segments and encoding of m with the
// default Rules: Twilio's calculator's smart encoding and standard 8-bit
// concatenation. It does not validate m.
func (m CreateMessage) Estimate() Estimate { return Rules{}.Estimate(m) }

// Estimate is CreateMessage.Estimate under these rules (r.SmartPolicy and
// r.Options). An invalid option falls back to the defaults.
func (r Rules) Estimate(m CreateMessage) Estimate {
	e := Estimate{Body: m.Body}
	switch channelOf(m.To) {
	case ChannelWhatsApp:
		e.Kind = KindWhatsApp
	case ChannelMessenger:
		e.Kind = KindMessenger
	case ChannelRCS:
		e.Kind = KindRCS
	default:
		if len(m.MediaUrl) > 0 || m.SendAsMms == FlagTrue {
			e.Kind = KindMMS
		}
	}
	if m.SmartEncoded == FlagTrue {
		so := SmartOptions{Policy: r.SmartPolicy, Core: r.Options}
		if out, err := so.Encode(m.Body); err == nil {
			e.Smart = out != m.Body
			e.Body = out
		} else {
			e.Body = SmartEncode(m.Body)
			e.Smart = e.Body != m.Body
		}
	}
	a, err := r.Options.Analyze(e.Body)
	if err != nil {
		a = Analyze(e.Body)
	}
	e.Analysis, e.Encoding = a, a.Encoding
	switch {
	case e.Kind == KindMMS || e.Kind == KindWhatsApp || e.Kind == KindMessenger:
		e.Segments = 1
	case m.Body == "" && m.ContentSid != "":
		e.Segments = 0
	case e.Kind == KindRCS:
		e.Segments = RCSSegments(e.Body)
	default:
		e.Segments = a.Segments
	}
	return e
}

// SegmentWarnLimit is the segment count above which Warnings suggests
// SendAsMms.
const SegmentWarnLimit = 10

// bodyWarnings returns the warnings that need the body's analysis.
func (r Rules) bodyWarnings(m CreateMessage) []Warning {
	if m.Body == "" {
		return nil
	}
	e := r.Estimate(m)
	if e.Kind != KindSMS {
		return nil
	}
	var w []Warning
	if e.Segments > SegmentWarnLimit {
		w = append(w, Warning{"Body", WarnSegments, strconv.Itoa(e.Segments) + " segments, billed as " +
			strconv.Itoa(e.Segments) + " messages; consider SendAsMms=true, which sends it as one MMS"})
	}
	if l, err := r.Options.LineBreakCost(e.Body); err == nil && l.Saved() > 0 {
		w = append(w, Warning{"Body", WarnLineBreak, l.String() + ": Twilio bills CR LF as two characters (an HTML form submits its line breaks so)"})
	}
	if e.Encoding != EncodingUCS2 {
		return w
	}
	sg, err := SmartOptions{Core: r.Options}.Suggest(e.Body)
	if err != nil || sg.Saved <= 0 {
		return w
	}
	var b strings.Builder
	n := len(sg.Fixes)
	if n == 1 {
		b.WriteString("one character forces UCS-2: ")
	} else {
		b.WriteString(strconv.Itoa(n) + " characters force UCS-2: ")
	}
	for i, f := range sg.Fixes {
		if i == 3 {
			b.WriteString(", ...")
			break
		}
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(strconv.Quote(f.Text) + " at byte " + strconv.Itoa(f.Offset))
		switch f.Kind {
		case FixNone:
			b.WriteString(" (no GSM-7 look-alike)")
		default:
			b.WriteString(" (" + f.Kind.String() + ": " + strconv.Quote(f.Replacement) + ")")
		}
	}
	b.WriteString("; " + strconv.Itoa(sg.Before.Segments) + " segments, " + strconv.Itoa(sg.After.Segments) + " with Suggest's body")
	if sg.Smart && !sg.NFC && m.SmartEncoded != FlagTrue {
		b.WriteString(" (set SmartEncoded=true)")
	}
	w = append(w, Warning{"Body", WarnCostlyChar, b.String()})
	return w
}
