package sms

import (
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/smsgauge/sms/internal/quote"
)

// StatusCanceled is the only Status an update may set: it cancels a
// scheduled message. Twilio spells it with one "l".
const StatusCanceled = "canceled"

// MaxPageSize is the largest PageSize of a message list.
const MaxPageSize = 1000

// checkMessageSID checks a Message SID: "SM" or "MM" and 32 hexadecimal
// digits.
func checkMessageSID(p *problems, s string) {
	switch {
	case s == "":
		p.add("Sid", ParamRequired, "the Message SID is required")
	default:
		checkSIDParam(p, "Sid", s, SIDMessage)
	}
}

// UpdateMessage changes a sent or scheduled message:
// POST /2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json. Redact erases
// its text (Twilio's Body="", the only Body the update accepts); Status
// "canceled" cancels a scheduled message.
type UpdateMessage struct {
	Sid    string // "SM…" or "MM…"
	Redact bool   // send Body="" to redact the message text
	Status string // "" or StatusCanceled
}

// Validate reports every problem of u, joined; each is a *ParamError.
func (u UpdateMessage) Validate() error {
	var p problems
	checkMessageSID(&p, u.Sid)
	switch s := u.Status; {
	case s == "" && !u.Redact:
		p.add("Status", ParamRequired, "nothing to update: set Redact, Status=canceled or both")
	case s == "" || s == StatusCanceled:
	case strings.EqualFold(s, "cancelled"):
		p.add("Status", ParamEnum, quote.Short(s)+": Twilio spells it \"canceled\", with one l")
	default:
		p.add("Status", ParamEnum, quote.Short(s)+" is not \"canceled\", the only status an update may set")
	}
	return p.err()
}

// Form validates u and returns its form body: Body= (empty) when Redact,
// and Status.
func (u UpdateMessage) Form() (url.Values, error) {
	if err := u.Validate(); err != nil {
		return nil, err
	}
	v := url.Values{}
	if u.Redact {
		v["Body"] = []string{""}
	}
	if u.Status != "" {
		v["Status"] = []string{u.Status}
	}
	return v, nil
}

// FetchMessage reads one message:
// GET /2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json.
type FetchMessage struct {
	Sid string // "SM…" or "MM…"
}

// Validate checks the Message SID.
func (f FetchMessage) Validate() error {
	var p problems
	checkMessageSID(&p, f.Sid)
	return p.err()
}

// DeleteMessage deletes one message:
// DELETE /2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json.
type DeleteMessage struct {
	Sid string // "SM…" or "MM…"
}

// Validate checks the Message SID.
func (d DeleteMessage) Validate() error {
	var p problems
	checkMessageSID(&p, d.Sid)
	return p.err()
}

// ListMessages reads a page of messages, newest first:
// GET /2010-04-01/Accounts/{AccountSid}/Messages.json with these query
// parameters. Dates are GMT calendar dates written YYYY-MM-DD, as Twilio's
// documentation asks: DateSent matches one day, DateSentBefore is sent as
// "DateSent<" (on or before) and DateSentAfter as "DateSent>" (on or after).
// Zero values are left out; Page 0 is Twilio's default.
type ListMessages struct {
	To             string
	From           string
	DateSent       string // YYYY-MM-DD
	DateSentBefore string // YYYY-MM-DD, sent as DateSent<
	DateSentAfter  string // YYYY-MM-DD, sent as DateSent>
	PageSize       int    // 1 to 1000; 0 leaves Twilio's default of 50
	Page           int    // page index, 0 or more
	PageToken      string // from the previous page's next_page_uri
}

// Validate reports every problem of l, joined; each is a *ParamError.
func (l ListMessages) Validate() error {
	var p problems
	for _, f := range [...]struct{ name, v string }{{"To", l.To}, {"From", l.From}, {"PageToken", l.PageToken}} {
		if f.v != "" {
			checkText(&p, f.name, f.v)
		}
	}
	for _, f := range [...]struct{ name, v string }{{"DateSent", l.DateSent}, {"DateSent<", l.DateSentBefore}, {"DateSent>", l.DateSentAfter}} {
		if f.v == "" {
			continue
		}
		if _, err := time.Parse(time.DateOnly, f.v); err != nil || len(f.v) != len(time.DateOnly) {
			p.addCause(f.name, ParamFormat, quote.Short(f.v)+" is not a date written YYYY-MM-DD", err)
		}
	}
	if l.PageSize != 0 && (l.PageSize < 1 || l.PageSize > MaxPageSize) {
		p.add("PageSize", ParamRange, strconv.Itoa(l.PageSize)+" is not from 1 to 1000")
	}
	if l.Page < 0 {
		p.add("Page", ParamRange, strconv.Itoa(l.Page)+" is negative")
	}
	return p.err()
}

// Query validates l and returns its query parameters.
func (l ListMessages) Query() (url.Values, error) {
	if err := l.Validate(); err != nil {
		return nil, err
	}
	v := url.Values{}
	for _, f := range [...]struct{ name, v string }{{"To", l.To}, {"From", l.From},
		{"DateSent", l.DateSent}, {"DateSent<", l.DateSentBefore}, {"DateSent>", l.DateSentAfter},
		{"PageToken", l.PageToken}} {
		if f.v != "" {
			v.Set(f.name, f.v)
		}
	}
	if l.PageSize != 0 {
		v.Set("PageSize", strconv.Itoa(l.PageSize))
	}
	if l.Page != 0 {
		v.Set("Page", strconv.Itoa(l.Page))
	}
	return v, nil
}
