package sms

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestSmartPolicyNames(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want SmartPolicy
		ok   bool
	}{
		{"empty", "", SmartAlways, true},
		{"calculator", "calculator", SmartAlways, true},
		{"always", "Always", SmartAlways, true},
		{"gsm-only", "gsm-only", SmartIfGSM7, true},
		{"gsm7", "GSM7", SmartIfGSM7, true},
		{"bad", "sometimes", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseSmartPolicy(tt.in)
			if (err == nil) != tt.ok || got != tt.want {
				t.Errorf("ParseSmartPolicy(%q) = %v, %v; want %v, ok=%v", tt.in, got, err, tt.want, tt.ok)
			}
			if !tt.ok && !errors.Is(err, ErrInvalidOption) {
				t.Errorf("ParseSmartPolicy(%q) error %v does not wrap ErrInvalidOption", tt.in, err)
			}
			if tt.ok {
				b, _ := got.MarshalText()
				var back SmartPolicy
				if err := back.UnmarshalText(b); err != nil || back != got {
					t.Errorf("round trip of %v through %q = %v, %v", got, b, back, err)
				}
			}
		})
	}
	if _, err := SmartPolicy(9).MarshalText(); !errors.Is(err, ErrInvalidOption) {
		t.Errorf("SmartPolicy(9).MarshalText() error = %v, want ErrInvalidOption", err)
	}
}

func TestSmartAnalyze(t *testing.T) {
	decomposed := strings.Repeat("e\u0301", 70)
	tests := []struct {
		name        string
		opts        SmartOptions
		in          string
		body        string
		substituted bool
		normalized  bool
		subs        []Substitution
		before      Encoding
		beforeSegs  int
		after       Encoding
		afterSegs   int
		saved       int
		nfcSaved    int
	}{
		{"quote", SmartOptions{}, "It’s", "It's", true, false,
			[]Substitution{{2, "’", "'"}}, EncodingUCS2, 1, EncodingGSM7, 1, 0, 0},
		{"nothing", SmartOptions{}, "plain", "plain", false, false, nil, EncodingGSM7, 1, EncodingGSM7, 1, 0, 0},
		{"saves a segment", SmartOptions{}, "’" + strings.Repeat("a", 100), "'" + strings.Repeat("a", 100), true, false,
			[]Substitution{{0, "’", "'"}}, EncodingUCS2, 2, EncodingGSM7, 1, 1, 0},
		{"tab saves", SmartOptions{}, strings.Repeat("a", 150) + "\t", strings.Repeat("a", 150) + "       ", true, false,
			[]Substitution{{150, "\t", "       "}}, EncodingUCS2, 3, EncodingGSM7, 1, 2, 0},
		{"tabs cost", SmartOptions{}, strings.Repeat("\t", 60), strings.Repeat(" ", 420), true, false,
			tabSubs(60), EncodingUCS2, 1, EncodingGSM7, 3, -2, 0},
		{"deleted", SmartOptions{}, "a\u200bb", "ab", true, false,
			[]Substitution{{1, "\u200b", ""}}, EncodingUCS2, 1, EncodingGSM7, 1, 0, 0},
		{"calculator with emoji", SmartOptions{}, "It’s 😀", "It's 😀", true, false,
			[]Substitution{{2, "’", "'"}}, EncodingUCS2, 1, EncodingUCS2, 1, 0, 0},
		{"gsm-only with emoji", SmartOptions{Policy: SmartIfGSM7}, "It’s 😀", "It’s 😀", false, false,
			nil, EncodingUCS2, 1, EncodingUCS2, 1, 0, 0},
		{"gsm-only all GSM", SmartOptions{Policy: SmartIfGSM7}, "It’s…", "It's...", true, false,
			[]Substitution{{2, "’", "'"}, {6, "…", "..."}}, EncodingUCS2, 1, EncodingGSM7, 1, 0, 0},
		{"decomposed without NFC", SmartOptions{}, decomposed, decomposed, false, false,
			nil, EncodingUCS2, 3, EncodingUCS2, 3, 0, 0},
		{"decomposed with NFC", SmartOptions{NFC: true}, decomposed, strings.Repeat("é", 70), false, true,
			nil, EncodingUCS2, 3, EncodingGSM7, 1, 2, 2},
		{"NFC before smart", SmartOptions{NFC: true}, "n\u0303 ’", "ñ '", true, true,
			[]Substitution{{3, "’", "'"}}, EncodingUCS2, 1, EncodingGSM7, 1, 0, 0},
		{"smart without NFC", SmartOptions{}, "n\u0303", "n~", true, false,
			[]Substitution{{1, "\u0303", "~"}}, EncodingUCS2, 1, EncodingGSM7, 1, 0, 0},
		{"UDH16", SmartOptions{Core: Options{UDH16: true}}, "’" + strings.Repeat("a", 304), "'" + strings.Repeat("a", 304), true, false,
			[]Substitution{{0, "’", "'"}}, EncodingUCS2, 5, EncodingGSM7, 3, 2, 0},
		{"forced GSM-7", SmartOptions{Core: Options{Encoding: EncodingGSM7}}, "“Hi”", "\"Hi\"", true, false,
			[]Substitution{{0, "“", "\""}, {5, "”", "\""}}, EncodingUCS2, 1, EncodingGSM7, 1, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sa, err := tt.opts.Analyze(tt.in)
			if err != nil {
				t.Fatalf("Analyze(%q) error %v", tt.in, err)
			}
			if sa.Body != tt.body || sa.Substituted != tt.substituted || sa.Normalized != tt.normalized {
				t.Errorf("Analyze(%q) = body %q, substituted %v, normalized %v; want %q, %v, %v",
					tt.in, sa.Body, sa.Substituted, sa.Normalized, tt.body, tt.substituted, tt.normalized)
			}
			for _, sub := range sa.Substitutions {
				if sa.Text[sub.Offset:sub.Offset+len(sub.Original)] != sub.Original {
					t.Errorf("Analyze(%q): substitution %+v does not point into Text %q", tt.in, sub, sa.Text)
				}
			}
			assert.Equal(t, tt.subs, sa.Substitutions, "Analyze(%q).Substitutions", tt.in)
			if sa.Before.Encoding != tt.before || sa.Before.Segments != tt.beforeSegs {
				t.Errorf("Analyze(%q).Before = %v, %d segments; want %v, %d", tt.in, sa.Before.Encoding, sa.Before.Segments, tt.before, tt.beforeSegs)
			}
			if sa.After.Encoding != tt.after || sa.After.Segments != tt.afterSegs {
				t.Errorf("Analyze(%q).After = %v, %d segments; want %v, %d", tt.in, sa.After.Encoding, sa.After.Segments, tt.after, tt.afterSegs)
			}
			if sa.Saved != tt.saved || sa.NFCSaved != tt.nfcSaved {
				t.Errorf("Analyze(%q).Saved, NFCSaved = %d, %d; want %d, %d", tt.in, sa.Saved, sa.NFCSaved, tt.saved, tt.nfcSaved)
			}
			enc, err := tt.opts.Encode(tt.in)
			if err != nil || enc != sa.Body {
				t.Errorf("Encode(%q) = %q, %v; want %q", tt.in, enc, err, sa.Body)
			}
			if tt.opts == (SmartOptions{}) {
				assert.Equal(t, sa, SmartAnalyze(tt.in), "SmartAnalyze(%q) differs from SmartOptions{}.Analyze", tt.in)
			}
		})
	}
}

func TestSmartAnalyzeErrors(t *testing.T) {
	_, err := SmartOptions{Policy: 7}.Analyze("x")
	var oe *OptionError
	if !errors.Is(err, ErrInvalidOption) || !errors.As(err, &oe) || oe.Option != "SmartPolicy" {
		t.Errorf("Analyze with Policy 7: error %v, want *OptionError for SmartPolicy", err)
	}
	if _, err := (SmartOptions{Policy: 7}).Encode("x"); !errors.Is(err, ErrInvalidOption) {
		t.Errorf("Encode with Policy 7: error %v, want ErrInvalidOption", err)
	}
	_, err = SmartOptions{Core: Options{Encoding: 9}}.Analyze("x")
	if !errors.Is(err, ErrInvalidOption) {
		t.Errorf("Analyze with Encoding 9: error %v, want ErrInvalidOption", err)
	}
	_, err = SmartOptions{Core: Options{Encoding: EncodingGSM7}}.Analyze("It’s 😀")
	var ee *EncodingError
	if !errors.Is(err, ErrNotGSM7) || !errors.As(err, &ee) || len(ee.Chars) != 1 || ee.Chars[0].Text != "😀" {
		t.Errorf("forced GSM-7 on an emoji: error %v, want *EncodingError naming only the emoji", err)
	}
}

// TestSmartMapKeysNotGSM7: no mapped character is GSM-7 already, so
// substitution never touches a GSM-7 body.
func TestSmartMapKeysNotGSM7(t *testing.T) {
	for _, e := range smartTable {
		if IsGSM7(rune(e.r)) {
			t.Errorf("mapped %U is GSM-7", e.r)
		}
		if Analyze(e.repl).Encoding != EncodingGSM7 {
			t.Errorf("replacement %q of %U is not GSM-7", e.repl, e.r)
		}
	}
}

func TestSuggest(t *testing.T) {
	zw := "😀" + strings.Repeat("a", 60) + strings.Repeat("\u200b", 20) + "………"
	tests := []struct {
		name                      string
		in, body                  string
		nfc, smart, onlyShrinking bool
		before, after             int
		fixes                     []FixKind
		replacements              []string
		remaining                 []string
	}{
		{"clean", "Hello", "Hello", false, false, false, 1, 1, nil, nil, nil},
		{"tie keeps input", "It’s", "It’s", false, false, false, 1, 1,
			[]FixKind{FixSmart}, []string{"'"}, []string{"’"}},
		{"quote", "’" + strings.Repeat("a", 100), "'" + strings.Repeat("a", 100), false, true, false, 2, 1,
			[]FixKind{FixSmart}, []string{"'"}, nil},
		{"decomposed", strings.Repeat("e\u0301", 70), strings.Repeat("é", 70), true, false, false, 3, 1,
			repeatKind(FixNFC, 70), repeatString("é", 70), nil},
		{"shrinking only", zw, "😀" + strings.Repeat("a", 60) + "………", false, true, true, 2, 1,
			append(append([]FixKind{FixNone}, repeatKind(FixSmart, 20)...), FixSmart, FixSmart, FixSmart),
			append(append([]string{""}, repeatString("", 20)...), "...", "...", "..."),
			[]string{"😀", "…", "…", "…"}},
		{"nothing known", "ça " + strings.Repeat("x", 70), "ça " + strings.Repeat("x", 70), false, false, false, 2, 2,
			[]FixKind{FixNone}, []string{""}, []string{"ç"}},
		{"tilde", "n\u0303" + strings.Repeat("b", 69), "ñ" + strings.Repeat("b", 69), true, false, false, 2, 1,
			[]FixKind{FixNFC}, []string{"ñ"}, nil},
		{"invalid byte", "\xff" + strings.Repeat("b", 70), "\xff" + strings.Repeat("b", 70), false, false, false, 2, 2,
			[]FixKind{FixNone}, []string{""}, []string{"\xff"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sg := Suggest(tt.in)
			if sg.Body != tt.body || sg.NFC != tt.nfc || sg.Smart != tt.smart || sg.SmartOnlyShrinking != tt.onlyShrinking {
				t.Errorf("Suggest(%q) = %q nfc=%v smart=%v shrinking=%v; want %q %v %v %v",
					tt.in, sg.Body, sg.NFC, sg.Smart, sg.SmartOnlyShrinking, tt.body, tt.nfc, tt.smart, tt.onlyShrinking)
			}
			if sg.Before.Segments != tt.before || sg.After.Segments != tt.after || sg.Saved != tt.before-tt.after {
				t.Errorf("Suggest(%q) segments %d -> %d, saved %d; want %d -> %d", tt.in, sg.Before.Segments, sg.After.Segments, sg.Saved, tt.before, tt.after)
			}
			var kinds []FixKind
			var repls []string
			for _, f := range sg.Fixes {
				kinds = append(kinds, f.Kind)
				repls = append(repls, f.Replacement)
				if tt.in[f.Offset:f.Offset+len(f.Text)] != f.Text {
					t.Errorf("Fix %+v: offset does not point at its text", f)
				}
			}
			assert.Equal(t, tt.fixes, kinds, "Suggest(%q) fix kinds", tt.in)
			assert.Equal(t, tt.replacements, repls, "Suggest(%q) replacements", tt.in)
			var rem []string
			for _, c := range sg.Remaining {
				rem = append(rem, c.Text)
				if sg.Body[c.Offset:c.Offset+len(c.Text)] != c.Text {
					t.Errorf("Remaining %+v: offset does not point at its text in Body", c)
				}
			}
			assert.Equal(t, tt.remaining, rem, "Suggest(%q).Remaining", tt.in)
		})
	}
}

func TestSuggestErrors(t *testing.T) {
	if _, err := (SmartOptions{Policy: 5}).Suggest("x"); !errors.Is(err, ErrInvalidOption) {
		t.Errorf("Suggest with Policy 5: error %v, want ErrInvalidOption", err)
	}
	if _, err := (SmartOptions{Core: Options{Encoding: EncodingGSM7}}).Suggest("😀"); !errors.Is(err, ErrNotGSM7) {
		t.Errorf("Suggest forcing GSM-7 on an emoji: error %v, want ErrNotGSM7", err)
	}
	sg, err := SmartOptions{Core: Options{Encoding: EncodingGSM7}}.Suggest("It’s")
	if err != nil || sg.Body != "It's" {
		t.Errorf("Suggest forcing GSM-7 on %q = %q, %v; want \"It's\"", "It’s", sg.Body, err)
	}
	for _, k := range []FixKind{FixNone, FixSmart, FixNFC, FixNFCSmart, 9} {
		b, _ := k.MarshalText()
		if string(b) != k.String() || k.String() == "" {
			t.Errorf("FixKind(%d) text %q, String %q", k, b, k.String())
		}
	}
}

func repeatKind(k FixKind, n int) []FixKind {
	s := make([]FixKind, n)
	for i := range s {
		s[i] = k
	}
	return s
}

func repeatString(v string, n int) []string {
	s := make([]string, n)
	for i := range s {
		s[i] = v
	}
	return s
}

func tabSubs(n int) []Substitution {
	s := make([]Substitution, n)
	for i := range s {
		s[i] = Substitution{i, "\t", "       "}
	}
	return s
}
