package sms

import (
	"strings"
	"testing"
	"unicode/utf8"
)

var contentVarSeeds = []string{
	`{}`, ` { } `, `{"1":"Ada"}`, `{"1":"Ada","2":"Lovelace"}`, `{"1":"a","1":"b"}`, `{"\u0031":"a","1":"b"}`,
	`{"1":"caf\u00e9 \ud83d\ude00"}`, `{"1":"tab\tinside"}`, `{"1":"bad \x escape"}`, `{"1":2}`, `{"1":null}`,
	`{"1":["a"]}`, `{"1":{"a":"b"}}`, `["a"]`, `"a"`, `{"1":"a",}`, `{"1":"a"} x`, `{"1" "a"}`, `{1:"a"}`,
	`{"1":"` + strings.Repeat("x", 1600) + `"}`, `{"1":"` + strings.Repeat("x", 1601) + `"}`,
	`{"1":"` + strings.Repeat("😀", 800) + `"}`, `{"1":"` + strings.Repeat("😀", 801) + `"}`,
	`{"1":"` + strings.Repeat(`\u00e9`, 1601) + `"}`, `{"a":"\u12"}`, "{\"a\":\"b\"}\n", `{"a":"b"`, ``,
}

// TestStringObjectAgreesWithJSON: the allocation-free scanner accepts only
// what encoding/json accepts, and accepts the common cases.
func TestStringObjectAgreesWithJSON(t *testing.T) {
	for _, s := range contentVarSeeds {
		checkStringObjectAgrees(t, s)
	}
	for _, s := range []string{`{}`, `{"1":"Ada","2":"12/1 at 3pm"}`, `{"1":"caf\u00e9"}`} {
		if !stringObjectOK(s) {
			t.Errorf("stringObjectOK(%q) = false; the fast path should take it", s)
		}
	}
}

func checkStringObjectAgrees(t *testing.T, s string) {
	if !utf8.ValidString(s) {
		return
	}
	var p problems
	checkContentVariablesJSON(&p, s)
	if stringObjectOK(s) && len(p) > 0 {
		t.Fatalf("stringObjectOK(%q) = true, but encoding/json finds %v", s, p.err())
	}
}

func FuzzContentVariables(f *testing.F) {
	for _, s := range contentVarSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkStringObjectAgrees(t, s)
		var p problems
		checkContentVariables(&p, s)
		checkTags(&p, s)
	})
}
