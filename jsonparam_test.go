package sms

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

var contentVarSeeds = []string{
	`{"1":"a\ud800b"}`, `{"1":"\udc00"}`, `{"1":"\ud83d\ude00"}`, `{"1":"\\ud800"}`,
	`{}`, ` { } `, `{"1":"Ada"}`, `{"1":"Ada","2":"Lovelace"}`, `{"1":"a","1":"b"}`, `{"\u0031":"a","1":"b"}`,
	`{"1":"caf\u00e9 \ud83d\ude00"}`, `{"1":"tab\tinside"}`, `{"1":"bad \x escape"}`, `{"1":2}`, `{"1":null}`,
	`{"1":["a"]}`, `{"1":{"a":"b"}}`, `["a"]`, `"a"`, `{"1":"a",}`, `{"1":"a"} x`, `{"1" "a"}`, `{1:"a"}`,
	`{"1":"` + strings.Repeat("x", 1600) + `"}`, `{"1":"` + strings.Repeat("x", 1601) + `"}`,
	`{"1":"` + strings.Repeat("😀", 800) + `"}`, `{"1":"` + strings.Repeat("😀", 801) + `"}`,
	`{"1":"` + strings.Repeat(`\u00e9`, 1601) + `"}`, `{"a":"\u12"}`, "{\"a\":\"b\"}\n", `{"a":"b"`, ``,
}

// TestStringObjectAgreesWithJSON: the allocation-free scanner accepts only
// what the strict parser accepts, and accepts the common cases.
func TestStringObjectAgreesWithJSON(t *testing.T) {
	for _, s := range contentVarSeeds {
		checkStringObjectAgrees(t, s)
	}
	for _, s := range []string{`{}`, `{"1":"Ada","2":"12/1 at 3pm"}`, `{"1":"caf\u00e9"}`} {
		if !stringObjectOK(s, MaxContentVarUnits) {
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
	if stringObjectOK(s, MaxContentVarUnits) && len(p) > 0 {
		t.Fatalf("stringObjectOK(%q) = true, but the strict parser finds %v", s, p.err())
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

// TestJSONParamsStrict: ContentVariables and Tags are read as strictly as
// every JSON input: a lone surrogate escape or a key given twice is an
// error, while a surrogate pair and a flat object are accepted.
func TestJSONParamsStrict(t *testing.T) {
	tests := []struct {
		name, param, value string
		want               []string
	}{
		{"content lone surrogate", "ContentVariables", `{"1":"a\ud800b"}`, []string{"ContentVariables/json"}},
		{"content pair", "ContentVariables", `{"1":"\ud83d\ude00"}`, nil},
		{"content duplicate", "ContentVariables", `{"1":"a","1":"b"}`, []string{"ContentVariables/json"}},
		{"tags flat", "Tags", `{"campaign":"spring","team":"b"}`, nil},
		{"tags nested", "Tags", `{"campaign":{"name":"spring"}}`, nil},
		{"tags duplicate", "Tags", `{"campaign":"a","campaign":"b"}`, []string{"Tags/json"}},
		{"tags lone surrogate", "Tags", `{"campaign":"\udc00"}`, []string{"Tags/json"}},
		{"tags array", "Tags", `["spring"]`, []string{"Tags/json"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var p problems
			if tc.param == "Tags" {
				checkTags(&p, tc.value)
			} else {
				checkContentVariables(&p, tc.value)
			}
			if got := problemKeys(p.err()); !slices.Equal(got, tc.want) {
				t.Errorf("check %s(%s) = %v, want %v", tc.param, tc.value, got, tc.want)
			}
		})
	}
	if n := testing.AllocsPerRun(10, func() {
		var p problems
		checkTags(&p, `{"campaign":"spring","team":"b"}`)
	}); n != 0 {
		t.Errorf("checkTags of a flat object allocates %v times, want 0", n)
	}
}
