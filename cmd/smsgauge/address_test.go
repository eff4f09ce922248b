package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func TestRunAddress(t *testing.T) {
	cases := []struct {
		name     string
		args     []string
		code     int
		contains []string
	}{
		{"e164", []string{"address", "+14155552671"}, 0, []string{"kind         phone", "normalized   +14155552671", "region       US", "valid        true"}},
		{"national with region after value", []string{"address", "(415) 555-2671", "-region", "us"}, 0, []string{"normalized   +14155552671", "note"}},
		{"national without region", []string{"address", "(415) 555-2671"}, 1, []string{"rule         missing_plus", `error        "(415) 555-2671": a national number (no + and country code): give its region, such as -region US, or write it in E.164`}},
		{"strict rejects formatting", []string{"address", "-strict", "+1 415 555 2671"}, 1, []string{"rule         formatting"}},
		{"sender ID as to", []string{"address", "MyShop", "-as", "to"}, 1, []string{"kind         sender_id", "sender_id_as_to"}},
		{"sender ID as from", []string{"address", "-as", "from", "MyShop"}, 0, []string{"valid        true"}},
		{"permissive sender", []string{"address", "-permissive", "Fish&Chips"}, 0, []string{"kind         sender_id"}},
		{"whatsapp empty", []string{"address", "whatsapp:"}, 1, []string{"empty_channel_address"}},
		{"unknown channel", []string{"address", "signal:+14155552671", "-as", "to"}, 1, []string{"unknown_channel", "twilio code  none known"}},
		{"invalid To has a code", []string{"address", "+1415abc", "-as", "to"}, 1, []string{"twilio code  21211 https://www.twilio.com/docs/api/errors/21211"}},
		{"invalid From has a code", []string{"address", "+1415abc", "-as", "from"}, 1, []string{"twilio code  21212"}},
		{"no direction, no code", []string{"address", "+1415abc"}, 1, []string{"twilio code  none known (give -as to or -as from)"}},
		{"invalid number", []string{"address", "+15555555555"}, 1, []string{"invalid_number"}},
		{"bidi", []string{"address", "\u202e+14155552671"}, 1, []string{"bidi_control"}},
		{"bad -as", []string{"address", "+14155552671", "-as", "cc"}, 2, nil},
		{"no value", []string{"address"}, 2, nil},
		{"two values", []string{"address", "+14155552671", "+14155552672"}, 2, nil},
		{"bad flag", []string{"address", "-nope", "+14155552671"}, 2, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := run(tc.args, strings.NewReader(""), &out, &errOut)
			if code != tc.code {
				t.Fatalf("smsgauge %q exit %d, want %d\nstdout:\n%s\nstderr:\n%s", tc.args, code, tc.code, out.String(), errOut.String())
			}
			for _, want := range tc.contains {
				if !strings.Contains(out.String(), want) {
					t.Errorf("smsgauge %q output lacks %q:\n%s", tc.args, want, out.String())
				}
			}
		})
	}
}

func TestRunAddressJSON(t *testing.T) {
	var out, errOut bytes.Buffer
	code := run([]string{"address", "whatsapp:(415) 555-2671", "-region", "US", "-as", "to", "-json"}, nil, &out, &errOut)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	var r addressReport
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		t.Fatalf("output %q is not JSON: %v", out.String(), err)
	}
	want := addressReport{Input: "whatsapp:(415) 555-2671", As: "to", Kind: "phone", Channel: "whatsapp", Normalized: "whatsapp:+14155552671",
		Region: "US", CallingCode: 1, Type: "fixed_line_or_mobile", Valid: true}
	if r != want {
		t.Errorf("got %+v, want %+v", r, want)
	}
}

func TestAddressJSON(t *testing.T) {
	cases := []struct {
		name, value, as, region string
		kind, normalized, rgn   string
		valid                   bool
		errPart                 string
	}{
		{"to number", "+447400123456", "to", "", "phone", "+447400123456", "GB", true, ""},
		{"national", "020 7946 0958", "to", "GB", "phone", "+442079460958", "GB", true, ""},
		{"sender from", "ACME", "from", "", "sender_id", "ACME", "", true, ""},
		{"sender to", "ACME", "to", "", "sender_id", "ACME", "", false, "can only be a From"},
		{"short code", "12345", "from", "US", "short_code", "12345", "", true, ""},
		{"garbage", "\x00", "to", "", "invalid", "", "", false, "control"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m := addressJSON(tc.value, tc.as, tc.region)
			// error only when there is one.
			if _, has := m["error"]; len(m) != 5+map[bool]int{true: 0, false: 1}[tc.valid] || has == tc.valid {
				t.Errorf("addressJSON has keys %v, want kind, normalized, region, valid, twilio_code, and error when not valid", m)
			}
			wantCode := 0 // Twilio's 21211 for an invalid To
			if !tc.valid && tc.as == "to" {
				wantCode = 21211
			}
			if m["twilio_code"] != wantCode {
				t.Errorf("addressJSON(%q, %q).twilio_code = %v, want %d", tc.value, tc.as, m["twilio_code"], wantCode)
			}
			if m["kind"] != tc.kind || m["normalized"] != tc.normalized || m["region"] != tc.rgn || m["valid"] != tc.valid {
				t.Errorf("addressJSON(%q, %q, %q) = %v", tc.value, tc.as, tc.region, m)
			}
			e, _ := m["error"].(string)
			if (tc.errPart == "") != (e == "") || !strings.Contains(e, tc.errPart) {
				t.Errorf("addressJSON(%q).error = %q, want containing %q", tc.value, e, tc.errPart)
			}
			if _, err := json.Marshal(m); err != nil {
				t.Errorf("not marshalable: %v", err)
			}
		})
	}
}
