package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// TestGeneratedUpToDate fails when zsmartencoding_table.go differs from what
// the generator makes of testdata/smartencoding.tsv: run go generate.
func TestGeneratedUpToDate(t *testing.T) {
	data, err := os.ReadFile("../../../testdata/smartencoding.tsv")
	if err != nil {
		t.Fatal(err)
	}
	want, err := generate(data, "testdata/smartencoding.tsv")
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("../../../zsmartencoding_table.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("zsmartencoding_table.go is stale: run go generate in the repository root")
	}
}

func TestParseRejects(t *testing.T) {
	tests := []struct {
		name, data, want string
	}{
		{"fields", "2019\t0027\t\"'\"\n", "fields"},
		{"codepoint", "ZZZZ\t0027\t\"'\"\tX\n", "bad code point"},
		{"astral", "1F600\t0027\t\"'\"\tGRINNING FACE\n", "bad code point"},
		{"literal", "2019\t0027\t\"x\"\tRIGHT SINGLE QUOTATION MARK\n", "does not match"},
		{"name", "2019\t0027\t\"'\"\tLEFT SINGLE QUOTATION MARK\n", "runenames says"},
		{"order", "2019\t0027\t\"'\"\tRIGHT SINGLE QUOTATION MARK\n2018\t0027\t\"'\"\tLEFT SINGLE QUOTATION MARK\n", "not after"},
		{"empty", "# nothing\n", "no entries"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parse([]byte(tt.data))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("parse(%q) error = %v, want one containing %q", tt.data, err, tt.want)
			}
		})
	}
}
