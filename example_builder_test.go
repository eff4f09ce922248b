package sms_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/smsgauge/sms"
)

const (
	exAccount = "AC0123456789abcdef0123456789abcdef"
	exService = "MG0123456789abcdef0123456789abcdef"
	exMessage = "SM0123456789abcdef0123456789abcdef"
)

func ExampleCreateMessage_Validate() {
	m := sms.CreateMessage{
		To:             "+14155552671",
		Body:           "Your code is 123456",
		StatusCallback: "https://my_host.example.com/status",
		ValidityPeriod: 99999,
	}
	err := m.Validate()
	for _, pe := range sms.ParamErrors(err) {
		fmt.Println(pe.Param, pe.Rule)
	}
	fmt.Println(errors.Is(err, sms.ParamURL))
	// Output:
	// From required
	// ValidityPeriod range
	// StatusCallback url
	// true
}

func ExampleCreateMessage_Form() {
	m := sms.CreateMessage{
		To:           "+14155552671",
		From:         "+14155550100",
		Body:         "Hello & welcome",
		MediaUrl:     []string{"https://example.com/2.png", "https://example.com/1.png"},
		SmartEncoded: sms.FlagTrue,
	}
	form, err := m.Form()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(form.Encode())
	// Output:
	// Body=Hello+%26+welcome&From=%2B14155550100&MediaUrl=https%3A%2F%2Fexample.com%2F2.png&MediaUrl=https%3A%2F%2Fexample.com%2F1.png&SmartEncoded=true&To=%2B14155552671
}

func ExampleCreateMessage_Warnings() {
	m := sms.CreateMessage{To: "+14155552671", From: "+14155550100", MaxPrice: "0.05",
		Body: "We’ll be there at noon. Reply STOP to opt out of further messages from Acme Deliveries and partners, thanks again"}
	for _, w := range m.Warnings() {
		fmt.Println(w.Code+":", w)
	}
	// Output:
	// obsolete: MaxPrice: obsolete: Twilio ignores MaxPrice since 2024-06-03
	// costly-char: Body: one character forces UCS-2: "’" at byte 2 (smart: "'"); 2 segments, 1 with Suggest's body (set SmartEncoded=true)
}

func ExampleCreateMessage_Estimate() {
	m := sms.CreateMessage{To: "+14155552671", Body: "Don’t forget: “Sale” ends today!"}
	e := m.Estimate()
	fmt.Println(e.Kind, e.Encoding, e.Segments)
	m.SmartEncoded = sms.FlagTrue
	e = m.Estimate()
	fmt.Println(e.Kind, e.Encoding, e.Segments, e.Body)
	// Output:
	// sms UCS-2 1
	// sms GSM-7 1 Don't forget: "Sale" ends today!
}

// fixedClock is the clock of the examples that schedule.
func fixedClock() time.Time { return time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC) }

func ExampleRules_Validate() {
	m := sms.CreateMessage{To: "+14155552671", MessagingServiceSid: exService, Body: "Reminder",
		ScheduleType: sms.ScheduleFixed, SendAt: fixedClock().Add(10 * time.Minute)}
	// Today's rule (Twilio's error 35115, 2026): 5 minutes ahead is enough.
	fmt.Println(sms.Rules{Now: fixedClock}.Validate(m))
	// The older pages asked for 15 minutes.
	err := sms.Rules{Now: fixedClock, MinLead: 15 * time.Minute}.Validate(m)
	fmt.Println(err)
	for _, pe := range sms.ParamErrors(err) {
		fmt.Println(pe.TwilioCode, sms.TwilioErrorURL(pe.TwilioCode))
	}
	// Output:
	// <nil>
	// sms: SendAt: schedule-window: 2026-12-01T12:10:00Z is less than 15 minutes ahead (earliest 2026-12-01T12:15:00Z) (Twilio error 35115)
	// 35115 https://www.twilio.com/docs/api/errors/35115
}

func ExampleRules_Form() {
	r := sms.Rules{Now: fixedClock}
	m := sms.CreateMessage{To: "+14155552671", MessagingServiceSid: exService, Body: "Reminder",
		ScheduleType: sms.ScheduleFixed, SendAt: time.Date(2026, 12, 2, 9, 0, 0, 0, time.FixedZone("CET", 3600))}
	form, _ := r.Form(m)
	fmt.Println(form.Get("SendAt"))
	// Output:
	// 2026-12-02T08:00:00Z
}

func ExampleRules_Warnings() {
	r := sms.Rules{Now: fixedClock}
	m := sms.CreateMessage{To: "whatsapp:+14155552671", From: "whatsapp:+14155550100",
		MediaUrl: []string{"https://example.com/a.jpg", "https://example.com/b.jpg"}}
	fmt.Println(r.Warnings(m))
	// Output:
	// [MediaUrl: WhatsApp sends only the first of 2 media URLs]
}

func ExampleRules_Estimate() {
	body := "Tracking 1Z999AA10123456784: your parcel ships today and arrives within three working days. " +
		"Thanks for shopping with us, and see you again soon at the same store!"
	m := sms.CreateMessage{To: "+14155552671", Body: body}
	fmt.Println(sms.Rules{}.Estimate(m).Segments)
	fmt.Println(sms.Rules{Options: sms.Options{UDH16: true}}.Estimate(m).Segments)
	// Output:
	// 2
	// 2
}

func ExampleRules_Window() {
	earliest, latest := sms.Rules{Now: fixedClock}.Window()
	fmt.Println(earliest.Format(time.RFC3339), latest.Format(time.RFC3339))
	// Output:
	// 2026-12-01T12:05:00Z 2027-01-05T12:00:00Z
}

func ExampleParamErrors() {
	err := sms.CreateMessage{Body: "x"}.Validate()
	for _, pe := range sms.ParamErrors(err) {
		fmt.Println(pe)
	}
	// Output:
	// sms: To: required: the recipient is required (Twilio error 21604)
	// sms: From: required: give From, MessagingServiceSid or both (Twilio error 21603)
}

func ExampleParamError() {
	err := sms.CreateMessage{To: "+14155552671", From: "+14155550100", Body: "x", ContentSid: "HX123"}.Validate()
	var pe *sms.ParamError
	if errors.As(err, &pe) {
		fmt.Println(pe.Param, pe.Rule, errors.Is(err, sms.ErrSID))
	}
	// Output:
	// ContentSid sid true
}

func ExampleParamRule_String() {
	fmt.Println(sms.ParamSchedule, sms.ParamControl)
	// Output:
	// schedule-window control-char
}

func ExampleParamRule_Error() {
	m := sms.CreateMessage{To: "+14155552671", From: "+14155550100", Body: "Hi", ValidityPeriod: 99999}
	err := m.Validate()
	fmt.Println(errors.Is(err, sms.ParamRange), errors.Is(err, sms.ParamURL), errors.Is(err, sms.ErrInvalidParam))
	// Output:
	// true false true
}

func ExampleBodyUnits() {
	fmt.Println(sms.BodyUnits("héllo"), sms.BodyUnits("👍"), sms.BodyUnits("中文"))
	// Output:
	// 5 2 2
}

func ExampleFormatSendAt() {
	t := time.Date(2026, 12, 24, 18, 30, 0, 500, time.FixedZone("EST", -5*3600))
	fmt.Println(sms.FormatSendAt(t))
	// Output:
	// 2026-12-24T23:30:00Z
}

func ExampleFlagOf() {
	m := sms.CreateMessage{SendAsMms: sms.FlagOf(true), ShortenUrls: sms.FlagFalse}
	fmt.Printf("%q %q %q\n", m.SendAsMms, m.ShortenUrls, m.SmartEncoded)
	// Output:
	// "true" "false" ""
}

func ExampleFlag_IsSet() {
	fmt.Println(sms.FlagUnset.IsSet(), sms.FlagFalse.IsSet(), sms.FlagFalse.Bool())
	// Output:
	// false true false
}

func ExampleUpdateMessage_Validate() {
	fmt.Println(sms.UpdateMessage{Sid: exMessage, Status: "cancelled"}.Validate())
	// Output:
	// sms: Status: enum: "cancelled": Twilio spells it "canceled", with one l
}

func ExampleUpdateMessage_Form() {
	form, _ := sms.UpdateMessage{Sid: exMessage, Redact: true}.Form()
	fmt.Printf("%q\n", form.Encode())
	// Output:
	// "Body="
}

func ExampleListMessages_Validate() {
	fmt.Println(sms.ListMessages{PageSize: 5000}.Validate())
	// Output:
	// sms: PageSize: range: 5000 is not from 1 to 1000
}

func ExampleListMessages_Query() {
	q, _ := sms.ListMessages{To: "+15558675310", DateSentAfter: "2026-11-01", PageSize: 20}.Query()
	fmt.Println(q.Encode())
	// Output:
	// DateSent%3E=2026-11-01&PageSize=20&To=%2B15558675310
}

func ExampleFetchMessage_Validate() {
	fmt.Println(sms.FetchMessage{Sid: exService}.Validate() != nil)
	// Output:
	// true
}

func ExampleDeleteMessage_Validate() {
	fmt.Println(sms.DeleteMessage{Sid: exMessage}.Validate())
	// Output:
	// <nil>
}

func ExampleWarning_String() {
	w := sms.Warning{Param: "MaxPrice", Code: sms.WarnObsolete, Message: "obsolete"}
	fmt.Println(w)
	// Output:
	// MaxPrice: obsolete
}

func ExampleMessageKind_String() {
	m := sms.CreateMessage{To: "+14155552671", Body: "x", MediaUrl: []string{"https://example.com/a.gif"}}
	fmt.Println(m.Estimate().Kind)
	// Output:
	// mms
}
