package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestEncodeDecodeCommands(t *testing.T) {
	tests := []struct {
		name string
		args []string
		body string
		want []string // substrings of the encode output
	}{
		{name: "single", args: []string{"hellohello"}, want: []string{"segment 1/1 dcs=0x00 udl=10 udh= ud=E8329BFD4697D9EC37"}},
		{name: "concatenated", args: []string{"-ref", "7"}, body: strings.Repeat("a", 161),
			want: []string{"segment 1/2 dcs=0x00 udl=160 udh=050003070201 ", "segment 2/2 dcs=0x00 udl=15 udh=050003070202 ud=C2E170381C0E8701"}},
		{name: "udh16 unpacked", args: []string{"-udh16", "-unpacked", "-ref", "4660"}, body: strings.Repeat("b", 161),
			want: []string{"udh=06080412340201", "unpacked"}},
		{name: "ucs2", args: []string{"ş"}, want: []string{"dcs=0x08 udl=2 udh= ud=015F"}},
		{name: "turkish", args: []string{"-lang", "tr", "ş"}, want: []string{"UCS-2"}},
		{name: "turkish forced gsm7", args: []string{"-lang", "tr,es", "-gsm7", "ş"}, want: []string{"udh=03240101 ud=D8CC01", "single shift Turkish"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			args := append([]string{"encode"}, tc.args...)
			if code := run(args, strings.NewReader(tc.body), &out, &errb); code != 0 {
				t.Fatalf("smsgauge %v exit %d: %s", args, code, errb.String())
			}
			for _, w := range tc.want {
				if !strings.Contains(out.String(), w) {
					t.Fatalf("smsgauge %v output lacks %q:\n%s", args, w, out.String())
				}
			}
			// decode reads what encode prints.
			var dec bytes.Buffer
			if code := run([]string{"decode"}, strings.NewReader(out.String()), &dec, &errb); code != 0 {
				t.Fatalf("smsgauge decode exit %d: %s", code, errb.String())
			}
			want := tc.body
			if want == "" {
				want = strings.Join(tc.args[len(tc.args)-1:], " ")
			}
			if got := strings.TrimSuffix(dec.String(), "\n"); got != want {
				t.Fatalf("decode = %q, want %q", got, want)
			}
		})
	}
}

func TestDecodeCommandBareHex(t *testing.T) {
	var out, errb bytes.Buffer
	in := "050003070202 C2E170381C0E8701\n" // second part first: order does not matter
	in = "050003070201D06536FB8D2EB3D96F\n" + in
	if code := run([]string{"decode"}, strings.NewReader(in), &out, &errb); code != 0 {
		t.Fatalf("decode exit %d: %s", code, errb.String())
	}
	// Bare hex has no UDL: every whole septet counts.
	if got := out.String(); !strings.HasPrefix(got, "hellohelloaaaaaaaa") {
		t.Fatalf("decode = %q", got)
	}
	out.Reset()
	if code := run([]string{"decode", "-noudh", "-dcs", "8"}, strings.NewReader("015F\n"), &out, &errb); code != 0 || out.String() != "ş\n" {
		t.Fatalf("decode -dcs 8 = %q, exit %d", out.String(), code)
	}
}

func TestEncodeDecodeCommandErrors(t *testing.T) {
	tests := []struct {
		args []string
		in   string
		code int
	}{
		{args: []string{"encode", "-ref", "300", "x"}, code: 2},
		{args: []string{"encode", "-udh16", "-ref", "65536", "x"}, code: 2},
		{args: []string{"encode", "-lang", "fr", "x"}, code: 2},
		{args: []string{"encode", "-ucs2", "-gsm7", "x"}, code: 2},
		{args: []string{"encode", "-gsm7", "ş"}, code: 1},
		{args: []string{"encode", "-bogus"}, code: 2},
		{args: []string{"decode"}, in: "zz\n", code: 1},
		{args: []string{"decode"}, in: "050003070202C2E170381C0E8701\n", code: 1},
		{args: []string{"decode"}, in: "", code: 1},
		{args: []string{"decode"}, in: "udh=00 dcs=0x00\n", code: 1},
	}
	for _, tc := range tests {
		var out, errb bytes.Buffer
		if code := run(tc.args, strings.NewReader(tc.in), &out, &errb); code != tc.code {
			t.Errorf("smsgauge %v exit %d, want %d (%s)", tc.args, code, tc.code, errb.String())
		}
		if tc.code != 0 && errb.Len() == 0 {
			t.Errorf("smsgauge %v: no error message", tc.args)
		}
	}
}
