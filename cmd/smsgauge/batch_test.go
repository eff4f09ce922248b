package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const samplePricing = "../../batch/testdata/pricing_SAMPLE"

type batchSummary struct {
	Rows, Messages, Failed int64
	Cost                   string
	Interrupted, Stopped   bool
}

func runBatchCmd(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(append([]string{"batch"}, args...), strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestBatchCommand(t *testing.T) {
	good := "id,to,body\n1,+14155552671,Hello\n2,+33612345678,Bonjour ’toi’\n"
	bad := good + "3,+14155552671,\n"
	tests := []struct {
		name     string
		stdin    string
		args     []string
		code     int
		outHas   []string
		errHas   []string
		outLines int
	}{
		{name: "csv ok", stdin: good, args: []string{"-pricing", samplePricing}, code: 0,
			outHas: []string{"2,1,US,GSM-7,1,5,5,0.0105,0.0105,USD,", "3,2,FR,UCS-2,1,13,13,0.08,0.08,USD,"}, errHas: []string{"2 rows", "cost 0.0905 USD"}, outLines: 3},
		{name: "failed row exits 1", stdin: bad, args: []string{"-pricing", samplePricing}, code: 1,
			outHas: []string{"4,3,,,,,,,,,empty body\n"}, errHas: []string{"1 failed", "line 4: empty body"}, outLines: 4},
		{name: "strict stops", stdin: "id,body\n1,\n2,x\n", args: []string{"-strict"}, code: 1, errHas: []string{"stopped"}, outLines: 2},
		{name: "jsonl", stdin: `{"id":"a","to":"+14155552671","body":"hi"}` + "\n", args: []string{"-jsonl", "-pricing", samplePricing, "-number-type", "toll free"}, code: 0,
			outHas: []string{`"id":"a"`, `"segment_bits":[14]`, `"price_per_segment":"0.011"`}, outLines: 1},
		{name: "csv in jsonl out", stdin: good, args: []string{"-output", "jsonl"}, code: 0, outHas: []string{`{"line":2,"id":"1","encoding":"GSM-7"`}, outLines: 2},
		{name: "carrier min", stdin: good, args: []string{"-pricing", samplePricing, "-carrier", "min"}, code: 0, outHas: []string{",0.01,0.01,USD,", ",0.075,0.075,USD,"}, outLines: 3},
		{name: "base price", stdin: good, args: []string{"-pricing", samplePricing, "-base-price"}, code: 0, outHas: []string{",0.012,0.012,USD,"}, outLines: 3},
		{name: "summary json", stdin: good, args: []string{"-summary-json"}, code: 0, errHas: []string{`"rows":2`, `"by_encoding":[`}, outLines: 3},
		{name: "bad flag", stdin: good, args: []string{"-carrier", "avg", "-pricing", samplePricing}, code: 2, errHas: []string{"want max or min"}},
		{name: "bad number type", stdin: good, args: []string{"-pricing", samplePricing, "-number-type", "fax"}, code: 2, errHas: []string{`invalid value "fax" for -number-type: want local, mobile, toll-free or shortcode`}},
		{name: "missing pricing", stdin: good, args: []string{"-pricing", "/nonexistent"}, code: 2, errHas: []string{"pricing"}},
		{name: "no body column", stdin: "to,text\n", code: 2, errHas: []string{"no body column"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := runBatchCmd(t, tt.stdin, tt.args...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tt.code, out, errs)
			}
			for _, h := range tt.outHas {
				if !strings.Contains(out, h) {
					t.Errorf("stdout lacks %q:\n%s", h, out)
				}
			}
			for _, h := range tt.errHas {
				if !strings.Contains(errs, h) {
					t.Errorf("stderr lacks %q:\n%s", h, errs)
				}
			}
			if tt.outLines > 0 && strings.Count(out, "\n") != tt.outLines {
				t.Errorf("%d stdout lines, want %d:\n%s", strings.Count(out, "\n"), tt.outLines, out)
			}
			if strings.Contains(errs, "\r") || strings.Contains(errs, "\x1b[") {
				t.Errorf("progress output on a non-terminal stderr: %q", errs)
			}
		})
	}
}

func TestBatchCommandFileInput(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "c.jsonl")
	os.WriteFile(in, []byte(`{"id":1,"body":"x"}`+"\n"+`{"id":2}`+"\n"), 0o644)
	outFile := filepath.Join(dir, "out.jsonl")
	code, _, errs := runBatchCmd(t, "", "-o", outFile, in)
	if code != 1 {
		t.Fatalf("exit %d, want 1; stderr %s", code, errs)
	}
	data, _ := os.ReadFile(outFile)
	if lines := strings.Split(strings.TrimSpace(string(data)), "\n"); len(lines) != 2 || !strings.Contains(lines[1], `"error"`) {
		t.Fatalf("output file %q", data)
	}
}
