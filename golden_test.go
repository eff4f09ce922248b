package sms

import (
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"
)

// goldenRun is one result of Twilio's calculator in testdata/twilio/golden.json.
type goldenRun struct {
	Body            string   `json:"body"`
	Encoding        string   `json:"encoding"`
	Segments        int      `json:"segments"`
	Characters      int      `json:"characters"`
	Graphemes       int      `json:"graphemes"`
	PerSegmentUnits []int    `json:"perSegmentUnits"`
	NonGSM          []string `json:"nonGsm"`
}

type goldenBody struct {
	ID          string    `json:"id"`
	Body        string    `json:"body"`
	Plain       goldenRun `json:"plain"`
	Smart       goldenRun `json:"smart"`
	RCSSegments int       `json:"rcsSegments"`
}

func readGolden(t testing.TB) []goldenBody {
	t.Helper()
	b, err := os.ReadFile("testdata/twilio/golden.json")
	if err != nil {
		t.Fatal(err)
	}
	var g []goldenBody
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatal(err)
	}
	if len(g) < 3000 {
		t.Fatalf("golden corpus has %d bodies, want at least 3000", len(g))
	}
	return g
}

// Disagreement classes with Twilio's calculator, and how many bodies of the
// corpus each affects. The README's "Differences from Twilio's calculator"
// states the same numbers; change both together.
const (
	diffGrapheme  = "grapheme rules"    // Unicode 15.0 (uniseg) vs 10.0 (grapheme-splitter)
	diffOversized = "oversized cluster" // the calculator's empty or over-full segments
)

var wantPlainDiffs = map[string]int{diffGrapheme: 261, diffOversized: 96}

// classify explains why our analysis of body differs from the
// calculator's run, or returns "" when it does not differ.
func classify(body string, a Analysis, g goldenRun) string {
	var per []int
	for s := range a.SplitSeq() {
		per = append(per, s.Units)
	}
	var non []string
	for c := range a.NonGSMSeq() {
		non = append(non, c.Text)
	}
	if a.Encoding.String() == g.Encoding && a.Segments == g.Segments && a.Characters == g.Characters &&
		slices.Equal(per, g.PerSegmentUnits) && slices.Equal(non, g.NonGSM) {
		return ""
	}
	capacity := a.Capacity
	for _, u := range g.PerSegmentUnits {
		if u == 0 || u > capacity {
			return diffOversized
		}
	}
	// The calculator's clusters (CR LF split) against ours.
	ours := a.Scalars
	if a.Encoding == EncodingUCS2 {
		ours = a.Characters
	}
	if ours != g.Graphemes || (!slices.Equal(non, g.NonGSM) && strings.Join(non, "") == strings.Join(g.NonGSM, "")) {
		return diffGrapheme
	}
	return "unexplained"
}

// TestGoldenConformance runs the corpus through Analyze and compares the
// encoding, the segments, the units of each segment and the non-GSM list
// with Twilio's calculator.
func TestGoldenConformance(t *testing.T) {
	golden := readGolden(t)
	got := map[string]int{}
	segDiffs := map[string]int{}
	for _, gb := range golden {
		a := Analyze(gb.Body)
		class := classify(gb.Body, a, gb.Plain)
		if class == "" {
			continue
		}
		got[class]++
		if a.Segments != gb.Plain.Segments {
			segDiffs[class]++
		}
		if a.Encoding.String() != gb.Plain.Encoding {
			t.Errorf("%s: Analyze(%q).Encoding = %v, calculator %s", gb.ID, gb.Body, a.Encoding, gb.Plain.Encoding)
		}
		if class == "unexplained" {
			t.Errorf("%s: Analyze(%q) = %d segments %v, calculator %d %v (non-GSM %q)", gb.ID, gb.Body,
				a.Segments, a.AppendSplit(nil), gb.Plain.Segments, gb.Plain.PerSegmentUnits, gb.Plain.NonGSM)
		}
		if got := RCSSegments(gb.Body); got != gb.RCSSegments {
			t.Errorf("%s: RCSSegments(%q) = %d, calculator %d", gb.ID, gb.Body, got, gb.RCSSegments)
		}
	}
	for class, n := range got {
		t.Logf("%-18s %d of %d bodies, %d with another segment count", class, n, len(golden), segDiffs[class])
	}
	if !mapsEqual(got, wantPlainDiffs) {
		t.Errorf("disagreements by class = %v, want %v (update the README too)", got, wantPlainDiffs)
	}
}

func mapsEqual(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}
