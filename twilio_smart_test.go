package sms

import "testing"

// TestTwilioSmartCases runs the rows of twilioCases that the calculator ran
// with smart encoding (SmartEncoded=true) through SmartAnalyze.
func TestTwilioSmartCases(t *testing.T) {
	n := 0
	for _, tc := range twilioCases {
		if !tc.smart {
			continue
		}
		n++
		t.Run(tc.name, func(t *testing.T) {
			sa := SmartAnalyze(tc.body)
			checkAnalysis(t, sa.Body, sa.After, tc)
		})
	}
	if n != 3 {
		t.Errorf("%d smart rows, want 3", n)
	}
}
