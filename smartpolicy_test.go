package sms

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// TestSmartPolicyLiveCases checks what SmartPolicy's doc says of the 16
// cases the calculator's maintainers checked against live Twilio (the
// reference file kept outside the repository, in $SMSGAUGE_ANCHORS or else
// ../shared/anchors; under CI=true its absence is a failure): both policies
// give the billed segments in every one of them, so the cases cannot tell
// the policies apart; and a body that mixes a look-alike with an emoji
// does.
func TestSmartPolicyLiveCases(t *testing.T) {
	// Where the two differ: the calculator substitutes the quotes and
	// the ellipsis even though the emoji keeps the body UCS-2.
	body := "“Hi” … 😀"
	always, _ := SmartOptions{Policy: SmartAlways}.Analyze(body)
	gsmOnly, _ := SmartOptions{Policy: SmartIfGSM7}.Analyze(body)
	if !always.Substituted || gsmOnly.Substituted || always.Body == gsmOnly.Body {
		t.Errorf("policies on %q: calculator %q (substituted %v), gsm-only %q (substituted %v); want them to differ",
			body, always.Body, always.Substituted, gsmOnly.Body, gsmOnly.Substituted)
	}

	dir := os.Getenv("SMSGAUGE_ANCHORS")
	if dir == "" {
		dir = "../shared/anchors"
	}
	data, err := os.ReadFile(filepath.Join(dir, "twilio_live_verified_cases.json"))
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("anchor missing under CI=true: %v", err)
		}
		t.Logf("anchor not found, checked the differing body only: %v", err)
		return
	}
	var file struct {
		Cases []struct {
			ID       string `json:"id"`
			Smart    bool   `json:"smartEncoding"`
			Body     string `json:"body"`
			Segments int    `json:"twilioBilledNumSegments"`
		} `json:"cases"`
	}
	if err := json.Unmarshal(data, &file); err != nil {
		t.Fatal(err)
	}
	if len(file.Cases) != 16 {
		t.Fatalf("%d live cases, want 16", len(file.Cases))
	}
	smart := 0
	for _, c := range file.Cases {
		if !c.Smart {
			if a := Analyze(c.Body); a.Segments != c.Segments {
				t.Errorf("case %s: %d segments, Twilio billed %d", c.ID, a.Segments, c.Segments)
			}
			continue
		}
		smart++
		a, _ := SmartOptions{Policy: SmartAlways}.Analyze(c.Body)
		g, _ := SmartOptions{Policy: SmartIfGSM7}.Analyze(c.Body)
		if a.After.Segments != c.Segments || g.After.Segments != c.Segments || a.Body != g.Body {
			t.Errorf("case %s: calculator %q (%d segments), gsm-only %q (%d); Twilio billed %d",
				c.ID, a.Body, a.After.Segments, g.Body, g.After.Segments, c.Segments)
		}
	}
	if smart != 2 {
		t.Errorf("%d live cases with smart encoding, the doc says 2", smart)
	}
}
