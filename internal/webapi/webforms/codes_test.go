package webforms

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/smsgauge/sms/internal/webapi"
)

func TestAddressTwilioCode(t *testing.T) {
	for _, tc := range []struct {
		value, as string
		code      int
	}{
		{"+1415abc", "to", 21211},
		{"Acme Co", "to", 21211},
		{"+1415abc", "from", 21212},
		{"+1415abc", "", 0},
		{"telegram:+14155552671", "to", 0},
	} {
		_, err := AppendAddress(nil, tc.value, AddressOptions{As: tc.as}, nil)
		var e *webapi.Error
		if !errors.As(err, &e) || e.TwilioCode != tc.code {
			t.Errorf("AppendAddress(%q, as %q) = %v, want Twilio code %d", tc.value, tc.as, err, tc.code)
		}
	}
}

func TestCreateFormTwilioCodes(t *testing.T) {
	b, err := AppendCreateForm(nil, []byte(`{"To":"+1415abc","From":"+14155550100","Tags":"[1]"}`))
	if err != nil {
		t.Fatal(err)
	}
	var r struct {
		Valid  bool `json:"valid"`
		Errors []struct {
			Param      string `json:"param"`
			TwilioCode *int   `json:"twilioCode"`
		} `json:"errors"`
	}
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for _, e := range r.Errors {
		if e.TwilioCode == nil {
			got[e.Param] = 0
		} else {
			got[e.Param] = *e.TwilioCode
		}
	}
	want := map[string]int{"To": 21211, "Body": 21602, "Tags": 0}
	if r.Valid || len(got) != len(want) {
		t.Fatalf("buildCreateForm = %s", b)
	}
	for p, c := range want {
		if got[p] != c {
			t.Errorf("%s: twilioCode %d, want %d (%s)", p, got[p], c, b)
		}
	}
}
