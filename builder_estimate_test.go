package sms

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func TestEstimate(t *testing.T) {
	curly := strings.Repeat("a", 99) + "’" // one curly apostrophe
	tests := []struct {
		name     string
		rules    Rules
		m        CreateMessage
		kind     MessageKind
		segments int
		enc      Encoding
		smart    bool
		body     string // "" means m.Body
	}{
		{"GSM-7 160", Rules{}, CreateMessage{To: "+14155552671", Body: strings.Repeat("a", 160)}, KindSMS, 1, EncodingGSM7, false, ""},
		{"GSM-7 161", Rules{}, CreateMessage{To: "+14155552671", Body: strings.Repeat("a", 161)}, KindSMS, 2, EncodingGSM7, false, ""},
		{"curly apostrophe", Rules{}, CreateMessage{To: "+14155552671", Body: curly}, KindSMS, 2, EncodingUCS2, false, ""},
		{"curly apostrophe smart", Rules{}, CreateMessage{To: "+14155552671", Body: curly, SmartEncoded: FlagTrue}, KindSMS, 1, EncodingGSM7, true, strings.Repeat("a", 99) + "'"},
		{"curly apostrophe smart false", Rules{}, CreateMessage{To: "+14155552671", Body: curly, SmartEncoded: FlagFalse}, KindSMS, 2, EncodingUCS2, false, ""},
		{"smart always with emoji", Rules{}, CreateMessage{To: "+14155552671", Body: "’😀", SmartEncoded: FlagTrue}, KindSMS, 1, EncodingUCS2, true, "'😀"},
		{"smart if GSM-7 with emoji", Rules{SmartPolicy: SmartIfGSM7}, CreateMessage{To: "+14155552671", Body: "’😀", SmartEncoded: FlagTrue}, KindSMS, 1, EncodingUCS2, false, ""},
		{"UDH16", Rules{Options: Options{UDH16: true}}, CreateMessage{To: "+14155552671", Body: strings.Repeat("a", 305)}, KindSMS, 3, EncodingGSM7, false, ""},
		{"UDH8", Rules{}, CreateMessage{To: "+14155552671", Body: strings.Repeat("a", 305)}, KindSMS, 2, EncodingGSM7, false, ""},
		{"media makes MMS", Rules{}, CreateMessage{To: "+14155552671", Body: strings.Repeat("a", 500), MediaUrl: []string{"https://example.com/a.png"}}, KindMMS, 1, EncodingGSM7, false, ""},
		{"SendAsMms", Rules{}, CreateMessage{To: "+14155552671", Body: strings.Repeat("a", 500), SendAsMms: FlagTrue}, KindMMS, 1, EncodingGSM7, false, ""},
		{"whatsapp", Rules{}, CreateMessage{To: "whatsapp:+14155552671", Body: strings.Repeat("😀", 100)}, KindWhatsApp, 1, EncodingUCS2, false, ""},
		{"messenger", Rules{}, CreateMessage{To: "messenger:123", Body: "hi"}, KindMessenger, 1, EncodingGSM7, false, ""},
		{"rcs bills per 160 bytes", Rules{}, CreateMessage{To: "rcs:+14155552671", Body: strings.Repeat("é", 100)}, KindRCS, 2, EncodingGSM7, false, ""},
		{"rcs short", Rules{}, CreateMessage{To: "rcs:+14155552671", Body: strings.Repeat("a", 160)}, KindRCS, 1, EncodingGSM7, false, ""},
		{"template", Rules{}, CreateMessage{To: "+14155552671", ContentSid: tHX}, KindSMS, 0, EncodingGSM7, false, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := tc.rules.Estimate(tc.m)
			want := tc.body
			if want == "" {
				want = tc.m.Body
			}
			if e.Kind != tc.kind || e.Segments != tc.segments || e.Encoding != tc.enc || e.Smart != tc.smart || e.Body != want {
				t.Fatalf("Estimate() = {%v %d %v smart=%v %q}, want {%v %d %v smart=%v %q}",
					e.Kind, e.Segments, e.Encoding, e.Smart, e.Body, tc.kind, tc.segments, tc.enc, tc.smart, want)
			}
			if e.Analysis.Encoding != e.Encoding {
				t.Fatalf("Estimate().Analysis.Encoding = %v, want %v", e.Analysis.Encoding, e.Encoding)
			}
		})
	}
	if got := (CreateMessage{Body: "hi"}).Estimate().Segments; got != 1 {
		t.Fatalf("CreateMessage.Estimate().Segments = %d, want 1", got)
	}
}

func warnCodes(ws []Warning) []string {
	var out []string
	for _, w := range ws {
		out = append(out, w.Param+"/"+w.Code)
	}
	slices.Sort(out)
	return out
}

func TestWarnings(t *testing.T) {
	tests := []struct {
		name string
		edit func(m *CreateMessage)
		want []string
	}{
		{"none", func(m *CreateMessage) {}, nil},
		{"MaxPrice obsolete", func(m *CreateMessage) { m.MaxPrice = "0.05" }, []string{"MaxPrice/obsolete"}},
		{"ForceDelivery reserved", func(m *CreateMessage) { m.ForceDelivery = FlagFalse }, []string{"ForceDelivery/reserved"}},
		{"ApplicationSid ignored", func(m *CreateMessage) { m.ApplicationSid = tAP; m.StatusCallback = "https://example.com/cb" }, []string{"ApplicationSid/ignored"}},
		{"WhatsApp media", func(m *CreateMessage) {
			m.To, m.From = "whatsapp:+14155552671", "whatsapp:+14155550100"
			m.MediaUrl = []string{"https://example.com/1", "https://example.com/2"}
		}, []string{"MediaUrl/whatsapp-media"}},
		{"WhatsApp one media", func(m *CreateMessage) {
			m.To, m.From = "whatsapp:+14155552671", "whatsapp:+14155550100"
			m.MediaUrl = []string{"https://example.com/1"}
		}, nil},
		{"SendAt fraction", func(m *CreateMessage) { m.SendAt = testNow.Add(time.Hour + time.Millisecond) }, []string{"SendAt/precision"}},
		{"11 segments", func(m *CreateMessage) { m.Body = strings.Repeat("a", 153*10+1) }, []string{"Body/segments"}},
		{"10 segments", func(m *CreateMessage) { m.Body = strings.Repeat("a", 153*10) }, nil},
		{"11 segments as MMS", func(m *CreateMessage) { m.Body = strings.Repeat("a", 153*10+1); m.SendAsMms = FlagTrue }, nil},
		{"one costly character", func(m *CreateMessage) { m.Body = strings.Repeat("a", 150) + "’" }, []string{"Body/costly-char"}},
		{"costly character fixed by SmartEncoded", func(m *CreateMessage) { m.Body = strings.Repeat("a", 150) + "’"; m.SmartEncoded = FlagTrue }, nil},
		{"emoji has no fix", func(m *CreateMessage) { m.Body = strings.Repeat("a", 150) + "😀" }, nil},
		{"costly character that changes nothing", func(m *CreateMessage) { m.Body = "’" }, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := validMessage()
			tc.edit(&m)
			got := warnCodes(testRules.Warnings(m))
			if !slices.Equal(got, tc.want) {
				t.Fatalf("Warnings() = %v, want %v", got, tc.want)
			}
		})
	}
	m := validMessage()
	m.Body = strings.Repeat("a", 150) + "’"
	w := m.Warnings()
	if len(w) != 1 || !strings.Contains(w[0].Message, `"’" at byte 150`) || !strings.Contains(w[0].Message, "SmartEncoded=true") ||
		!strings.Contains(w[0].Message, "3 segments, 1 with") {
		t.Fatalf("costly-char warning = %q; want the character, its offset, the saving and the SmartEncoded hint", w)
	}
	if s := w[0].String(); !strings.HasPrefix(s, "Body: one character forces UCS-2") {
		t.Fatalf("Warning.String() = %q", s)
	}
}
