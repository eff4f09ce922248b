package webapi

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"unicode/utf16"

	sms "github.com/smsgauge/sms"
)

type fitOut struct {
	Body          string `json:"body"`
	Cut           bool   `json:"cut"`
	Kept          int    `json:"kept"`
	CutCharacters int    `json:"cutCharacters"`
	Suffix        string `json:"suffix"`
	Encoding      string `json:"encoding"`
	Segments      int    `json:"segments"`
	Characters    int    `json:"characters"`
	Before        struct {
		Encoding string `json:"encoding"`
		Segments int    `json:"segments"`
	} `json:"before"`
}

// TestAppendFit checks fit() against sms.Fit on every test body, for one and
// two segments: the same result, and kept as the UTF-16 index of the cut.
func TestAppendFit(t *testing.T) {
	for _, tc := range bodies {
		for _, n := range []int{1, 2} {
			for _, o := range []FitOptions{{}, {NoSuffix: true}, {Suffix: " (more)", UDH16: true}} {
				b, err := AppendFit(nil, tc.body, n, o)
				if err != nil {
					t.Fatalf("%s: %v", tc.name, err)
				}
				var got fitOut
				if err := json.Unmarshal(b, &got); err != nil {
					t.Fatalf("%s: bad JSON %v: %s", tc.name, err, b)
				}
				want, err := sms.FitOptions{Suffix: o.Suffix, NoSuffix: o.NoSuffix, Options: sms.Options{UDH16: o.UDH16}}.Fit(tc.body, n)
				if err != nil {
					t.Fatal(err)
				}
				if tc.name != "invalid-utf8" && got.Body != want.Body {
					t.Errorf("%s to %d: body %q, want %q", tc.name, n, got.Body, want.Body)
				}
				if got.Cut != want.Cut || got.Segments != want.After.Segments || got.Encoding != want.After.Encoding.String() ||
					got.CutCharacters != want.CutGraphemes || got.Suffix != want.Suffix || got.Before.Segments != want.Before.Segments {
					t.Errorf("%s to %d: %+v, want %+v", tc.name, n, got, want)
				}
				if tc.name != "invalid-utf8" {
					if k := len(utf16.Encode([]rune(tc.body[:want.Kept]))); got.Kept != k {
						t.Errorf("%s to %d: kept %d, want UTF-16 index %d", tc.name, n, got.Kept, k)
					}
				}
			}
		}
	}
}

func TestAppendFitErrors(t *testing.T) {
	for _, tc := range []struct {
		n           int
		o           FitOptions
		code, param string
	}{
		{0, FitOptions{}, "invalid_option", "maxSegments"},
		{-5, FitOptions{}, "invalid_option", "maxSegments"},
		{1, FitOptions{Suffix: strings.Repeat("x", 161)}, "suffix_too_long", "options"},
		{1, FitOptions{Suffix: "\u0301"}, "invalid_option", "options"},
	} {
		_, err := AppendFit(nil, "hello", tc.n, tc.o)
		var e *Error
		if !errors.As(err, &e) || e.Code != tc.code || e.Param != tc.param || !strings.HasPrefix(e.Message, "sms: ") {
			t.Errorf("AppendFit(%d, %+v) = %v, want code %s param %s", tc.n, tc.o, err, tc.code, tc.param)
		}
	}
}

func TestAppendErrorObject(t *testing.T) {
	got := string(AppendErrorObject(nil, &Error{Code: "missing_plus", Message: "sms: x", Param: "To", TwilioCode: 21211}))
	if want := `{"error":{"code":"missing_plus","message":"sms: x","param":"To","twilioCode":21211}}`; got != want {
		t.Errorf("AppendErrorObject = %s, want %s", got, want)
	}
	got = string(AppendError(nil, "c", "sms: y", "p"))
	if want := `{"error":{"code":"c","message":"sms: y","param":"p"}}`; got != want {
		t.Errorf("AppendError = %s, want %s", got, want)
	}
}
