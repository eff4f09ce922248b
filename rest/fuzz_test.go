package rest

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	sms "github.com/smsgauge/sms"
)

// FuzzDecodeParams feeds arbitrary text to the JSON parameter decoders.
// Every error is a *sms.ParamError. Accepted text arrives exactly as typed:
// every key and value is valid UTF-8 and survives a second trip through
// encoding/json and DecodeParams unchanged. A create request or list that
// decodes and builds a form builds the same form again from that form.
func FuzzDecodeParams(f *testing.F) {
	for _, s := range []string{
		`{"To":"+14155552671","From":"+14155550100","Body":"Hi"}`,
		`{"To":"+14155552671","MessagingServiceSid":"MG0123456789abcdef0123456789abcdef","Body":"x","ScheduleType":"fixed","SendAt":"2026-12-01T13:00:00+01:00"}`,
		`{"To":"+14155552671","From":"ACME","MediaUrl":["https://e.com/a","https://e.com/b"],"SmartEncoded":true,"ValidityPeriod":600,"Attempt":2,"MaxPrice":0.0500}`,
		`{"To":"+14155552671","From":"+14155550100","Body":"Hi","ValidityPeriod":0}`,
		`{"To":"+14155552671","From":"+14155550100","Body":"Hi","Attempt":99999999999999999999}`,
		`{"To":"+14155552671","To":"+14155552672"}`,
		`{"to":"+14155552671","BODY":"x","ſmartEncoded":true}`,
		`{"Body":"a\ud800b"}`,
		"{\"Body\":\"a\xffb\"}",
		`{"Body":"x"} more`,
		`{"PageSize":0,"DateSent>":"2026-01-01"}`,
		`{"Tags":"{\"a\":\"1\",\"a\":\"2\"}","ContentVariables":"{\"1\":\"x\"}","ContentSid":"HX0123456789abcdef0123456789abcdef"}`,
		`[]`, `null`, `{"A":{"b":1}}`, `{"A":[[1]]}`, `{"A":null}`, `{"A":[]}`, "", `"`,
	} {
		f.Add(s)
	}
	now := time.Date(2026, 12, 1, 11, 0, 0, 0, time.UTC)
	rules := sms.Rules{Now: func() time.Time { return now }}
	f.Fuzz(func(t *testing.T, text string) {
		vals, err := DecodeParams(strings.NewReader(text))
		if err != nil {
			var pe *sms.ParamError
			require.ErrorAs(t, err, &pe, "DecodeParams(%q)", text)
			return
		}
		for k, vs := range vals {
			if !utf8.ValidString(k) {
				t.Fatalf("DecodeParams(%q): key %q is not UTF-8", text, k)
			}
			for _, v := range vs {
				if !utf8.ValidString(v) {
					t.Fatalf("DecodeParams(%q): %s=%q is not UTF-8", text, k, v)
				}
			}
		}
		again, err := json.Marshal(vals)
		require.NoError(t, err)
		back, err := DecodeParams(strings.NewReader(string(again)))
		require.NoError(t, err, "DecodeParams(%s), from DecodeParams(%q)", again, text)
		require.Equal(t, len(vals), len(back), "DecodeParams(%q) then again", text)
		for k, vs := range vals {
			require.Equal(t, len(vs), len(back[k]), "DecodeParams(%q): %s", text, k)
			for i := range vs {
				require.Equal(t, vs[i], back[k][i], "DecodeParams(%q): %s[%d]", text, k, i)
			}
		}

		m, err := sms.ParseCreateMessage(vals)
		if err != nil {
			checkParamErrors(t, text, err)
		} else if form, err := rules.Form(m); err != nil {
			checkParamErrors(t, text, err)
		} else {
			m2, err := sms.ParseCreateMessage(form)
			require.NoError(t, err, "ParseCreateMessage(%v), the form of %q", form, text)
			form2, err := rules.Form(m2)
			require.NoError(t, err, "Form of ParseCreateMessage(%v)", form)
			require.Equal(t, form.Encode(), form2.Encode(), "form of %q, rebuilt", text)
		}

		l, err := sms.ParseListMessages(vals)
		if err != nil {
			checkParamErrors(t, text, err)
		} else if q, err := l.Query(); err != nil {
			checkParamErrors(t, text, err)
		} else {
			l2, err := sms.ParseListMessages(q)
			require.NoError(t, err, "ParseListMessages(%v), the query of %q", q, text)
			q2, err := l2.Query()
			require.NoError(t, err)
			require.Equal(t, q.Encode(), q2.Encode(), "query of %q, rebuilt", text)
		}
	})
}

// checkParamErrors: every problem in err is a *sms.ParamError with a
// parameter name and a rule.
func checkParamErrors(t *testing.T, text string, err error) {
	t.Helper()
	pes := sms.ParamErrors(err)
	if len(pes) == 0 {
		t.Fatalf("%q: error %v (%T) holds no *sms.ParamError", text, err, err)
	}
	for _, pe := range pes {
		if (pe.Param == "" && pe.Rule != sms.ParamUnknown) || !errors.Is(pe, pe.Rule) || pe.Error() == "" {
			t.Fatalf("%q: ParamError %#v lacks a parameter or its rule", text, pe)
		}
	}
}
