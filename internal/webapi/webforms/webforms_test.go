package webforms

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/smsgauge/sms/internal/webapi"
	"github.com/smsgauge/sms/phone"
)

type address struct {
	Kind, Channel, Value, ID string
	Number                   *struct {
		E164, Region, Type string
		CallingCode        int
		Possible, Valid    bool
	}
}

func TestAppendAddress(t *testing.T) {
	for _, tc := range []struct {
		name, value string
		o           AddressOptions
		phone       bool
		kind, norm  string
		code, param string // error expected when code != ""
	}{
		{name: "e164", value: "+14155552671", o: AddressOptions{As: "to"}, kind: "phone", norm: "+14155552671"},
		{name: "e164 with metadata", value: "+14155552671", o: AddressOptions{As: "to"}, phone: true, kind: "phone", norm: "+14155552671"},
		{name: "national with region", value: "(415) 555-2671", o: AddressOptions{As: "to", Region: "us", Lenient: true}, phone: true, kind: "phone", norm: "+14155552671"},
		{name: "whatsapp", value: "whatsapp:+14155552671", o: AddressOptions{As: "to"}, kind: "phone", norm: "whatsapp:+14155552671"},
		{name: "sender id from", value: "Acme Co", o: AddressOptions{As: "from"}, kind: "sender_id", norm: "Acme Co"},
		{name: "sender id to", value: "Acme Co", o: AddressOptions{As: "to"}, code: "*", param: "To"},
		{name: "letters in number", value: "+1415abc", o: AddressOptions{As: "to"}, code: "*", param: "To"},
		{name: "missing plus", value: "14155552671", o: AddressOptions{As: "to"}, code: "*", param: "To"},
		{name: "unknown channel", value: "telegram:+14155552671", code: "*", param: "value"},
		{name: "empty", value: "", o: AddressOptions{As: "from"}, code: "*", param: "From"},
		{name: "bad as", value: "+14155552671", o: AddressOptions{As: "cc"}, code: webapi.CodeInvalidArgument, param: "options.as"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var numbers phone.Parser
			var b []byte
			var err error
			if tc.phone {
				b, err = AppendAddress(nil, tc.value, tc.o, numbers)
			} else {
				b, err = AppendAddress(nil, tc.value, tc.o, nil)
			}
			if tc.code != "" {
				var e *webapi.Error
				if !errors.As(err, &e) {
					t.Fatalf("AppendAddress(%q) = %s, %v; want an error", tc.value, b, err)
				}
				if (tc.code != "*" && e.Code != tc.code) || e.Code == "" || e.Param != tc.param || !strings.HasPrefix(e.Message, "sms: ") {
					t.Errorf("AppendAddress(%q) error = %+v, want code %s param %s", tc.value, e, tc.code, tc.param)
				}
				return
			}
			if err != nil {
				t.Fatalf("AppendAddress(%q) = %v", tc.value, err)
			}
			var a address
			if err := json.Unmarshal(b, &a); err != nil {
				t.Fatalf("not JSON: %v: %s", err, b)
			}
			if a.Kind != tc.kind || a.Value != tc.norm {
				t.Errorf("AppendAddress(%q) = %+v, want kind %s value %s", tc.value, a, tc.kind, tc.norm)
			}
			if tc.phone && (a.Number == nil || a.Number.Region != "US" || !a.Number.Valid || a.Number.CallingCode != 1) {
				t.Errorf("AppendAddress(%q).number = %+v, want valid US +1", tc.value, a.Number)
			}
			if !tc.phone && a.Number != nil {
				t.Errorf("number metadata without a NumberParser: %+v", a.Number)
			}
		})
	}
}

type form struct {
	Valid    bool
	Form     string
	Fields   [][2]string
	Errors   []struct{ Code, Message, Param string }
	Warnings []struct{ Code, Message, Param string }
	Estimate *struct {
		Encoding             string
		Segments, Characters int
	}
}

func TestAppendCreateForm(t *testing.T) {
	b, err := AppendCreateForm(nil, []byte(`{"To":"+14155552671","From":"+15017122661","Body":"Hello & welcome ’","SmartEncoded":true}`))
	if err != nil {
		t.Fatal(err)
	}
	var f form
	if err := json.Unmarshal(b, &f); err != nil {
		t.Fatalf("not JSON: %v: %s", err, b)
	}
	if !f.Valid || f.Form != "Body=Hello+%26+welcome+%E2%80%99&From=%2B15017122661&SmartEncoded=true&To=%2B14155552671" || len(f.Errors) != 0 {
		t.Errorf("valid form = %+v", f)
	}
	if len(f.Fields) != 4 || f.Fields[0] != [2]string{"Body", "Hello & welcome ’"} || f.Fields[3] != [2]string{"To", "+14155552671"} {
		t.Errorf("fields = %v", f.Fields)
	}
	if f.Estimate == nil || f.Estimate.Encoding != "GSM-7" || f.Estimate.Segments != 1 {
		t.Errorf("estimate with SmartEncoded = %+v, want GSM-7, 1", f.Estimate)
	}

	// Every problem at once, each naming its parameter.
	b, err = AppendCreateForm(nil, []byte(`{"To":"Acme Co","Body":"hi","StatusCallback":"javascript:alert(1)"}`))
	if err != nil {
		t.Fatal(err)
	}
	f = form{}
	if err := json.Unmarshal(b, &f); err != nil {
		t.Fatalf("not JSON: %v: %s", err, b)
	}
	params := map[string]bool{}
	for _, e := range f.Errors {
		params[e.Param] = true
		if e.Code == "" || !strings.HasPrefix(e.Message, "sms: ") {
			t.Errorf("error %+v", e)
		}
	}
	if f.Valid || f.Form != "" || !params["To"] || !params["From"] || !params["StatusCallback"] {
		t.Errorf("invalid form = %+v, want errors for To, From and StatusCallback", f)
	}

	for _, tc := range []struct{ in, code, param string }{
		{`{"Bogus":"x"}`, "unknown", "params.Bogus"},
		{`[1,2]`, "json", "params.JSON"},
		{`{"To":`, "json", "params.JSON"},
		// Nothing given is dropped, and text arrives as typed or not at all.
		{`{"To":"+14155552671","ValidityPeriod":0}`, "range", "params.ValidityPeriod"},
		{`{"To":"+14155552671","To":"+14155552672"}`, "json", "params.JSON"},
		{`{"Body":"a\ud800b"}`, "json", "params.JSON"},
		{`{"BODY":"hi"}`, "unknown", "params.BODY"},
	} {
		_, err := AppendCreateForm(nil, []byte(tc.in))
		var e *webapi.Error
		if !errors.As(err, &e) || e.Code != tc.code || e.Param != tc.param {
			t.Errorf("AppendCreateForm(%s) error = %+v, want code %s, param %s", tc.in, err, tc.code, tc.param)
		}
	}
}
