package strictjson

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var parseCases = []struct {
	name    string
	in      string
	want    any    // the value as encoding/json decodes it (UseNumber), when valid
	errAt   int    // byte offset of the error; -1: valid
	errWord string // part of the error message
}{
	{name: "string", in: `"a"`, want: "a", errAt: -1},
	{name: "number", in: ` -12.5e+3 `, want: json.Number("-12.5e+3"), errAt: -1},
	{name: "literals", in: `[true,false,null]`, want: []any{true, false, nil}, errAt: -1},
	{name: "object", in: `{"To":"+1","n":[1,{"x":"y"}]}`, want: map[string]any{"To": "+1", "n": []any{json.Number("1"), map[string]any{"x": "y"}}}, errAt: -1},
	{name: "empty object", in: `{}`, want: map[string]any{}, errAt: -1},
	{name: "empty array", in: ` [ ] `, want: []any{}, errAt: -1},
	{name: "escapes", in: `"\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00"`, want: "\"\\/\b\f\n\r\té😀", errAt: -1},
	{name: "raw UTF-8", in: `"héllo 👋"`, want: "héllo 👋", errAt: -1},
	{name: "keys differing in case", in: `{"to":1,"To":2}`, want: map[string]any{"to": json.Number("1"), "To": json.Number("2")}, errAt: -1},

	{name: "empty", in: ``, errAt: 0, errWord: "unexpected end"},
	{name: "trailing text", in: `{"a":1} x`, errAt: 8, errWord: "text after"},
	{name: "two values", in: `{} {}`, errAt: 3, errWord: "text after"},
	{name: "duplicate key", in: `{"To":"a","To":"b"}`, errAt: 10, errWord: `duplicate key "To"`},
	{name: "duplicate key after escape", in: `{"To":"a","T\u006f":"b"}`, errAt: 10, errWord: "duplicate key"},
	{name: "invalid UTF-8 in string", in: "\"a\xffb\"", errAt: 2, errWord: "invalid UTF-8"},
	{name: "invalid UTF-8 after escape", in: "\"\\n\xff\"", errAt: 3, errWord: "invalid UTF-8"},
	{name: "invalid UTF-8 outside", in: "\xff", errAt: 0, errWord: "invalid UTF-8"},
	{name: "lone high surrogate", in: `"a\ud800b"`, errAt: 2, errWord: "lone surrogate"},
	{name: "lone low surrogate", in: `"\udc00"`, errAt: 1, errWord: "lone surrogate"},
	{name: "high then non-low", in: `"\ud800\u0041"`, errAt: 1, errWord: "lone surrogate"},
	{name: "control in string", in: "\"a\nb\"", errAt: 2, errWord: "control character"},
	{name: "bad escape", in: `"\x"`, errAt: 1, errWord: "unknown escape"},
	{name: "short unicode escape", in: `"\u12"`, errAt: 1, errWord: "hexadecimal"},
	{name: "unterminated", in: `"abc`, errAt: 4, errWord: "unterminated"},
	{name: "leading zero", in: `01`, errAt: 1, errWord: "text after"},
	{name: "bare minus", in: `-`, errAt: 1, errWord: "digit"},
	{name: "no fraction digit", in: `1.`, errAt: 2, errWord: "decimal point"},
	{name: "no exponent digit", in: `1e+`, errAt: 3, errWord: "exponent"},
	{name: "missing colon", in: `{"a" 1}`, errAt: 5, errWord: "':'"},
	{name: "trailing comma", in: `{"a":1,}`, errAt: 7, errWord: "quoted key"},
	{name: "unquoted key", in: `{a:1}`, errAt: 1, errWord: "quoted key"},
	{name: "array separator", in: `[1 2]`, errAt: 3, errWord: "','"},
	{name: "unknown word", in: `nul`, errAt: 0, errWord: "unexpected"},
	{name: "too deep", in: strings.Repeat("[", MaxDepth+1) + strings.Repeat("]", MaxDepth+1), errAt: MaxDepth, errWord: "nested deeper"},
}

// plain turns a Value into what encoding/json decodes (with UseNumber).
func plain(v Value) any {
	switch v.Kind {
	case Null:
		return nil
	case Bool:
		return v.Text == "true"
	case Number:
		return json.Number(v.Text)
	case String:
		return v.Text
	case Array:
		out := []any{}
		for _, it := range v.Items {
			out = append(out, plain(it))
		}
		return out
	case Object:
		out := map[string]any{}
		for _, m := range v.Members {
			out[m.Key] = plain(m.Value)
		}
		return out
	}
	return "invalid kind"
}

func TestParse(t *testing.T) {
	for _, tc := range parseCases {
		t.Run(tc.name, func(t *testing.T) {
			v, err := Parse(tc.in)
			if tc.errAt < 0 {
				require.NoError(t, err, "Parse(%q)", tc.in)
				assert.Equal(t, tc.want, plain(v), "Parse(%q)", tc.in)
				return
			}
			var se *SyntaxError
			require.ErrorAs(t, err, &se, "Parse(%q) = %v, want a *SyntaxError", tc.in, v)
			assert.Equal(t, tc.errAt, se.Offset, "Parse(%q) error %q at the wrong offset", tc.in, se)
			assert.Contains(t, se.Error(), tc.errWord, "Parse(%q)", tc.in)
		})
	}
}

func TestParseOffsets(t *testing.T) {
	v, err := Parse(` {"a": [1, "x"], "b": true}`)
	require.NoError(t, err)
	assert.Equal(t, 1, v.Offset)
	require.Len(t, v.Members, 2)
	assert.Equal(t, 2, v.Members[0].Offset)
	assert.Equal(t, 7, v.Members[0].Value.Offset)
	assert.Equal(t, 11, v.Members[0].Value.Items[1].Offset)
	assert.Equal(t, 17, v.Members[1].Offset)
	assert.Equal(t, "true", v.Members[1].Value.Text)
}

func TestParseManyKeys(t *testing.T) {
	var b strings.Builder
	b.WriteString("{")
	for i := range 1000 {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString(`"k` + strings.Repeat("x", i%7) + string(rune('a'+i%26)) + `":` + "1")
	}
	b.WriteString("}")
	// The keys repeat after 7*26 = 182 members: the map must catch it.
	_, err := Parse(b.String())
	var se *SyntaxError
	require.ErrorAs(t, err, &se)
	assert.Contains(t, se.Msg, "duplicate key")
}

func TestKindString(t *testing.T) {
	for k, want := range map[Kind]string{Null: "null", Bool: "a boolean", Number: "a number", String: "a string", Array: "an array", Object: "an object", 0: "no value"} {
		if got := k.String(); got != want {
			t.Errorf("Kind(%d).String() = %q, want %q", k, got, want)
		}
	}
}

// FuzzParse checks Parse against encoding/json: whatever Parse accepts,
// encoding/json accepts and decodes to the same value; whatever
// encoding/json accepts and Parse refuses breaks one of the rules Parse
// adds (UTF-8, surrogates, duplicate keys, depth).
func FuzzParse(f *testing.F) {
	for _, tc := range parseCases {
		f.Add(tc.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := Parse(s)
		dec := json.NewDecoder(strings.NewReader(s))
		dec.UseNumber()
		var want any
		jerr := dec.Decode(&want)
		valid := json.Valid([]byte(s))
		if err == nil {
			if !valid || jerr != nil {
				t.Fatalf("Parse(%q) accepted what encoding/json refuses: %v", s, jerr)
			}
			if got := plain(v); !reflect.DeepEqual(got, want) {
				t.Fatalf("Parse(%q) = %#v, encoding/json = %#v", s, got, want)
			}
			return
		}
		var se *SyntaxError
		if !errorAs(err, &se) || se.Offset < 0 || se.Offset > len(s) {
			t.Fatalf("Parse(%q) error %v is not a *SyntaxError with an offset in the text", s, err)
		}
		if valid {
			m := se.Msg
			if !strings.Contains(m, "UTF-8") && !strings.Contains(m, "surrogate") && !strings.Contains(m, "duplicate key") && !strings.Contains(m, "nested deeper") {
				t.Fatalf("Parse(%q) refused valid JSON: %v", s, err)
			}
			if strings.Contains(m, "UTF-8") && utf8.ValidString(s) {
				t.Fatalf("Parse(%q) reported invalid UTF-8 in valid UTF-8: %v", s, err)
			}
		}
	})
}

func errorAs(err error, se **SyntaxError) bool {
	e, ok := err.(*SyntaxError)
	if ok {
		*se = e
	}
	return ok
}
