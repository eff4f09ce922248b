package jsonrow

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

type want struct {
	id, idText, body, to, from string
	hasBody, hasTo, hasFrom    bool
}

func got(r Row) want {
	return want{string(r.ID), string(r.IDText), string(r.Body), string(r.To), string(r.From), r.HasBody, r.HasTo, r.HasFrom}
}

func TestDecode(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want want
		fast bool // the fast path takes it
	}{
		{`{"id":1,"to":"+14155552671","body":"hi"}`, want{id: "1", idText: "1", to: "+14155552671", hasTo: true, body: "hi", hasBody: true}, true},
		{` {"id" : "a" , "from":"ACME", "body" : "é ’"}` + "\r\n", want{id: `"a"`, idText: "a", from: "ACME", hasFrom: true, body: "é ’", hasBody: true}, true},
		{`{"body":null,"id":null,"x":-1.5e3}`, want{}, true},
		{`{}`, want{}, true},
		{`{"body":"a\nb","id":"\u00e9"}`, want{id: `"\u00e9"`, idText: "é", body: "a\nb", hasBody: true}, false},
		{`{"body":"😀 \ud83d\ude00","meta":{"a":[1,true]}}`, want{body: "😀 😀", hasBody: true}, false},
		{`{"id": {"k": [1, "}"]} , "body":"x"}`, want{id: `{"k": [1, "}"]}`, idText: `{"k": [1, "}"]}`, body: "x", hasBody: true}, false},
		{`{"id":true,"body":"x"}`, want{id: `true`, idText: `true`, body: "x", hasBody: true}, false},
	} {
		var d Decoder
		r, err := d.Decode([]byte(tc.in))
		if err != nil {
			t.Errorf("Decode(%q): %v", tc.in, err)
			continue
		}
		if g := got(r); g != tc.want {
			t.Errorf("Decode(%q) = %+v, want %+v", tc.in, g, tc.want)
		}
		if _, ok := d.fast([]byte(tc.in)); ok != tc.fast {
			t.Errorf("fast(%q) took it: %v, want %v", tc.in, ok, tc.fast)
		}
	}
}

func TestDecodeErrors(t *testing.T) {
	for _, tc := range []struct {
		in     string
		kind   Kind
		field  string
		offset int
		word   string
	}{
		{`{"id":1,"body":"a\ud800b"}`, InvalidText, "body", 17, "lone surrogate"},
		{`{"id":1,"body":"a\udc00"}`, InvalidText, "body", 17, "lone surrogate"},
		{"{\"id\":1,\"body\":\"a\xffb\"}", InvalidText, "body", 17, "invalid UTF-8"},
		{"{\"id\":1,\"b\xffdy\":\"x\"}", InvalidText, "b\xffdy", 10, "invalid UTF-8"},
		{`{"body":"x","Body":"y"}`, BadKey, "Body", 12, `"body" and "Body" differ only in case`},
		{`{"body":"x","body":"y"}`, BadKey, "body", 12, "duplicate key"},
		{`{"to":"+1","TO":"+2","body":"z"}`, BadKey, "TO", 11, "differ only in case"},
		{`{"BODY":"x"}`, BadKey, "BODY", 1, `the key is "body"`},
		{`{"ſmartEncoded":true,"SMARTENCODED":false,"body":"x"}`, BadKey, "SMARTENCODED", 22, "differ only in case"},
		{`{"ıd":1,"body":"x"}`, 0, "", 0, ""}, // U+0131 does not fold to i: an unknown key
		{`{"\u0049D":1,"body":"x"}`, BadKey, "ID", 1, `the key is "id"`},
		{"{\"\u212Ao\":1,\"ko\":2}", BadKey, "ko", 10, "differ only in case"},
		{`{"body":"x"} trailing`, Malformed, "", 13, "text after the JSON value"},
		{`{"body":"x"}{"body":"y"}`, Malformed, "", 12, "text after the JSON value"},
		{`{"body":1}`, Malformed, "body", 8, "want a string, not a number"},
		{`{"to":["+1"],"body":"x"}`, Malformed, "to", 6, "want a string, not an array"},
		{`{"id":{"k":[1,{"k":2}]},"body":{}}`, Malformed, "body", 31, "want a string, not an object"},
		{`"body"`, Malformed, "", 0, "want a JSON object, not a string"},
		{`not json`, Malformed, "", 0, "unexpected"},
		{`{"body":"x`, Malformed, "body", 10, "unterminated string"},
		{"{\"body\":\"a\tb\"}", Malformed, "body", 10, "control character"},
		{``, Malformed, "", 0, "unexpected end"},
	} {
		var d Decoder
		_, err := d.Decode([]byte(tc.in))
		if tc.kind == 0 {
			if err != nil {
				t.Errorf("Decode(%q): %v, want no error", tc.in, err)
			}
			continue
		}
		if err == nil {
			t.Errorf("Decode(%q): no error, want %q", tc.in, tc.word)
			continue
		}
		if err.Kind != tc.kind || err.Field != tc.field || err.Offset != tc.offset || !strings.Contains(err.Error(), tc.word) {
			t.Errorf("Decode(%q) = %+v (%q), want kind %d field %q offset %d with %q", tc.in, *err, err, tc.kind, tc.field, tc.offset, tc.word)
		}
		if tc.field != "" && !strings.HasPrefix(err.Error(), `"`) {
			t.Errorf("Decode(%q): %q does not name the field first", tc.in, err)
		}
	}
}

func TestDecodeNoAllocFastPath(t *testing.T) {
	var d Decoder
	line := []byte(`{"id":"42","to":"+14155552671","from":"+14155550100","body":"Your code is 123456 ’ok’"}` + "\n")
	if n := testing.AllocsPerRun(100, func() { d.Decode(line) }); n != 0 {
		t.Errorf("Decode allocates %v times on the fast path", n)
	}
}

// FuzzFastPath checks that the fast path is strictjson's answer: whenever
// it takes a line, the strict decoder reads the same row from it, with no
// error. It also checks that an accepted line is a JSON object to
// encoding/json, with the same body.
func FuzzFastPath(f *testing.F) {
	for _, s := range []string{
		`{"id":1,"to":"+14155552671","body":"hi"}`, `{"ID":1}`, `{"body":"a","body":"b"}`, `{"id":-0.5e+7,"body":""}`,
		`{"x":null,"body":"\u00e9"}`, "{\"body\":\"\xff\"}", `{"body":"x"} x`, ` { } `, `{"to":1}`, `{"id":01}`,
		`{"a":1,"b":2,"c":3,"d":4,"e":5,"f":6,"g":7,"h":8,"i":9}`, `{"Id":null}`, `{"body":"\ud800"}`, "{\"body\":\"a\x7fb\"}",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		var d, s Decoder
		fr, ok := d.fast(line)
		sr, err := s.DecodeStrict(line)
		if !ok {
			if r, e := d.Decode(line); (e == nil) != (err == nil) || e == nil && got(r) != got(sr) || e != nil && *e != *err {
				t.Fatalf("Decode(%q) = %+v, %v; strict %+v, %v", line, got(r), e, got(sr), err)
			}
			return
		}
		if err != nil {
			t.Fatalf("fast path took %q, strictjson fails: %v", line, err)
		}
		if got(fr) != got(sr) {
			t.Fatalf("fast(%q) = %+v, strict %+v", line, got(fr), got(sr))
		}
		var m map[string]any
		if err := json.Unmarshal(line, &m); err != nil {
			t.Fatalf("fast path took %q, encoding/json fails: %v", line, err)
		}
		if b, _ := m["body"].(string); fr.HasBody && !bytes.Equal(fr.Body, []byte(b)) {
			t.Fatalf("fast(%q) body %q, encoding/json %q", line, fr.Body, b)
		}
	})
}

func TestDecodeErrorKeepsID(t *testing.T) {
	for in, want := range map[string]string{
		`{"id":"a\u00e9","body":"\ud800"}`: "aé",
		`{"id":7,"body":"x","Body":"y"}`:   "7",
		`{"body":"\ud800","id":7}`:         "", // after the error: not read
		`{"id":"\ud800","body":"x"}`:       "",
		`{"id":1,"body":"x"} trailing`:     "1",
	} {
		var d Decoder
		r, err := d.Decode([]byte(in))
		if err == nil || string(r.IDText) != want {
			t.Errorf("Decode(%q) = id %q, %v; want id %q and an error", in, r.IDText, err, want)
		}
	}
}

// BenchmarkDecode compares, on a typical row, the fast path, strictjson
// alone and encoding/json (what the rows were read with before).
func BenchmarkDecode(b *testing.B) {
	line := []byte(`{"id":"r123456","to":"+14155552671","body":"Hi Chloé, your order #482913 has shipped! Track it here: https://ex.co/t/Ab3dE"}` + "\n")
	var d Decoder
	b.Run("Fast", func(b *testing.B) {
		b.SetBytes(int64(len(line)))
		b.ReportAllocs()
		for b.Loop() {
			d.Decode(line)
		}
	})
	b.Run("Strict", func(b *testing.B) {
		b.SetBytes(int64(len(line)))
		b.ReportAllocs()
		for b.Loop() {
			d.DecodeStrict(line)
		}
	})
	b.Run("EncodingJSON", func(b *testing.B) {
		b.SetBytes(int64(len(line)))
		b.ReportAllocs()
		var r struct {
			ID   json.RawMessage `json:"id"`
			Body *string         `json:"body"`
			To   *string         `json:"to"`
			From *string         `json:"from"`
		}
		for b.Loop() {
			json.Unmarshal(line, &r)
		}
	})
}
