package main

import (
	"bytes"
	"encoding/json"
	"net/url"
	"slices"
	"strings"
	"testing"
)

const (
	reqAC     = "AC0123456789abcdef0123456789abcdef"
	reqMG     = "MG0123456789abcdef0123456789abcdef"
	reqSecret = "cliSecretToken0123456789abcdefAB"
)

func runReq(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(append([]string{"request"}, args...), strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func errorKeys(t *testing.T, stdout string) []string {
	t.Helper()
	var res struct {
		Errors []struct{ Param, Rule, Message string } `json:"errors"`
	}
	if err := json.Unmarshal([]byte(stdout), &res); err != nil {
		t.Fatalf("stdout is not the JSON errors: %v\n%s", err, stdout)
	}
	var keys []string
	for _, e := range res.Errors {
		// Words for the command's users: no library prefix, no Go field.
		for _, bad := range []string{"sms: ", "Credentials.", "set Lenient", "Go struct"} {
			if strings.Contains(e.Message, bad) {
				t.Errorf("message %q holds %q", e.Message, bad)
			}
		}
		keys = append(keys, e.Param+"/"+e.Rule)
	}
	slices.Sort(keys)
	return keys
}

func TestRequestCreate(t *testing.T) {
	t.Setenv("TWILIO_ACCOUNT_SID", "")
	t.Setenv("TWILIO_API_KEY", "")
	tests := []struct {
		name   string
		stdin  string
		args   []string
		code   int
		body   string   // expected stdout form body (code 0)
		errors []string // expected error keys (code 1)
		stderr string   // substring of stderr
	}{
		{"json", `{"To":"+14155552671","From":"+14155550100","Body":"Hi & bye"}`, nil, 0,
			"Body=Hi+%26+bye&From=%2B14155550100&To=%2B14155552671", nil, ""},
		{"json lists and flags", `{"To":"+14155552671","MessagingServiceSid":"` + reqMG + `","MediaUrl":["https://e.com/2","https://e.com/1"],"SmartEncoded":true,"ValidityPeriod":600,"MaxPrice":0.0500}`, nil, 0,
			"MaxPrice=0.0500&MediaUrl=https%3A%2F%2Fe.com%2F2&MediaUrl=https%3A%2F%2Fe.com%2F1&MessagingServiceSid=" + reqMG + "&SmartEncoded=true&To=%2B14155552671&ValidityPeriod=600", nil, "warning: MaxPrice: obsolete"},
		{"flags", "", []string{"-set", "To=+14155552671", "-set", "From=ACME", "-set", "Body=Hi", "-set", "SendAsMms=false"}, 0,
			"Body=Hi&From=ACME&SendAsMms=false&To=%2B14155552671", nil, ""},
		{"scheduled with clock", `{"To":"+14155552671","MessagingServiceSid":"` + reqMG + `","Body":"x","ScheduleType":"fixed","SendAt":"2026-12-01T13:00:00+01:00"}`,
			[]string{"-now", "2026-12-01T11:00:00Z"}, 0,
			"Body=x&MessagingServiceSid=" + reqMG + "&ScheduleType=fixed&SendAt=2026-12-01T12%3A00%3A00Z&To=%2B14155552671", nil, ""},
		{"scheduled too soon", `{"To":"+14155552671","MessagingServiceSid":"` + reqMG + `","Body":"x","ScheduleType":"fixed","SendAt":"2026-12-01T11:04:00Z"}`,
			[]string{"-now", "2026-12-01T11:00:00Z"}, 1, "", []string{"SendAt/schedule-window"}, ""},
		{"scheduled with the older min-lead", `{"To":"+14155552671","MessagingServiceSid":"` + reqMG + `","Body":"x","ScheduleType":"fixed","SendAt":"2026-12-01T11:10:00Z"}`,
			[]string{"-now", "2026-12-01T11:00:00Z", "-min-lead", "15m"}, 1, "", []string{"SendAt/schedule-window"}, ""},
		{"scheduled 10 minutes ahead", `{"To":"+14155552671","MessagingServiceSid":"` + reqMG + `","Body":"x","ScheduleType":"fixed","SendAt":"2026-12-01T11:10:00Z"}`,
			[]string{"-now", "2026-12-01T11:00:00Z"}, 0,
			"Body=x&MessagingServiceSid=" + reqMG + "&ScheduleType=fixed&SendAt=2026-12-01T11%3A10%3A00Z&To=%2B14155552671", nil, ""},
		{"all errors", `{"Body":"","StatusCallback":"https://my_host.example.com/x"}`, nil, 1, "",
			[]string{"Body/required", "From/required", "StatusCallback/url", "To/required"}, ""},
		{"explicit zero is not dropped", `{"To":"+14155552671","From":"+14155550100","Body":"Hi","ValidityPeriod":0}`, nil, 1, "",
			[]string{"ValidityPeriod/range"}, ""},
		{"explicit zero attempt", `{"To":"+14155552671","From":"+14155550100","Body":"Hi","Attempt":"0"}`, nil, 1, "",
			[]string{"Attempt/range"}, ""},
		{"attempt above 32 bits", `{"To":"+14155552671","From":"+14155550100","Body":"Hi","Attempt":2147483648}`, nil, 1, "",
			[]string{"Attempt/range"}, ""},
		{"attempt beyond int64", `{"To":"+14155552671","From":"+14155550100","Body":"Hi","Attempt":99999999999999999999}`, nil, 1, "",
			[]string{"Attempt/range"}, ""},
		{"duplicate key", `{"To":"+14155552671","From":"+14155550100","Body":"Hi","To":"+14155552672"}`, nil, 1, "",
			[]string{"JSON/json"}, ""},
		{"unknown and bad types", `{"To":"+14155552671","from":"+1","SendAsMms":"yes","Attempt":"two"}`, nil, 1, "",
			[]string{"Attempt/format", "SendAsMms/format", "from/unknown"}, ""},
		{"not json", `To=+1`, nil, 1, "", []string{"JSON/json"}, ""},
		{"account prints URL", `{"To":"+14155552671","From":"+14155550100","Body":"Hi"}`, []string{"-account", reqAC, "-edge", "sydney", "-region", "au1"}, 0,
			"Body=Hi&From=%2B14155550100&To=%2B14155552671", nil, "POST https://api.sydney.au1.twilio.com/2010-04-01/Accounts/" + reqAC + "/Messages.json"},
		{"bad account", `{"To":"+14155552671","From":"+14155550100","Body":"Hi"}`, []string{"-account", "AC123"}, 1, "", []string{"AccountSid/sid"}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := runReq(t, tc.stdin, append([]string{"create"}, tc.args...)...)
			if code != tc.code {
				t.Fatalf("exit code = %d, want %d\nstdout: %s\nstderr: %s", code, tc.code, stdout, stderr)
			}
			if code == 0 {
				if got := strings.TrimSuffix(stdout, "\n"); got != tc.body {
					t.Fatalf("stdout = %q, want %q", got, tc.body)
				}
				if _, err := url.ParseQuery(strings.TrimSpace(stdout)); err != nil {
					t.Fatalf("stdout does not parse as a form: %v", err)
				}
			} else if got := errorKeys(t, stdout); !slices.Equal(got, tc.errors) {
				t.Fatalf("errors = %v, want %v\n%s", got, tc.errors, stdout)
			}
			if !strings.Contains(stderr, tc.stderr) {
				t.Fatalf("stderr = %q, want it to contain %q", stderr, tc.stderr)
			}
		})
	}
}

func TestRequestDryRunMasksSecret(t *testing.T) {
	t.Setenv("TWILIO_API_KEY", "")
	t.Setenv("TWILIO_ACCOUNT_SID", reqAC)
	t.Setenv("TWILIO_AUTH_TOKEN", reqSecret)
	code, stdout, stderr := runReq(t, `{"To":"+14155552671","From":"+14155550100","Body":"Hi"}`, "create", "-dry-run")
	if code != 0 {
		t.Fatalf("exit %d: %s %s", code, stdout, stderr)
	}
	for _, want := range []string{
		"POST /2010-04-01/Accounts/" + reqAC + "/Messages.json HTTP/1.1\r\n",
		"Host: api.twilio.com\r\n",
		"Content-Type: application/x-www-form-urlencoded\r\n",
		"Authorization: Basic " + reqAC + ":[REDACTED]",
		"Content-Length: 45\r\n",
		"\r\n\r\nBody=Hi&From=%2B14155550100&To=%2B14155552671\n",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("dry run lacks %q:\n%s", want, stdout)
		}
	}
	if strings.Contains(stdout+stderr, reqSecret) {
		t.Fatalf("dry run shows the secret:\n%s", stdout)
	}
	// An API key needs the account in -account.
	t.Setenv("TWILIO_API_KEY", "SK0123456789abcdef0123456789abcdef")
	t.Setenv("TWILIO_API_SECRET", reqSecret)
	t.Setenv("TWILIO_ACCOUNT_SID", "")
	code, stdout, _ = runReq(t, `{"To":"+14155552671","From":"+14155550100","Body":"Hi"}`, "create", "-dry-run")
	if code != 1 || !slices.Equal(errorKeys(t, stdout), []string{"AccountSid/required"}) || strings.Contains(stdout, reqSecret) {
		t.Fatalf("API key without -account: exit %d, %s", code, stdout)
	}
	code, stdout, _ = runReq(t, `{"To":"+14155552671","From":"+14155550100","Body":"Hi"}`, "create", "-dry-run", "-account", reqAC)
	if code != 0 || !strings.Contains(stdout, "Authorization: Basic SK0123456789abcdef0123456789abcdef:[REDACTED]") || strings.Contains(stdout, reqSecret) {
		t.Fatalf("API key dry run: exit %d\n%s", code, stdout)
	}
}

func TestRequestUsage(t *testing.T) {
	if code, _, stderr := runReq(t, ""); code != 2 || !strings.Contains(stderr, "usage: smsgauge request VERB") || !strings.Contains(stderr, "  create ") {
		t.Fatalf("request without create: exit %d, stderr %q", code, stderr)
	}
	if code, _, _ := runReq(t, "", "create", "extra"); code != 2 {
		t.Fatalf("extra argument: exit %d, want 2", code)
	}
}

func TestRequestResources(t *testing.T) {
	t.Setenv("TWILIO_API_KEY", "")
	t.Setenv("TWILIO_ACCOUNT_SID", reqAC)
	t.Setenv("TWILIO_AUTH_TOKEN", reqSecret)
	const sm = "SM0123456789abcdef0123456789abcdef"
	base := "https://api.twilio.com/2010-04-01/Accounts/" + reqAC
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string
		errors []string
	}{
		{"redact", []string{"update", "-sid", sm, "-redact"}, 0, "Body=\n", nil},
		{"cancel", []string{"update", "-sid", sm, "-status", "canceled"}, 0, "Status=canceled\n", nil},
		{"cancelled", []string{"update", "-sid", sm, "-status", "cancelled"}, 1, "", []string{"Status/enum"}},
		{"fetch", []string{"fetch", "-sid", sm}, 0, base + "/Messages/" + sm + ".json\n", nil},
		{"delete bad sid", []string{"delete", "-sid", "MG0123456789abcdef0123456789abcdef"}, 1, "", []string{"Sid/sid"}},
		{"list", []string{"list", "-set", "To=+15558675310", "-set", "DateSent>=2026-11-01", "-set", "PageSize=20"}, 0,
			base + "/Messages.json?DateSent%3E=2026-11-01&PageSize=20&To=%2B15558675310\n", nil},
		{"list bad", []string{"list", "-set", "PageSize=x", "-set", "Limit=3"}, 1, "", []string{"Limit/unknown", "PageSize/format"}},
		{"list range", []string{"list", "-set", "PageSize=5000"}, 1, "", []string{"PageSize/range"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := runReq(t, "", tc.args...)
			if code != tc.code {
				t.Fatalf("exit %d, want %d\n%s%s", code, tc.code, stdout, stderr)
			}
			if code == 0 && stdout != tc.stdout {
				t.Fatalf("stdout = %q, want %q", stdout, tc.stdout)
			}
			if code == 1 {
				if got := errorKeys(t, stdout); !slices.Equal(got, tc.errors) {
					t.Fatalf("errors = %v, want %v", got, tc.errors)
				}
			}
		})
	}
	code, stdout, _ := runReq(t, "", "delete", "-sid", sm, "-dry-run")
	if code != 0 || !strings.HasPrefix(stdout, "DELETE /2010-04-01/Accounts/"+reqAC+"/Messages/"+sm+".json HTTP/1.1\r\n") ||
		!strings.Contains(stdout, "[REDACTED]") || strings.Contains(stdout, reqSecret) {
		t.Fatalf("delete -dry-run: exit %d\n%s", code, stdout)
	}
}
