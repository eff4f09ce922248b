//go:build !js

package main

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// TestBinaryUX runs the built command for what its users expect of any
// command line: flags anywhere, one help format, bad values that name the
// good ones, messages in the command's own words, reports that group and
// count.
func TestBinaryUX(t *testing.T) {
	bin := buildBinary(t)
	ru := "Здравствуйте, ваш заказ готов."
	t.Run("flags anywhere", func(t *testing.T) {
		for _, c := range []binCase{
			{name: "-json after the text", args: []string{"Its", "-json"}, want: []string{`"characters": 3`}, not: []string{"-json"}},
			{name: "-smart with its policy before the text", args: []string{"-smart", "gsm-only", "Its"},
				want: []string{`segment 1  3/160  "Its"`, "smart (gsm-only)"}, not: []string{"gsm-only Its"}},
			{name: "-smart=policy after the text", args: []string{"It’s", "-smart=gsm-only"}, want: []string{"smart (gsm-only)", `body: "It's"`}},
			{name: "-smart alone takes no text as its value", args: []string{"-smart", "hello"}, want: []string{`"hello"`, "smart (calculator)"}},
			{name: "-- ends the flags", args: []string{"-json", "--", "-json", "-h"}, want: []string{`"characters": 8`}},
			{name: "flags between words", args: []string{"a", "-udh16", "b"}, want: []string{`"a b"`}},
			{name: "suggest", args: []string{"suggest", "It’s " + strings.Repeat("a", 70), "-json"}, want: []string{`"body":"It's aaa`}},
			{name: "encode", args: []string{"encode", "hi", "-ucs2"}, want: []string{"dcs=0x08", "ud=00680069"}},
			{name: "two dashes", args: []string{"hi", "--json"}, want: []string{`"characters": 2`}},
		} {
			t.Run(c.name, func(t *testing.T) { c.run(t, bin) })
		}
	})
	t.Run("help", func(t *testing.T) {
		// Every command's -h: exit 0, one format, every flag it has.
		helps := map[string][]string{
			"":               {"-json", "-jsonl", "-smart", "-nfc", "-udh16", "-encoding", "-region", "-fit", "-suffix", "-no-suffix", "commands", "suggest "},
			"suggest":        {"-json", "-udh16"},
			"encode":         {"-udh16", "-unpacked", "-ucs2", "-gsm7", "-lang", "-ref"},
			"decode":         {"-dcs", "-unpacked", "-noudh"},
			"address":        {"-as", "-region", "-strict", "-permissive", "-json"},
			"request create": {"-account", "-edge", "-region", "-dry-run", "-now", "-min-lead", "-set"},
			"request update": {"-account", "-sid", "-redact", "-status", "-dry-run"},
			"request list":   {"-set", "-account", "-dry-run"},
			"request fetch":  {"-sid"},
			"request delete": {"-sid"},
		}
		for cmd, flags := range helps {
			for _, h := range []string{"-h", "--help", "-help"} {
				args := append(strings.Fields(cmd), h)
				c := binCase{name: strings.Join(args, " "), args: args, want: append([]string{"usage: smsgauge " + cmd}, flags...),
					not: []string{"Usage of"}}
				if len(flags) > 0 && !strings.HasPrefix(flags[len(flags)-1], "commands") && cmd != "" {
					c.want = append(c.want, "\nflags:\n")
				}
				out := c.run(t, bin)
				if strings.HasSuffix(strings.TrimSpace(out), "flags:") {
					t.Errorf("smsgauge %s: help ends with an empty flags list:\n%s", strings.Join(args, " "), out)
				}
			}
		}
		for _, c := range []binCase{
			{name: "help COMMAND", args: []string{"help", "encode"}, want: []string{"usage: smsgauge encode", "-lang"}},
			{name: "request -h lists its verbs", args: []string{"request", "-h"}, want: []string{"usage: smsgauge request VERB", "  create ", "  update ", "  list ", "  fetch ", "  delete "},
				not: []string{"flags:\n\n", "flags:\n$"}},
			{name: "unknown subcommand", args: []string{"sugest", "It’s"}, code: 2, inErr: true, want: []string{`unknown command "sugest" (did you mean suggest?)`, "smsgauge -- sugest"}},
			{name: "unknown help topic", args: []string{"help", "frob"}, code: 2, inErr: true, want: []string{`unknown command "frob"`, "address, batch"}},
			{name: "unknown request verb", args: []string{"request", "frob"}, code: 2, inErr: true, want: []string{`unknown verb "frob": want create, update, list, fetch or delete`}},
			{name: "a word is still text", args: []string{"hello"}, want: []string{`"hello"`}},
		} {
			t.Run(c.name, func(t *testing.T) { c.run(t, bin) })
		}
	})
	t.Run("flag values", func(t *testing.T) {
		for _, c := range []binCase{
			{name: "-smart=bogus", args: []string{"-smart=bogus", "x"}, code: 2, inErr: true, want: []string{`invalid value "bogus" for -smart: want calculator, gsm-only, on or off`}, not: []string{"boolean"}},
			{name: "-encoding foo", args: []string{"-encoding", "foo", "x"}, code: 2, inErr: true, want: []string{`invalid value "foo" for -encoding: want auto, GSM-7 or UCS-2`}},
			{name: "-json=maybe", args: []string{"-json=maybe", "x"}, code: 2, inErr: true, want: []string{"want true or false"}},
			{name: "-as", args: []string{"address", "+14155552671", "-as", "cc"}, code: 2, inErr: true, want: []string{`invalid value "cc" for -as: want to or from`}},
			{name: "-lang", args: []string{"encode", "-lang", "fr", "x"}, code: 2, inErr: true, want: []string{"want comma-separated codes among tr, es, pt"}},
			{name: "-ref", args: []string{"encode", "-ref", "x1", "x"}, code: 2, inErr: true, want: []string{"want a whole number, 0 or more"}},
			{name: "-min-lead", args: []string{"request", "create", "-min-lead", "soon"}, code: 2, inErr: true, want: []string{"want a duration such as 90s, 15m or 1h"}},
			{name: "missing value", args: []string{"x", "-encoding"}, code: 2, inErr: true, want: []string{"-encoding needs a value: want auto, GSM-7 or UCS-2"}},
			{name: "unknown flag", args: []string{"-5", "degrees"}, code: 2, inErr: true, want: []string{"unknown flag -5 (put -- before text that starts with -)"}},
		} {
			t.Run(c.name, func(t *testing.T) { c.run(t, bin) })
		}
	})
	t.Run("words", func(t *testing.T) {
		for _, c := range []binCase{
			{name: "national number, address", args: []string{"address", "415 555 2671", "-as", "to"}, code: 1,
				want: []string{"give its region, such as -region US"}, not: []string{"Lenient", "sms: "}},
			{name: "national number, request", stdin: `{"To":"4155552671","From":"+15017122661","Body":"Hi"}`, args: []string{"request", "create"}, code: 1,
				want: []string{`To \"4155552671\": a national number (no + and country code): write it in E.164`}, not: []string{"Lenient", "sms: ", "address: "}},
			{name: "sender ID as To, once", stdin: `{"To":"Acme","From":"+15017122661","Body":"Hi"}`, args: []string{"request", "create"}, code: 1,
				want: []string{`To \"Acme\": an alphanumeric sender ID can only be a From`}, not: []string{"sms: ", "To: address"}},
			{name: "API key without account", args: []string{"request", "fetch", "-sid", "SM0123456789abcdef0123456789abcdef"}, code: 1,
				want: []string{"no Account SID: give -account AC… or set TWILIO_ACCOUNT_SID"}, not: []string{"Credentials"}},
			{name: "README dry run", args: []string{"request", "create", "-set", "To=+14155552671", "-set", "From=+14155550100", "-set", "Body=Hi", "-dry-run"},
				want: []string{"POST /2010-04-01/Accounts/{AccountSid}/Messages.json HTTP/1.1", "Body=Hi&From=%2B14155550100&To=%2B14155552671"}},
			{name: "docs dry run", args: []string{"request", "create", "-set", "To=+14155552671", "-set", "From=+14155550100", "-set", "Body=Hi", "-dry-run"},
				inErr: true, want: []string{"no Account SID (-account or TWILIO_ACCOUNT_SID)"}},
			{name: "fit suffix", args: []string{"-fit", "1", "-suffix", "~", "-no-suffix", "x"}, code: 2, inErr: true, want: []string{"-suffix and -no-suffix exclude each other"}},
		} {
			t.Run(c.name, func(t *testing.T) {
				c.env = []string{"TWILIO_ACCOUNT_SID=", "TWILIO_API_KEY=", "TWILIO_AUTH_TOKEN="}
				c.run(t, bin)
			})
		}
	})
	t.Run("reports", func(t *testing.T) {
		out := binCase{args: []string{ru}}.run(t, bin)
		// One line per letter, not per occurrence: 25 letters, 15 different.
		if n := strings.Count(out, "\n  \""); n != 15 {
			t.Errorf("the report on a Russian sentence lists %d characters, want 15:\n%s", n, out)
		}
		for _, w := range []string{
			"Characters that force UCS-2: 25 characters, 15 different",
			`"а" ×4  U+0430 CYRILLIC SMALL LETTER A  at 4, 16, 20, 22`,
			`"З" ×1  U+0417 CYRILLIC CAPITAL LETTER ZE  at 1`,
			"RCS (US):    1 segment of 160 bytes",
			"(forced by 25 characters outside GSM-7)",
		} {
			if !strings.Contains(out, w) {
				t.Errorf("report lacks %q:\n%s", w, out)
			}
		}
		for _, c := range []binCase{
			{name: "no (s)", args: []string{"😀"}, want: []string{"forced by 1 character outside", "1 grapheme,", "1 code point)"}, not: []string{"(s)"}},
			{name: "encode", args: []string{"encode", "hi"}, want: []string{"# GSM-7, 1 segment:"}, not: []string{"(s)"}},
			{name: "suggest groups", args: []string{"suggest", ru}, want: []string{`"а" ×4`, "25 characters, 15 different", "25 characters have no GSM-7 form"}, not: []string{"(s)", "byte "}},
			{name: "substitutions once with -smart", args: []string{"-smart", "“Hi” ’"}, want: []string{"substituted: 3 characters"}},
			{name: "substitutions once with -nfc -smart", args: []string{"-nfc", "-smart", "e\u0301 ’ ’"}, want: []string{`"’" ×2  U+2019 RIGHT SINGLE QUOTATION MARK  -> "'"  at 3, 5`}},
		} {
			out := c.run(t, bin)
			if c.name == "substitutions once with -smart" || c.name == "substitutions once with -nfc -smart" {
				if n := strings.Count(out, `-> "`); n != strings.Count(out[strings.Index(out, "substituted:"):], `-> "`) {
					t.Errorf("%s: a substitution is listed outside the smart section:\n%s", c.name, out)
				}
			}
		}
	})
	t.Run("decode", func(t *testing.T) {
		binCase{stdin: "E8329BFD4697D9EC37\n", args: []string{"decode"}, code: 1, inErr: true,
			want: []string{"header length 232", "use smsgauge decode -noudh"}}.run(t, bin)
		binCase{stdin: "E8329BFD4697D9EC37\n", args: []string{"decode", "-noudh"}, want: []string{"hellohello"}}.run(t, bin)
	})
	t.Run("json words", func(t *testing.T) {
		var r struct {
			Errors []struct{ Message string } `json:"errors"`
		}
		out := binCase{stdin: `{"To":"+14155552671","From":"Acme","Body":"Hi","To2":1}`, args: []string{"request", "create"}, code: 1}.run(t, bin)
		if err := json.Unmarshal([]byte(out), &r); err != nil || len(r.Errors) == 0 {
			t.Fatalf("errors %v: %s", err, out)
		}
		for _, e := range r.Errors {
			if strings.Contains(e.Message, "sms: ") || strings.Contains(e.Message, "Go struct") {
				t.Errorf("message %q", e.Message)
			}
		}
	})
}

// TestBinaryBatchServeUX runs batch and serve as the other commands run:
// flags anywhere, "--", one help format on standard output, bad values
// that name the good ones, and words without the library's prefixes.
func TestBinaryBatchServeUX(t *testing.T) {
	bin := buildBinary(t)
	csv := "id,to,body\n1,+14155552671,hi\n2,+1415,x\n"
	t.Run("help", func(t *testing.T) {
		for _, h := range []string{"-h", "--help", "-help"} {
			binCase{name: "batch " + h, args: []string{"batch", h}, want: []string{
				"usage: smsgauge batch [flags] [FILE]", "\nflags:\n", "-input format", "-output format", "-jsonl", "-o file", "-id-col", "-to-col", "-from-col",
				"-body-col", "-pricing", "-number-type type", "-carrier", "-base-price", "-smart", "-suggest", "-udh16", "-strict", "-workers",
				"-batch-kb", "-summary-json", "-exact-regions", "-no-progress", "-cpuprofile", "-max-body",
				"priced estimate", "smsgauge --jsonl"}, not: []string{"Usage of"}}.run(t, bin)
			binCase{name: "serve " + h, args: []string{"serve", h}, want: []string{
				"usage: smsgauge serve", "\nflags:\n", "-addr", "-dir DIR", "-build DIR", "Go toolchain"}, not: []string{"Usage of"}}.run(t, bin)
		}
		binCase{args: []string{"help", "batch"}, want: []string{"usage: smsgauge batch"}}.run(t, bin)
		// The command list has one description per command, no flags.
		out := binCase{args: []string{"-h"}, want: []string{"  serve     serve the web composer"}}.run(t, bin)
		for _, l := range strings.Split(out, "\n") {
			if strings.HasPrefix(l, "  serve ") && strings.Contains(l, "-addr") {
				t.Errorf("smsgauge -h lists serve with its flags: %q", l)
			}
		}
	})
	t.Run("flags anywhere", func(t *testing.T) {
		for _, c := range []binCase{
			{name: "flag after the file", args: []string{"batch", "-", "-output", "jsonl"}, stdin: csv, code: 1,
				want: []string{`{"line":2,"id":"1","encoding":"GSM-7"`}},
			{name: "-- ends the flags", args: []string{"batch", "-output=jsonl", "--", "-"}, stdin: csv, code: 1, want: []string{`{"line":2,"id":"1"`}},
			{name: "any case", args: []string{"batch", "-output", "JSONL"}, stdin: csv, code: 1, want: []string{`{"line":2`}},
			{name: "ndjson still reads JSON lines", args: []string{"batch", "-input", "ndjson"}, stdin: `{"id":1,"body":"hi"}` + "\n", want: []string{`{"line":1,"id":1,"encoding":"GSM-7"`}},
			{name: "serve argument", args: []string{"serve", "now"}, code: 2, inErr: true, want: []string{`smsgauge serve: unexpected argument "now"`, "run 'smsgauge serve -h'"}},
			{name: "serve -dir after", args: []string{"serve", "-addr", "127.0.0.1:0", "-dir", "/nonexistent-smsgauge"}, code: 1, inErr: true, want: []string{"smsgauge-core.wasm"}},
			{name: "two files", args: []string{"batch", "a.csv", "b.csv"}, code: 2, inErr: true, want: []string{"at most one input file"}},
		} {
			t.Run(c.name, func(t *testing.T) { c.run(t, bin) })
		}
	})
	t.Run("flag values", func(t *testing.T) {
		for _, c := range []binCase{
			{name: "-input", args: []string{"batch", "-input", "xml"}, code: 2, inErr: true, want: []string{`invalid value "xml" for -input: want csv or jsonl`, "run 'smsgauge batch -h'"}},
			{name: "-output", args: []string{"batch", "-output=tsv"}, code: 2, inErr: true, want: []string{`invalid value "tsv" for -output: want csv or jsonl`}},
			{name: "-carrier", args: []string{"batch", "-pricing", samplePricing, "-carrier", "avg"}, code: 2, inErr: true, want: []string{`invalid value "avg" for -carrier: want max or min`}},
			{name: "-number-type", args: []string{"batch", "-pricing", samplePricing, "-number-type", "fax"}, code: 2, inErr: true, want: []string{`invalid value "fax" for -number-type: want local, mobile, toll-free or shortcode`}},
			{name: "-number-type toll free", args: []string{"batch", "-pricing", samplePricing, "-number-type", "Toll Free"}, stdin: "to,body\n+14155552671,hi\n", want: []string{",USD,"}},
			{name: "-workers -1", args: []string{"batch", "-workers", "-1"}, code: 2, inErr: true, want: []string{"invalid value -1 for -workers: want 0 (one per core) or more"}},
			{name: "-workers x", args: []string{"batch", "-workers", "x"}, code: 2, inErr: true, want: []string{`invalid value "x" for -workers: want a whole number`}},
			{name: "-carrier without -pricing", args: []string{"batch", "-carrier", "min"}, stdin: csv, code: 2, inErr: true, want: []string{"-carrier needs -pricing"}},
			{name: "-number-type without -pricing", args: []string{"batch", "-number-type", "mobile"}, stdin: csv, code: 2, inErr: true, want: []string{"-number-type needs -pricing"}},
			{name: "-dir and -build", args: []string{"serve", "-dir", "a", "-build", "b"}, code: 2, inErr: true, want: []string{"-dir and -build exclude each other"}},
			{name: "serve unknown flag", args: []string{"serve", "-port", "80"}, code: 2, inErr: true, want: []string{"unknown flag -port"}},
		} {
			t.Run(c.name, func(t *testing.T) { c.run(t, bin) })
		}
	})
	t.Run("words", func(t *testing.T) {
		jl := `{"id":1,"to":5,"body":"hi"}` + "\n" + `{"id":2,"to":"+14155552671","body":"hi"}` + "\n" + `{"id":3,"to":"+1415","body":"x"}` + "\n"
		bad := []string{"sms: ", "json: cannot unmarshal", "Go struct", "(s)", "1 messages", "1 segments", "1 rows"}
		for _, c := range []binCase{
			{name: "jsonl rows", args: []string{"batch", "-jsonl"}, stdin: jl, code: 1,
				want: []string{`{"line":1,"id":1,"error":"malformed row: \"to\": want a string, not a number at byte 13"}`, `{"line":3,"id":3,"error":"bad number: \"+1415\": not a valid number in any region of +1"}`}, not: bad},
			{name: "jsonl summary", args: []string{"batch", "-jsonl"}, stdin: jl, code: 1, inErr: true,
				want: []string{"smsgauge batch: 3 rows, 1 message, 1 segment, cost -, 2 failed", "  line 1: malformed row", "  line 3: bad number"}, not: bad},
			{name: "csv error column", args: []string{"batch"}, stdin: csv, code: 1, want: []string{`3,2,,,,,,,,,"bad number: ""+1415"": not a valid number in any region of +1"`}, not: bad},
			{name: "plural summary", args: []string{"batch"}, stdin: "body\nhi\nho\n", inErr: true, want: []string{"2 rows, 2 messages, 2 segments"}},
			{name: "no id column", args: []string{"batch", "-id-col", "ref"}, stdin: "to,body\n+14155552671,hi\n", want: []string{"\n2,,US,GSM-7,1,"}},
		} {
			t.Run(c.name, func(t *testing.T) { c.run(t, bin) })
		}
	})
}

// TestBinaryJSONL runs --jsonl for what it is for and what it says: one
// purpose each for --jsonl and batch -jsonl, in -h and in docs/cli.md
// alike; no empty error in the to and from objects; To and From checked
// together; singular and plural.
func TestBinaryJSONL(t *testing.T) {
	bin := buildBinary(t)
	doc, err := os.ReadFile("../../docs/cli.md")
	if err != nil {
		t.Fatal(err)
	}
	// Each purpose, as -h says it, is what docs/cli.md says.
	for _, c := range []struct {
		args    []string
		purpose string // in -h and in docs/cli.md
		other   string // where -h sends the other use
	}{
		{[]string{"-h"}, "per-message analysis for pipelines", "to price a campaign, use smsgauge batch"},
		{[]string{"batch", "-h"}, "priced campaign estimate", "for per-message analysis lines use smsgauge --jsonl"},
	} {
		binCase{args: c.args, want: []string{c.purpose, c.other}}.run(t, bin)
		if !strings.Contains(strings.Join(strings.Fields(string(doc)), " "), c.purpose) {
			t.Errorf("docs/cli.md does not say %q, as smsgauge %s does", c.purpose, strings.Join(c.args, " "))
		}
	}
	in := `{"id":1,"to":"whatsapp:+14155552671","from":"+14155550100","body":"hi"}` + "\n" +
		`{"id":2,"to":"+14155552671","from":"+14155550100","body":"hi"}` + "\n" +
		`{"id":3,"to":"whatsapp:+14155552671","from":"whatsapp:+14155550100","body":"hi"}` + "\n" +
		`{"id":4,"to":"+14155552671","from":"rcs:acme_agent","body":"hi"}` + "\n" +
		`{"id":5,"to":"Acme","body":"hi"}` + "\n"
	out := binCase{args: []string{"--jsonl"}, stdin: in}.run(t, bin)
	type addr struct {
		Valid bool    `json:"valid"`
		Error *string `json:"error"`
		Rule  string  `json:"rule"`
	}
	type line struct {
		ID   int   `json:"id"`
		To   *addr `json:"to"`
		From *addr `json:"from"`
	}
	var lines []line
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var x line
		if err := json.Unmarshal([]byte(l), &x); err != nil {
			t.Fatalf("line %q: %v", l, err)
		}
		lines = append(lines, x)
	}
	if len(lines) != 5 {
		t.Fatalf("%d lines out, want 5:\n%s", len(lines), out)
	}
	// whatsapp: To, SMS From: a route error on To.
	if l := lines[0]; l.To.Valid || l.To.Error == nil || !strings.Contains(*l.To.Error, "different channels") || l.To.Rule != "channel_mismatch" || !l.From.Valid {
		t.Errorf("whatsapp To from an SMS From: %s", strings.Split(out, "\n")[0])
	}
	// Usable addresses carry no error key at all.
	for _, i := range []int{1, 2, 3} {
		l := lines[i]
		if !l.To.Valid || l.To.Error != nil || !l.From.Valid || l.From.Error != nil {
			t.Errorf("line %d: usable to and from = %+v %+v:\n%s", i+1, *l.To, *l.From, strings.Split(out, "\n")[i])
		}
	}
	if strings.Count(out, `"error":""`) != 0 {
		t.Errorf("an empty error is written:\n%s", out)
	}
	if l := lines[4]; l.To.Valid || l.To.Error == nil || !strings.Contains(*l.To.Error, "can only be a From") {
		t.Errorf("sender ID as To: %+v", *l.To)
	}
	// Singular and plural in what --jsonl says of failed lines.
	binCase{args: []string{"--jsonl"}, stdin: "{}\n", code: 1, inErr: true, want: []string{"smsgauge: 1 line failed"}, not: []string{"(s)"}}.run(t, bin)
	binCase{args: []string{"--jsonl"}, stdin: "{}\n[]\n", code: 1, inErr: true, want: []string{"smsgauge: 2 lines failed"}, not: []string{"(s)"}}.run(t, bin)
}
