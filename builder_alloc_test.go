package sms

import "testing"

// TestTypicalAllocs pins the allocations of the benchmark's typical message:
// Validate makes none, Form three (the map, the shared backing array of
// the single values, and the map's buckets).
func TestTypicalAllocs(t *testing.T) {
	m := typicalMessage()
	if n := testing.AllocsPerRun(100, func() { sinkErr = m.Validate() }); n != 0 {
		t.Errorf("Validate() of a typical message: %v allocations, want 0", n)
	}
	if n := testing.AllocsPerRun(100, func() { sinkValues, sinkErr = m.Form() }); n > 3 {
		t.Errorf("Form() of a typical message: %v allocations, want at most 3", n)
	}
}
