package sms

import (
	"bufio"
	"errors"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestTwilioCodesTable checks the Go table against
// testdata/twilio_error_codes.tsv, row by row, both ways.
func TestTwilioCodesTable(t *testing.T) {
	f, err := os.Open("testdata/twilio_error_codes.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	seen := map[string]bool{}
	sc := bufio.NewScanner(f)
	header := false
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		cols := strings.Split(text, "\t")
		if len(cols) != 5 {
			t.Fatalf("line %d: %d columns, want 5: %q", line, len(cols), text)
		}
		if !header {
			if strings.Join(cols, ",") != "check,code,meaning,source,read" {
				t.Fatalf("line %d: header %q", line, text)
			}
			header = true
			continue
		}
		check, codeText, meaning, source, read := cols[0], cols[1], cols[2], cols[3], cols[4]
		if seen[check] {
			t.Errorf("line %d: %s listed twice", line, check)
		}
		seen[check] = true
		want := 0
		if codeText != "none" {
			if want, err = strconv.Atoi(codeText); err != nil || want < 10000 || want > 99999 {
				t.Errorf("line %d: code %q is neither five digits nor none", line, codeText)
			}
			if source != TwilioErrorURL(want) {
				t.Errorf("line %d: source %q, want the code's page %q", line, source, TwilioErrorURL(want))
			}
		} else if source != "-" {
			t.Errorf("line %d: no code but a source %q", line, source)
		}
		if want == 30015 {
			t.Errorf("line %d: 30015 is not in Twilio's dictionary", line)
		}
		if meaning == "" || read != "2026-12" {
			t.Errorf("line %d: meaning %q, read %q", line, meaning, read)
		}
		got, ok := twilioCodes[check]
		if !ok {
			t.Errorf("line %d: %s is not in twilioCodes", line, check)
		} else if got != want {
			t.Errorf("line %d: %s: twilioCodes has %d, the table %s", line, check, got, codeText)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	for k := range twilioCodes {
		if !seen[k] {
			t.Errorf("twilioCodes has %s, the table does not", k)
		}
	}
}

// TestTwilioCodes checks the code each mistake of the list carries,
// and that every error of a varied set of bad requests is classified.
func TestTwilioCodes(t *testing.T) {
	sched := func(m *CreateMessage) { m.MessagingServiceSid = tMG; m.ScheduleType = ScheduleFixed }
	tests := []struct {
		name  string
		edit  func(m *CreateMessage)
		param string
		code  int
	}{
		{"invalid To", func(m *CreateMessage) { m.To = "+1415abc" }, "To", 21211},
		{"sender ID as To", func(m *CreateMessage) { m.To = "Acme" }, "To", 21211},
		{"control character in To", func(m *CreateMessage) { m.To = "+1415555\n2671" }, "To", 21211},
		{"unknown channel in To", func(m *CreateMessage) { m.To = "signal:+14155552671" }, "To", 0},
		{"To required", func(m *CreateMessage) { m.To = "" }, "To", 21604},
		{"invalid From", func(m *CreateMessage) { m.From = "+0123" }, "From", 21212},
		{"From too long a sender ID", func(m *CreateMessage) { m.From = "AcmeCorporation" }, "From", 21212},
		{"From same as To", func(m *CreateMessage) { m.From = m.To }, "From", 21266},
		{"From and To on different channels", func(m *CreateMessage) { m.From = "whatsapp:+14155550100" }, "From", 0},
		{"From or MessagingServiceSid required", func(m *CreateMessage) { m.From = "" }, "From", 21603},
		{"Body required", func(m *CreateMessage) { m.Body = "" }, "Body", 21602},
		{"Body required through a service", func(m *CreateMessage) { m.Body = ""; m.MessagingServiceSid = tMG }, "Body", 21619},
		{"Body too long", func(m *CreateMessage) { m.Body = strings.Repeat("a", 1601) }, "Body", 21617},
		{"Body too long in bytes", func(m *CreateMessage) { m.Body = strings.Repeat("a", 5000) }, "Body", 21617},
		{"Body invalid UTF-8", func(m *CreateMessage) { m.Body = "a\xff" }, "Body", 0},
		{"media URL not http", func(m *CreateMessage) { m.MediaUrl = []string{"ftp://e.com/a.png"} }, "MediaUrl[0]", 21620},
		{"media URL empty", func(m *CreateMessage) { m.MediaUrl = []string{"https://e.com/a.png", ""} }, "MediaUrl[1]", 21620},
		{"11 media", func(m *CreateMessage) { m.MediaUrl = slicesRepeat("https://e.com/a.png", 11) }, "MediaUrl", 21623},
		{"ContentVariables without ContentSid", func(m *CreateMessage) { m.ContentVariables = `{"1":"a"}` }, "ContentVariables", 21654},
		{"ContentVariables not JSON", func(m *CreateMessage) {
			m.ContentSid = "HX0123456789abcdef0123456789abcdef"
			m.ContentVariables = `{1:`
		}, "ContentVariables", 21656},
		{"ContentVariables null value", func(m *CreateMessage) {
			m.ContentSid = "HX0123456789abcdef0123456789abcdef"
			m.ContentVariables = `{"1":null}`
		}, "ContentVariables", 21656},
		{"ContentVariables value too long", func(m *CreateMessage) {
			m.ContentSid = "HX0123456789abcdef0123456789abcdef"
			m.ContentVariables = `{"1":"` + strings.Repeat("a", 1601) + `"}`
		}, "ContentVariables", 21658},
		{"FallbackFrom rcs", func(m *CreateMessage) {
			m.From = ""
			m.MessagingServiceSid = tMG
			m.FallbackFrom = "rcs:acme_agent"
		}, "FallbackFrom", 21665},
		{"FallbackFrom whatsapp", func(m *CreateMessage) {
			m.From = "rcs:acme_agent"
			m.MessagingServiceSid = tMG
			m.FallbackFrom = "whatsapp:+14155550100"
		}, "FallbackFrom", 21665},
		{"FallbackFrom without an RCS From", func(m *CreateMessage) { m.MessagingServiceSid = tMG; m.FallbackFrom = "+14155550199" }, "FallbackFrom", 0},
		{"SendAt too soon", func(m *CreateMessage) { sched(m); m.SendAt = testNow.Add(time.Minute) }, "SendAt", 35115},
		{"SendAt too late", func(m *CreateMessage) { sched(m); m.SendAt = testNow.Add(36 * 24 * time.Hour) }, "SendAt", 35115},
		{"SendAt missing", func(m *CreateMessage) { sched(m) }, "SendAt", 35111},
		{"schedule without a service", func(m *CreateMessage) { m.ScheduleType = ScheduleFixed; m.SendAt = testNow.Add(time.Hour) }, "MessagingServiceSid", 35118},
		{"ScheduleType not fixed", func(m *CreateMessage) { sched(m); m.ScheduleType = "later"; m.SendAt = testNow.Add(time.Hour) }, "ScheduleType", 35126},
		{"SendAt without ScheduleType", func(m *CreateMessage) { m.MessagingServiceSid = tMG; m.SendAt = testNow.Add(time.Hour) }, "ScheduleType", 0},
		{"ValidityPeriod", func(m *CreateMessage) { m.ValidityPeriod = 36001 }, "ValidityPeriod", 0},
		{"StatusCallback", func(m *CreateMessage) { m.StatusCallback = "https://a_b.example.com/" }, "StatusCallback", 0},
		{"MaxPrice", func(m *CreateMessage) { m.MaxPrice = "1.23456" }, "MaxPrice", 0},
		{"Tags", func(m *CreateMessage) { m.Tags = "[1]" }, "Tags", 0},
		{"MessagingServiceSid", func(m *CreateMessage) { m.MessagingServiceSid = "MG1" }, "MessagingServiceSid", 0},
		{"ContentSid", func(m *CreateMessage) { m.ContentSid = "HX1" }, "ContentSid", 0},
		{"enum", func(m *CreateMessage) { m.RiskCheck = "on" }, "RiskCheck", 0},
		{"flag", func(m *CreateMessage) { m.SendAsMms = 7 }, "SendAsMms", 0},
		{"ShortenUrls", func(m *CreateMessage) { m.ShortenUrls = FlagTrue }, "ShortenUrls", 0},
		{"Attempt", func(m *CreateMessage) { m.Attempt = -1 }, "Attempt", 0},
		{"PersistentAction", func(m *CreateMessage) { m.PersistentAction = []string{""} }, "PersistentAction[0]", 0},
		{"ApplicationSid", func(m *CreateMessage) { m.ApplicationSid = "AP1" }, "ApplicationSid", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := validMessage()
			tc.edit(&m)
			pes := ParamErrors(testRules.Validate(m))
			found := false
			for _, pe := range pes {
				if pe.Param == tc.param {
					found = true
					if pe.TwilioCode != tc.code {
						t.Errorf("%s: TwilioCode %d, want %d (%v)", pe.Param, pe.TwilioCode, tc.code, pe)
					}
					if msg := pe.Error(); tc.code != 0 && !strings.Contains(msg, "Twilio error "+strconv.Itoa(tc.code)) {
						t.Errorf("Error() = %q lacks the code", msg)
					} else if tc.code == 0 && strings.Contains(msg, "Twilio error") {
						t.Errorf("Error() = %q names a code, but none is known", msg)
					}
					var target *ParamError
					if !errors.As(testRules.Validate(m), &target) {
						t.Errorf("errors.As finds no *ParamError")
					}
				}
				if strings.Contains(pe.Error(), "30015") {
					t.Errorf("%v names 30015", pe)
				}
				// Every error is classified in the table, code or none.
				if _, ok := twilioCodeKey(pe.Param, pe.Rule.String(), ""); !ok {
					t.Errorf("%s/%s is not in the table of Twilio codes", pe.Param, pe.Rule)
				}
			}
			if !found {
				t.Fatalf("no error for %s; got %v", tc.param, pes)
			}
		})
	}
}

func slicesRepeat(s string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = s
	}
	return out
}

func TestAddressErrorTwilioCode(t *testing.T) {
	tests := []struct {
		field string
		rule  AddressRule
		code  int
	}{
		{"To", RuleMissingPlus, 21211},
		{"To", RuleSenderIDAsTo, 21211},
		{"To", RuleAgentAsTo, 21211},
		{"To", RuleInvalidNumber, 21211},
		{"To", RuleUnknownChannel, 0},
		{"To", RuleChannelMismatch, 0},
		{"From", RuleSenderIDLength, 21212},
		{"From", RuleCountryCodeZero, 21212},
		{"From", RuleUnknownChannel, 0},
		{"FallbackFrom", RuleFallbackNotSMS, 21665},
		{"FallbackFrom", RuleEmpty, 21665},
		{"FallbackFrom", RuleFallbackNotRCS, 0},
		{"FallbackFrom", RuleFallbackToRCS, 0},
		{"", RuleMissingPlus, 0},
		{"Body", RuleMissingPlus, 0},
	}
	for _, tc := range tests {
		e := &AddressError{Field: tc.field, Rule: tc.rule, Offset: -1}
		if got := e.TwilioCode(); got != tc.code {
			t.Errorf("AddressError{%s, %s}.TwilioCode() = %d, want %d", tc.field, tc.rule, got, tc.code)
		}
	}
	// Through the checks and errors.As.
	a, _ := ParseAddress("Acme")
	var ae *AddressError
	if err := CheckTo(a); !errors.As(err, &ae) || ae.TwilioCode() != 21211 {
		t.Errorf("CheckTo(sender ID) = %v, code %d", err, ae.TwilioCode())
	}
	_, err := ParseAddress("telegram:+14155552671")
	if !errors.As(err, &ae) || ae.TwilioCode() != 0 || strings.Contains(err.Error(), "30015") || !errors.Is(err, RuleUnknownChannel) {
		t.Errorf("unknown channel: %v, code %d", err, ae.TwilioCode())
	}
	if TwilioErrorURL(21211) != "https://www.twilio.com/docs/api/errors/21211" || TwilioErrorURL(0) != "" || TwilioErrorURL(-5) != "" {
		t.Errorf("TwilioErrorURL")
	}
}
