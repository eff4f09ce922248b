package sms

import (
	"errors"
	"fmt"
	"net/url"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

var testNow = time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)

var testRules = Rules{Now: func() time.Time { return testNow }}

const (
	tMG = "MG0123456789abcdef0123456789abcdef"
	tAP = "AP0123456789abcdef0123456789abcdef"
	tHX = "HX0123456789abcdef0123456789abcdef"
	tAC = "AC0123456789abcdef0123456789abcdef"
	tSK = "SK0123456789abcdef0123456789abcdef"
	tSM = "SM0123456789abcdef0123456789abcdef"
)

func validMessage() CreateMessage {
	return CreateMessage{To: "+14155552671", From: "+14155550100", Body: "Hello"}
}

// problemKeys lists "Param/rule" of every *ParamError in err, sorted.
func problemKeys(err error) []string {
	var out []string
	for _, pe := range ParamErrors(err) {
		out = append(out, pe.Param+"/"+pe.Rule.String())
	}
	slices.Sort(out)
	return out
}

type ruleCase struct {
	name string
	edit func(m *CreateMessage)
	want []string // sorted "Param/rule"; nil: valid
}

func ruleCases() []ruleCase {
	emoji := "\U0001F600"
	return []ruleCase{
		{"valid minimal", func(m *CreateMessage) {}, nil},
		// To
		{"To required", func(m *CreateMessage) { m.To = "" }, []string{"To/required"}},
		{"To without plus", func(m *CreateMessage) { m.To = "14155552671" }, []string{"To/address"}},
		{"To sender ID", func(m *CreateMessage) { m.To = "ACME" }, []string{"To/address"}},
		{"To unknown channel", func(m *CreateMessage) { m.To = "telegram:+14155552671"; m.From = ""; m.MessagingServiceSid = tMG }, []string{"To/address"}},
		{"To whatsapp", func(m *CreateMessage) { m.To = "whatsapp:+14155552671"; m.From = "whatsapp:+14155550100" }, nil},
		{"To short code", func(m *CreateMessage) { m.To = "12345" }, nil},
		// From / MessagingServiceSid
		{"From or service required", func(m *CreateMessage) { m.From = "" }, []string{"From/required"}},
		{"service alone", func(m *CreateMessage) { m.From = ""; m.MessagingServiceSid = tMG }, nil},
		{"From and service", func(m *CreateMessage) { m.MessagingServiceSid = tMG }, nil},
		{"From sender ID", func(m *CreateMessage) { m.From = "ACME" }, nil},
		{"From channel mismatch", func(m *CreateMessage) { m.From = "whatsapp:+14155550100" }, []string{"From/address"}},
		{"From same as To", func(m *CreateMessage) { m.From = m.To }, []string{"From/address"}},
		{"From garbage", func(m *CreateMessage) { m.From = "+1-415" }, []string{"From/address"}},
		{"service wrong prefix", func(m *CreateMessage) { m.MessagingServiceSid = tAP }, []string{"MessagingServiceSid/sid"}},
		{"service short", func(m *CreateMessage) { m.MessagingServiceSid = tMG[:33] }, []string{"MessagingServiceSid/sid"}},
		// Content
		{"content required", func(m *CreateMessage) { m.Body = "" }, []string{"Body/required"}},
		{"media only", func(m *CreateMessage) { m.Body = ""; m.MediaUrl = []string{"https://example.com/a.png"} }, nil},
		{"content sid only", func(m *CreateMessage) { m.Body = ""; m.ContentSid = tHX }, nil},
		{"Body 1600 ASCII", func(m *CreateMessage) { m.Body = strings.Repeat("a", 1600) }, nil},
		{"Body 1601 ASCII", func(m *CreateMessage) { m.Body = strings.Repeat("a", 1601) }, []string{"Body/too-long"}},
		{"Body 1600 e-acute (3200 bytes)", func(m *CreateMessage) { m.Body = strings.Repeat("é", 1600) }, nil},
		{"Body 1600 CJK (4800 bytes)", func(m *CreateMessage) { m.Body = strings.Repeat("中", 1600) }, nil},
		{"Body 800 emoji (1600 units)", func(m *CreateMessage) { m.Body = strings.Repeat(emoji, 800) }, nil},
		{"Body 801 emoji (1602 units)", func(m *CreateMessage) { m.Body = strings.Repeat(emoji, 801) }, []string{"Body/too-long"}},
		{"Body 1000 emoji counted as UTF-16", func(m *CreateMessage) { m.Body = strings.Repeat(emoji, 1000) }, []string{"Body/too-long"}},
		{"Body 100 KB", func(m *CreateMessage) { m.Body = strings.Repeat("x", 100<<10) }, []string{"Body/too-long"}},
		{"Body invalid UTF-8", func(m *CreateMessage) { m.Body = "ab\xffcd" }, []string{"Body/utf8"}},
		{"Body with CR LF tab", func(m *CreateMessage) { m.Body = "line 1\r\nline 2\n\tend" }, nil},
		{"MediaUrl 10", func(m *CreateMessage) { m.MediaUrl = slices.Repeat([]string{"https://example.com/a.png"}, 10) }, nil},
		{"MediaUrl 11", func(m *CreateMessage) { m.MediaUrl = slices.Repeat([]string{"https://example.com/a.png"}, 11) }, []string{"MediaUrl/too-many"}},
		{"MediaUrl ftp", func(m *CreateMessage) { m.MediaUrl = []string{"https://ok.example/a", "ftp://example.com/a.png"} }, []string{"MediaUrl[1]/url"}},
		{"MediaUrl relative", func(m *CreateMessage) { m.MediaUrl = []string{"/a.png"} }, []string{"MediaUrl[0]/url"}},
		{"MediaUrl empty", func(m *CreateMessage) { m.MediaUrl = []string{""} }, []string{"MediaUrl[0]/required"}},
		{"MediaUrl space", func(m *CreateMessage) { m.MediaUrl = []string{"https://example.com/a b.png"} }, []string{"MediaUrl[0]/url"}},
		{"ContentSid wrong prefix", func(m *CreateMessage) { m.ContentSid = tMG }, []string{"ContentSid/sid"}},
		{"ContentVariables ok", func(m *CreateMessage) { m.ContentSid = tHX; m.ContentVariables = `{"1":"Ada","2":"12/1"}` }, nil},
		{"ContentVariables needs ContentSid", func(m *CreateMessage) { m.ContentVariables = `{"1":"Ada"}` }, []string{"ContentVariables/depends"}},
		{"ContentVariables array", func(m *CreateMessage) { m.ContentSid = tHX; m.ContentVariables = `["Ada"]` }, []string{"ContentVariables/json"}},
		{"ContentVariables number value", func(m *CreateMessage) { m.ContentSid = tHX; m.ContentVariables = `{"1":2}` }, []string{"ContentVariables/json"}},
		{"ContentVariables nested", func(m *CreateMessage) { m.ContentSid = tHX; m.ContentVariables = `{"1":{"a":"b"}}` }, []string{"ContentVariables/json"}},
		{"ContentVariables broken", func(m *CreateMessage) { m.ContentSid = tHX; m.ContentVariables = `{"1":"Ada"` }, []string{"ContentVariables/json"}},
		{"ContentVariables trailing", func(m *CreateMessage) { m.ContentSid = tHX; m.ContentVariables = `{"1":"Ada"} {}` }, []string{"ContentVariables/json"}},
		{"ContentVariables duplicate", func(m *CreateMessage) { m.ContentSid = tHX; m.ContentVariables = `{"1":"a","1":"b"}` }, []string{"ContentVariables/json"}},
		{"ContentVariables value too long", func(m *CreateMessage) {
			m.ContentSid = tHX
			m.ContentVariables = `{"1":"` + strings.Repeat("a", 1601) + `"}`
		}, []string{"ContentVariables/too-long"}},
		{"PersistentAction empty", func(m *CreateMessage) { m.PersistentAction = []string{"mailto:a@example.com", ""} }, []string{"PersistentAction[1]/required"}},
		{"ShortenUrls needs service", func(m *CreateMessage) { m.ShortenUrls = FlagTrue }, []string{"ShortenUrls/depends"}},
		{"ShortenUrls false alone", func(m *CreateMessage) { m.ShortenUrls = FlagFalse }, nil},
		{"ShortenUrls with service", func(m *CreateMessage) { m.ShortenUrls = FlagTrue; m.MessagingServiceSid = tMG }, nil},
		{"Flag out of range", func(m *CreateMessage) { m.SendAsMms = Flag(7) }, []string{"SendAsMms/enum"}},
		// Scheduling
		{"scheduled ok", func(m *CreateMessage) {
			m.MessagingServiceSid = tMG
			m.ScheduleType = ScheduleFixed
			m.SendAt = testNow.Add(time.Hour)
		}, nil},
		{"ScheduleType needs SendAt", func(m *CreateMessage) { m.MessagingServiceSid = tMG; m.ScheduleType = ScheduleFixed }, []string{"SendAt/required"}},
		{"ScheduleType needs service", func(m *CreateMessage) { m.ScheduleType = ScheduleFixed; m.SendAt = testNow.Add(time.Hour) }, []string{"MessagingServiceSid/required"}},
		{"ScheduleType enum", func(m *CreateMessage) {
			m.MessagingServiceSid = tMG
			m.ScheduleType = "FIXED"
			m.SendAt = testNow.Add(time.Hour)
		}, []string{"ScheduleType/enum"}},
		{"SendAt without ScheduleType", func(m *CreateMessage) { m.MessagingServiceSid = tMG; m.SendAt = testNow.Add(time.Hour) }, []string{"ScheduleType/required"}},
		{"SendAt in the past", func(m *CreateMessage) {
			m.MessagingServiceSid = tMG
			m.ScheduleType = ScheduleFixed
			m.SendAt = testNow.Add(-time.Hour)
		}, []string{"SendAt/schedule-window"}},
		{"SendAt 4m59s ahead", func(m *CreateMessage) {
			m.MessagingServiceSid = tMG
			m.ScheduleType = ScheduleFixed
			m.SendAt = testNow.Add(5*time.Minute - time.Second)
		}, []string{"SendAt/schedule-window"}},
		{"SendAt exactly 5m ahead", func(m *CreateMessage) {
			m.MessagingServiceSid = tMG
			m.ScheduleType = ScheduleFixed
			m.SendAt = testNow.Add(5 * time.Minute)
		}, nil},
		{"SendAt exactly 35 days ahead", func(m *CreateMessage) {
			m.MessagingServiceSid = tMG
			m.ScheduleType = ScheduleFixed
			m.SendAt = testNow.Add(35 * 24 * time.Hour)
		}, nil},
		{"SendAt 35 days and 1s ahead", func(m *CreateMessage) {
			m.MessagingServiceSid = tMG
			m.ScheduleType = ScheduleFixed
			m.SendAt = testNow.Add(35*24*time.Hour + time.Second)
		}, []string{"SendAt/schedule-window"}},
		{"SendAt in another zone", func(m *CreateMessage) {
			m.MessagingServiceSid = tMG
			m.ScheduleType = ScheduleFixed
			m.SendAt = testNow.Add(time.Hour).In(time.FixedZone("X", -8*3600))
		}, nil},
		{"ValidityPeriod 1", func(m *CreateMessage) { m.ValidityPeriod = 1 }, nil},
		{"ValidityPeriod 36000", func(m *CreateMessage) { m.ValidityPeriod = 36000 }, nil},
		{"ValidityPeriod 36001", func(m *CreateMessage) { m.ValidityPeriod = 36001 }, []string{"ValidityPeriod/range"}},
		{"ValidityPeriod negative", func(m *CreateMessage) { m.ValidityPeriod = -1 }, []string{"ValidityPeriod/range"}},
		// Callbacks
		{"StatusCallback ok", func(m *CreateMessage) { m.StatusCallback = "https://hooks.example.com:8443/sms?x=1" }, nil},
		{"StatusCallback IP", func(m *CreateMessage) { m.StatusCallback = "http://203.0.113.7/cb" }, nil},
		{"StatusCallback IPv6", func(m *CreateMessage) { m.StatusCallback = "https://[2001:db8::1]:8443/cb" }, nil},
		{"StatusCallback bad IP", func(m *CreateMessage) { m.StatusCallback = "http://203.0.113.700/cb" }, []string{"StatusCallback/url"}},
		{"StatusCallback digit host", func(m *CreateMessage) { m.StatusCallback = "https://1password.example/cb" }, nil},
		{"StatusCallback underscore", func(m *CreateMessage) { m.StatusCallback = "https://my_host.example.com/cb" }, []string{"StatusCallback/url"}},
		{"StatusCallback javascript", func(m *CreateMessage) { m.StatusCallback = "javascript:alert(1)" }, []string{"StatusCallback/url"}},
		{"StatusCallback file", func(m *CreateMessage) { m.StatusCallback = "file:///etc/passwd" }, []string{"StatusCallback/url"}},
		{"StatusCallback userinfo", func(m *CreateMessage) { m.StatusCallback = "https://user:pw@example.com/cb" }, []string{"StatusCallback/url"}},
		{"StatusCallback relative", func(m *CreateMessage) { m.StatusCallback = "/cb" }, []string{"StatusCallback/url"}},
		{"StatusCallback CRLF", func(m *CreateMessage) { m.StatusCallback = "https://example.com/cb\r\nX-Evil: 1" }, []string{"StatusCallback/control-char"}},
		{"StatusCallback port", func(m *CreateMessage) { m.StatusCallback = "https://example.com:99999/cb" }, []string{"StatusCallback/url"}},
		{"StatusCallback hyphen label", func(m *CreateMessage) { m.StatusCallback = "https://-bad.example.com/cb" }, []string{"StatusCallback/url"}},
		{"StatusCallback unicode host", func(m *CreateMessage) { m.StatusCallback = "https://bücher.example/cb" }, []string{"StatusCallback/url"}},
		{"ApplicationSid ok", func(m *CreateMessage) { m.ApplicationSid = tAP }, nil},
		{"ApplicationSid wrong", func(m *CreateMessage) { m.ApplicationSid = tHX }, []string{"ApplicationSid/sid"}},
		// Enums
		{"ContentRetention ok", func(m *CreateMessage) { m.ContentRetention = ContentDiscard }, nil},
		{"ContentRetention bad", func(m *CreateMessage) { m.ContentRetention = "Retain" }, []string{"ContentRetention/enum"}},
		{"AddressRetention ok", func(m *CreateMessage) { m.AddressRetention = AddressObfuscate }, nil},
		{"AddressRetention bad", func(m *CreateMessage) { m.AddressRetention = "discard" }, []string{"AddressRetention/enum"}},
		{"RiskCheck ok", func(m *CreateMessage) { m.RiskCheck = RiskCheckDisable }, nil},
		{"RiskCheck bad", func(m *CreateMessage) { m.RiskCheck = "off" }, []string{"RiskCheck/enum"}},
		{"TrafficType ok", func(m *CreateMessage) { m.TrafficType = TrafficFree }, nil},
		{"TrafficType bad", func(m *CreateMessage) { m.TrafficType = "paid" }, []string{"TrafficType/enum"}},
		// The rest
		{"Tags ok", func(m *CreateMessage) { m.Tags = `{"campaign_name": "Spring Sale 2022"}` }, nil},
		{"Tags array", func(m *CreateMessage) { m.Tags = `["a"]` }, []string{"Tags/json"}},
		{"Tags broken", func(m *CreateMessage) { m.Tags = `{"a":` }, []string{"Tags/json"}},
		{"MaxPrice ok", func(m *CreateMessage) { m.MaxPrice = "0.0525" }, nil},
		{"MaxPrice integer", func(m *CreateMessage) { m.MaxPrice = "2" }, nil},
		{"MaxPrice 5 places", func(m *CreateMessage) { m.MaxPrice = "0.05251" }, []string{"MaxPrice/format"}},
		{"MaxPrice negative", func(m *CreateMessage) { m.MaxPrice = "-1" }, []string{"MaxPrice/format"}},
		{"MaxPrice exponent", func(m *CreateMessage) { m.MaxPrice = "1e3" }, []string{"MaxPrice/format"}},
		{"MaxPrice dot only", func(m *CreateMessage) { m.MaxPrice = "1." }, []string{"MaxPrice/format"}},
		{"Attempt 1", func(m *CreateMessage) { m.Attempt = 1 }, nil},
		{"Attempt negative", func(m *CreateMessage) { m.Attempt = -2 }, []string{"Attempt/range"}},
		{"Attempt MaxAttempt", func(m *CreateMessage) { m.Attempt = MaxAttempt }, nil},
		{"Attempt above MaxAttempt", func(m *CreateMessage) { m.Attempt = MaxAttempt + 1 }, []string{"Attempt/range"}},
		// FallbackFrom
		{"FallbackFrom with RCS From", func(m *CreateMessage) {
			m.From = "rcs:acme_agent"
			m.MessagingServiceSid = tMG
			m.FallbackFrom = "+14155550100"
		}, nil},
		{"FallbackFrom needs service", func(m *CreateMessage) { m.From = "rcs:acme_agent"; m.FallbackFrom = "+14155550100" }, []string{"FallbackFrom/depends"}},
		{"FallbackFrom with service", func(m *CreateMessage) { m.From = ""; m.MessagingServiceSid = tMG; m.FallbackFrom = "+14155550100" }, nil},
		{"FallbackFrom with SMS From", func(m *CreateMessage) { m.MessagingServiceSid = tMG; m.FallbackFrom = "+14155550199" }, []string{"FallbackFrom/depends"}},
		{"FallbackFrom with rcs To", func(m *CreateMessage) {
			m.To = "rcs:+14155552671"
			m.From = "rcs:acme_agent"
			m.MessagingServiceSid = tMG
			m.FallbackFrom = "+14155550100"
		}, []string{"FallbackFrom/depends"}},
		{"FallbackFrom rcs To via service", func(m *CreateMessage) {
			m.To = "rcs:+14155552671"
			m.From = ""
			m.MessagingServiceSid = tMG
			m.FallbackFrom = "+14155550100"
		}, []string{"FallbackFrom/depends"}},
		{"FallbackFrom not SMS", func(m *CreateMessage) {
			m.From = "rcs:acme_agent"
			m.MessagingServiceSid = tMG
			m.FallbackFrom = "whatsapp:+14155550100"
		}, []string{"FallbackFrom/depends"}},
		{"FallbackFrom garbage", func(m *CreateMessage) {
			m.From = "rcs:acme_agent"
			m.MessagingServiceSid = tMG
			m.FallbackFrom = "+0123"
		}, []string{"FallbackFrom/address"}},
		// Everything at once
		{"many problems at once", func(m *CreateMessage) {
			m.To = ""
			m.From = ""
			m.Body = ""
			m.ValidityPeriod = 99999
			m.StatusCallback = "ftp://x"
			m.RiskCheck = "maybe"
		}, []string{"Body/required", "From/required", "RiskCheck/enum", "StatusCallback/url", "To/required", "ValidityPeriod/range"}},
	}
}

func TestCreateMessageRules(t *testing.T) {
	for _, tc := range ruleCases() {
		t.Run(tc.name, func(t *testing.T) {
			m := validMessage()
			tc.edit(&m)
			err := testRules.Validate(m)
			got := problemKeys(err)
			if !slices.Equal(got, tc.want) {
				t.Fatalf("Validate() problems = %v, want %v\nerror: %v", got, tc.want, err)
			}
			if err != nil {
				if !errors.Is(err, ErrInvalidParam) {
					t.Errorf("errors.Is(err, ErrInvalidParam) = false for %v", err)
				}
				for _, pe := range ParamErrors(err) {
					if !errors.Is(err, pe.Rule) {
						t.Errorf("errors.Is(err, %v) = false", pe.Rule)
					}
					if !strings.HasPrefix(pe.Error(), "sms: "+pe.Param+": ") {
						t.Errorf("ParamError.Error() = %q, want prefix %q", pe.Error(), "sms: "+pe.Param+": ")
					}
				}
				if f, ferr := testRules.Form(m); f != nil || ferr == nil {
					t.Errorf("Form() = %v, %v; want nil and an error", f, ferr)
				}
			} else if _, ferr := testRules.Form(m); ferr != nil {
				t.Errorf("Form() error = %v, want nil", ferr)
			}
		})
	}
}

func TestRulesConfigurableWindow(t *testing.T) {
	m := validMessage()
	m.MessagingServiceSid = tMG
	m.ScheduleType = ScheduleFixed
	m.SendAt = testNow.Add(6 * time.Minute)
	if err := testRules.Validate(m); err != nil {
		t.Fatalf("default window (5 minutes): Validate() = %v, want nil", err)
	}
	older := testRules
	older.MinLead = 15 * time.Minute
	if err := older.Validate(m); !errors.Is(err, ParamSchedule) {
		t.Fatalf("MinLead 15m (the older rule): Validate() = %v, want ParamSchedule", err)
	}
	short := testRules
	short.MaxLead = 5 * time.Minute
	short.MinLead = time.Minute
	if err := short.Validate(m); !errors.Is(err, ParamSchedule) {
		t.Fatalf("MaxLead 5m: Validate() = %v, want ParamSchedule", err)
	}
}

func TestRulesBadWindow(t *testing.T) {
	m := validMessage()
	m.MessagingServiceSid = tMG
	m.ScheduleType = ScheduleFixed
	m.SendAt = testNow.Add(time.Hour)
	for _, r := range []Rules{
		{Now: testRules.Now, MinLead: -time.Minute},
		{Now: testRules.Now, MaxLead: -time.Minute},
		{Now: testRules.Now, MinLead: 2 * time.Hour, MaxLead: time.Hour},
	} {
		err := r.Validate(m)
		var oe *OptionError
		if !errors.As(err, &oe) || !errors.Is(err, ErrInvalidOption) {
			t.Errorf("Rules{MinLead: %v, MaxLead: %v}.Validate() = %v, want an *OptionError", r.MinLead, r.MaxLead, err)
		}
	}
}

func TestValidateUsesInjectedClock(t *testing.T) {
	m := validMessage()
	m.MessagingServiceSid = tMG
	m.ScheduleType = ScheduleFixed
	m.SendAt = time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	r := Rules{Now: func() time.Time { return time.Date(2029, 12, 31, 0, 0, 0, 0, time.UTC) }}
	if err := r.Validate(m); err != nil {
		t.Fatalf("Validate() with clock one day before = %v, want nil", err)
	}
	// The real clock says 2030 is more than 35 days away.
	if err := m.Validate(); !errors.Is(err, ParamSchedule) {
		t.Fatalf("Validate() with the real clock = %v, want ParamSchedule", err)
	}
}

func TestCRLFInEveryStringParam(t *testing.T) {
	// Every string parameter except Body (where line breaks are text) and the
	// JSON ones (where they are whitespace) rejects CR and LF.
	typ := reflect.TypeFor[CreateMessage]()
	for i := range typ.NumField() {
		f := typ.Field(i)
		if f.Type.Kind() != reflect.String && f.Type != reflect.TypeFor[[]string]() {
			continue // Flags, ints and time.Time cannot hold CR/LF
		}
		for _, bad := range []string{"\r", "\n", "\r\n"} {
			t.Run(f.Name+"/"+strings.NewReplacer("\r", "CR", "\n", "LF").Replace(bad), func(t *testing.T) {
				m := fullMessage()
				v := reflect.ValueOf(&m).Elem().Field(i)
				param := f.Name
				if f.Type.Kind() == reflect.String {
					v.SetString(v.String() + bad)
				} else {
					s := slices.Clone(v.Interface().([]string))
					s[0] += bad
					v.Set(reflect.ValueOf(s))
					param += "[0]"
				}
				err := testRules.Validate(m)
				switch f.Name {
				case "Body":
					if err != nil {
						t.Fatalf("Body with %q: Validate() = %v, want nil (line breaks are text)", bad, err)
					}
					return
				case "ContentVariables", "Tags":
					if err != nil {
						t.Fatalf("%s with trailing %q: Validate() = %v, want nil (JSON whitespace)", f.Name, bad, err)
					}
					return
				}
				got := problemKeys(err)
				want := []string{param + "/control-char"}
				if !slices.Equal(got, want) {
					t.Fatalf("%s with %q: problems = %v, want %v (%v)", f.Name, bad, got, want, err)
				}
			})
		}
	}
}

// fullMessage sets every parameter to a valid value.
func fullMessage() CreateMessage {
	return CreateMessage{
		To:                  "+14155552671",
		From:                "rcs:acme_agent",
		MessagingServiceSid: tMG,
		FallbackFrom:        "+14155550100",
		Body:                "Hello ✓",
		MediaUrl:            []string{"https://example.com/a.png", "https://example.com/b.png"},
		ContentSid:          tHX,
		ContentVariables:    `{"1":"Ada"}`,
		PersistentAction:    []string{"geo:37.787890,-122.391664|375 Beale St"},
		SmartEncoded:        FlagTrue,
		SendAsMms:           FlagFalse,
		ShortenUrls:         FlagTrue,
		ScheduleType:        ScheduleFixed,
		SendAt:              testNow.Add(2 * time.Hour),
		ValidityPeriod:      600,
		StatusCallback:      "https://example.com/status",
		ApplicationSid:      tAP,
		ProvideFeedback:     FlagTrue,
		ContentRetention:    ContentRetain,
		AddressRetention:    AddressObfuscate,
		RiskCheck:           RiskCheckEnable,
		TrafficType:         TrafficFree,
		Attempt:             2,
		MaxPrice:            "0.0750",
		ForceDelivery:       FlagFalse,
		Tags:                `{"campaign_name":"Spring Sale 2022"}`,
	}
}

func TestFormFull(t *testing.T) {
	m := fullMessage()
	m.SendAt = time.Date(2026, 12, 1, 6, 30, 0, 0, time.FixedZone("CST", -6*3600)) // 12:30Z
	f, err := testRules.Form(m)
	if err != nil {
		t.Fatalf("Form() error = %v", err)
	}
	want := url.Values{
		"To": {"+14155552671"}, "From": {"rcs:acme_agent"}, "MessagingServiceSid": {tMG},
		"FallbackFrom": {"+14155550100"}, "Body": {"Hello ✓"},
		"MediaUrl":   {"https://example.com/a.png", "https://example.com/b.png"},
		"ContentSid": {tHX}, "ContentVariables": {`{"1":"Ada"}`},
		"PersistentAction": {"geo:37.787890,-122.391664|375 Beale St"},
		"SmartEncoded":     {"true"}, "SendAsMms": {"false"}, "ShortenUrls": {"true"},
		"ScheduleType": {"fixed"}, "SendAt": {"2026-12-01T12:30:00Z"}, "ValidityPeriod": {"600"},
		"StatusCallback": {"https://example.com/status"}, "ApplicationSid": {tAP},
		"ProvideFeedback": {"true"}, "ContentRetention": {"retain"}, "AddressRetention": {"obfuscate"},
		"RiskCheck": {"enable"}, "TrafficType": {"free"}, "Attempt": {"2"}, "MaxPrice": {"0.0750"},
		"ForceDelivery": {"false"}, "Tags": {`{"campaign_name":"Spring Sale 2022"}`},
	}
	assert.Equal(t, want, f, "Form() of every parameter")
	if len(f) != 26 {
		t.Errorf("len(Form()) = %d, want 26 (25 parameters and Tags)", len(f))
	}
}

func TestFormOmitsUnset(t *testing.T) {
	f, err := testRules.Form(validMessage())
	if err != nil {
		t.Fatal(err)
	}
	if got, want := f.Encode(), "Body=Hello&From=%2B14155550100&To=%2B14155552671"; got != want {
		t.Fatalf("Form().Encode() = %q, want %q", got, want)
	}
}

func TestFormDoesNotAlias(t *testing.T) {
	m := validMessage()
	m.MediaUrl = []string{"https://example.com/1", "https://example.com/2"}
	f, err := testRules.Form(m)
	if err != nil {
		t.Fatal(err)
	}
	f["MediaUrl"][0] = "changed"
	f.Add("To", "+1")
	if m.MediaUrl[0] != "https://example.com/1" {
		t.Fatalf("changing the form changed CreateMessage.MediaUrl to %q", m.MediaUrl)
	}
}

func TestBodyUnits(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want int
	}{
		{"empty", "", 0},
		{"ascii", "hello", 5},
		{"latin1", "héllo", 5},
		{"euro", "€", 1},
		{"cjk", "中文", 2},
		{"emoji", "\U0001F600", 2},
		{"flag", "\U0001F1FA\U0001F1F8", 4},
		{"zwj family", "\U0001F468\u200D\U0001F469\u200D\U0001F467", 8},
		{"invalid byte", "a\xffb", 3},
		{"truncated sequence", "\xe2\x82", 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := BodyUnits(tc.in); got != tc.want {
				t.Fatalf("BodyUnits(%q) = %d, want %d", tc.in, got, tc.want)
			}
		})
	}
}

func TestFlag(t *testing.T) {
	for _, tc := range []struct {
		f    Flag
		s    string
		json string
	}{{FlagUnset, "", "null"}, {FlagTrue, "true", "true"}, {FlagFalse, "false", "false"}} {
		if got := tc.f.String(); got != tc.s {
			t.Errorf("Flag(%d).String() = %q, want %q", tc.f, got, tc.s)
		}
		b, err := tc.f.MarshalJSON()
		if err != nil || string(b) != tc.json {
			t.Errorf("Flag(%d).MarshalJSON() = %s, %v; want %s", tc.f, b, err, tc.json)
		}
		var back Flag = 9
		if err := back.UnmarshalJSON(b); err != nil || back != tc.f {
			t.Errorf("UnmarshalJSON(%s) = %d, %v; want %d", b, back, err, tc.f)
		}
	}
	var f Flag
	if err := f.UnmarshalJSON([]byte(`"true"`)); err != nil || f != FlagTrue {
		t.Errorf(`UnmarshalJSON("true") = %d, %v`, f, err)
	}
	if err := f.UnmarshalJSON([]byte(`1`)); err == nil {
		t.Errorf("UnmarshalJSON(1) succeeded")
	}
	if _, err := Flag(5).MarshalJSON(); err == nil {
		t.Errorf("Flag(5).MarshalJSON() succeeded")
	}
	if FlagOf(true) != FlagTrue || FlagOf(false) != FlagFalse || !FlagTrue.Bool() || FlagFalse.Bool() || FlagUnset.IsSet() {
		t.Errorf("FlagOf/Bool/IsSet disagree")
	}
}

func TestParamErrorUnwrapsCause(t *testing.T) {
	m := validMessage()
	m.To = "telegram:+14155552671"
	err := testRules.Validate(m)
	var ae *AddressError
	if !errors.As(err, &ae) {
		t.Fatalf("errors.As(err, *AddressError) = false for %v", err)
	}
	if !errors.Is(err, RuleUnknownChannel) {
		t.Fatalf("errors.Is(err, RuleUnknownChannel) = false for %v", err)
	}
	var pe *ParamError
	if !errors.As(err, &pe) || pe.Param != "To" || pe.Rule != ParamAddress {
		t.Fatalf("errors.As(err, *ParamError) = %+v", pe)
	}
}

func TestParamRuleNames(t *testing.T) {
	seen := map[string]bool{}
	for r := ParamRequired; r <= ParamUnknown; r++ {
		n := r.String()
		if n == "" || strings.HasPrefix(n, "rule(") || seen[n] {
			t.Errorf("ParamRule(%d).String() = %q: empty, unknown or duplicate", r, n)
		}
		seen[n] = true
		// The rule is its own errors.Is target, and only its own.
		err := error(&ParamError{Param: "X", Rule: r})
		if !errors.Is(err, r) || !errors.Is(err, ErrInvalidParam) || errors.Is(err, r%ParamUnknown+1) {
			t.Errorf("errors.Is with ParamRule(%d) is wrong", r)
		}
		if r.Error() != n {
			t.Errorf("ParamRule(%d).Error() = %q, want %q", r, r.Error(), n)
		}
	}
	if got := ParamRule(200).String(); got != "rule(200)" {
		t.Errorf("ParamRule(200).String() = %q", got)
	}
}

// TestConcurrentUse shares one message, one Rules and one Endpoint between
// goroutines; run with -race.
func TestConcurrentUse(t *testing.T) {
	m := fullMessage()
	want, err := testRules.Form(m)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 8)
	for range 8 {
		go func() {
			for range 50 {
				f, err := testRules.Form(m)
				if err != nil || !reflect.DeepEqual(f, want) {
					done <- fmt.Errorf("Form() = %v, %v", f, err)
					return
				}
				_ = testRules.Warnings(m)
				_ = testRules.Estimate(m)
			}
			done <- nil
		}()
	}
	for range 8 {
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
}

func TestPermissiveSenderID(t *testing.T) {
	m := validMessage()
	m.From = "ACME-CO"
	if err := testRules.Validate(m); !errors.Is(err, ParamAddress) {
		t.Fatalf("strict Validate() with From %q = %v, want ParamAddress", m.From, err)
	}
	r := testRules
	r.PermissiveSenderID = true
	if err := r.Validate(m); err != nil {
		t.Fatalf("PermissiveSenderID Validate() with From %q = %v, want nil", m.From, err)
	}
}
