package sms

import (
	"slices"
	"strings"
	"testing"
)

func TestWarningsLineBreaks(t *testing.T) {
	a80, a79 := strings.Repeat("a", 80), strings.Repeat("a", 79)
	tests := []struct {
		name string
		edit func(m *CreateMessage)
		want []string
	}{
		{"CRLF costs a segment", func(m *CreateMessage) { m.Body = a80 + "\r\n" + a79 }, []string{"Body/crlf"}},
		{"LF", func(m *CreateMessage) { m.Body = a80 + "\n" + a79 }, nil},
		{"CRLF that costs nothing", func(m *CreateMessage) { m.Body = "Hi\r\nthere" }, nil},
		{"CRLF in an MMS", func(m *CreateMessage) { m.Body = a80 + "\r\n" + a79; m.SendAsMms = FlagTrue }, nil},
		{"CRLF and a costly character", func(m *CreateMessage) { m.Body = strings.Repeat("a", 60) + "\r\n" + strings.Repeat("a", 8) + "’" }, []string{"Body/costly-char", "Body/crlf"}},
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
	m.Body = a80 + "\r\n" + a79
	w := m.Warnings()
	if len(w) != 1 || w[0].Code != WarnLineBreak || !strings.HasPrefix(w[0].Message, "1 CRLF; with LF: 1 segment instead of 2") {
		t.Fatalf("crlf warning = %q", w)
	}
	// Under UDH16 the rules' options count.
	m.Body = strings.Repeat("ok\r\n", 77)
	if got := warnCodes(Rules{Options: Options{UDH16: true}}.Warnings(m)); !slices.Equal(got, []string{"Body/crlf"}) {
		t.Errorf("UDH16 warnings = %v", got)
	}
}
