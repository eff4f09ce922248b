//go:build !js

// The tests here run the built command as a process, which WebAssembly
// cannot.

package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// buildBinary returns the smsgauge binary TestMain built once for the
// package's tests.
func buildBinary(t *testing.T) string {
	t.Helper()
	if binPath == "" {
		t.Fatal("TestMain did not build smsgauge")
	}
	return binPath
}

// runBinary runs bin with args and stdin, and returns its output and exit
// code.
func runBinary(t *testing.T, bin, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	return runBinaryEnv(t, bin, nil, stdin, args...)
}

// runBinaryEnv is runBinary with env added to the environment.
func runBinaryEnv(t *testing.T, bin string, env []string, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), env...)
	cmd.Stdin = strings.NewReader(stdin)
	return runProcess(t, cmd)
}

// runProcess runs cmd and returns its output and exit code; a command that
// cannot be started fails the test.
func runProcess(t *testing.T, cmd *exec.Cmd) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	var ee *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &ee):
		code = ee.ExitCode()
	default:
		t.Fatalf("running %s: %v", cmd.Path, err)
	}
	return out.String(), errb.String(), code
}

// binCase is one run of the built command: its arguments and standard
// input, the exit code, and strings its standard output (or, with inErr,
// standard error) must and must not contain.
type binCase struct {
	name  string
	stdin string
	args  []string
	code  int
	want  []string
	not   []string
	inErr bool
	env   []string // added to the environment
}

func (c binCase) run(t *testing.T, bin string) string {
	t.Helper()
	out, errs, code := runBinaryEnv(t, bin, c.env, c.stdin, c.args...)
	if code != c.code {
		t.Fatalf("smsgauge %q: exit %d, want %d\nstdout: %s\nstderr: %s", c.args, code, c.code, out, errs)
	}
	text := out
	if c.inErr {
		text = errs
	}
	for _, w := range c.want {
		if !strings.Contains(text, w) {
			t.Errorf("smsgauge %q: output lacks %q:\n%s", c.args, w, text)
		}
	}
	for _, w := range c.not {
		if strings.Contains(text, w) {
			t.Errorf("smsgauge %q: output holds %q:\n%s", c.args, w, text)
		}
	}
	return out
}

// TestBinary runs the built command for the features of -fit, line breaks
// and Twilio's error codes, in text and in JSON.
func TestBinary(t *testing.T) {
	bin := buildBinary(t)
	a := strings.Repeat
	crlfBody := a("a", 80) + "\r\n" + a("a", 79)
	t.Run("fit", func(t *testing.T) {
		for _, c := range []binCase{
			{name: "cut, encoding changes", args: []string{"-fit", "1", a("a", 150) + "😀 bye"},
				want: []string{"Segments:    3", "Fit:         GSM-7 in 1 segment", "kept 150 bytes, cut 5 characters (8 bytes); the cut made it GSM-7", `body: "` + a("a", 150) + `..."`}},
			{name: "fits", args: []string{"-fit", "2", a("a", 161)}, want: []string{"Fit:         fits in 2 segments as it is"}},
			{name: "custom suffix", args: []string{"-fit", "1", "-suffix", " [more]", a("a", 200)}, want: []string{`body: "` + a("a", 151) + ` [more]"`}},
			{name: "no suffix", args: []string{"-fit", "1", "-no-suffix", a("ж", 80)}, want: []string{`body: "` + a("ж", 70) + `"`, "cut 10 characters (20 bytes)"}},
			{name: "zero", args: []string{"-fit", "0", "x"}, code: 2, inErr: true, want: []string{`invalid value "0" for -fit: want a whole number of segments, 1 or more`}, not: []string{"maxSegments"}},
			{name: "negative", args: []string{"-fit", "-9223372036854775808", "x"}, code: 2, inErr: true, want: []string{"for -fit: want a whole number of segments"}},
			{name: "not a number", args: []string{"-fit", "two", "x"}, code: 2, inErr: true, want: []string{"whole number"}},
			{name: "suffix too long", args: []string{"-fit", "1", "-suffix", a("z", 161), "x"}, code: 2, inErr: true, want: []string{"alone needs 2 segments"}},
			{name: "suffix and no-suffix", args: []string{"-fit", "1", "-suffix", "~", "-no-suffix", "x"}, code: 2, inErr: true, want: []string{"-suffix and -no-suffix exclude each other"}, not: []string{"NoSuffix", "Suffix \""}},
			{name: "not with jsonl", args: []string{"--jsonl", "-fit", "1"}, code: 2, inErr: true, want: []string{"-fit works on one body"}},
		} {
			t.Run(c.name, func(t *testing.T) { c.run(t, bin) })
		}
		out := binCase{args: []string{"-json", "-fit", "1", a("a", 161)}}.run(t, bin)
		var r struct {
			Fit struct {
				MaxSegments int    `json:"max_segments"`
				Body        string `json:"body"`
				Cut         bool   `json:"cut"`
				Kept        int    `json:"kept_bytes"`
				CutBytes    int    `json:"cut_bytes"`
				CutChars    int    `json:"cut_characters"`
				Suffix      string `json:"suffix"`
				Encoding    string `json:"encoding"`
				Segments    int    `json:"segments"`
			} `json:"fit"`
		}
		if err := json.Unmarshal([]byte(out), &r); err != nil {
			t.Fatalf("bad JSON %v:\n%s", err, out)
		}
		f := r.Fit
		if f.MaxSegments != 1 || f.Body != a("a", 157)+"..." || !f.Cut || f.Kept != 157 || f.CutBytes != 4 || f.CutChars != 4 ||
			f.Suffix != "..." || f.Encoding != "GSM-7" || f.Segments != 1 {
			t.Errorf("-json -fit 1: fit = %+v", f)
		}
	})
	t.Run("line breaks", func(t *testing.T) {
		for _, c := range []binCase{
			{name: "CRLF costs a segment", stdin: crlfBody, want: []string{"Segments:    2", "Line breaks: 1 CRLF; with LF: 1 segment instead of 2 (Twilio bills CR LF as 2 characters)"}},
			{name: "LF", stdin: a("a", 80) + "\n" + a("a", 79), want: []string{"Segments:    1", "Line breaks: 1 LF; as CRLF (an HTML form): 2 segments instead of 1"}},
			{name: "no line break", args: []string{"hello"}, not: []string{"Line breaks"}},
			{name: "suggest", stdin: crlfBody, args: []string{"suggest"}, want: []string{"line breaks: 1 CRLF; with LF: 1 segment instead of 2"}},
		} {
			t.Run(c.name, func(t *testing.T) { c.run(t, bin) })
		}
		out := binCase{stdin: crlfBody, args: []string{"-json"}}.run(t, bin)
		var r struct {
			LineBreaks map[string]any `json:"line_breaks"`
		}
		if err := json.Unmarshal([]byte(out), &r); err != nil {
			t.Fatalf("bad JSON %v:\n%s", err, out)
		}
		if lb := r.LineBreaks; lb["crlf"] != 1.0 || lb["segments"] != 2.0 || lb["lf_segments"] != 1.0 || lb["text"] != "1 CRLF; with LF: 1 segment instead of 2" {
			t.Errorf("-json line_breaks = %v", lb)
		}
		out = binCase{stdin: crlfBody, args: []string{"suggest", "-json"}}.run(t, bin)
		if err := json.Unmarshal([]byte(out), &r); err != nil {
			t.Fatalf("bad JSON %v:\n%s", err, out)
		}
		if lb := r.LineBreaks; lb["crlf"] != 1.0 || lb["lf_segments"] != 1.0 {
			t.Errorf("suggest -json line_breaks = %v", lb)
		}
	})
}
