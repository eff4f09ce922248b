package sms

import "strconv"

// Warning is non-fatal advice about a request: it would be accepted, but
// probably not as the sender means. Code is a short stable word for
// programs; Message explains it to people.
type Warning struct {
	Param   string // Twilio's parameter name, or "" for the whole request
	Code    string
	Message string
}

// String returns "Param: Message".
func (w Warning) String() string {
	if w.Param == "" {
		return w.Message
	}
	return w.Param + ": " + w.Message
}

// Warning codes.
const (
	WarnObsolete      = "obsolete"       // a parameter Twilio ignores
	WarnReserved      = "reserved"       // a parameter Twilio reserves
	WarnIgnored       = "ignored"        // a parameter another one overrides
	WarnWhatsAppMedia = "whatsapp-media" // WhatsApp sends only the first media URL
	WarnPrecision     = "precision"      // SendAt loses its fraction of a second
	WarnSegments      = "segments"       // a long body; consider SendAsMms
	WarnCostlyChar    = "costly-char"    // a character that multiplies the cost
	WarnLineBreak     = "crlf"           // CR LF line breaks that cost a segment
)

// Warnings returns non-fatal advice about m. It does not repeat the errors
// of Validate, and it works on invalid messages too.
func (r Rules) Warnings(m CreateMessage) []Warning {
	var w []Warning
	if m.MaxPrice != "" {
		w = append(w, Warning{"MaxPrice", WarnObsolete, "obsolete: Twilio ignores MaxPrice since 2024-06-03"})
	}
	if m.ForceDelivery.IsSet() {
		w = append(w, Warning{"ForceDelivery", WarnReserved, "reserved by Twilio; its effect is not documented"})
	}
	if m.StatusCallback != "" && m.ApplicationSid != "" {
		w = append(w, Warning{"ApplicationSid", WarnIgnored, "ignored for status callbacks, because StatusCallback is given"})
	}
	if len(m.MediaUrl) > 1 && (channelOf(m.To) == ChannelWhatsApp || channelOf(m.From) == ChannelWhatsApp) {
		w = append(w, Warning{"MediaUrl", WarnWhatsAppMedia, "WhatsApp sends only the first of " + strconv.Itoa(len(m.MediaUrl)) + " media URLs"})
	}
	if !m.SendAt.IsZero() && m.SendAt.Nanosecond() != 0 {
		w = append(w, Warning{"SendAt", WarnPrecision, "sent as " + FormatSendAt(m.SendAt) + ": the fraction of a second is dropped"})
	}
	w = append(w, inputWarnings(m)...)
	w = append(w, r.bodyWarnings(m)...)
	return w
}
