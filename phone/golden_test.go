package phone

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
)

// golden is testdata/libphonenumber/golden.json, written by generate.js
// from npm google-libphonenumber.
type golden struct {
	Source string       `json:"source"`
	Count  int          `json:"count"`
	Cases  []goldenCase `json:"cases"`
}

type goldenCase struct {
	Input       string `json:"input"`
	Region      string `json:"region"`
	Note        string `json:"note"`
	OK          bool   `json:"ok"`
	Error       string `json:"error"`
	E164        string `json:"e164"`
	CallingCode int    `json:"calling_code"`
	Possible    bool   `json:"possible"`
	Valid       bool   `json:"valid"`
	Region2     string `json:"number_region"`
	Type        string `json:"type"`
	Extension   string `json:"extension"`
}

func loadGolden(t testing.TB) golden {
	t.Helper()
	data, err := os.ReadFile("../testdata/libphonenumber/golden.json")
	if err != nil {
		t.Fatal(err)
	}
	var g golden
	if err := json.Unmarshal(data, &g); err != nil {
		t.Fatal(err)
	}
	if g.Count != len(g.Cases) || g.Count < 500 {
		t.Fatalf("golden.json holds %d cases (count %d), want at least 500", len(g.Cases), g.Count)
	}
	return g
}

// compare returns how Parse differs from the golden case, or "".
func compare(c goldenCase) string {
	n, err := Parse(c.Input, c.Region)
	switch {
	case !c.OK && err == nil:
		return fmt.Sprintf("libphonenumber rejects (%s), phone accepts %s", c.Error, n.E164)
	case !c.OK:
		return ""
	case err != nil:
		return fmt.Sprintf("libphonenumber accepts %s, phone rejects: %v", c.E164, err)
	}
	var diffs []string
	if n.E164 != c.E164 {
		diffs = append(diffs, fmt.Sprintf("e164 %s, want %s", n.E164, c.E164))
	}
	if n.CallingCode != c.CallingCode {
		diffs = append(diffs, fmt.Sprintf("calling code %d, want %d", n.CallingCode, c.CallingCode))
	}
	if n.Possible != c.Possible {
		diffs = append(diffs, fmt.Sprintf("possible %v, want %v", n.Possible, c.Possible))
	}
	if n.Valid != c.Valid {
		diffs = append(diffs, fmt.Sprintf("valid %v, want %v", n.Valid, c.Valid))
	}
	if n.Region != c.Region2 {
		diffs = append(diffs, fmt.Sprintf("region %q, want %q", n.Region, c.Region2))
	}
	if n.Type.String() != c.Type {
		diffs = append(diffs, fmt.Sprintf("type %s, want %s", n.Type, c.Type))
	}
	return strings.Join(diffs, "; ")
}

// knownDisagreements explains every case where package phone (nyaruka
// phonenumbers v1.8.1, metadata of upstream libphonenumber 9.0.32-SNAPSHOT)
// and npm google-libphonenumber 3.2.47 differ. The key is input + "|" +
// region.
var knownDisagreements = map[string]string{
	// Design: an extension is dropped by E.164 formatting, so phone rejects
	// it rather than silently lose it (a message cannot reach an extension).
	"+1 (415) 555-2671 ext. 12|": "by design: phone rejects numbers with an extension (RuleExtension); libphonenumber keeps it aside",
	// Design: E.164 allows at most 15 digits; libphonenumber reads up to 17
	// and formats them as "E.164" anyway.
	"+1234567890123456|": "by design: 16 digits is not E.164 (RuleTooManyDigits); libphonenumber parses it (possible false, not valid)",
	// Design: libphonenumber keeps one leading zero of the national number
	// here, so its "E.164" is a different number from the one given.
	"+820000000201|": "by design: libphonenumber reads it as +82000000201 (a leading zero of the national number dropped), which reads back differently again; phone rejects it (RuleInvalidNumber) rather than change the number",
	// Metadata: npm 3.2.47 (September 2026) is newer than the metadata in
	// nyaruka/phonenumbers v1.8.1 (upstream 9.0.32-SNAPSHOT, June 2026).
	"+24732104|":     "metadata: npm's Ascension Island (AC) mobile range is [2-47]xxxx; nyaruka's has only 4xxxx, so 3xxxx is not valid there",
	"+252711234569|": "metadata: npm's Somalia (SO) mobile ranges include 9-digit numbers starting 71; nyaruka's have 71 only with 8 digits",
	"+26371234567|":  "metadata: npm's Zimbabwe (ZW) possible lengths are 7, 9 and 10; nyaruka's also allow 8, so this 8-digit number is possible (not valid) there",
}

func TestGoldenLibphonenumber(t *testing.T) {
	g := loadGolden(t)
	var unexplained, explained []string
	regions := map[string]bool{}
	for _, c := range g.Cases {
		if c.Region2 != "" {
			regions[c.Region2] = true
		}
		d := compare(c)
		key := c.Input + "|" + c.Region
		why, known := knownDisagreements[key]
		switch {
		case d == "" && known:
			t.Errorf("%q in %q: listed as a disagreement (%s) but now agrees; remove it", c.Input, c.Region, why)
		case d != "" && known:
			explained = append(explained, fmt.Sprintf("%q in %q (%s): %s -- %s", c.Input, c.Region, c.Note, d, why))
		case d != "":
			unexplained = append(unexplained, fmt.Sprintf("%q in %q (%s): %s", c.Input, c.Region, c.Note, d))
		}
	}
	sort.Strings(unexplained)
	for _, u := range unexplained {
		t.Errorf("unexplained disagreement with %s: %s", g.Source, u)
	}
	for _, e := range explained {
		t.Logf("known disagreement: %s", e)
	}
	if len(regions) < 200 {
		t.Errorf("golden cases cover %d regions, want at least 200", len(regions))
	}
	t.Logf("%d cases, %d regions, %d known disagreements", len(g.Cases), len(regions), len(explained))
}
