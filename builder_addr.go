package sms

// This file is the builder's seam to the address and SID checks of the
// address issue (ParseAddress, CheckTo, CheckRoute, CheckFallback and
// SIDKind.Check): the builder applies them and wraps their errors, which
// stay reachable through errors.As as the Cause of a *ParamError.

import (
	"errors"
	"strings"

	"github.com/smsgauge/sms/internal/quote"
)

// checkSIDParam reports a parameter that is not a SID of kind k.
func checkSIDParam(p *problems, param, s string, k SIDKind) {
	if s == "" || !checkText(p, param, s) {
		return
	}
	if err := k.Check(s); err != nil {
		p.addCause(param, ParamSID, quote.Short(s)+": want a "+k.String()+" SID, "+k.Prefix()+" followed by 32 hexadecimal digits", err)
	}
}

// channelOf returns the channel of an address as far as its prefix tells.
func channelOf(s string) Channel {
	for c := ChannelWhatsApp; c < numChannels; c++ {
		pre := c.Prefix()
		if len(s) > len(pre) && s[:len(pre)] == pre {
			return c
		}
	}
	return ChannelSMS
}

// checkAddresses applies the To, From and FallbackFrom rules.
func (r Rules) checkAddresses(p *problems, m CreateMessage) {
	opts := AddressOptions{Permissive: r.PermissiveSenderID}
	var to, from Address
	toOK, fromOK := false, false
	if m.To == "" {
		p.add("To", ParamRequired, "the recipient is required")
	} else if !checkText(p, "To", m.To) {
		// reported
	} else if a, err := opts.ParseAddress(m.To); err != nil {
		p.addCause("To", ParamAddress, "not a recipient address: "+causeDetail(err), err)
	} else if err := CheckTo(a); err != nil {
		p.addCause("To", ParamAddress, causeDetail(err), err)
	} else {
		to, toOK = a, true
	}
	if m.From == "" && m.MessagingServiceSid == "" {
		p.add("From", ParamRequired, "give From, MessagingServiceSid or both")
	}
	if m.From != "" && checkText(p, "From", m.From) {
		if a, err := opts.ParseAddress(m.From); err != nil {
			p.addCause("From", ParamAddress, "not a sender address: "+causeDetail(err), err)
		} else if !toOK {
			fromOK = CheckFrom(a) == nil
			from = a
		} else if err := CheckRoute(a, to); err != nil {
			p.addCause("From", ParamAddress, causeDetail(err), err)
		} else if a.Value == to.Value {
			p.addVariant("From", ParamAddress, "same-as-to", "the same address as To (Twilio error 21266)")
		} else {
			from, fromOK = a, true
		}
	}
	checkSIDParam(p, "MessagingServiceSid", m.MessagingServiceSid, SIDMessagingService)
	if m.FallbackFrom == "" || !checkText(p, "FallbackFrom", m.FallbackFrom) {
		return
	}
	fb, err := opts.ParseAddress(m.FallbackFrom)
	if err != nil {
		p.addCause("FallbackFrom", ParamAddress, "not an SMS sender: "+causeDetail(err), err)
		return
	}
	// Twilio's API definition: FallbackFrom "may only be used when also
	// providing a Messaging Service containing an RCS sender".
	if m.MessagingServiceSid == "" {
		p.add("FallbackFrom", ParamDepends, "needs MessagingServiceSid: a Messaging Service with an RCS sender")
	}
	switch {
	case m.From != "" && fromOK && toOK:
		if err := CheckFallback(from, to, fb); err != nil {
			p.addCause("FallbackFrom", ParamDepends, err.Error(), err)
		}
	case m.From == "":
		// The service's sender pool decides; only Twilio knows whether it
		// has an RCS sender. The fallback itself must be an SMS sender and
		// the To must not force RCS.
		if fb.Channel != ChannelSMS || fb.Kind == AddressInvalid {
			p.addVariant("FallbackFrom", ParamDepends, "not-sms", "must be an SMS sender: an E.164 number, short code or sender ID")
		}
		if toOK && to.Channel == ChannelRCS {
			p.add("FallbackFrom", ParamDepends, "To "+quote.Short(m.To)+" forces RCS, which never falls back to SMS")
		} else if toOK && to.Channel != ChannelSMS {
			p.add("FallbackFrom", ParamDepends, "a fallback goes only with an RCS send, not to a "+to.Channel.String()+" address")
		}
	}
}

// causeDetail is the message of an address error as the Detail of the
// ParamError that names the parameter: without the "sms: " prefix and the
// field, which the ParamError already says ("sms: To: address: not a
// recipient address: "4155552671": ...", not "... address: sms: To ...").
func causeDetail(err error) string {
	var ae *AddressError
	if errors.As(err, &ae) && ae.Field != "" {
		e := *ae
		e.Field = ""
		return strings.TrimPrefix(e.Error(), "sms: ")
	}
	return strings.TrimPrefix(err.Error(), "sms: ")
}
