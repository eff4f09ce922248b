package sms

import (
	"fmt"
	"net/url"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// badInputs is the catalogue of hostile or broken input. Each names the
// problems Validate must report.
func badInputs() []ruleCase {
	cases := []ruleCase{
		{"100 KB Body", func(m *CreateMessage) { m.Body = strings.Repeat("€", 100<<10/3) }, []string{"Body/too-long"}},
		{"11 media URLs", func(m *CreateMessage) {
			for i := range 11 {
				m.MediaUrl = append(m.MediaUrl, "https://example.com/"+strconv.Itoa(i)+".jpg")
			}
		}, []string{"MediaUrl/too-many"}},
		{"callback host with underscore", func(m *CreateMessage) { m.StatusCallback = "https://my_host.example.com/status" }, []string{"StatusCallback/url"}},
		{"callback javascript scheme", func(m *CreateMessage) { m.StatusCallback = "javascript:alert(document.cookie)" }, []string{"StatusCallback/url"}},
		{"callback with credentials", func(m *CreateMessage) { m.StatusCallback = "https://admin:hunter2@example.com/" }, []string{"StatusCallback/url"}},
		{"SendAt in the past", func(m *CreateMessage) {
			m.MessagingServiceSid = tMG
			m.ScheduleType = ScheduleFixed
			m.SendAt = testNow.AddDate(0, 0, -1)
		}, []string{"SendAt/schedule-window"}},
		{"ContentVariables as a JSON array", func(m *CreateMessage) { m.ContentSid = tHX; m.ContentVariables = `["Ada","Lovelace"]` }, []string{"ContentVariables/json"}},
		{"wrong SID prefix MessagingServiceSid", func(m *CreateMessage) { m.MessagingServiceSid = "MM" + tMG[2:] }, []string{"MessagingServiceSid/sid"}},
		{"wrong SID prefix ContentSid", func(m *CreateMessage) { m.ContentSid = "HC" + tHX[2:] }, []string{"ContentSid/sid"}},
		{"wrong SID prefix ApplicationSid", func(m *CreateMessage) { m.ApplicationSid = tAC }, []string{"ApplicationSid/sid"}},
		{"SID with non-hex digit", func(m *CreateMessage) { m.ApplicationSid = tAP[:33] + "g" }, []string{"ApplicationSid/sid"}},
		{"lowercase SID prefix", func(m *CreateMessage) { m.MessagingServiceSid = "mg" + tMG[2:] }, []string{"MessagingServiceSid/sid"}},
		{"NUL in Body is allowed text", func(m *CreateMessage) { m.Body = "a\x00b" }, nil},
		{"RTL override in From", func(m *CreateMessage) { m.From = "ACME\u202E" }, []string{"From/address"}},
	}
	// Invalid UTF-8 in every string parameter, and in list entries.
	typ := reflect.TypeFor[CreateMessage]()
	for i := range typ.NumField() {
		f := typ.Field(i)
		switch {
		case f.Type.Kind() == reflect.String:
			want := []string{f.Name + "/utf8"}
			cases = append(cases, ruleCase{"invalid UTF-8 in " + f.Name, func(m *CreateMessage) {
				v := reflect.ValueOf(m).Elem().Field(i)
				switch f.Name {
				case "ContentVariables", "Tags":
					m.ContentSid = tHX
					v.SetString("{\"a\":\"\xff\"}")
				default:
					v.SetString(v.String() + "\xc3\x28")
				}
			}, want})
		case f.Type == reflect.TypeFor[[]string]():
			cases = append(cases, ruleCase{"invalid UTF-8 in " + f.Name, func(m *CreateMessage) {
				reflect.ValueOf(m).Elem().Field(i).Set(reflect.ValueOf([]string{"https://example.com/\xff"}))
			}, []string{f.Name + "[0]/utf8"}})
		}
	}
	return cases
}

func TestBadInputCatalogue(t *testing.T) {
	for _, tc := range badInputs() {
		t.Run(tc.name, func(t *testing.T) {
			m := fullMessage()
			if tc.name == "RTL override in From" || strings.HasPrefix(tc.name, "callback") || tc.name == "NUL in Body is allowed text" {
				m = validMessage()
			}
			tc.edit(&m)
			err := testRules.Validate(m)
			if got := problemKeys(err); !slices.Equal(got, tc.want) {
				t.Fatalf("Validate() problems = %v, want %v\n%v", got, tc.want, err)
			}
			// Warnings, Form and Request never panic on bad input.
			_ = testRules.Warnings(m)
			if _, ferr := testRules.Form(m); (ferr == nil) != (err == nil) {
				t.Fatalf("Form() error = %v, Validate() = %v", ferr, err)
			}
			if err != nil {
				if strings.Contains(err.Error(), strings.Repeat("€", 20)) {
					t.Fatalf("the error repeats the body")
				}
			}
		})
	}
}

// formParam is one parameter as Form should send it.
type formParam struct {
	name string
	vals []string // nil: left out
}

// expectedForm lists every parameter of m as Form should send it.
func expectedForm(m CreateMessage) []formParam {
	s := func(name, v string) formParam {
		if v == "" {
			return formParam{name, nil}
		}
		return formParam{name, []string{v}}
	}
	f := func(name string, v Flag) formParam { return s(name, v.String()) }
	i := func(name string, v int) formParam {
		if v == 0 {
			return formParam{name, nil}
		}
		return formParam{name, []string{strconv.Itoa(v)}}
	}
	sendAt := ""
	if !m.SendAt.IsZero() {
		sendAt = m.SendAt.UTC().Truncate(time.Second).Format("2006-01-02T15:04:05Z")
	}
	list := func(name string, v []string) formParam {
		if len(v) == 0 {
			return formParam{name, nil}
		}
		return formParam{name, v}
	}
	return []formParam{
		s("To", m.To), s("From", m.From), s("MessagingServiceSid", m.MessagingServiceSid), s("FallbackFrom", m.FallbackFrom),
		s("Body", m.Body), list("MediaUrl", m.MediaUrl), s("ContentSid", m.ContentSid), s("ContentVariables", m.ContentVariables),
		list("PersistentAction", m.PersistentAction), f("SmartEncoded", m.SmartEncoded), f("SendAsMms", m.SendAsMms),
		f("ShortenUrls", m.ShortenUrls), s("ScheduleType", string(m.ScheduleType)), s("SendAt", sendAt), i("ValidityPeriod", m.ValidityPeriod),
		s("StatusCallback", m.StatusCallback), s("ApplicationSid", m.ApplicationSid), f("ProvideFeedback", m.ProvideFeedback),
		s("ContentRetention", string(m.ContentRetention)), s("AddressRetention", string(m.AddressRetention)), s("RiskCheck", string(m.RiskCheck)),
		s("TrafficType", string(m.TrafficType)), i("Attempt", m.Attempt), s("MaxPrice", m.MaxPrice), f("ForceDelivery", m.ForceDelivery),
		s("Tags", m.Tags),
	}
}

// checkRoundTrip encodes m's form, parses it back and compares every
// parameter with m's fields.
func checkRoundTrip(m CreateMessage, form url.Values) error {
	back, err := url.ParseQuery(form.Encode())
	if err != nil {
		return fmt.Errorf("url.ParseQuery(Form().Encode()) error = %v", err)
	}
	want := expectedForm(m)
	if len(want) != 26 {
		return fmt.Errorf("expectedForm covers %d parameters, want 26", len(want))
	}
	n := 0
	for _, p := range want {
		got, ok := back[p.name]
		if p.vals == nil {
			if ok {
				return fmt.Errorf("%s = %q after the round trip, want it left out", p.name, got)
			}
			continue
		}
		n++
		if !slices.Equal(got, p.vals) {
			return fmt.Errorf("%s = %q after the round trip, want %q", p.name, got, p.vals)
		}
	}
	if len(back) != n {
		return fmt.Errorf("the form has %d keys, want %d", len(back), n)
	}
	return nil
}

func TestRoundTripCases(t *testing.T) {
	for _, tc := range slices.Concat(ruleCases(), badInputs()) {
		t.Run(tc.name, func(t *testing.T) {
			m := validMessage()
			tc.edit(&m)
			form, err := testRules.Form(m)
			if err != nil {
				return // invalid: covered by the rule tests
			}
			if err := checkRoundTrip(m, form); err != nil {
				t.Fatal(err)
			}
		})
	}
	m := fullMessage()
	form, err := testRules.Form(m)
	if err != nil {
		t.Fatal(err)
	}
	if err := checkRoundTrip(m, form); err != nil {
		t.Fatal(err)
	}
}

// FuzzCreateMessage builds messages from fuzz data. Nothing may panic, and
// whenever Validate passes, the encoded form parses back to the fields.
func FuzzCreateMessage(f *testing.F) {
	seed := func(m CreateMessage) {
		media := strings.Join(m.MediaUrl, "\x1f")
		actions := strings.Join(m.PersistentAction, "\x1f")
		var offset int64
		if !m.SendAt.IsZero() {
			offset = int64(m.SendAt.Sub(testNow) / time.Second)
		}
		flags := uint16(m.SmartEncoded) | uint16(m.SendAsMms)<<2 | uint16(m.ShortenUrls)<<4 | uint16(m.ProvideFeedback)<<6 | uint16(m.ForceDelivery)<<8
		f.Add(m.To, m.From, m.MessagingServiceSid, m.FallbackFrom, m.Body, media, m.ContentSid, m.ContentVariables,
			actions, string(m.ScheduleType), m.StatusCallback, m.ApplicationSid,
			string(m.ContentRetention)+"|"+string(m.AddressRetention)+"|"+string(m.RiskCheck)+"|"+string(m.TrafficType), m.MaxPrice, m.Tags,
			m.ValidityPeriod, m.Attempt, flags, offset)
	}
	seed(validMessage())
	seed(fullMessage())
	for _, tc := range slices.Concat(ruleCases(), badInputs()) {
		m := validMessage()
		tc.edit(&m)
		if len(m.Body) > 2000 {
			m.Body = m.Body[:2000]
		}
		seed(m)
	}
	f.Fuzz(func(t *testing.T, to, from, service, fallback, body, media, contentSid, contentVars,
		actions, schedule, callback, appSid, enums, maxPrice, tags string,
		validity, attempt int, flags uint16, offset int64) {
		split := func(s string) []string {
			if s == "" {
				return nil
			}
			return strings.Split(s, "\x1f")
		}
		en := strings.SplitN(enums, "|", 4)
		for len(en) < 4 {
			en = append(en, "")
		}
		m := CreateMessage{
			To: to, From: from, MessagingServiceSid: service, FallbackFrom: fallback, Body: body,
			MediaUrl: split(media), ContentSid: contentSid, ContentVariables: contentVars,
			PersistentAction: split(actions), ScheduleType: ScheduleType(schedule), StatusCallback: callback,
			ApplicationSid: appSid, ContentRetention: ContentRetention(en[0]), AddressRetention: AddressRetention(en[1]), RiskCheck: RiskCheck(en[2]),
			TrafficType: TrafficType(en[3]), MaxPrice: maxPrice, Tags: tags, ValidityPeriod: validity, Attempt: attempt,
			SmartEncoded: Flag(flags & 3), SendAsMms: Flag(flags >> 2 & 3), ShortenUrls: Flag(flags >> 4 & 3),
			ProvideFeedback: Flag(flags >> 6 & 3), ForceDelivery: Flag(flags >> 8 & 3),
		}
		if offset != 0 {
			m.SendAt = testNow.Add(time.Duration(offset%(1<<32)) * time.Second)
		}
		err := testRules.Validate(m)
		_ = testRules.Warnings(m)
		_, _ = testRules.Form(m)
		for _, pe := range ParamErrors(err) {
			if pe.Param == "" || pe.Rule < ParamRequired || pe.Rule > ParamUnknown {
				t.Fatalf("malformed ParamError %#v", pe)
			}
		}
		form, ferr := testRules.Form(m)
		if (err == nil) != (ferr == nil) {
			t.Fatalf("Validate() = %v but Form() error = %v", err, ferr)
		}
		if err != nil {
			return
		}
		if rerr := checkRoundTrip(m, form); rerr != nil {
			t.Fatal(rerr)
		}
	})
}
