package sms

import (
	"errors"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/smsgauge/sms/internal/quote"
)

// createParams names the fields of CreateMessage as Twilio names the
// parameters, in the order of the OpenAPI description; ParseCreateMessage
// and its tests read it.
var createParams = [...]struct {
	name  string
	field func(m *CreateMessage) any // *string (or a string type of an enumerated parameter), *[]string, *Flag, *int or *time.Time
}{
	{"To", func(m *CreateMessage) any { return &m.To }},
	{"From", func(m *CreateMessage) any { return &m.From }},
	{"MessagingServiceSid", func(m *CreateMessage) any { return &m.MessagingServiceSid }},
	{"FallbackFrom", func(m *CreateMessage) any { return &m.FallbackFrom }},
	{"Body", func(m *CreateMessage) any { return &m.Body }},
	{"MediaUrl", func(m *CreateMessage) any { return &m.MediaUrl }},
	{"ContentSid", func(m *CreateMessage) any { return &m.ContentSid }},
	{"ContentVariables", func(m *CreateMessage) any { return &m.ContentVariables }},
	{"PersistentAction", func(m *CreateMessage) any { return &m.PersistentAction }},
	{"SmartEncoded", func(m *CreateMessage) any { return &m.SmartEncoded }},
	{"SendAsMms", func(m *CreateMessage) any { return &m.SendAsMms }},
	{"ShortenUrls", func(m *CreateMessage) any { return &m.ShortenUrls }},
	{"ScheduleType", func(m *CreateMessage) any { return &m.ScheduleType }},
	{"SendAt", func(m *CreateMessage) any { return &m.SendAt }},
	{"ValidityPeriod", func(m *CreateMessage) any { return &m.ValidityPeriod }},
	{"StatusCallback", func(m *CreateMessage) any { return &m.StatusCallback }},
	{"ApplicationSid", func(m *CreateMessage) any { return &m.ApplicationSid }},
	{"ProvideFeedback", func(m *CreateMessage) any { return &m.ProvideFeedback }},
	{"ContentRetention", func(m *CreateMessage) any { return &m.ContentRetention }},
	{"AddressRetention", func(m *CreateMessage) any { return &m.AddressRetention }},
	{"RiskCheck", func(m *CreateMessage) any { return &m.RiskCheck }},
	{"TrafficType", func(m *CreateMessage) any { return &m.TrafficType }},
	{"Attempt", func(m *CreateMessage) any { return &m.Attempt }},
	{"MaxPrice", func(m *CreateMessage) any { return &m.MaxPrice }},
	{"ForceDelivery", func(m *CreateMessage) any { return &m.ForceDelivery }},
	{"Tags", func(m *CreateMessage) any { return &m.Tags }},
}

// ParseCreateMessage reads the parameters of a create-message request, as
// Twilio receives them in its form body, into a CreateMessage: the inverse
// of Form. Names are Twilio's and case-sensitive ("To", "MediaUrl").
// MediaUrl and PersistentAction may repeat; a Flag is "true" or "false"; an
// integer is written in decimal; SendAt is an RFC 3339 time.
//
// A value that was given is never dropped: where the CreateMessage field
// would read it as "not given" (ValidityPeriod or Attempt of 0), it is a
// range error, as Twilio would refuse it. Every problem (an unknown name, a
// parameter given twice, a value of the wrong form) is a *ParamError, all
// joined; the rules of the parameters themselves are Validate's.
func ParseCreateMessage(v url.Values) (CreateMessage, error) {
	var m CreateMessage
	var p problems
	names := createParamNames()
	for _, name := range sortedNames(v) {
		vs := v[name]
		i := slices.Index(names, name)
		if i < 0 {
			p.add(name, ParamUnknown, unknownDetail(name, names))
			continue
		}
		parseParam(&p, name, vs, createParams[i].field(&m))
	}
	return m, p.err()
}

// ParseListMessages reads the filters of a message list, named as Twilio
// names them in the query ("To", "DateSent<", "PageSize"), into a
// ListMessages: the inverse of Query. As ParseCreateMessage, it never drops
// a value that was given: PageSize 0 is a range error.
func ParseListMessages(v url.Values) (ListMessages, error) {
	var l ListMessages
	var p problems
	fields := [...]struct {
		name string
		ptr  any
	}{
		{"To", &l.To}, {"From", &l.From}, {"DateSent", &l.DateSent}, {"DateSent<", &l.DateSentBefore},
		{"DateSent>", &l.DateSentAfter}, {"PageSize", &l.PageSize}, {"Page", &l.Page}, {"PageToken", &l.PageToken},
	}
	names := make([]string, len(fields))
	for i, f := range fields {
		names[i] = f.name
	}
	for _, name := range sortedNames(v) {
		i := slices.Index(names, name)
		if i < 0 {
			p.add(name, ParamUnknown, unknownDetail(name, names))
			continue
		}
		parseParam(&p, name, v[name], fields[i].ptr)
	}
	return l, p.err()
}

func sortedNames(v url.Values) []string {
	names := make([]string, 0, len(v))
	for k := range v {
		names = append(names, k)
	}
	slices.Sort(names)
	return names
}

func createParamNames() []string {
	names := make([]string, len(createParams))
	for i, c := range createParams {
		names[i] = c.name
	}
	return names
}

// unknownDetail says that name is not a parameter, and which one it was
// probably meant to be when it differs from one only in case.
func unknownDetail(name string, names []string) string {
	if name == "" {
		return "an empty name is not a parameter"
	}
	for _, n := range names {
		if strings.EqualFold(n, name) { // "to", "BODY", "ſmartEncoded" (U+017F folds to s)
			return "not a parameter; names are case-sensitive: did you mean " + strconv.Quote(n) + "?"
		}
	}
	return "not a parameter of this request (names are case-sensitive, as Twilio spells them)"
}

// parseParam stores the values vs of parameter name into ptr, reporting
// values of the wrong form or number.
func parseParam(p *problems, name string, vs []string, ptr any) {
	if s, ok := ptr.(*[]string); ok {
		*s = slices.Clone(vs)
		return
	}
	if len(vs) != 1 {
		p.add(name, ParamTooMany, "given "+strconv.Itoa(len(vs))+" times, once expected")
		return
	}
	v := vs[0]
	switch f := ptr.(type) {
	case *string:
		*f = v
	case *ScheduleType:
		*f = ScheduleType(v)
	case *ContentRetention:
		*f = ContentRetention(v)
	case *AddressRetention:
		*f = AddressRetention(v)
	case *RiskCheck:
		*f = RiskCheck(v)
	case *TrafficType:
		*f = TrafficType(v)
	case *Flag:
		switch v {
		case "true":
			*f = FlagTrue
		case "false":
			*f = FlagFalse
		default:
			p.add(name, ParamFormat, quote.Short(v)+" is not true or false")
		}
	case *int:
		n, err := strconv.Atoi(v)
		switch {
		case errors.Is(err, strconv.ErrRange):
			// An integer, but too large for any field: a range error, so the
			// caller does not look for a typo.
			p.addCause(name, ParamRange, quote.Short(v)+" is out of range", err)
		case err != nil:
			p.addCause(name, ParamFormat, quote.Short(v)+" is not an integer", err)
		case n == 0 && name != "Page":
			// The field's zero means "not given": a given 0 must not vanish.
			p.add(name, ParamRange, "0 was given; Twilio accepts only 1 or more (leave it out for Twilio's default)")
		default:
			*f = n
		}
	case *time.Time:
		t, err := time.Parse(time.RFC3339, v)
		if err != nil {
			p.addCause(name, ParamFormat, quote.Short(v)+" is not an RFC 3339 time such as 2026-12-01T09:30:00Z", err)
			return
		}
		*f = t
	}
}
