package sms

import (
	"net/url"
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCreateParamsCoverEveryField: the parser's table names every field of
// CreateMessage once, under the name of its json tag, and each field's
// pointer is of a type parseParam stores into.
func TestCreateParamsCoverEveryField(t *testing.T) {
	typ := reflect.TypeFor[CreateMessage]()
	require.Equal(t, typ.NumField(), len(createParams), "createParams and CreateMessage differ in length")
	var m CreateMessage
	for i, c := range createParams {
		f := typ.Field(i)
		assert.Equal(t, f.Name, c.name, "createParams[%d]", i)
		ptr := reflect.ValueOf(c.field(&m))
		assert.Equal(t, reflect.ValueOf(&m).Elem().Field(i).Addr().Pointer(), ptr.Pointer(), "createParams[%d] (%s) points at another field", i, c.name)
	}
}

// TestParseCreateMessageRoundTrip: Form then ParseCreateMessage gives the
// message back, for every parameter.
func TestParseCreateMessageRoundTrip(t *testing.T) {
	m := validMessage()
	m.MediaUrl = []string{"https://example.com/a.png", "https://example.com/b.png"}
	m.SmartEncoded, m.SendAsMms, m.ProvideFeedback = FlagTrue, FlagFalse, FlagTrue
	m.ValidityPeriod, m.Attempt = 600, 2
	m.ContentRetention, m.AddressRetention, m.RiskCheck, m.TrafficType = ContentDiscard, AddressObfuscate, RiskCheckDisable, TrafficFree
	m.StatusCallback = "https://example.com/status"
	m.Tags = `{"campaign":"spring"}`
	form, err := testRules.Form(m)
	require.NoError(t, err)
	back, err := ParseCreateMessage(form)
	require.NoError(t, err)
	assert.Equal(t, m, back)
}

func TestParseCreateMessageErrors(t *testing.T) {
	tests := []struct {
		name string
		in   url.Values
		want []string // sorted "Param/rule"
	}{
		{"unknown", url.Values{"Bogus": {"x"}}, []string{"Bogus/unknown"}},
		{"empty name", url.Values{"": {"x"}}, []string{"/unknown"}},
		{"integer beyond int", url.Values{"Attempt": {"99999999999999999999"}}, []string{"Attempt/range"}},
		{"case", url.Values{"to": {"+1"}}, []string{"to/unknown"}},
		{"long s", url.Values{"ſmartEncoded": {"true"}}, []string{"ſmartEncoded/unknown"}},
		{"twice", url.Values{"To": {"+1", "+2"}}, []string{"To/too-many"}},
		{"flag", url.Values{"SmartEncoded": {"yes"}}, []string{"SmartEncoded/format"}},
		{"int", url.Values{"Attempt": {"two"}}, []string{"Attempt/format"}},
		{"zero validity", url.Values{"ValidityPeriod": {"0"}}, []string{"ValidityPeriod/range"}},
		{"zero attempt", url.Values{"Attempt": {"-0"}}, []string{"Attempt/range"}},
		{"time", url.Values{"SendAt": {"tomorrow"}}, []string{"SendAt/format"}},
		{"all at once", url.Values{"Bogus": {"x"}, "Attempt": {"0"}, "SendAt": {"x"}}, []string{"Attempt/range", "Bogus/unknown", "SendAt/format"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseCreateMessage(tc.in)
			assert.Equal(t, tc.want, problemKeys(err), "ParseCreateMessage(%v)", tc.in)
		})
	}
	var pe *ParamError
	_, err := ParseCreateMessage(url.Values{"BODY": {"x"}})
	require.ErrorAs(t, err, &pe)
	assert.Contains(t, pe.Detail, `did you mean "Body"`)
}

func TestParseListMessages(t *testing.T) {
	l := ListMessages{To: "+14155552671", DateSentAfter: "2026-11-01", PageSize: 20, Page: 0}
	q, err := l.Query()
	require.NoError(t, err)
	back, err := ParseListMessages(q)
	require.NoError(t, err)
	assert.Equal(t, l, back)
	_, err = ParseListMessages(url.Values{"PageSize": {"0"}, "Page": {"0"}, "pagesize": {"1"}})
	assert.Equal(t, []string{"PageSize/range", "pagesize/unknown"}, problemKeys(err))
}
