package sms

import (
	"strconv"
	"time"
)

// Default scheduling window for SendAt: today's rule, 5 minutes (300
// seconds) to 35 days ahead.
//
// Twilio's page for error 35115, dated 2026-04-27, says SendAt must be more
// than 5 minutes (300 seconds) and at most 35 days after the request reaches
// Twilio; its page for 35114, the same error under another number, says
// "between 300 seconds and 35 days ... inclusive". Older pages (the Message
// Scheduling guide, and 35114 and 35111 in some versions still online in
// 2026) said at least 15 minutes (900 seconds), and the scheduling beta of
// 2022 at most 7 days. Set Rules.MinLead to 15*time.Minute to follow the
// older rule. The window includes its edges; a request takes time to reach
// Twilio, so leave a margin beyond the minimum.
const (
	DefaultMinLead = 5 * time.Minute
	DefaultMaxLead = 35 * 24 * time.Hour
)

// Rules holds the settings of create-message validation and estimates. The
// zero value is the default: the real clock, a SendAt window of 5 minutes
// to 35 days, strict addresses, and the calculator's segment rules.
// Rules is a plain value, safe to share between goroutines as long as Now
// is.
type Rules struct {
	// Now returns the current time; nil means time.Now. Inject a fixed clock
	// in tests.
	Now func() time.Time
	// MinLead is how far ahead of Now a SendAt must be at least; 0 means
	// DefaultMinLead (5 minutes, Twilio's rule since its 2026 error pages;
	// set 15*time.Minute for the older one).
	MinLead time.Duration
	// MaxLead is how far ahead of Now a SendAt may be at most; 0 means
	// DefaultMaxLead (35 days). A negative lead, or a MaxLead below MinLead,
	// makes Validate fail with an *OptionError when SendAt is set.
	MaxLead time.Duration
	// PermissiveSenderID lets an alphanumeric From also hold - + _ and &
	// (AddressOptions.Permissive). Addresses are otherwise checked strictly,
	// as Twilio reads them: Form sends them unchanged.
	PermissiveSenderID bool
	// SmartPolicy is the smart-encoding policy Estimate assumes for
	// SmartEncoded=true; the zero value is the calculator's (always
	// substitute). Nobody has confirmed which one the live API follows.
	SmartPolicy SmartPolicy
	// Options are the analysis options of Estimate and Warnings (UDH16 for
	// routes that bill with a 16-bit concatenation reference).
	Options Options
}

func (r Rules) now() time.Time {
	if r.Now != nil {
		return r.Now()
	}
	return time.Now()
}

// Window returns the earliest and latest SendAt the rules accept now.
func (r Rules) Window() (earliest, latest time.Time) {
	minLead, maxLead := r.MinLead, r.MaxLead
	if minLead == 0 {
		minLead = DefaultMinLead
	}
	if maxLead == 0 {
		maxLead = DefaultMaxLead
	}
	now := r.now()
	return now.Add(minLead), now.Add(maxLead)
}

// checkSchedule applies the ScheduleType, SendAt and window rules.
func (r Rules) checkSchedule(p *problems, m CreateMessage) {
	checkEnum(p, "ScheduleType", m.ScheduleType, ScheduleFixed)
	if m.ScheduleType == ScheduleFixed {
		if m.SendAt.IsZero() {
			p.add("SendAt", ParamRequired, "ScheduleType=fixed needs SendAt")
		}
		if m.MessagingServiceSid == "" {
			p.add("MessagingServiceSid", ParamRequired, "ScheduleType=fixed needs a Messaging Service")
		}
	}
	if m.SendAt.IsZero() {
		return
	}
	if m.ScheduleType == "" {
		p.add("ScheduleType", ParamRequired, "SendAt without ScheduleType=fixed: Twilio would ignore SendAt and send at once")
	}
	if r.MinLead < 0 || r.MaxLead < 0 {
		*p = append(*p, &OptionError{Option: "Rules.MinLead/MaxLead", Value: r.MinLead.String() + "/" + r.MaxLead.String()})
		return
	}
	earliest, latest := r.Window()
	if latest.Before(earliest) {
		*p = append(*p, &OptionError{Option: "Rules.MaxLead", Value: latest.Sub(earliest).String() + " before MinLead"})
		return
	}
	at := m.SendAt.Truncate(time.Second) // what Form sends
	switch {
	case at.Before(earliest):
		p.add("SendAt", ParamSchedule, FormatSendAt(at)+" is less than "+humanDuration(earliest.Sub(r.nowFrom(earliest)))+" ahead (earliest "+FormatSendAt(earliest)+")")
	case at.After(latest):
		p.add("SendAt", ParamSchedule, FormatSendAt(at)+" is more than "+humanDuration(latest.Sub(r.nowFrom(earliest)))+" ahead (latest "+FormatSendAt(latest)+")")
	}
}

// nowFrom recovers the instant Window used from its earliest time, so that
// one message reports one consistent clock reading.
func (r Rules) nowFrom(earliest time.Time) time.Time {
	if r.MinLead == 0 {
		return earliest.Add(-DefaultMinLead)
	}
	return earliest.Add(-r.MinLead)
}

// humanDuration writes whole days, hours or minutes when d is a multiple of
// one ("35 days", "15 minutes"), and time.Duration's form otherwise.
func humanDuration(d time.Duration) string {
	unit := func(n int64, one string) string {
		if n == 1 {
			return "1 " + one
		}
		return strconv.FormatInt(n, 10) + " " + one + "s"
	}
	switch {
	case d == 0:
		return "0 seconds"
	case d%(24*time.Hour) == 0:
		return unit(int64(d/(24*time.Hour)), "day")
	case d%time.Hour == 0:
		return unit(int64(d/time.Hour), "hour")
	case d%time.Minute == 0:
		return unit(int64(d/time.Minute), "minute")
	}
	return d.String()
}
