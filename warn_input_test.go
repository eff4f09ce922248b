package sms

import (
	"strings"
	"testing"
)

func warningCodes(ws []Warning, param string) []string {
	var out []string
	for _, w := range ws {
		if w.Param == param {
			out = append(out, w.Code)
		}
	}
	return out
}

func TestBodyControlWarnings(t *testing.T) {
	for _, tc := range []struct {
		body  string
		codes string
		word  string
	}{
		{"hello\x00world", "control-char", "U+0000 at byte 5"},
		{"pay \u202Egnp.exe", "bidi-char", "U+202E at byte 4"},
		{"\x1b[31m red \u2066x\u2069", "control-char bidi-char", "2 bidirectional control characters"},
		{"a\u0085b", "control-char", "U+0085 at byte 1"},
		{"del\x7f", "control-char", "U+007F"},
		{"lines\r\nand\ttabs\fpage", "", ""},
		{"Hello “world” 😀", "", ""},
	} {
		ws := CreateMessage{To: "+14155552671", From: "+14155550100", Body: tc.body}.Warnings()
		codes := strings.Join(warningCodes(ws, "Body"), " ")
		codes = strings.TrimSpace(strings.ReplaceAll(codes, "costly-char", ""))
		if codes != tc.codes {
			t.Errorf("Warnings(Body %q) = %q, want %q (%v)", tc.body, codes, tc.codes, ws)
			continue
		}
		if tc.word != "" {
			found := false
			for _, w := range ws {
				found = found || strings.Contains(w.Message, tc.word)
			}
			if !found {
				t.Errorf("Warnings(Body %q) = %v, none says %q", tc.body, ws, tc.word)
			}
		}
	}
}

func TestUnreachableCallbackWarning(t *testing.T) {
	for _, tc := range []struct {
		url  string
		warn bool
	}{
		{"https://127.0.0.1/cb", true},
		{"http://10.1.2.3/status", true},
		{"https://192.168.1.20:8443/x", true},
		{"https://172.16.5.4/", true},
		{"https://[::1]/cb", true},
		{"https://[::ffff:127.0.0.1]/cb", true},
		{"https://[fd00::1]/cb", true},
		{"https://169.254.169.254/latest", true},
		{"https://0.0.0.0/", true},
		{"https://100.64.1.1/", true},
		{"https://localhost/cb", true},
		{"https://LOCALHOST./cb", true},
		{"https://api.localhost:3000/cb", true},
		{"https://printer.local/cb", true},
		{"https://hooks.example.com/sms", false},
		{"https://203.0.113.7/cb", false},
		{"https://[2001:db8::1]:8443/cb", false},
		{"https://localhost.example.com/", false},
		{"", false},
		{"::not a url", false},
	} {
		ws := CreateMessage{To: "+14155552671", From: "+14155550100", Body: "hi", StatusCallback: tc.url}.Warnings()
		got := strings.Join(warningCodes(ws, "StatusCallback"), " ") == WarnUnreachableCallback
		if got != tc.warn {
			t.Errorf("StatusCallback %q: warned %v, want %v (%v)", tc.url, got, tc.warn, ws)
		}
	}
}
