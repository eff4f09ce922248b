package sms

import (
	"net/url"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/smsgauge/sms/internal/quote"
)

// CreateMessage holds the parameters of Twilio's create-message request,
// POST /2010-04-01/Accounts/{AccountSid}/Messages.json: the 25 parameters of
// the OpenAPI operation CreateMessage plus Tags. Each field is named exactly
// as Twilio names the form parameter (MediaUrl, SendAsMms), so that the form,
// the JSON tags and the documentation all use one spelling.
//
// The zero value of every field means "not sent": "" for strings, nil for
// lists, 0 for the integers (whose valid ranges start at 1), the zero
// time.Time for SendAt and FlagUnset for the Flag booleans. Nothing is trimmed,
// normalised or dropped: Validate reports what Twilio would reject, and Form
// sends what was given.
//
// A CreateMessage is a plain value: methods never modify it, so one value may
// be validated and encoded from many goroutines at once.
type CreateMessage struct {
	// To is the recipient: an E.164 number ("+14155552671") or a channel
	// address ("whatsapp:+14155552671"). Required.
	To string `json:"To,omitempty"`
	// From is the sender: an E.164 number, short code, alphanumeric sender ID
	// or channel address on the same channel as To. From, MessagingServiceSid
	// or both are required; with both, From must be one of the service's
	// senders.
	From string `json:"From,omitempty"`
	// MessagingServiceSid is the SID of a Messaging Service ("MG" + 32 hex).
	MessagingServiceSid string `json:"MessagingServiceSid,omitempty"`
	// FallbackFrom is the SMS sender used when an RCS message cannot be
	// delivered. It needs an RCS send: an "rcs:" From or a Messaging Service.
	FallbackFrom string `json:"FallbackFrom,omitempty"`

	// Body is the text, at most 1,600 UTF-16 code units (see MaxBodyUnits).
	// Body, MediaUrl or ContentSid is required.
	Body string `json:"Body,omitempty"`
	// MediaUrl lists up to 10 absolute http/https URLs of media to send.
	MediaUrl []string `json:"MediaUrl,omitempty"`
	// ContentSid is the SID of a Content Template ("HX" + 32 hex).
	ContentSid string `json:"ContentSid,omitempty"`
	// ContentVariables is a JSON object of template variables whose values
	// are strings, such as {"1":"Ada"}. It needs ContentSid.
	ContentVariables string `json:"ContentVariables,omitempty"`
	// PersistentAction lists rich actions for non-SMS channels, such as
	// "geo:37.7,-122.4|Twilio HQ".
	PersistentAction []string `json:"PersistentAction,omitempty"`
	// SmartEncoded asks Twilio to replace Unicode look-alikes by GSM-7
	// characters.
	SmartEncoded Flag `json:"SmartEncoded,omitzero"`
	// SendAsMms delivers the message as one MMS, even without media.
	SendAsMms Flag `json:"SendAsMms,omitzero"`
	// ShortenUrls asks the Messaging Service to shorten links in Body. FlagTrue
	// needs MessagingServiceSid.
	ShortenUrls Flag `json:"ShortenUrls,omitzero"`

	// ScheduleType is "fixed" (ScheduleFixed) to schedule the message at
	// SendAt; it needs SendAt and MessagingServiceSid.
	ScheduleType ScheduleType `json:"ScheduleType,omitempty"`
	// SendAt is when a scheduled message goes out. It is sent in UTC as
	// RFC 3339 (ISO 8601) with whole seconds, and must lie inside the
	// scheduling window of Rules (by default 5 minutes to 35 days ahead).
	SendAt time.Time `json:"SendAt,omitzero"`
	// ValidityPeriod is how many seconds the message may wait in Twilio's
	// queue, 1 to 36000.
	ValidityPeriod int `json:"ValidityPeriod,omitempty"`

	// StatusCallback is the URL Twilio posts status changes to: absolute
	// http or https, a valid host name without underscores, no user info.
	StatusCallback string `json:"StatusCallback,omitempty"`
	// ApplicationSid is the SID of a TwiML Application ("AP" + 32 hex) whose
	// status callback URL is used. StatusCallback takes precedence.
	ApplicationSid string `json:"ApplicationSid,omitempty"`
	// ProvideFeedback announces delivery feedback through the Feedback
	// subresource.
	ProvideFeedback Flag `json:"ProvideFeedback,omitzero"`

	// ContentRetention is "retain" or "discard".
	ContentRetention ContentRetention `json:"ContentRetention,omitempty"`
	// AddressRetention is "retain" or "obfuscate".
	AddressRetention AddressRetention `json:"AddressRetention,omitempty"`
	// RiskCheck is "enable" or "disable".
	RiskCheck RiskCheck `json:"RiskCheck,omitempty"`
	// TrafficType is "free".
	TrafficType TrafficType `json:"TrafficType,omitempty"`
	// Attempt counts the attempts to send this message so far, including
	// this one: from 1 to MaxAttempt.
	Attempt int `json:"Attempt,omitempty"`
	// MaxPrice is the most one may pay per message, a decimal such as
	// "0.0500" with at most 4 places. Twilio calls it obsolete (no effect
	// since 2024-06-03); it is sent, with a warning.
	MaxPrice string `json:"MaxPrice,omitempty"`
	// ForceDelivery is reserved by Twilio.
	ForceDelivery Flag `json:"ForceDelivery,omitzero"`
	// Tags is a JSON object of tags for the message, such as
	// {"campaign_name":"Spring Sale"}. It is not in Twilio's OpenAPI
	// operation but appears in its examples and in the Message resource.
	Tags string `json:"Tags,omitempty"`
}

// ScheduleType is the value of the ScheduleType parameter.
type ScheduleType string

// ScheduleFixed schedules the message at SendAt.
const ScheduleFixed ScheduleType = "fixed"

// ContentRetention is the value of the ContentRetention parameter.
type ContentRetention string

// The values of ContentRetention.
const (
	ContentRetain  ContentRetention = "retain"
	ContentDiscard ContentRetention = "discard"
)

// AddressRetention is the value of the AddressRetention parameter.
type AddressRetention string

// The values of AddressRetention.
const (
	AddressRetain    AddressRetention = "retain"
	AddressObfuscate AddressRetention = "obfuscate"
)

// RiskCheck is the value of the RiskCheck parameter.
type RiskCheck string

// The values of RiskCheck.
const (
	RiskCheckEnable  RiskCheck = "enable"
	RiskCheckDisable RiskCheck = "disable"
)

// TrafficType is the value of the TrafficType parameter.
type TrafficType string

// TrafficFree marks free-to-end-user traffic.
const TrafficFree TrafficType = "free"

// Limits of the create-message parameters.
const (
	MaxBodyUnits       = 1600  // Body limit, in UTF-16 code units
	MaxMediaURLs       = 10    // MediaUrl limit
	MaxValidityPeriod  = 36000 // ValidityPeriod limit, in seconds
	MaxContentVarUnits = 1600  // ContentVariables: limit of each value (Twilio error 21658)

	// MaxAttempt is the largest Attempt: Twilio documents none, and types
	// the parameter as an integer that its generated helper libraries hold
	// in 32 bits (java.lang.Integer in twilio-java), so a larger value is
	// one no Twilio SDK can send.
	MaxAttempt = 1<<31 - 1
)

// Validate reports every problem of m at once, joined with errors.Join, using
// the default Rules (the real clock, a SendAt window of 5 minutes to 35
// days). Each problem is a *ParamError. It returns nil when Twilio should
// accept the request as far as can be known without asking it.
func (m CreateMessage) Validate() error { return Rules{}.Validate(m) }

// Form validates m with the default Rules and returns its form body.
func (m CreateMessage) Form() (url.Values, error) { return Rules{}.Form(m) }

// Warnings returns non-fatal advice about m with the default Rules.
func (m CreateMessage) Warnings() []Warning { return Rules{}.Warnings(m) }

// Validate reports every problem of m at once; see CreateMessage.Validate.
func (r Rules) Validate(m CreateMessage) error {
	var p problems

	// Addresses.
	r.checkAddresses(&p, m)

	// Content.
	if m.Body == "" && len(m.MediaUrl) == 0 && m.ContentSid == "" {
		variant := "" // Twilio's 21602; through a Messaging Service, 21619
		if m.MessagingServiceSid != "" {
			variant = "messaging-service"
		}
		p.addVariant("Body", ParamRequired, variant, "give Body, MediaUrl or ContentSid")
	}
	checkBody(&p, m.Body)
	if n := len(m.MediaUrl); n > MaxMediaURLs {
		p.add("MediaUrl", ParamTooMany, strconv.Itoa(n)+" media URLs, at most "+strconv.Itoa(MaxMediaURLs))
	}
	for i, u := range m.MediaUrl {
		param := indexed("MediaUrl", i)
		if u == "" {
			p.add(param, ParamRequired, "empty media URL")
		} else if checkText(&p, param, u) {
			checkURL(&p, param, u, false)
		}
	}
	checkSIDParam(&p, "ContentSid", m.ContentSid, SIDContent)
	if m.ContentVariables != "" {
		if m.ContentSid == "" {
			p.add("ContentVariables", ParamDepends, "needs ContentSid")
		}
		checkContentVariables(&p, m.ContentVariables)
	}
	for i, a := range m.PersistentAction {
		param := indexed("PersistentAction", i)
		if a == "" {
			p.add(param, ParamRequired, "empty action")
		} else {
			checkText(&p, param, a)
		}
	}
	checkFlag(&p, "SmartEncoded", m.SmartEncoded)
	checkFlag(&p, "SendAsMms", m.SendAsMms)
	checkFlag(&p, "ShortenUrls", m.ShortenUrls)
	if m.ShortenUrls == FlagTrue && m.MessagingServiceSid == "" {
		p.add("ShortenUrls", ParamDepends, "needs MessagingServiceSid")
	}

	// Scheduling.
	r.checkSchedule(&p, m)
	if m.ValidityPeriod != 0 && (m.ValidityPeriod < 1 || m.ValidityPeriod > MaxValidityPeriod) {
		p.add("ValidityPeriod", ParamRange, strconv.Itoa(m.ValidityPeriod)+" is not from 1 to 36000 seconds")
	}

	// Callbacks.
	if m.StatusCallback != "" && checkText(&p, "StatusCallback", m.StatusCallback) {
		checkURL(&p, "StatusCallback", m.StatusCallback, true)
	}
	checkSIDParam(&p, "ApplicationSid", m.ApplicationSid, SIDApplication)
	checkFlag(&p, "ProvideFeedback", m.ProvideFeedback)

	// The rest.
	checkEnum(&p, "ContentRetention", m.ContentRetention, ContentRetain, ContentDiscard)
	checkEnum(&p, "AddressRetention", m.AddressRetention, AddressRetain, AddressObfuscate)
	checkEnum(&p, "RiskCheck", m.RiskCheck, RiskCheckEnable, RiskCheckDisable)
	checkEnum(&p, "TrafficType", m.TrafficType, TrafficFree)
	if m.Attempt < 0 {
		p.add("Attempt", ParamRange, strconv.Itoa(m.Attempt)+" is not positive")
	} else if m.Attempt > MaxAttempt {
		p.add("Attempt", ParamRange, strconv.Itoa(m.Attempt)+" is above 2147483647, the largest 32-bit integer")
	}
	if m.MaxPrice != "" && checkText(&p, "MaxPrice", m.MaxPrice) && !isDecimal4(m.MaxPrice) {
		p.add("MaxPrice", ParamFormat, quote.Short(m.MaxPrice)+" is not a decimal with at most 4 places, such as 0.0500")
	}
	checkFlag(&p, "ForceDelivery", m.ForceDelivery)
	if m.Tags != "" {
		checkTags(&p, m.Tags)
	}
	return p.err()
}

// Form validates m and returns its application/x-www-form-urlencoded body:
// Twilio's parameter names, booleans as "true"/"false", one MediaUrl and one
// PersistentAction entry per value in order, SendAt in UTC as RFC 3339, and
// unset fields left out. When m is invalid it returns nil and the joined
// errors of Validate.
func (r Rules) Form(m CreateMessage) (url.Values, error) {
	if err := r.Validate(m); err != nil {
		return nil, err
	}
	return m.form(), nil
}

// form encodes m without validating it.
func (m CreateMessage) form() url.Values {
	// Count the single-valued parameters, so that their one-element slices
	// share one backing array.
	strs := [...]string{m.To, m.From, m.MessagingServiceSid, m.FallbackFrom, m.Body,
		m.ContentSid, m.ContentVariables, string(m.ScheduleType), m.StatusCallback,
		m.ApplicationSid, string(m.ContentRetention), string(m.AddressRetention), string(m.RiskCheck),
		string(m.TrafficType), m.MaxPrice, m.Tags}
	flags := [...]Flag{m.SmartEncoded, m.SendAsMms, m.ShortenUrls, m.ProvideFeedback, m.ForceDelivery}
	n := 0
	for _, s := range strs {
		if s != "" {
			n++
		}
	}
	for _, f := range flags {
		if f.IsSet() {
			n++
		}
	}
	if !m.SendAt.IsZero() {
		n++
	}
	if m.ValidityPeriod != 0 {
		n++
	}
	if m.Attempt != 0 {
		n++
	}
	keys := n
	if len(m.MediaUrl) > 0 {
		keys++
	}
	if len(m.PersistentAction) > 0 {
		keys++
	}
	v := make(url.Values, keys)
	backing := make([]string, 0, n)
	set := func(k, s string) {
		backing = append(backing, s)
		i := len(backing)
		v[k] = backing[i-1 : i : i]
	}
	setS := func(k, s string) {
		if s != "" {
			set(k, s)
		}
	}
	setF := func(k string, f Flag) {
		if f.IsSet() {
			set(k, f.String())
		}
	}
	setS("To", m.To)
	setS("From", m.From)
	setS("MessagingServiceSid", m.MessagingServiceSid)
	setS("FallbackFrom", m.FallbackFrom)
	setS("Body", m.Body)
	if len(m.MediaUrl) > 0 {
		v["MediaUrl"] = append([]string(nil), m.MediaUrl...)
	}
	setS("ContentSid", m.ContentSid)
	setS("ContentVariables", m.ContentVariables)
	if len(m.PersistentAction) > 0 {
		v["PersistentAction"] = append([]string(nil), m.PersistentAction...)
	}
	setF("SmartEncoded", m.SmartEncoded)
	setF("SendAsMms", m.SendAsMms)
	setF("ShortenUrls", m.ShortenUrls)
	setS("ScheduleType", string(m.ScheduleType))
	if !m.SendAt.IsZero() {
		set("SendAt", FormatSendAt(m.SendAt))
	}
	if m.ValidityPeriod != 0 {
		set("ValidityPeriod", strconv.Itoa(m.ValidityPeriod))
	}
	setS("StatusCallback", m.StatusCallback)
	setS("ApplicationSid", m.ApplicationSid)
	setF("ProvideFeedback", m.ProvideFeedback)
	setS("ContentRetention", string(m.ContentRetention))
	setS("AddressRetention", string(m.AddressRetention))
	setS("RiskCheck", string(m.RiskCheck))
	setS("TrafficType", string(m.TrafficType))
	if m.Attempt != 0 {
		set("Attempt", strconv.Itoa(m.Attempt))
	}
	setS("MaxPrice", m.MaxPrice)
	setF("ForceDelivery", m.ForceDelivery)
	setS("Tags", m.Tags)
	return v
}

// FormatSendAt formats t as CreateMessage.Form sends SendAt: in UTC, RFC 3339
// with whole seconds, such as "2026-12-01T09:30:00Z".
func FormatSendAt(t time.Time) string {
	return t.UTC().Format(time.RFC3339)
}

func indexed(param string, i int) string {
	return param + "[" + strconv.Itoa(i) + "]"
}

// checkText reports a parameter that is not valid UTF-8 or holds a control
// character (CR, LF, tab, NUL, DEL, C1). It returns true when s is clean.
func checkText(p *problems, param, s string) bool {
	i := 0
	for i < len(s) && s[i] >= 0x20 && s[i] < 0x7F {
		i++
	}
	if i == len(s) {
		return true
	}
	for j := i; j < len(s); {
		r, size := utf8.DecodeRuneInString(s[j:])
		if r == utf8.RuneError && size == 1 {
			p.add(param, ParamUTF8, "invalid UTF-8 at byte "+strconv.Itoa(j))
			return false
		}
		if r < 0x20 || r >= 0x7F && r <= 0x9F {
			p.add(param, ParamControl, "control character "+strconv.QuoteRune(r)+" at byte "+strconv.Itoa(j))
			return false
		}
		j += size
	}
	return true
}

// BodyUnits returns the length of body as the create-message limit counts
// it: UTF-16 code units, so an emoji outside the Basic Multilingual Plane
// counts 2 and every other character 1. Each invalid UTF-8 byte counts 1 (as
// U+FFFD). Twilio's error 21617 says that non-GSM characters "count as
// several" against the 1,600 limit without naming the unit; UTF-16 code
// units is the conservative reading, and the unit Twilio bills UCS-2 in.
func BodyUnits(body string) int {
	n := 0
	for i := 0; i < len(body); {
		if body[i] < utf8.RuneSelf {
			n++
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(body[i:])
		if r > 0xFFFF {
			n += 2
		} else {
			n++
		}
		i += size
	}
	return n
}

func checkBody(p *problems, body string) {
	if body == "" {
		return
	}
	// Every UTF-16 unit takes at most 3 UTF-8 bytes, so a body longer than
	// 3*1600 bytes is too long without counting.
	if len(body) > 3*MaxBodyUnits {
		p.add("Body", ParamTooLong, "at least "+strconv.Itoa((len(body)+2)/3)+" UTF-16 units ("+strconv.Itoa(len(body))+" bytes), at most 1600 (Twilio error 21617)")
	} else if n := BodyUnits(body); n > MaxBodyUnits {
		p.add("Body", ParamTooLong, strconv.Itoa(n)+" UTF-16 units, at most 1600 (Twilio error 21617)")
	}
	checkUTF8(p, "Body", body)
}

func checkFlag(p *problems, param string, f Flag) {
	if f > FlagFalse {
		p.add(param, ParamEnum, "Flag value "+strconv.Itoa(int(f))+" is none of FlagUnset, FlagTrue, FlagFalse")
	}
}

func checkEnum[T ~string](p *problems, param string, v T, allowed ...T) {
	s := string(v)
	if s == "" || !checkText(p, param, s) {
		return
	}
	for _, a := range allowed {
		if v == a {
			return
		}
	}
	d := quote.Short(s) + " is not "
	for i, a := range allowed {
		if i > 0 {
			d += " or "
		}
		d += strconv.Quote(string(a))
	}
	p.add(param, ParamEnum, d)
}

// isDecimal4 reports whether s is digits with an optional fraction of 1 to
// 4 digits: "1", "0.05", "12.3456".
func isDecimal4(s string) bool {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 {
		return false
	}
	if i == len(s) {
		return true
	}
	if s[i] != '.' {
		return false
	}
	frac := len(s) - i - 1
	if frac < 1 || frac > 4 {
		return false
	}
	for j := i + 1; j < len(s); j++ {
		if s[j] < '0' || s[j] > '9' {
			return false
		}
	}
	return true
}
