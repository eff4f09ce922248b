package sms

import (
	"bufio"
	"encoding/json"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// oasParams reads testdata/twilio_create_message_params.txt: the spec's
// property names, and the names taken from its examples.
func oasParams(t *testing.T) (props, examples []string) {
	t.Helper()
	f, err := os.Open("testdata/twilio_create_message_params.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		name, tag, _ := strings.Cut(line, " ")
		if tag == "example" {
			examples = append(examples, name)
		} else {
			props = append(props, name)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return props, examples
}

func TestBuilderHasEveryOASParameter(t *testing.T) {
	props, examples := oasParams(t)
	if len(props) != 25 {
		t.Fatalf("testdata lists %d properties, want the spec's 25", len(props))
	}
	typ := reflect.TypeFor[CreateMessage]()
	form, err := testRules.Form(fullMessage())
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range slices.Concat(props, examples) {
		f, ok := typ.FieldByName(name)
		if !ok {
			t.Errorf("CreateMessage has no field %s", name)
			continue
		}
		if tag, _, _ := strings.Cut(f.Tag.Get("json"), ","); tag != name {
			t.Errorf("CreateMessage.%s has JSON name %q, want %q", name, tag, name)
		}
		if _, ok := form[name]; !ok {
			t.Errorf("Form() of a full message has no %s", name)
		}
	}
	if got, want := typ.NumField(), len(props)+len(examples); got != want {
		t.Errorf("CreateMessage has %d fields, want %d (one per parameter)", got, want)
	}
}

// anchorPath is the reference copy of the OpenAPI operation, outside the
// repository. SMSGAUGE_ANCHORS names its directory when it lives elsewhere.
func anchorPath() (string, bool) {
	if d := os.Getenv("SMSGAUGE_ANCHORS"); d != "" {
		return d + "/twilio_create_message_oas.json", true
	}
	return "../shared/anchors/twilio_create_message_oas.json", false
}

func TestOASParamsMatchAnchor(t *testing.T) {
	path, required := anchorPath()
	b, err := os.ReadFile(path)
	if err != nil {
		if required {
			t.Fatalf("SMSGAUGE_ANCHORS is set but %s: %v", path, err)
		}
		// The testdata list above is the authority in a fresh clone; the
		// anchor, when present, keeps it honest.
		t.Logf("no anchor at %s; checked testdata only", path)
		return
	}
	var op struct {
		RequestBody struct {
			Content map[string]struct {
				Schema struct {
					Properties map[string]json.RawMessage `json:"properties"`
				} `json:"schema"`
				Examples map[string]struct {
					Value map[string]json.RawMessage `json:"value"`
				} `json:"examples"`
			} `json:"content"`
		} `json:"requestBody"`
	}
	if err := json.Unmarshal(b, &op); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	body := op.RequestBody.Content["application/x-www-form-urlencoded"]
	var anchorProps, exampleOnly []string
	for name := range body.Schema.Properties {
		anchorProps = append(anchorProps, name)
	}
	for _, ex := range body.Examples {
		for name := range ex.Value {
			if _, ok := body.Schema.Properties[name]; !ok && !slices.Contains(exampleOnly, name) {
				exampleOnly = append(exampleOnly, name)
			}
		}
	}
	props, examples := oasParams(t)
	slices.Sort(anchorProps)
	slices.Sort(exampleOnly)
	props = slices.Sorted(slices.Values(props))
	examples = slices.Sorted(slices.Values(examples))
	if !slices.Equal(props, anchorProps) {
		t.Errorf("testdata properties %v\nanchor properties   %v", props, anchorProps)
	}
	if !slices.Equal(examples, exampleOnly) {
		t.Errorf("testdata example-only names %v, anchor %v", examples, exampleOnly)
	}
}
