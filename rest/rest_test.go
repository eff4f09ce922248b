package rest

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"log/slog"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	sms "github.com/smsgauge/sms"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const testSecret = "s3cr3tAuthToken0123456789abcdefX"

func testEndpoint() Endpoint {
	return Endpoint{Credentials: Credentials{Username: tAC, Secret: testSecret}}
}

func TestCreateRequest(t *testing.T) {
	m := validMessage()
	m.MediaUrl = []string{"https://example.com/1.png", "https://example.com/2.png"}
	req, err := testEndpoint().CreateRequest(context.Background(), m)
	if err != nil {
		t.Fatalf("Request() error = %v", err)
	}
	if req.Method != http.MethodPost {
		t.Errorf("Method = %q, want POST", req.Method)
	}
	if got, want := req.URL.String(), "https://api.twilio.com/2010-04-01/Accounts/"+tAC+"/Messages.json"; got != want {
		t.Errorf("URL = %q, want %q", got, want)
	}
	if got := req.Header.Get("Content-Type"); got != "application/x-www-form-urlencoded" {
		t.Errorf("Content-Type = %q", got)
	}
	u, p, ok := req.BasicAuth()
	if !ok || u != tAC || p != testSecret {
		t.Errorf("BasicAuth() = %q, %q, %v; want the account SID and secret", u, p, ok)
	}
	body, _ := io.ReadAll(req.Body)
	f, _ := testRules.Form(m)
	if string(body) != f.Encode() {
		t.Errorf("body = %q, want %q", body, f.Encode())
	}
	if req.ContentLength != int64(len(body)) || req.GetBody == nil {
		t.Errorf("ContentLength = %d, GetBody set = %v; want %d and true", req.ContentLength, req.GetBody != nil, len(body))
	}
}

func TestEndpointURLs(t *testing.T) {
	tests := []struct {
		name         string
		edge, region string
		want         string
	}{
		{"default", "", "", "https://api.twilio.com"},
		{"edge defaults to us1", "frankfurt", "", "https://api.frankfurt.us1.twilio.com"},
		{"edge and region", "dublin", "ie1", "https://api.dublin.ie1.twilio.com"},
		{"interconnect edge", "frankfurt-ix", "us1", "https://api.frankfurt-ix.us1.twilio.com"},
		{"region only", "", "au1", "https://api.au1.twilio.com"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := testEndpoint()
			e.Edge, e.Region = tc.edge, tc.region
			if got := e.BaseURL(); got != tc.want {
				t.Fatalf("BaseURL() = %q, want %q", got, tc.want)
			}
			req, err := e.FetchRequest(context.Background(), sms.FetchMessage{Sid: tSM})
			if err != nil {
				t.Fatal(err)
			}
			if got, want := req.URL.String(), tc.want+"/2010-04-01/Accounts/"+tAC+"/Messages/"+tSM+".json"; got != want {
				t.Fatalf("URL = %q, want %q", got, want)
			}
		})
	}
}

func TestEndpointValidate(t *testing.T) {
	tests := []struct {
		name string
		e    Endpoint
		want []string
	}{
		{"account token", testEndpoint(), nil},
		{"api key", Endpoint{AccountSid: tAC, Credentials: Credentials{Username: tSK, Secret: testSecret}}, nil},
		{"api key without account", Endpoint{Credentials: Credentials{Username: tSK, Secret: testSecret}}, []string{"AccountSid/required"}},
		{"no credentials", Endpoint{AccountSid: tAC}, nil},
		{"secret without user", Endpoint{AccountSid: tAC, Credentials: Credentials{Secret: testSecret}}, []string{"Credentials.Username/required"}},
		{"user without secret", Endpoint{Credentials: Credentials{Username: tAC}}, []string{"Credentials.Secret/required"}},
		{"user not a SID", Endpoint{AccountSid: tAC, Credentials: Credentials{Username: "admin", Secret: testSecret}}, []string{"Credentials.Username/sid"}},
		{"account wrong prefix", Endpoint{AccountSid: tMG}, []string{"AccountSid/sid"}},
		{"secret with newline", Endpoint{Credentials: Credentials{Username: tAC, Secret: testSecret + "\n"}}, []string{"Credentials.Secret/format"}},
		{"secret quoted", Endpoint{Credentials: Credentials{Username: tAC, Secret: `"` + testSecret + `"`}}, []string{"Credentials.Secret/format"}},
		{"bad edge", Endpoint{AccountSid: tAC, Edge: "Frank furt"}, []string{"Edge/format"}},
		{"bad region", Endpoint{AccountSid: tAC, Region: "evil.com/"}, []string{"Region/format"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.e.Validate()
			if got := problemKeys(err); !slices.Equal(got, tc.want) {
				t.Fatalf("Validate() = %v, want %v (%v)", got, tc.want, err)
			}
			if err != nil && strings.Contains(err.Error(), testSecret) {
				t.Fatalf("error %q contains the secret", err)
			}
			_, rerr := tc.e.FetchRequest(context.Background(), sms.FetchMessage{Sid: tSM})
			if (rerr != nil) != (err != nil) {
				t.Fatalf("Request() error = %v, Validate() = %v", rerr, err)
			}
		})
	}
}

func TestRequestJoinsEndpointAndParamErrors(t *testing.T) {
	_, err := Endpoint{}.CreateRequest(context.Background(), sms.CreateMessage{})
	got := problemKeys(err)
	want := []string{"AccountSid/required", "Body/required", "From/required", "To/required"}
	if !slices.Equal(got, want) {
		t.Fatalf("Request() problems = %v, want %v", got, want)
	}
}

func TestSecretNeverShown(t *testing.T) {
	e := testEndpoint()
	e.Credentials.Secret = testSecret
	values := []any{e.Credentials.Secret, e.Credentials, e, &e, &e.Credentials, []Endpoint{e}, map[string]Credentials{"x": e.Credentials}}
	verbs := []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%X", "%T %v", "%10v", "%d"}
	for _, v := range values {
		for _, verb := range verbs {
			s := fmt.Sprintf(verb, v)
			if strings.Contains(s, testSecret) || strings.Contains(s, fmt.Sprintf("%x", testSecret)) {
				t.Errorf("Sprintf(%q, %T) = %q shows the secret", verb, v, s)
			}
		}
		if s := fmt.Sprint(v); !strings.Contains(s, "[REDACTED]") {
			t.Errorf("Sprint(%T) = %q, want it to say [REDACTED]", v, s)
		}
		b, err := json.Marshal(v)
		if err != nil || bytes.Contains(b, []byte(testSecret)) {
			t.Errorf("json.Marshal(%T) = %s, %v; shows the secret or fails", v, b, err)
		}
	}
	if got := e.Credentials.Secret.String(); got != "[REDACTED]" {
		t.Errorf("Secret.String() = %q", got)
	}
	if got := Secret("").String(); got != "[unset]" {
		t.Errorf(`Secret("").String() = %q, want "[unset]"`, got)
	}
	// Logs: log/slog text and JSON handlers, and the log package.
	var buf bytes.Buffer
	slog.New(slog.NewTextHandler(&buf, nil)).Info("send", "endpoint", e, "secret", e.Credentials.Secret)
	slog.New(slog.NewJSONHandler(&buf, nil)).Info("send", "endpoint", e, "creds", e.Credentials)
	log.New(&buf, "", 0).Printf("endpoint %v %+v %#v", e, e, e)
	if strings.Contains(buf.String(), testSecret) {
		t.Errorf("logs show the secret:\n%s", buf.String())
	}
	// Errors: an invalid request with a secret-bearing endpoint.
	bad := e
	bad.Edge = "BAD EDGE"
	bad.Credentials.Secret = testSecret + "\r\n"
	_, err := bad.CreateRequest(context.Background(), sms.CreateMessage{})
	if err == nil || strings.Contains(err.Error(), testSecret) || strings.Contains(fmt.Sprintf("%+v", err), testSecret) {
		t.Errorf("Request() error = %v; want an error without the secret", err)
	}
	for _, pe := range sms.ParamErrors(err) {
		if strings.Contains(fmt.Sprintf("%#v", pe), testSecret) {
			t.Errorf("%%#v of %v shows the secret", pe)
		}
	}
}

func TestBasicAuthIsTheOnlyPlaceOfTheSecret(t *testing.T) {
	req, err := testEndpoint().CreateRequest(context.Background(), validMessage())
	if err != nil {
		t.Fatal(err)
	}
	want := "Basic " + base64.StdEncoding.EncodeToString([]byte(tAC+":"+testSecret))
	if got := req.Header.Get("Authorization"); got != want {
		t.Fatalf("Authorization = %q, want %q", got, want)
	}
	if strings.Contains(req.URL.String(), testSecret) {
		t.Fatalf("URL %q contains the secret", req.URL)
	}
}

func TestUpdateMessage(t *testing.T) {
	tests := []struct {
		name   string
		u      sms.UpdateMessage
		want   []string
		encode string
	}{
		{"redact", sms.UpdateMessage{Sid: tSM, Redact: true}, nil, "Body="},
		{"cancel", sms.UpdateMessage{Sid: tSM, Status: sms.StatusCanceled}, nil, "Status=canceled"},
		{"both", sms.UpdateMessage{Sid: tSM, Redact: true, Status: sms.StatusCanceled}, nil, "Body=&Status=canceled"},
		{"MMS sid", sms.UpdateMessage{Sid: "MM" + tSM[2:], Redact: true}, nil, "Body="},
		{"cancelled", sms.UpdateMessage{Sid: tSM, Status: "cancelled"}, []string{"Status/enum"}, ""},
		{"Cancelled", sms.UpdateMessage{Sid: tSM, Status: "Cancelled"}, []string{"Status/enum"}, ""},
		{"other status", sms.UpdateMessage{Sid: tSM, Status: "failed"}, []string{"Status/enum"}, ""},
		{"nothing", sms.UpdateMessage{Sid: tSM}, []string{"Status/required"}, ""},
		{"no sid", sms.UpdateMessage{Redact: true}, []string{"Sid/required"}, ""},
		{"wrong sid", sms.UpdateMessage{Sid: tMG, Redact: true}, []string{"Sid/sid"}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, err := tc.u.Form()
			if got := problemKeys(err); !slices.Equal(got, tc.want) {
				t.Fatalf("Form() problems = %v, want %v (%v)", got, tc.want, err)
			}
			if err != nil {
				return
			}
			if got := f.Encode(); got != tc.encode {
				t.Fatalf("Form().Encode() = %q, want %q", got, tc.encode)
			}
			req, err := testEndpoint().UpdateRequest(context.Background(), tc.u)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(req.Body)
			if req.Method != http.MethodPost || !strings.HasSuffix(req.URL.Path, "/Messages/"+tc.u.Sid+".json") || string(body) != tc.encode {
				t.Fatalf("Request() = %s %s %q", req.Method, req.URL, body)
			}
		})
	}
	_, err := sms.UpdateMessage{Sid: tSM, Status: "cancelled"}.Form()
	if err == nil || !strings.Contains(err.Error(), `"canceled", with one l`) {
		t.Fatalf(`Form() error = %v; want it to explain "canceled", with one l`, err)
	}
}

func TestFetchDelete(t *testing.T) {
	req, err := testEndpoint().DeleteRequest(context.Background(), sms.DeleteMessage{Sid: tSM})
	if err != nil {
		t.Fatal(err)
	}
	if req.Method != http.MethodDelete || req.URL.String() != "https://api.twilio.com/2010-04-01/Accounts/"+tAC+"/Messages/"+tSM+".json" || req.Body != nil {
		t.Fatalf("sms.DeleteMessage.Request() = %s %s body=%v", req.Method, req.URL, req.Body)
	}
	req, err = testEndpoint().FetchRequest(context.Background(), sms.FetchMessage{Sid: tSM})
	if err != nil || req.Method != http.MethodGet || req.Header.Get("Content-Type") != "" {
		t.Fatalf("sms.FetchMessage.Request() = %v, %v", req, err)
	}
	for _, sid := range []string{"", tAC, tSM + "0", "SM0123456789abcdef0123456789abcdeg", "../../Calls/CA0123456789abcdef0123456789abcd"} {
		if _, err := testEndpoint().FetchRequest(context.Background(), sms.FetchMessage{Sid: sid}); !errors.Is(err, sms.ErrInvalidParam) {
			t.Errorf("sms.FetchMessage{%q}.Request() error = %v, want sms.ErrInvalidParam", sid, err)
		}
		if err := (sms.DeleteMessage{Sid: sid}).Validate(); !errors.Is(err, sms.ErrInvalidParam) {
			t.Errorf("sms.DeleteMessage{%q}.Validate() = %v, want sms.ErrInvalidParam", sid, err)
		}
	}
}

func TestListMessages(t *testing.T) {
	tests := []struct {
		name   string
		l      sms.ListMessages
		want   []string
		encode string
	}{
		{"empty", sms.ListMessages{}, nil, ""},
		{"filters", sms.ListMessages{To: "+15558675310", From: "+15017122661", DateSent: "2016-07-31", PageSize: 20},
			nil, "DateSent=2016-07-31&From=%2B15017122661&PageSize=20&To=%2B15558675310"},
		{"range", sms.ListMessages{DateSentBefore: "2021-01-17", DateSentAfter: "2021-01-15"}, nil, "DateSent%3C=2021-01-17&DateSent%3E=2021-01-15"},
		{"paging", sms.ListMessages{PageSize: 2, Page: 1, PageToken: "PAMMc26223853f8c46b4ab7dfaa6abba0a26"}, nil,
			"Page=1&PageSize=2&PageToken=PAMMc26223853f8c46b4ab7dfaa6abba0a26"},
		{"PageSize 1000", sms.ListMessages{PageSize: 1000}, nil, "PageSize=1000"},
		{"PageSize 1001", sms.ListMessages{PageSize: 1001}, []string{"PageSize/range"}, ""},
		{"PageSize negative", sms.ListMessages{PageSize: -1}, []string{"PageSize/range"}, ""},
		{"Page negative", sms.ListMessages{Page: -1}, []string{"Page/range"}, ""},
		{"timestamp date", sms.ListMessages{DateSent: "2016-07-31T00:00:00Z"}, []string{"DateSent/format"}, ""},
		{"US date", sms.ListMessages{DateSentBefore: "07/31/2016"}, []string{"DateSent</format"}, ""},
		{"impossible date", sms.ListMessages{DateSentAfter: "2016-02-30"}, []string{"DateSent>/format"}, ""},
		{"CRLF token", sms.ListMessages{PageToken: "PA\r\nX"}, []string{"PageToken/control-char"}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			q, err := tc.l.Query()
			if got := problemKeys(err); !slices.Equal(got, tc.want) {
				t.Fatalf("Query() problems = %v, want %v (%v)", got, tc.want, err)
			}
			if err != nil {
				return
			}
			if got := q.Encode(); got != tc.encode {
				t.Fatalf("Query().Encode() = %q, want %q", got, tc.encode)
			}
			req, err := testEndpoint().ListRequest(context.Background(), tc.l)
			if err != nil {
				t.Fatal(err)
			}
			if req.Method != http.MethodGet || req.URL.RawQuery != tc.encode || req.URL.Path != "/2010-04-01/Accounts/"+tAC+"/Messages.json" {
				t.Fatalf("Request() = %s %s", req.Method, req.URL)
			}
		})
	}
}

func TestRequestNilContext(t *testing.T) {
	var ctx context.Context // nil
	if _, err := testEndpoint().CreateRequest(ctx, validMessage()); err == nil {
		t.Fatal("Request(nil ctx) succeeded")
	}
}

var testNow = time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)

var testRules = sms.Rules{Now: func() time.Time { return testNow }}

const (
	tMG = "MG0123456789abcdef0123456789abcdef"
	tAC = "AC0123456789abcdef0123456789abcdef"
	tSK = "SK0123456789abcdef0123456789abcdef"
	tSM = "SM0123456789abcdef0123456789abcdef"
)

func validMessage() sms.CreateMessage {
	return sms.CreateMessage{To: "+14155552671", From: "+14155550100", Body: "Hello"}
}

// problemKeys lists "Param/rule" of every *sms.ParamError in err, sorted.
func problemKeys(err error) []string {
	var out []string
	for _, pe := range sms.ParamErrors(err) {
		out = append(out, pe.Param+"/"+pe.Rule.String())
	}
	slices.Sort(out)
	return out
}

// TestDecodeCreateRoundTrip: json.Marshal of a CreateMessage is input
// DecodeCreate reads back to the same message.
func TestDecodeCreateRoundTrip(t *testing.T) {
	m := sms.CreateMessage{
		To: "+14155552671", From: "rcs:acme_agent", MessagingServiceSid: tMG, FallbackFrom: "+14155550100",
		Body: "Hi ✓ \"quoted\"", MediaUrl: []string{"https://e.com/b", "https://e.com/a"},
		ContentSid: "HX0123456789abcdef0123456789abcdef", ContentVariables: `{"1":"x"}`,
		PersistentAction: []string{"mailto:a@example.com"}, SmartEncoded: sms.FlagTrue, SendAsMms: sms.FlagFalse,
		ShortenUrls: sms.FlagTrue, ScheduleType: sms.ScheduleFixed, SendAt: time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC),
		ValidityPeriod: 60, StatusCallback: "https://e.com/cb", ApplicationSid: "AP0123456789abcdef0123456789abcdef",
		ProvideFeedback: sms.FlagFalse, ContentRetention: "retain", AddressRetention: "obfuscate", RiskCheck: "disable",
		TrafficType: "free", Attempt: 2, MaxPrice: "0.0500", ForceDelivery: sms.FlagTrue, Tags: `{"a":"b"}`,
	}
	b, err := json.Marshal(m)
	require.NoError(t, err)
	back, err := DecodeCreate(bytes.NewReader(b))
	require.NoError(t, err, "DecodeCreate(%s)", b)
	assert.Equal(t, m, back, "round trip through JSON")
}

func TestDecodeParams(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		want      url.Values
		param     string // of the error; "" when none
		rule      sms.ParamRule
		errDetail string
	}{
		{name: "scalars", in: `{"To":"+1","ValidityPeriod":60,"SmartEncoded":true,"MediaUrl":["a","b"],"Body":null}`,
			want: url.Values{"To": {"+1"}, "ValidityPeriod": {"60"}, "SmartEncoded": {"true"}, "MediaUrl": {"a", "b"}}},
		{name: "number kept as written", in: `{"Attempt":-0}`, want: url.Values{"Attempt": {"-0"}}},
		{name: "duplicate key", in: `{"To":"+14155552671","To":"+14155552672"}`, param: "JSON", rule: sms.ParamJSON, errDetail: `duplicate key "To" at byte 21`},
		{name: "invalid UTF-8", in: "{\"Body\":\"a\xffb\"}", param: "JSON", rule: sms.ParamJSON, errDetail: "invalid UTF-8 in a string at byte 10"},
		{name: "lone surrogate", in: `{"Body":"a\ud800b"}`, param: "JSON", rule: sms.ParamJSON, errDetail: "lone surrogate"},
		{name: "trailing text", in: `{"To":"+1"} {"To":"+2"}`, param: "JSON", rule: sms.ParamJSON, errDetail: "text after the JSON value"},
		{name: "not an object", in: `["To"]`, param: "JSON", rule: sms.ParamJSON, errDetail: "not an array"},
		{name: "nested object", in: `{"Body":{"a":1}}`, param: "Body", rule: sms.ParamJSON, errDetail: "not an object at byte 8"},
		{name: "nested array", in: `{"MediaUrl":[["a"]]}`, param: "MediaUrl", rule: sms.ParamJSON, errDetail: "not an array"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := DecodeParams(strings.NewReader(tc.in))
			if tc.param == "" {
				require.NoError(t, err)
				assert.Equal(t, tc.want, got)
				return
			}
			var pe *sms.ParamError
			require.ErrorAs(t, err, &pe, "DecodeParams(%q) = %v", tc.in, got)
			assert.Equal(t, tc.param, pe.Param)
			assert.Equal(t, tc.rule, pe.Rule)
			assert.Contains(t, pe.Detail, tc.errDetail)
		})
	}
}

func TestDecodeParamsTooLong(t *testing.T) {
	in := `{"Body":"` + strings.Repeat("a", MaxParamsBytes) + `"}`
	_, err := DecodeParams(strings.NewReader(in))
	var pe *sms.ParamError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, sms.ParamTooLong, pe.Rule)
}

func TestDecodeCreateNeverDrops(t *testing.T) {
	for _, in := range []string{`{"ValidityPeriod":0}`, `{"ValidityPeriod":"0"}`, `{"ValidityPeriod":-0}`, `{"Attempt":0}`} {
		_, err := DecodeCreate(strings.NewReader(in))
		require.Error(t, err, "DecodeCreate(%s) dropped a given value", in)
		keys := problemKeys(err)
		require.Len(t, keys, 1, "DecodeCreate(%s)", in)
		assert.Contains(t, keys[0], "/range", "DecodeCreate(%s)", in)
	}
	for _, in := range []string{`{"to":"+1"}`, `{"BODY":"x"}`, `{"ſmartEncoded":true}`} {
		_, err := DecodeCreate(strings.NewReader(in))
		var pe *sms.ParamError
		require.ErrorAs(t, err, &pe, "DecodeCreate(%s)", in)
		assert.Equal(t, sms.ParamUnknown, pe.Rule, "DecodeCreate(%s)", in)
		assert.Contains(t, pe.Detail, "did you mean", "DecodeCreate(%s)", in)
	}
	_, err := DecodeList(strings.NewReader(`{"PageSize":0}`))
	assert.Equal(t, []string{"PageSize/range"}, problemKeys(err))
}
